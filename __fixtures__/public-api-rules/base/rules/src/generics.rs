use core::marker::PhantomData;

pub mod type_param_added {
    pub struct S<T> { t: T }
}
pub mod type_param_default_added {
    pub struct S<T> { t: T }
}
pub mod type_param_removed {
    pub struct S<T, U> { t: T, u: super::PhantomData<U> }
}
pub mod fn_type_param_added {
    pub fn make<T: Default>() -> T { T::default() }
}
pub mod fn_generalized {
    pub fn take(x: u32) -> u32 { x }
}
pub mod const_param_added {
    pub struct A<const N: usize> { a: [u8; N] }
}
pub mod const_param_default_added {
    pub struct A<const N: usize> { a: [u8; N] }
}
pub mod lifetime_param_added {
    pub struct R<'a> { r: &'a u8 }
}
pub mod fn_lifetime_named {
    pub fn first(x: &u8) -> &u8 { x }
}
pub mod generics_reordered {
    pub fn fill<T: Copy, const N: usize>(t: T) -> [T; N] { [t; N] }
}
pub mod generics_renamed {
    pub struct P<A, B> { pub a: A, pub b: B }
}
pub mod bound_added {
    pub fn dup<T: Clone>(t: T) -> (T, T) { (t.clone(), t) }
}
pub mod bound_implied {
    pub fn dup<T: Copy>(t: T) -> (T, T) { (t, t) }
}
pub mod bound_removed {
    pub fn keep<T: Clone>(t: T) -> T { t }
}
pub mod where_clause_added {
    pub struct W<T> { pub t: T }
}
pub mod maybe_sized_removed {
    pub fn size_of_val<T: ?Sized>(t: &T) -> usize { core::mem::size_of_val(t) }
}
pub mod impl_trait_narrowed {
    pub fn digits() -> impl Iterator<Item = u8> + Clone { 0..10u8 }
}
pub mod impl_trait_widened {
    pub fn digits() -> impl Iterator<Item = u8> { 0..10u8 }
}
pub mod struct_to_alias_generics {
    pub struct S<T> { pub t: T }
}
pub mod struct_to_alias_same {
    pub struct S<T> { pub t: T }
}
