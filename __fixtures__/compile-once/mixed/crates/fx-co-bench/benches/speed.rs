fn main() {
    let unused_in_bench = 1;
    println!("{}", fx_co_bench::one());
}
