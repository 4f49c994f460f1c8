//! toka-auth
pub fn hasher() -> &'static str {
    password_hash::version()
}
