//! Stand-in for reqwest 0.11.27.
pub fn version() -> &'static str {
    "0.11.27"
}
