//# helper_removed
use rules_derive::Tag;
#[derive(Tag)]
pub struct Tagged { #[tag] pub field: u8 }
