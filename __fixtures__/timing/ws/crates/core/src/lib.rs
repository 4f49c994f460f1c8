pub fn double(x: u32) -> u32 {
    outside_dep::twice(x)
}

#[cfg(test)]
mod tests {
    #[test]
    fn doubles() {
        assert_eq!(super::double(2), 4);
    }
}
