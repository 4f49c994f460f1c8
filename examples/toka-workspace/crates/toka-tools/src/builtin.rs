//! Text tools shipped with Toka, behind the `builtin` feature.

use toka_core::{Result, TokaError};

use crate::{FnTool, ToolRegistry};

/// Registers `upper`, `lower`, `reverse` and `count-words`.
pub fn register_all(registry: &mut ToolRegistry) -> Result<()> {
    registry.register(FnTool::new("upper", |s: &str| Ok(s.to_uppercase())))?;
    registry.register(FnTool::new("lower", |s: &str| Ok(s.to_lowercase())))?;
    registry.register(FnTool::new("reverse", |s: &str| {
        Ok(s.chars().rev().collect())
    }))?;
    registry.register(FnTool::new("count-words", count_words))?;
    Ok(())
}

fn count_words(s: &str) -> Result<String> {
    if s.trim().is_empty() {
        return Err(TokaError::ToolFailed {
            tool: "count-words".into(),
            message: "empty input".into(),
        });
    }
    Ok(s.split_whitespace().count().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_are_registered() {
        let mut reg = ToolRegistry::new();
        register_all(&mut reg).unwrap();
        assert_eq!(reg.names(), ["count-words", "lower", "reverse", "upper"]);
        assert_eq!(reg.call("reverse", "abc").unwrap(), "cba");
        assert_eq!(reg.call("count-words", "a b  c").unwrap(), "3");
        assert!(reg.call("count-words", "  ").is_err());
    }
}
