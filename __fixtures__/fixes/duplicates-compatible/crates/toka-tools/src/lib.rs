//! toka-tools: the Engine API exists in base64 0.21 and 0.22.
use base64::Engine;

pub fn token(data: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(data)
}

#[cfg(test)]
mod tests {
    #[test]
    fn encodes_like_core() {
        assert_eq!(super::token(b"hi"), toka_core::encode(b"hi"));
    }
}
