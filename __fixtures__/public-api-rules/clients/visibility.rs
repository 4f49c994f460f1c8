//# now_hidden
pub fn make() -> S { S }
//# hidden_variant_visible
pub fn code(e: &E) -> u8 { match e { E::A => 0, E::B => 1 } }
//# hidden_assoc_type_visible
pub struct Mine;
impl T for Mine { type A = u8; }
//# deprecated_hidden
#[allow(deprecated)]
pub fn call() { old() }
//# reexport_underscore_removed
pub fn call() { kept() }
