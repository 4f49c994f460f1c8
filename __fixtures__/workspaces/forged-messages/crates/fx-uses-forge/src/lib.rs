fx_forge::forge_cargo_messages!();

/// A real warning, which cargo reports after the forged build-finished.
pub fn answer() -> u32 {
    let unused = 1;
    42
}
