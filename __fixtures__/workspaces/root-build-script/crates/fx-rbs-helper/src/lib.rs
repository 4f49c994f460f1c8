pub fn twice(n: u32) -> u32 {
    n * 2
}

#[cfg(test)]
mod tests {
    #[test]
    fn twice_three() {
        assert_eq!(super::twice(3), 6);
    }
}
