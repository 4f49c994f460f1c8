//! Stand-in for password-hash 0.6.0.
pub fn version() -> &'static str {
    "0.6.0"
}
