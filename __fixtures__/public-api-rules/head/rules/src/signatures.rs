pub mod return_type_changed {
    pub fn count() -> u64 { 0 }
}
pub mod returns_unit {
    pub fn count() {}
}
pub mod return_value_added {
    pub fn reset() -> u32 { 0 }
}
pub mod return_alias {
    pub type Count = u32;
    pub fn count() -> Count { 0 }
}
pub mod param_type_changed {
    pub fn set(x: u64) -> u32 { x as u32 }
}
pub mod receiver_ref_to_mut {
    pub struct S;
    impl S { pub fn touch(&mut self) {} }
}
pub mod receiver_ref_to_owned {
    pub struct S;
    impl S { pub fn touch(self) {} }
}
pub mod receiver_mut_to_owned {
    pub struct S;
    impl S { pub fn touch(self) {} }
}
pub mod receiver_dropped {
    pub struct S;
    impl S { pub fn touch(_s: &Self) {} }
}
pub mod receiver_mut_to_ref {
    pub struct S;
    impl S { pub fn touch(&self) {} }
}
pub mod const_removed {
    pub fn seven() -> u32 { 7 }
}
pub mod const_added {
    pub const fn seven() -> u32 { 7 }
}
pub mod static_now_mut {
    pub static mut LIMIT: u32 = 1;
}
pub mod static_mut_removed {
    pub static LIMIT: u32 = 1;
}
pub mod static_now_unsafe {
    unsafe extern "C" {
        pub static rules_fixture_counter: i32;
    }
}
pub mod abi_changed {
    pub fn callback() {}
}
pub mod abi_unwind_added {
    pub extern "C-unwind" fn callback() {}
}
pub mod export_symbol_changed {
    #[export_name = "rules_fixture_exported_v2"]
    pub extern "C" fn rules_fixture_exported() {}
}
pub mod target_feature_added {
    #[target_feature(enable = "avx2")]
    pub fn fast() -> u32 { 1 }
}
pub mod unsafe_target_feature_added {
    /// # Safety
    /// The CPU must support AVX2.
    #[target_feature(enable = "avx2")]
    pub unsafe fn fast() -> u32 { 1 }
}
pub mod const_type_changed {
    pub const LIMIT: u64 = 1;
}
pub mod field_type_changed {
    pub struct S { pub x: u64 }
}
pub mod const_to_static {
    pub static LIMIT: u32 = 1;
}
pub mod static_to_const {
    pub const LIMIT: u32 = 1;
}
pub mod export_private_removed {
    mod ffi {
        #[allow(dead_code)]
        pub extern "C" fn rules_fixture_private_export() {}
    }
}
pub mod private_fn_removed {
    mod ffi {}
}
