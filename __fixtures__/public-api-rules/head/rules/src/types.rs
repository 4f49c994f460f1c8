pub mod repr_c_removed {
    pub struct L { pub a: u8, pub b: u32, pub c: u8 }
}
pub mod repr_c_added {
    #[repr(C)]
    pub struct L { pub a: u8, pub b: u32, pub c: u8 }
}
pub mod repr_int_changed {
    #[repr(u16)]
    pub enum E { A, B }
}
pub mod repr_int_removed {
    pub enum E { A, B }
}
pub mod repr_transparent_removed {
    pub struct Meters(pub f64);
}
pub mod repr_align_changed {
    #[repr(align(4))]
    pub struct A { pub x: u8 }
}
pub mod repr_packed_added {
    #[repr(packed)]
    pub struct P { pub a: u8, pub b: u32 }
}
pub mod discriminant_changed {
    pub enum D { A = 1, B = 3 }
}
pub mod discriminant_explicit {
    pub enum D { A = 0, B = 1 }
}
pub mod no_longer_castable {
    #[non_exhaustive]
    pub enum C { A, B, V(u8) }
}
pub mod variant_field_added {
    pub enum V { T(u8, u8) }
}
pub mod variant_field_added_non_exhaustive {
    pub enum V { #[non_exhaustive] T(u8, u8) }
}
pub mod variant_field_removed {
    pub enum V { S { x: u8 } }
}
pub mod variant_kind_changed {
    pub enum V { T { x: u8 } }
}
pub mod variant_non_exhaustive_added {
    pub enum V { #[non_exhaustive] A(u8) }
}
pub mod variant_added_non_exhaustive_enum {
    #[non_exhaustive]
    pub enum N { A, B }
}
pub mod struct_kind_changed {
    pub struct U {}
}
pub mod struct_kind_private {
    pub struct P(u8);
}
pub mod tuple_field_private {
    pub struct T(u8);
}
pub mod kind_changed {
    pub enum K { X(u8) }
}
pub mod unit_struct_to_alias {
    mod inner {
        pub struct U;
    }
    pub type U = inner::U;
}
pub mod private_field_added {
    pub struct F { pub a: u8, #[doc(hidden)] pub h: u8, private: u8 }
}
pub mod field_added_beside_hidden {
    pub struct F { pub a: u8, #[doc(hidden)] pub h: u8, pub b: u8 }
}
