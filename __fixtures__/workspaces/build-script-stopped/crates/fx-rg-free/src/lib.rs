pub fn free() -> u32 {
    1
}
