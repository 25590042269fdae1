//! The guided form, generated from the compiled spec alone: fields, numbered
//! headings, repeatable items, texts, pictures and tables, each with its prompt and
//! live 字数 against its budget; a summary, an outline, autosave and export.
//! Picture slots, tables, export and the paged preview have files of their own
//! (pictures_view.rs, table_view.rs, export.rs, preview.rs).
//! Views only: counting, numbering, limits and rendering are the core crate's.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wengao::document::{self, Owner};
use wengao::draft::{Draft, Item};
use wengao::edit;
use wengao::proof::Slot;
use wengao::spec::{Budget, BudgetState, FieldKind, FormSpec, Node, NodeKind};

use crate::derived::{self, Checked, Live};
use crate::export::ExportButton;
use crate::files;
use crate::pictures_view::Pictures;
use crate::preview::Preview;
use crate::proof_view::{Coverage, ProofHints};
use crate::session::{self, Access, Opened};
use crate::storage;
use crate::table_view::TableView;

/// What every part of the form reads: the spec, the draft, and what is derived.
#[derive(Clone, Copy)]
pub(crate) struct Ctx {
    pub(crate) spec: StoredValue<FormSpec>,
    pub(crate) template: StoredValue<String>,
    pub(crate) draft: RwSignal<Draft>,
    /// Bumped when items are added, removed or moved: the form is rebuilt.
    pub(crate) structure: RwSignal<u32>,
    pub(crate) live: Memo<Live>,
    /// The page estimate, checklist, hints and preview, checked when typing pauses.
    pub(crate) checked: RwSignal<Checked>,
    /// Refusals and results, shown in the toolbar.
    pub(crate) notice: RwSignal<String>,
    /// The last part removed from the form, where it was: 撤销 puts it back.
    pub(crate) removed: RwSignal<Option<(Owner, Item)>>,
    /// Whether the paged preview is shown.
    pub(crate) preview: RwSignal<bool>,
}

/// An element id for a part occurrence, for the outline's links.
pub(crate) fn anchor(path: &[(String, usize)]) -> String {
    let mut id = String::from("part");
    for (name, i) in path {
        id.push_str(&format!("-{name}-{i}"));
    }
    id
}

fn child(path: &[(String, usize)], name: &str, i: usize) -> Owner {
    let mut p = path.to_vec();
    p.push((name.to_string(), i));
    p
}

