pub mod partial_ord_fields_reordered {
    #[derive(PartialEq, PartialOrd)]
    pub struct P { pub b: u8, pub a: u8 }
}
pub mod partial_ord_variants_reordered {
    #[derive(PartialEq, PartialOrd)]
    pub enum E { B, A(u8) }
}
pub mod repr_c_fields_reordered {
    #[repr(C)]
    pub struct R { pub b: u32, pub a: u32 }
}
pub mod must_use_added {
    #[must_use]
    pub fn total() -> u8 { 0 }
}
