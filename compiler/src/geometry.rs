//! Geometry, in one place below the page model and the renderer: units (twips,
//! half-points, EMU), the type area (版心), indents, the line pitch, the footer,
//! table columns and cell margins, picture sizes, and the automatic space each
//! engine puts between Chinese and Latin text. The page model (layout), the
//! renderer (docx), the compiler's page check and the app's preview all measure
//! with these, so that they agree by construction.

use crate::spec::{FormSpec, LineSpacing, Node, Page, PageNumberStyle, Role, RoleStyle, Style};

/// English Metric Units per twip, and per pixel at 96 dpi.
pub const EMU_PER_TWIP: u64 = 635;
pub const EMU_PER_PIXEL: u64 = 9525;

/// A picture takes at most this share of the type area's height, so that it
/// and its caption fit on one page.
pub const PICTURE_MAX_HEIGHT_PERCENT: u64 = 60;

/// Left and right cell margins, in twips: Word's default (0.19 cm), written out
/// so that every program uses it; the page model breaks cell text within them.
pub const CELL_MARGIN: u32 = 108;

/// A table row's share of the table's single 0.25 pt borders, in twips.
pub const TABLE_BORDER: u32 = 5;

/// What a picture's paragraph adds to the picture's own height, in twips
/// (measured against LibreOffice: the single-spaced line's leading around it).
const PICTURE_LINE_EXTRA: u32 = 60;

/// One em of a font size, in twips: half-points × 10 (a point is 20 twips).
pub fn em(size_half_points: u32) -> u32 {
    size_half_points * 10
}

/// `chars_x100` hundredths of a character of a font size, in twips.
pub fn chars(chars_x100: u32, size_half_points: u32) -> u32 {
    chars_x100 * em(size_half_points) / 100
}

/// A role's first-line indent in twips: characters of the role's own size.
pub fn first_line_indent(rs: &RoleStyle) -> u32 {
    chars(rs.first_line_indent_chars_x100, rs.size_half_points)
}

/// The distance from one line's baseline to the next, in twips: an exact or
/// minimum pitch as set, single spacing as 1.3 em (these fonts' line height).
pub fn line_pitch(rs: &RoleStyle) -> u32 {
    let em = em(rs.size_half_points);
    match rs.line_spacing {
        LineSpacing::Exact { twips } => twips,
        LineSpacing::AtLeast { twips } => twips.max(em * 13 / 10),
        LineSpacing::Multiple { percent } => em * 13 * percent / 1000,
    }
    .max(1)
}

impl Page {
    /// Width of the type area (版心).
    pub fn text_width(&self) -> u32 {
        self.width.saturating_sub(self.margin_left.saturating_add(self.margin_right).saturating_add(self.gutter))
    }

    /// Height of the type area (版心).
    pub fn text_height(&self) -> u32 {
        self.height.saturating_sub(self.margin_top.saturating_add(self.margin_bottom))
    }
}

impl PageNumberStyle {
    /// The inset from the outer edge, in twips: characters of the number's size.
    pub fn inset_twips(&self) -> u32 {
        chars(self.inset_chars_x100, self.size_half_points)
    }

    /// Where the top of the number's line is, from the top of the page.
    pub fn line_top(&self, page: &Page) -> u32 {
        page.height.saturating_sub(page.margin_bottom).saturating_add(self.below_text)
    }

    /// The footer distance (from the bottom edge) that puts the top of the
    /// number's line `below_text` under the type area: the line is one em high.
    pub fn footer_distance(&self, page: &Page) -> u32 {
        page.margin_bottom.saturating_sub(self.below_text).saturating_sub(em(self.size_half_points))
    }
}

/// How much text a page holds, in the body's size and pitch.
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
        Capacity {
            lines_per_page: (style.page.text_height() / line_pitch(body)).max(1),
            chars_per_line: (style.page.text_width() / em(body.size_half_points).max(1)).max(1),
        }
    }

    /// Pages needed for `lines` lines of text.
    pub fn pages_for_lines(&self, lines: u32) -> u32 {
        lines.div_ceil(self.lines_per_page)
    }
}

/// What a template's budgets need at their minima, against its page limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageNeed {
    pub words: usize,
    pub lines: u32,
    pub pages: u32,
    pub capacity: Capacity,
}

