//# type_param_added
pub fn name(_: &S<u8>) {}
//# type_param_default_added
pub fn name(_: &S<u8>) {}
//# type_param_removed
pub fn name(_: &S<u8, u16>) {}
//# fn_type_param_added
pub fn call() -> u8 { make::<u8>() }
//# fn_generalized
pub fn call() -> u32 { take(1u32) }
//# const_param_added
pub fn name(_: &A<3>) {}
//# const_param_default_added
pub fn name(_: &A<3>) {}
//# lifetime_param_added
pub struct Holder<'a>(pub R<'a>);
//# fn_lifetime_named
pub fn call() -> u8 { *first(&1) }
//# generics_reordered
pub fn call() -> [u8; 2] { fill::<u8, 2>(1) }
//# generics_renamed
pub fn build() -> P<u8, u16> { P::<u8, u16> { a: 1, b: 2 } }
//# bound_added
pub struct NoDebug;
impl Clone for NoDebug { fn clone(&self) -> Self { NoDebug } }
pub fn call() { dup(NoDebug); }
//# bound_implied
pub fn call() -> (u8, u8) { dup(1u8) }
//# bound_removed
pub fn call() -> u8 { keep(1u8) }
//# where_clause_added
pub struct NoDefault;
pub fn name(_: W<NoDefault>) {}
//# maybe_sized_removed
pub fn call() -> usize { size_of_val("text") }
//# impl_trait_narrowed
pub fn call() -> usize { let d = digits(); d.clone().count() }
//# impl_trait_widened
pub fn call() -> usize { digits().count() }
//# struct_to_alias_generics
pub fn name(s: S<u16>) -> u16 { s.t }
//# struct_to_alias_same
pub fn build() -> S<u8> { let s = S { t: 1u8 }; let S { t } = s; S { t } }
