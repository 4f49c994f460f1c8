pub fn agents() -> usize {
    fx_flaky_kernel::documented();
    2
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_agents() {
        assert_eq!(super::agents(), 2);
    }
}
