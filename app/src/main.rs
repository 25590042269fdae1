//! The browser app: the start screen and the guided form, built from the compiled
//! template; counting, limits and the .docx renderer are the core crate's.

mod derived;
mod export;
mod files;
mod form;
mod idb;
mod inputs;
mod library;
mod occurrence;
mod outline;
mod pictures_view;
mod preview;
mod proof_view;
mod session;
mod storage;
mod studio;
mod summary;
mod table_view;
mod tabs;
mod templates_view;
mod unplaced;
mod view;
mod word_import;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The app mounts itself into `#wengao` when the page has one (index.html); a
/// page that embeds the form has none and calls [`mount`] instead.
fn main() {
    console_error_panic_hook::set_once();
    if let Some(root) = document().get_element_by_id("wengao").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        leptos::mount::mount_to(root, view::App).forget();
    }
}

/// For another intranet page: mounts the guided form for `template` (the text of
/// a .wg template) into `element`. The draft is saved in this browser under the
/// template, so a reload restores it. Diagnostics are shown if the template has
/// errors. See docs/embedding.md.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, template: String) {
    leptos::mount::mount_to(element, move || view! { <view::Embedded source=template.clone()/> }).forget();
}
