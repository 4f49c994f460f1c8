pub fn value() -> u32 {
    let unused_1 = 1;
    let unused_2 = 2;
    let unused_3 = 3;
    let unused_4 = 4;
    let unused_5 = 5;
    let unused_6 = 6;
    let unused_7 = 7;
    let unused_8 = 8;
    1
}
