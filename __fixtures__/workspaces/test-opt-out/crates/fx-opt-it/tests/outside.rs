// A member of integration tests only: `cargo check` has nothing of it to check.
#[test]
fn two_from_outside() {
    assert_eq!(fx_opt_tested::two(), 2);
}
