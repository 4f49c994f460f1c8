//! Stand-in for windows-glue 0.1.0.
pub fn version() -> &'static str {
    "0.1.0"
}
