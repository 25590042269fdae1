//! The page model over a file's own formatting: any Word or WPS file's
//! sections, paragraphs and tables as the file declares them (the desk's format
//! reader feeds them in), laid out by the rules LibreOffice 7.4 was measured to
//! follow. Lines are broken by the same breaker as our own formats
//! ([`super::lines`]), with each run's face and size ([`super::faces`]).
//!
//! Measured (single paragraphs and probes of each property, in PDFs):
//! - a line is as tall as the largest ascent plus the largest descent of the
//!   faces on it, or an inline picture on it; 倍数 multiplies that, 最小值 raises
//!   it, 固定值 replaces it;
//! - with a document grid of lines (`docGrid` lines or linesAndChars) and a
//!   paragraph that snaps to it, a line takes as many grid pitches as its
//!   single height needs, times a 倍数 spacing; 固定值 and 最小值 are ignored;
//! - space before and after add up; space before is dropped at the top of a
//!   page the text flowed onto (kept on the first page and after a break the
//!   file asks for); the space after a page's last paragraph need not fit;
//!   contextualSpacing drops both between paragraphs of one style; automatic
//!   spacing (HTML's) is 14 pt;
//! - an empty paragraph is one line of its mark's Latin face.

use super::faces::{self, Face};
use super::lines::{break_glyphs, class, Class, Glyph};
use crate::geometry::Engine;

/// A run of text in one face and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowRun {
    pub text: String,
    pub east_asia: Option<String>,
    pub latin: Option<String>,
    pub size_half_points: u32,
    pub bold: bool,
    /// Horizontal scale in percent, and the space after each character in twips.
    pub scale: u32,
    pub spacing: i32,
}

/// Line spacing as the file declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineRule {
    /// 240ths of the single height.
    Multiple(u32),
    AtLeast(u32),
    Exact(u32),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowParagraph {
    /// The text, with `\n` for a line break and [`PAGE_BREAK`] for a page or
    /// column break, and [`PICTURE`] where an inline picture stands.
    pub runs: Vec<FlowRun>,
    /// The paragraph mark's run: what an empty paragraph is as tall as.
    pub mark: FlowRun,
    /// Each inline picture's width and height, in twips, in text order.
    pub pictures: Vec<(u32, u32)>,
    /// The style, for contextualSpacing.
    pub style: Option<String>,
    pub line: LineRule,
    pub before: u32,
    pub after: u32,
    pub contextual: bool,
    pub left: u32,
    pub right: u32,
    /// First-line indent in twips (negative: hanging).
    pub first_line: i32,
    /// Whether punctuation may hang past the right margin (LibreOffice: in a
    /// justified paragraph of Chinese, Japanese or Korean text).
    pub hanging_punctuation: bool,
    pub keep_next: bool,
    pub keep_lines: bool,
    pub widow_control: bool,
    pub page_break_before: bool,
    pub snap_to_grid: bool,
}

