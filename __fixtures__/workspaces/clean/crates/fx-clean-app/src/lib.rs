pub fn total(values: &[u32]) -> u32 {
    values.iter().fold(0, |acc, v| fx_clean_core::add(acc, *v))
}

#[cfg(test)]
mod tests {
    #[test]
    fn sums() {
        assert_eq!(super::total(&[1, 2, 3]), 6);
    }
}
