//! The layout as the preview and the CLI show it: every line's text by role,
//! pictures as boxes, table rows as lines of their cells; the opening words of
//! each page; a paragraph's lines.

use super::lines::break_lines;
use super::Layout;
use crate::document::{Block, Document, TextRun};
use crate::geometry::{column_widths, first_line_indent, Engine};
use crate::spec::{Role, Style};

/// One thing on a page of the preview, positioned in twips from the top of the
/// type area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageItem {
    pub top: u32,
    pub height: u32,
    /// First-line indent, in twips (0 on other lines).
    pub indent: u32,
    pub align: crate::spec::Align,
    /// Whether the line is spread to the full width (justified, not its paragraph's last).
    pub full: bool,
    /// The text in pieces by role (font, size, weight); empty for a picture.
    pub runs: Vec<(Role, String)>,
    pub picture: bool,
}

/// The pages as the preview draws them: every line's text by role, pictures as
/// boxes, table rows as lines of their cells.
pub fn page_view(doc: &Document, layout: &Layout, style: &Style) -> Vec<Vec<PageItem>> {
    // Lines are cut out of their paragraph by character offsets. The offsets are
    // indexed once per paragraph: rescanning it for each line made a 100,000-字
    // paragraph (thousands of lines) take a third of a second on every keystroke.
    let mut indexed: Option<(usize, Vec<RunIndex>)> = None;
    layout
        .pages
        .iter()
        .map(|page| {
            page.iter()
                .map(|placed| match &doc.blocks[placed.block] {
                    Block::Paragraph(p) => {
                        let rs = style.role(p.role);
                        if indexed.as_ref().is_none_or(|(block, _)| *block != placed.block) {
                            indexed = Some((placed.block, p.runs.iter().map(RunIndex::of).collect()));
                        }
                        let runs_index = indexed.as_ref().map_or(&[][..], |(_, r)| r.as_slice());
                        let mut runs = Vec::new();
                        let mut at = 0u32;
                        for r in runs_index {
                            let len = r.chars();
                            let (from, to) = (placed.start.max(at), placed.end.min(at + len));
                            if from < to {
                                runs.push((r.role, r.slice(from - at, to - at).to_string()));
                            }
                            at += len;
                        }
                        PageItem {
                            top: placed.top,
                            height: placed.height,
                            indent: if placed.start == 0 { first_line_indent(rs) } else { 0 },
                            align: rs.align,
                            full: rs.align == crate::spec::Align::Justify && placed.end < at,
                            runs,
                            picture: false,
                        }
                    }
                    Block::Picture { .. } => PageItem {
                        top: placed.top,
                        height: placed.height,
                        indent: 0,
                        align: crate::spec::Align::Center,
                        full: false,
                        runs: Vec::new(),
                        picture: true,
                    },
                    Block::Table(t) => {
                        let cells = if placed.start == 0 {
                            t.columns.iter().map(|(c, _)| c.clone()).collect()
                        } else {
                            t.rows.get(placed.start as usize - 1).cloned().unwrap_or_default()
                        };
                        PageItem {
                            top: placed.top,
                            height: placed.height,
                            indent: 0,
                            align: crate::spec::Align::Left,
                            full: false,
                            runs: vec![(Role::Table, cells.join(" ｜ "))],
                            picture: false,
                        }
                    }
                })
                .collect()
        })
        .collect()
}

/// A run of a paragraph with the byte offset of each character and of its end.
struct RunIndex<'a> {
    role: Role,
    text: &'a str,
    offsets: Vec<usize>,
}

impl<'a> RunIndex<'a> {
    fn of(run: &'a TextRun) -> Self {
        let offsets = run.text.char_indices().map(|(i, _)| i).chain([run.text.len()]).collect();
        RunIndex { role: run.role, text: &run.text, offsets }
    }
    fn chars(&self) -> u32 {
        self.offsets.len() as u32 - 1
    }
    /// Characters `from..to` of the run.
    fn slice(&self, from: u32, to: u32) -> &'a str {
        &self.text[self.offsets[from as usize]..self.offsets[to as usize]]
    }
}

/// The first characters of each page, as the model lays them out. A page that
/// opens with a table's header row (repeated on every page the table continues
/// on) opens, for this purpose, with the first cell of the row under it; one
/// that opens with a picture, with “[图片]” and the start of the caption.
pub fn page_openings(doc: &Document, layout: &Layout, chars: usize) -> Vec<String> {
    layout
        .pages
        .iter()
        .map(|page| {
            let first = match page.as_slice() {
                [header, row, ..]
                    if header.start == 0 && row.block == header.block && matches!(doc.blocks.get(header.block), Some(Block::Table(_))) =>
                {
                    row
                }
                [first, ..] => first,
                [] => return String::new(),
            };
            match doc.blocks.get(first.block) {
                Some(Block::Paragraph(p)) => p.text().chars().skip(first.start as usize).take(chars).collect(),
                // A picture, and the start of its caption (what follows it).
                Some(Block::Picture { .. }) => match doc.blocks.get(first.block + 1) {
                    Some(Block::Paragraph(caption)) => format!("[图片]{}", caption.text().chars().take(chars).collect::<String>()),
                    _ => "[图片]".to_string(),
                },
                Some(Block::Table(t)) => {
                    let header: Vec<String> = t.columns.iter().map(|(c, _)| c.clone()).collect();
                    let row = if first.start == 0 { Some(&header) } else { t.rows.get(first.start as usize - 1) };
                    row.and_then(|r| r.first()).map(|c| c.chars().take(chars).collect()).unwrap_or_default()
                }
                None => String::new(),
            }
        })
        .collect()
}

/// Every line of a paragraph block as the model breaks it, and every table row
/// as one line: each cell's lines joined by ／, the cells by ｜ (for `wengao
/// pages --lines`).
pub fn paragraph_lines(doc: &Document, style: &Style) -> Vec<Vec<String>> {
    let split = |text: &str, starts: &[u32]| -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        starts
            .iter()
            .enumerate()
            .map(|(k, s)| {
                chars[(*s as usize).min(chars.len())..starts.get(k + 1).map_or(chars.len(), |e| (*e as usize).min(chars.len()))]
                    .iter()
                    .collect()
            })
            .collect()
    };
    doc.blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => split(&p.text(), &break_lines(p, style, style.page.text_width(), Engine::LibreOffice)),
            Block::Table(t) => {
                let widths = column_widths(&t.columns, &style.page);
                t.rows
                    .iter()
                    .map(|row| {
                        row.iter()
                            .zip(&widths)
                            .map(|(cell, w)| split(cell, &super::cell_lines(t, cell, *w, style, Engine::LibreOffice)).join("／"))
                            .collect::<Vec<_>>()
                            .join("｜")
                    })
                    .collect()
            }
            Block::Picture { .. } => Vec::new(),
        })
        .collect()
}
