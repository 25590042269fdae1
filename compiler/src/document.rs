//! The document a draft makes: the paragraphs, pictures and tables in order, with
//! numbering applied and placeholders filled. The one source of truth for what is
//! rendered, counted and laid out — the .docx renderer, the 字数 of every part and
//! the page model all read this, never the draft directly.

use crate::count::{self, Counts};
use crate::draft::{Draft, Item, Parts, Picture};
use crate::spec::{DatePart, FieldKind, FormSpec, Node, NodeKind, Piece, Role, TemplateText};
use crate::values;

/// Shown for a placeholder whose field is empty, as the seed's own templates do.
pub const UNFILLED: &str = "XXX";

/// One step of a path into the draft: a node's name and the occurrence's index
/// among its siblings.
pub type Step = (String, usize);

/// Where an occurrence is, or where a block comes from: the steps from the top.
pub type Owner = Vec<Step>;

#[derive(Debug, Clone, PartialEq)]
pub struct Document<'d> {
    /// The title line as rendered (core properties' title).
    pub title: String,
    /// The drafter, from the template's `作者` (core properties' creator).
    pub author: String,
    pub blocks: Vec<Block<'d>>,
    /// The automatic number of every heading and 一是-item occurrence: “（二）”.
    pub labels: Vec<(Owner, String)>,
    /// How many of the first blocks are the template's title lines (标题, 副标题, 日期).
    pub title_lines: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block<'d> {
    Paragraph(Paragraph),
    Picture { picture: &'d Picture, owner: Owner },
    Table(Table),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// Decides the paragraph's alignment, indent and spacing.
    pub role: Role,
    pub runs: Vec<TextRun>,
    /// 0 for 一、 headings, 1 for （一）; shown in Word's navigation pane.
    pub outline_level: Option<u8>,
    /// Kept on the page of the block after it (a table's title).
    pub keep_with_next: bool,
    pub owner: Owner,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub text: String,
    /// Decides the run's font, size and weight.
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<(String, Option<u32>)>,
    pub rows: Vec<Vec<String>>,
    pub owner: Owner,
}

impl Block<'_> {
    /// A paragraph of one run in `role`, belonging to no part of a draft (the
    /// documents the desk writes: 修改意见, 测评表, 汇总).
    pub fn plain(role: Role, text: impl Into<String>) -> Self {
        Block::Paragraph(Paragraph {
            role,
            runs: vec![TextRun { text: text.into(), role }],
            outline_level: None,
            keep_with_next: false,
            owner: Vec::new(),
        })
    }
}

impl Paragraph {
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

impl Document<'_> {
    /// The title lines as filled in: the form's preamble, the draft list's name and detail.
    pub fn title_block(&self) -> Vec<(Role, String)> {
        self.blocks
            .iter()
            .take(self.title_lines)
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some((p.role, p.text())),
                _ => None,
            })
            .collect()
    }

    /// The title line of `role` (标题, 副标题, 日期) as filled in, trimmed; empty when none.
    pub fn title_line(&self, role: Role) -> String {
        self.title_block().into_iter().find(|(r, _)| *r == role).map(|(_, t)| t.trim().to_string()).unwrap_or_default()
    }

    /// A body paragraph's lead (its 一是 point's bold sentence, with the
    /// number), when it says something beyond the number and is filled in.
    /// A lead bold only up to a comma (“一是带头履行职责”，全年……) is no
    /// sentence: it goes on to the end of the sentence in the text after it.
    pub fn lead(&self, p: &Paragraph) -> Option<String> {
        let lead: String = p.runs.iter().filter(|r| r.role == Role::Heading3).map(|r| r.text.as_str()).collect();
        let lead = lead.trim();
        // The run starts with the point's number (一是): a lead is what follows it.
        let label = self.labels.iter().find(|(owner, _)| *owner == p.owner).map_or("", |(_, l)| l.as_str());
        let said = lead.strip_prefix(label).unwrap_or(lead).trim();
        if said.is_empty() || said.contains(UNFILLED) {
            return None;
        }
        // A sentence ends at 。！？； (a closing quote or bracket after one
        // belongs to it: “……第一议题。”); an ellipsis is inside one.
        let ends = |c: char| ['。', '！', '？', '；'].contains(&c);
        if lead.trim_end_matches(CLOSING).ends_with(ends) || lead.ends_with('…') {
            return Some(lead.to_string());
        }
        let text: String = p.runs.iter().filter(|r| r.role != Role::Heading3).map(|r| r.text.as_str()).collect();
        let sentence = match text.find(ends) {
            Some(at) => {
                let mut end = at + text[at..].chars().next().map_or(0, char::len_utf8);
                end += text[end..].chars().take_while(|c| CLOSING.contains(c)).map(char::len_utf8).sum::<usize>();
                &text[..end]
            }
            None => text.as_str(),
        };
        Some(format!("{lead}{}", sentence.trim_end()))
    }

    /// Word's counts of everything in the body: paragraphs, captions, table cells.
    pub fn counts(&self) -> Counts {
        let mut total = Counts::default();
        for (_, counts) in self.blocks.iter().filter_map(block_counts) {
            total += counts;
        }
        total
    }

    /// Word's counts of every node occurrence, by path: its own blocks and all
    /// below it (a heading occurrence's count includes its heading line).
    pub fn counts_by_path(&self) -> std::collections::HashMap<Owner, Counts> {
        let mut out: std::collections::HashMap<Owner, Counts> = std::collections::HashMap::new();
        for (owner, counts) in self.blocks.iter().filter_map(block_counts) {
            for n in 1..=owner.len() {
                *out.entry(owner[..n].to_vec()).or_default() += counts;
            }
        }
        out
    }
}

