//! toka-tools still calls the top-level `encode`, which base64 0.22 removed.
pub fn token(data: &[u8]) -> String {
    base64::encode(data)
}

pub fn header(user: &str) -> String {
    format!("Basic {}", base64::encode(user))
}
