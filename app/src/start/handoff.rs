//! The start-screen program (`wengao-start`): the start screen alone, mounted
//! first, which hands every [`Action`] to the full app. boot.js loads the full
//! app (`wengaoLoadApp`: its JavaScript and wasm, once) as soon as the start
//! screen is shown, so that an action rarely waits for the network; when loading fails,
//! the start screen says so and the next click tries again.

use std::any::Any;
use std::cell::{Cell, RefCell};

use js_sys::{Function, Promise};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::{read_storage, Header, Host, Loading, Start, StartState};
use crate::action::{self, Action, OPEN, STUDIO};
use crate::storage;

#[wasm_bindgen]
extern "C" {
    /// boot.js: resolves to the full app's module (its `start(action, file)`).
    #[wasm_bindgen(js_name = wengaoLoadApp, catch)]
    fn load_app() -> Result<Promise, JsValue>;
    /// boot.js: loads the full app, then prewarms it when the page is idle.
    #[wasm_bindgen(js_name = wengaoPrefetchApp, catch)]
    fn prefetch_app() -> Result<(), JsValue>;
}

thread_local! {
    /// The mounted start screen, unmounted when the full app takes the page.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
    /// Whether an action is being handed over: a second click meanwhile (a
    /// double click, an impatient one) must not start the full app twice.
    static HANDING: Cell<bool> = const { Cell::new(false) };
}

/// Mounts the start screen into `#wengao`.
pub fn run() {
    let root = document().get_element_by_id("wengao").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(root) = root {
        let handle = leptos::mount::mount_to(root, StartProgram);
        MOUNTED.with_borrow_mut(|m| *m = Some(Box::new(handle)));
    }
}

#[component]
fn StartProgram() -> impl IntoView {
    let state = StartState::new();
    // Shown at once unless a reload returns to a draft or a template; reading
    // storage takes a few IndexedDB round trips, and a crash found by them
    // (rare) still hands its draft over from the start screen.
    let shown = RwSignal::new(storage::get_pref(OPEN).is_none() && storage::get_pref(STUDIO).is_none());
    let act = Callback::new(move |a: Action| hand_off(a, state, shown));
    // The start screen cannot compile templates: it says what was counted when
    // each was stored.
    let host = Host { act, errors: Callback::new(|key: String| crate::storage::library::local_template(&key).and_then(|t| t.errors)) };
    spawn_local(async move {
        if read_storage(state.message).await {
            // The library (and drafts moved from an earlier version) are read now.
            state.library_changed.update(|n| *n += 1);
            if let Some(a) = action::reopened().await {
                return hand_off(a, state, shown);
            }
        }
        if !shown.get_untracked() {
            shown.set(true);
        }
    });
    // The full app, fetched once the start screen's first frame is on the
    // screen (a task queued from the frame's callback runs after it): not
    // before, where it would slow that frame down, nor after storage has been
    // read (tens of ms later), which a 新建 clicked at once would wait for too.
    request_animation_frame(|| set_timeout(|| drop(prefetch_app()), std::time::Duration::ZERO));
    view! {
        <Header/>
        {move || if shown.get() { view! { <Start host state/> }.into_any() } else { view! { <Loading/> }.into_any() }}
    }
}

/// Loads the full app and gives it the page and `action`; if it cannot be
/// loaded, says so on the start screen, which stays usable.
fn hand_off(action: Action, state: StartState, shown: RwSignal<bool>) {
    if HANDING.replace(true) {
        return;
    }
    let (value, file) = action.to_js();
    state.message.set("正在打开……".into());
    spawn_local(async move {
        let loaded = match load_app() {
            Ok(promise) => JsFuture::from(promise).await,
            Err(e) => Err(e),
        };
        let start = loaded.and_then(|glue| js_sys::Reflect::get(&glue, &JsValue::from_str("start")));
        match start.map(JsCast::unchecked_into::<Function>) {
            Ok(start) => {
                MOUNTED.with_borrow_mut(Option::take);
                // A panic while the app mounts has said so itself (crash.rs): keep its message.
                let crashed = || document().get_element_by_id(crate::crash::ID).is_some();
                if start.call2(&JsValue::NULL, &value, &file).is_err() && !crashed() {
                    document().body().inspect(|b| b.set_text_content(Some("文稿打开失败，请刷新页面再试。")));
                }
            }
            Err(_) => {
                HANDING.set(false);
                state.message.set("文稿的表单部分没能从服务器载入（网络断了，或者服务器没有响应）。请检查网络，再点一次。".into());
                if !shown.get_untracked() {
                    shown.set(true);
                }
            }
        }
    });
}
