//! A test that starts a process and never stops it (as a test starting a server may): the process
//! inherits cargo's stdout and holds it open after cargo exits. Only when FX_LEAK names how long.

pub fn answer() -> u32 {
    42
}

#[cfg(test)]
mod tests {
    #[test]
    fn starts_a_server_and_forgets_it() {
        if let Some(seconds) = std::env::var_os("FX_LEAK") {
            std::process::Command::new("sleep").arg(seconds).spawn().expect("sleep");
        }
        assert_eq!(super::answer(), 42);
    }
}
