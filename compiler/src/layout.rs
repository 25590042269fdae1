//! Page capacity from a style sheet: how many lines a page holds and how many
//! full-width characters a line holds. The compiler uses it to warn when the
//! budgets' minima cannot fit the page limit.

use crate::spec::{LineSpacing, Role, Style};

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
