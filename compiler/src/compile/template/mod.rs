//! Checking a template: fields, fixed lines, the outline of parts with their
//! budgets, repeats, prompts, pictures and tables; then whether the budgets can be
//! met together and fit the page limit. This file holds the top level and the
//! checks across parts; fields.rs the fields, nodes.rs the parts, text.rs the
//! text that refers to fields (placeholders and conditions).

mod fields;
mod nodes;
mod text;

use super::context::{common_slip, Ctx, Table};
use super::{load_sheet, Resolver};
use crate::diag::{Kind, Sink};
use crate::geometry::{minimum_pages, PageNeed};
use crate::source::{SourceFile, SourceText, Span};
use crate::spec::*;
use crate::syntax::language::{Keyword, TEMPLATE_BLOCKS, TEMPLATE_KEYS};
use crate::syntax::{self, Ast, Block, Entry};
use crate::values;

/// Names already used, for duplicates: fields and parts share one namespace; each
/// table has its own for its columns.
#[derive(Default)]
struct Names(Vec<(String, Span)>);

impl Names {
    fn claim(&mut self, ctx: &mut Ctx, name: &SourceText) {
        if let Some((_, first)) = self.0.iter().find(|(n, _)| *n == name.text) {
            let line = ctx.line_of(*first);
            ctx.error(
                Kind::DuplicateName,
                name.span,
                format!("名称“{}”已经用过了", name.text),
                Some(format!("第一次用在第{line}行；字段和各部分的名称在整个模板里不能重复，同一表格的列名也不能重复")),
            );
        } else {
            self.0.push((name.text.clone(), name.span));
        }
    }
}

struct Checker<'a, 'f> {
    ctx: &'a mut Ctx<'f>,
    fields: Vec<Field>,
    /// Fields whose type was wrong (already reported): conditions on them stay quiet.
    broken_fields: Vec<String>,
    names: Names,
}

pub(super) fn check(ctx: &mut Ctx, ast: &Ast, resolver: &dyn Resolver, files: &mut Vec<SourceFile>) -> Option<FormSpec> {
    let table = ctx.table(&ast.items, TEMPLATE_KEYS, TEMPLATE_BLOCKS, "模板的最外层");
    let name = match table.get("模板") {
        Some(p) if !p.value.text.is_empty() => p.value.text.clone(),
        // `模版：……` was reported as a slip for 模板 already.
        None if ast.items.iter().any(|i| matches!(i, Entry::Prop(p) if common_slip(&p.key.text) == Some("模板"))) => String::new(),
        other => {
            let span = other.map_or_else(|| super::first_prop_span(ast), |p| p.key.span);
            ctx.error(
                Kind::MissingKey,
                span,
                "模板的第一行要写“模板：名称”",
                Some("例如“模板：党建工作述职报告”；这个名称显示在开始页上".into()),
            );
            String::new()
        }
    };
    let mut c = Checker { ctx, fields: Vec::new(), broken_fields: Vec::new(), names: Names::default() };
    for b in table.blocks.iter().filter(|b| b.kind == Keyword::Field) {
        if let Some(f) = c.field(b) {
            c.fields.push(f);
        }
    }
    let style = c.style(&table, resolver, files);
    let lines: Vec<FixedLine> = table
        .props
        .iter()
        .filter_map(|p| {
            let role = match p.key.text.as_str() {
                "标题" => Role::Title,
                "副标题" => Role::Subtitle,
                "日期" => Role::Date,
                _ => return None,
            };
            Some(FixedLine { role, text: c.template_text(&p.value) })
        })
        .collect();
    let author = table.get("作者").map(|p| c.template_text(&p.value));
    let budget_prop = table.get("字数");
    let budget = budget_prop.and_then(|p| c.ctx.read(p, values::budget));
    let page_prop = table.get("页数");
    let page_limit = page_prop.and_then(|p| c.ctx.read(p, values::page_limit));

    let body: Vec<Node> = table
        .blocks
        .iter()
        .filter(|b| !matches!(b.kind, Keyword::Field | Keyword::Style | Keyword::Scoring))
        .filter_map(|b| c.node(b))
        .collect();
    let accompanies = table.get("随附").and_then(|p| c.ctx.read(p, values::accompanies));
    let extract_budget = table.get("摘要").and_then(|p| c.ctx.read(p, values::budget));
    let grades = table.get("测评等次").and_then(|p| c.ctx.read(p, values::grades)).unwrap_or_default();
    let pace = table.get("语速").and_then(|p| c.ctx.read(p, values::pace));
    let speaking = table
        .get("述职时长")
        .and_then(|p| c.ctx.read(p, values::speaking_time))
        .map(|minutes| Speaking { minutes, pace: pace.unwrap_or(DEFAULT_PACE) });
    let checks = table.get("校对").map_or_else(Check::all, |p| c.checks(p));
    let scoring: Vec<ScoringItem> = table.blocks.iter().filter(|b| b.kind == Keyword::Scoring).filter_map(|b| c.scoring_item(b)).collect();
    if let (Some(b), Some(p)) = (&budget, budget_prop) {
        let min_words = body.iter().map(Node::min_words).fold(0, usize::saturating_add);
        c.budget_conflict(b, p.value.span, min_words, "全文");
    }
    let spec = FormSpec {
        format: FORM_FORMAT.into(),
        version: FORM_VERSION,
        name,
        description: table.text("说明"),
        budget,
        page_limit,
        prompt: table.text("提示"),
        author,
        fields: std::mem::take(&mut c.fields),
        lines,
        body,
        style: style?,
        checks,
        scoring,
        accompanies,
        extract_budget,
        grades,
        speaking,
    };
    if let (Some(limit), Some(p)) = (spec.page_limit, page_prop) {
        c.page_fit(limit, &spec, p.value.span);
    }
    Some(spec)
}

