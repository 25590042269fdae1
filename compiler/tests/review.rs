//! The checklist shown before export: what it asks the drafter to look at, for
//! the example drafts and an empty one.

mod common;

use common::root;
use wengao::builtin::{BuiltinStyles, TEMPLATES};
use wengao::draft::Draft;
use wengao::review::problems;
use wengao::spec::FormSpec;

fn spec(name: &str) -> FormSpec {
    let t = TEMPLATES.iter().find(|t| t.name() == name).unwrap();
    wengao::compile(&t.source_file(), &BuiltinStyles).spec.unwrap()
}

fn fixture(name: &str) -> Draft {
    let text = std::fs::read_to_string(root().join("tests/fixtures/drafts").join(format!("{name}.json"))).unwrap();
    Draft::from_json(&text).unwrap()
}

fn messages(spec: &FormSpec, draft: &Draft) -> Vec<String> {
    let doc = wengao::document::assemble(spec, draft);
    let estimate = wengao::layout::estimate(&doc, &spec.style);
    let counts = wengao::review::counts_by_path(&doc);
    problems(spec, draft, &doc, &counts, &estimate).into_iter().map(|p| p.message).collect()
}

#[test]
fn a_report_written_to_every_budget_is_over_the_page_limit() {
    // Each part at its full budget lays out to 9 pages (LibreOffice agrees, see pages.rs).
    let m = messages(&spec("述职报告"), &fixture("述职报告"));
    let pages: Vec<_> = m.iter().filter(|m| m.starts_with("全文约")).collect();
    assert_eq!(pages.len(), 1, "{m:?}");
    assert!(pages[0].starts_with("全文约9页，上限6页：超出，约需删减"), "{}", pages[0]);
}

#[test]
fn a_report_cut_to_six_pages_has_no_page_problem() {
    let m = messages(&spec("述职报告"), &fixture("述职报告-六页"));
    assert!(!m.iter().any(|m| m.contains("页，上限")), "{m:?}");
}

#[test]
fn an_empty_report_asks_for_its_fields_and_parts() {
    let spec = spec("述职报告");
    let mut draft = Draft::new(&spec);
    wengao::edit::fill_minimums(&spec, &mut draft);
    let m = messages(&spec, &draft);
    for wanted in ["“书记姓名”还没有填", "“导语”还没有写", "“一、履职主要情况和特点”43字", "二、（二）里的“三是”还没有写"]
    {
        assert!(m.iter().any(|m| m.contains(wanted)), "{wanted} missing from {m:?}");
    }
    assert!(!m.iter().any(|m| m.contains("页，上限")), "an empty draft fits the page limit: {m:?}");
}
