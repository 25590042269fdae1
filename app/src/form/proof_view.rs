//! Proofreading hints under each text, with the spot marked and a one-click fix,
//! and the coverage of the items the report is scored by. The hints come from
//! the core (`wengao::proof`) on each change; nothing changes without a click,
//! and a text being composed in an input method is not looked at until committed.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wengao::document::Owner;
use wengao::proof::{self, Hint, Slot};

use super::ctx::{Ctx, Derived};

/// The id of the input that edits one text of an occurrence.
pub(crate) fn input_id(ctx: Ctx, path: &Owner, slot: Slot) -> String {
    format!("{}-{slot:?}", ctx.anchor(path)).to_lowercase()
}

/// The hints in one text, under its input (`which` text: `slot` is a reserved
/// attribute name in `view!`).
#[component]
pub fn ProofHints(path: Signal<Owner>, which: Slot) -> impl IntoView {
    let derived = expect_context::<Derived>();
    let mine = Memo::new(move |_| {
        path.with(|path| {
            derived
                .checked
                .with(|l| l.hints.iter().filter(|(h, _)| &h.path == path && h.slot == which).map(|(h, _)| h.clone()).collect::<Vec<_>>())
        })
    });
    view! {
        <Show when=move || mine.with(|h| !h.is_empty())>
            <ul class="hints" aria-label="校对提示">
                <For each=move || mine.get() key=|h| (h.mark.start, h.mark.len, h.mark.message.clone()) let:hint>
                    <HintLine hint/>
                </For>
            </ul>
        </Show>
    }
}

#[component]
fn HintLine(hint: Hint) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let (before, marked, after) =
        ctx.draft.with_untracked(|d| proof::text_of(d, &hint).map(|t| proof::excerpt_parts(t, &hint.mark)).unwrap_or_default());
    let whole_text = hint.mark.len == 0;
    let message = hint.mark.message.clone();
    let fix = hint.mark.fix.clone();
    let label = fix.as_ref().map(|f| if f.is_empty() { "删去".to_string() } else { format!("改为“{f}”") });
    let apply = move |_| {
        if ctx.draft.try_update(|d| proof::apply(d, &hint)) != Some(true) {
            return;
        }
        // Inputs are never rewritten while the drafter types: after a fix, the
        // input is given what the draft now holds.
        let text = ctx.draft.with_untracked(|d| proof::text_of(d, &hint).map(str::to_string)).unwrap_or_default();
        if let Some(el) = document().get_element_by_id(&input_id(ctx, &hint.path, hint.slot)) {
            let _ = js_sys::Reflect::set(&el, &JsValue::from_str("value"), &JsValue::from_str(&text));
        }
    };
    view! {
        <li>
            {(!whole_text).then(|| view! { <span class="excerpt">{before}<mark>{marked}</mark>{after}</span>" " })}
            <span class="why">{message}</span>
            {label.map(|l| view! { " " <button type="button" class="small" on:click=apply>{l}</button> })}
        </li>
    }
}

/// Which of the scored items the text already speaks to, and where.
#[component]
pub fn Coverage() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let derived = expect_context::<Derived>();
    let items = ctx.spec.with_value(|s| s.scoring.clone());
    (!items.is_empty()).then(|| {
        view! {
            <section class="coverage" aria-labelledby=ctx.id("coverage-heading")>
                <h2 id=ctx.id("coverage-heading")>"测评指标"</h2>
                <p class="hint">"听取述职的人按这几项打分。这里只看正文里讲到了没有（按每项的关键词），是提醒，不是评分。"</p>
                <ul>
                    {items
                        .into_iter()
                        .enumerate()
                        .map(|(k, item)| {
                            let found = move || derived.checked.with(|l| l.coverage.get(k).map(|c| c.found.clone()).unwrap_or_default());
                            let words = item.keywords.join("、");
                            view! {
                                <li class:covered=move || !found().is_empty()>
                                    <strong>{move || if found().is_empty() { "○ " } else { "✓ " }}{item.name.clone()}</strong>
                                    {move || {
                                        let found = found();
                                        if found.is_empty() {
                                            view! { <span class="hint">"：还没有讲到。可以讲讲："{words.clone()}</span> }.into_any()
                                        } else {
                                            view! {
                                                <span>"：已讲到 "
                                                    {found.into_iter().map(|(word, path)| view! { <a href=format!("#{}", ctx.anchor(&path))>{word}</a>" " }).collect_view()}
                                                </span>
                                            }
                                            .into_any()
                                        }
                                    }}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
