//! Stand-in for base64 0.21.7: the deprecated top-level `encode` still exists.
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

pub fn encode<T: AsRef<[u8]>>(input: T) -> String {
    Engine::encode(&engine::general_purpose::STANDARD, input)
}
