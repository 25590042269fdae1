//! What a draft's 字数 look like against the template's budgets: the document's
//! total and every budgeted part, each occurrence on its own. The CLI prints it;
//! the app shows it beside each part.

use crate::document::{self, Block, Document};
use crate::draft::Draft;
use crate::spec::{Budget, BudgetState, FormSpec, Node, NodeKind};

#[derive(Debug, Clone, PartialEq)]
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
    let doc = document::assemble(spec, draft);
    let total = doc.counts().words;
    let mut out = vec![PartCount {
        label: "全文".into(),
        depth: 0,
        words: total,
        budget: spec.budget.clone(),
        state: spec.budget.as_ref().map(|b| b.state(total)),
    }];
    walk(&doc, &spec.body, &mut Vec::new(), &mut out);
    out
}

fn walk(doc: &Document, nodes: &[Node], owner: &mut Vec<(String, usize)>, out: &mut Vec<PartCount>) {
    for node in nodes {
        for i in 0..occurrences(doc, owner, &node.id) {
            owner.push((node.id.clone(), i));
            if let Some(budget) = &node.budget {
                let words = doc.counts_of(owner).words;
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
                walk(doc, &node.children, owner, out);
            }
            owner.pop();
        }
    }
}

/// How many occurrences of a node the document has under `owner`.
fn occurrences(doc: &Document, owner: &[(String, usize)], id: &str) -> usize {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(&p.owner),
            Block::Picture { owner, .. } => Some(owner),
            Block::Table(t) => Some(&t.owner),
        })
        .filter(|o| o.starts_with(owner) && o.get(owner.len()).is_some_and(|(n, _)| n == id))
        .map(|o| o[owner.len()].1 + 1)
        .max()
        .unwrap_or(0)
}

/// The first paragraph's text of a heading occurrence: the numbered heading.
fn label(doc: &Document, owner: &[(String, usize)]) -> Option<String> {
    doc.blocks.iter().find_map(|b| match b {
        Block::Paragraph(p) if p.owner.as_slice() == owner => Some(p.text()),
        _ => None,
    })
}
