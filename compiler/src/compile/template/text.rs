//! Text that refers to fields: placeholders (`{年度}`) and conditions (`当 单位类型 为 ……`).

use super::Checker;
use crate::diag::Kind;
use crate::source::{SourceText, Span};
use crate::spec::*;
use crate::syntax::language::Keyword;
use crate::syntax::Block;

impl Checker<'_, '_> {
    /// Text with `{字段}` placeholders; `{{` and `}}` stand for braces.
    pub(super) fn template_text(&mut self, value: &SourceText) -> TemplateText {
        let s = value.text.as_str();
        let mut pieces = Vec::new();
        let mut buf = String::new();
        let mut rest = s.char_indices().peekable();
        while let Some((i, c)) = rest.next() {
            let open = c == '{' || c == '｛';
            let close = c == '}' || c == '｝';
            if (open || close) && rest.peek().is_some_and(|&(_, n)| n == c) {
                rest.next();
                buf.push(c);
                continue;
            }
            if close {
                self.ctx.error(
                    Kind::Brace,
                    value.span_of(i, i + c.len_utf8()),
                    "多了一个右花括号“}”",
                    Some("占位符写成“{字段名}”；要写花括号本身，请写两个：{{ 或 }}".into()),
                );
                continue;
            }
            if !open {
                buf.push(c);
                continue;
            }
            let Some(len) = s[i + c.len_utf8()..].find(['}', '｝']) else {
                self.ctx.error(
                    Kind::Brace,
                    value.span_of(i, s.len()),
                    "占位符缺少右花括号“}”",
                    Some("占位符写成“{字段名}”，例如“{年度}年党建工作述职报告”".into()),
                );
                buf.push_str(&s[i..]);
                break;
            };
            let inner_start = i + c.len_utf8();
            let inner = &s[inner_start..inner_start + len];
            while rest.peek().is_some_and(|&(j, _)| j <= inner_start + len) {
                rest.next();
            }
            let close_len = s[inner_start + len..].chars().next().map_or(0, char::len_utf8);
            let span = value.span_of(i, inner_start + len + close_len);
            if let Some(piece) = self.placeholder(inner.trim(), span) {
                if !buf.is_empty() {
                    pieces.push(Piece::Text { text: std::mem::take(&mut buf) });
                }
                pieces.push(piece);
            }
        }
        if !buf.is_empty() {
            pieces.push(Piece::Text { text: buf });
        }
        TemplateText { source: s.to_string(), pieces }
    }

    pub(super) fn placeholder(&mut self, inner: &str, span: Span) -> Option<Piece> {
        let (name, part) = match inner.split_once(['.', '．']) {
            Some((n, p)) => (n, Some(p)),
            None => (inner, None),
        };
        let Some(field) = self.fields.iter().find(|f| f.id == name) else {
            let names: Vec<&str> = self.fields.iter().map(|f| f.id.as_str()).collect();
            self.ctx.error(
                Kind::UnknownPlaceholder,
                span,
                format!("占位符“{{{inner}}}”没有对应的字段"),
                Some(if names.is_empty() {
                    "模板还没有定义字段；先写“字段 名称”".into()
                } else {
                    format!("可用的字段：{}", names.join("、"))
                }),
            );
            return None;
        };
        let part = match (part, &field.kind) {
            (None, _) => None,
            (Some("年"), FieldKind::YearMonth) => Some(DatePart::Year),
            (Some("月"), FieldKind::YearMonth) => Some(DatePart::Month),
            (Some(p), _) => {
                self.ctx.error(
                    Kind::UnknownPlaceholder,
                    span,
                    format!("占位符“{{{inner}}}”：字段“{name}”没有“{p}”这一部分"),
                    Some("只有年月字段可以取“.年”或“.月”，例如“{成文日期.年}”".into()),
                );
                return None;
            }
        };
        Some(Piece::Field { field: field.id.clone(), part })
    }

    pub(super) fn conditional(&mut self, b: &Block) -> Option<ConditionalPrompt> {
        let hint = "写成“当 单位类型 为 街道（鲁谷社区）党工委”，下面缩进写“提示：……”";
        let Some(head) = &b.head else {
            self.ctx.error(Kind::MissingKey, b.keyword.span, "“当”后面要写条件", Some(hint.into()));
            return None;
        };
        let text = head.text.as_str();
        let split = text
            .find(['=', '＝'])
            .map(|i| (i, text[i..].chars().next().map_or(1, char::len_utf8)))
            .or_else(|| [" 为 ", " 是 ", " 等于 ", "　为　"].iter().find_map(|op| text.find(op).map(|i| (i, op.len()))))
            // 当 单位类型为区直机关: a known field name followed directly by 为/是/等于.
            .or_else(|| {
                self.fields.iter().find_map(|f| {
                    let rest = text.strip_prefix(f.id.as_str())?;
                    let op = ["为", "是", "等于"].into_iter().find(|op| rest.trim_start().starts_with(op))?;
                    Some((f.id.len(), rest.len() - rest.trim_start().len() + op.len()))
                })
            });
        let Some((at, op_len)) = split else {
            self.ctx.error(Kind::Syntax, head.span, format!("无法识别的条件“{text}”"), Some(hint.into()));
            return None;
        };
        let field_name = text[..at].trim();
        let value_raw = &text[at + op_len..];
        let value = value_raw.trim();
        let value_start = at + op_len + (value_raw.len() - value_raw.trim_start().len());
        // The name's own place: trim() above drops any Unicode space before it.
        let name_start = text.len() - text.trim_start().len();
        let field_span = head.span_of(name_start, name_start + field_name.len());
        let value_span = head.span_of(value_start, value_start + value.len());
        let Some(field) = self.fields.iter().find(|f| f.id == field_name) else {
            let choices: Vec<&str> =
                self.fields.iter().filter(|f| matches!(f.kind, FieldKind::Choice { .. })).map(|f| f.id.as_str()).collect();
            self.ctx.error(
                Kind::UnknownField,
                field_span,
                format!("没有名为“{field_name}”的字段"),
                Some(if choices.is_empty() {
                    "条件要引用一个单选字段；先用“字段 名称”定义它".into()
                } else {
                    format!("可用的单选字段：{}", choices.join("、"))
                }),
            );
            return None;
        };
        if self.broken_fields.contains(&field.id) {
            return None;
        }
        let FieldKind::Choice { options } = &field.kind else {
            self.ctx.error(
                Kind::NotAChoice,
                field_span,
                format!("字段“{field_name}”不是单选，不能用作条件"),
                Some("条件只能按单选字段的选项来分，把该字段的类型改成“单选”".into()),
            );
            return None;
        };
        if !options.iter().any(|o| o == value) {
            self.ctx.error(
                Kind::UnknownOption,
                value_span,
                format!("“{value}”不是字段“{field_name}”的选项"),
                Some(format!("选项有：{}", options.join("；"))),
            );
            return None;
        }
        let t = self.ctx.table(&b.items, Keyword::When.kind().keys, &[], Keyword::When.kind().noun);
        let Some(text) = t.text("提示") else {
            self.ctx.error(Kind::MissingKey, b.keyword.span, "条件下面缺少“提示”", Some("在下面缩进写“提示：……”，满足条件时显示".into()));
            return None;
        };
        Some(ConditionalPrompt { field: field.id.clone(), equals: value.to_string(), text })
    }
}
