use core::marker::PhantomData;

pub mod type_param_added {
    pub struct S<T, U> { t: T, u: super::PhantomData<U> }
}
pub mod type_param_default_added {
    pub struct S<T, U = u8> { t: T, u: super::PhantomData<U> }
}
pub mod type_param_removed {
    pub struct S<T> { t: T }
}
pub mod fn_type_param_added {
    pub fn make<T: Default, U>() -> T { T::default() }
}
pub mod fn_generalized {
    pub fn take(x: impl Into<u32>) -> u32 { x.into() }
}
pub mod const_param_added {
    pub struct A<const N: usize, const M: usize> { a: [u8; N], b: [u8; M] }
}
pub mod const_param_default_added {
    pub struct A<const N: usize, const M: usize = 0> { a: [u8; N], b: [u8; M] }
}
pub mod lifetime_param_added {
    pub struct R<'a, 'b> { r: &'a u8, s: &'b u8 }
}
pub mod fn_lifetime_named {
    pub fn first<'a>(x: &'a u8) -> &'a u8 { x }
}
pub mod generics_reordered {
    pub fn fill<const N: usize, T: Copy>(t: T) -> [T; N] { [t; N] }
}
pub mod generics_renamed {
    pub struct P<X, Y> { pub a: X, pub b: Y }
}
pub mod bound_added {
    pub fn dup<T: Clone + core::fmt::Debug>(t: T) -> (T, T) { (t.clone(), t) }
}
pub mod bound_implied {
    pub fn dup<T: Copy + Clone>(t: T) -> (T, T) { (t, t) }
}
pub mod bound_removed {
    pub fn keep<T>(t: T) -> T { t }
}
pub mod where_clause_added {
    pub struct W<T> where T: Default { pub t: T }
}
pub mod maybe_sized_removed {
    pub fn size_of_val<T>(t: &T) -> usize { core::mem::size_of_val(t) }
}
pub mod impl_trait_narrowed {
    pub fn digits() -> impl Iterator<Item = u8> { 0..10u8 }
}
pub mod impl_trait_widened {
    pub fn digits() -> impl Iterator<Item = u8> + Clone { 0..10u8 }
}
pub mod struct_to_alias_generics {
    mod inner {
        pub struct S<T> { pub t: T }
    }
    pub type S = inner::S<u8>;
}
pub mod struct_to_alias_same {
    mod inner {
        pub struct S<T> { pub t: T }
    }
    pub type S<T> = inner::S<T>;
}
