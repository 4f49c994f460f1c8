pub mod now_hidden {
    #[doc(hidden)]
    pub struct S;
}
pub mod hidden_variant_visible {
    pub enum E { A, B }
}
pub mod hidden_assoc_type_visible {
    pub trait T { type A; }
}
pub mod deprecated_hidden {
    #[deprecated = "use something else"]
    #[doc(hidden)]
    pub fn old() {}
}
pub mod reexport_underscore_removed {
    pub fn kept() {}
}
