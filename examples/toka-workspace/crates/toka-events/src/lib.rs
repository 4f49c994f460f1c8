//! An in-process event bus: subscribers register for a topic prefix and receive every matching
//! event in publish order. The bus keeps a bounded history so late subscribers can catch up.

use std::collections::VecDeque;

use toka_core::{validate_topic, AgentId, Result};

/// Something that happened, published on a topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub seq: u64,
    pub topic: String,
    pub source: AgentId,
    pub payload: String,
}

/// Handle returned by [`EventBus::subscribe`]; pass it to [`EventBus::drain`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubscriptionId(usize);

struct Subscription {
    prefix: String,
    inbox: VecDeque<Event>,
}

pub struct EventBus {
    next_seq: u64,
    history: VecDeque<Event>,
    history_limit: usize,
    subscriptions: Vec<Subscription>,
}

impl EventBus {
    /// A bus that remembers at most `history_limit` past events.
    pub fn new(history_limit: usize) -> Self {
        EventBus {
            next_seq: 1,
            history: VecDeque::new(),
            history_limit,
            subscriptions: Vec::new(),
        }
    }

    /// Subscribes to every topic that starts with `prefix` (`""` matches all).
    pub fn subscribe(&mut self, prefix: &str) -> SubscriptionId {
        self.subscriptions.push(Subscription {
            prefix: prefix.to_string(),
            inbox: VecDeque::new(),
        });
        SubscriptionId(self.subscriptions.len() - 1)
    }

    /// Publishes an event and returns its sequence number.
    pub fn publish(
        &mut self,
        topic: &str,
        source: AgentId,
        payload: impl Into<String>,
    ) -> Result<u64> {
        validate_topic(topic)?;
        let event = Event {
            seq: self.next_seq,
            topic: topic.to_string(),
            source,
            payload: payload.into(),
        };
        self.next_seq += 1;
        for sub in self
            .subscriptions
            .iter_mut()
            .filter(|s| event.topic.starts_with(&s.prefix))
        {
            sub.inbox.push_back(event.clone());
        }
        if self.history_limit > 0 {
            if self.history.len() == self.history_limit {
                self.history.pop_front();
            }
            self.history.push_back(event.clone());
        }
        Ok(event.seq)
    }

    /// Takes every event delivered to `id` since the last drain.
    pub fn drain(&mut self, id: SubscriptionId) -> Vec<Event> {
        match self.subscriptions.get_mut(id.0) {
            Some(sub) => sub.inbox.drain(..).collect(),
            None => Vec::new(),
        }
    }

    /// Past events on topics starting with `prefix`, oldest first.
    pub fn replay(&self, prefix: &str) -> Vec<&Event> {
        self.history
            .iter()
            .filter(|e| e.topic.starts_with(prefix))
            .collect()
    }

    pub fn published(&self) -> u64 {
        self.next_seq - 1
    }
}

impl Default for EventBus {
    fn default() -> Self {
        EventBus::new(64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: AgentId = AgentId::new(1);

    #[test]
    fn subscribers_receive_matching_topics_in_order() {
        let mut bus = EventBus::default();
        let agents = bus.subscribe("agent.");
        let all = bus.subscribe("");
        bus.publish("agent.spawned", A, "a").unwrap();
        bus.publish("tool.called", A, "b").unwrap();
        bus.publish("agent.stopped", A, "c").unwrap();

        let got: Vec<_> = bus.drain(agents).into_iter().map(|e| e.payload).collect();
        assert_eq!(got, ["a", "c"]);
        assert_eq!(bus.drain(all).len(), 3);
        assert!(bus.drain(agents).is_empty(), "drain empties the inbox");
    }

    #[test]
    fn history_is_bounded() {
        let mut bus = EventBus::new(2);
        for i in 0..5 {
            bus.publish("tick", A, i.to_string()).unwrap();
        }
        let seqs: Vec<u64> = bus.replay("").iter().map(|e| e.seq).collect();
        assert_eq!(seqs, [4, 5]);
        assert_eq!(bus.published(), 5);
    }

    #[test]
    fn invalid_topic_is_rejected_and_not_counted() {
        let mut bus = EventBus::default();
        assert!(bus.publish("Not Valid", A, "x").is_err());
        assert_eq!(bus.published(), 0);
    }
}
