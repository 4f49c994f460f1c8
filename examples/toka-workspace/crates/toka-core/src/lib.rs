//! Core types shared by every Toka crate: agent identifiers, the message envelope and the error type.
//!
//! ```
//! use toka_core::{AgentId, Message};
//!
//! let from = AgentId::new(1);
//! let msg = Message::new(from, "greet", "hello");
//! assert_eq!(msg.topic(), "greet");
//! assert_eq!(msg.to_string(), "agent-1 -> greet: hello");
//! ```

use std::fmt;

mod error;

pub use error::{Result, TokaError};

/// Identifies one agent for the lifetime of a runtime.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AgentId(u64);

impl AgentId {
    pub const fn new(raw: u64) -> Self {
        AgentId(raw)
    }

    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl fmt::Display for AgentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "agent-{}", self.0)
    }
}

/// A message sent by an agent on a topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    from: AgentId,
    topic: String,
    body: String,
}

impl Message {
    pub fn new(from: AgentId, topic: impl Into<String>, body: impl Into<String>) -> Self {
        Message {
            from,
            topic: topic.into(),
            body: body.into(),
        }
    }

    pub fn from(&self) -> AgentId {
        self.from
    }

    pub fn topic(&self) -> &str {
        &self.topic
    }

    pub fn body(&self) -> &str {
        &self.body
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} -> {}: {}", self.from, self.topic, self.body)
    }
}

/// Checks a topic name: non-empty, lowercase ASCII, digits, `.` and `-` only.
pub fn validate_topic(topic: &str) -> Result<()> {
    if topic.is_empty() {
        return Err(TokaError::InvalidTopic {
            topic: topic.to_string(),
            reason: "empty",
        });
    }
    let ok = topic
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-');
    if !ok {
        return Err(TokaError::InvalidTopic {
            topic: topic.to_string(),
            reason: "use a-z, 0-9, '.' or '-'",
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agent_id_displays_with_prefix() {
        assert_eq!(AgentId::new(42).to_string(), "agent-42");
    }

    #[test]
    fn agent_ids_order_by_raw_value() {
        assert!(AgentId::new(1) < AgentId::new(2));
        assert_eq!(AgentId::new(7).raw(), 7);
    }

    #[test]
    fn valid_topics_pass() {
        assert!(validate_topic("agent.spawned").is_ok());
        assert!(validate_topic("tool-call.v2").is_ok());
    }

    #[test]
    fn invalid_topics_name_the_reason() {
        let err = validate_topic("Bad Topic").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid topic \"Bad Topic\": use a-z, 0-9, '.' or '-'"
        );
        assert!(matches!(
            validate_topic(""),
            Err(TokaError::InvalidTopic {
                reason: "empty",
                ..
            })
        ));
    }
}
