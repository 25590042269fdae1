//! A node's occurrences in the form: headings, 一是 points and texts with their
//! inputs, budgets and prompts; the add, move and remove controls and 撤销.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wengao::edit;
use wengao::proof::Slot;
use wengao::spec::{Node, NodeKind};

use super::ctx::{child, Ctx, Derived, Ui};
use super::inputs::{prompts_view, Meter, TextInput};
use super::pictures_view::Pictures;
use super::proof_view::ProofHints;
use super::table_view::TableView;
use wengao::document::{Owner, Step};
use wengao::identity::Keys;

/// A node's occurrences under the occurrence `parent` (by keys; none at the
/// top), as a keyed list: adding, removing or moving one patches the list, and
/// the others keep their DOM nodes (text, cursor, scroll, IME composition).
pub(crate) fn node_view(node: Node, parent: Keys) -> AnyView {
    let ctx = expect_context::<Ctx>();
    let ui = expect_context::<Ui>();
    let list = {
        let (parent, id) = (parent.clone(), node.id.clone());
        Memo::new(move |_| ctx.ids.with(|ids| ids.list(&parent, &id)))
    };
    let siblings = Signal::derive(move || list.with(Vec::len));
    let parent_path = ctx.path_of(parent.clone());
    let repeat = node.repeat;
    let is_table = matches!(node.kind, NodeKind::Table { .. });
    // A repeated node's prompt is shown once, above its items.
    let prompts = repeat.is_some().then(|| prompts_view(&node));
    let add = (repeat.is_some() && !is_table).then(|| {
        let max = repeat.and_then(|r| r.max);
        let full = Memo::new(move |_| max.is_some_and(|max| siblings.get() >= max as usize));
        let why = max.map(|max| format!("最多{max}项")).unwrap_or_default();
        let why_title = why.clone();
        let id = node.id.clone();
        let what = add_label(&node);
        let label = move || {
            let place = parent_path.with(|p| if p.is_empty() { "全文".to_string() } else { parent_label(&child(p, "", 0)) });
            format!("在{place}下添加{what}")
        };
        view! {
            <p class="add">
                <button type="button" disabled=full title=move || if full.get() { why_title.clone() } else { String::new() } aria-label=label
                    on:click=move |_| {
                        let parent = parent_path.get_untracked();
                        let result = ctx.spec.with_value(|s| ctx.change(|f| f.add(s, &parent, &id)));
                        if let Some(Err(e)) = result {
                            ui.notice.set(e);
                        }
                    }>
                    {format!("＋ 添加{what}")}
                </button>
                <Show when=move || full.get()><span class="why">{format!("（已达上限：{why}）")}</span></Show>
            </p>
        }
    });
    let id = node.id.clone();
    let items = view! {
        <For each=move || list.get() key=|key| *key let:key>
            {
                let mut keys = parent.clone();
                keys.push((id.clone(), key));
                occurrence_view(node.clone(), keys, siblings)
            }
        </For>
    };
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
fn occurrence_view(node: Node, keys: Keys, siblings: Signal<usize>) -> AnyView {
    let ctx = expect_context::<Ctx>();
    let derived = expect_context::<Derived>();
    let path = ctx.path_of(keys.clone());
    // Its number (二是, （三）) and its parents' change when parts move.
    let label = Memo::new(move |_| path.with(|p| derived.live.with(|l| l.labels.get(p).cloned().unwrap_or_default())));
    let parents = Memo::new(move |_| path.with(|p| parent_label(p)));
    let item = path.with_untracked(|p| ctx.draft.with_untracked(|d| edit::item(d, p).cloned().unwrap_or_default()));
    let title_text = match &node.kind {
        NodeKind::Heading { title: Some(t), .. } => t.source.clone(),
        _ => String::new(),
    };
    let meter_name = Signal::derive(move || format!("{}{}{title_text}", parents.get(), label.get()));
    let budget = node.budget.clone().map(|b| view! { <Meter path budget=b name=meter_name/> });
    let prompts = node.repeat.is_none().then(|| prompts_view(&node));
    let controls = node.repeat.filter(|_| !matches!(node.kind, NodeKind::Table { .. })).map(|_| controls_view(path, siblings));
    let body = match &node.kind {
        NodeKind::Heading { level, title } => {
            let heading = match title {
                Some(t) => view! { <span class="heading-text">{label}{t.source.clone()}</span> }.into_any(),
                None => {
                    let aria = Signal::derive(move || format!("{}{}小标题", parents.get(), label.get()));
                    let example = node.example.clone().map(|e| format!("例如：{e}")).unwrap_or_default();
                    view! {
                        <span class="heading-text">{label}</span>
                        <TextInput path part=Slot::Title initial=item.title.clone() aria placeholder=example multiline=false/>
                    }
                    .into_any()
                }
            };
            let children = node.children.iter().cloned().map(|c| node_view(c, keys.clone())).collect_view();
            let class = format!("heading h{level}");
            view! {
                <header class=class>{heading}{controls}</header>
                <ProofHints path which=Slot::Title/>
                {budget}
                {prompts}
                <div class="children">{children}</div>
            }
            .into_any()
        }
        NodeKind::Point { .. } => {
            let aria = move |what: &'static str| Signal::derive(move || format!("{}{} {what}", parents.get(), label.get()));
            let example = node.example.clone().map(|e| format!("例如：{e}")).unwrap_or_default();
            view! {
                <div class="point">
                    <span class="point-label">{label}</span>
                    <TextInput path part=Slot::Lead initial=item.lead.clone() aria=aria("要点句") placeholder="先用一句话概括（这一句加粗）".into() multiline=false/>
                    {controls}
                </div>
                <ProofHints path which=Slot::Lead/>
                <TextInput path part=Slot::Text initial=item.text.clone() aria=aria("正文") placeholder=example multiline=true/>
                <ProofHints path which=Slot::Text/>
                <JoinedLinesNote path advice="要分段，请另加一个要点。"/>
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
                <TextInput path part=Slot::Text initial=item.text.clone() aria=Signal::stored(node.id.clone()) placeholder=example multiline=true/>
                <ProofHints path which=Slot::Text/>
                {(!*multiple_paragraphs).then(|| view! { <JoinedLinesNote path advice="这一部分模板要求只写一段。"/> })}
                {budget}
                {prompts}
            }
            .into_any()
        }
        NodeKind::Pictures { min, max, formats, caption_label } => {
            let formats = formats.iter().map(|f| f.label()).collect::<Vec<_>>().join("、");
            view! {
                <Pictures path min=*min max=*max formats=formats caption_label=caption_label.clone()/>
                {prompts}
            }
            .into_any()
        }
        NodeKind::Table { title, columns } => {
            let title = title.as_ref().map(|t| t.source.clone()).unwrap_or_else(|| node.id.clone());
            view! {
                <TableView path title=title columns=columns.clone() repeat=node.repeat/>
                {prompts}
            }
            .into_any()
        }
    };
    view! { <section class="occurrence" id=move || ctx.anchor(&path.get())>{body}</section> }.into_any()
}

/// The numbered headings above a path, for accessible names: “一、（二）”
/// (tracked: they change when parts move).
fn parent_label(path: &[Step]) -> String {
    let derived = expect_context::<Derived>();
    derived.live.with(|l| (1..path.len()).filter_map(|n| l.labels.get(&path[..n]).cloned()).collect())
}

/// Under a text the document prints as one paragraph: says, once the drafter has
/// typed or pasted several lines, that the export joins them (document.rs does).
#[component]
fn JoinedLinesNote(path: Signal<Owner>, advice: &'static str) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let several_lines =
        Memo::new(move |_| path.with(|p| ctx.draft.with(|d| edit::item(d, p).is_some_and(|i| i.text.trim().contains('\n')))));
    view! {
        <Show when=move || several_lines.get()>
            <p class="hint" role="note">"这里导出为一段：几行会接成一段，每行开头的空格不导出（格式已首行缩进两字）。"{advice}</p>
        </Show>
    }
}

/// The occurrence `index` among the siblings of `path`.
fn sibling(path: &[Step], index: usize) -> Owner {
    let mut p = path.to_vec();
    if let Some(last) = p.last_mut() {
        last.1 = index;
    }
    p
}

/// Keyboard focus, once the form is patched, on the controls of the occurrence
/// at `path` (the moved part, whose node may have been moved out from under the
/// focus, or the one that took a removed part's place): the button `act` if it
/// is enabled, else the first that is.
fn focus_controls(ctx: Ctx, path: Owner, act: &'static str, keep_at: Option<f64>) {
    request_animation_frame(move || {
        let Some(controls) = controls_of(ctx, &path) else {
            return;
        };
        // A moved part stays where the drafter's eye and pointer are: the page
        // scrolls with it (whatever the browser's scroll anchoring chose to keep).
        if let Some(top) = keep_at {
            window().scroll_by_with_x_and_y(0.0, controls.get_bounding_client_rect().top() - top);
        }
        let enabled = |selector: &str| controls.query_selector(selector).ok().flatten();
        let button = enabled(&format!("button[data-act={act}]:not([disabled])")).or_else(|| enabled("button:not([disabled])"));
        if let Some(button) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = button.focus();
        }
    });
}

