//! toka-tools
pub fn name() -> &'static str {
    "toka-tools"
}
