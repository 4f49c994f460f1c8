pub fn greet() -> &'static str {
    "hi"
}
