pub mod supertrait_added {
    pub trait T: core::fmt::Debug {}
}
pub mod supertrait_added_sealed {
    mod private {
        pub trait Sealed {}
    }
    pub trait T: private::Sealed + core::fmt::Debug {}
    #[derive(Debug)]
    pub struct Only;
    impl private::Sealed for Only {}
    impl T for Only {}
}
pub mod supertrait_implied {
    pub trait T: Copy + Clone {}
}
pub mod supertrait_removed {
    pub trait T {}
}
pub mod default_removed {
    pub trait T { fn level(&self) -> u8; }
}
pub mod const_default_removed {
    pub trait T { const LEVEL: u8; }
}
pub mod method_with_default_added {
    pub trait T { fn a(&self) -> u8; fn b(&self) -> u8 { self.a() } }
}
pub mod trait_unsafe_added {
    /// # Safety
    /// Implementors promise nothing.
    pub unsafe trait T {}
}
pub mod trait_unsafe_removed {
    pub trait T {}
}
pub mod trait_method_unsafe_removed {
    pub trait T { fn poke(&self); }
}
pub mod trait_impl_removed {
    pub struct S;
}
pub mod derived_impl_removed {
    #[derive(Debug)]
    pub struct S;
}
pub mod impl_became_derived {
    #[derive(Clone)]
    pub struct S;
}
pub mod trait_impl_added {
    #[derive(Default)]
    pub struct S;
}
pub mod foreign_impl_removed {
    pub trait Describe { fn describe(&self) -> u8; }
}
pub mod auto_trait_lost {
    pub struct S { x: u8, p: *const u8 }
}
pub mod auto_trait_kept {
    pub struct S { x: u8, y: u16 }
}
pub mod no_longer_sized {
    pub struct U { pub len: u8, pub data: [u8] }
}
pub mod dyn_compatibility_lost {
    pub trait D { const C: u8 = 0; fn m(&self); }
}
pub mod dyn_compatibility_kept {
    pub trait D { fn m(&self); fn with<X>(&self, _x: X) where Self: Sized {} }
}
pub mod trait_sealed {
    mod private {
        pub trait Sealed {}
    }
    pub trait T: private::Sealed {}
}
pub mod copy_added {
    #[derive(Clone, Copy)]
    pub struct C(pub u8);
}
pub mod moved_to_trait {
    pub struct S;
    pub trait Level { fn level(&self) -> u8; }
    impl Level for S { fn level(&self) -> u8 { 1 } }
}
pub mod moved_to_prelude_trait {
    pub struct Counter(pub u8);
    impl Iterator for Counter {
        type Item = u8;
        fn next(&mut self) -> Option<u8> { self.0.checked_sub(1).inspect(|n| self.0 = *n) }
    }
}
pub mod trait_method_return_changed {
    pub trait T { fn m(&self) -> u8; }
}
pub mod trait_method_bound_loosened {
    pub trait T { fn m<X>(&self, x: X); }
}
pub mod hidden_required_item_added {
    pub trait T { #[doc(hidden)] fn internal(&self); }
}
pub mod trait_method_target_feature_removed {
    pub trait T {
        /// # Safety
        /// None needed.
        unsafe fn fast(&self) {}
    }
}