/// The move and remove buttons of the occurrence at `path`, when on screen.
fn controls_of(ctx: Ctx, path: &[Step]) -> Option<web_sys::Element> {
    document().get_element_by_id(&format!("controls-{}", ctx.try_anchor(path)?))
}

/// Puts the last removed part back where it was, pictures included.
pub(crate) fn undo_removal(ctx: Ctx, ui: Ui) {
    let Some((path, item)) = ui.removed.try_update(Option::take).flatten() else {
        return;
    };
    if ctx.change(|f| f.restore(&path, item)) == Some(true) {
        ui.notice.set("已撤销删除".into());
    } else {
        ui.notice.set("无法撤销：它所在的部分已经删除".into());
    }
}

/// Move up, move down and remove, with the reason when refused.
fn controls_view(path: Signal<Owner>, siblings: Signal<usize>) -> AnyView {
    let ctx = expect_context::<Ctx>();
    let ui = expect_context::<Ui>();
    let derived = expect_context::<Derived>();
    let index = Memo::new(move |_| path.with(|p| p.last().map_or(0, |(_, i)| *i)));
    let name = Memo::new(move |_| {
        path.with(|p| format!("{}{}", parent_label(p), derived.live.with(|l| l.labels.get(p).cloned().unwrap_or_default())))
    });
    let moved = move |up: bool| {
        let (p, i) = (path.get_untracked(), index.get_untracked());
        let top = controls_of(ctx, &p).map(|c| c.get_bounding_client_rect().top());
        if ctx.change(|f| f.move_item(&p, up)) == Some(true) {
            focus_controls(ctx, sibling(&p, if up { i - 1 } else { i + 1 }), if up { "up" } else { "down" }, top);
        }
    };
    let remove = move |_| {
        // Named before it goes: once removed, its path and name are empty.
        let (p, i, n, what) = (path.get_untracked(), index.get_untracked(), siblings.get_untracked(), name.get_untracked());
        let result = ctx.spec.with_value(|s| ctx.change(|f| f.remove(s, &p)));
        match result {
            Some(Ok(item)) => {
                ui.notice.set(format!("已删除{what}"));
                ui.removed.set(Some((p.clone(), item)));
                // The part that took its place, or the one before it if it was the last.
                if n > 1 {
                    focus_controls(ctx, sibling(&p, i.min(n - 2)), "remove", None);
                }
            }
            Some(Err(e)) => ui.notice.set(e),
            None => {}
        }
    };
    view! {
        <span class="controls" id=move || format!("controls-{}", ctx.anchor(&path.get()))>
            <button type="button" class="small" data-act="up" disabled={move || index.get() == 0} aria-label=move || format!("上移{}", name.get()) on:click=move |_| moved(true)>"↑"</button>
            <button type="button" class="small" data-act="down" disabled={move || index.get() + 1 >= siblings.get()} aria-label=move || format!("下移{}", name.get()) on:click=move |_| moved(false)>"↓"</button>
            <button type="button" class="small" data-act="remove" aria-label=move || format!("删除{}", name.get()) on:click=remove>"删除"</button>
        </span>
    }
    .into_any()
}
