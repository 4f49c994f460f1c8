pub mod geometry {
    pub fn area(w: u32, h: u32) -> u32 { w * h }
    pub fn perimeter(w: u32, h: u32) -> u32 { 2 * (w + h) }
    // Moved, still re-exported at its old path.
    pub use crate::points::Point;
    pub struct Size { pub w: u32, pub h: u32 }
    pub enum Shape { Circle, Square }
    pub enum Color { Red, Green, Blue }
    pub enum Mode { Fast, Slow }
    pub struct Config { pub verbose: bool }
    // A variant added to a #[non_exhaustive] enum.
    #[non_exhaustive]
    pub enum Event { Opened, Closed, Renamed }
    // A private field added to a struct that already had one.
    pub struct Handle { id: u32, generation: u32 }
    impl Handle { pub fn id(&self) -> u32 { self.id + self.generation } }
}
mod points { pub struct Point { pub x: i32, pub y: i32 } }
pub mod old_module { pub fn helper() {} }
pub fn gone() {}
// Hidden before, public now: not new API.
pub fn internal_use_only() {}
pub struct GoneStruct;
// Moved behind a glob re-export: still reachable at the same paths.
mod globbed {
    pub enum GoneEnum { A }
    pub trait GoneTrait {}
    pub const GONE_CONST: u32 = 1;
    pub(crate) fn not_exported() {}
}
pub use globbed::*;
pub static GONE_STATIC: u32 = 2;
pub type GoneAlias = u32;
pub struct Widget;
impl Widget {
    pub fn spin(&self) {}
    pub fn stop(&self) {}
    // Additions.
    pub fn reset(&mut self) {}
}
pub fn added() {}
pub struct AddedStruct { pub a: u8 }
// A trait method with a default.
pub trait Plugin { fn name(&self) -> String; fn version(&self) -> u32 { 1 } }
// A required method added to a sealed trait: nobody outside can implement it.
pub trait Sealed: private::Sealed { fn a(&self); fn b(&self); }
mod private { pub trait Sealed {} }
fn private_helper(a: u8, b: u8) -> u8 { a + b }
pub fn uses_private() -> u8 { private_helper(1, 2) }
