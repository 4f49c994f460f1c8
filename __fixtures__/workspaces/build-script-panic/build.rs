fn main() {
    println!("cargo:warning=looking for libfoo");
    panic!("the build script cannot find libfoo");
}
