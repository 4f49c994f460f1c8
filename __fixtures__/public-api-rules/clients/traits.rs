//# supertrait_added
pub struct Mine;
impl T for Mine {}
//# supertrait_added_sealed
pub fn take<X: T>(x: X) -> X { x }
//# supertrait_implied
#[derive(Clone, Copy)]
pub struct Mine;
impl T for Mine {}
//# supertrait_removed
pub fn twice<X: T>(x: &X) -> (X, X) { (x.clone(), x.clone()) }
//# default_removed
pub struct Mine;
impl T for Mine {}
//# const_default_removed
pub struct Mine;
impl T for Mine {}
//# method_with_default_added
pub struct Mine;
impl T for Mine { fn a(&self) -> u8 { 1 } }
//# trait_unsafe_added
pub struct Mine;
impl T for Mine {}
//# trait_unsafe_removed
pub struct Mine;
unsafe impl T for Mine {}
//# trait_method_unsafe_removed
pub struct Mine;
impl T for Mine { unsafe fn poke(&self) {} }
//# trait_impl_removed
pub fn show() -> String { format!("{}", S) }
//# derived_impl_removed
pub fn copy(s: &S) -> S { s.clone() }
//# impl_became_derived
pub fn copy(s: &S) -> S { s.clone() }
//# trait_impl_added
pub fn make() -> S { S }
//# foreign_impl_removed
pub fn call() -> u8 { 1u32.describe() }
//# auto_trait_lost
fn needs_send<X: Send>() {}
pub fn check() { needs_send::<S>() }
//# auto_trait_kept
fn needs_send<X: Send + Sync>() {}
pub fn check() { needs_send::<S>() }
//# no_longer_sized
pub fn len(u: U) -> u8 { u.len }
//# dyn_compatibility_lost
pub fn call(d: &dyn D) { d.m() }
//# dyn_compatibility_kept
pub fn call(d: &dyn D) { d.m() }
//# trait_sealed
pub struct Mine;
impl T for Mine {}
//# copy_added
pub fn later(c: C) -> impl FnOnce() -> u8 + 'static { || { let owned = c; owned.0 } }
//# moved_to_trait
use rules::traits::moved_to_trait::S;
pub fn call() -> u8 { S.level() }
//# moved_to_prelude_trait
pub fn call(c: &mut Counter) -> Option<u8> { c.next() }
//# trait_method_return_changed
pub struct Mine;
impl T for Mine { fn m(&self) {} }
//# trait_method_bound_loosened
pub struct Mine;
impl T for Mine { fn m<X: Clone>(&self, _x: X) {} }
//# hidden_required_item_added
pub struct Mine;
impl T for Mine {}
//# trait_method_target_feature_removed
pub struct Mine;
impl T for Mine {
    #[target_feature(enable = "avx2")]
    unsafe fn fast(&self) {}
}
