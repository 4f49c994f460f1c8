use std::any::Any;

use toka_core::{AgentId, Message};

/// An agent reacts to one message at a time and may answer with messages to other agents.
pub trait Agent: Any {
    fn name(&self) -> &str;
    fn handle(&mut self, me: AgentId, message: &Message) -> Vec<(AgentId, Message)>;
    fn as_any(&self) -> &dyn Any;
}

/// Counts the messages it receives and keeps the last body.
#[derive(Debug, Default)]
pub struct Counter {
    pub received: usize,
    pub last_body: Option<String>,
}

impl Agent for Counter {
    fn name(&self) -> &str {
        "counter"
    }

    fn handle(&mut self, _me: AgentId, message: &Message) -> Vec<(AgentId, Message)> {
        self.received += 1;
        self.last_body = Some(message.body().to_string());
        Vec::new()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Forwards every message to `target`, decrementing a hop budget carried in the body.
#[derive(Debug)]
pub struct Relay {
    pub target: AgentId,
}

impl Agent for Relay {
    fn name(&self) -> &str {
        "relay"
    }

    fn handle(&mut self, me: AgentId, message: &Message) -> Vec<(AgentId, Message)> {
        let hops: u32 = message.body().parse().unwrap_or(0);
        if hops == 0 {
            return Vec::new();
        }
        vec![(
            self.target,
            Message::new(me, message.topic(), (hops - 1).to_string()),
        )]
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
