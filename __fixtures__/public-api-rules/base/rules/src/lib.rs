//! One module per case: a rule's breaking change, or its look-alike that breaks nobody.
#![allow(dead_code)]
pub mod generics;
pub mod signatures;
pub mod traits;
pub mod types;
pub mod visibility;
pub mod warnings;
