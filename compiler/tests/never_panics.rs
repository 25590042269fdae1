//! Nothing panics. The compiler: arbitrary text, and the shipped templates
//! mutated by deleting, duplicating, swapping and inserting characters and lines;
//! every input yields either a spec or at least one error, and every diagnostic
//! renders. The draft reader: the example drafts mutated the same way. The
//! renderer (with the page model and the checks): drafts with arbitrary text and
//! any number of items. The importer's are in import.rs.
//!
//! `WENGAO_FUZZ_CASES` sets the number of cases of each (scripts/fuzz runs 10⁶).

mod common;

use common::cases;
use proptest::prelude::*;
use wengao::builtin::{BuiltinStyles, STYLE_SHEETS, TEMPLATES};
use wengao::compile::check_style_sheet;
use wengao::{compile, SourceFile};

/// Characters the language gives meaning to, mixed with ordinary and hostile ones.
const ALPHABET: &[&str] = &[
    "：",
    ":",
    " ",
    "  ",
    "\t",
    "\u{3000}",
    "\n",
    "\r\n",
    "{",
    "}",
    "｛",
    "｝",
    "#",
    "字段",
    "一级",
    "二级",
    "三级",
    "文本",
    "图片",
    "表格",
    "列",
    "当",
    "样式",
    "角色",
    "测评指标",
    "关键词",
    "为",
    "=",
    "字数",
    "约",
    "字",
    "不少于",
    "不超过",
    "-",
    "—",
    "至",
    "重复",
    "数量",
    "格式",
    "页数",
    "原则上",
    "页",
    "模板",
    "标题",
    "副标题",
    "日期",
    "类型",
    "单选",
    "年月",
    "选项",
    "默认",
    "提示",
    "附件1格式",
    "小二",
    "二号",
    "厘米",
    "磅",
    "1",
    "9",
    "0",
    ".",
    "99999999999",
    "9999999",
    "10000000",
    "𠀋",
    "😀",
    "\u{FEFF}",
    "\u{200B}",
    "\u{0}",
    "\u{7}",
    "é",
    "a",
    "%",
    "，",
    "、",
    "年度",
    "{年度}",
    "{年度.年}",
];

fn arbitrary_source() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..120).prop_map(|parts| parts.concat())
}

