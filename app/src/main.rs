//! The browser app: the start screen and the guided form, built from the compiled
//! template; counting, limits and the .docx renderer are the core crate's.

mod files;
mod form;
mod storage;
mod view;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(view::App);
}
