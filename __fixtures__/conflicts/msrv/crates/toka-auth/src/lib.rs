//! toka-auth
pub fn name() -> &'static str {
    "toka-auth"
}
