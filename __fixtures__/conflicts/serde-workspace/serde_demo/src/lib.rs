use serde::Serialize;

#[derive(Serialize)]
pub struct Reading {
    pub sensor: String,
    pub value: u32,
}

/// The reading's value as decimal text.
pub fn value_text(r: &Reading) -> String {
    itoa::Buffer::new().format(r.value).to_string()
}
