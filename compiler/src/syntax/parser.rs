//! Builds the block tree from lines by indentation, recovering after each bad line.

use super::language::{all_words, Keyword};
use super::lexer::{lex, Line, LineKind};
use super::{Ast, Block, Entry, Prop};
use crate::diag::{Kind, Sink};
use crate::source::{SourceFile, SourceText, Span};

/// How a line is written, for a line that is neither.
fn syntax_hint() -> String {
    format!("属性写成“键：值”，例如“字数：约1500字”；\n块写成“关键字 名称”，例如“一级 履职情况”，关键字有：{}", all_words())
}

pub fn parse(file: &SourceFile, sink: &mut Sink) -> Ast {
    let lines = lex(file, sink);
    let mut parser = Parser { file, lines, pos: 0, sink, depth: 0 };
    let items = parser.body(None);
    Ast { items }
}

struct Parser<'a, 's> {
    file: &'a SourceFile,
    lines: Vec<Line<'a>>,
    pos: usize,
    sink: &'s mut Sink,
    depth: usize,
}

/// Deeper nesting than any template needs; the limit keeps recursion off the stack's edge.
const MAX_DEPTH: usize = 32;

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{3000}' || c == '\u{00A0}'
}

fn is_colon(c: char) -> bool {
    c == '：' || c == ':'
}