/// The form for one opened draft; `embedded` hides the way back to the start screen.
#[component]
pub fn Editor(opened: Opened, close: Callback<()>, embedded: bool) -> impl IntoView {
    let (meta, spec, draft, hold, access, opening_notice, persist) = opened.into_parts();
    let template = meta.template.clone();
    let spec = StoredValue::new(spec);
    let draft = RwSignal::new(draft);
    let live = Memo::new(move |_| draft.with(|d| spec.with_value(|s| derived::derive(s, d))));
    let checked = derived::checked(spec, draft);
    let ctx = Ctx {
        spec,
        template: StoredValue::new(template),
        draft,
        structure: RwSignal::new(0),
        live,
        checked,
        notice: RwSignal::new(String::new()),
        preview: RwSignal::new(false),
        removed: RwSignal::new(None),
    };
    provide_context(ctx);
    let titles = Memo::new(move |_| live.with(|l| (l.title.clone(), l.title_lines.clone())));
    let session = session::start(meta, hold, access, session::Content { spec, draft, titles, rebuilt: ctx.structure }, persist);
    let read_only = move || session.access.get() != Access::Editing;
    // Said once on opening (restored after a crash, pictures that could not be read).
    let opening = RwSignal::new(opening_notice);

    let export_draft = move |_| {
        let d = draft.get_untracked();
        let name = format!("{}.草稿.json", document::file_name(&spec.get_value(), &d).trim_end_matches(".docx"));
        if let Err(e) = files::download(d.to_json().as_bytes(), &name, "application/json") {
            ctx.notice.set(e);
        } else {
            ctx.notice.set(format!("已导出草稿 {name}"));
        }
    };
    // Last year's Word file into this draft. What the draft held is downloaded
    // as a draft file first, after a confirmation, so nothing is lost.
    let import_word = move |ev: leptos::ev::Event| {
        for file in files::input_files(&ev) {
            spawn_local(async move {
                let name = file.name();
                let Ok(bytes) = gloo_file::futures::read_as_bytes(&file).await else {
                    return ctx.notice.set(format!("{name}：读不了这个文件"));
                };
                let imported = match spec.with_value(|s| wengao::import::docx(s, &bytes)) {
                    Ok(i) => i,
                    Err(e) => return ctx.notice.set(format!("{name}：{e}；没有导入")),
                };
                let written = draft.with_untracked(|d| {
                    d.body.values().flatten().any(|i| !i.text.trim().is_empty() || !i.lead.trim().is_empty() || !i.title.trim().is_empty())
                });
                if written {
                    let asked =
                        "导入会用这个 Word 文件的内容替换这份草稿现在的内容。现在的内容会先下载成一个草稿文件（.json）留底。接着导入吗？";
                    if !window().confirm_with_message(asked).unwrap_or(false) {
                        return;
                    }
                    let d = draft.get_untracked();
                    let backup = format!("{}.导入前.草稿.json", document::file_name(&spec.get_value(), &d).trim_end_matches(".docx"));
                    if let Err(e) = files::download(d.to_json().as_bytes(), &backup, "application/json") {
                        return ctx.notice.set(format!("{e}；没有导入"));
                    }
                }
                let summary = imported.accounting.summary();
                let mut d = imported.draft;
                spec.with_value(|s| edit::fill_minimums(s, &mut d));
                let unplaced = d.unplaced.len();
                draft.set(d);
                ctx.structure.update(|n| *n += 1);
                let rest =
                    if unplaced > 0 { format!("；{unplaced}段放在表单最后的“未归类的段落”里") } else { String::new() };
                ctx.notice.set(format!("已导入 {name}。{summary}{rest}"));
            });
        }
    };
    let import_draft = move |ev: leptos::ev::Event| {
        for file in files::input_files(&ev) {
            spawn_local(async move {
                let name = file.name();
                let text = gloo_file::futures::read_as_text(&file).await.unwrap_or_default();
                match Draft::from_json(&text) {
                    Ok(d) if d.template == spec.with_value(|s| s.name.clone()) => {
                        let mut d = d;
                        spec.with_value(|s| edit::fill_minimums(s, &mut d));
                        draft.set(d);
                        ctx.structure.update(|n| *n += 1);
                        ctx.notice.set(format!("已导入 {name}"));
                    }
                    Ok(d) => ctx.notice.set(format!("{name} 是“{}”的草稿，和正在写的不是同一种报告；没有导入", d.template)),
                    Err(e) => ctx.notice.set(format!("{name}：{e}；没有导入")),
                }
            });
        }
    };

    view! {
        <div class="editor">
            <nav class="toolbar" aria-label="草稿操作">
                {(!embedded).then(|| view! { <button type="button" on:click=move |_| close.run(())>"← 返回"</button> })}
                // The studio's live form holds an example, not a draft: no draft files.
                {persist.then(|| view! {
                    <button type="button" on:click=export_draft>"导出草稿"</button>
                    <label class="file-button" class:disabled=read_only>"导入草稿"<input type="file" accept=".json,application/json" on:change=import_draft disabled=read_only/></label>
                    <label class="file-button" class:disabled=read_only>"导入 Word 文件"<input type="file" accept=".docx,.doc,.wps" on:change=import_word disabled=read_only/></label>
                })}
                <ExportButton/>
                <span class="saved" role="status" aria-label="自动保存">{move || session.saved_at.get().map(|t| format!("已自动保存 {}", session::clock(t)))}</span>
                <span class="notice" role="status">{move || ctx.notice.get()}</span>
                <Show when=move || ctx.removed.with(Option::is_some)>
                    <button type="button" class="small" on:click=move |_| undo_removal(ctx)>"撤销删除"</button>
                </Show>
            </nav>
            <Show when=move || !opening.get().is_empty()>
                <p class="banner info" role="alert">{move || opening.get()}" "
                    <button type="button" class="small" on:click=move |_| opening.set(String::new())>"知道了"</button>
                </p>
            </Show>
            <Show when=move || !session.save_error.get().is_empty()>
                <p class="banner error" role="alert">{move || session.save_error.get()}</p>
            </Show>
            {move || session::access_message(session.access.get()).map(|(text, action)| view! {
                <p class="banner warn" role="alert">{text}" "
                    <button type="button" on:click=move |_| session.take_over.run(())>{action}</button>
                </p>
            })}
            <div class="layout" class:with-preview=move || ctx.preview.get()>
                <Outline/>
                <fieldset class="form" disabled=read_only aria-label="表单">
                    <Summary/>
                    <Coverage/>
                    // Rebuilt with the rest when the content is replaced (导入草稿, another tab).
                    {move || {
                        ctx.structure.track();
                        view! { <Fields/> }
                    }}
                    <Preamble/>
                    {move || {
                        ctx.structure.track();
                        let nodes = spec.with_value(|s| s.body.clone());
                        nodes.into_iter().map(|n| node_view(n, Vec::new())).collect_view()
                    }}
                    <crate::unplaced::Loose which=wengao::edit::Loose::Unplaced/>
                    <crate::unplaced::Loose which=wengao::edit::Loose::Orphaned/>
                </fieldset>
                <Show when=move || ctx.preview.get()>
                    <Preview/>
                </Show>
            </div>
        </div>
    }
}

