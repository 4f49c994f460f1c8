pub const PROFILE: &str = env!("FX_RBS_PROFILE");

pub fn doubled(n: u32) -> u32 {
    fx_rbs_helper::twice(n)
}

#[cfg(test)]
mod tests {
    #[test]
    fn doubles() {
        assert_eq!(super::doubled(3), 6);
        assert!(!super::PROFILE.is_empty());
    }
}
