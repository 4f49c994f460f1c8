#[test]
fn integration_passes() {
    assert_eq!(fx_mix_app::label(1), "#2");
}

#[test]
fn integration_fails() {
    assert!(fx_mix_app::label(1).ends_with('3'), "label was {}", fx_mix_app::label(1));
}
