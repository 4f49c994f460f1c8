pub fn base() -> u32 {
    1
}

#[cfg(feature = "extra")]
pub fn extra() -> u32 {
    "not a number"
}

#[cfg(test)]
mod tests {
    #[test]
    fn base_is_one() {
        assert_eq!(super::base(), 1);
    }
}
