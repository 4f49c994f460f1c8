// One test, alone in its binary: when it aborts, it is the test the binary was running.
#[test]
fn aborts_once() {
    if fx_flaky_kernel::switched_on("FX_CRASH") && fx_flaky_kernel::first_attempt("crash") {
        std::process::abort();
    }
}
