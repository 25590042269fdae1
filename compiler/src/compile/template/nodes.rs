//! The parts of a template (一级, 二级, 三级, 文本, 图片, 表格) and what they hold: repeats, paragraphs, pictures, columns.

use super::{Checker, Names};
use crate::compile::context::Table;
use crate::diag::Kind;
use crate::spec::*;
use crate::syntax::language::Keyword;
use crate::syntax::{self, Block};
use crate::values;

impl Checker<'_, '_> {
    pub(super) fn node(&mut self, b: &Block) -> Option<Node> {
        let kind = b.kind.kind();
        let what = kind.noun;
        let id = self.ctx.name(b, what);
        if let Some(id) = &id {
            self.names.claim(self.ctx, id);
        }
        let place = match &id {
            Some(id) => format!("{what}“{}”", id.text),
            None => what.to_string(),
        };
        let t = self.ctx.table(&b.items, kind.keys, kind.children, &place);
        let budget_prop = t.get("字数");
        let budget = budget_prop.and_then(|p| self.ctx.read(p, values::budget));
        let repeat = match (t.get("重复"), t.get("行数")) {
            (Some(p), _) => self.repeat(p, "项"),
            (None, Some(p)) => self.repeat(p, "行"),
            (None, None) => None,
        };
        let title = t.get("标题").map(|p| self.template_text(&p.value));
        let mut conditional_prompts = Vec::new();
        let mut children = Vec::new();
        for child in &t.blocks {
            match child.kind {
                Keyword::When => conditional_prompts.extend(self.conditional(child)),
                Keyword::Column => {}
                _ => children.extend(self.node(child)),
            }
        }
        // Only the blocks a part may hold reach here (the tables above let no other through).
        let kind = match b.kind {
            Keyword::Heading1 => NodeKind::Heading { level: 1, title },
            Keyword::Heading2 => NodeKind::Heading { level: 2, title },
            Keyword::Heading3 => NodeKind::Point { lead: title },
            Keyword::Text => NodeKind::Text { multiple_paragraphs: self.paragraphs(&t) },
            Keyword::Pictures => self.pictures(&t, b, &place)?,
            _ => NodeKind::Table { title, columns: self.columns(&t, b, &place) },
        };
        if let (Some(bud), Some(p)) = (&budget, budget_prop) {
            let children_min = children.iter().map(Node::min_words).fold(0, usize::saturating_add);
            self.budget_conflict(bud, p.value.span, children_min, &place);
        }
        Some(Node {
            id: id?.text,
            kind,
            repeat,
            budget,
            prompt: t.text("提示"),
            example: t.text("示例"),
            conditional_prompts,
            required: t.get("必填").and_then(|p| self.ctx.read(p, values::yes_no)).unwrap_or(true),
            needs_data: t.get("数据").and_then(|p| self.ctx.read(p, values::yes_no)).unwrap_or(false),
            children,
        })
    }

    pub(super) fn repeat(&mut self, p: &syntax::Prop, unit: &str) -> Option<Repeat> {
        let (min, max) = self.ctx.read(p, |s| values::count_range(s, unit))?;
        if let Some(max) = max {
            if min > max {
                self.ctx.error(
                    Kind::MinAboveMax,
                    p.value.span,
                    format!("最少{min}{unit}，却最多{max}{unit}"),
                    Some("下限不能大于上限，例如“2-4”".into()),
                );
                return None;
            }
            if max == 0 {
                self.ctx.error(
                    Kind::BadValue,
                    p.value.span,
                    format!("最多0{unit}：这一部分就不能填写了"),
                    Some("不要这一部分就把它删掉".into()),
                );
                return None;
            }
        }
        Some(Repeat { min, max })
    }

    pub(super) fn paragraphs(&mut self, t: &Table) -> bool {
        let Some(p) = t.get("段落") else { return true };
        match values::normalise(&p.value.text).as_str() {
            "单段" | "一段" | "1段" => false,
            "多段" | "若干段" => true,
            _ => {
                self.ctx.error(
                    Kind::BadValue,
                    p.value.span,
                    format!("无法识别的段落要求“{}”", p.value.text),
                    Some("写“单段”或“多段”".into()),
                );
                true
            }
        }
    }

    pub(super) fn pictures(&mut self, t: &Table, b: &Block, place: &str) -> Option<NodeKind> {
        let Some(p) = t.get("数量") else {
            self.ctx.error(
                Kind::MissingKey,
                b.keyword.span,
                format!("{place}缺少“数量”"),
                Some("例如“数量：2-3”（可附2至3幅配图）".into()),
            );
            return None;
        };
        let (min, max) = self.ctx.read(p, |s| values::count_range(s, "幅").or_else(|_| values::count_range(s, "张")))?;
        let Some(max) = max else {
            self.ctx.error(Kind::BadValue, p.value.span, "图片数量要写上限", Some("例如“数量：2-3”".into()));
            return None;
        };
        if min > max {
            self.ctx.error(
                Kind::MinAboveMax,
                p.value.span,
                format!("最少{min}幅图片，却最多{max}幅"),
                Some("下限不能大于上限，例如“2-3”".into()),
            );
            return None;
        }
        let formats = match t.get("格式") {
            Some(f) => self.ctx.read(f, values::picture_formats)?,
            None => vec![PictureFormat::Jpeg, PictureFormat::Png],
        };
        Some(NodeKind::Pictures { min, max, formats, caption_label: t.text("说明").unwrap_or_else(|| "图片说明".into()) })
    }

    pub(super) fn columns(&mut self, t: &Table, b: &Block, place: &str) -> Vec<Column> {
        let mut columns = Vec::new();
        let mut total_width = 0;
        // Column names only need to differ within their table.
        let mut column_names = Names::default();
        for c in t.blocks.iter().filter(|c| c.kind == Keyword::Column) {
            let Some(id) = self.ctx.name(c, Keyword::Column.kind().noun) else { continue };
            column_names.claim(self.ctx, &id);
            let cplace = format!("列“{}”", id.text);
            let ct = self.ctx.table(&c.items, Keyword::Column.kind().keys, &[], &cplace);
            let kind = if ct.get("类型").is_some() { self.field_kind(&ct, c, &cplace, true) } else { Some(FieldKind::Text) };
            let width = ct.get("宽度").and_then(|p| {
                let w = self.ctx.read(p, |s| {
                    values::number(s, "%").map_err(|_| values::ValueError {
                        kind: Kind::BadValue,
                        message: format!("无法识别的列宽“{s}”"),
                        hint: Some("列宽写占表格总宽的百分比，例如“30%”".into()),
                    })
                })?;
                total_width += w;
                if total_width > 100 {
                    self.ctx.error(
                        Kind::BadValue,
                        p.value.span,
                        "各列宽度加起来超过了100%",
                        Some("宽度按表格总宽的百分比写，合计不超过100%".into()),
                    );
                }
                Some(w as u32)
            });
            if let Some(kind) = kind {
                columns.push(Column {
                    label: ct.text("标签").unwrap_or_else(|| id.text.clone()),
                    id: id.text,
                    kind,
                    prompt: ct.text("提示"),
                    width_percent: width,
                });
            }
        }
        if t.blocks.iter().all(|c| c.kind != Keyword::Column) {
            self.ctx.error(Kind::MissingKey, b.keyword.span, format!("{place}没有列"), Some("在表格下面缩进写“列 名称”，每列一块".into()));
        }
        columns
    }
}
