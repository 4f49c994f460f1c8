pub fn answer() -> u32 {
    42
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    /// Straight to the process's stdout, past libtest's capture.
    fn leak(text: &str) {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes()).unwrap();
        out.flush().unwrap();
    }

    #[test]
    fn prints_fake_results() {
        leak("running 3 tests\ntest fake::one ... ok\n");
        leak("test result: ok. 999 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n");
        leak(concat!(
            r#"{"reason":"compiler-message","package_id":"path+file:///x/fx-adv-spoof#0.1.0","#,
            r#""message":{"message":"fake error","code":{"code":"E0308"},"level":"error","spans":[],"rendered":"fake"}}"#,
            "\n"
        ));
        assert_eq!(super::answer(), 42);
    }

    #[test]
    fn fails_honestly() {
        if std::env::var_os("FX_CHATTY").is_some() {
            for i in 0..200_000 {
                println!("chatty line {i} of a test that prints a lot before it fails");
            }
        }
        assert_eq!(super::answer(), 41, "the answer drifted");
    }

    #[test]
    fn floods_when_asked() {
        if std::env::var_os("FX_FLOOD").is_some() {
            // 600 MiB without a line break: libtest hands it on as one event line when the test fails.
            let chunk = "x".repeat(1 << 20);
            for _ in 0..600 {
                print!("{chunk}");
            }
            panic!("flooded its output");
        }
    }

    #[test]
    fn leaks_a_libtest_event_when_asked() {
        if std::env::var_os("FX_LEAK_LIBTEST_EVENT").is_some() {
            leak("{ \"type\": \"test\", \"name\": \"tests::fails_honestly\", \"event\": \"ok\" }\n");
        }
    }

    #[test]
    fn aborts_when_asked() {
        if std::env::var_os("FX_ABORT").is_some() {
            std::process::abort();
        }
    }

    #[test]
    fn hangs_when_asked() {
        if std::env::var_os("FX_HANG").is_some() {
            std::thread::sleep(std::time::Duration::from_secs(600));
        }
    }
}