/// Word's counts of one block, with the occurrence it belongs to: the one place
/// where what counts is decided (pictures do not; a table's header and cells do).
fn block_counts<'a>(block: &'a Block) -> Option<(&'a Owner, Counts)> {
    match block {
        Block::Paragraph(p) => Some((&p.owner, count::count(&p.text()))),
        Block::Table(t) => {
            let mut total = Counts::default();
            for cell in t.columns.iter().map(|(c, _)| c).chain(t.rows.iter().flatten()) {
                total += count::count(cell);
            }
            Some((&t.owner, total))
        }
        Block::Picture { .. } => None,
    }
}

/// Builds the document of a draft.
pub fn assemble<'d>(spec: &FormSpec, draft: &'d Draft) -> Document<'d> {
    let mut a = Assembler { spec, draft, blocks: Vec::new(), labels: Vec::new() };
    for line in &spec.lines {
        let text = a.fill(&line.text);
        a.paragraph(line.role, vec![TextRun { text, role: line.role }], None, &Vec::new());
    }
    a.nodes(&spec.body, &draft.body, &Vec::new());
    let title = spec.lines.iter().find(|l| l.role == Role::Title).map(|l| a.fill(&l.text)).unwrap_or_else(|| spec.name.clone());
    let author = spec.author.as_ref().map(|t| a.fill(t)).filter(|s| !s.is_empty() && s != UNFILLED).unwrap_or_default();
    Document { title, author, blocks: a.blocks, labels: a.labels, title_lines: spec.lines.len() }
}

/// A file name for the exported document: the title, then the values of the text
/// fields the subtitle and author lines use (not already in the title), e.g.
/// `2026年党建工作述职报告-XX街道党工委-张三.docx`.
pub fn file_name(spec: &FormSpec, draft: &Draft) -> String {
    let doc = assemble(spec, draft);
    let mut parts = vec![doc.title.clone()];
    let lines = spec.lines.iter().filter(|l| l.role == Role::Subtitle).map(|l| &l.text).chain(spec.author.as_ref());
    for text in lines {
        for piece in &text.pieces {
            let Piece::Field { field, part: None } = piece else { continue };
            let is_text = spec.fields.iter().any(|f| &f.id == field && f.kind == FieldKind::Text);
            let value = draft.fields.get(field).map(|v| v.trim().to_string()).unwrap_or_default();
            if is_text && !value.is_empty() && value.chars().count() <= 20 && !parts.iter().any(|p| p.contains(&value)) {
                parts.push(value);
            }
        }
    }
    let name: String = parts.join("-").chars().map(|c| if "\\/:*?\"<>|".contains(c) || c.is_control() { '_' } else { c }).collect();
    format!("{name}.docx")
}

struct Assembler<'s, 'd> {
    spec: &'s FormSpec,
    draft: &'d Draft,
    blocks: Vec<Block<'d>>,
    labels: Vec<(Owner, String)>,
}

