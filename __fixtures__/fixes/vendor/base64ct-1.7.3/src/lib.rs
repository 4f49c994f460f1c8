//! Stand-in for base64ct 1.7.3.
pub fn version() -> &'static str {
    "1.7.3"
}
