//! Stand-in for hyper-util 0.1.0.
pub fn version() -> &'static str {
    "0.1.0"
}
