//! Stand-in for password-hash 0.5.0.
pub fn version() -> &'static str {
    "0.5.0"
}
