//! Text safety, in one place: what the drafter typed or pasted becomes text that
//! XML 1.0 can hold. docx-rs escapes `& < > " '` itself and writes every w:t with
//! xml:space="preserve" (so leading and trailing spaces stay); line breaks and tabs
//! are turned into w:br and w:tab by the renderer.

use std::borrow::Cow;

/// Characters XML 1.0 forbids: U+0000–U+0008, U+000B, U+000C, U+000E–U+001F,
/// U+FFFE, U+FFFF (LibreOffice refuses a file that has one; Word "repairs" it).
/// Carriage returns are dropped too: a pasted "\r\n" is one line break. So are
/// the bidirectional embedding, override and isolate controls (U+202A–U+202E,
/// U+2066–U+2069): invisible, and able to make Word show a line reversed.
pub fn is_forbidden(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{D}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// The text without the characters XML cannot hold; borrowed when there are none.
pub fn xml_safe(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_forbidden) {
        Cow::Owned(s.chars().filter(|c| !is_forbidden(*c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_go_line_breaks_and_tabs_stay() {
        assert_eq!(xml_safe("a\u{0}b\u{B}c\u{1F}d\u{FFFE}\r\ne\tf"), "abcd\ne\tf");
        assert!(matches!(xml_safe("普通文字"), Cow::Borrowed(_)));
        assert_eq!(xml_safe("付款\u{202E}0001\u{202C}元\u{2066}甲\u{2069}"), "付款0001元甲");
    }
}
