pub fn answer() -> u32 {
    let text: String = 42;
    text.len() as u32
}
