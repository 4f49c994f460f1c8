pub fn is_even(n: u64) -> bool {
    n % 2 == 0
}

#[cfg(test)]
mod tests {
    #[test]
    fn evens() {
        assert!(super::is_even(4));
        assert!(!super::is_even(5));
    }
}
