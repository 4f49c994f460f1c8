//! Stand-in for itoa 0.4.8.
pub fn version() -> &'static str {
    "0.4.8"
}
