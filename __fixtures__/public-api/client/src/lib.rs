// A user of the base `shapes`: one function per use that a breaking change breaks. Tests compile it
// against each head: rustc's errors, by function, are the oracle for which changes break users.
#![allow(dead_code, unused_variables, unused_imports)]
use shapes::geometry::{Color, Config, Event, Mode, Point, Shape, Size};
use shapes::{Plugin, Widget};

pub fn use_area() -> u32 { shapes::geometry::area(1, 2) }
pub fn use_perimeter() -> u32 { shapes::geometry::perimeter(1, 2) }
pub fn use_point_y(p: &Point) -> i32 { p.y }
pub fn use_point_literal() -> Point { Point { x: 1, y: 2 } }
pub fn use_size_literal() -> Size { Size { w: 1, h: 2 } }
pub fn use_shape_match(s: &Shape) -> u8 { match s { Shape::Circle => 0, Shape::Square => 1 } }
pub fn use_color_blue() -> Color { Color::Blue }
pub fn use_mode_match(m: &Mode) -> u8 { match m { Mode::Fast => 0, Mode::Slow => 1 } }
pub fn use_config_literal() -> Config { Config { verbose: true } }
pub fn use_event_match(e: &Event) -> u8 { match e { Event::Opened => 0, _ => 1 } }
pub fn use_old_module() { shapes::old_module::helper() }
pub fn use_gone() { shapes::gone() }
pub fn use_gone_struct() -> shapes::GoneStruct { shapes::GoneStruct }
pub fn use_gone_enum() -> shapes::GoneEnum { shapes::GoneEnum::A }
pub fn use_gone_trait<T: shapes::GoneTrait>(t: T) {}
pub fn use_gone_const() -> u32 { shapes::GONE_CONST }
pub fn use_gone_static() -> u32 { shapes::GONE_STATIC }
pub fn use_gone_alias() -> shapes::GoneAlias { 1 }
pub fn use_widget_stop(w: &Widget) { w.stop() }
pub fn use_widget_spin(w: &Widget) { w.spin() }
pub struct MyPlugin;
impl Plugin for MyPlugin { fn name(&self) -> String { String::new() } }
pub fn use_uses_private() -> u8 { shapes::uses_private() }
