pub fn free() -> u32 {
    let unused = 1;
    7
}
