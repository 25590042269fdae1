//! Checking a template: fields, fixed lines, the outline of parts with their
//! budgets, repeats, prompts, pictures and tables; then whether the budgets can be
//! met together and fit the page limit.

use super::context::{common_slip, Ctx, Table};
use super::{load_sheet, Resolver};
use crate::diag::{Kind, Sink};
use crate::geometry::{minimum_pages, PageNeed};
use crate::source::{SourceFile, SourceText, Span};
use crate::spec::*;
use crate::syntax::language::{Keyword, TEMPLATE_BLOCKS, TEMPLATE_KEYS};
use crate::syntax::{self, Ast, Block, Item};
use crate::values;

const TYPE_HINT: &str = "类型可写：文本、年份、年月、单选；表格的列还可以写“序号”";

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
        None if ast.items.iter().any(|i| matches!(i, Item::Prop(p) if common_slip(&p.key.text) == Some("模板"))) => String::new(),
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
    fn field(&mut self, b: &Block) -> Option<Field> {
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
    fn field_kind(&mut self, t: &Table, b: &Block, place: &str, column: bool) -> Option<FieldKind> {
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
    fn options(&mut self, p: &syntax::Prop) -> Option<Vec<String>> {
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

    fn default_value(&mut self, p: &syntax::Prop, kind: &FieldKind) -> Option<String> {
        let v = p.value.text.trim();
        let n = values::normalise(v);
        let ok = match kind {
            FieldKind::Text => Some(v.to_string()),
            FieldKind::Year => values::number(&n, "年").ok().filter(|y| (1900..=2200).contains(y)).map(|y| y.to_string()),
            FieldKind::YearMonth => values::year_month(&n).map(|(y, m)| format!("{y}年{m}月")),
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
                _ => "年月写成“2026年2月”或“2026-02”",
            };
            self.ctx.error(Kind::BadValue, p.value.span, format!("默认值“{v}”不合这个字段的类型"), Some(hint.into()));
        }
        ok
    }

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

    /// Text with `{字段}` placeholders; `{{` and `}}` stand for braces.
    fn template_text(&mut self, value: &SourceText) -> TemplateText {
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

    fn placeholder(&mut self, inner: &str, span: Span) -> Option<Piece> {
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

    fn node(&mut self, b: &Block) -> Option<Node> {
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

    fn repeat(&mut self, p: &syntax::Prop, unit: &str) -> Option<Repeat> {
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

    fn paragraphs(&mut self, t: &Table) -> bool {
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

    fn pictures(&mut self, t: &Table, b: &Block, place: &str) -> Option<NodeKind> {
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

    fn columns(&mut self, t: &Table, b: &Block, place: &str) -> Vec<Column> {
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

    fn conditional(&mut self, b: &Block) -> Option<ConditionalPrompt> {
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
