//! The templates the office published beside its page on the start screen
//! (storage/published.rs): listed first among the cards of 新建, marked 本单位,
//! each with why when it cannot be used (for the admin). They are read again
//! from the server by the full app, which boot.js loads behind the start
//! screen once its first frame is shown (the fetching and checking cost the
//! start-screen program 10 KB gzipped, over its budget), and kept for offline
//! use. Opened from disk (the single-file build) nothing can be fetched: the
//! drafter may pick the folder.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::Host;
use super::CARDS;
use crate::files;
use crate::storage::library;
use crate::storage::published::{self, Origin, Refreshed};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A card of 新建: a published template, or a built-in one.
pub struct Offer {
    pub key: String,
    pub title: String,
    pub description: String,
    /// Why it cannot be begun on (the admin is to publish it again).
    pub problem: Option<String>,
    /// Published by the office.
    pub ours: bool,
}

/// The cards of 新建: the published templates first, then the built-in ones
/// unless the office's list hides them.
pub fn offers(host: Host) -> Vec<Offer> {
    let kept = published::kept();
    let ours = published::offered().into_iter().map(|t| {
        let key = t.key();
        let errors = host.errors.run(key.clone()).filter(|n| *n > 0).map(|n| format!("这个模板有{n}个错误，请管理员修改后重新发布"));
        Offer { problem: t.error.clone().or(errors), key, title: t.name, description: t.description, ours: true }
    });
    let builtin = CARDS.iter().filter(|_| !kept.hide_builtin).map(|c| Offer {
        key: library::builtin_key(c.name),
        title: c.title.to_string(),
        description: c.description.to_string(),
        problem: None,
        ours: false,
    });
    ours.chain(builtin).collect()
}

/// Whether the page was opened from disk (file://), where nothing can be fetched.
fn from_disk() -> bool {
    window().location().protocol().is_ok_and(|p| p == "file:")
}

/// The function the start screen leaves on the page (globalThis) for the full
/// app to call when it has read the published templates (main.rs, once boot.js
/// has loaded it behind the start screen): whether they changed, and what to
/// tell the admin. A plain function: an event cost the start program more.
const READ_CALLBACK: &str = "wengaoPublishedRead";

/// Reads the published templates from `origin` (the full app's code: the
/// start-screen program has a size budget) and tells the start screen.
pub fn read(origin: Origin) {
    published::reading(read_from(origin));
}

async fn read_from(origin: Origin) {
    let picked = matches!(origin, Origin::Picked(_));
    let (changed, message) = match published::refresh(&origin).await {
        Ok(Refreshed::Changed) => (true, String::new()),
        Ok(Refreshed::Nothing) if picked => {
            (false, "选的文件夹里没有 templates.json：请选 wengao publish 写出的整个 templates 文件夹".into())
        }
        Ok(_) => (false, String::new()),
        Err(why) => (false, why),
    };
    let told = js_sys::Reflect::get(&js_sys::global(), &READ_CALLBACK.into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(tell) = told {
        let _ = tell.call2(&JsValue::NULL, &changed.into(), &message.into());
    }
}

/// Reads the list from the server beside the page, once what this browser
/// keeps is read (to compare the list with); a draft opened meanwhile waits
/// for both (published::settled).
pub fn refresh_from_server() {
    published::reading(async {
        if library::load().await.is_ok() {
            read_from(Origin::Server).await;
        }
    });
}

/// Follows what the full app reads ([`READ_CALLBACK`]): the library read
/// again and `changed` bumped when the templates changed; what to tell the
/// admin into `message`.
pub fn follow_reading(changed: RwSignal<u32>, message: RwSignal<String>) {
    let told = Closure::<dyn Fn(bool, String)>::new(move |was_changed: bool, said: String| {
        if !said.is_empty() {
            message.try_set(said);
        }
        if was_changed {
            spawn_local(async move {
                if library::load().await.is_ok() {
                    changed.try_update(|n| *n += 1);
                }
            });
        }
    });
    // The start screen shown again (the full app's, after a form) replaces the
    // function; the one before goes with it.
    let _ = js_sys::Reflect::set(&js_sys::global(), &READ_CALLBACK.into(), told.as_ref());
    let told = StoredValue::new_local(Some(told));
    on_cleanup(move || {
        let _ = js_sys::Reflect::delete_property(js_sys::global().unchecked_ref::<js_sys::Object>(), &READ_CALLBACK.into());
        told.set_value(None);
    });
}

/// Opened from disk (the single-file build, the full app's start screen): the
/// folder of published templates, picked by hand.
#[component]
pub fn FolderPicker() -> impl IntoView {
    if !from_disk() {
        return ().into_any();
    }
    let picked = move |ev: leptos::ev::Event| {
        let chosen = files::input_files(&ev);
        spawn_local(async move {
            let mut texts = Vec::new();
            for file in chosen {
                texts.push((file.name(), gloo_file::futures::read_as_text(&file).await.unwrap_or_default()));
            }
            read(Origin::Picked(texts));
        });
    };
    let folder = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = folder.get() {
            let _ = input.set_attribute("webkitdirectory", "");
        }
    });
    view! {
        <label class="file-button">"选择本单位的模板文件夹（templates）"
            <input type="file" multiple node_ref=folder on:change=picked/>
        </label>
        <span class="hint">"这个页面是从本机文件打开的，取不到单位发布在内网页面上的模板：请从内网页面打开，或者选择管理员给的 templates 文件夹。"</span>
    }
    .into_any()
}
