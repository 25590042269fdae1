//! The form's head: the document's total against its budget, the page estimate
//! (a range where Word and LibreOffice differ), the time to read it aloud and
//! the preview switch; the
//! fields (基本信息); the title lines as they will print.

use leptos::prelude::*;
use wengao::spec::FieldKind;

use super::ctx::{Ctx, Derived, Ui};
use super::inputs::{Meter, Prompt, SpeakingTime, YearMonthInput};

/// The document's total against its budget, the page estimate and the export checks.
#[component]
pub(crate) fn Summary() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let ui = expect_context::<Ui>();
    let derived = expect_context::<Derived>();
    let spec = ctx.spec;
    let budget = spec.with_value(|s| s.budget.clone());
    let limit = spec.with_value(|s| s.page_limit);
    let prompt = spec.with_value(|s| s.prompt.clone());
    let speaking = spec.with_value(|s| s.speaking.clone());
    let open = RwSignal::new(false);
    // When the budgets' minima alone overflow the page limit, say so once.
    let conflict = spec.with_value(|s| {
        let limit = s.page_limit?;
        let need = wengao::geometry::minimum_pages(s);
        (need.pages > limit.max).then(|| {
            format!(
                "注意：按各部分字数要求的下限，全文至少约{}字、约{}页，而页数上限是{}页（每页{}行、每行{}字）。字数和页数的要求不能同时满足：请先守住页数，各部分按比例精简。",
                need.words, need.pages, limit.max, need.capacity.lines_per_page, need.capacity.chars_per_line
            )
        })
    });
    view! {
        // On a phone, one line (全文, 字数, its state, the pages) until 详情 opens the rest (form.css).
        <section class="summary" class:open=move || open.get() id=ctx.id("summary") aria-label="全文概况">
            <div class="total">
                <strong>"全文"</strong>
                {budget.map(|b| view! { <Meter path=Signal::stored(Vec::new()) budget=b name="全文".to_string()/> })}
                <span class="pages" aria-label="估计页数" class:over=move || derived.checked.with(|l| l.figures.over_limit.is_some())
                    title=move || derived.checked.with(|l| l.pages_reason.clone().unwrap_or_default())>
                    {move || {
                        derived.checked.with(|l| match (limit, &l.figures.over_limit) {
                            (Some(limit), Some(what)) => format!("{} / 上限{}页：{what}", l.figures.pages, limit.max),
                            (Some(limit), None) => format!("{} / 上限{}页", l.figures.pages, limit.max),
                            (None, _) => l.figures.pages.clone(),
                        })
                    }}
                </span>
                <button type="button" class="small fold" aria-pressed=move || ui.preview.get().to_string() on:click=move |_| ui.preview.update(|p| *p = !*p)>
                    "分页预览"
                </button>
                <button type="button" class="small summary-toggle" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                    "详情"
                </button>
            </div>
            {speaking.map(|s| view! { <SpeakingTime speaking=s/> })}
            {move || derived.checked.with(|l| l.pages_reason.clone()).map(|r| view! { <p class="hint pages-reason">{r}</p> })}
            {conflict.map(|c| view! { <p class="conflict" role="note">{c}</p> })}
        </section>
        {prompt.map(|p| view! { <div class="doc-prompt"><Prompt text=p key="全文".into()/></div> })}
    }
}

/// The fields (基本信息).
#[component]
pub(crate) fn Fields() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let ui = expect_context::<Ui>();
    let fields = ctx.spec.with_value(|s| s.fields.clone());
    view! {
        <section class="fields" aria-labelledby=ctx.id("fields-heading")>
            <h2 id=ctx.id("fields-heading")>"基本信息"</h2>
            {fields
                .into_iter()
                .map(|f| {
                    let id = f.id.clone();
                    let value = ctx.draft.with_untracked(|d| d.fields.get(&f.id).cloned().unwrap_or_default());
                    let confirm_id = f.id.clone();
                    let to_confirm = move || ui.to_confirm.with(|c| c.contains(&confirm_id));
                    let set = move |v: String| {
                        ui.to_confirm.update(|c| c.retain(|f| *f != id));
                        ctx.draft.update(|d| {
                            d.fields.insert(id.clone(), v);
                        });
                    };
                    let input = match &f.kind {
                        FieldKind::Choice { options } => {
                            let options = options.clone();
                            // Nothing chosen yet (an import could not tell): said, not shown as the first choice.
                            let none = (!options.contains(&value)).then(|| view! { <option value="" disabled selected>"请选择"</option> });
                            view! {
                                <select aria-label=f.label.clone() on:change=move |ev| set(event_target_value(&ev))>
                                    {none}
                                    {options.into_iter().map(|o| {
                                        let selected = o == value;
                                        view! { <option value=o.clone() selected=selected>{o.clone()}</option> }
                                    }).collect_view()}
                                </select>
                            }
                            .into_any()
                        }
                        FieldKind::YearMonth => view! { <YearMonthInput aria=f.label.clone() initial=value set=Callback::new(set)/> }.into_any(),
                        FieldKind::Year => view! { <input type="text" inputmode="numeric" maxlength="4" aria-label=f.label.clone() prop:value=value on:input=move |ev| set(event_target_value(&ev))/> }.into_any(),
                        // The compiler allows 序号 only on table columns.
                        FieldKind::Text | FieldKind::RowNumber => {
                            let placeholder = f.example.clone().map(|e| format!("例如：{e}")).unwrap_or_default();
                            view! { <input type="text" aria-label=f.label.clone() placeholder=placeholder prop:value=value on:input=move |ev| set(event_target_value(&ev))/> }.into_any()
                        }
                    };
                    view! {
                        <div class="field" class:to-confirm=to_confirm.clone()>
                            <span class="field-label">{f.label.clone()}{(!f.required).then_some("（选填）")}</span>
                            {input}
                            <Show when=to_confirm.clone()>
                                <p class="confirm" role="note">"请确认：导入的文件里没有这一项，请填写或选择。"</p>
                            </Show>
                            {f.prompt.clone().map(|p| view! { <p class="hint">{p}</p> })}
                        </div>
                    }
                })
                .collect_view()}
        </section>
    }
}

/// The title, subtitle and date lines as they will print, filled live.
#[component]
pub(crate) fn Preamble() -> impl IntoView {
    let derived = expect_context::<Derived>();
    view! {
        <section class="preamble" aria-label="标题">
            {move || {
                derived.live.with(|l| l.title_lines.clone())
                    .into_iter()
                    .map(|(role, text)| view! { <p class=format!("line {role:?}").to_lowercase()>{text}</p> })
                    .collect_view()
            }}
        </section>
    }
}
