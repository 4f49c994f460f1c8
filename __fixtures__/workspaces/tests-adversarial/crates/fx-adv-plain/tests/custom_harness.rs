// A test target without libtest: it passes by exiting 0 and prints whatever it likes.
fn main() {
    println!("custom harness: checked {} cases", fx_adv_plain::double(3));
    if std::env::var_os("FX_HARNESS_FAIL").is_some() {
        eprintln!("custom harness: failing on request");
        std::process::exit(1);
    }
}
