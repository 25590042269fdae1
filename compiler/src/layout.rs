//! Page capacity from a style sheet: how many lines a page holds and how many
//! full-width characters a line holds. The compiler uses it to warn when the
//! budgets' minima cannot fit the page limit.

use crate::document::{Block, Document, Paragraph};
use crate::spec::{LineSpacing, Role, RoleStyle, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capacity {
    /// Lines of body text on one page.
    pub lines_per_page: u32,
    /// Full-width characters on one line of body text.
    pub chars_per_line: u32,
}

impl Capacity {
    pub fn of(style: &Style) -> Capacity {
        let body = style.role(Role::Body);
        // Font size in twips: half-points × 10.
        let em = (body.size_half_points * 10).max(1);
        let pitch = match body.line_spacing {
            LineSpacing::Exact { twips } | LineSpacing::AtLeast { twips } => twips.max(em),
            // Word's single line for CJK fonts is about 1.3 em.
            LineSpacing::Multiple { percent } => em * 13 * percent / 1000,
        }
        .max(1);
        Capacity {
            lines_per_page: (style.page.text_height() / pitch).max(1),
            chars_per_line: (style.page.text_width() / em).max(1),
        }
    }

    /// Pages needed for `lines` lines of text.
    pub fn pages_for_lines(&self, lines: u32) -> u32 {
        lines.div_ceil(self.lines_per_page)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Estimate {
    pub pages: u32,
    /// Body lines used on the last page, and lines a page holds.
    pub last_page_lines: u32,
    pub lines_per_page: u32,
}

/// A first estimate of the pages a document takes: each paragraph broken into
/// lines by character widths (full-width characters one em of their run's size,
/// others half an em), lines stacked at their role's line pitch, pictures at their
/// scaled height. No line-break prohibitions yet; good to about a page.
pub fn estimate(doc: &Document, style: &Style) -> Estimate {
    let used_twips = std::cell::Cell::new(0);
    let pages = estimate_pages_into(doc, style, &used_twips);
    let capacity = Capacity::of(style);
    let pitch = (style.page.text_height() / capacity.lines_per_page.max(1)).max(1);
    Estimate { pages, last_page_lines: used_twips.get().div_ceil(pitch), lines_per_page: capacity.lines_per_page }
}

fn estimate_pages_into(doc: &Document, style: &Style, last_used: &std::cell::Cell<u32>) -> u32 {
    let page_height = style.page.text_height().max(1);
    let width = style.page.text_width();
    let mut pages = 1;
    let mut used = 0u32;
    let mut place = |height: u32, splittable_pitch: Option<u32>| match splittable_pitch {
        // Lines of text: move to the next page line by line.
        Some(pitch) => {
            let mut left = height;
            while left > 0 {
                if used + pitch > page_height {
                    pages += 1;
                    used = 0;
                }
                used += pitch;
                left = left.saturating_sub(pitch);
            }
        }
        None => {
            if used + height > page_height && used > 0 {
                pages += 1;
                used = 0;
            }
            used += height;
        }
    };
    for block in &doc.blocks {
        match block {
            Block::Paragraph(p) => {
                let rs = style.role(p.role);
                let pitch = line_pitch(rs);
                let lines = paragraph_lines(p, style, width);
                place(lines * pitch, Some(pitch));
            }
            Block::Picture { picture, .. } => {
                let (_, h) = crate::docx::picture_size(picture, style);
                place(h / 635 + 60, None);
            }
            Block::Table(t) => {
                let rs = style.role(Role::Table);
                let pitch = line_pitch(rs);
                let columns = t.columns.len().max(1) as u32;
                let cell_width = width / columns;
                let em = rs.size_half_points * 10;
                for row in std::iter::once(t.columns.iter().map(|(c, _)| c.clone()).collect::<Vec<_>>()).chain(t.rows.iter().cloned()) {
                    let lines = row.iter().map(|cell| text_width(cell, em).div_ceil(cell_width.max(1)).max(1)).max().unwrap_or(1);
                    place(lines * pitch + 40, None);
                }
            }
        }
    }
    last_used.set(used);
    pages
}

fn line_pitch(rs: &RoleStyle) -> u32 {
    let em = rs.size_half_points * 10;
    match rs.line_spacing {
        LineSpacing::Exact { twips } => twips,
        LineSpacing::AtLeast { twips } => twips.max(em * 13 / 10),
        LineSpacing::Multiple { percent } => em * 13 * percent / 1000,
    }
    .max(1)
}

/// Width of a text in twips at `em` twips per full-width character.
fn text_width(text: &str, em: u32) -> u32 {
    text.chars().map(|c| if is_full_width(c) { em } else { em / 2 }).sum()
}

fn is_full_width(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF01..=0xFF60 | 0x20000..=0x3FFFF | 0x2014 | 0x2026 | 0x201C | 0x201D)
}

fn paragraph_lines(p: &Paragraph, style: &Style, width: u32) -> u32 {
    let rs = style.role(p.role);
    let indent = rs.first_line_indent_chars_x100 * rs.size_half_points / 10;
    let mut lines = 1;
    let mut x = indent;
    for run in &p.runs {
        let em = style.role(run.role).size_half_points * 10;
        for c in run.text.chars() {
            if c == '\n' {
                lines += 1;
                x = 0;
                continue;
            }
            let w = if is_full_width(c) { em } else { em / 2 };
            if x + w > width {
                lines += 1;
                x = 0;
            }
            x += w;
        }
    }
    lines
}
