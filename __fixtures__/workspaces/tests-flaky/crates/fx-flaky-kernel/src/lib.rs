use std::path::PathBuf;

/// True the first time `tag` asks within one gate run (a file in FX_FLAKY_STATE remembers it).
pub fn first_attempt(tag: &str) -> bool {
    let dir = PathBuf::from(std::env::var_os("FX_FLAKY_STATE").expect("FX_FLAKY_STATE names a directory"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(dir.join(tag))
        .is_ok()
}

pub fn switched_on(name: &str) -> bool {
    std::env::var_os(name).is_some()
}

/// Fails the first time a run asks, when FX_FLAKY_DOC is set.
///
/// ```
/// if fx_flaky_kernel::switched_on("FX_FLAKY_DOC") && fx_flaky_kernel::first_attempt("doc") {
///     panic!("the doc example lost a race");
/// }
/// ```
pub fn documented() {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn registry_is_sorted() {
        let mut v = vec![3, 1, 2];
        v.sort();
        assert_eq!(v, [1, 2, 3]);
    }

    #[test]
    fn fails_once() {
        if switched_on("FX_FLAKY") && first_attempt("fails_once") {
            panic!("the registry lost an entry");
        }
    }

    #[test]
    fn always_fails() {
        if switched_on("FX_BROKEN") {
            assert_eq!(1 + 1, 3, "arithmetic is broken");
        }
    }

    #[test]
    fn fakes_a_pass_on_retry() {
        if switched_on("FX_SPOOF") {
            if !first_attempt("spoof") {
                // Past libtest's capture, straight to the process's stdout.
                let mut out = std::io::stdout().lock();
                out.write_all(b"{ \"type\": \"test\", \"name\": \"tests::fakes_a_pass_on_retry\", \"event\": \"ok\" }\n").unwrap();
                out.flush().unwrap();
            }
            panic!("still broken");
        }
    }

    #[test]
    fn aborts_once_among_others() {
        if switched_on("FX_CRASH_LIB") && first_attempt("crash_lib") {
            std::process::abort();
        }
    }

    macro_rules! many {
        ($($name:ident)*) => {$(
            #[test]
            fn $name() {
                assert!(!switched_on("FX_MANY"), "one of many");
            }
        )*};
    }
    many!(m01 m02 m03 m04 m05 m06 m07 m08 m09 m10 m11 m12 m13 m14 m15 m16 m17 m18 m19 m20 m21);
}
