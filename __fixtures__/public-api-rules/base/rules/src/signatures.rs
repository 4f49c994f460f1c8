pub mod return_type_changed {
    pub fn count() -> u32 { 0 }
}
pub mod returns_unit {
    pub fn count() -> u32 { 0 }
}
pub mod return_value_added {
    pub fn reset() {}
}
pub mod return_alias {
    pub fn count() -> u32 { 0 }
}
pub mod param_type_changed {
    pub fn set(x: u32) -> u32 { x }
}
pub mod receiver_ref_to_mut {
    pub struct S;
    impl S { pub fn touch(&self) {} }
}
pub mod receiver_ref_to_owned {
    pub struct S;
    impl S { pub fn touch(&self) {} }
}
pub mod receiver_mut_to_owned {
    pub struct S;
    impl S { pub fn touch(&mut self) {} }
}
pub mod receiver_dropped {
    pub struct S;
    impl S { pub fn touch(&self) {} }
}
pub mod receiver_mut_to_ref {
    pub struct S;
    impl S { pub fn touch(&mut self) {} }
}
pub mod const_removed {
    pub const fn seven() -> u32 { 7 }
}
pub mod const_added {
    pub fn seven() -> u32 { 7 }
}
pub mod static_now_mut {
    pub static LIMIT: u32 = 1;
}
pub mod static_mut_removed {
    pub static mut LIMIT: u32 = 1;
}
pub mod static_now_unsafe {
    unsafe extern "C" {
        pub safe static rules_fixture_counter: i32;
    }
}
pub mod abi_changed {
    pub extern "C" fn callback() {}
}
pub mod abi_unwind_added {
    pub extern "C" fn callback() {}
}
pub mod export_symbol_changed {
    #[no_mangle]
    pub extern "C" fn rules_fixture_exported() {}
}
pub mod target_feature_added {
    pub fn fast() -> u32 { 1 }
}
pub mod unsafe_target_feature_added {
    /// # Safety
    /// None needed.
    pub unsafe fn fast() -> u32 { 1 }
}
pub mod const_type_changed {
    pub const LIMIT: u32 = 1;
}
pub mod field_type_changed {
    pub struct S { pub x: u32 }
}
pub mod const_to_static {
    pub const LIMIT: u32 = 1;
}
pub mod static_to_const {
    pub static LIMIT: u32 = 1;
}
pub mod export_private_removed {
    mod ffi {
        #[no_mangle]
        pub extern "C" fn rules_fixture_private_export() {}
    }
}
pub mod private_fn_removed {
    mod ffi {
        #[allow(dead_code)]
        pub extern "C" fn rules_fixture_private_plain() {}
    }
}
