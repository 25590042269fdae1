//! `wengao-start`: the start screen, the first thing index.html loads (see
//! handoff.rs and lib.rs).

fn main() {
    console_error_panic_hook::set_once();
    wengao_app::handoff::run();
}
