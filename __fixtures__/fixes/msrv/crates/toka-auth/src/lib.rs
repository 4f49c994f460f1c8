//! toka-auth
pub fn hasher() -> &'static str {
    password_hash::version()
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_the_hasher() {
        assert_eq!(super::hasher(), "0.5.0");
    }
}
