use std::fmt;

use crate::AgentId;

/// Every failure a Toka crate reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokaError {
    InvalidTopic { topic: String, reason: &'static str },
    UnknownAgent(AgentId),
    UnknownTool(String),
    ToolFailed { tool: String, message: String },
    Stopped,
}

pub type Result<T> = std::result::Result<T, TokaError>;

impl fmt::Display for TokaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TokaError::InvalidTopic { topic, reason } => {
                write!(f, "invalid topic {topic:?}: {reason}")
            }
            TokaError::UnknownAgent(id) => write!(f, "no agent {id} in this runtime"),
            TokaError::UnknownTool(name) => write!(f, "no tool named {name:?} is registered"),
            TokaError::ToolFailed { tool, message } => write!(f, "tool {tool:?} failed: {message}"),
            TokaError::Stopped => write!(f, "the runtime has been stopped"),
        }
    }
}

impl std::error::Error for TokaError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_agent_names_the_agent() {
        assert_eq!(
            TokaError::UnknownAgent(AgentId::new(3)).to_string(),
            "no agent agent-3 in this runtime"
        );
    }
}
