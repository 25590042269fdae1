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
#[derive(Clone, PartialEq)]
pub(crate) struct Checked {
    /// 字数 against the budgets and the page estimate (约6页 or 约6–7页, what
    /// is wrong against the page limit), as `wengao stats --json` gives them.
    pub(crate) figures: review::Figures,
    /// Why the page estimate is a range.
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
        figures: review::figures(spec, &doc, &estimate),
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

/// One entry of the export checklist (what 导出 Word lists before it exports,
/// and what a host page's `checklist()` returns: docs/embedding.md).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    /// `problem` (a field or part missing, a budget or the page limit),
    /// `proof` (a proofreading hint) or `coverage` (scored items not yet
    /// spoken of: a reminder only).
    pub(crate) kind: &'static str,
    pub(crate) message: String,
    /// Where in the form it is fixed.
    pub(crate) target: Target,
}

/// A place in the form an entry of the checklist links to.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Target {
    Fields,
    /// The whole text's figures (字数, pages).
    Summary,
    Part(Owner),
    Coverage,
}

impl Checked {
    /// What is still open before export, in the checklist's order.
    pub(crate) fn checklist(&self) -> Vec<Entry> {
        let problems = self.problems.iter().map(|p| Entry {
            kind: "problem",
            message: p.message.clone(),
            // A field's problem goes to the fields, the whole text's (字数, pages) to the summary.
            target: match (&p.field, p.path.is_empty()) {
                (Some(_), _) => Target::Fields,
                (None, true) => Target::Summary,
                (None, false) => Target::Part(p.path.clone()),
            },
        });
        let hints = self.hints.iter().map(|(h, place)| Entry {
            kind: "proof",
            message: format!("校对：{place}：{}", h.mark.message),
            target: Target::Part(h.path.clone()),
        });
        let open: Vec<&str> = self.coverage.iter().filter(|c| c.found.is_empty()).map(|c| c.item.as_str()).collect();
        let coverage = (!open.is_empty()).then(|| Entry {
            kind: "coverage",
            message: format!("测评指标还没讲到：{}（只是提醒）", open.join("、")),
            target: Target::Coverage,
        });
        problems.chain(hints).chain(coverage).collect()
    }

    /// Whether the checklist has nothing on it, not even a reminder.
    pub(crate) fn is_clear(&self) -> bool {
        self.problems.is_empty() && self.hints.is_empty() && self.coverage.iter().all(|c| !c.found.is_empty())
    }

    /// How many of the checklist's entries are to fix (not reminders).
    pub(crate) fn to_fix(&self) -> usize {
        self.problems.len() + self.hints.len()
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
