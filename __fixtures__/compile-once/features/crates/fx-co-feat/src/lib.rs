pub fn base() -> u32 {
    1
}

/// Only with `--features extra` (or `--all-features`): its warning shows only then.
#[cfg(feature = "extra")]
pub fn extra() -> u32 {
    let unused_with_extra = 2;
    3
}

#[cfg(test)]
mod tests {
    #[test]
    fn base() {
        assert_eq!(super::base(), 1);
    }
}