/// The pieces of a value between `separators`, trimmed, with their spans.
fn pieces(value: &SourceText, separators: &[char]) -> Vec<(String, Span)> {
    let text = value.text.as_str();
    let mut out = Vec::new();
    let mut at = 0;
    for piece in text.split(separators) {
        let start = at;
        // Past the piece and the separator after it.
        at = start + piece.len() + text[start + piece.len()..].chars().next().map_or(0, char::len_utf8);
        let word = piece.trim();
        if !word.is_empty() {
            let from = start + (piece.len() - piece.trim_start().len());
            out.push((word.to_string(), value.span_of(from, from + word.len())));
        }
    }
    out
}

/// The pieces of a list value: separated by 、 ， , ； ; or one per line.
fn list(value: &SourceText) -> Vec<(String, Span)> {
    pieces(value, &['、', '，', ',', '；', ';', '\n'])
}
impl Checker<'_, '_> {
    fn style(&mut self, table: &Table, resolver: &dyn Resolver, files: &mut Vec<SourceFile>) -> Option<Style> {
        let block = table.blocks.iter().find(|b| b.kind == Keyword::Style).copied();
        let name: SourceText = match (table.get("样式"), block) {
            (Some(p), Some(b)) => {
                self.ctx.error(Kind::DuplicateKey, b.keyword.span, "样式写了两次", Some("“样式：名称”和“样式 名称”块只用一种".into()));
                p.value.clone()
            }
            (Some(p), None) => p.value.clone(),
            (None, Some(b)) => match &b.head {
                Some(h) => h.clone(),
                None => {
                    self.ctx.error(Kind::MissingKey, b.keyword.span, "“样式”块缺少样式表的名称", Some("写成“样式 附件1格式”".into()));
                    return None;
                }
            },
            (None, None) => {
                self.ctx.error(
                    Kind::MissingKey,
                    Span::new(0, 0),
                    "模板没有指定样式表",
                    Some("加一行“样式：附件1格式”，字体、字号、页边距、行距都由样式表规定".into()),
                );
                return None;
            }
        };
        let sheet = match resolver.load(&name.text) {
            Ok(Some(sheet)) => Some(sheet),
            Ok(None) => None,
            Err(message) => {
                self.ctx.error(Kind::UnknownStyle, name.span, format!("样式表“{}”读不了", name.text), Some(message));
                return None;
            }
        };
        let Some(sheet) = sheet else {
            let known = resolver.names();
            self.ctx.error(
                Kind::UnknownStyle,
                name.span,
                format!("找不到样式表“{}”", name.text),
                Some(if known.is_empty() {
                    "没有可用的样式表".into()
                } else {
                    format!("可用的样式表：{}", known.join("、"))
                }),
            );
            return None;
        };
        let mut sheet_ctx = Ctx { sink: Sink::default(), file: &sheet };
        let ast = syntax::parse(&sheet, &mut sheet_ctx.sink);
        let (mut builder, _, at) = load_sheet(&mut sheet_ctx, &ast);
        if let Some(b) = block {
            builder.apply(self.ctx, &b.items, "“样式”块", &[]);
        }
        let style = builder.finish(&mut sheet_ctx, &name.text, at);
        self.ctx.sink.items.append(&mut sheet_ctx.sink.items);
        files.push(sheet);
        style
    }

