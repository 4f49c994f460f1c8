// serde_json implements the traits of the registry's serde, not of the workspace's: only its own
// types cross the boundary here.
#[test]
fn json_value_parses() {
    let v: serde_json::Value = serde_json::from_str(r#"{"a":[1,2]}"#).unwrap();
    assert_eq!(v["a"][1], 2);
}
