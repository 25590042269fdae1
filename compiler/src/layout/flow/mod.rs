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

mod line;
mod paragraph;
mod table;

use line::{lines_of, Line, Within};
use paragraph::{kept_after, place_paragraph, Kept, Previous};
use table::place_table;

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

/// A picture that stands in a line: its width and height in twips, and
/// whether it is an embedded object (`w:object`: a Visio drawing, an equation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct InlinePicture {
    pub width: u32,
    pub height: u32,
    pub object: bool,
}

/// A floating picture that text passes above and below: where it begins and
/// ends (with its distances from the text), in twips below what it is placed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Float {
    pub from: FloatFrom,
    pub top: u32,
    pub bottom: u32,
    /// Where text wraps beside it: its left and right edges from the
    /// column's left, in twips.
    pub beside: Option<(i64, i64)>,
}

/// What a floating picture is placed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatFrom {
    /// The top of its paragraph's space before.
    Paragraph,
    /// The top margin.
    Margin,
    /// The page's top edge.
    Page,
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
    /// The paragraph style's own font, without the paragraph's direct
    /// formatting: what a 倍数-spaced first line in a table cell adds its share of.
    pub style_font: FlowRun,
    /// Whether an empty line in single or 倍数 spacing takes one pitch of the
    /// grid (or off it its style's height) and only its share from its mark
    /// (LibreOffice, where the paragraph itself says left-aligned).
    pub empty_by_style: bool,
    /// Each inline picture, in text order.
    pub pictures: Vec<InlinePicture>,
    /// Floating pictures that text passes above and below, but for those at
    /// the paragraph's top (which stand on a line of their own, [`PICTURE`]).
    pub floats: Vec<Float>,
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
    /// paragraph of Chinese, Japanese or Korean text not aligned right; in a
    /// table cell, only a justified one).
    pub hanging_punctuation: bool,
    pub justified: bool,
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
    /// Its top and bottom margins, in twips (measured: a cell's own 3 and
    /// 2.25 pt make its row 5.25 pt taller, as the table's do).
    pub margin_top: u32,
    pub margin_bottom: u32,
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
    /// The cells' left and right margins, in twips.
    pub margin_sides: u32,
    /// The border between rows, in twips (what each row adds).
    pub border: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlowBlock {
    Paragraph(Box<FlowParagraph>),
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
    /// The top margin, in twips (what a picture placed from the page's edge is below).
    pub top_margin: u32,
    /// The grid's line pitch, when the section has a grid of lines.
    pub grid: Option<u32>,
    /// The width of a cell of the grid of characters, when it has one ([`char_cell`]).
    pub char_grid: Option<u32>,
    /// Whether the space between two paragraphs is the larger of the first's
    /// space after and the second's space before, not their sum.
    pub spacing_collapses: bool,
    /// The interval of the default tab stops, in twips.
    pub tab_stops: u32,
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
    let mut pager = Pager {
        height: 1,
        used: 0,
        pages: Vec::new(),
        previous: None,
        flowed: false,
        spacing_collapses: false,
        break_pending: false,
        chain_at_top: false,
        grid: None,
        top_margin: 0,
        text_width: 0,
        bands: Vec::new(),
    };
    for (s, section) in sections.iter().enumerate() {
        // On a grid of lines the page holds whole pitches (measured: 44 lines
        // of 15.6 pt fill a 698 pt page, and any space before the first pushes
        // the 44th over).
        pager.height = match section.grid {
            Some(pitch) if pitch > 0 && section.text_height >= pitch => section.text_height / pitch * pitch,
            _ => section.text_height.max(1),
        };
        pager.spacing_collapses = section.spacing_collapses;
        pager.grid = section.grid;
        pager.top_margin = section.top_margin;
        pager.text_width = section.text_width;
        match section.start {
            _ if pager.pages.is_empty() => pager.pages.push(Vec::new()),
            SectionStart::Continuous => {}
            start => {
                // The section's own page takes a break that ended the section before.
                pager.break_pending = false;
                pager.new_page(false);
                let even = pager.pages.len().is_multiple_of(2);
                if (start == SectionStart::EvenPage && !even) || (start == SectionStart::OddPage && even) {
                    pager.new_page(false);
                }
            }
        }
        // Each paragraph's lines, once (a paragraph kept with the next reads the next's).
        let lines: Vec<Vec<Line>> = section
            .blocks
            .iter()
            .map(|block| match block {
                FlowBlock::Paragraph(p) => lines_of(p, section, section.text_width, Within::Body),
                FlowBlock::Table(_) => Vec::new(),
            })
            .collect();
        for (b, block) in section.blocks.iter().enumerate() {
            let at = |at: u32| Spot { section: s, block: b, at };
            match block {
                FlowBlock::Paragraph(p) => {
                    let next = if p.keep_next { kept_after(&section.blocks[b + 1..], &lines[b + 1..], section) } else { Kept::default() };
                    place_paragraph(&mut pager, p, &lines[b], next, at);
                }
                FlowBlock::Table(t) => {
                    pager.chain_at_top = false;
                    place_table(&mut pager, t, section, at)
                }
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
    /// The section's [`FlowSection::spacing_collapses`].
    spacing_collapses: bool,
    /// The section's grid of lines: what text pushed below a picture moves by.
    grid: Option<u32>,
    /// The section's top margin and type area's width.
    top_margin: u32,
    text_width: u32,
    /// Where floating pictures anchored on this page stand (from its top, in
    /// twips): no line overlaps one.
    bands: Vec<(u32, u32)>,
    /// Whether the paragraphs kept with the next placed last began at the top
    /// of this page: the rest of their chain stays with them there.
    chain_at_top: bool,
    /// A page break that ended a paragraph: the next thing placed starts a
    /// page (LibreOffice moves it onto the next paragraph; at the end of the
    /// file it makes no page).
    break_pending: bool,
}

impl Pager {
    /// Starts the page a pending break asks for.
    fn take_pending_break(&mut self) {
        if std::mem::take(&mut self.break_pending) {
            self.new_page(false);
        }
    }

    fn new_page(&mut self, flowed: bool) {
        self.pages.push(Vec::new());
        self.used = 0;
        self.previous = None;
        self.flowed = flowed;
        self.bands.clear();
    }

    /// Where a line `height` tall that would stand at `top` stands clear of
    /// the pictures: below any it overlaps, by whole lines of the grid
    /// (measured: a line under a picture from 10 pt to 331 pt below the top
    /// of its paragraph moves down 22 lines of 15.6 pt).
    fn clear_of_pictures(&self, mut top: u32, height: u32, own: &[(u32, u32)]) -> u32 {
        while let Some(&(_, bottom)) = self.bands.iter().chain(own).find(|(t, b)| top < *b && top.saturating_add(height.max(1)) > *t) {
            let down = bottom - top;
            top = top.saturating_add(self.grid.filter(|p| *p > 0).map_or(down, |p| down.div_ceil(p).saturating_mul(p)));
        }
        top
    }

    fn fits(&self, height: u32) -> bool {
        self.used.saturating_add(height) <= self.height
    }

    /// Puts something `height` tall on this page, `gap` below what is above it.
    fn place(&mut self, spot: Spot, gap: u32, height: u32) {
        let top = self.used.saturating_add(gap);
        self.used = top.saturating_add(height);
        if let Some(page) = self.pages.last_mut() {
            page.push(Placed { spot, top, height });
        }
    }
}
