//! Tabs and crashes. One tab at a time edits a draft: it holds the Web Lock
//! `wengao.draft.<id>` while its form is open, and any other tab shows the draft
//! read-only, refreshed after each save (a BroadcastChannel message), with a
//! button that takes the lock over. The lock also tells a tab that is alive from
//! one that ended: a draft record still marked with a holder whose lock nobody
//! holds was open when its tab ended, and unless that tab left a "closed" mark
//! at `pagehide`, it ended uncleanly (a crash, a power cut, a killed browser).
//! Browsers without Web Locks: every tab may edit, and the holder check in
//! storage::save refuses the older tab's writes instead (never silently).
//! The desk's batches are held the same way (`wengao.batch.<id>`, and their
//! own channel): one tab works on a batch, the others show it read-only.

use std::cell::Cell;
use std::collections::HashSet;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{self as storage, DraftMeta, Listed};

#[wasm_bindgen]
extern "C" {
    /// `navigator.locks` (web-sys has it only behind its unstable flag).
    type LockManager;
    #[wasm_bindgen(method)]
    fn request(this: &LockManager, name: &str, options: &JsValue, callback: &JsValue) -> Promise;
    #[wasm_bindgen(method)]
    fn query(this: &LockManager) -> Promise;
}

thread_local! {
    static TAB: String = storage::new_id();
}

/// This tab's id, the `holder` it writes into the drafts it edits.
pub fn me() -> String {
    TAB.with(Clone::clone)
}

fn lock_name(id: &str) -> String {
    format!("wengao.draft.{id}")
}

fn closed_mark(id: &str) -> String {
    format!("wengao.closed.{id}")
}

fn locks() -> Option<LockManager> {
    let navigator = leptos::prelude::window().navigator();
    Reflect::get(&navigator, &JsValue::from_str("locks")).ok().filter(|v| v.is_object()).map(JsCast::unchecked_into)
}

/// A draft's lock, held until dropped or taken by another tab.
pub struct Hold {
    release: Option<Function>,
}

impl Drop for Hold {
    fn drop(&mut self) {
        if let Some(f) = &self.release {
            let _ = f.call0(&JsValue::NULL);
        }
    }
}

/// Holds the draft's lock; `steal` takes it from the tab that has it. `None`
/// when another tab holds it. `on_lost` runs if another tab later takes it.
pub async fn hold(id: &str, steal: bool, on_lost: impl FnOnce() + 'static) -> Option<Hold> {
    hold_lock(&lock_name(id), steal, on_lost).await
}

/// Holds a desk batch's lock, as [`hold`] a draft's.
pub async fn hold_batch(id: &str, steal: bool, on_lost: impl FnOnce() + 'static) -> Option<Hold> {
    hold_lock(&format!("wengao.batch.{id}"), steal, on_lost).await
}

async fn hold_lock(name: &str, steal: bool, on_lost: impl FnOnce() + 'static) -> Option<Hold> {
    let Some(locks) = locks() else {
        return Some(Hold { release: None });
    };
    let options = Object::new();
    let _ = Reflect::set(&options, &JsValue::from_str(if steal { "steal" } else { "ifAvailable" }), &JsValue::TRUE);
    let (granted, release) = {
        let mut release = None;
        let mut granted_resolve = None;
        let granted = Promise::new(&mut |resolve, _| granted_resolve = Some(resolve));
        let held = Promise::new(&mut |resolve, _| release = Some(resolve));
        let granted_resolve = granted_resolve.expect("Promise::new calls its executor at once");
        // A request refused before it is granted (or not) settles as not granted;
        // one that rejects after it was granted has been stolen.
        let answered = Rc::new(Cell::new(false));
        let (refused, answered_refused) = (granted_resolve.clone(), answered.clone());
        let callback = Closure::once_into_js(move |lock: JsValue| -> JsValue {
            answered.set(true);
            let _ = granted_resolve.call1(&JsValue::NULL, &JsValue::from_bool(!lock.is_null()));
            // Holding the lock is returning a promise that resolves on release.
            if lock.is_null() {
                JsValue::UNDEFINED
            } else {
                held.into()
            }
        });
        let request = locks.request(name, &options, &callback);
        let lost = Closure::once(move |_: JsValue| {
            if answered_refused.get() {
                on_lost();
            } else {
                let _ = refused.call1(&JsValue::NULL, &JsValue::FALSE);
            }
        });
        let _ = request.catch(&lost);
        lost.forget();
        (granted, release)
    };
    let granted = JsFuture::from(granted).await.ok().and_then(|v| v.as_bool()).unwrap_or(false);
    granted.then_some(Hold { release })
}

