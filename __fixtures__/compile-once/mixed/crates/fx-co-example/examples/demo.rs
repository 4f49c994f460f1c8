fn main() {
    let unused_in_example = 1;
    println!("{}", fx_co_example::triple(2));
}
