//! Stand-in for base64ct 1.8.0.
pub fn version() -> &'static str {
    "1.8.0"
}
