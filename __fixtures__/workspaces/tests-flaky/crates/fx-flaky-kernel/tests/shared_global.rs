// Two tests share a global map: cleanup_leaves_it_empty fails when the other runs at the same time.
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

static REGISTRY: Mutex<Option<HashMap<String, u32>>> = Mutex::new(None);

fn insert(key: &str) {
    REGISTRY.lock().unwrap().get_or_insert_with(HashMap::new).insert(key.to_string(), 1);
}

fn remove(key: &str) {
    REGISTRY.lock().unwrap().get_or_insert_with(HashMap::new).remove(key);
}

fn len() -> usize {
    REGISTRY.lock().unwrap().as_ref().map_or(0, |m| m.len())
}

#[test]
fn cleanup_leaves_it_empty() {
    if !fx_flaky_kernel::switched_on("FX_SHARED") {
        return;
    }
    insert("cleanup");
    std::thread::sleep(Duration::from_millis(300));
    remove("cleanup");
    assert_eq!(len(), 0, "the registry still holds entries after cleanup");
}

#[test]
fn registers_an_agent() {
    if !fx_flaky_kernel::switched_on("FX_SHARED") {
        return;
    }
    insert("agent");
    std::thread::sleep(Duration::from_millis(600));
    remove("agent");
}
