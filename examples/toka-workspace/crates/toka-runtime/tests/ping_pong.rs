//! Two relays bounce a message until its hop budget runs out; a counter watches the events.

use toka_core::{AgentId, Message};
use toka_runtime::{Counter, Relay, Runtime, MAX_DELIVERIES};

#[test]
fn relays_bounce_until_budget_is_spent() {
    let mut rt = Runtime::new();
    let sink = rt.spawn(Counter::default()).unwrap();
    let a = rt.spawn(Relay { target: sink }).unwrap();
    let b = rt.spawn(Relay { target: a }).unwrap();
    let watch = rt.events_mut().subscribe("message.");

    rt.send(b, Message::new(b, "ping", "3")).unwrap();
    let delivered = rt.run_until_idle().unwrap();

    // b(3) -> a(2) -> sink(1); the sink does not answer.
    assert_eq!(delivered, 3);
    let counter = rt
        .agent(sink)
        .unwrap()
        .as_any()
        .downcast_ref::<Counter>()
        .unwrap();
    assert_eq!(counter.received, 1);
    assert_eq!(counter.last_body.as_deref(), Some("1"));
    assert_eq!(rt.events_mut().drain(watch).len(), 3);
}

#[test]
fn runaway_agents_are_cut_off() {
    let mut rt = Runtime::new();
    // Ids are handed out in order, so two relays can point at each other and never go idle.
    let a = rt
        .spawn(Relay {
            target: AgentId::new(2),
        })
        .unwrap();
    let b = rt.spawn(Relay { target: a }).unwrap();
    assert_eq!(b, AgentId::new(2));
    rt.send(a, Message::new(a, "loop", "1000000")).unwrap();

    assert_eq!(rt.run_until_idle().unwrap(), MAX_DELIVERIES);
    // The undelivered message stays queued for the next call.
    assert_eq!(rt.run_until_idle().unwrap(), MAX_DELIVERIES);
}
