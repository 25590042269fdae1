//! A node's occurrences in the form: headings, 一是 points and texts with their
//! inputs, budgets and prompts; the add, move and remove controls and 撤销.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wengao::edit;
use wengao::proof::Slot;
use wengao::spec::{Node, NodeKind};

use crate::form::{anchor, child, Ctx};
use crate::inputs::{prompts_view, Meter, TextInput};
use crate::pictures_view::Pictures;
use crate::proof_view::ProofHints;
use crate::table_view::TableView;
use wengao::document::Owner;

/// A node's occurrences, with the add button when it repeats.
pub(crate) fn node_view(node: Node, parent: Owner) -> AnyView {
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
pub(crate) fn undo_removal(ctx: Ctx) {
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
