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

use super::{after_mount, read_storage, Header, Host, Loading, Start, StartState};
use crate::action::{self, Action, OPEN, STUDIO};
use crate::storage::{self, library};

#[wasm_bindgen]
extern "C" {
    /// boot.js: resolves to the full app's module (its `start(action, file)`).
    #[wasm_bindgen(js_name = wengaoLoadApp, catch)]
    fn load_app() -> Result<Promise, JsValue>;
    /// boot.js: loads the full app, then prewarms it when the page is idle.
    #[wasm_bindgen(js_name = wengaoPrefetchApp, catch)]
    fn prefetch_app() -> Result<(), JsValue>;
    /// boot.js (skeleton.js): shows the new form of the built-in template
    /// `name` as plain HTML, typeable, until the full app's form takes its place.
    #[wasm_bindgen(js_name = wengaoShowSkeleton, catch)]
    fn show_skeleton(name: &str) -> Result<Promise, JsValue>;
    /// boot.js (skeleton.js): the full app could not be loaded; resolves to
    /// true when the drafter, who typed into the skeleton, asks to try again.
    #[wasm_bindgen(js_name = wengaoSkeletonFailed, catch)]
    fn skeleton_failed(message: &str) -> Result<Promise, JsValue>;
    /// boot.js: takes index.html's copy of the start screen out of `#wengao`
    /// (what was typed there is put into this program's screen once mounted)
    /// and gives the action begun on it, as [action, file], or null.
    #[wasm_bindgen(js_name = wengaoTakeStatic, catch)]
    fn take_static() -> Result<JsValue, JsValue>;
}

thread_local! {
    /// The mounted start screen, unmounted when the full app takes the page.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
    /// Whether an action is being handed over: a second click meanwhile (a
    /// double click, an impatient one) must not start the full app twice.
    static HANDING: Cell<bool> = const { Cell::new(false) };
}

/// Mounts the start screen into `#wengao`, in place of index.html's copy of it,
/// and carries on an action begun there.
pub fn run() {
    let root = document().get_element_by_id("wengao").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(root) = root {
        let begun = take_static().ok().and_then(|v| v.dyn_into::<js_sys::Array>().ok());
        let handle = leptos::mount::mount_to(root, move || view! { <StartProgram begun/> });
        MOUNTED.with_borrow_mut(|m| *m = Some(Box::new(handle)));
    }
}

#[component]
fn StartProgram(begun: Option<js_sys::Array>) -> impl IntoView {
    let state = StartState::new();
    // Shown at once unless a reload returns to a draft or a template (reading
    // storage takes a few IndexedDB round trips, and a crash found by them,
    // rare, still hands its draft over from the start screen), or 新建 was
    // clicked on index.html's copy (its skeleton is showing).
    let reopening = storage::get_pref(OPEN).is_some() || storage::get_pref(STUDIO).is_some();
    let is_new = begun.as_ref().is_some_and(|b| js_sys::Reflect::get(&b.get(0), &"action".into()).is_ok_and(|a| a == "New"));
    if let Some(b) = begun.as_ref().filter(|_| is_new) {
        // The copy's 新建 gives the built-in template's name; the action, its key.
        let key =
            js_sys::Reflect::get(&b.get(0), &"template".into()).ok().and_then(|t| t.as_string()).map(|name| library::builtin_key(&name));
        let _ = js_sys::Reflect::set(&b.get(0), &"template".into(), &key.unwrap_or_default().into());
    }
    let shown = RwSignal::new(!reopening && !is_new);
    let act = Callback::new(move |a: Action| hand_off(a, state, shown));
    // The start screen cannot compile templates: it says what was counted when
    // each was stored.
    let host = Host {
        act,
        errors: Callback::new(|key: String| crate::storage::library::local_template(&key).and_then(|t| t.errors)),
        more_pickers: None,
    };
    if let Some(begun) = begun {
        // Passed on as it is: the full app reads it (Action::from_js) and
        // storage. Its skeleton is showing.
        hand_over(begun.get(0), begun.get(1), None, state, shown);
    } else {
        // try_*: the full app may have taken the page (and this program's
        // signals are gone) before storage has been read.
        after_mount(move || {
            spawn_local(async move {
                if read_storage(state.message).await {
                    state.library_changed.try_update(|n| *n += 1);
                    if let Some(a) = action::reopened().await {
                        return hand_off(a, state, shown);
                    }
                }
                // Not while an action is being handed over: a skeleton waits for the
                // form in the hidden #wengao, and a start screen there would mean the
                // form could not be opened (skeleton.js).
                if shown.try_get_untracked() == Some(false) && !HANDING.get() {
                    shown.set(true);
                }
            })
        });
    }
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
/// loaded, says so on the start screen, which stays usable. A new draft of a
/// built-in template shows its form at once, as plain HTML one can type into
/// (app/skeleton.js), until the full app's form takes over.
fn hand_off(action: Action, state: StartState, shown: RwSignal<bool>) {
    let skeleton = match &action {
        Action::New { template } => library::builtin_name(template).map(str::to_string),
        _ => None,
    };
    let (value, file) = action.to_js();
    hand_over(value, file, skeleton, state, shown);
}

/// [`hand_off`] for an action given as [`Action::to_js`] gives it, showing the
/// skeleton of the built-in template named `skeleton`.
fn hand_over(value: JsValue, file: JsValue, skeleton: Option<String>, state: StartState, shown: RwSignal<bool>) {
    if HANDING.replace(true) {
        return;
    }
    state.message.set("正在打开……".into());
    spawn_local(async move {
        if let Some(Ok(showing)) = skeleton.map(|name| show_skeleton(&name)) {
            let _ = JsFuture::from(showing).await;
        }
        loop {
            let loaded = match load_app() {
                Ok(promise) => JsFuture::from(promise).await,
                Err(e) => Err(e),
            };
            let start = loaded.and_then(|glue| js_sys::Reflect::get(&glue, &JsValue::from_str("start")));
            let Ok(start) = start.map(JsCast::unchecked_into::<Function>) else {
                const FAILED: &str = "文稿的表单部分没能从服务器载入（网络断了，或者服务器没有响应）。请检查网络，再点一次。";
                // A skeleton holding typed text stays, and says so, until 再试一次.
                if let Ok(retry) = skeleton_failed(FAILED) {
                    if JsFuture::from(retry).await.is_ok_and(|r| r.is_truthy()) {
                        continue;
                    }
                }
                HANDING.set(false);
                state.message.set(FAILED.into());
                if !shown.get_untracked() {
                    shown.set(true);
                    // Storage was not read for an action begun on index.html's copy.
                    if read_storage(state.message).await {
                        state.library_changed.update(|n| *n += 1);
                    }
                }
                return;
            };
            MOUNTED.with_borrow_mut(Option::take);
            // A panic while the app mounts has said so itself (crash.rs): keep its message.
            let crashed = || document().get_element_by_id(crate::crash::ID).is_some();
            if start.call2(&JsValue::NULL, &value, &file).is_err() && !crashed() {
                document().body().inspect(|b| b.set_text_content(Some("文稿打开失败，请刷新页面再试。")));
            }
            return;
        }
    });
}
