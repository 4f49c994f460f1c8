pub fn greet(name: &str) -> String {
    let unused_greeting = "hi";
    format!("hello {name}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn greets() {
        assert_eq!(super::greet("x"), "hello x");
    }
}
