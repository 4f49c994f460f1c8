use std::collections::HashMap;

#[test]
fn outer() {
    assert_eq!(fx_co_testwarn::double(1), 2);
}
