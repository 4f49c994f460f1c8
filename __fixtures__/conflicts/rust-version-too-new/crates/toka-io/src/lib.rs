//! toka-io
pub fn name() -> &'static str {
    "toka-io"
}
