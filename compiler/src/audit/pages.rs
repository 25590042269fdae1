//! A received file's own pages: its formatting as the format reader resolves
//! it, fed to the page model's flow ([`crate::layout::flow`]). What the desk
//! shows as 页数 (beside the estimate of the text re-typeset in the template's
//! format) and `wengao audit` prints.

use super::format::{BodyBlock, Formatting, ParagraphFormat, RunFormat, Spacing, TableFormat};
use super::saved::SavedPages;
use crate::layout::flow::{
    self, FlowBlock, FlowCell, FlowParagraph, FlowRow, FlowRun, FlowSection, FlowTable, InlinePicture, LineRule, PAGE_BREAK, PICTURE,
};

/// The file's pages as laid out in its own formatting.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnPages {
    sections: Vec<FlowSection>,
    /// What each page holds, top to bottom (a blank page holds nothing).
    pages: Vec<Vec<flow::Placed>>,
}

/// A line of a paragraph or a table row on a page: its first characters (a
/// row's: its first cell's), its distance from the top of the type area and
/// its height, in twips.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub top: u32,
    pub height: u32,
}

impl OwnPages {
    pub fn count(&self) -> u32 {
        self.pages.len() as u32
    }

    /// Each page's lines, a paragraph's with their whole text, a row's with its
    /// first cell's first characters (`wengao pages --lines`).
    pub fn lines(&self) -> Vec<Vec<Line>> {
        let placed: Vec<&flow::Placed> = self.pages.iter().flatten().collect();
        let mut next = placed.iter().skip(1).map(|p| p.spot).chain(std::iter::once(flow::Spot { section: usize::MAX, block: 0, at: 0 }));
        self.pages
            .iter()
            .map(|page| {
                page.iter()
                    .map(|p| {
                        let after = next.next();
                        let end = after.filter(|n| (n.section, n.block) == (p.spot.section, p.spot.block)).map(|n| n.at);
                        Line { text: self.text_between(&p.spot, end), top: p.top, height: p.height }
                    })
                    .collect()
            })
            .collect()
    }

    /// Each page's first characters: its first line with text, up to 8
    /// characters, spaces left out (empty for a page without text), for
    /// comparing page starts with a rendering.
    pub fn starts(&self) -> Vec<String> {
        self.pages
            .iter()
            .map(|page| {
                page.iter()
                    .map(|p| self.text_at(&p.spot).chars().filter(|c| !c.is_whitespace()).take(8).collect::<String>())
                    .find(|t| !t.is_empty())
                    .unwrap_or_default()
            })
            .collect()
    }

    /// Up to 24 characters from a place in the file (a row's: its first cell's).
    fn text_at(&self, s: &flow::Spot) -> String {
        self.text_between(s, Some(s.at.saturating_add(24)))
    }

    /// A paragraph's characters from a place up to another (None: to its end),
    /// or a row's first cell's first 24.
    fn text_between(&self, s: &flow::Spot, end: Option<u32>) -> String {
        let take = end.map_or(usize::MAX, |e| e.saturating_sub(s.at) as usize);
        let text: String = match self.sections.get(s.section).and_then(|sec| sec.blocks.get(s.block)) {
            Some(FlowBlock::Paragraph(p)) => p.runs.iter().flat_map(|r| r.text.chars()).skip(s.at as usize).take(take).collect(),
            Some(FlowBlock::Table(t)) => t
                .rows
                .get(s.at as usize)
                .and_then(|r| r.cells.first())
                .map(|c| c.paragraphs.iter().flat_map(|p| p.runs.iter().flat_map(|r| r.text.chars())).take(24).collect())
                .unwrap_or_default(),
            None => String::new(),
        };
        text.chars().filter(|c| *c != PICTURE && *c != PAGE_BREAK).collect()
    }
}

/// Lays a file out in its own formatting (the lines' texts are read only when asked for).
pub fn own_pages(f: &Formatting) -> OwnPages {
    let sections = sections(f);
    let pages = flow::paginate(&sections);
    OwnPages { sections, pages }
}

/// The desk's 页数 of a file, for a table's cell: its own pages, and what its
/// producer saved when that is believed and says otherwise (`9（保存时记下8页）`).
pub fn pages_cell(own: Option<u32>, saved: Option<&SavedPages>) -> String {
    match (own, saved) {
        (Some(n), Some(s)) if s.fresh && s.pages != n => format!("{n}（保存时记下{}页）", s.pages),
        (Some(n), _) => n.to_string(),
        (None, Some(s)) => s.short(),
        (None, None) => String::new(),
    }
}

/// The same, said in full for a file's detail.
pub fn pages_detail(own: Option<u32>, saved: Option<&SavedPages>) -> String {
    let own = own.map(|n| format!("{n}页（按文件自己的格式排）"));
    [own, saved.map(SavedPages::describe)].into_iter().flatten().collect::<Vec<_>>().join("；")
}

