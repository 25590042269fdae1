//! Skeleton of the browser app: the built-in templates compiled in the browser by
//! the same compiler as the CLI, and a live 字数 counter from the same function.
//! The guided form itself is the browser-app issue's work.

mod view;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(view::App);
}