#[derive(Debug, Clone)]
enum Edit {
    DeleteChars(usize, usize),
    InsertText(usize, &'static str),
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Indent(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1usize..8).prop_map(|(a, n)| Edit::DeleteChars(a, n)),
        (any::<usize>(), prop::sample::select(ALPHABET)).prop_map(|(a, t)| Edit::InsertText(a, t)),
        any::<usize>().prop_map(Edit::DeleteLine),
        any::<usize>().prop_map(Edit::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        (any::<usize>(), 0usize..7).prop_map(|(a, n)| Edit::Indent(a, n)),
    ]
}

fn apply(source: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = source.chars().collect();
    for e in edits {
        let mut lines: Vec<String> = chars.iter().collect::<String>().split('\n').map(String::from).collect();
        let n = lines.len().max(1);
        match e {
            Edit::DeleteChars(at, len) => {
                let at = at % (chars.len() + 1);
                let end = (at + len).min(chars.len());
                chars.drain(at..end);
                continue;
            }
            Edit::InsertText(at, t) => {
                let at = at % (chars.len() + 1);
                chars.splice(at..at, t.chars());
                continue;
            }
            Edit::DeleteLine(i) => {
                lines.remove(i % n);
            }
            Edit::DuplicateLine(i) => {
                let l = lines[i % n].clone();
                lines.insert(i % n, l);
            }
            Edit::SwapLines(a, b) => lines.swap(a % n, b % n),
            Edit::Indent(i, k) => {
                let l = &mut lines[i % n];
                *l = format!("{}{}", " ".repeat(*k), l.trim_start());
            }
        }
        chars = lines.join("\n").chars().collect();
    }
    chars.into_iter().collect()
}

fn compiles_without_panicking(text: &str) {
    let file = SourceFile::new("fuzz.wg", text);
    let result = compile(&file, &BuiltinStyles);
    assert!(result.spec.is_some() || result.has_errors(), "no spec and no error for {text:?}");
    let rendered = result.render_diagnostics();
    assert_eq!(rendered.is_empty(), result.diagnostics.is_empty());
    if let Some(spec) = result.spec {
        serde_json::to_string(&spec).unwrap();
    }
    let sheet = check_style_sheet(&file);
    let _ = sheet.render_diagnostics();
}

fn spec_of(which: usize) -> wengao::spec::FormSpec {
    compile(&TEMPLATES[which % TEMPLATES.len()].source_file(), &BuiltinStyles).spec.unwrap()
}

const EXAMPLES: [(&str, &str); 3] = [
    ("述职报告", include_str!("../../tests/fixtures/drafts/述职报告.json")),
    ("创新案例", include_str!("../../tests/fixtures/drafts/创新案例.json")),
    ("整改清单", include_str!("../../tests/fixtures/drafts/整改清单.json")),
];

/// Renders, lays out and reviews a draft: what the app does on every change and
/// on export.
fn renders_without_panicking(spec: &wengao::spec::FormSpec, draft: &wengao::draft::Draft) {
    let doc = wengao::document::assemble(spec, draft);
    let layout = wengao::layout::lay_out(&doc, &spec.style);
    let estimate = wengao::layout::estimate_of(&doc, &layout, &spec.style);
    let counts = wengao::review::counts_by_path(&doc);
    let _ = wengao::review::problems(spec, draft, &doc, &counts, &estimate);
    let bytes = wengao::docx::render(spec, draft, &wengao::docx::RenderOptions::default());
    common::package::assert_word_accepts(&bytes);
}

/// A draft for a template with arbitrary text everywhere, 0 to 8 items of each
/// top-level node and 0 to 2 below.
fn arbitrary_draft(spec: &wengao::spec::FormSpec, texts: &[String], counts: &[usize]) -> wengao::draft::Draft {
    use wengao::draft::{Draft, Item, Parts};
    let mut draft = Draft::new(spec);
    let mut k = 0;
    let mut next = |k: &mut usize| {
        *k += 1;
        (texts[*k % texts.len()].clone(), counts[*k % counts.len()])
    };
    for f in &spec.fields {
        draft.fields.insert(f.id.clone(), next(&mut k).0);
    }
    fn fill(
        nodes: &[wengao::spec::Node],
        parts: &mut Parts,
        k: &mut usize,
        next: &mut dyn FnMut(&mut usize) -> (String, usize),
        depth: usize,
    ) {
        for node in nodes {
            let (_, n) = next(k);
            let items = parts.entry(node.id.clone()).or_default();
            // Beyond the limits at the top (the checks flag extra items), few below:
            // a case stays a few milliseconds, so that 10⁶ of them can run.
            for _ in 0..n.min(if depth > 0 { 2 } else { 8 }) {
                let mut item = Item { title: next(k).0, lead: next(k).0, text: next(k).0, ..Item::default() };
                if let wengao::spec::NodeKind::Table { columns, .. } = &node.kind {
                    item.rows = (0..next(k).1).map(|_| columns.iter().map(|c| (c.id.clone(), next(k).0)).collect()).collect();
                }
                fill(&node.children, &mut item.parts, k, next, depth + 1);
                items.push(item);
            }
        }
    }
    fill(&spec.body, &mut draft.body, &mut k, &mut next, 0);
    draft
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(10_000), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in arbitrary_source()) {
        compiles_without_panicking(&text);
    }

