//! `wengao-start`: the start screen, the first thing index.html loads (see
//! start/handoff.rs and lib.rs).

fn main() {
    wengao_app::crash::install();
    wengao_app::start::handoff::run();
}
