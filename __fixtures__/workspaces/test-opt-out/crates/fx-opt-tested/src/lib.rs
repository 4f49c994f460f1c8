pub fn two() -> u32 {
    2
}

#[test]
fn two_is_two() {
    assert_eq!(two(), 2);
}