    #[test]
    fn mutated_templates_never_panic(which in 0usize..TEMPLATES.len() + 1, edits in prop::collection::vec(edit(), 1..6)) {
        let source = match TEMPLATES.get(which) {
            Some(t) => t.source,
            None => STYLE_SHEETS[0].source,
        };
        compiles_without_panicking(&apply(source, &edits));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(1_000), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_drafts_never_panic(which in 0usize..3, edits in prop::collection::vec(edit(), 1..4)) {
        let (template, text) = EXAMPLES[which];
        let spec = compile(&TEMPLATES.iter().find(|t| t.name() == template).unwrap().source_file(), &BuiltinStyles).spec.unwrap();
        if let Ok(mut draft) = wengao::draft::Draft::from_json(&apply(text, &edits)) {
            wengao::edit::fill_minimums(&spec, &mut draft);
            renders_without_panicking(&spec, &draft);
        }
    }

    #[test]
    fn arbitrary_drafts_render(which in 0usize..3, texts in prop::collection::vec(arbitrary_source(), 1..6), counts in prop::collection::vec(0usize..13, 1..6)) {
        let spec = spec_of(which);
        renders_without_panicking(&spec, &arbitrary_draft(&spec, &texts, &counts));
    }
}

#[test]
fn the_largest_numbers_do_not_overflow() {
    let text = "模板：大\n样式：附件1格式\n字数：不少于9999999字\n页数：不超过9999999页\n\
                一级 甲\n  重复：9999999\n  字数：约9999999字，浮动100%\n  二级 乙\n    重复：至少9999999项\n    三级 丙\n      重复：9999999\n      字数：不少于9999999字\n";
    let result = compile(&SourceFile::new("big.wg", text), &BuiltinStyles);
    assert!(result.has_errors(), "the budgets conflict");
}

/// A received file's page model on hostile numbers: a page of no height or
/// huge margins, grids of pitch 1, lines of exact 0, huge pictures, empty and
/// header-only tables, rows that may not split. Lays out without panicking
/// and ends, with at least one page.
fn hostile_file(numbers: &[i64], texts: &[String]) -> Vec<u8> {
    let n = |i: usize| numbers[i % numbers.len()];
    let text = |i: usize| texts[i % texts.len()].replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let rule = ["exact", "atLeast", "auto"];
    let mut doc = common::wordml::WordDoc::new().styles(&format!(
        r#"<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="{}"/><w:w w:val="{}"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:rPr><w:sz w:val="{}"/></w:rPr></w:style>"#,
        n(0),
        n(1),
        n(2)
    ));
    for i in 0..6 {
        let k = i * 7;
        doc = doc.xml(&format!(
            r#"<w:p><w:pPr><w:spacing w:before="{}" w:after="{}" w:line="{}" w:lineRule="{}"/><w:ind w:left="{}" w:firstLine="{}"/></w:pPr><w:r><w:rPr><w:sz w:val="{}"/><w:spacing w:val="{}"/></w:rPr><w:t>{}</w:t><w:br w:type="page"/><w:t>{}</w:t></w:r></w:p>"#,
            n(k),
            n(k + 1),
            n(k + 2),
            rule[(n(k + 3).unsigned_abs() % 3) as usize],
            n(k + 4),
            n(k + 5),
            n(k + 6),
            n(k + 7),
            text(i),
            text(i + 1)
        ));
        let rows: String = (0..(n(k) .unsigned_abs() % 4))
            .map(|r| {
                format!(
                    r#"<w:tr><w:trPr><w:trHeight w:val="{}" w:hRule="exact"/>{}{}</w:trPr><w:tc><w:tcPr><w:gridSpan w:val="{}"/></w:tcPr><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc></w:tr>"#,
                    n(k + r as usize),
                    if r == 0 { "<w:tblHeader/>" } else { "" },
                    if n(k + 2) % 2 == 0 { "<w:cantSplit/>" } else { "" },
                    n(k + 3),
                    text(i + r as usize)
                )
            })
            .collect();
        doc = doc.xml(&format!(
            r#"<w:tbl><w:tblPr><w:tblCellMar><w:top w:w="{}" w:type="dxa"/><w:left w:w="{}" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w="{}"/></w:tblGrid>{rows}</w:tbl>"#,
            n(k + 4),
            n(k + 5),
            n(k + 6)
        ));
        let rid = doc.media();
        doc = doc.xml(&format!(
            r#"<w:p><w:r><w:drawing><wp:inline><wp:extent cx="{}" cy="{}"/><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="{rid}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#,
            n(k).unsigned_abs(),
            n(k + 1).unsigned_abs()
        ));
        doc = doc.section_xml(&format!(
            r#"<w:sectPr><w:type w:val="{}"/><w:pgSz w:w="{}" w:h="{}"/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="0" w:footer="0" w:gutter="{}"/><w:docGrid w:type="{}" w:linePitch="{}" w:charSpace="{}"/></w:sectPr>"#,
            ["nextPage", "continuous", "evenPage", "oddPage"][(n(k).unsigned_abs() % 4) as usize],
            n(k + 1),
            n(k + 2),
            n(k + 3),
            n(k + 4),
            n(k + 5),
            n(k + 6),
            n(k + 7),
            ["lines", "linesAndChars", "snapToChars", "default"][(n(k + 1).unsigned_abs() % 4) as usize],
            n(k + 2),
            n(k + 3)
        ));
    }
    doc.build()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(100), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_received_files_own_pages_never_panic(
        numbers in prop::collection::vec(prop_oneof![Just(0i64), Just(1), Just(-1), Just(i64::from(i32::MAX)), Just(-i64::from(i32::MAX)), -100_000i64..1_000_000], 8..40),
        texts in prop::collection::vec(arbitrary_source(), 1..4),
    ) {
        let bytes = hostile_file(&numbers, &texts);
        if let Ok(formatting) = wengao::audit::format::read_docx(&bytes) {
            prop_assert!(wengao::audit::pages::own_pages(&formatting).count() >= 1);
        }
    }
}
