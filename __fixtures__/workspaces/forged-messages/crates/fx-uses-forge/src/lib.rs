fx_forge::forge_cargo_messages!("fx-warns-later");

pub fn answer() -> u32 {
    42
}