impl<'d> Assembler<'_, 'd> {
    fn paragraph(&mut self, role: Role, runs: Vec<TextRun>, outline_level: Option<u8>, owner: &Owner) {
        self.blocks.push(Block::Paragraph(Paragraph { role, runs, outline_level, keep_with_next: false, owner: owner.clone() }));
    }

    /// A placeholder text with the draft's field values (or the defaults) filled in.
    pub fn fill(&self, t: &TemplateText) -> String {
        let mut out = String::new();
        for piece in &t.pieces {
            match piece {
                Piece::Text { text } => out.push_str(text),
                Piece::Field { field, part } => out.push_str(&self.field_value(field, *part)),
            }
        }
        out
    }

    fn field_value(&self, id: &str, part: Option<DatePart>) -> String {
        let field = self.spec.fields.iter().find(|f| f.id == id);
        let raw = self
            .draft
            .fields
            .get(id)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .or_else(|| field.and_then(|f| f.default.clone()));
        let Some(raw) = raw else { return UNFILLED.to_string() };
        match (field.map(|f| &f.kind), values::year_month(&values::normalise(&raw))) {
            (Some(FieldKind::YearMonth), Some((y, m))) => match part {
                None => values::year_month_written((y, m)),
                Some(DatePart::Year) => y.to_string(),
                Some(DatePart::Month) => m.to_string(),
            },
            _ => raw,
        }
    }

    /// The nodes of one level, each occurrence numbered among its siblings.
    fn nodes(&mut self, nodes: &[Node], parts: &'d Parts, owner: &Owner) {
        // Numbering counts per heading level within this parent.
        let mut counters = [0u32; 4];
        for node in nodes {
            let items: &'d [Item] = parts.get(&node.id).map_or(&[], Vec::as_slice);
            for (i, item) in items.iter().enumerate() {
                let mut path = owner.clone();
                path.push((node.id.clone(), i));
                self.item(node, item, &path, &mut counters);
            }
        }
    }

    fn label(&mut self, role: Role, counters: &mut [u32; 4], level: usize, path: &Owner) -> String {
        counters[level] += 1;
        let label = self.spec.style.role(role).numbering.as_ref().map(|n| n.label(counters[level])).unwrap_or_default();
        self.labels.push((path.clone(), label.clone()));
        label
    }

    fn item(&mut self, node: &Node, item: &'d Item, path: &Owner, counters: &mut [u32; 4]) {
        match &node.kind {
            NodeKind::Heading { level, title } => {
                let role = Role::heading(*level);
                let label = self.label(role, counters, usize::from(*level), path);
                let title = title.as_ref().map_or_else(|| unfilled_if_blank(&item.title), |t| self.fill(t));
                let runs = vec![TextRun { text: label + &title, role }];
                self.paragraph(role, runs, Some(level.saturating_sub(1)), path);
                self.nodes(&node.children, &item.parts, path);
            }
            NodeKind::Point { lead } => {
                let label = self.label(Role::Heading3, counters, 3, path);
                let lead = match lead {
                    Some(t) => self.fill(t),
                    // Nothing written at all: “一是XXX。”, as the seed's own skeleton.
                    None if item.lead.trim().is_empty() && item.text.trim().is_empty() => UNFILLED.to_string(),
                    None => item.lead.trim().to_string(),
                };
                let text = one_paragraph(&item.text);
                let mut runs = vec![TextRun { text: label + &with_full_stop(&lead, &text), role: Role::Heading3 }];
                if !text.is_empty() {
                    runs.push(TextRun { text, role: Role::Body });
                }
                self.paragraph(Role::Heading3, runs, None, path);
            }
            NodeKind::Text { multiple_paragraphs } => {
                let paragraphs: Vec<String> = if *multiple_paragraphs {
                    item.text.split('\n').map(unindented).filter(|p| !p.is_empty()).map(str::to_string).collect()
                } else {
                    Some(one_paragraph(&item.text)).filter(|t| !t.is_empty()).into_iter().collect()
                };
                for text in paragraphs {
                    self.paragraph(Role::Body, vec![TextRun { text, role: Role::Body }], None, path);
                }
            }
            NodeKind::Pictures { .. } => {
                for picture in &item.pictures {
                    self.blocks.push(Block::Picture { picture, owner: path.clone() });
                    if !picture.caption.trim().is_empty() {
                        let runs = vec![TextRun { text: picture.caption.clone(), role: Role::Caption }];
                        self.paragraph(Role::Caption, runs, None, path);
                    }
                }
            }
            NodeKind::Table { title, columns } => {
                if let Some(t) = title {
                    let text = self.fill(t);
                    self.paragraph(Role::Caption, vec![TextRun { text, role: Role::Caption }], None, path);
                    if let Some(Block::Paragraph(p)) = self.blocks.last_mut() {
                        p.keep_with_next = true;
                    }
                }
                let cell = |c: &crate::spec::Column, row: usize, value: Option<&String>| {
                    let value = value.map(|v| v.trim().to_string()).unwrap_or_default();
                    match (&c.kind, values::year_month(&values::normalise(&value))) {
                        // Numbered by position, whatever a draft holds there.
                        (FieldKind::RowNumber, _) => (row + 1).to_string(),
                        (FieldKind::YearMonth, Some(year_month)) => values::year_month_written(year_month),
                        _ => value,
                    }
                };
                let rows =
                    item.rows.iter().enumerate().map(|(r, row)| columns.iter().map(|c| cell(c, r, row.get(&c.id))).collect()).collect();
                let columns = columns.iter().map(|c| (c.label.clone(), c.width_percent)).collect();
                self.blocks.push(Block::Table(Table { columns, rows, owner: path.clone() }));
            }
        }
    }
}

