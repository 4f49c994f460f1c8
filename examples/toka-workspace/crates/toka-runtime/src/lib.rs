//! The agent runtime: owns the agents, delivers messages between them in FIFO order and publishes
//! lifecycle events (`agent.spawned`, `agent.stopped`, `message.delivered`) on an [`EventBus`].

use std::collections::{BTreeMap, VecDeque};

use toka_core::{AgentId, Message, Result, TokaError};
use toka_events::EventBus;

mod agent;

pub use agent::{Agent, Counter, Relay};

pub struct Runtime {
    next_id: u64,
    agents: BTreeMap<AgentId, Box<dyn Agent>>,
    queue: VecDeque<(AgentId, Message)>,
    bus: EventBus,
    stopped: bool,
}

/// Upper bound on deliveries per [`Runtime::run_until_idle`], so agents that answer each other
/// forever cannot hang the caller.
pub const MAX_DELIVERIES: usize = 10_000;

impl Runtime {
    pub fn new() -> Self {
        Runtime {
            next_id: 1,
            agents: BTreeMap::new(),
            queue: VecDeque::new(),
            bus: EventBus::default(),
            stopped: false,
        }
    }

    pub fn spawn(&mut self, agent: impl Agent + 'static) -> Result<AgentId> {
        self.ensure_running()?;
        let id = AgentId::new(self.next_id);
        self.next_id += 1;
        let name = agent.name().to_string();
        self.agents.insert(id, Box::new(agent));
        self.bus.publish("agent.spawned", id, name)?;
        Ok(id)
    }

    /// Queues `message` for `to`; delivery happens in [`Runtime::run_until_idle`].
    pub fn send(&mut self, to: AgentId, message: Message) -> Result<()> {
        self.ensure_running()?;
        if !self.agents.contains_key(&to) {
            return Err(TokaError::UnknownAgent(to));
        }
        self.queue.push_back((to, message));
        Ok(())
    }

    /// Delivers queued messages, including replies, until the queue is empty. Returns deliveries made.
    pub fn run_until_idle(&mut self) -> Result<usize> {
        self.ensure_running()?;
        let mut delivered = 0;
        while let Some((to, message)) = self.queue.pop_front() {
            if delivered == MAX_DELIVERIES {
                self.queue.push_front((to, message));
                break;
            }
            let agent = self
                .agents
                .get_mut(&to)
                .ok_or(TokaError::UnknownAgent(to))?;
            let replies = agent.handle(to, &message);
            delivered += 1;
            self.bus.publish("message.delivered", to, message.topic())?;
            for (dest, reply) in replies {
                self.send(dest, reply)?;
            }
        }
        Ok(delivered)
    }

    pub fn stop(&mut self) -> Result<()> {
        self.ensure_running()?;
        let ids: Vec<AgentId> = self.agents.keys().copied().collect();
        for id in ids {
            self.bus.publish("agent.stopped", id, "")?;
        }
        self.agents.clear();
        self.queue.clear();
        self.stopped = true;
        Ok(())
    }

    pub fn agent(&self, id: AgentId) -> Option<&dyn Agent> {
        self.agents.get(&id).map(|a| a.as_ref())
    }

    pub fn events(&self) -> &EventBus {
        &self.bus
    }

    pub fn events_mut(&mut self) -> &mut EventBus {
        &mut self.bus
    }

    fn ensure_running(&self) -> Result<()> {
        if self.stopped {
            Err(TokaError::Stopped)
        } else {
            Ok(())
        }
    }
}

impl Default for Runtime {
    fn default() -> Self {
        Runtime::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spawn_publishes_an_event() {
        let mut rt = Runtime::new();
        let id = rt.spawn(Counter::default()).unwrap();
        let events = rt.events().replay("agent.spawned");
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].source, id);
        assert_eq!(events[0].payload, "counter");
    }

    #[test]
    fn sending_to_unknown_agent_fails() {
        let mut rt = Runtime::new();
        let ghost = AgentId::new(99);
        let err = rt.send(ghost, Message::new(ghost, "x", "")).unwrap_err();
        assert_eq!(err, TokaError::UnknownAgent(ghost));
    }

    #[test]
    fn stopped_runtime_refuses_work() {
        let mut rt = Runtime::new();
        rt.spawn(Counter::default()).unwrap();
        rt.stop().unwrap();
        assert_eq!(
            rt.spawn(Counter::default()).unwrap_err(),
            TokaError::Stopped
        );
        assert_eq!(rt.events().replay("agent.stopped").len(), 1);
    }
}
