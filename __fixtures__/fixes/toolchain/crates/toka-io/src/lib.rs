//! toka-io
pub fn io() -> &'static str {
    nextgen_io::version()
}
