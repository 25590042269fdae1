//! The pieces every part of the form is made of: a text input that never fights
//! the IME, a 年月 box, a 字数 meter (with the time to read it aloud when the
//! template gives a 述职时长), the whole's speaking time, and prompts.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wengao::document::Owner;
use wengao::edit;
use wengao::proof::Slot;
use wengao::spec::{Budget, BudgetState, Node};

use super::ctx::{Ctx, Derived};
use crate::storage;

/// A 年月 (a field, or a table's cell): a text box showing “2026年12月”, as
/// the document prints it. What is typed is kept as typed (and saved) while
/// typing; on leaving the box a year-month it can read is written the
/// document's way, and one it cannot read is said under it. Not `<input
/// type=month>`: Firefox and Safari show that as a bare text box with no hint
/// anyway, and Chromium's took 8 of the 33 ms of main-thread work of showing a
/// new 述职报告 (docs/measurements.md, #23).
#[component]
pub(crate) fn YearMonthInput(#[prop(into)] aria: Signal<String>, initial: String, set: Callback<String>) -> impl IntoView {
    let shown = RwSignal::new(wengao::values::year_month_text(&initial).unwrap_or(initial));
    let unreadable = move || shown.with(|v| !v.trim().is_empty() && wengao::values::year_month_text(v).is_none());
    let typed = move |ev| {
        let v = event_target_value(&ev);
        shown.set(v.clone());
        set.run(v);
    };
    let left = move |ev| {
        let v = event_target_value(&ev);
        if let Some(text) = wengao::values::year_month_text(&v).filter(|t| *t != v) {
            shown.set(text.clone());
            set.run(text);
        }
    };
    view! {
        <input type="text" class="year-month" aria-label=aria placeholder="例如：2026年12月" aria-invalid=move || unreadable().then_some("true")
            prop:value=shown on:input=typed on:change=left/>
        <Show when=unreadable>
            <p class="confirm" role="note">{wengao::values::YEAR_MONTH_HINT}</p>
        </Show>
    }
}

/// A text input bound to one text of the draft. The input is never rewritten
/// while the drafter types: its value is only read, and pinyin still being
/// composed in an IME is not counted until it is committed.
#[component]
pub(crate) fn TextInput(
    path: Signal<Owner>,
    part: Slot,
    initial: String,
    aria: Signal<String>,
    placeholder: String,
    multiline: bool,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let composing = StoredValue::new(false);
    let id = move || path.with(|p| super::proof_view::input_id(ctx, p, part));
    let commit = move |value: String| {
        let path = path.get_untracked();
        ctx.draft.update(|d| {
            if let Some(item) = edit::item_mut(d, &path) {
                match part {
                    Slot::Title => item.title = value,
                    Slot::Lead => item.lead = value,
                    Slot::Text => item.text = value,
                }
            }
        });
    };
    let on_input = move |ev: leptos::ev::Event| {
        grow(&ev);
        if !composing.get_value() {
            commit(event_target_value(&ev));
        }
    };
    let on_end = move |ev: leptos::ev::CompositionEvent| {
        composing.set_value(false);
        commit(event_target_value(&ev));
    };
    if multiline {
        let rows = (initial.chars().count() / 40 + 2).clamp(3, 30).to_string();
        view! {
            <textarea id=id aria-label=aria placeholder=placeholder rows=rows prop:value=initial on:input=on_input
                on:compositionstart=move |_| composing.set_value(true) on:compositionend=on_end></textarea>
        }
        .into_any()
    } else {
        view! {
            <input type="text" class="line-input" id=id aria-label=aria placeholder=placeholder prop:value=initial on:input=on_input
                on:compositionstart=move |_| composing.set_value(true) on:compositionend=on_end/>
        }
        .into_any()
    }
}

/// Text areas grow with their content.
fn grow(ev: &leptos::ev::Event) {
    if let Some(area) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
        let _ = area.set_attribute("style", "height:auto");
        let _ = area.set_attribute("style", &format!("height:{}px", area.scroll_height() + 2));
    }
}