/// A lower estimate of the pages the budgets' minima fill: every 字 a full cell,
/// every heading and fixed line a line of its own (the compiler's E17 check).
pub fn minimum_pages(spec: &FormSpec) -> PageNeed {
    let capacity = Capacity::of(&spec.style);
    let parts: usize = spec.body.iter().map(Node::min_words).fold(0, usize::saturating_add);
    let words = parts.max(spec.budget.as_ref().map_or(0, |b| b.min));
    let headings: u32 = spec.body.iter().map(Node::min_heading_lines).fold(0, u32::saturating_add);
    let lines = u32::try_from(words)
        .unwrap_or(u32::MAX)
        .div_ceil(capacity.chars_per_line)
        .saturating_add(headings)
        .saturating_add(spec.lines.len() as u32);
    PageNeed { words, lines, pages: capacity.pages_for_lines(lines), capacity }
}

/// Column widths in twips: the template's percentages of the type width, the
/// rest shared by the columns without one.
pub fn column_widths(columns: &[(String, Option<u32>)], page: &Page) -> Vec<u32> {
    let width = page.text_width();
    let given: u32 = columns.iter().filter_map(|(_, w)| *w).sum();
    let open = columns.iter().filter(|(_, w)| w.is_none()).count() as u32;
    let rest = 100u32.saturating_sub(given);
    columns
        .iter()
        .map(|(_, w)| match w {
            Some(w) => width * w / 100,
            None => width * rest / open.max(1) / 100,
        })
        .collect()
}

/// A picture's size in EMU: its natural size at 96 dpi, scaled down (never up)
/// to the type width and [`PICTURE_MAX_HEIGHT_PERCENT`] of the type height.
pub fn picture_size(width_px: u32, height_px: u32, page: &Page) -> (u32, u32) {
    // u128: a draft may declare any u32 size; the products stay exact.
    let w = u128::from(width_px.max(1)) * u128::from(EMU_PER_PIXEL);
    let h = u128::from(height_px.max(1)) * u128::from(EMU_PER_PIXEL);
    let max_w = u128::from(page.text_width()) * u128::from(EMU_PER_TWIP);
    let max_h = u128::from(page.text_height()) * u128::from(EMU_PER_TWIP) * u128::from(PICTURE_MAX_HEIGHT_PERCENT) / 100;
    // Scale by the tighter of the two limits, in exact integer arithmetic.
    let (num, den) = if w * max_h > h * max_w { (max_w, w) } else { (max_h, h) };
    let (num, den) = if num >= den { (1, 1) } else { (num, den) };
    let clamp = |v: u128| u32::try_from(v).unwrap_or(u32::MAX).max(1);
    (clamp(w * num / den), clamp(h * num / den))
}

/// A picture paragraph's height in twips: the picture at its scaled size, on a
/// single line.
pub fn picture_block_height(width_px: u32, height_px: u32, page: &Page) -> u32 {
    let (_, h) = picture_size(width_px, height_px, page);
    (u64::from(h) / EMU_PER_TWIP) as u32 + PICTURE_LINE_EXTRA
}

/// Whose layout the page model follows. As far as the model knows, LibreOffice
/// and Word differ in one thing that moves line breaks: the automatic space
/// between a Chinese character and a Latin letter or digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Measured: the corpus in compiler/tests/pages.rs.
    LibreOffice,
    /// From Word's documented behaviour (docs/word-compat.md).
    Word,
}

impl Engine {
    /// The automatic space, in percent of the em: 0.2 em in LibreOffice, 0.25 em in Word.
    pub fn autospace_percent(self) -> u32 {
        match self {
            Engine::LibreOffice => 20,
            Engine::Word => 25,
        }
    }

    /// The automatic space as the drafter reads it: “0.2字”.
    pub fn autospace_text(self) -> String {
        format!("{}字", f64::from(self.autospace_percent()) / 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units() {
        assert_eq!(em(32), 320, "小二 16 pt is 320 twips");
        assert_eq!(chars(200, 32), 640, "two characters of 小二");
        assert_eq!(Engine::Word.autospace_text(), "0.25字");
        assert_eq!(Engine::LibreOffice.autospace_text(), "0.2字");
    }
}
