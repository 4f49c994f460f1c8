/// A real warning, in a crate cargo compiles only after the forged build-finished was printed.
pub fn answer() -> u32 {
    let unused = 1;
    fx_uses_forge::answer()
}
