pub fn three() -> u32 {
    fx_three()
}

fn fx_three() -> u32 {
    3
}

#[test]
fn three_is_three() {
    assert_eq!(three(), 3);
}
