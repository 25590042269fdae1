//! 字数: the one counting function used by the CLI, the app, the budgets and the tests.
//!
//! It reproduces the "字数" (Words) figure of Microsoft Word's 字数统计 dialog for
//! Chinese documents:
//!
//! * every East Asian character counts 1: Han ideographs of every block and extension
//!   (so 𠀋, outside the Basic Multilingual Plane, counts 1 — not 2 as UTF-16 would),
//!   CJK symbols and punctuation (U+3001–U+303F), kana, bopomofo, CJK compatibility
//!   forms and the full-width forms (U+FF01–U+FFEF, such as ，！（）％);
//! * every maximal run of other non-blank characters counts 1 as one "word":
//!   "2024" = 1, "5.6万元" = 3 ("5.6", 万, 元), "Hello、World。" = 4;
//! * white space never counts and separates runs: ASCII blanks, tabs, line breaks,
//!   NBSP (U+00A0), the ideographic space (U+3000) and the other Unicode spaces;
//! * zero-width characters (U+200B–U+200D, U+2060, U+FEFF), bidirectional controls
//!   (U+202A–U+202E, U+2066–U+2069; the export drops them), soft hyphens, variation
//!   selectors and control
//!   characters other than tab and line breaks never count and do not split a run —
//!   Word pastes them in invisibly.
//!
//! Sources: Microsoft's 字数统计 help (“中文字符和朝鲜语单词” counted one by one,
//! “非中文单词” by white-space-separated runs) and the issue tracker's table of cases,
//! which `compiler/tests/count.rs` checks row by row.
//!
//! 字符数（不计空格） counts every character that is neither white space nor
//! zero-width, one per Unicode scalar value.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    /// Word's 字数.
    pub words: usize,
    /// Word's 字符数（不计空格）.
    pub chars_no_spaces: usize,
    /// Word's 字符数（计空格）: characters including blanks; line, page and paragraph
    /// breaks (\n, \r, U+000B, U+000C, U+2028, U+2029) excluded.
    pub chars_with_spaces: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.words += o.words;
        self.chars_no_spaces += o.chars_no_spaces;
        self.chars_with_spaces += o.chars_with_spaces;
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    EastAsian,
    Other,
    Space,
    Invisible,
}

fn classify(c: char) -> Class {
    let u = c as u32;
    match u {
        // Zero-width characters, soft hyphen, variation selectors (rare name
        // characters in 政务 text carry ideographic ones: 葛\u{E0100}).
        0x200B..=0x200D | 0x2060 | 0xFEFF | 0x00AD | 0xFE00..=0xFE0F | 0xE0100..=0xE01EF | 0x202A..=0x202E | 0x2066..=0x2069 => Class::Invisible,
        0x3000 => Class::Space,
        _ if c.is_whitespace() => Class::Space,
        // Other control characters come from pasted Word text (field marks, bells).
        _ if c.is_control() => Class::Invisible,
        0x2E80..=0x2FDF      // CJK radicals, Kangxi radicals
        | 0x2FF0..=0x2FFF    // ideographic description
        | 0x3001..=0x303F    // CJK symbols and punctuation
        | 0x3040..=0x30FF    // hiragana, katakana
        | 0x3100..=0x312F    // bopomofo
        | 0x3190..=0x31FF    // kanbun, bopomofo ext., CJK strokes, katakana ext.
        | 0x3200..=0x33FF    // enclosed CJK, compatibility
        | 0x3400..=0x4DBF    // extension A
        | 0x4E00..=0x9FFF    // unified ideographs
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0xFE30..=0xFE4F    // CJK compatibility forms
        | 0xFF01..=0xFFEF    // full-width and half-width forms
        | 0x20000..=0x3FFFF  // extensions B–H, compatibility supplement
        => Class::EastAsian,
        _ => Class::Other,
    }
}

/// Counts a text the way Word's 字数统计 does.
pub fn count(text: &str) -> Counts {
    let mut counts = Counts::default();
    let mut in_run = false;
    for c in text.chars() {
        match classify(c) {
            Class::EastAsian => {
                counts.words += 1;
                counts.chars_no_spaces += 1;
                counts.chars_with_spaces += 1;
                in_run = false;
            }
            Class::Other => {
                if !in_run {
                    counts.words += 1;
                    in_run = true;
                }
                counts.chars_no_spaces += 1;
                counts.chars_with_spaces += 1;
            }
            Class::Space => {
                // Line, page and paragraph breaks are not characters in Word's count.
                if !matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{2028}' | '\u{2029}') {
                    counts.chars_with_spaces += 1;
                }
                in_run = false;
            }
            Class::Invisible => {}
        }
    }
    counts
}

/// Word's 字数 of a text.
pub fn words(text: &str) -> usize {
    count(text).words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_from_the_rule() {
        assert_eq!(words("2024"), 1);
        assert_eq!(words("Hello、World。"), 4);
        assert_eq!(words("𠀋"), 1);
    }
}
