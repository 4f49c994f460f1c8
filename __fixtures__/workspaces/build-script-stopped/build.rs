fn main() {
    let unused = 1;
}
