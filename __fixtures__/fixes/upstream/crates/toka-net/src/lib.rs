//! toka-net
pub fn client() -> &'static str {
    reqwest::version()
}
