//! Stand-in for base64 0.22.1.
pub fn version() -> &'static str {
    "0.22.1"
}
