//! What a draft's 字数 look like against the template's budgets: the document's
//! total and every budgeted part, each occurrence on its own. The CLI prints it;
//! the app shows it beside each part.

use serde::Serialize;

use crate::document::{self, Block, Document, Owner, Step};
use crate::draft::Draft;
use crate::layout::Estimate;
use crate::spec::{Budget, BudgetState, FormSpec, Node, NodeKind};

/// 字数 of every node occurrence, by its path.
pub type PathCounts = std::collections::HashMap<Owner, usize>;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartCount {
    /// The part as the document shows it: its numbered heading, or its name.
    pub label: String,
    /// 0 for the document, 1 for top-level parts, and so on.
    pub depth: usize,
    pub words: usize,
    pub budget: Option<Budget>,
    pub state: Option<BudgetState>,
}

/// The document's total and every part that has a budget, in document order.
pub fn budgets(spec: &FormSpec, draft: &Draft) -> Vec<PartCount> {
    budgets_of(spec, &document::assemble(spec, draft))
}

/// The same, for a document already assembled.
pub fn budgets_of(spec: &FormSpec, doc: &Document) -> Vec<PartCount> {
    let total = doc.counts().words;
    let mut out = vec![PartCount {
        label: "全文".into(),
        depth: 0,
        words: total,
        budget: spec.budget.clone(),
        state: spec.budget.as_ref().map(|b| b.state(total)),
    }];
    walk(doc, &counts_by_path(doc), &spec.body, &mut Vec::new(), &mut out);
    out
}

/// A draft's figures as another program reads them (`wengao stats --json`, and
/// the embedded form's onChange, docs/embedding.md): the same 字数 and states
/// as [`budgets`], and the page estimate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// 字数 of the whole document (the first part's too).
    pub words: usize,
    /// The whole document, then every part that has a budget.
    pub parts: Vec<PartCount>,
    /// 约6页, or 约6–7页 where Word and LibreOffice differ.
    pub pages: String,
    /// The most pages either program may lay the file out on.
    pub most_pages: u32,
    /// The template's page limit, and what is wrong against it.
    pub page_limit: Option<u32>,
    pub over_limit: Option<String>,
}

/// The figures of an assembled document, with its page estimate.
pub fn figures(spec: &FormSpec, doc: &Document, estimate: &Estimate) -> Figures {
    let limit = spec.page_limit.map(|l| l.max);
    Figures {
        words: doc.counts().words,
        parts: budgets_of(spec, doc),
        pages: estimate.pages_text(),
        most_pages: estimate.most_pages(),
        page_limit: limit,
        over_limit: limit.and_then(|max| estimate.over_limit(max)),
    }
}

fn walk(doc: &Document, counts: &PathCounts, nodes: &[Node], owner: &mut Owner, out: &mut Vec<PartCount>) {
    for node in nodes {
        for i in 0..occurrences(doc, owner, &node.id) {
            owner.push((node.id.clone(), i));
            if let Some(budget) = &node.budget {
                let words = counts.get(owner.as_slice()).copied().unwrap_or(0);
                let heading = matches!(node.kind, NodeKind::Heading { .. });
                out.push(PartCount {
                    label: heading.then(|| label(doc, owner)).flatten().unwrap_or_else(|| node.id.clone()),
                    depth: owner.len(),
                    words,
                    budget: Some(budget.clone()),
                    state: Some(budget.state(words)),
                });
            }
            if matches!(node.kind, NodeKind::Heading { .. }) {
                walk(doc, counts, &node.children, owner, out);
            }
            owner.pop();
        }
    }
}

/// How many occurrences of a node the document has under `owner`.
fn occurrences(doc: &Document, owner: &[Step], id: &str) -> usize {
    doc.blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => &p.owner,
            Block::Picture { owner, .. } => owner,
            Block::Table(t) => &t.owner,
        })
        .filter(|o| o.starts_with(owner) && o.get(owner.len()).is_some_and(|(n, _)| n == id))
        .map(|o| o[owner.len()].1 + 1)
        .max()
        .unwrap_or(0)
}

/// The first paragraph's text of a heading occurrence: the numbered heading.
fn label(doc: &Document, owner: &[Step]) -> Option<String> {
    doc.blocks.iter().find_map(|b| match b {
        Block::Paragraph(p) if p.owner.as_slice() == owner => Some(p.text()),
        _ => None,
    })
}

/// 字数 of every node occurrence in the document, heading included, by path.
pub fn counts_by_path(doc: &Document) -> PathCounts {
    doc.counts_by_path().into_iter().map(|(owner, counts)| (owner, counts.words)).collect()
}

/// Something still missing or off before export, with where to go to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The field's name, or None for a part of the body.
    pub field: Option<String>,
    /// The part's occurrence path (empty for the whole document or a field).
    pub path: Owner,
    pub message: String,
    pub concern: Concern,
}

/// What a [`Problem`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Concern {
    /// A required field or part not written.
    Missing,
    /// 字数 against a budget.
    Words,
    /// Pages against the limit.
    Pages,
    /// More items or rows than the template allows.
    TooMany,
    /// Too few pictures, or pictures without captions.
    Pictures,
}

/// The whole text's 字数 (`total`) against the template's budget, when it does not fit.
pub fn whole_text_problem(spec: &FormSpec, total: usize) -> Option<Problem> {
    let b = spec.budget.as_ref().filter(|b| b.state(total) != BudgetState::Fits)?;
    Some(Problem {
        field: None,
        path: Vec::new(),
        message: format!("全文{total}字，要求{}（{}）", b.describe(), b.state(total).label()),
        concern: Concern::Words,
    })
}