/// The document's total against its budget, the page estimate and the export checks.
#[component]
fn Summary() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let spec = ctx.spec;
    let budget = spec.with_value(|s| s.budget.clone());
    let limit = spec.with_value(|s| s.page_limit);
    let prompt = spec.with_value(|s| s.prompt.clone());
    // When the budgets' minima alone overflow the page limit, say so once.
    let conflict = spec.with_value(|s| {
        let limit = s.page_limit?;
        let need = wengao::layout::minimum_pages(s);
        (need.pages > limit.max).then(|| {
            format!(
                "注意：按各部分字数要求的下限，全文至少约{}字、约{}页，而页数上限是{}页（每页{}行、每行{}字）。字数和页数的要求不能同时满足：请先守住页数，各部分按比例精简。",
                need.words, need.pages, limit.max, need.capacity.lines_per_page, need.capacity.chars_per_line
            )
        })
    });
    view! {
        <section class="summary" id="summary" aria-label="全文概况">
            <div class="total">
                <strong>"全文"</strong>
                {budget.map(|b| view! { <Meter path=Vec::new() budget=b name="全文".into()/> })}
                <span class="pages" aria-label="估计页数" class:over=move || ctx.checked.with(|l| l.over_limit.is_some())
                    title=move || ctx.checked.with(|l| l.pages_reason.unwrap_or_default())>
                    {move || {
                        ctx.checked.with(|l| match (limit, &l.over_limit) {
                            (Some(limit), Some(what)) => format!("{} / 上限{}页：{what}", l.pages_text, limit.max),
                            (Some(limit), None) => format!("{} / 上限{}页", l.pages_text, limit.max),
                            (None, _) => l.pages_text.clone(),
                        })
                    }}
                </span>
                <button type="button" class="small" aria-pressed=move || ctx.preview.get().to_string() on:click=move |_| ctx.preview.update(|p| *p = !*p)>
                    "分页预览"
                </button>
            </div>
            {move || ctx.checked.with(|l| l.pages_reason).map(|r| view! { <p class="hint pages-reason">{r}</p> })}
            {conflict.map(|c| view! { <p class="conflict" role="note">{c}</p> })}
        </section>
        {prompt.map(|p| view! { <div class="doc-prompt"><Prompt text=p key="全文".into()/></div> })}
    }
}

