pub fn label(n: i32) -> String {
    format!("#{}", fx_mix_lib::double(n))
}

#[cfg(test)]
mod tests {
    #[test]
    fn label_passes() {
        assert_eq!(super::label(2), "#4");
    }

    #[test]
    fn custom_panic_fails() {
        panic!("config file missing: {}", "app.toml");
    }

    #[test]
    #[ignore]
    fn ignored_plain() {}
}