/// What a drafter should still look at: empty required fields and texts, budgets
/// not met, more pages than the limit (by the page model), too few pictures or
/// captions. The drafter may export anyway. Takes what the caller has already
/// derived from the draft (the app does so on every keystroke): the assembled
/// document, its counts by path and the page estimate.
pub fn problems(spec: &FormSpec, draft: &Draft, doc: &Document, counts: &PathCounts, estimate: &Estimate) -> Vec<Problem> {
    let mut out = Vec::new();
    for f in &spec.fields {
        if f.required && draft.fields.get(&f.id).is_none_or(|v| v.trim().is_empty()) {
            out.push(Problem {
                field: Some(f.id.clone()),
                path: Vec::new(),
                message: format!("“{}”还没有填", f.label),
                concern: Concern::Missing,
            });
        }
    }
    out.extend(whole_text_problem(spec, doc.counts().words));
    if let Some(limit) = spec.page_limit {
        let message = estimate.over_limit(limit.max).map(|what| format!("全文{}，上限{}页：{what}", estimate.pages_text(), limit.max));
        if let Some(message) = message {
            out.push(Problem { field: None, path: Vec::new(), message, concern: Concern::Pages });
        }
    }
    walk_problems(doc, &spec.body, draft, &mut Vec::new(), counts, &mut out);
    out
}

fn walk_problems(doc: &Document, nodes: &[Node], draft: &Draft, owner: &mut Owner, counts: &PathCounts, out: &mut Vec<Problem>) {
    for node in nodes {
        let n = crate::edit::occurrences(draft, owner, &node.id);
        if let Some(max) = node.max_items().filter(|m| n > *m) {
            out.push(Problem {
                field: None,
                path: owner.clone(),
                message: format!("“{}”最多{max}项，草稿里有{n}项（多出来的照样导出，请删去）", node.id),
                concern: Concern::TooMany,
            });
        }
        if let Some(max) = node.max_rows() {
            let rows = crate::edit::item(draft, &[owner.as_slice(), &[(node.id.clone(), 0)]].concat()).map_or(0, |i| i.rows.len());
            if rows > max {
                out.push(Problem {
                    field: None,
                    path: owner.clone(),
                    message: format!("“{}”最多{max}行，草稿里有{rows}行", node.id),
                    concern: Concern::TooMany,
                });
            }
        }
        for i in 0..n {
            owner.push((node.id.clone(), i));
            let item = crate::edit::item(draft, owner).cloned().unwrap_or_default();
            let name = occurrence_name(doc, owner, node);
            let empty = |s: &str| s.trim().is_empty();
            let missing = match &node.kind {
                NodeKind::Heading { title: None, .. } => empty(&item.title).then(|| format!("{name}的小标题还没有写")),
                NodeKind::Point { lead: None } => (empty(&item.lead) && empty(&item.text)).then(|| format!("{name}还没有写")),
                NodeKind::Text { .. } => empty(&item.text).then(|| format!("{name}还没有写")),
                NodeKind::Pictures { min, .. } if item.pictures.len() < *min as usize => {
                    Some(format!("{name}至少要{min}幅，现在{}幅", item.pictures.len()))
                }
                NodeKind::Pictures { .. } => item.pictures.iter().any(|p| empty(&p.caption)).then(|| format!("{name}有图片还没有写说明")),
                _ => None,
            };
            if let Some(message) = missing.filter(|_| node.required) {
                let concern = if matches!(node.kind, NodeKind::Pictures { .. }) { Concern::Pictures } else { Concern::Missing };
                out.push(Problem { field: None, path: owner.clone(), message, concern });
            }
            if let Some(b) = &node.budget {
                let words = counts.get(owner.as_slice()).copied().unwrap_or(0);
                let state = b.state(words);
                if state != BudgetState::Fits {
                    out.push(Problem {
                        field: None,
                        path: owner.clone(),
                        message: format!("{name}{words}字，要求{}（{}）", b.describe(), state.label()),
                        concern: Concern::Words,
                    });
                }
            }
            walk_problems(doc, &node.children, draft, owner, counts, out);
            owner.pop();
        }
    }
}

/// A part's name for messages: its numbered heading, or 第N个 with its kind.
fn occurrence_name(doc: &Document, owner: &[Step], node: &Node) -> String {
    match &node.kind {
        NodeKind::Heading { .. } => label(doc, owner).map(|l| format!("“{l}”")).unwrap_or_else(|| node.id.clone()),
        // “一是” alone repeats in every section: name it with the sections above.
        NodeKind::Point { .. } => {
            let number = |path: &[Step]| doc.labels.iter().find(|(o, _)| o.as_slice() == path).map(|(_, l)| l.clone());
            let parents: String = (1..owner.len()).filter_map(|n| number(&owner[..n])).collect();
            let own = number(owner).unwrap_or_else(|| format!("第{}个要点", owner.last().map_or(1, |(_, i)| i + 1)));
            if parents.is_empty() {
                format!("“{own}”")
            } else {
                format!("{parents}里的“{own}”")
            }
        }
        NodeKind::Pictures { .. } => "图片".to_string(),
        _ => format!("“{}”", node.id),
    }
}