impl<'a> Parser<'a, '_> {
    /// The next content line (skipping blanks and comments), not consumed.
    fn peek(&mut self) -> Option<usize> {
        while self.pos < self.lines.len() {
            if self.lines[self.pos].kind == LineKind::Content {
                return Some(self.pos);
            }
            self.pos += 1;
        }
        None
    }

    fn error(&mut self, kind: Kind, span: Span, message: String, hint: Option<&str>) {
        self.sink.push(kind, &self.file.name, span, message, hint.map(str::to_string));
    }

    /// Skips the lines indented deeper than `indent` (children of a line we could not use).
    fn skip_deeper(&mut self, indent: usize) {
        while let Some(i) = self.peek() {
            if self.lines[i].indent <= indent {
                break;
            }
            self.pos += 1;
        }
    }

    /// The items of a block whose header is indented `parent` columns (None: the file).
    fn body(&mut self, parent: Option<usize>) -> Vec<Entry> {
        let mut items = Vec::new();
        let mut level = if parent.is_none() { Some(0) } else { None };
        while let Some(i) = self.peek() {
            let indent = self.lines[i].indent;
            if parent.is_some_and(|p| indent <= p) {
                break;
            }
            let lvl = *level.get_or_insert(indent);
            if indent > lvl {
                let span = self.lines[i].span();
                self.error(
                    Kind::Indent,
                    span,
                    "这一行缩进得比上一行深，但上一行不是块的开头".into(),
                    Some("只有“关键字 名称”这样的块、或冒号后面留空的属性，下面才能缩进；\n同一层的行请对齐"),
                );
                self.skip_deeper(lvl);
                continue;
            }
            if indent < lvl {
                let span = self.lines[i].span();
                self.error(
                    Kind::Indent,
                    span,
                    "这一行的缩进和上面任何一层都对不齐".into(),
                    Some("同一层的行缩进要一样多；请对齐到上一层或同一层"),
                );
            }
            if let Some(item) = self.item() {
                items.push(item);
            }
        }
        items
    }

    fn item(&mut self) -> Option<Entry> {
        let line = self.lines[self.pos].clone();
        self.pos += 1;
        let content = line.content;
        let tok_end = content.find(|c: char| is_blank(c) || is_colon(c)).unwrap_or(content.len());
        let tok = &content[..tok_end];
        let after = &content[tok_end..];
        let colon_after_tok = after.starts_with(is_colon);

        // `样式：名称` is a property as well as a block; any other keyword followed by
        // a colon is a slip for a block header: say so, and read it as the block.
        if let Some(kind) = Keyword::from_word(tok).filter(|k| !colon_after_tok || !k.kind().also_key) {
            if colon_after_tok {
                let colon_len = after.chars().next().map_or(1, char::len_utf8);
                self.error(
                    Kind::Syntax,
                    Span::new(line.start + tok_end, line.start + tok_end + colon_len),
                    format!("“{tok}”是块的关键字，后面应该是空格和名称，而不是冒号"),
                    Some("例如写成“字段 年度”，把它的属性缩进写在下面几行"),
                );
            }
            let head_text = after.trim_start_matches(|c: char| is_blank(c) || is_colon(c));
            let head_start = line.start + (content.len() - head_text.len());
            let head_text = head_text.trim_end_matches(|c: char| is_blank(c) || is_colon(c));
            let head = (!head_text.is_empty()).then(|| SourceText::single(head_text, head_start));
            let items = if self.depth >= MAX_DEPTH {
                self.error(
                    Kind::Indent,
                    line.span(),
                    format!("层级太深：超过了{MAX_DEPTH}层"),
                    Some("模板最多用到一级、二级、三级标题，不需要这么多层缩进"),
                );
                self.skip_deeper(line.indent);
                Vec::new()
            } else {
                self.depth += 1;
                let items = self.body(Some(line.indent));
                self.depth -= 1;
                items
            };
            return Some(Entry::Block(Block { kind, keyword: SourceText::single(tok, line.start), head, items, span: line.span() }));
        }

        let Some(colon) = content.find(is_colon) else {
            self.error(Kind::Syntax, line.span(), format!("无法识别这一行：“{}”", content), Some(&syntax_hint()));
            self.skip_deeper(line.indent);
            return None;
        };
        let key = content[..colon].trim_end_matches(is_blank);
        if key.is_empty() || key.contains(is_blank) {
            let span = Span::new(line.start, line.start + colon);
            let message = if key.is_empty() {
                "冒号前面缺少键名".to_string()
            } else {
                format!("“{key}”不是一个键：键名里不能有空格，也不是块的关键字")
            };
            self.error(Kind::Syntax, span, message, Some(&syntax_hint()));
            self.skip_deeper(line.indent);
            return None;
        }
        let colon_len = content[colon..].chars().next().map_or(1, char::len_utf8);
        let value_raw = &content[colon + colon_len..];
        let value_text = value_raw.trim_start_matches(is_blank);
        let value_start = line.start + colon + colon_len + (value_raw.len() - value_text.len());
        let value = if value_text.is_empty() {
            self.multiline_value(line.indent, value_start)
        } else {
            SourceText::single(value_text, value_start)
        };
        Some(Entry::Prop(Prop { key: SourceText::single(key, line.start), value, span: line.span() }))
    }

    /// The indented lines below a property whose value was left empty, dedented.
    fn multiline_value(&mut self, indent: usize, empty_at: usize) -> SourceText {
        let mut taken: Vec<usize> = Vec::new();
        let mut j = self.pos;
        let mut last_content = None;
        while j < self.lines.len() {
            let l = &self.lines[j];
            match l.kind {
                LineKind::Blank | LineKind::Comment => {}
                LineKind::Content if l.indent > indent => last_content = Some(j),
                LineKind::Content => break,
            }
            taken.push(j);
            j += 1;
        }
        let Some(last) = last_content else {
            return SourceText::single("", empty_at);
        };
        self.pos = last + 1;
        let lines: Vec<&Line> = taken
            .iter()
            .map(|&k| &self.lines[k])
            .filter(|l| l.kind != LineKind::Comment)
            .take_while(|l| l.start <= self.lines[last].start)
            .collect();
        let base = lines.iter().filter(|l| l.kind == LineKind::Content).map(|l| l.indent).min().unwrap_or(0);
        let owned: Vec<(&str, usize)> =
            lines.iter().map(|l| if l.kind == LineKind::Blank { ("", l.start) } else { l.dedented(base) }).collect();
        // Leading blank lines are not part of the value.
        let first = owned.iter().position(|(t, _)| !t.is_empty()).unwrap_or(0);
        let pieces = &owned[first..];
        let end = self.lines[last].start + self.lines[last].content.len();
        SourceText::joined(pieces, Span::new(pieces[0].1, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> (Ast, Sink) {
        let f = SourceFile::new("t.wg", s);
        let mut sink = Sink::default();
        let ast = parse(&f, &mut sink);
        (ast, sink)
    }

    #[test]
    fn blocks_nest_by_indentation_and_values_span_lines() {
        let (ast, sink) =
            parse_str("模板：甲\n一级 履职\n  字数：约10字\n  提示：\n    第一行\n\n    第二行\n  二级 做法\n    重复：2-3\n");
        assert!(sink.items.is_empty(), "{:?}", sink.items);
        assert_eq!(ast.items.len(), 2);
        let Entry::Block(b) = &ast.items[1] else { panic!() };
        assert_eq!(b.head.as_ref().unwrap().text, "履职");
        assert_eq!(b.items.len(), 3);
        let Entry::Prop(p) = &b.items[1] else { panic!() };
        assert_eq!(p.value.text, "第一行\n\n第二行");
        let Entry::Block(inner) = &b.items[2] else { panic!() };
        assert_eq!(inner.items.len(), 1);
    }

    #[test]
    fn pasted_no_break_spaces_count_as_blanks() {
        let (ast, sink) = parse_str("一级\u{00A0}乙\u{00A0}\n  标题：第一部分\u{00A0}\n");
        assert!(sink.items.is_empty(), "{:?}", sink.items);
        let Entry::Block(b) = &ast.items[0] else { panic!() };
        assert_eq!(b.head.as_ref().unwrap().text, "乙");
    }

    #[test]
    fn multiline_values_dedent_tabs_and_full_width_spaces_by_columns() {
        let src = "选项：\n\t\t甲\n    乙\n  \u{3000}\u{3000}丙\n";
        let f = SourceFile::new("t.wg", src);
        let (ast, sink) = parse_str(src);
        assert!(sink.items.iter().all(|d| d.kind == Kind::IndentCharacter));
        let Entry::Prop(p) = &ast.items[0] else { panic!() };
        assert_eq!(p.value.text, "\t甲\n乙\n\u{3000}丙");
        let at = p.value.text.find('丙').unwrap();
        let span = p.value.span_of(at, at + '丙'.len_utf8());
        assert_eq!(&f.text[span.start..span.end], "丙");
    }

    #[test]
    fn every_bad_line_is_reported_once() {
        let (_, sink) = parse_str("模板：甲\n胡乱的一行\n    多缩进\n字 数：1\n另一行\n");
        let kinds: Vec<Kind> = sink.items.iter().map(|d| d.kind).collect();
        assert_eq!(kinds, vec![Kind::Syntax, Kind::Syntax, Kind::Syntax]);
    }
}
