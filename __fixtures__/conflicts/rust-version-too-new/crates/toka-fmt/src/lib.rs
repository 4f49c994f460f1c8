//! toka-fmt
pub fn name() -> &'static str {
    "toka-fmt"
}