/// A page or column break in a paragraph's text.
pub const PAGE_BREAK: char = '\u{C}';
/// Where an inline picture stands in a paragraph's text.
pub const PICTURE: char = '\u{FFFC}';

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowCell {
    /// Width in twips, cell margins included.
    pub width: u32,
    pub paragraphs: Vec<FlowParagraph>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowRow {
    pub cells: Vec<FlowCell>,
    /// `trHeight`: at least, or exactly (`hRule="exact"`), in twips.
    pub height: Option<(u32, bool)>,
    /// Repeated at the top of each page the table continues on.
    pub header: bool,
    /// May not break across pages (unless it is taller than a page).
    pub cant_split: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowTable {
    pub rows: Vec<FlowRow>,
    /// Cell margins: left and right, top and bottom, in twips.
    pub margin_sides: u32,
    pub margin_top_bottom: u32,
    /// The border between rows, in twips (what each row adds).
    pub border: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlowBlock {
    Paragraph(FlowParagraph),
    Table(FlowTable),
}

/// How a section starts: on a new page (of either, even or odd number), or on the same one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionStart {
    NextPage,
    Continuous,
    EvenPage,
    OddPage,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowSection {
    pub start: SectionStart,
    /// The type area, in twips.
    pub text_width: u32,
    pub text_height: u32,
    /// The grid's line pitch, when the section has a grid of lines.
    pub grid: Option<u32>,
    /// The width of a cell of the grid of characters, when it has one ([`char_cell`]).
    pub char_grid: Option<u32>,
    pub blocks: Vec<FlowBlock>,
}

/// The width of a cell of a grid of characters, in twips, for a `charSpace`
/// (1/4096 pt) and the size the default paragraph style sets itself (12 pt
/// when it sets none; the document defaults do not count). Measured in
/// LibreOffice, which sets each Chinese character in as many cells as its
/// width needs: a 16 pt character in two 11.75 pt cells for charSpace −842
/// and no size, 17 to a line where 25 would fit without the grid; in two
/// 15.75 pt cells for −849 and a 16 pt style (14 to a line). Latin text keeps
/// its widths. The cell is the size less a twip, plus the charSpace.
pub fn char_cell(normal_size_half_points: Option<u32>, char_space: i32) -> u32 {
    let base = crate::geometry::em(normal_size_half_points.unwrap_or(24)) as i64;
    (base - 1 + char_space as i64 * 20 / 4096).max(20) as u32
}

/// A place in the file: the section, the block in it, and the character (of a
/// paragraph) or the row (of a table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    pub section: usize,
    pub block: usize,
    pub at: u32,
}

/// A line of a paragraph, or a table row (or the part of it on this page), on a
/// page: where it starts, its distance from the top of the type area and its
/// height, in twips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub spot: Spot,
    pub top: u32,
    pub height: u32,
}

/// The pages a file takes, each with what it holds (a blank page an odd or
/// even section start inserts holds nothing).
pub fn paginate(sections: &[FlowSection]) -> Vec<Vec<Placed>> {
    let mut pager = Pager { height: 1, used: 0, pages: Vec::new(), previous: None, flowed: false };
    for (s, section) in sections.iter().enumerate() {
        pager.height = section.text_height.max(1);
        match section.start {
            _ if pager.pages.is_empty() => pager.pages.push(Vec::new()),
            SectionStart::Continuous => {}
            start => {
                pager.new_page(false);
                let even = pager.pages.len().is_multiple_of(2);
                if (start == SectionStart::EvenPage && !even) || (start == SectionStart::OddPage && even) {
                    pager.new_page(false);
                }
            }
        }
        for (b, block) in section.blocks.iter().enumerate() {
            let at = |at: u32| Spot { section: s, block: b, at };
            match block {
                FlowBlock::Paragraph(p) => {
                    let next = if p.keep_next { kept_after(&section.blocks[b + 1..], section) } else { 0 };
                    place_paragraph(&mut pager, p, section, next, at);
                }
                FlowBlock::Table(t) => place_table(&mut pager, t, section, at),
            }
        }
    }
    pager.pages
}

struct Pager {
    height: u32,
    used: u32,
    pages: Vec<Vec<Placed>>,
    /// The paragraph just placed, when nothing has been since.
    previous: Option<Previous>,
    /// Whether text flowed onto this page (its first paragraph loses its space before).
    flowed: bool,
}

impl Pager {
    fn new_page(&mut self, flowed: bool) {
        self.pages.push(Vec::new());
        self.used = 0;
        self.previous = None;
        self.flowed = flowed;
    }

    fn fits(&self, height: u32) -> bool {
        self.used + height <= self.height
    }

    /// Puts something `height` tall on this page, `gap` below what is above it.
    fn place(&mut self, spot: Spot, gap: u32, height: u32) {
        let top = self.used + gap;
        self.used = top + height;
        if let Some(page) = self.pages.last_mut() {
            page.push(Placed { spot, top, height });
        }
    }
}

/// What the space between a paragraph and the next depends on.
struct Previous {
    after: u32,
    style: Option<String>,
    contextual: bool,
}

/// A paragraph's lines: where each starts, how tall it is, and whether the file
/// breaks the page before it.
struct Line {
    start: u32,
    height: u32,
    /// What 倍数 spacing adds below the text, off a grid: a page's last line
    /// may leave it past the foot of the page (measured: 37 lines of 12 pt at
    /// 1.5 lines on a page that holds 36.9 of them; on a grid, 31 of 31.9).
    slack: u32,
    page_break_before: bool,
}

fn place_paragraph(pager: &mut Pager, p: &FlowParagraph, section: &FlowSection, next: u32, at: impl Fn(u32) -> Spot) {
    let lines = lines_of(p, section, section.text_width);
    if p.page_break_before && pager.used > 0 {
        pager.new_page(false);
    }
    // contextualSpacing drops a paragraph's own space next to one of its style.
    let gap = |pager: &Pager| match &pager.previous {
        Some(previous) => {
            let same = p.style.is_some() && previous.style == p.style;
            (if same && previous.contextual { 0 } else { previous.after }) + if same && p.contextual { 0 } else { p.before }
        }
        None if pager.used == 0 && pager.flowed => 0,
        None => p.before,
    };
    // Kept together (keepLines) or with the next paragraph's first line
    // (keepNext): to the next page when it fits there and not here.
    let total: u32 = lines.iter().map(|l| l.height).sum();
    let keep = match (p.keep_lines, p.keep_next) {
        (_, true) => Some(total + next),
        (true, false) => Some(total),
        _ => None,
    };
    if let Some(need) = keep {
        if pager.used > 0 && !pager.fits(gap(pager) + need) && need <= pager.height {
            pager.new_page(true);
        }
    }
    let n = lines.len();
    let mut k = 0;
    while k < n {
        if lines[k].page_break_before {
            pager.new_page(false);
        }
        let gap = if k == 0 { gap(pager) } else { 0 };
        // The lines that fit here, up to the next break the file asks for (at
        // least one on an empty page).
        let end = (k + 1..n).find(|&j| lines[j].page_break_before).unwrap_or(n);
        let mut used = pager.used + gap;
        let mut fit = 0;
        for l in &lines[k..end] {
            if used + l.height - l.slack > pager.height && !(pager.used == 0 && fit == 0) {
                break;
            }
            used += l.height;
            fit += 1;
        }
        if fit == 0 {
            pager.new_page(true);
            continue;
        }
        let mut take = fit;
        // Widow and orphan control: no first line alone at the foot of a page,
        // no last line alone at the head of the next.
        if p.widow_control && fit < end - k && pager.used > 0 {
            if end - k - fit == 1 {
                take = fit - 1;
            }
            if k == 0 && take < 2 {
                pager.new_page(true);
                continue;
            }
        }
        for (j, line) in lines[k..k + take].iter().enumerate() {
            pager.place(at(line.start), if j == 0 { gap } else { 0 }, line.height);
        }
        pager.previous = None;
        k += take;
        if k < end {
            pager.new_page(true);
        }
    }
    pager.previous = Some(Previous { after: p.after, style: p.style.clone(), contextual: p.contextual });
}

/// A table's rows. A row that does not fit where it is splits at a line of its
/// cells (measured: LibreOffice splits rows, as Word does unless told not to),
/// unless it is a header or of exact height; header rows are repeated on every
/// page the table continues on.
fn place_table(pager: &mut Pager, t: &FlowTable, section: &FlowSection, at: impl Fn(u32) -> Spot) {
    let units: Vec<Vec<Vec<u32>>> = t.rows.iter().map(|r| r.cells.iter().map(|c| cell_units(c, t, section)).collect()).collect();
    let heights: Vec<u32> = t.rows.iter().zip(&units).map(|(r, u)| row_height(r, u, t)).collect();
    let header_rows = t.rows.iter().take_while(|r| r.header).count();
    let header: u32 = heights[..header_rows].iter().sum();
    let mut gap = pager.previous.take().map_or(0, |p| p.after);
    // Starts a new page, with the header rows at its top once past them.
    let next_page = |pager: &mut Pager, row: usize| {
        pager.new_page(true);
        if row >= header_rows && header < pager.height {
            for (r, &h) in heights[..header_rows].iter().enumerate() {
                pager.place(at(r as u32), 0, h);
            }
        }
        pager.used
    };
    // Where the page began below a repeated header: the table's own page top.
    let mut page_top = (pager.used == 0).then_some(0);
    for (i, row) in t.rows.iter().enumerate() {
        let mut cells = units[i].clone();
        let splits = !row.header && !row.cant_split && !matches!(row.height, Some((_, true)));
        loop {
            let h = row_height(row, &cells, t);
            if pager.fits(gap + h) {
                pager.place(at(i as u32), gap, h);
                break;
            }
            // The part of the row left here: on a grid of lines, with its top
            // and bottom borders, it ends on a grid line (measured: a bordered
            // row of 31.2 pt lines keeps one line fewer where 11 pt are spare).
            let room = pager.height.saturating_sub(pager.used + gap);
            let part = |content: u32| match section.grid {
                Some(pitch) if t.border > 0 => (content + 2 * t.margin_top_bottom + 2 * t.border).div_ceil(pitch.max(1)) * pitch,
                _ => content + 2 * t.margin_top_bottom + t.border,
            };
            let taken: Vec<usize> = cells
                .iter()
                .map(|u| {
                    u.iter()
                        .scan(0u32, |sum, h| {
                            *sum += h;
                            Some(*sum)
                        })
                        .take_while(|sum| part(*sum) <= room)
                        .count()
                })
                .collect();
            // A row that may not split still does where it is taller than a page.
            if (splits || page_top == Some(pager.used)) && taken.iter().any(|k| *k > 0) {
                pager.place(at(i as u32), gap, pager.height - pager.used - gap);
                cells = cells.iter().zip(&taken).map(|(u, k)| u[*k..].to_vec()).collect();
            } else if page_top == Some(pager.used) {
                // Not a line of it fits even on a page of its own.
                pager.place(at(i as u32), gap, h);
                break;
            }
            gap = 0;
            page_top = Some(next_page(pager, i));
        }
        gap = 0;
    }
}

/// What a cell stacks, line by line: each line's height, with its paragraph's
/// space before on its first line and space after on its last.
fn cell_units(c: &FlowCell, t: &FlowTable, section: &FlowSection) -> Vec<u32> {
    let width = c.width.saturating_sub(2 * t.margin_sides).max(1);
    let mut units = Vec::new();
    for p in &c.paragraphs {
        let lines = lines_of(p, section, width);
        let n = lines.len();
        for (k, line) in lines.iter().enumerate() {
            units.push(line.height + if k == 0 { p.before } else { 0 } + if k + 1 == n { p.after } else { 0 });
        }
    }
    units
}

/// A row's height: its tallest cell within the cell margins, and its border;
/// or what `trHeight` sets.
fn row_height(row: &FlowRow, cells: &[Vec<u32>], t: &FlowTable) -> u32 {
    let content = cells.iter().map(|u| u.iter().sum::<u32>()).max().unwrap_or(0) + 2 * t.margin_top_bottom + t.border;
    match row.height {
        Some((h, true)) => h,
        Some((h, false)) => content.max(h),
        None => content,
    }
}

/// What a paragraph kept with the next keeps on its page besides itself: a
/// chain of paragraphs kept with the next (headings 一、 then （一）), whole,
/// and the first lines of the paragraph after them (two, or all of three or
/// fewer, where widow control is on), or a table's first row.
fn kept_after(blocks: &[FlowBlock], section: &FlowSection) -> u32 {
    let mut need = 0;
    for block in blocks {
        match block {
            FlowBlock::Paragraph(q) => {
                let lines = lines_of(q, section, section.text_width);
                let kept = match lines.len() {
                    _ if q.keep_next || q.keep_lines => lines.len(),
                    n if q.widow_control && n <= 3 => n,
                    _ if q.widow_control => 2,
                    _ => 1,
                };
                need += q.before + lines.iter().take(kept).map(|l| l.height).sum::<u32>();
                if !q.keep_next {
                    return need;
                }
                need += q.after;
            }
            FlowBlock::Table(t) => {
                return need
                    + t.rows.first().map_or(0, |r| {
                        let cells: Vec<Vec<u32>> = r.cells.iter().map(|c| cell_units(c, t, section)).collect();
                        row_height(r, &cells, t)
                    })
            }
        }
    }
    need
}

/// A character as the line breaker sees it, with the face it is drawn in.
struct Drawn {
    glyph: Glyph,
    face: &'static Face,
    /// An inline picture's height.
    picture: Option<u32>,
}

fn glyphs(p: &FlowParagraph) -> Vec<Drawn> {
    let mut pictures = p.pictures.iter();
    let mut out = Vec::new();
    for run in &p.runs {
        let em = crate::geometry::em(run.size_half_points);
        for c in run.text.chars() {
            if c == PICTURE {
                let (w, h) = pictures.next().copied().unwrap_or((0, 0));
                out.push(Drawn { glyph: Glyph { c, em, width: w }, face: faces::latin(None, false), picture: Some(h) });
                continue;
            }
            let wide = class(c) == Class::Wide;
            let face = if wide { faces::east_asian(run.east_asia.as_deref()) } else { faces::latin(run.latin.as_deref(), run.bold) };
            let width = (face.advance(c, wide, em) as i64 * run.scale as i64 / 100 + run.spacing as i64).max(0) as u32;
            out.push(Drawn { glyph: Glyph { c, em, width }, face, picture: None });
        }
    }
    out
}

/// The single height of a line of these characters (their largest ascent plus
/// their largest descent, or an inline picture's height).
fn single_height(chars: &[Drawn]) -> u32 {
    // In hundred-thousandths of a twip, rounded to a twip at the end.
    let ascent =
        chars.iter().map(|c| c.picture.map_or(c.glyph.em as u64 * c.face.ascent as u64, |h| h as u64 * 100_000)).max().unwrap_or(0);
    let descent = chars.iter().filter(|c| c.picture.is_none()).map(|c| c.glyph.em as u64 * c.face.descent as u64).max().unwrap_or(0);
    ((ascent + descent + 50_000) / 100_000) as u32
}

fn lines_of(p: &FlowParagraph, section: &FlowSection, width: u32) -> Vec<Line> {
    let placed = glyphs(p);
    let width = width.saturating_sub(p.left + p.right).max(1);
    let indent = p.first_line.max(0) as u32;
    let cell = section.char_grid.filter(|_| p.snap_to_grid);
    let snap = |w: u32| cell.map_or(w, |c| w.div_ceil(c.max(1)) * c);
    let indent = snap(indent);
    let snap_line =
        |natural: u32| section.grid.filter(|_| p.snap_to_grid).map_or(natural, |pitch| natural.div_ceil(pitch.max(1)).max(1) * pitch);
    let grid = section.grid.is_some() && p.snap_to_grid;
    let mark_em = crate::geometry::em(p.mark.size_half_points);
    // A line's height and the part of it below the text that 倍数 spacing adds.
    // Measured: without a grid, the single height times the 倍数; on a grid, the
    // pitches the line needs, times the 倍数, except the paragraph's first line,
    // which adds the 倍数's share of its single height only; a line holding a
    // picture adds the share of the text size (1.5 lines: 6 pt under a 5 cm
    // picture in 12 pt text, not 2.5 cm); 固定值 and 最小值 give way to a grid.
    let spaced = |natural: u32, first: bool, picture: bool| -> (u32, u32) {
        let base = snap_line(natural);
        match p.line {
            LineRule::Multiple(m) if m > 240 => {
                let share = if picture {
                    mark_em
                } else if grid && !first {
                    base
                } else {
                    natural
                };
                let extra = share * (m - 240) / 240;
                // Only off the grid may the extra pass the page's foot (measured).
                (base + extra, if grid { 0 } else { extra })
            }
            LineRule::Multiple(m) => (base * m / 240, 0),
            _ if grid => (base, 0),
            LineRule::AtLeast(h) => (natural.max(h), 0),
            LineRule::Exact(h) => (h, 0),
        }
    };
    // An empty line (an empty paragraph, or nothing beside a page break) is
    // as tall as the paragraph mark's Latin face.
    let mark = {
        let face = faces::latin(p.mark.latin.as_deref(), p.mark.bold);
        ((crate::geometry::em(p.mark.size_half_points) as u64 * (face.ascent + face.descent) as u64 + 50_000) / 100_000) as u32
    };
    let mut lines = Vec::new();
    let mut offset = 0usize;
    for (i, piece) in placed.split(|c| c.glyph.c == PAGE_BREAK).enumerate() {
        let glyphs: Vec<Glyph> = piece
            .iter()
            .map(|c| {
                if c.picture.is_none() && class(c.glyph.c) == Class::Wide {
                    Glyph { width: snap(c.glyph.width), ..c.glyph }
                } else {
                    c.glyph
                }
            })
            .collect();
        let mut starts = break_glyphs(&glyphs, width, Engine::LibreOffice, if i == 0 { indent } else { 0 }, p.hanging_punctuation);
        starts.push(piece.len() as u32);
        for (k, pair) in starts.windows(2).enumerate() {
            let on_line = &piece[pair[0] as usize..(pair[1] as usize).max(pair[0] as usize)];
            let natural = if on_line.iter().all(|c| c.glyph.c == '\n') { mark } else { single_height(on_line) };
            let (height, slack) = spaced(natural, i == 0 && k == 0, on_line.iter().any(|c| c.picture.is_some()));
            lines.push(Line { start: offset as u32 + pair[0], height, slack, page_break_before: i > 0 && k == 0 });
        }
        offset += piece.len() + 1;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(font: &str, size_half_points: u32, line: LineRule) -> FlowParagraph {
        let run = |text: &str| FlowRun {
            text: text.into(),
            east_asia: Some(font.into()),
            latin: None,
            size_half_points,
            bold: false,
            scale: 100,
            spacing: 0,
        };
        FlowParagraph {
            runs: vec![run(&"党建工作基层组织书记责任落实".repeat(20))],
            mark: run(""),
            pictures: Vec::new(),
            style: None,
            line,
            before: 0,
            after: 0,
            contextual: false,
            left: 0,
            right: 0,
            first_line: 0,
            hanging_punctuation: true,
            keep_next: false,
            keep_lines: false,
            widow_control: false,
            page_break_before: false,
            snap_to_grid: true,
        }
    }

    fn line_height(p: &FlowParagraph, grid: Option<u32>) -> u32 {
        let section =
            FlowSection { start: SectionStart::NextPage, text_width: 8306, text_height: 13958, grid, char_grid: None, blocks: Vec::new() };
        lines_of(p, &section, section.text_width)[1].height
    }

    #[test]
    fn line_heights_are_those_libreoffice_drew() {
        // Points measured between baselines in PDFs (×20 = twips), to a twip or two.
        let single = LineRule::Multiple(240);
        for (p, grid, measured) in [
            (paragraph("仿宋_GB2312", 24, single), None, 252),
            (paragraph("宋体", 24, single), None, 345),
            (paragraph("宋体", 24, LineRule::Multiple(360)), None, 517),
            (paragraph("宋体", 24, LineRule::AtLeast(400)), None, 400),
            (paragraph("宋体", 32, LineRule::Exact(560)), None, 560),
            // A grid of 15.6 pt lines: as many pitches as the single height needs.
            (paragraph("仿宋_GB2312", 24, single), Some(312), 312),
            (paragraph("宋体", 24, single), Some(312), 624),
            (paragraph("宋体", 44, single), Some(312), 936),
            (paragraph("仿宋_GB2312", 24, LineRule::Multiple(360)), Some(312), 468),
            (paragraph("宋体", 24, LineRule::Multiple(360)), Some(312), 936),
            // Exact and at-least spacing give way to the grid.
            (paragraph("仿宋_GB2312", 32, LineRule::Exact(560)), Some(312), 624),
            (paragraph("仿宋_GB2312", 24, LineRule::AtLeast(400)), Some(312), 312),
            (paragraph("仿宋_GB2312", 32, single), Some(579), 579),
        ] {
            let height = line_height(&p, grid);
            assert!(height.abs_diff(measured) <= 2, "{:?} {:?} grid {grid:?}: {height}, measured {measured}", p.runs[0].east_asia, p.line);
        }
    }

    #[test]
    fn on_a_grid_a_paragraphs_first_line_adds_the_spacing_of_its_own_height() {
        // 仿宋 12 pt at 1.5 lines on a 15.6 pt grid: 21.9 pt between paragraphs
        // of one line, 23.4 pt within a paragraph (measured).
        let p = paragraph("仿宋_GB2312", 24, LineRule::Multiple(360));
        let section = FlowSection {
            start: SectionStart::NextPage,
            text_width: 8306,
            text_height: 13958,
            grid: Some(312),
            char_grid: None,
            blocks: Vec::new(),
        };
        let lines = lines_of(&p, &section, section.text_width);
        assert_eq!((lines[0].height, lines[1].height), (312 + 126, 468));
    }
}
