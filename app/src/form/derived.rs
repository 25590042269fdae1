//! What the form shows that the core derives from the draft, in two parts: what
//! changes with every keystroke and must follow it at once (the 字数 everywhere,
//! the numbering, the title lines), and what is checked when typing pauses (the
//! page layout and estimate, the export checklist, the proofreading hints and
//! coverage, the preview's pages). Keeping the second part off the keystroke
//! path keeps typing as fast as counting (measured by scripts/bench-browser.mjs).

use std::collections::HashMap;
use std::time::Duration;

use leptos::prelude::*;
use wengao::document::{self, Owner};
use wengao::draft::Draft;
use wengao::proof;
use wengao::review::{self, Problem};
use wengao::spec::{FormSpec, Role};

/// How long typing must pause before the slower checks run.
const CHECK_DELAY: Duration = Duration::from_millis(200);

/// Derived on each change.
#[derive(Clone, PartialEq, Default)]
pub(crate) struct Live {
    pub(crate) counts: review::PathCounts,
    pub(crate) labels: HashMap<Owner, String>,
    pub(crate) total: usize,
    /// The title line, and all the title lines with their roles (the preamble).
    pub(crate) title: String,
    pub(crate) title_lines: Vec<(Role, String)>,
}

pub(crate) fn derive(spec: &FormSpec, draft: &Draft) -> Live {
    let doc = document::assemble(spec, draft);
    Live {
        counts: review::counts_by_path(&doc),
        labels: doc.labels.iter().cloned().collect(),
        total: doc.counts().words,
        title: doc.title.clone(),
        title_lines: doc.title_block(),
    }
}

/// Derived when typing pauses, and before export.
#[derive(Clone, PartialEq, Default)]
pub(crate) struct Checked {
    /// 约6页 or 约6–7页, what is wrong against the page limit, and why a range.
    pub(crate) pages_text: String,
    pub(crate) over_limit: Option<String>,
    pub(crate) pages_reason: Option<String>,
    pub(crate) problems: Vec<Problem>,
    /// Proofreading hints, each with where it is in the form's words, and the
    /// coverage of the scored items.
    pub(crate) hints: Vec<(proof::Hint, String)>,
    pub(crate) coverage: Vec<proof::Coverage>,
    /// The pages as the preview draws them.
    pub(crate) view: Vec<Vec<wengao::layout::PageItem>>,
}

pub(crate) fn check(spec: &FormSpec, draft: &Draft) -> Checked {
    let doc = document::assemble(spec, draft);
    let layout = wengao::layout::lay_out(&doc, &spec.style);
    let estimate = wengao::layout::estimate_of(&doc, &layout, &spec.style);
    let counts = review::counts_by_path(&doc);
    Checked {
        pages_text: estimate.pages_text(),
        over_limit: spec.page_limit.and_then(|l| estimate.over_limit(l.max)),
        pages_reason: estimate.range_reason(),
        problems: review::problems(spec, draft, &doc, &counts, &estimate),
        hints: proof::hints(spec, draft)
            .into_iter()
            .map(|h| {
                let place = proof::place(&doc, &h);
                (h, place)
            })
            .collect(),
        coverage: proof::coverage(spec, draft),
        view: wengao::layout::page_view(&doc, &layout, &spec.style),
    }
}

/// The checks of `draft`, now, and again each time typing pauses.
pub(crate) fn checked(spec: StoredValue<FormSpec>, draft: RwSignal<Draft>) -> RwSignal<Checked> {
    let checked = RwSignal::new(draft.with_untracked(|d| spec.with_value(|s| check(s, d))));
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    Effect::new(move |first: Option<()>| {
        draft.track();
        if first.is_none() {
            return;
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        // The form may be gone when the pause ends (back to the start screen).
        let run = move || {
            if let Some(c) = draft.try_with_untracked(|d| spec.try_with_value(|s| check(s, d))).flatten() {
                checked.try_set(c);
            }
        };
        pending.set_value(set_timeout_with_handle(run, CHECK_DELAY).ok());
    });
    on_cleanup(move || {
        if let Some(handle) = pending.try_get_value().flatten() {
            handle.clear();
        }
    });
    checked
}
