//! The 摘要 the organization office publishes of each report (the seed's
//! Attachment 3 六): built from the report's structure only, never written:
//! the parts' headings, each （一） heading and the lead sentence of each 一是
//! point, in the report's order, fitted to the budget its template declares
//! (`摘要：约600字`). Headings go in first, then the first lead under every
//! （一）, then the second, and so on while they fit; every sentence of a
//! 摘要 is one of the report's.

use serde::{Deserialize, Serialize};

use crate::document::{self, Block, Document};
use crate::draft::Draft;
use crate::spec::{FormSpec, Role};

/// A 摘要: its lines in the report's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extract {
    /// The report's title and the line under it (“XX街道党工委书记 张三”).
    pub title: String,
    pub byline: String,
    pub paragraphs: Vec<ExtractParagraph>,
    /// 字数 of the paragraphs, counted as everywhere else.
    pub words: usize,
    /// The most the template allows, if it says.
    pub max_words: Option<usize>,
    /// Said when the structure gave less than one would expect: no leads,
    /// or leads left out for the budget.
    pub notes: Vec<String>,
}

/// A heading of the report, or the leads under one （一） joined.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractParagraph {
    /// Heading1, Heading2 or Body (the leads).
    pub role: Role,
    pub text: String,
}

/// A piece of the report that may go in: where it is, how much it matters
/// (0 part headings, 1 （一） headings, 2 + n the n-th lead under its （一）),
/// and the （一） it is under (leads under one heading are one paragraph).
struct Candidate {
    position: usize,
    rank: usize,
    role: Role,
    under: usize,
    text: String,
}

/// The 摘要 of a draft of `spec`.
pub fn extract(spec: &FormSpec, draft: &Draft) -> Extract {
    let doc = document::assemble(spec, draft);
    let candidates = candidates(&doc);
    let max_words = spec.extract_budget.as_ref().map(|b| b.max.unwrap_or(b.min));
    let mut chosen: Vec<&Candidate> = Vec::new();
    let mut words = 0;
    let mut by_rank: Vec<&Candidate> = candidates.iter().collect();
    by_rank.sort_by_key(|c| (c.rank, c.position));
    let mut left_out = 0;
    for c in by_rank {
        let n = crate::count::words(&c.text);
        if max_words.is_some_and(|max| words + n > max) {
            left_out += usize::from(c.role == Role::Heading3);
            continue;
        }
        words += n;
        chosen.push(c);
    }
    chosen.sort_by_key(|c| c.position);
    let mut paragraphs: Vec<ExtractParagraph> = Vec::new();
    let mut last_under = None;
    for c in chosen {
        match (c.role, paragraphs.last_mut()) {
            (Role::Heading3, Some(p)) if p.role == Role::Body && last_under == Some(c.under) => p.text.push_str(&c.text),
            (Role::Heading3, _) => paragraphs.push(ExtractParagraph { role: Role::Body, text: c.text.clone() }),
            (role, _) => paragraphs.push(ExtractParagraph { role, text: c.text.clone() }),
        }
        last_under = Some(c.under);
    }
    let mut notes = Vec::new();
    let leads = candidates.iter().filter(|c| c.role == Role::Heading3).count();
    if leads == 0 {
        notes.push("这份报告没有“一是”式的要点句，摘要只有各级标题".to_string());
    }
    if left_out > 0 {
        notes.push(format!("为了不超过{}字，{left_out}句要点句没有放进摘要", max_words.unwrap_or_default()));
    }
    let line = |role: Role| doc.title_line(role);
    Extract { title: line(Role::Title), byline: line(Role::Subtitle), paragraphs, words, max_words, notes }
}

/// The headings and leads of the report's body, with their ranks.
fn candidates(doc: &Document) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut under = 0;
    let mut nth_lead = 0;
    for (position, block) in doc.blocks.iter().enumerate().skip(doc.title_lines) {
        let Block::Paragraph(p) = block else { continue };
        let text = p.text().trim().to_string();
        match p.role {
            Role::Heading1 | Role::Heading2 => {
                under = position;
                nth_lead = 0;
                let rank = usize::from(p.role == Role::Heading2);
                out.push(Candidate { position, rank, role: p.role, under, text });
            }
            _ => {
                if let Some(text) = doc.lead(p) {
                    out.push(Candidate { position, rank: 2 + nth_lead, role: Role::Heading3, under, text });
                    nth_lead += 1;
                }
            }
        }
    }
    out
}

impl Extract {
    /// The 摘要 as text to edit: a paragraph a line.
    pub fn text(&self) -> String {
        self.paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n")
    }

    /// The 摘要 as edited: its lines again, each a heading by its number
    /// (一、 （一）) or else the leads' paragraph; 字数 counted anew.
    pub fn edited(&self, text: &str) -> Extract {
        let paragraphs: Vec<ExtractParagraph> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| {
                let role = match crate::import::typed_label(l) {
                    Some((crate::import::Level::Part, _)) => Role::Heading1,
                    Some((crate::import::Level::Section, _)) => Role::Heading2,
                    _ => Role::Body,
                };
                ExtractParagraph { role, text: l.to_string() }
            })
            .collect();
        let words = paragraphs.iter().map(|p| crate::count::words(&p.text)).sum();
        Extract { paragraphs, words, ..self.clone() }
    }
}

/// The 摘要 as a document to render: each report's title with “（摘要）”,
/// the line under it, then its headings and leads.
pub fn document<'d>(extracts: &[Extract]) -> Document<'d> {
    use crate::document::{Paragraph, TextRun};
    let mut blocks = Vec::new();
    let mut push = |role: Role, text: String| {
        let outline_level = match role {
            Role::Heading1 => Some(0),
            Role::Heading2 => Some(1),
            _ => None,
        };
        let runs = vec![TextRun { text, role }];
        blocks.push(Block::Paragraph(Paragraph { role, runs, outline_level, keep_with_next: false, owner: Vec::new() }));
    };
    for e in extracts {
        push(Role::Title, format!("{}（摘要）", e.title));
        if !e.byline.is_empty() {
            push(Role::Subtitle, e.byline.clone());
        }
        for p in &e.paragraphs {
            push(p.role, p.text.clone());
        }
    }
    Document { title: "摘要".into(), author: String::new(), blocks, labels: Vec::new(), title_lines: 0 }
}
