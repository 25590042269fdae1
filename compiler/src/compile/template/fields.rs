//! Fields (字段) and table columns' kinds: types, options, defaults.

use super::{pieces, Checker};
use crate::compile::context::Table;
use crate::diag::Kind;
use crate::spec::*;
use crate::syntax::language::Keyword;
use crate::syntax::{self, Block};
use crate::values;

const TYPE_HINT: &str = "类型可写：文本、年份、年月、单选；表格的列还可以写“序号”";

impl Checker<'_, '_> {
    pub(super) fn field(&mut self, b: &Block) -> Option<Field> {
        let id = self.ctx.name(b, Keyword::Field.kind().noun)?;
        self.names.claim(self.ctx, &id);
        let place = format!("字段“{}”", id.text);
        let t = self.ctx.table(&b.items, Keyword::Field.kind().keys, &[], &place);
        // A field whose type is wrong still defines its name, so that its
        // placeholders do not cascade into more errors; the spec is dropped anyway.
        let kind = self.field_kind(&t, b, &place, false).unwrap_or_else(|| {
            self.broken_fields.push(id.text.clone());
            FieldKind::Text
        });
        let default = t.get("默认").and_then(|p| self.default_value(p, &kind));
        let required = t.get("必填").and_then(|p| self.ctx.read(p, values::yes_no)).unwrap_or(true);
        Some(Field {
            label: t.text("标签").unwrap_or_else(|| id.text.clone()),
            id: id.text,
            kind,
            default,
            required,
            prompt: t.text("提示"),
            example: t.text("示例"),
        })
    }

    /// The 类型 of a field, or of a table column (`column`: 序号 is allowed).
    pub(super) fn field_kind(&mut self, t: &Table, b: &Block, place: &str, column: bool) -> Option<FieldKind> {
        let Some(p) = t.get("类型") else {
            self.ctx.error(Kind::MissingKey, b.keyword.span, format!("{place}缺少“类型”"), Some(TYPE_HINT.into()));
            return None;
        };
        let kind = match values::normalise(&p.value.text).as_str() {
            "文本" | "文字" => FieldKind::Text,
            "年份" | "年" => FieldKind::Year,
            "年月" => FieldKind::YearMonth,
            "序号" | "编号" if column => FieldKind::RowNumber,
            "序号" | "编号" => {
                self.ctx.error(
                    Kind::BadValue,
                    p.value.span,
                    format!("{place}不是表格的列，不能用“序号”"),
                    Some("“类型：序号”只用在表格的列上：这一列按行自动填 1、2、3……".into()),
                );
                return None;
            }
            "单选" | "选择" => {
                let Some(o) = t.get("选项") else {
                    self.ctx.error(
                        Kind::MissingKey,
                        p.value.span,
                        format!("{place}是单选，但没有写“选项”"),
                        Some("在下面加一行“选项：甲，乙，丙”，或“选项：”后面每行缩进写一个选项".into()),
                    );
                    return None;
                };
                FieldKind::Choice { options: self.options(o)? }
            }
            _ => {
                self.ctx.error(Kind::BadValue, p.value.span, format!("未知的类型“{}”", p.value.text), Some(TYPE_HINT.into()));
                return None;
            }
        };
        if let (Some(o), false) = (t.get("选项"), matches!(kind, FieldKind::Choice { .. })) {
            self.ctx.error(
                Kind::BadValue,
                o.key.span,
                format!("{place}不是单选，不需要“选项”"),
                Some("要让填写人从几项中选一项，请把类型写成“单选”".into()),
            );
        }
        Some(kind)
    }

    /// Options one per line, or separated by commas (not by 、, which names contain).
    pub(super) fn options(&mut self, p: &syntax::Prop) -> Option<Vec<String>> {
        // Commas separate options on one line, not 顿号: an option may hold one.
        let separators: &[char] = if p.value.text.contains('\n') { &['\n'] } else { &['，', ',', '；', ';', '|'] };
        let mut options: Vec<String> = Vec::new();
        for (o, span) in pieces(&p.value, separators) {
            if options.contains(&o) {
                self.ctx.error(Kind::BadValue, span, format!("选项“{o}”写了两次"), Some("每个选项只写一次".into()));
                return None;
            }
            options.push(o);
        }
        if options.is_empty() {
            self.ctx.error(Kind::BadValue, p.value.span, "选项是空的", Some("写成“选项：甲，乙，丙”".into()));
            return None;
        }
        if options.len() == 1 {
            self.ctx.error(
                Kind::BadValue,
                p.value.span,
                format!("单选只有一个选项“{}”", options[0]),
                Some("选项之间用逗号隔开（顿号不算分隔）；选项本身带顿号时，“选项：”后面留空，每行缩进写一个".into()),
            );
            return None;
        }
        Some(options)
    }

    pub(super) fn default_value(&mut self, p: &syntax::Prop, kind: &FieldKind) -> Option<String> {
        let v = p.value.text.trim();
        let n = values::normalise(v);
        let ok = match kind {
            FieldKind::Text => Some(v.to_string()),
            FieldKind::Year => values::number(&n, "年").ok().filter(|y| (1900..=2200).contains(y)).map(|y| y.to_string()),
            FieldKind::YearMonth => values::year_month_text(v),
            // Only columns are numbered, and columns have no default.
            FieldKind::RowNumber => None,
            FieldKind::Choice { options } => {
                if options.iter().any(|o| o == v) {
                    Some(v.to_string())
                } else {
                    self.ctx.error(
                        Kind::UnknownOption,
                        p.value.span,
                        format!("默认值“{v}”不在选项里"),
                        Some(format!("选项有：{}", options.join("；"))),
                    );
                    return None;
                }
            }
        };
        if ok.is_none() {
            let hint = match kind {
                FieldKind::Year => "年份写四位数字，例如 2026",
                _ => values::YEAR_MONTH_HINT,
            };
            self.ctx.error(Kind::BadValue, p.value.span, format!("默认值“{v}”不合这个字段的类型"), Some(hint.into()));
        }
        ok
    }
}
