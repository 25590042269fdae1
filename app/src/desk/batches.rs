//! Batches side by side (区级 this year, one 工委's 基层…): the newest opens
//! with the desk, another is picked from the list, a new one begun, one deleted.
//! Not while a batch is being checked.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Batch;
use crate::storage::desk as stored;

/// A new batch named by the day it was begun: 2026年12月3日.
fn new_batch(name: Option<String>) -> stored::Batch {
    let now = crate::storage::now();
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(now));
    let name = name
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| format!("{}年{}月{}日", d.get_full_year(), d.get_month() + 1, d.get_date()));
    stored::Batch { id: crate::storage::new_id(), name: name.trim().to_string(), created: now, rows: 0, seen: Vec::new(), holder: None }
}

#[component]
pub(super) fn Batches(batch: Batch) -> impl IntoView {
    let all = RwSignal::new(Vec::<stored::Batch>::new());
    // Begins a batch, stores it and shows it.
    let begin = move |name: Option<String>| {
        let b = new_batch(name);
        all.update(|a| a.insert(0, b.clone()));
        batch.show(b.clone(), Vec::new());
        spawn_local(async move {
            if let Err(f) = stored::save(&b).await {
                batch.message.set(batch.failed(&f));
            }
        });
    };
    let open = move |id: String| {
        spawn_local(async move {
            let Some(b) = all.with_untracked(|a| a.iter().find(|b| b.id == id).cloned()) else { return };
            match stored::rows(&b.id).await {
                Ok(rows) => batch.show(b, rows),
                Err(f) => batch.message.set(batch.failed(&f)),
            }
        });
    };
    // The newest batch, or a first one.
    spawn_local(async move {
        match stored::batches().await {
            Ok(list) if !list.is_empty() => {
                let newest = list[0].id.clone();
                all.set(list);
                open(newest);
            }
            Ok(_) => begin(None),
            Err(f) => {
                batch.message.set(batch.failed(&f));
                batch.stored.set(Some(new_batch(None)));
            }
        }
    });
    let ask_new = move |_| {
        let name = window()
            .prompt_with_message_and_default("这一批材料叫什么？（例如“区级述职”“XX工委基层”）", &new_batch(None).name)
            .ok()
            .flatten();
        if name.is_some() {
            begin(name);
        }
    };
    let delete = move |_| {
        let Some(b) = batch.stored.get_untracked() else { return };
        let asked = format!("删除“{}”这一批（{}行）的审核结果吗？收到的文件本身不受影响。", b.name, b.rows);
        if !window().confirm_with_message(&asked).unwrap_or(false) {
            return;
        }
        spawn_local(async move {
            if let Err(f) = stored::remove(&b.id).await {
                return batch.message.set(batch.failed(&f));
            }
            all.update(|a| a.retain(|x| x.id != b.id));
            match all.with_untracked(|a| a.first().map(|b| b.id.clone())) {
                Some(id) => open(id),
                None => begin(None),
            }
        });
    };
    let busy = move || batch.running.get();
    view! {
        <div class="desk-batches">
            <label>"审核批次"
                <select disabled=busy on:change=move |ev| open(event_target_value(&ev))>
                    {move || {
                        let current = batch.stored.with(|b| b.as_ref().map(|b| b.id.clone()));
                        all.get()
                            .into_iter()
                            .map(|b| {
                                let selected = current.as_deref() == Some(b.id.as_str());
                                view! { <option value=b.id.clone() selected=selected>{b.name.clone()}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <button type="button" class="small" disabled=busy on:click=ask_new>"新的一批"</button>
            <button type="button" class="small" disabled=busy on:click=delete>"删除这一批"</button>
        </div>
    }
}
