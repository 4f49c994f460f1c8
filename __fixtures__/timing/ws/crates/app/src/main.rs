fn main() {
    println!("{}", timing_core::double(21));
}
