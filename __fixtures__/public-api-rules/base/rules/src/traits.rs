pub mod supertrait_added {
    pub trait T {}
}
pub mod supertrait_added_sealed {
    mod private {
        pub trait Sealed {}
    }
    pub trait T: private::Sealed {}
    pub struct Only;
    impl private::Sealed for Only {}
    impl T for Only {}
}
pub mod supertrait_implied {
    pub trait T: Copy {}
}
pub mod supertrait_removed {
    pub trait T: Clone {}
}
pub mod default_removed {
    pub trait T { fn level(&self) -> u8 { 0 } }
}
pub mod const_default_removed {
    pub trait T { const LEVEL: u8 = 0; }
}
pub mod method_with_default_added {
    pub trait T { fn a(&self) -> u8; }
}
pub mod trait_unsafe_added {
    pub trait T {}
}
pub mod trait_unsafe_removed {
    /// # Safety
    /// Implementors promise nothing.
    pub unsafe trait T {}
}
pub mod trait_method_unsafe_removed {
    pub trait T {
        /// # Safety
        /// None needed.
        unsafe fn poke(&self);
    }
}
pub mod trait_impl_removed {
    pub struct S;
    impl core::fmt::Display for S {
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result { f.write_str("s") }
    }
}
pub mod derived_impl_removed {
    #[derive(Clone, Debug)]
    pub struct S;
}
pub mod impl_became_derived {
    pub struct S;
    impl Clone for S { fn clone(&self) -> Self { S } }
}
pub mod trait_impl_added {
    pub struct S;
}
pub mod foreign_impl_removed {
    pub trait Describe { fn describe(&self) -> u8; }
    impl Describe for u32 { fn describe(&self) -> u8 { 4 } }
}
pub mod auto_trait_lost {
    pub struct S { x: u8 }
}
pub mod auto_trait_kept {
    pub struct S { x: u8 }
}
pub mod no_longer_sized {
    pub struct U { pub len: u8, pub data: [u8; 4] }
}
pub mod dyn_compatibility_lost {
    pub trait D { fn m(&self); }
}
pub mod dyn_compatibility_kept {
    pub trait D { fn m(&self); }
}
pub mod trait_sealed {
    pub trait T {}
}
pub mod copy_added {
    #[derive(Clone)]
    pub struct C(pub u8);
}
pub mod moved_to_trait {
    pub struct S;
    impl S { pub fn level(&self) -> u8 { 1 } }
}
pub mod moved_to_prelude_trait {
    pub struct Counter(pub u8);
    impl Counter { pub fn next(&mut self) -> Option<u8> { self.0.checked_sub(1).inspect(|n| self.0 = *n) } }
}
pub mod trait_method_return_changed {
    pub trait T { fn m(&self); }
}
pub mod trait_method_bound_loosened {
    pub trait T { fn m<X: Clone>(&self, x: X); }
}
pub mod hidden_required_item_added {
    pub trait T {}
}
pub mod trait_method_target_feature_removed {
    pub trait T {
        /// # Safety
        /// The CPU must support AVX2.
        #[target_feature(enable = "avx2")]
        unsafe fn fast(&self) {}
    }
}
