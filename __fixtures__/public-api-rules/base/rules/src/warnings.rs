pub mod partial_ord_fields_reordered {
    #[derive(PartialEq, PartialOrd)]
    pub struct P { pub a: u8, pub b: u8 }
}
pub mod partial_ord_variants_reordered {
    #[derive(PartialEq, PartialOrd)]
    pub enum E { A(u8), B }
}
pub mod repr_c_fields_reordered {
    #[repr(C)]
    pub struct R { pub a: u32, pub b: u32 }
}
pub mod must_use_added {
    pub fn total() -> u8 { 0 }
}
