/// Used only by the tests: dead code in a normal build, not in the test build.
fn helper_for_tests() -> u32 {
    7
}

pub fn answer() -> u32 {
    let unused_in_lib = 1;
    42
}

#[cfg(test)]
mod tests {
    #[test]
    fn helper() {
        assert_eq!(super::helper_for_tests(), 7);
    }
}
