//! toka-core encodes with the base64 Engine API.
use base64::Engine;

pub fn encode(data: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(data)
}