/// The names of the locks held now by any tab of this origin; `None` without
/// Web Locks.
async fn held_locks() -> Option<HashSet<String>> {
    let snapshot = JsFuture::from(locks()?.query()).await.ok()?;
    let held = Reflect::get(&snapshot, &JsValue::from_str("held")).ok()?;
    Some(Array::from(&held).iter().filter_map(|l| Reflect::get(&l, &JsValue::from_str("name")).ok()?.as_string()).collect())
}

/// Whether another tab has the draft open for editing now.
pub async fn edited_elsewhere(id: &str) -> bool {
    held_locks().await.is_some_and(|held| held.contains(&lock_name(id)))
}

/// At start: the drafts whose tab ended while editing them without closing
/// normally, newest first. Drafts closed normally lose their holder mark here.
pub async fn ended_uncleanly(drafts: &[Listed]) -> Vec<DraftMeta> {
    let Some(held) = held_locks().await else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for d in drafts {
        let Some(holder) = &d.holder else { continue };
        if held.contains(&lock_name(&d.meta.id)) {
            continue;
        }
        let clean = storage::get_pref(&closed_mark(&d.meta.id)).as_deref() == Some(holder.as_str());
        let _ = storage::release(&d.meta.id, holder).await;
        storage::set_pref(&closed_mark(&d.meta.id), None);
        if !clean {
            out.push(d.meta.clone());
        }
    }
    out
}

/// Marks the draft as closed normally by this tab (at `pagehide`; localStorage
/// because it is written synchronously, and a normal close keeps it).
pub fn mark_closed(id: &str) {
    storage::set_pref(&closed_mark(id), Some(&me()));
}

pub fn unmark_closed(id: &str) {
    storage::set_pref(&closed_mark(id), None);
}

const CHANNEL: &str = "wengao";
const DESK_CHANNEL: &str = "wengao.desk";

/// Tells the other tabs that a draft was saved.
pub fn announce_saved(id: &str) {
    announce(CHANNEL, id);
}

/// Tells the other tabs that a desk batch was written.
pub fn announce_batch(id: &str) {
    announce(DESK_CHANNEL, id);
}

thread_local! {
    /// The channels this tab posts on, opened once (the desk posts at every mark).
    static POSTING: std::cell::RefCell<Vec<(&'static str, web_sys::BroadcastChannel)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn announce(name: &'static str, id: &str) {
    POSTING.with_borrow_mut(|open| {
        if !open.iter().any(|(n, _)| *n == name) {
            if let Ok(channel) = web_sys::BroadcastChannel::new(name) {
                open.push((name, channel));
            }
        }
        if let Some((_, channel)) = open.iter().find(|(n, _)| *n == name) {
            let _ = channel.post_message(&JsValue::from_str(id));
        }
    });
}

/// Calls `saved` with a draft's id each time another tab saves it; stops when
/// the returned channel is closed.
pub fn on_saved(saved: impl Fn(String) + 'static) -> Option<web_sys::BroadcastChannel> {
    listen(CHANNEL, saved)
}

/// Calls `written` with a batch's id each time another tab writes it.
pub fn on_batch_written(written: impl Fn(String) + 'static) -> Option<web_sys::BroadcastChannel> {
    listen(DESK_CHANNEL, written)
}

fn listen(channel: &str, heard: impl Fn(String) + 'static) -> Option<web_sys::BroadcastChannel> {
    let channel = web_sys::BroadcastChannel::new(channel).ok()?;
    let listener = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        if let Some(id) = e.data().as_string() {
            heard(id);
        }
    });
    channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
    listener.forget();
    Some(channel)
}

/// What the drafter is told when a draft is reopened after an unclean end.
pub fn restored_message(meta: &DraftMeta) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(meta.updated));
    format!(
        "上次浏览器没有正常关闭（可能是崩溃、断电或被强制结束）。已恢复这份草稿最后一次自动保存的内容（{}月{}日 {}）。",
        d.get_month() + 1,
        d.get_date(),
        storage::clock(meta.updated)
    )
}
