pub fn half(x: u32) -> u32 {
    x / 2
}

#[cfg(test)]
mod tests {
    #[test]
    fn halves() {
        // A compile error that only the test build sees.
        let n: u32 = "two";
        assert_eq!(super::half(4), n);
    }
}
