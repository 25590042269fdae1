//! `wengao-app`: the whole app. index.html's start screen (`wengao-start`) loads
//! it and calls [`start`] with the action the drafter chose; the single-file
//! build calls [`start`] with none; another page calls [`mount`].

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wengao_app::action::Action;
use wengao_app::view;

fn main() {
    wengao_app::crash::install();
}

/// Shows the app in `#wengao` and carries out `action` (an action handed over by
/// the start screen, or null), with `file` when the action reads one.
#[wasm_bindgen]
pub fn start(action: JsValue, file: Option<web_sys::File>) {
    let handed = Action::from_js(&action, file);
    // An action this build cannot read: the page's two programs are of
    // different versions (one of them came from the browser's cache).
    let unreadable = handed.is_none() && !action.is_null() && !action.is_undefined();
    if let Some(root) = document().get_element_by_id("wengao").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        leptos::mount::mount_to(root, move || view! { <view::App handed unreadable/> }).forget();
    }
}

/// Runs the form's computations once, so that the browser has compiled them
/// before the first form opens (boot.js calls it while the start screen
/// idles); view::prewarm says when it does nothing.
#[wasm_bindgen]
pub fn prewarm() {
    view::prewarm();
}

/// Reads the templates the office published beside the page (boot.js calls
/// it once this program is loaded behind the start screen): the start screen
/// lists them when they changed (start/published_view.rs).
#[wasm_bindgen]
pub fn refresh_published() {
    wengao_app::start::refresh_published();
}

/// Panics, as a bug would: the end-to-end tests call it to check that a panic
/// shows crash.rs's message and loses no draft. Nothing in the app calls it.
#[wasm_bindgen]
pub fn crash_for_test() {
    panic!("crash_for_test: 测试用的程序错误");
}

/// For another intranet page: mounts the guided form for `template` (the text of
/// a .wg template) into `element`. The draft is saved in this browser under the
/// template, so a reload restores it. Diagnostics are shown if the template has
/// errors. See docs/embedding.md.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, template: String) {
    leptos::mount::mount_to(element, move || view! { <view::Embedded source=template.clone()/> }).forget();
}
