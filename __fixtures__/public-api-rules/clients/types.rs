//# repr_c_removed
const _: () = assert!(core::mem::size_of::<L>() == 12);
//# repr_c_added
pub fn sum(l: &L) -> u32 { l.a as u32 + l.b + l.c as u32 }
//# repr_int_changed
const _: () = assert!(core::mem::size_of::<E>() == 1);
//# repr_int_removed
const _: () = assert!(core::mem::size_of::<E>() == 4);
//# repr_transparent_removed
pub fn raw(m: Meters) -> f64 { m.0 }
//# repr_align_changed
const _: () = assert!(core::mem::align_of::<A>() == 8);
//# repr_packed_added
pub fn field(p: &P) -> &u32 { &p.b }
//# discriminant_changed
const _: () = assert!(D::B as i32 == 2);
//# discriminant_explicit
const _: () = assert!(D::B as i32 == 1);
//# no_longer_castable
pub fn code(c: C) -> i32 { c as i32 }
//# variant_field_added
pub fn build() -> V { V::T(1) }
//# variant_field_added_non_exhaustive
pub fn first(v: &V) -> u8 { match v { V::T { 0: x, .. } => *x } }
//# variant_field_removed
pub fn second(v: &V) -> u8 { match v { V::S { y, .. } => *y } }
//# variant_kind_changed
pub fn build() -> V { V::T(1) }
//# variant_non_exhaustive_added
pub fn build() -> V { V::A(1) }
//# variant_added_non_exhaustive_enum
pub fn code(n: &N) -> u8 { match n { N::A => 0, _ => 1 } }
//# struct_kind_changed
pub fn build() -> U { U }
//# struct_kind_private
pub fn take(p: P) { let P { .. } = p; }
//# tuple_field_private
pub fn inner(t: &T) -> u8 { t.0 }
//# kind_changed
pub fn build() -> K { K { x: 1 } }
//# unit_struct_to_alias
pub fn build() -> U { U }
//# private_field_added
pub fn update(f: F) -> F { F { a: 1, ..f } }
//# field_added_beside_hidden
pub fn update(f: F) -> F { F { a: 1, ..f } }
