//! Stand-in for nextgen-io 0.3.1.
pub fn version() -> &'static str {
    "0.3.1"
}
