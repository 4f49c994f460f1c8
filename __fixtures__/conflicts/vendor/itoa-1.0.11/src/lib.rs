//! Stand-in for itoa 1.0.11.
pub fn version() -> &'static str {
    "1.0.11"
}
