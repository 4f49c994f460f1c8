//! Stand-in for base64ct 1.6.0.
pub fn version() -> &'static str {
    "1.6.0"
}
