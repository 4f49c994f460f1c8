fn main() {
    let unused_in_bin = 5;
    println!("{}", fx_co_bin::greet());
}

#[cfg(test)]
mod tests {
    #[test]
    fn greets() {
        assert_eq!(fx_co_bin::greet(), "hi");
    }
}
