fn main() {
    // A compile error in the binary only; the library and its tests are fine.
    let shown: u32 = fx_co_binerr::name();
    println!("{shown}");
}
