//! The 述职材料汇编 of the batch: its cover, the order of the 述职 list
//! (pasted, one unit a line), the contents as the page model numbers them and
//! what could not go in cleanly, shown before the booklet is built; the
//! building is the worker's (wengao::booklet, behind wengao-audit).

use leptos::prelude::*;
use serde::Deserialize;

use super::Batch;

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

/// What the clerk asks for: the contents only, or the booklet built too.
#[derive(Debug, Clone, PartialEq)]
pub struct Ask {
    pub title: String,
    pub date: String,
    /// The 述职 order, one unit a line.
    pub list: String,
    pub build: bool,
}

#[component]
pub(super) fn Booklet(batch: Batch, planned: RwSignal<Option<Planned>>, ask: Callback<Ask>) -> impl IntoView {
    let title = RwSignal::new("述职材料汇编".to_string());
    let date = RwSignal::new(String::new());
    let list = RwSignal::new(String::new());
    let send =
        move |build: bool| ask.run(Ask { title: title.get_untracked(), date: date.get_untracked(), list: list.get_untracked(), build });
    let readable = move || batch.rows.with(|rows| rows.iter().filter(|r| r.unreadable.is_none()).count());
    view! {
        <Show when=move || { readable() > 0 }>
            <section class="desk-booklet" aria-labelledby="booklet-heading">
                <h2 id="booklet-heading">"述职材料汇编"</h2>
                <p class="hint">"把这一批里读得了的报告和案例编成一本 Word 文件：封面、目录（页码按排版算好，哪个软件打开都一样）、每份从单页（右手页）开始，页码接着往下编；每篇创新案例排在同一单位的述职报告后面。"</p>
                <div class="booklet-fields">
                    <label>"封面标题"<input type="text" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/></label>
                    <label>"封面日期"<input type="text" placeholder="例如 2027年1月" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/></label>
                </div>
                <label class="booklet-order">"述职顺序（每行一个单位，可以从会议安排里复制；不填就按表里的顺序）"
                    <textarea rows="4" prop:value=move || list.get() on:input=move |ev| list.set(event_target_value(&ev))></textarea>
                </label>
                <p>
                    <button type="button" on:click=move |_| send(false)>"排出目录"</button>
                    <button type="button" on:click=move |_| send(true)>"导出汇编（.docx）"</button>
                </p>
                {move || planned.get().map(|p| view! { <Contents planned=p/> })}
            </section>
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
