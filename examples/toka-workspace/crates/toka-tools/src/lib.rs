//! A registry of named tools. Agents look tools up by name and call them with a text argument.
//!
//! ```
//! use toka_tools::{FnTool, ToolRegistry};
//!
//! let mut tools = ToolRegistry::new();
//! tools.register(FnTool::new("shout", |input: &str| Ok(input.to_uppercase()))).unwrap();
//! assert_eq!(tools.call("shout", "hi").unwrap(), "HI");
//! assert!(tools.call("whisper", "hi").is_err());
//! ```

use std::collections::BTreeMap;

use toka_core::{Result, TokaError};

#[cfg(feature = "builtin")]
pub mod builtin;

/// A named operation on text.
pub trait Tool {
    fn name(&self) -> &str;
    fn call(&self, input: &str) -> Result<String>;
}

/// A tool made from a closure.
pub struct FnTool<F> {
    name: String,
    f: F,
}

impl<F: Fn(&str) -> Result<String>> FnTool<F> {
    pub fn new(name: impl Into<String>, f: F) -> Self {
        FnTool {
            name: name.into(),
            f,
        }
    }
}

impl<F: Fn(&str) -> Result<String>> Tool for FnTool<F> {
    fn name(&self) -> &str {
        &self.name
    }

    fn call(&self, input: &str) -> Result<String> {
        (self.f)(input)
    }
}

/// Tools by name; names are unique.
#[derive(Default)]
pub struct ToolRegistry {
    tools: BTreeMap<String, Box<dyn Tool>>,
    calls: u64,
}

impl ToolRegistry {
    pub fn new() -> Self {
        ToolRegistry::default()
    }

    /// Registers a tool; a second tool with the same name is refused so a typo cannot shadow one.
    pub fn register(&mut self, tool: impl Tool + 'static) -> Result<()> {
        let name = tool.name().to_string();
        if self.tools.contains_key(&name) {
            return Err(TokaError::ToolFailed {
                tool: name,
                message: "already registered".into(),
            });
        }
        self.tools.insert(name, Box::new(tool));
        Ok(())
    }

    pub fn call(&mut self, name: &str, input: &str) -> Result<String> {
        let tool = self
            .tools
            .get(name)
            .ok_or_else(|| TokaError::UnknownTool(name.to_string()))?;
        self.calls += 1;
        tool.call(input)
    }

    /// Registered tool names in sorted order.
    pub fn names(&self) -> Vec<&str> {
        self.tools.keys().map(String::as_str).collect()
    }

    pub fn calls(&self) -> u64 {
        self.calls
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn echo() -> FnTool<impl Fn(&str) -> Result<String>> {
        FnTool::new("echo", |s: &str| Ok(s.to_string()))
    }

    #[test]
    fn calls_registered_tool_and_counts() {
        let mut reg = ToolRegistry::new();
        reg.register(echo()).unwrap();
        assert_eq!(reg.call("echo", "x").unwrap(), "x");
        assert_eq!(reg.calls(), 1);
    }

    #[test]
    fn duplicate_names_are_refused() {
        let mut reg = ToolRegistry::new();
        reg.register(echo()).unwrap();
        let err = reg.register(echo()).unwrap_err();
        assert_eq!(err.to_string(), "tool \"echo\" failed: already registered");
        assert_eq!(reg.names(), ["echo"]);
    }

    #[test]
    fn unknown_tool_is_an_error_and_not_counted() {
        let mut reg = ToolRegistry::new();
        assert_eq!(
            reg.call("nope", ""),
            Err(TokaError::UnknownTool("nope".into()))
        );
        assert_eq!(reg.calls(), 0);
    }
}