    /// `校对：半角标点、重复标点`, `校对：全部` or `校对：无`.
    fn checks(&mut self, p: &syntax::Prop) -> Vec<Check> {
        let all: Vec<&str> = Check::ALL.iter().map(|c| c.name()).collect();
        match values::normalise(&p.value.text).as_str() {
            "全部" | "都要" => return Check::all(),
            "无" | "不要" | "不校对" => return Vec::new(),
            _ => {}
        }
        let mut checks = Vec::new();
        for (name, span) in list(&p.value) {
            match Check::from_name(&name) {
                Some(c) if !checks.contains(&c) => checks.push(c),
                Some(_) => {}
                None => self.ctx.error(
                    Kind::UnknownOption,
                    span,
                    format!("没有叫“{name}”的校对项"),
                    Some(format!("可写：{}；或“全部”“无”", all.join("、"))),
                ),
            }
        }
        checks
    }

    /// A `测评指标` block: its name, what it is, and the words that show a text speaks to it.
    fn scoring_item(&mut self, b: &Block) -> Option<ScoringItem> {
        let id = self.ctx.name(b, Keyword::Scoring.kind().noun)?;
        let place = format!("测评指标“{}”", id.text);
        let t = self.ctx.table(&b.items, Keyword::Scoring.kind().keys, &[], &place);
        let Some(words) = t.get("关键词") else {
            self.ctx.error(
                Kind::MissingKey,
                b.keyword.span,
                format!("{place}没有写“关键词”"),
                Some("写出说明正文已经讲到这一项的词，例如“关键词：第一责任人、主体责任”".into()),
            );
            return None;
        };
        let keywords: Vec<String> = list(&words.value).into_iter().map(|(w, _)| w).collect();
        if keywords.is_empty() {
            self.ctx.error(Kind::BadValue, words.value.span, "关键词是空的", Some("词之间用顿号或逗号隔开".into()));
            return None;
        }
        Some(ScoringItem { name: id.text, description: t.text("说明"), keywords })
    }

    fn budget_conflict(&mut self, budget: &Budget, span: Span, children_min: usize, place: &str) {
        if let Some(max) = budget.max {
            if children_min > max {
                self.ctx.error(
                    Kind::BudgetConflict,
                    span,
                    format!("{place}最多{max}字，但下面各部分的字数下限合计已有{children_min}字"),
                    Some("这两处要求不能同时满足：请调高这里的字数，或调低下面各部分的字数、重复次数".into()),
                );
            }
        }
    }

    fn page_fit(&mut self, limit: PageLimit, spec: &FormSpec, span: Span) {
        let PageNeed { words, lines, pages, capacity: cap } = minimum_pages(spec);
        if pages <= limit.max {
            return;
        }
        let message = format!("按各部分字数的下限，全文至少约{words}字、{lines}行，约需{pages}页，超过了页数上限{}页", limit.max);
        let hint = format!(
            "按样式表，每页{}行、每行约{}字，{}页最多约{}字；请调低字数要求或放宽页数",
            cap.lines_per_page,
            cap.chars_per_line,
            limit.max,
            u64::from(cap.lines_per_page) * u64::from(cap.chars_per_line) * u64::from(limit.max)
        );
        if limit.in_principle {
            self.ctx.warn(Kind::PageLimit, span, message + "（“原则上”，只作提醒）", Some(hint));
        } else {
            self.ctx.error(Kind::PageLimit, span, message, Some(hint));
        }
    }
}
