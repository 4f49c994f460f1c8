pub fn run() -> u32 {
    fx_noisy::value() + 1
}

#[cfg(test)]
mod tests {
    #[test]
    fn runs() {
        assert_eq!(super::run(), 2);
    }
}