/// 字数 against a budget: numbers, words and a bar in three states.
#[component]
pub(crate) fn Meter(path: Signal<Owner>, budget: Budget, #[prop(into)] name: Signal<String>) -> impl IntoView {
    let derived = expect_context::<Derived>();
    let words = Memo::new(move |_| {
        path.with(|p| derived.live.with(|l| if p.is_empty() { l.total } else { l.counts.get(p).copied().unwrap_or(0) }))
    });
    let describe = budget.describe();
    // Read aloud, how long (templates with 述职时长): the part's time, in the
    // part's state (the whole's is SpeakingTime, against the 述职时长).
    let speaking = expect_context::<Ctx>().spec.with_value(|s| s.speaking.clone()).filter(|_| !path.with_untracked(Vec::is_empty));
    let time = speaking
        .map(|s| view! { <span class="time" aria-label="念下来的时间">{move || format!("念{}", s.describe_time(words.get()))}</span> });
    let full = budget.max.unwrap_or(budget.min + budget.min / 5).max(1);
    let state = Memo::new(move |_| budget.state(words.get()));
    let state = move || state.get();
    view! {
        <div class="meter" class:short={move || state() == BudgetState::Short} class:fits={move || state() == BudgetState::Fits}
            class:over={move || state() == BudgetState::Over} role="status" aria-label=move || format!("{} 字数", name.get())>
            <span class="words">{move || format!("{}字", words.get())}</span>
            <span class="budget">{describe}</span>
            <span class="state">{move || state().label()}</span>
            {time}
            <span class="meter-bar"><span class="fill" style=move || format!("width:{}%", (words.get() * 100 / full).min(100))></span></span>
        </div>
    }
}

/// The whole document read aloud against the template's 述职时长: 念约15.5分钟
/// / 约15分钟（13.5–16.5分钟）, in the three states of the budgets.
#[component]
pub(crate) fn SpeakingTime(speaking: wengao::spec::Speaking) -> impl IntoView {
    let derived = expect_context::<Derived>();
    let words = Memo::new(move |_| derived.live.with(|l| l.total));
    let state = {
        let speaking = speaking.clone();
        Memo::new(move |_| speaking.state(words.get()))
    };
    let allowed = format!("述职时长{}，每分钟{}字", speaking.describe(), speaking.pace);
    view! {
        <div class="meter speaking" class:short=move || state.get() == BudgetState::Short class:fits=move || state.get() == BudgetState::Fits
            class:over=move || state.get() == BudgetState::Over role="status" aria-label="述职时长">
            <span class="words">{move || format!("念{}", speaking.describe_time(words.get()))}</span>
            <span class="budget">{allowed}</span>
            <span class="state">{move || state.get().label()}</span>
        </div>
    }
}

/// The node's prompt (folded or not, remembered) and its conditional prompts.
pub(crate) fn prompts_view(node: &Node) -> AnyView {
    let ctx = expect_context::<Ctx>();
    let main = node.prompt.clone().map(|p| view! { <Prompt text=p key=node.id.clone()/> });
    let conditional = node
        .conditional_prompts
        .iter()
        .cloned()
        .map(|c| {
            let (field, equals) = (c.field.clone(), c.equals.clone());
            let shown = move || ctx.draft.with(|d| d.fields.get(&field) == Some(&equals));
            view! {
                <Show when=shown>
                    <aside class="prompt conditional" aria-label="本领域重点">{c.text.clone()}</aside>
                </Show>
            }
        })
        .collect_view();
    view! { {main}{conditional} }.into_any()
}

#[component]
pub(crate) fn Prompt(text: String, key: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let template = ctx.template_key.get_value();
    let open = storage::prompt_open(&template, &key);
    let pref = storage::prompt_pref(&template, &key);
    let toggle = move |ev: leptos::ev::Event| {
        if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
            storage::set_prompt_open(&template, &key, d.open());
        }
    };
    view! {
        <details class="prompt" open=open data-pref=pref on:toggle=toggle>
            <summary>"写作提示"</summary>
            {text.lines().map(|l| view! { <p>{l.to_string()}</p> }).collect_view()}
        </details>
    }
}