/// Every part with its 字数 state; a click scrolls to it.
#[component]
fn Outline() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <nav class="outline" aria-label="提纲">
            {move || {
                ctx.structure.track();
                let spec = ctx.spec.get_value();
                let draft = ctx.draft.get_untracked();
                let mut rows = Vec::new();
                for node in &spec.body {
                    for i in 0..edit::count(&draft, &[], &node.id) {
                        let path = vec![(node.id.clone(), i)];
                        rows.push((path.clone(), node.clone(), 0));
                        for c in node.children.iter().filter(|c| matches!(c.kind, NodeKind::Heading { .. })) {
                            for j in 0..edit::count(&draft, &path, &c.id) {
                                rows.push((child(&path, &c.id, j), c.clone(), 1));
                            }
                        }
                    }
                }
                rows.into_iter()
                    .map(|(path, node, depth)| {
                        let href = format!("#{}", anchor(&path));
                        let p = path.clone();
                        let title = move || {
                            let label = ctx.live.with(|l| l.labels.get(&p).cloned().unwrap_or_default());
                            let text = match &node.kind {
                                NodeKind::Heading { title: Some(t), .. } => t.source.clone(),
                                NodeKind::Heading { title: None, .. } => ctx.draft.with(|d| edit::item(d, &p).map(|i| i.title.clone()).unwrap_or_default()),
                                _ => node.id.clone(),
                            };
                            format!("{label}{}", if text.is_empty() { "（未写小标题）".to_string() } else { text })
                        };
                        let budget = node.budget.clone();
                        let p2 = path.clone();
                        let state = Memo::new(move |_| {
                            budget.as_ref().map(|b| b.state(ctx.live.with(|l| l.counts.get(&p2).copied().unwrap_or(0))))
                        });
                        let state = move || state.get();
                        view! {
                            <a href=href class=format!("depth{depth}") class:short={move || state() == Some(BudgetState::Short)}
                                class:over={move || state() == Some(BudgetState::Over)} class:fits={move || state() == Some(BudgetState::Fits)}>
                                {title}
                                <span class="state">{move || state().map(|s| s.label())}</span>
                            </a>
                        }
                    })
                    .collect_view()
            }}
        </nav>
    }
}

