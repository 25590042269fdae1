//! For the meeting, from the batch: the 述职材料汇编 (its cover, the order of
//! the 述职 list pasted one unit a line, the contents as the page model
//! numbers them and what could not go in cleanly, shown before the booklet is
//! built) and the 摘要 for publication (extracted, edited here and kept as
//! edited, exported).
//! The building is the worker's (wengao::booklet, wengao::extract).

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Deserialize;
use wengao::extract::Extract;

use super::Batch;
use crate::storage::meeting::{self as stored, KeptExtract};

/// The booklet as planned, as the worker tells it.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Planned {
    pub entries: Vec<PlannedEntry>,
    pub front_pages: u32,
    /// (file, what) for each file that went in with a problem or not at all.
    pub problems: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PlannedEntry {
    pub file: String,
    pub line: String,
    pub level: u8,
    pub first_page: u32,
    pub pages: u32,
}

/// What the clerk asks for, in the 述职 order.
#[derive(Debug, Clone, PartialEq)]
pub struct Ask {
    pub title: String,
    pub date: String,
    /// The 述职 order, one unit a line.
    pub list: String,
    pub kind: Making,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Making {
    /// The booklet's contents, to look at.
    Contents,
    Booklet,
    /// The 述职测评表 of the people who report.
    Ballot,
    /// The 测评结果汇总 of their sheets, to begin entering.
    Tally,
}

#[component]
pub(super) fn Booklet(batch: Batch, planned: RwSignal<Option<Planned>>, ask: Callback<Ask>, stop: Callback<()>) -> impl IntoView {
    let title = RwSignal::new("述职材料汇编".to_string());
    let date = RwSignal::new(String::new());
    let list = RwSignal::new(String::new());
    let send =
        move |kind: Making| ask.run(Ask { title: title.get_untracked(), date: date.get_untracked(), list: list.get_untracked(), kind });
    let readable = move || batch.rows.with(|rows| rows.iter().filter(|r| r.counts()).count());
    view! {
        <Show when=move || { readable() > 0 }>
            <section class="desk-booklet" aria-labelledby="booklet-heading">
                <h2 id="booklet-heading">"述职材料汇编"</h2>
                <p class="hint">"把这一批里读得了的报告和案例编成一本 Word 文件：封面、目录（页码按排版算好，哪个软件打开都一样）、每份从单页（右手页）开始，页码接着往下编；每篇创新案例排在同一单位的述职报告后面。测评表按同样的顺序，每位述职人一行、每项测评指标一列。"</p>
                <div class="booklet-fields">
                    <label>"封面标题"<input type="text" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/></label>
                    <label>"封面日期"<input type="text" placeholder="例如 2027年1月" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/></label>
                </div>
                <label class="booklet-order">"述职顺序（每行一个单位，可以从会议安排里复制；不填就按表里的顺序）"
                    <textarea rows="4" prop:value=move || list.get() on:input=move |ev| list.set(event_target_value(&ev))></textarea>
                </label>
                <p>
                    <button type="button" on:click=move |_| send(Making::Contents)>"排出目录"</button>
                    <button type="button" on:click=move |_| send(Making::Booklet)>"导出汇编（.docx）"</button>
                    <button type="button" on:click=move |_| send(Making::Ballot)>"导出测评表（.docx）"</button>
                    <button type="button" on:click=move |_| send(Making::Tally)>"开始录入测评结果"</button>
                </p>
                {move || batch.making.get().map(|(done, total)| view! {
                    <div class="progress" role="status" aria-live="polite">
                        <progress max=total.max(1) value=done aria-label="编排进度"></progress>
                        <span>{format!("正在编排：已读 {done} / {total} 份材料")}</span>
                        <button type="button" class="small" on:click=move |_| stop.run(())>"停止"</button>
                    </div>
                })}
                {move || planned.get().map(|p| view! { <Contents planned=p/> })}
                <LeftOut batch/>
            </section>
        </Show>
    }
}

/// The files no template fits: not in the 汇编, 摘要 or 测评表 until the
/// clerk chooses a template for them.
#[component]
fn LeftOut(batch: Batch) -> impl IntoView {
    let left_out =
        move || batch.rows.with(|rows| rows.iter().filter(|r| r.unrecognised.is_some()).map(|r| r.file.clone()).collect::<Vec<_>>());
    view! {
        <Show when=move || !left_out().is_empty()>
            <p class="hint">{move || format!("未识别的{}个文件没有编入（汇编、摘要和测评表都不含）：{}。它们要是其中一种材料，打开那一行给它选模板。", left_out().len(), left_out().join("、"))}</p>
        </Show>
    }
}

/// The contents as planned, and what did not go in cleanly.
#[component]
fn Contents(planned: Planned) -> impl IntoView {
    let last = planned.entries.last().map_or(0, |e| e.first_page + e.pages - 1);
    let summary = format!("{}份材料，封面和目录{}页，正文{}页", planned.entries.len(), planned.front_pages, last);
    view! {
        <h3>"目录"</h3>
        <p>{summary}</p>
        <ol class="booklet-contents" aria-label="汇编目录">
            {planned.entries.into_iter().map(|e| {
                let case = e.level > 0;
                view! {
                <li class:case=case title=e.file.clone()>
                    <span class="line">{e.line}</span>
                    <span class="page">{format!("{}（{}页）", e.first_page, e.pages)}</span>
                </li>
            }}).collect_view()}
        </ol>
        {(!planned.problems.is_empty()).then(|| view! {
            <h3>"编入时的问题"</h3>
            <ul class="findings" aria-label="编入时的问题">
                {planned.problems.into_iter().map(|(file, what)| view! { <li><span class="place">{file}</span>{what}</li> }).collect_view()}
            </ul>
        })}
    }
}

/// The 摘要 of the batch's reports, as the worker tells them.
#[derive(Debug, Clone, Deserialize)]
pub struct Extracted {
    /// (file, its 摘要).
    pub extracts: Vec<(String, Extract)>,
    pub problems: Vec<(String, String)>,
}

/// The 摘要 being edited: each with its text as the clerk has it.
#[derive(Debug, Clone)]
pub struct Extracts {
    pub shown: Vec<ShownExtract>,
    pub problems: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub struct ShownExtract {
    pub file: String,
    pub extract: Extract,
    pub text: RwSignal<String>,
}

impl From<Extracted> for Extracts {
    fn from(x: Extracted) -> Extracts {
        let shown =
            x.extracts.into_iter().map(|(file, extract)| ShownExtract { file, text: RwSignal::new(extract.text()), extract }).collect();
        Extracts { shown, problems: x.problems }
    }
}

impl ShownExtract {
    fn kept(&self) -> KeptExtract {
        KeptExtract { file: self.file.clone(), extract: self.extract.clone(), text: self.text.get_untracked() }
    }
}

/// The 摘要 just extracted, shown and kept in place of those kept before.
pub fn extracted(batch: Batch, extracts: Extracts) {
    let kept: Vec<KeptExtract> = extracts.shown.iter().map(ShownExtract::kept).collect();
    batch.extracts.set(Some(extracts));
    let Some(id) = batch.stored.with_untracked(|b| b.as_ref().map(|b| b.id.clone())) else { return };
    spawn_local(async move {
        if let Err(f) = stored::begin_extracts(&id, &kept).await {
            batch.message.set(batch.failed(&f));
        }
    });
}

/// Shows the 摘要 kept with the batch `id`, as last edited.
pub fn load_extracts(batch: Batch, id: String) {
    spawn_local(async move {
        match stored::extracts(&id).await {
            // Another batch may have been opened meanwhile.
            Ok(_) if batch.stored.with_untracked(|b| b.as_ref().map(|b| b.id != id).unwrap_or(false)) => {}
            Ok(kept) if !kept.is_empty() => {
                let shown =
                    kept.into_iter().map(|k| ShownExtract { file: k.file, extract: k.extract, text: RwSignal::new(k.text) }).collect();
                batch.extracts.set(Some(Extracts { shown, problems: Vec::new() }));
            }
            Ok(_) => {}
            Err(f) => batch.message.set(batch.failed(&f)),
        }
    });
}

/// The 摘要 for publication: extracted by the worker, edited here, exported
/// as one Word file.
#[component]
pub(super) fn Summaries(batch: Batch, make: Callback<()>, export: Callback<Vec<Extract>>) -> impl IntoView {
    let readable = move || batch.rows.with(|rows| rows.iter().any(|r| r.counts()));
    let edited = move || {
        batch.extracts.with_untracked(|x| {
            x.as_ref().map(|x| x.shown.iter().map(|s| s.extract.edited(&s.text.get_untracked())).collect::<Vec<_>>()).unwrap_or_default()
        })
    };
    view! {
        <Show when=readable>
            <section class="desk-booklet" aria-labelledby="extracts-heading">
                <h2 id="extracts-heading">"摘要（公布用）"</h2>
                <p class="hint">"按每份述职报告的结构摘出：各部分的标题、每个（一）标题和“一是”要点句，按原文的顺序，不超过模板给的字数，不另写一个字。摘出以后可以在框里修改（一行一段），再导出成一个 Word 文件。"</p>
                <p>
                    <button type="button" on:click=move |_| make.run(())>"摘出摘要"</button>
                    <button type="button" disabled=move || batch.extracts.with(|x| x.as_ref().is_none_or(|x| x.shown.is_empty())) on:click=move |_| export.run(edited())>"导出摘要（.docx）"</button>
                </p>
                {move || batch.extracts.get().map(|x| view! {
                    {x.shown.into_iter().enumerate().map(|(n, s)| view! { <OneExtract batch n shown=s/> }).collect_view()}
                    {(!x.problems.is_empty()).then(|| view! {
                        <ul class="findings" aria-label="摘录时的问题">
                            {x.problems.into_iter().map(|(file, what)| view! { <li><span class="place">{file}</span>{what}</li> }).collect_view()}
                        </ul>
                    })}
                })}
            </section>
        </Show>
    }
}

/// One report's 摘要 (the `n`th): its text to edit, kept as it is edited, and
/// its 字数 against the template's.
#[component]
fn OneExtract(batch: Batch, n: usize, shown: ShownExtract) -> impl IntoView {
    let keep = {
        let shown = shown.clone();
        move || {
            let (Some(id), kept) = (batch.stored.with_untracked(|b| b.as_ref().map(|b| b.id.clone())), shown.kept()) else { return };
            spawn_local(async move {
                if let Err(f) = stored::keep_extract(&id, n, &kept).await {
                    batch.message.set(batch.failed(&f));
                }
            });
        }
    };
    let ShownExtract { file, extract, text } = shown;
    let heading = format!("{}（{}）", extract.byline, extract.title);
    let max = extract.max_words;
    let words = {
        let extract = extract.clone();
        Memo::new(move |_| extract.edited(&text.get()).words)
    };
    let count = move || match max {
        Some(max) if words.get() > max => format!("{}字，上限{max}字：超出{}字", words.get(), words.get() - max),
        Some(max) => format!("{}字，上限{max}字", words.get()),
        None => format!("{}字", words.get()),
    };
    let over = move || max.is_some_and(|max| words.get() > max);
    let label = format!("{file}的摘要");
    view! {
        <article class="extract">
            <h3>{heading}</h3>
            <p class="hint">{file}</p>
            {extract.notes.iter().map(|n| view! { <p class="note">{n.clone()}</p> }).collect_view()}
            <textarea rows="10" aria-label=label prop:value=move || text.get() readonly=move || batch.access.get().read_only() on:input=move |ev| {
                text.set(event_target_value(&ev));
                keep();
            }></textarea>
            <p class="count" class:over=over>{count}</p>
        </article>
    }
}
