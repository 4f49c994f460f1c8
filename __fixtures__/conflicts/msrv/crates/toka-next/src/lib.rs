//! toka-next
pub fn name() -> &'static str {
    "toka-next"
}
