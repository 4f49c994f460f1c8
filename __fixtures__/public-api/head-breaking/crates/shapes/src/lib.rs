pub mod geometry {
    // params-changed
    pub fn area(w: u32, h: u32, scale: u32) -> u32 { w * h * scale }
    // became-unsafe
    pub unsafe fn perimeter(w: u32, h: u32) -> u32 { 2 * (w + h) }
    // field-removed: y
    pub struct Point { pub x: i32 }
    // field-added: d
    pub struct Size { pub w: u32, pub h: u32, pub d: u32 }
    // variant-added: Triangle
    pub enum Shape { Circle, Square, Triangle }
    // variant-removed: Blue
    pub enum Color { Red, Green }
    // non-exhaustive-added
    #[non_exhaustive]
    pub enum Mode { Fast, Slow }
    #[non_exhaustive]
    pub struct Config { pub verbose: bool }
    #[non_exhaustive]
    pub enum Event { Opened, Closed }
    pub struct Handle { id: u32 }
    impl Handle { pub fn id(&self) -> u32 { self.id } }
}
pub struct Widget;
impl Widget {
    pub fn spin(&self) {}
}
// required-trait-item-added: version
pub trait Plugin { fn name(&self) -> String; fn version(&self) -> u32; }
pub trait Sealed: private::Sealed { fn a(&self); }
mod private { pub trait Sealed {} }
fn private_helper(a: u8) -> u8 { a }
pub fn uses_private() -> u8 { private_helper(1) }
