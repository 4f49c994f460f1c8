//! toka-core
pub fn name() -> &'static str {
    "toka-core"
}
