//! Source files and spans: byte ranges that can be turned into line and column.

use serde::Serialize;

/// A byte range in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

/// One template or style-sheet file as the compiler sees it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name shown in diagnostics (usually the path given on the command line).
    pub name: String,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let mut text: String = text.into();
        // Notepad saves UTF-8 with a byte-order mark; columns count from after it.
        if text.starts_with('\u{FEFF}') {
            text.drain(..'\u{FEFF}'.len_utf8());
        }
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile { name: name.into(), text, line_starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let col = self.text[self.line_starts[line]..offset].chars().count() + 1;
        (line + 1, col)
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let start = self.line_starts[line - 1];
        let end = self.line_starts.get(line).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts[line - 1]
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A value taken from the source, possibly joined from several lines, that can map
/// a range of its text back to a span in the file.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub text: String,
    /// (offset in `text`, offset in the file) at the start of each piece.
    pieces: Vec<(usize, usize)>,
    pub span: Span,
}

impl SourceText {
    pub fn single(text: &str, start: usize) -> Self {
        SourceText { text: text.to_string(), pieces: vec![(0, start)], span: Span::new(start, start + text.len()) }
    }

    /// Builds a value from lines (text, file offset), joined with '\n'.
    pub fn joined(lines: &[(&str, usize)], span: Span) -> Self {
        let mut text = String::new();
        let mut pieces = Vec::new();
        for (i, (line, start)) in lines.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            pieces.push((text.len(), *start));
            text.push_str(line);
        }
        if pieces.is_empty() {
            pieces.push((0, span.start));
        }
        SourceText { text, pieces, span }
    }

    /// The file span of a byte range of `text`.
    pub fn span_of(&self, start: usize, end: usize) -> Span {
        let map = |at: usize| {
            let i = self.pieces.partition_point(|&(t, _)| t <= at).saturating_sub(1);
            let (t, f) = self.pieces[i];
            f + (at - t)
        };
        let s = map(start);
        Span::new(s, map(end.max(start)).max(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let f = SourceFile::new("t", "模板：甲\n  字数：约10字\n");
        let off = f.text.find("字数").unwrap();
        assert_eq!(f.line_col(off), (2, 3));
        assert_eq!(f.line_text(2), "  字数：约10字");
    }

    #[test]
    fn joined_text_maps_back_to_each_line() {
        let src = "提示：\n  第一行\n  第二行\n";
        let l1 = src.find("第一行").unwrap();
        let l2 = src.find("第二行").unwrap();
        let t = SourceText::joined(&[("第一行", l1), ("第二行", l2)], Span::new(l1, src.len()));
        let at = t.text.find("第二").unwrap();
        assert_eq!(t.span_of(at, at + 3).start, l2);
    }
}
