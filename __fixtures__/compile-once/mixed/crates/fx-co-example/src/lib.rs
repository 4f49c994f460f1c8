pub fn triple(x: u32) -> u32 {
    x * 3
}
