//! toka-net
pub fn client() -> &'static str {
    hyper_util::version()
}