/// A paragraph as typed or pasted from Word, without the spaces (often two
/// ideographic spaces, U+3000) drafters indent with by hand: the style already
/// indents the first line by two characters, and a manual indent would double it.
fn unindented(line: &str) -> &str {
    line.trim_start().trim_end_matches(['\r', ' ', '\t'])
}

/// A text the template prints as one paragraph (a 一是 point, a single-paragraph
/// part). Text pasted from Word arrives in several lines; they are joined, since a
/// line break inside the paragraph would print as a ragged line in the file.
/// Latin words on either side of a join keep a space between them.
fn one_paragraph(text: &str) -> String {
    let mut out = String::new();
    for line in text.split('\n').map(unindented).filter(|l| !l.is_empty()) {
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if latin(out.chars().last()) && latin(line.chars().next()) {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// A heading the drafter left blank prints as XXX, as the seed's templates do.
fn unfilled_if_blank(title: &str) -> String {
    match title.trim() {
        "" => UNFILLED.to_string(),
        t => t.to_string(),
    }
}

/// Marks after which a lead needs no full stop of its own: it ends a sentence
/// already, or the sentence goes on after it (a comma, a closing bracket).
const NO_STOP_AFTER: &[char] = &['。', '！', '？', '；', '：', '…', '.', '!', '?', '，', '、', ',', ';', ':', '—'];

/// Closing quotes and brackets: they close over the mark before them (“……制度。”).
const CLOSING: &[char] = &['”', '’', '）', '》', '」', '』'];

/// Marks that continue the sentence before them: a text starting with one
/// goes on from its lead (“**一是带头履行职责**，全年……”), which then takes no full stop.
const GOES_ON: &[char] =
    &['，', '、', '；', '：', '。', '！', '？', '…', '—', '）', '」', '』', '》', '”', '’', ',', '.', ';', ':', '!', '?', ')'];

/// Whether the template ends a 一是 lead with a full stop (“一是XXX。”): when
/// the drafter did not end it with a mark and the text after it does not go
/// on from it. The importer takes a full stop off a lead by the same rule, so
/// that a file read back gives the lead as written.
pub fn adds_full_stop(lead: &str, text: &str) -> bool {
    // Judged on what prints: the characters XML cannot hold are dropped on export.
    let shown = |c: &char| !crate::xml::is_forbidden(*c) && !c.is_whitespace();
    let last = lead.chars().rev().filter(shown).find(|c| !CLOSING.contains(c));
    let next = text.chars().find(shown);
    last.is_some_and(|c| !NO_STOP_AFTER.contains(&c)) && !next.is_some_and(|c| GOES_ON.contains(&c))
}

/// A 一是 lead as it prints before `text`: with its full stop when it takes one.
fn with_full_stop(lead: &str, text: &str) -> String {
    let trimmed = lead.trim_end();
    if adds_full_stop(trimmed, text) {
        format!("{trimmed}。")
    } else {
        trimmed.to_string()
    }
}
