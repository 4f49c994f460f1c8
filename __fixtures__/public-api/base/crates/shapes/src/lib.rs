pub mod geometry {
    pub fn area(w: u32, h: u32) -> u32 { w * h }
    pub fn perimeter(w: u32, h: u32) -> u32 { 2 * (w + h) }
    pub struct Point { pub x: i32, pub y: i32 }
    pub struct Size { pub w: u32, pub h: u32 }
    pub enum Shape { Circle, Square }
    pub enum Color { Red, Green, Blue }
    pub enum Mode { Fast, Slow }
    pub struct Config { pub verbose: bool }
    #[non_exhaustive]
    pub enum Event { Opened, Closed }
    pub struct Handle { id: u32 }
    impl Handle { pub fn id(&self) -> u32 { self.id } }
}
pub mod old_module { pub fn helper() {} }
pub fn gone() {}
pub struct GoneStruct;
pub enum GoneEnum { A }
pub trait GoneTrait {}
pub const GONE_CONST: u32 = 1;
pub static GONE_STATIC: u32 = 2;
pub type GoneAlias = u32;
pub struct Widget;
impl Widget {
    pub fn spin(&self) {}
    pub fn stop(&self) {}
}
pub trait Plugin { fn name(&self) -> String; }
pub trait Sealed: private::Sealed { fn a(&self); }
mod private { pub trait Sealed {} }
#[doc(hidden)]
pub fn internal_use_only() {}
fn private_helper(a: u8) -> u8 { a }
pub fn uses_private() -> u8 { private_helper(1) }
