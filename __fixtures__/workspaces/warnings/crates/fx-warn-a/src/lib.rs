pub fn scale(value: u32) -> u32 {
    let factor = 3;
    value * 2
}

fn helper() -> u32 {
    7
}

#[cfg(test)]
mod tests {
    #[test]
    fn scales() {
        assert_eq!(super::scale(2), 4);
    }
}
