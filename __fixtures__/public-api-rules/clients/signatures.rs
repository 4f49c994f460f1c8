//# return_type_changed
pub fn call() -> u32 { count() }
//# returns_unit
pub fn call() -> u32 { count() }
//# return_value_added
pub fn call() { reset(); }
//# return_alias
pub fn call() -> u32 { count() }
//# param_type_changed
pub fn call() -> u32 { set(1u32) }
//# receiver_ref_to_mut
pub fn call(s: &S) { s.touch() }
//# receiver_ref_to_owned
pub fn call(s: &S) { s.touch() }
//# receiver_mut_to_owned
pub fn call(s: &mut S) { s.touch() }
//# receiver_dropped
pub fn call(s: &S) { s.touch() }
//# receiver_mut_to_ref
pub fn call(s: &mut S) { s.touch(); S::touch(s) }
//# const_removed
pub const SEVEN: u32 = seven();
//# const_added
pub fn call() -> u32 { seven() }
//# static_now_mut
pub fn read() -> u32 { LIMIT }
//# static_mut_removed
pub fn write() { unsafe { LIMIT = 2 } }
//# static_now_unsafe
pub fn read() -> i32 { rules_fixture_counter }
//# abi_changed
pub fn pointer() -> extern "C" fn() { callback }
//# abi_unwind_added
pub fn pointer() -> extern "C" fn() { callback }
//# export_symbol_changed
pub fn call() { rules_fixture_exported() }
//# target_feature_added
pub fn call() -> u32 { fast() }
//# unsafe_target_feature_added
pub fn call() -> u32 { unsafe { fast() } }
//# const_type_changed
pub fn read() -> u32 { LIMIT }
//# field_type_changed
pub fn read(s: &S) -> u32 { s.x }
//# const_to_static
pub fn is_limit(x: u32) -> bool { matches!(x, LIMIT) }
//# static_to_const
pub fn read() -> u32 { LIMIT }
//# export_private_removed
extern "C" { fn rules_fixture_private_export(); }
pub fn call() { unsafe { rules_fixture_private_export() } }
//# private_fn_removed
pub fn call() {}
