//! The 摘要 (issue #20): within the template's budget, and every sentence of
//! it found in the report.

mod common;

use common::{builtin_specs, fixture_draft};
use wengao::document;
use wengao::extract::extract;
use wengao::spec::Role;

/// The sentences of a text: up to and with each 。；？！ (a heading is one).
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        current.push(c);
        if "。；？！".contains(c) {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.trim().is_empty() {
        out.push(current);
    }
    out
}

#[test]
fn each_example_reports_extract_is_within_budget_and_quotes_the_report() {
    let specs = builtin_specs();
    let spec = specs.iter().find(|s| s.name == "党建工作述职报告").unwrap();
    for name in ["述职报告", "述职报告-六页"] {
        let draft = fixture_draft(name);
        let e = extract(spec, &draft);
        let max = e.max_words.expect("the template declares 摘要：约600字");
        assert_eq!(max, 660);
        assert!(e.words <= max, "{name}: {} of {max}", e.words);
        let words: usize = e.paragraphs.iter().map(|p| wengao::count::words(&p.text)).sum();
        assert_eq!(words, e.words);
        let report: String = document::assemble(spec, &draft)
            .blocks
            .iter()
            .filter_map(|b| match b {
                document::Block::Paragraph(p) => Some(p.text()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n");
        for p in &e.paragraphs {
            for s in sentences(&p.text) {
                assert!(report.contains(&s), "{name}: “{s}” is not in the report");
            }
        }
        // The structure's order: the three parts' headings, each once, in order.
        let parts: Vec<&str> = e.paragraphs.iter().filter(|p| p.role == Role::Heading1).map(|p| p.text.as_str()).collect();
        assert_eq!(parts, ["一、履职主要情况和特点", "二、存在的主要问题及原因", "三、下一步工作思路和措施"], "{name}");
        assert!(e.paragraphs.iter().any(|p| p.role == Role::Body && p.text.starts_with("一是")), "{name}: leads");
        assert_eq!(e.title, "2026年党建工作述职报告");
        assert_eq!(e.byline, "XX街道党工委书记 张三");
    }
}

#[test]
fn a_tighter_budget_keeps_every_heading_and_the_first_leads() {
    let specs = builtin_specs();
    let mut spec = specs.iter().find(|s| s.name == "党建工作述职报告").unwrap().clone();
    spec.extract_budget = Some(wengao::values::budget("不超过300字").unwrap());
    let full = extract(&spec, &fixture_draft("述职报告"));
    assert!(full.words <= 300, "{}", full.words);
    let headings = full.paragraphs.iter().filter(|p| p.role != Role::Body).count();
    assert_eq!(headings, 3 + 6, "every part's and every （一）'s heading");
    // Leads go in by rank: every （一） has its 一是 before any has its 二是.
    let leads: Vec<&str> = full.paragraphs.iter().filter(|p| p.role == Role::Body).map(|p| p.text.as_str()).collect();
    let firsts = leads.iter().filter(|l| l.starts_with("一是")).count();
    assert!(leads.iter().any(|l| l.contains("二是")) <= (firsts == 6), "{leads:?}");
    assert!(full.notes.iter().any(|n| n.starts_with("为了不超过300字，")), "{:?}", full.notes);
}

#[test]
fn a_report_without_leads_says_so() {
    let specs = builtin_specs();
    let spec = specs.iter().find(|s| s.name == "党建工作述职报告").unwrap();
    let mut draft = fixture_draft("述职报告");
    fn drop_leads(parts: &mut wengao::draft::Parts) {
        for items in parts.values_mut() {
            for item in items.iter_mut() {
                item.lead.clear();
                drop_leads(&mut item.parts);
            }
        }
    }
    drop_leads(&mut draft.body);
    let e = extract(spec, &draft);
    assert!(e.paragraphs.iter().all(|p| p.role != Role::Body), "{:?}", e.paragraphs);
    assert_eq!(e.notes, ["这份报告没有“一是”式的要点句，摘要只有各级标题"]);
}

#[test]
fn the_extracts_docx_reads_back() {
    let specs = builtin_specs();
    let spec = specs.iter().find(|s| s.name == "党建工作述职报告").unwrap();
    let extracts: Vec<_> = ["述职报告", "述职报告-六页"].iter().map(|n| extract(spec, &fixture_draft(n))).collect();
    let bytes = wengao::docx::render_document(&wengao::extract::document(&extracts), &spec.style, &Default::default());
    common::package::assert_word_accepts(&bytes);
    let text = common::package::Package::open(&bytes).xml("word/document.xml").texts();
    assert_eq!(text.matches("2026年党建工作述职报告（摘要）").count(), 2);
    for e in &extracts {
        for p in &e.paragraphs {
            assert!(text.contains(&p.text), "{}", p.text);
        }
    }
}

#[test]
fn an_edited_extract_keeps_its_headings() {
    let specs = builtin_specs();
    let spec = specs.iter().find(|s| s.name == "党建工作述职报告").unwrap();
    let e = extract(spec, &fixture_draft("述职报告"));
    assert_eq!(e.edited(&e.text()), e, "unchanged text, the same 摘要");
    let text = e.text();
    let cut: Vec<&str> = text.lines().filter(|l| !l.starts_with("一是")).collect();
    let edited = e.edited(&format!("{}\n\n  ", cut.join("\n")));
    assert_eq!(edited.paragraphs.iter().filter(|p| p.role == Role::Heading1).count(), 3);
    assert_eq!(edited.paragraphs.iter().filter(|p| p.role == Role::Heading2).count(), 6);
    assert!(edited.words < e.words);
    assert_eq!(edited.words, edited.paragraphs.iter().map(|p| wengao::count::words(&p.text)).sum::<usize>());
}

/// A lead bold only up to its comma, as real files have it (“**一是带头履行
/// 第一责任人职责**，全年……”, #38 item 6): the report prints no full stop
/// before the comma, and the 摘要 quotes the whole sentence, not an invented one.
#[test]
fn a_lead_bold_up_to_its_comma_gets_no_invented_full_stop() {
    fn go_on(parts: &mut wengao::draft::Parts) {
        for item in parts.values_mut().flatten() {
            if !item.lead.is_empty() && !item.text.is_empty() {
                item.text = format!("，{}", item.text);
            }
            go_on(&mut item.parts);
        }
    }
    let specs = builtin_specs();
    let spec = specs.iter().find(|s| s.name == "党建工作述职报告").unwrap();
    let mut draft = fixture_draft("述职报告");
    go_on(&mut draft.body);
    let doc = document::assemble(spec, &draft);
    let report: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            document::Block::Paragraph(p) => Some(p.text()),
            _ => None,
        })
        .collect();
    let report = report.join("\n");
    assert!(report.contains("一是带头履行第一责任人职责，"), "{report}");
    assert!(!report.contains("。，"), "an invented full stop before a comma");
    let e = extract(spec, &draft);
    let leads: Vec<&str> = e.paragraphs.iter().filter(|p| p.role == Role::Body).map(|p| p.text.as_str()).collect();
    assert!(!leads.is_empty());
    for p in &leads {
        assert!(!p.contains("。，"), "{p}");
        for s in sentences(p) {
            assert!(report.contains(&s), "“{s}” is not in the report");
        }
    }
}

/// A lead ending inside quotation marks (“……落实“第一议题”。”) is a whole
/// sentence; a text that goes on from its lead is cut at its sentence's end,
/// with the closing mark, and never inside an ellipsis.
#[test]
fn a_leads_sentence_ends_where_its_marks_say() {
    let specs = builtin_specs();
    let spec = specs.iter().find(|s| s.name == "党建工作述职报告").unwrap();
    let mut draft = fixture_draft("述职报告");
    fn first_point(parts: &mut wengao::draft::Parts) -> Option<&mut wengao::draft::Item> {
        for item in parts.values_mut().flatten() {
            if !item.lead.is_empty() {
                return Some(item);
            }
            if let Some(found) = first_point(&mut item.parts) {
                return Some(found);
            }
        }
        None
    }
    let point = first_point(&mut draft.body).unwrap();
    point.lead = "带头落实“第一议题”制度。”".into();
    let doc = document::assemble(spec, &draft);
    let lead_with = |doc: &document::Document, words: &str| {
        doc.blocks
            .iter()
            .filter_map(|b| match b {
                document::Block::Paragraph(p) => doc.lead(p),
                _ => None,
            })
            .find(|l| l.contains(words))
    };
    let lead = lead_with(&doc, "第一议题");
    assert!(lead.as_deref().is_some_and(|l| l.ends_with("带头落实“第一议题”制度。”")), "{lead:?}");
    let point = first_point(&mut draft.body).unwrap();
    point.lead = "带头履行职责".into();
    point.text = "，全年研究……部署党建工作12次（含“三会一课”）。其余略。".into();
    let doc = document::assemble(spec, &draft);
    let lead = lead_with(&doc, "带头履行职责");
    assert!(lead.as_deref().is_some_and(|l| l.ends_with("带头履行职责，全年研究……部署党建工作12次（含“三会一课”）。")), "{lead:?}");
}
