//! Stand-in for testkit 0.1.0.
pub fn version() -> &'static str {
    "0.1.0"
}
