//! Splits a source file into lines with their indentation.

use crate::diag::{Kind, Sink};
use crate::source::{SourceFile, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    Comment,
    Content,
}

#[derive(Debug, Clone)]
pub struct Line<'a> {
    pub kind: LineKind,
    /// Indentation in columns (a space is 1, a tab 4).
    pub indent: usize,
    /// The line after its indentation, without the line ending or trailing blanks.
    pub content: &'a str,
    /// File offset of `content`.
    pub start: usize,
    /// File offset of the line, and the whole line without its ending.
    pub line_start: usize,
    pub raw: &'a str,
}

impl<'a> Line<'a> {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.start + self.content.len())
    }

    /// The line with `columns` columns of its indentation removed (a tab that
    /// straddles the cut stays), and the file offset where that text starts.
    pub fn dedented(&self, columns: usize) -> (&'a str, usize) {
        let mut seen = 0;
        let mut cut = 0;
        for c in self.raw.chars() {
            if seen >= columns || !matches!(c, ' ' | '\t' | '\u{3000}' | '\u{00A0}') {
                break;
            }
            seen += match c {
                ' ' => 1,
                '\t' => 4,
                _ => 2,
            };
            if seen > columns {
                break;
            }
            cut += c.len_utf8();
        }
        let end = self.start - self.line_start + self.content.len();
        (&self.raw[cut..end.max(cut)], self.line_start + cut)
    }
}

pub fn lex<'a>(file: &'a SourceFile, sink: &mut Sink) -> Vec<Line<'a>> {
    let text = file.text.as_str();
    let mut lines = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let body = raw.trim_end_matches(['\n', '\r']);
        let mut indent = 0;
        let mut lead = 0;
        let mut odd_blank: Option<(usize, usize, char)> = None;
        for c in body.chars() {
            match c {
                ' ' => indent += 1,
                '\t' => indent += 4,
                '\u{3000}' | '\u{00A0}' => {
                    let at = line_start + lead;
                    let first = odd_blank.map_or((at, c), |(s, _, f)| (s, f));
                    odd_blank = Some((first.0, at + c.len_utf8(), first.1));
                    indent += 2;
                }
                _ => break,
            }
            lead += c.len_utf8();
        }
        if let Some((from, to, c)) = odd_blank {
            sink.push(
                Kind::IndentCharacter,
                &file.name,
                Span::new(from, to),
                if c == '\u{3000}' { "缩进里有全角空格".into() } else { "缩进里有不换行空格".into() },
                Some("缩进请只用半角空格（或 Tab 键）；全角空格看不出来，却会打乱层级".into()),
            );
        }
        let content = body[lead..].trim_end_matches([' ', '\t', '\u{3000}', '\u{00A0}']);
        let kind = if content.is_empty() {
            LineKind::Blank
        } else if content.starts_with('#') || content.starts_with('＃') {
            LineKind::Comment
        } else {
            LineKind::Content
        };
        lines.push(Line { kind, indent, content, start: line_start + lead, line_start, raw: body });
    }
    lines
}
