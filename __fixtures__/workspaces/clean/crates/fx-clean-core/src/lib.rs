/// Adds two numbers, saturating at `u32::MAX`.
///
/// ```
/// assert_eq!(fx_clean_core::add(2, 3), 5);
/// ```
pub fn add(a: u32, b: u32) -> u32 {
    a.saturating_add(b)
}

#[cfg(test)]
mod tests {
    #[test]
    fn adds() {
        assert_eq!(super::add(1, 2), 3);
    }

    #[test]
    fn saturates() {
        assert_eq!(super::add(u32::MAX, 1), u32::MAX);
    }
}
