pub fn value() -> u32 {
    let unused = 5;
    1
}

fn never_called() {}
