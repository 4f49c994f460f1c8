//# partial_ord_fields_reordered
pub fn less() -> bool { P { a: 1, b: 2 } < P { a: 2, b: 1 } }
//# partial_ord_variants_reordered
pub fn less() -> bool { E::A(1) < E::B }
//# repr_c_fields_reordered
pub fn sum(r: &R) -> u32 { r.a + r.b }
//# must_use_added
pub fn call() { total(); }
