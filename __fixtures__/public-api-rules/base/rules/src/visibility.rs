pub mod now_hidden {
    pub struct S;
}
pub mod hidden_variant_visible {
    pub enum E { A, #[doc(hidden)] B }
}
pub mod hidden_assoc_type_visible {
    pub trait T { #[doc(hidden)] type A; }
}
pub mod deprecated_hidden {
    pub fn old() {}
}
pub mod reexport_underscore_removed {
    pub use core::fmt::Write as _;
    pub fn kept() {}
}
