//! Stand-in for base64 0.21.7.
pub fn version() -> &'static str {
    "0.21.7"
}
