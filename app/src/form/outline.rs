//! The outline beside the form: every part with its 字数 state; a click
//! scrolls to it.

use leptos::prelude::*;
use wengao::edit;
use wengao::spec::{BudgetState, NodeKind};

use super::ctx::{child, Ctx, Derived};

/// Every part with its 字数 state; a click scrolls to it.
#[component]
pub(crate) fn Outline() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let derived = expect_context::<Derived>();
    // The parts and their （一） headings, by path: compared, so that keys changing
    // elsewhere (a point, a row, a picture added) do not rebuild the outline.
    let entries = Memo::new(move |_| {
        ctx.structure.track();
        ctx.ids.track();
        ctx.spec.with_value(|spec| {
            ctx.draft.with_untracked(|draft| {
                let mut rows = Vec::new();
                for node in &spec.body {
                    for i in 0..edit::occurrences(draft, &[], &node.id) {
                        let path = vec![(node.id.clone(), i)];
                        rows.push((path.clone(), 0));
                        for c in node.children.iter().filter(|c| matches!(c.kind, NodeKind::Heading { .. })) {
                            for j in 0..edit::occurrences(draft, &path, &c.id) {
                                rows.push((child(&path, &c.id, j), 1));
                            }
                        }
                    }
                }
                rows
            })
        })
    });
    view! {
        <nav class="outline" aria-label="提纲">
            {move || {
                let spec = ctx.spec.get_value();
                entries
                    .get()
                    .into_iter()
                    .filter_map(|(path, depth)| Some((path.clone(), edit::node_at(&spec, &path)?.clone(), depth)))
                    .map(|(path, node, depth)| {
                        let href = format!("#{}", ctx.anchor(&path));
                        let p = path.clone();
                        let title = move || {
                            let label = derived.live.with(|l| l.labels.get(&p).cloned().unwrap_or_default());
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
                            budget.as_ref().map(|b| b.state(derived.live.with(|l| l.counts.get(&p2).copied().unwrap_or(0))))
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
