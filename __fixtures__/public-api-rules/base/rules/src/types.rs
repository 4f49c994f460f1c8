pub mod repr_c_removed {
    #[repr(C)]
    pub struct L { pub a: u8, pub b: u32, pub c: u8 }
}
pub mod repr_c_added {
    pub struct L { pub a: u8, pub b: u32, pub c: u8 }
}
pub mod repr_int_changed {
    #[repr(u8)]
    pub enum E { A, B }
}
pub mod repr_int_removed {
    #[repr(u32)]
    pub enum E { A, B }
}
pub mod repr_transparent_removed {
    #[repr(transparent)]
    pub struct Meters(pub f64);
}
pub mod repr_align_changed {
    #[repr(align(8))]
    pub struct A { pub x: u8 }
}
pub mod repr_packed_added {
    pub struct P { pub a: u8, pub b: u32 }
}
pub mod discriminant_changed {
    pub enum D { A = 1, B = 2 }
}
pub mod discriminant_explicit {
    pub enum D { A, B }
}
pub mod no_longer_castable {
    #[non_exhaustive]
    pub enum C { A, B }
}
pub mod variant_field_added {
    pub enum V { T(u8) }
}
pub mod variant_field_added_non_exhaustive {
    pub enum V { #[non_exhaustive] T(u8) }
}
pub mod variant_field_removed {
    pub enum V { S { x: u8, y: u8 } }
}
pub mod variant_kind_changed {
    pub enum V { T(u8) }
}
pub mod variant_non_exhaustive_added {
    pub enum V { A(u8) }
}
pub mod variant_added_non_exhaustive_enum {
    #[non_exhaustive]
    pub enum N { A }
}
pub mod struct_kind_changed {
    pub struct U;
}
pub mod struct_kind_private {
    pub struct P { x: u8 }
}
pub mod tuple_field_private {
    pub struct T(pub u8);
}
pub mod kind_changed {
    pub struct K { pub x: u8 }
}
pub mod unit_struct_to_alias {
    pub struct U;
}
pub mod private_field_added {
    pub struct F { pub a: u8, #[doc(hidden)] pub h: u8 }
}
pub mod field_added_beside_hidden {
    pub struct F { pub a: u8, #[doc(hidden)] pub h: u8 }
}
