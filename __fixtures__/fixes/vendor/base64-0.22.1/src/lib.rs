//! Stand-in for base64 0.22.1: only the Engine API (the top-level `encode` is gone).
pub trait Engine {
    fn encode<T: AsRef<[u8]>>(&self, input: T) -> String {
        input.as_ref().iter().map(|b| format!("{b:02x}")).collect()
    }
}

pub mod engine {
    pub mod general_purpose {
        pub struct GeneralPurpose;
        impl crate::Engine for GeneralPurpose {}
        pub const STANDARD: GeneralPurpose = GeneralPurpose;
    }
}
