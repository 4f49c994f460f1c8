pub fn name() -> &'static str {
    "binerr"
}

#[cfg(test)]
mod tests {
    #[test]
    fn named() {
        assert_eq!(super::name(), "binerr");
    }
}
