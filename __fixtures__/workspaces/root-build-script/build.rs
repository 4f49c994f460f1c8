// No `cargo:rerun-if-changed`: cargo reruns this script whenever any file of the package changes.
fn main() {
    println!("cargo:rustc-env=FX_RBS_PROFILE={}", std::env::var("PROFILE").unwrap_or_default());
}
