fn main() {
    let also_unused = fx_rg_broken::answer();
}
