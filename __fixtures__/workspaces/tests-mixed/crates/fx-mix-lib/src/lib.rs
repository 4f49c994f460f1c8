//! Unit tests of every outcome, and two doctests: one passes, one fails.

/// Doubles a number.
///
/// ```
/// assert_eq!(fx_mix_lib::double(2), 4);
/// ```
pub fn double(x: i32) -> i32 {
    x * 2
}

/// Halves a number; panics on zero.
///
/// ```
/// assert_eq!(fx_mix_lib::halve(8), 5);
/// ```
pub fn halve(x: i32) -> i32 {
    if x == 0 {
        panic!("cannot halve zero");
    }
    x / 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_passes() {
        assert_eq!(double(3), 6);
    }

    #[test]
    fn double_fails_assert_eq() {
        assert_eq!(double(3), 7);
    }

    #[test]
    #[should_panic(expected = "cannot halve zero")]
    fn halve_zero_panics() {
        halve(0);
    }

    #[test]
    #[ignore = "slow"]
    fn ignored_slow() {
        assert_eq!(halve(4), 2);
    }
}
