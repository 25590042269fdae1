//! `wengao-desk`: the organizer's desk (审核台), loaded by boot.js when the
//! page is opened as `?desk` (desk/mod.rs).

fn main() {
    wengao_app::crash::install();
    wengao_app::desk::run();
}
