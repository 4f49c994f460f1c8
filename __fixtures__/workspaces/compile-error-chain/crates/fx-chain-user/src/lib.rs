pub fn twice() -> u32 {
    fx_chain_broken::answer() * 2
}