/// The fields (基本信息).
#[component]
fn Fields() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let fields = ctx.spec.with_value(|s| s.fields.clone());
    view! {
        <section class="fields" aria-labelledby="fields-heading">
            <h2 id="fields-heading">"基本信息"</h2>
            {fields
                .into_iter()
                .map(|f| {
                    let id = f.id.clone();
                    let value = ctx.draft.with_untracked(|d| d.fields.get(&f.id).cloned().unwrap_or_default());
                    let set = move |v: String| ctx.draft.update(|d| {
                        d.fields.insert(id.clone(), v);
                    });
                    let input = match &f.kind {
                        FieldKind::Choice { options } => {
                            let options = options.clone();
                            view! {
                                <select aria-label=f.label.clone() on:change=move |ev| set(event_target_value(&ev))>
                                    {options.into_iter().map(|o| {
                                        let selected = o == value;
                                        view! { <option value=o.clone() selected=selected>{o.clone()}</option> }
                                    }).collect_view()}
                                </select>
                            }
                            .into_any()
                        }
                        FieldKind::YearMonth => {
                            let initial = wengao::values::year_month(&wengao::values::normalise(&value)).map(|(y, m)| format!("{y:04}-{m:02}")).unwrap_or_default();
                            view! { <input type="month" aria-label=f.label.clone() prop:value=initial on:change=move |ev| set(event_target_value(&ev))/> }.into_any()
                        }
                        FieldKind::Year => view! { <input type="text" inputmode="numeric" maxlength="4" aria-label=f.label.clone() prop:value=value on:input=move |ev| set(event_target_value(&ev))/> }.into_any(),
                        // The compiler allows 序号 only on table columns.
                        FieldKind::Text | FieldKind::RowNumber => {
                            let placeholder = f.example.clone().map(|e| format!("例如：{e}")).unwrap_or_default();
                            view! { <input type="text" aria-label=f.label.clone() placeholder=placeholder prop:value=value on:input=move |ev| set(event_target_value(&ev))/> }.into_any()
                        }
                    };
                    view! {
                        <div class="field">
                            <span class="field-label">{f.label.clone()}{(!f.required).then_some("（选填）")}</span>
                            {input}
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
fn Preamble() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <section class="preamble" aria-label="标题">
            {move || {
                ctx.live.with(|l| l.title_lines.clone())
                    .into_iter()
                    .map(|(role, text)| view! { <p class=format!("line {role:?}").to_lowercase()>{text}</p> })
                    .collect_view()
            }}
        </section>
    }
}

/// A node's occurrences, with the add button when it repeats.
fn node_view(node: Node, parent: Owner) -> AnyView {
    let ctx = expect_context::<Ctx>();
    let n = ctx.draft.with_untracked(|d| edit::count(d, &parent, &node.id));
    let repeat = node.repeat;
    let is_table = matches!(node.kind, NodeKind::Table { .. });
    let items = (0..n).map(|i| occurrence_view(node.clone(), child(&parent, &node.id, i), n)).collect_view();
    // A repeated node's prompt is shown once, above its items.
    let prompts = repeat.is_some().then(|| prompts_view(&node));
    let add = (repeat.is_some() && !is_table).then(|| {
        let full = repeat.and_then(|r| r.max).is_some_and(|max| n >= max as usize);
        let why = repeat.and_then(|r| r.max).map(|max| format!("最多{max}项")).unwrap_or_default();
        let (id, parent) = (node.id.clone(), parent.clone());
        let what = add_label(&node);
        let label = format!("在{}下添加{what}", if parent.is_empty() { "全文".to_string() } else { parent_label(&child(&parent, "", 0)) });
        view! {
            <p class="add">
                <button type="button" disabled=full title={if full { why.clone() } else { String::new() }} aria-label=label.clone()
                    on:click=move |_| {
                        let result = ctx.spec.with_value(|s| ctx.draft.try_update(|d| edit::add(s, d, &parent, &id)));
                        match result {
                            Some(Ok(_)) => ctx.structure.update(|n| *n += 1),
                            Some(Err(e)) => ctx.notice.set(e),
                            None => {}
                        }
                    }>
                    {format!("＋ 添加{what}")}
                </button>
                {full.then(|| view! { <span class="why">{format!("（已达上限：{why}）")}</span> })}
            </p>
        }
    });
    view! { <div class="node-list">{prompts}{items}{add}</div> }.into_any()
}

fn add_label(node: &Node) -> &'static str {
    match node.kind {
        NodeKind::Heading { level: 2, .. } => "一个（一）小标题",
        NodeKind::Heading { .. } => "一部分",
        NodeKind::Point { .. } => "一个“一是”要点",
        _ => "一项",
    }
}

/// One occurrence: its heading or inputs, budget, prompts, and children.
fn occurrence_view(node: Node, path: Owner, siblings: usize) -> AnyView {
    let ctx = expect_context::<Ctx>();
    let label = ctx.live.with_untracked(|l| l.labels.get(&path).cloned().unwrap_or_default());
    let item = ctx.draft.with_untracked(|d| edit::item(d, &path).cloned().unwrap_or_default());
    let id = anchor(&path);
    let title_text = match &node.kind {
        NodeKind::Heading { title: Some(t), .. } => t.source.clone(),
        _ => String::new(),
    };
    let meter_name = format!("{}{label}{title_text}", parent_label(&path));
    let budget = node.budget.clone().map(|b| view! { <Meter path=path.clone() budget=b name=meter_name/> });
    let prompts = node.repeat.is_none().then(|| prompts_view(&node));
    let controls = node.repeat.filter(|_| !matches!(node.kind, NodeKind::Table { .. })).map(|_| controls_view(path.clone(), siblings));
    let body = match &node.kind {
        NodeKind::Heading { level, title } => {
            let heading = match title {
                Some(t) => view! { <span class="heading-text">{label.clone()}{t.source.clone()}</span> }.into_any(),
                None => {
                    let aria = format!("{}{}小标题", parent_label(&path), label);
                    let example = node.example.clone().map(|e| format!("例如：{e}")).unwrap_or_default();
                    view! {
                        <span class="heading-text">{label.clone()}</span>
                        <TextInput path=path.clone() part=Slot::Title initial=item.title.clone() aria=aria placeholder=example multiline=false/>
                    }
                    .into_any()
                }
            };
            let children = node.children.iter().cloned().map(|c| node_view(c, path.clone())).collect_view();
            let class = format!("heading h{level}");
            view! {
                <header class=class>{heading}{controls}</header>
                <ProofHints path=path.clone() which=Slot::Title/>
                {budget}
                {prompts}
                <div class="children">{children}</div>
            }
            .into_any()
        }
        NodeKind::Point { .. } => {
            let aria = format!("{}{}", parent_label(&path), label);
            let example = node.example.clone().map(|e| format!("例如：{e}")).unwrap_or_default();
            view! {
                <div class="point">
                    <span class="point-label">{label.clone()}</span>
                    <TextInput path=path.clone() part=Slot::Lead initial=item.lead.clone() aria=format!("{aria} 要点句") placeholder="先用一句话概括（这一句加粗）".into() multiline=false/>
                    {controls}
                </div>
                <ProofHints path=path.clone() which=Slot::Lead/>
                <TextInput path=path.clone() part=Slot::Text initial=item.text.clone() aria=format!("{aria} 正文") placeholder=example multiline=true/>
                <ProofHints path=path.clone() which=Slot::Text/>
                <JoinedLinesNote path=path.clone() advice="要分段，请另加一个要点。"/>
                {budget}
                {prompts}
            }
            .into_any()
        }
        NodeKind::Text { multiple_paragraphs } => {
            let example = node.example.clone().map(|e| format!("例如：{e}")).unwrap_or_default();
            let hint = if *multiple_paragraphs { "（可分多段，每段回车换行）" } else { "（一段）" };
            view! {
                <div class="text-head"><span class="text-name">{node.id.clone()}</span><span class="hint">{hint}</span>{controls}</div>
                <TextInput path=path.clone() part=Slot::Text initial=item.text.clone() aria=node.id.clone() placeholder=example multiline=true/>
                <ProofHints path=path.clone() which=Slot::Text/>
                {(!*multiple_paragraphs).then(|| view! { <JoinedLinesNote path=path.clone() advice="这一部分模板要求只写一段。"/> })}
                {budget}
                {prompts}
            }
            .into_any()
        }
        NodeKind::Pictures { min, max, formats, caption_label } => {
            let formats = formats.iter().map(|f| f.label()).collect::<Vec<_>>().join("、");
            view! {
                <Pictures path=path.clone() min=*min max=*max formats=formats caption_label=caption_label.clone()/>
                {prompts}
            }
            .into_any()
        }
        NodeKind::Table { title, columns } => {
            let title = title.as_ref().map(|t| t.source.clone()).unwrap_or_else(|| node.id.clone());
            view! {
                <TableView path=path.clone() title=title columns=columns.clone() repeat=node.repeat/>
                {prompts}
            }
            .into_any()
        }
    };
    view! { <section class="occurrence" id=id>{body}</section> }.into_any()
}

/// The numbered headings above a path, for accessible names: “一、（二）”.
fn parent_label(path: &[(String, usize)]) -> String {
    let ctx = expect_context::<Ctx>();
    ctx.live.with_untracked(|l| (1..path.len()).filter_map(|n| l.labels.get(&path[..n]).cloned()).collect())
}

/// Under a text the document prints as one paragraph: says, once the drafter has
/// typed or pasted several lines, that the export joins them (document.rs does).
#[component]
fn JoinedLinesNote(path: Owner, advice: &'static str) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let several_lines = Memo::new(move |_| ctx.draft.with(|d| edit::item(d, &path).is_some_and(|i| i.text.trim().contains('\n'))));
    view! {
        <Show when=move || several_lines.get()>
            <p class="hint" role="note">"这里导出为一段：几行会接成一段，每行开头的空格不导出（格式已首行缩进两字）。"{advice}</p>
        </Show>
    }
}

/// The occurrence `index` among the siblings of `path`.
fn sibling(path: &[(String, usize)], index: usize) -> Owner {
    let mut p = path.to_vec();
    if let Some(last) = p.last_mut() {
        last.1 = index;
    }
    p
}

/// Keyboard focus, once the rebuilt form is on screen, on the controls of the
/// occurrence at `path` (the moved part, or the one that took a removed part's
/// place): the button `act` if it is enabled, else the first that is.
fn focus_controls(path: Owner, act: &'static str) {
    request_animation_frame(move || {
        let Some(controls) = document().get_element_by_id(&format!("controls-{}", anchor(&path))) else {
            return;
        };
        let enabled = |selector: &str| controls.query_selector(selector).ok().flatten();
        let button = enabled(&format!("button[data-act={act}]:not([disabled])")).or_else(|| enabled("button:not([disabled])"));
        if let Some(button) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = button.focus();
        }
    });
}

/// Puts the last removed part back where it was, pictures included.
fn undo_removal(ctx: Ctx) {
    let Some((path, item)) = ctx.removed.try_update(Option::take).flatten() else {
        return;
    };
    if ctx.draft.try_update(|d| edit::restore(d, &path, item)) == Some(true) {
        ctx.notice.set("已撤销删除".into());
        ctx.structure.update(|n| *n += 1);
    } else {
        ctx.notice.set("无法撤销：它所在的部分已经删除".into());
    }
}

/// Move up, move down and remove, with the reason when refused.
fn controls_view(path: Owner, siblings: usize) -> AnyView {
    let ctx = expect_context::<Ctx>();
    let index = path.last().map_or(0, |(_, i)| *i);
    let name = format!("{}{}", parent_label(&path), ctx.live.with_untracked(|l| l.labels.get(&path).cloned().unwrap_or_default()));
    let controls_id = format!("controls-{}", anchor(&path));
    let (p1, p2, p3) = (path.clone(), path.clone(), path);
    let moved = move |p: &Owner, up: bool| {
        if ctx.draft.try_update(|d| edit::move_item(d, p, up)) == Some(true) {
            ctx.structure.update(|n| *n += 1);
            focus_controls(sibling(p, if up { index - 1 } else { index + 1 }), if up { "up" } else { "down" });
        }
    };
    let removed_name = name.clone();
    let remove = move |_| {
        let result = ctx.spec.with_value(|s| ctx.draft.try_update(|d| edit::remove(s, d, &p3)));
        match result {
            Some(Ok(item)) => {
                ctx.notice.set(format!("已删除{removed_name}"));
                ctx.removed.set(Some((p3.clone(), item)));
                ctx.structure.update(|n| *n += 1);
                // The part that took its place, or the one before it if it was the last.
                if siblings > 1 {
                    focus_controls(sibling(&p3, index.min(siblings - 2)), "remove");
                }
            }
            Some(Err(e)) => ctx.notice.set(e),
            None => {}
        }
    };
    view! {
        <span class="controls" id=controls_id>
            <button type="button" class="small" data-act="up" disabled={index == 0} aria-label=format!("上移{name}") on:click=move |_| moved(&p1, true)>"↑"</button>
            <button type="button" class="small" data-act="down" disabled={index + 1 >= siblings} aria-label=format!("下移{name}") on:click=move |_| moved(&p2, false)>"↓"</button>
            <button type="button" class="small" data-act="remove" aria-label=format!("删除{name}") on:click=remove>"删除"</button>
        </span>
    }
    .into_any()
}

/// A text input bound to one text of the draft. The input is never rewritten
/// while the drafter types: its value is only read, and pinyin still being
/// composed in an IME is not counted until it is committed.
#[component]
fn TextInput(path: Owner, part: Slot, initial: String, aria: String, placeholder: String, multiline: bool) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let composing = StoredValue::new(false);
    let id = crate::proof_view::input_id(&path, part);
    let commit = move |value: String| {
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
    let commit2 = commit.clone();
    let on_input = move |ev: leptos::ev::Event| {
        grow(&ev);
        if !composing.get_value() {
            commit(event_target_value(&ev));
        }
    };
    let on_end = move |ev: leptos::ev::CompositionEvent| {
        composing.set_value(false);
        commit2(event_target_value(&ev));
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
fn Meter(path: Owner, budget: Budget, name: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let p = path.clone();
    let words = Memo::new(move |_| ctx.live.with(|l| if p.is_empty() { l.total } else { l.counts.get(&p).copied().unwrap_or(0) }));
    let describe = budget.describe();
    let full = budget.max.unwrap_or(budget.min + budget.min / 5).max(1);
    let state = Memo::new(move |_| budget.state(words.get()));
    let state = move || state.get();
    view! {
        <div class="meter" class:short={move || state() == BudgetState::Short} class:fits={move || state() == BudgetState::Fits}
            class:over={move || state() == BudgetState::Over} role="status" aria-label=format!("{name} 字数")>
            <span class="words">{move || format!("{}字", words.get())}</span>
            <span class="budget">{describe}</span>
            <span class="state">{move || state().label()}</span>
            <span class="meter-bar"><span class="fill" style=move || format!("width:{}%", (words.get() * 100 / full).min(100))></span></span>
        </div>
    }
}

/// The node's prompt (folded or not, remembered) and its conditional prompts.
fn prompts_view(node: &Node) -> AnyView {
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
fn Prompt(text: String, key: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let template = ctx.template.get_value();
    let open = storage::prompt_open(&template, &key);
    let toggle = move |ev: leptos::ev::Event| {
        if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
            storage::set_prompt_open(&template, &key, d.open());
        }
    };
    view! {
        <details class="prompt" open=open on:toggle=toggle>
            <summary>"写作提示"</summary>
            {text.lines().map(|l| view! { <p>{l.to_string()}</p> }).collect_view()}
        </details>
    }
}