/// The file's sections with their blocks, as the page model takes them.
fn sections(f: &Formatting) -> Vec<FlowSection> {
    let section = |i: usize| {
        let s = f.sections.get(i).or(f.sections.last());
        FlowSection {
            start: s.map_or(flow::SectionStart::NextPage, |s| s.start),
            text_width: s.map_or(8306, |s| s.width.saturating_sub(s.left + s.right + s.gutter)),
            text_height: s.map_or(13958, |s| s.height.saturating_sub(s.top.unsigned_abs() + s.bottom.unsigned_abs())),
            top_margin: s.map_or(1440, |s| s.top.unsigned_abs()),
            grid: s.and_then(|s| s.grid),
            char_grid: s.and_then(|s| s.char_space).map(|space| flow::char_cell(f.normal_size, space)),
            spacing_collapses: f.spacing_collapses,
            tab_stops: f.tab_stops,
            blocks: Vec::new(),
        }
    };
    let mut out = vec![section(0)];
    // LibreOffice lays a first section that starts "continuous" out on a page
    // without the grid (measured); a later one stays on the page before it,
    // whose paper, margins and grid it keeps.
    if out[0].start == flow::SectionStart::Continuous {
        out[0].grid = None;
        out[0].char_grid = None;
    }
    for block in &f.blocks {
        match block {
            BodyBlock::Paragraph(i) => {
                if let Some(p) = f.paragraphs.get(*i) {
                    out.last_mut().unwrap().blocks.push(FlowBlock::Paragraph(Box::new(paragraph(p))));
                }
            }
            BodyBlock::Table(t) => {
                let blocks = &mut out.last_mut().unwrap().blocks;
                match blocks.last_mut() {
                    // Two tables with nothing between them are one table in
                    // Word and LibreOffice (its header rows are the first's).
                    Some(FlowBlock::Table(before)) => before.rows.extend(table(t).rows),
                    _ => blocks.push(FlowBlock::Table(table(t))),
                }
            }
            BodyBlock::SectionEnd => {
                let mut next = section(out.len());
                if let (flow::SectionStart::Continuous, Some(before)) = (next.start, out.last()) {
                    (next.text_width, next.text_height, next.grid, next.char_grid) =
                        (before.text_width, before.text_height, before.grid, before.char_grid);
                }
                out.push(next);
            }
        }
    }
    out
}

fn run(r: &RunFormat, text: String) -> FlowRun {
    FlowRun {
        text,
        east_asia: r.east_asia.clone(),
        latin: r.latin.clone(),
        size_half_points: r.size_half_points,
        bold: r.bold,
        scale: r.scale,
        spacing: r.spacing,
    }
}

fn paragraph(p: &ParagraphFormat) -> FlowParagraph {
    let mark = &p.flow.mark;
    // The text with its page breaks and inline pictures marked.
    let mut runs = Vec::new();
    let mut offset = 0u32;
    // In text order (a floating picture stands at the paragraph's start).
    let mut in_order = p.flow.pictures.clone();
    in_order.sort_by_key(|(at, _)| *at);
    let mut pictures = in_order.iter().peekable();
    let mut inline = Vec::new();
    for r in &p.runs {
        let mut text = String::new();
        for c in r.text.chars() {
            while let Some((_, picture)) = pictures.next_if(|(at, _)| *at <= offset) {
                text.push(PICTURE);
                inline.push(*picture);
            }
            text.push(if c == '\n' && p.flow.page_breaks.contains(&offset) { PAGE_BREAK } else { c });
            offset += 1;
        }
        runs.push(run(r, text));
    }
    let rest: Vec<InlinePicture> = pictures.map(|(_, picture)| *picture).collect();
    if !rest.is_empty() {
        inline.extend(&rest);
        runs.push(run(mark, rest.iter().map(|_| PICTURE).collect()));
    }
    FlowParagraph {
        runs,
        pictures: inline,
        floats: p.flow.floats.clone(),
        style: p.style.clone(),
        line: match p.spacing {
            None => LineRule::Multiple(240),
            Some(Spacing::Multiple(m)) => LineRule::Multiple(m),
            Some(Spacing::AtLeast(t)) => LineRule::AtLeast(t),
            Some(Spacing::Exact(t)) => LineRule::Exact(t),
        },
        before: p.flow.before,
        after: p.flow.after,
        contextual: p.flow.contextual,
        left: p.flow.left,
        right: p.flow.right,
        first_line: p.flow.first_line,
        // Measured: a comma after a full line hangs in paragraphs aligned
        // left, centred or justified, not right.
        hanging_punctuation: p.align != super::format::Alignment::Right && p.flow.asian_language,
        justified: matches!(p.align, super::format::Alignment::Justify | super::format::Alignment::Distribute),
        keep_next: p.flow.keep_next,
        keep_lines: p.flow.keep_lines,
        widow_control: p.flow.widow_control,
        page_break_before: p.flow.page_break_before,
        snap_to_grid: p.flow.snap_to_grid,
        mark: run(mark, String::new()),
        style_font: run(&p.flow.style_font, String::new()),
        empty_by_style: p.flow.mark_says_left,
    }
}

fn table(t: &TableFormat) -> FlowTable {
    FlowTable {
        rows: t
            .rows
            .iter()
            .map(|r| FlowRow {
                cells: r
                    .cells
                    .iter()
                    .map(|c| FlowCell {
                        width: c.width,
                        paragraphs: c.paragraphs.iter().map(paragraph).collect(),
                        margin_top: c.margins.0,
                        margin_bottom: c.margins.1,
                    })
                    .collect(),
                height: r.height,
                header: r.header,
                cant_split: r.cant_split,
            })
            .collect(),
        margin_sides: t.margin_sides,
        border: t.border,
    }
}
