//! 现场述职 slides (issue #22): each example draft's .pptx read back with the
//! test's own unzipper and XML reader — every heading and lead of the draft on
//! a slide in order, every paragraph in the notes in order, every picture
//! there; LibreOffice makes a page of every slide; the 问题 part's points.

mod common;

use common::package::{El, Package};
use common::{builtin_specs, fixture_draft, libreoffice};
use wengao::document::{self, Block};
use wengao::slides;
use wengao::spec::Role;

/// The texts (a:t) of a part, joined.
fn texts(el: &El) -> String {
    el.find_all("a:t").iter().map(|t| t.text.as_str()).collect()
}

/// Finds each of `wanted` in `text` after the one before; the first one missing.
fn in_order<'a>(text: &str, wanted: &'a [String]) -> Option<&'a String> {
    let mut at = 0;
    for w in wanted {
        match text[at..].find(w.as_str()) {
            Some(i) => at += i + w.len(),
            None => return Some(w),
        }
    }
    None
}

fn rendered(template: &str, name: &str) -> (Vec<u8>, Vec<String>, Vec<String>, usize) {
    let specs = builtin_specs();
    let spec = specs.iter().find(|s| s.name == template).unwrap();
    let draft = fixture_draft(name);
    let (doc, deck) = slides::of(spec, &draft);
    let bytes = slides::pptx::render(&doc, &deck, &spec.style, &Default::default());
    // What the test expects, from the assembled document itself.
    let mut on_slides = Vec::new();
    let mut paragraphs = Vec::new();
    for block in doc.blocks.iter().skip(doc.title_lines) {
        if let Block::Paragraph(p) = block {
            let text = p.text().trim().to_string();
            if matches!(p.role, Role::Heading1 | Role::Heading2) {
                on_slides.push(text.clone());
            } else if let Some(lead) = doc.lead(p) {
                on_slides.push(lead);
            }
            if !text.is_empty() {
                paragraphs.push(text);
            }
        }
    }
    let pictures = draft_pictures(&doc);
    if let Some(dir) = std::env::var_os("WENGAO_OUTPUT_DIR") {
        std::fs::write(std::path::Path::new(&dir).join(format!("{name}.pptx")), &bytes).unwrap();
    }
    (bytes, on_slides, paragraphs, pictures)
}

fn on_title(template: &str) -> String {
    match template {
        "党建工作述职报告" => "2026年党建工作述职报告XX街道党工委书记 张三".into(),
        _ => "XX街道党工委基层党建创新案例——“红色物业”".into(),
    }
}

fn draft_pictures(doc: &document::Document) -> usize {
    doc.blocks.iter().filter(|b| matches!(b, Block::Picture { .. })).count()
}

/// The package's slides in presentation order, and their notes.
fn slides_and_notes(package: &Package) -> (Vec<El>, Vec<El>) {
    let presentation = package.xml("ppt/presentation.xml");
    let rels = package.xml("ppt/_rels/presentation.xml.rels");
    let target =
        |id: &str| rels.find_all("Relationship").iter().find(|r| r.attr("Id") == Some(id)).unwrap().attr("Target").unwrap().to_string();
    let mut slides = Vec::new();
    let mut notes = Vec::new();
    for id in presentation.find_all("p:sldId") {
        let path = format!("ppt/{}", target(id.attr("r:id").unwrap()));
        let slide_rels = package.xml(&path.replace("slides/", "slides/_rels/").replace(".xml", ".xml.rels"));
        let notes_target = slide_rels
            .find_all("Relationship")
            .iter()
            .find(|r| r.attr("Type").unwrap().ends_with("/notesSlide"))
            .unwrap()
            .attr("Target")
            .unwrap()
            .to_string();
        slides.push(package.xml(&path));
        notes.push(package.xml(&format!("ppt/{}", notes_target.trim_start_matches("../"))));
    }
    (slides, notes)
}

#[test]
fn every_heading_and_lead_is_on_a_slide_and_every_paragraph_in_the_notes() {
    let mut pdfs = Vec::new();
    for (template, draft) in [("党建工作述职报告", "述职报告"), ("党建工作述职报告", "述职报告-六页"), ("基层党建创新案例", "创新案例")]
    {
        let (bytes, on_slides, paragraphs, pictures) = rendered(template, draft);
        let package = Package::open(&bytes);
        let (slides, notes) = slides_and_notes(&package);
        let slide_text: String = slides.iter().map(texts).collect();
        let notes_text: String = notes.iter().map(texts).collect();
        assert!(on_slides.len() > 5, "{draft}: the draft has headings and leads");
        assert_eq!(in_order(&slide_text, &on_slides), None, "{draft}: a heading or lead missing from the slides (or out of order)");
        assert_eq!(in_order(&notes_text, &paragraphs), None, "{draft}: a paragraph missing from the notes (or out of order)");
        // The title slide: the title and the date.
        let first = texts(&slides[0]);
        assert!(first.starts_with(&on_title(template)) && first.contains("2027年2月"), "{draft}: {first}");
        // Pictures: one slide each, its bytes in the package.
        let pics: usize = slides.iter().map(|s| s.find_all("p:pic").len()).sum();
        assert_eq!(pics, pictures, "{draft}: a slide per picture");
        assert_eq!(package.files.keys().filter(|k| k.starts_with("ppt/media/")).count(), pictures);
        // 16:9.
        let size = package.xml("ppt/presentation.xml").find_all("p:sldSz")[0].attr("cx").map(String::from);
        assert_eq!(size.as_deref(), Some("12192000"));
        pdfs.push((format!("{draft}.pptx"), bytes, slides.len()));
    }
    if libreoffice() {
        let files: Vec<(String, Vec<u8>)> = pdfs.iter().map(|(n, b, _)| (n.clone(), b.clone())).collect();
        for (pages, (name, _, slides)) in common::lay_out(&files).iter().zip(&pdfs) {
            assert_eq!(pages.len(), *slides, "{name}: LibreOffice makes a page of every slide");
        }
    }
}

#[test]
fn the_problems_part_gives_the_likely_questions() {
    let specs = builtin_specs();
    let spec = specs.iter().find(|s| s.name == "党建工作述职报告").unwrap();
    let draft = fixture_draft("述职报告");
    let doc = document::assemble(spec, &draft);
    let questions = slides::questions(&doc);
    assert_eq!(questions.len(), 6, "three points under each of two （一）");
    assert_eq!(questions[0].under, "（一）履行第一责任人职责还有差距");
    assert_eq!(questions[0].point, "一是抓党建的精力投入还不够均衡。");
    assert_eq!(questions[0].numbers, ["3项", "187家", "23家", "2次", "28个", "5个"]);
    // Every point is the report's own text.
    let text: String = doc.blocks.iter().filter_map(|b| if let Block::Paragraph(p) = b { Some(p.text()) } else { None }).collect();
    assert!(questions.iter().all(|q| text.contains(&q.point)));
}

#[test]
fn text_like_users_type_is_kept() {
    let specs = builtin_specs();
    let spec = specs.iter().find(|s| s.name == "党建工作述职报告").unwrap();
    let mut draft = fixture_draft("述职报告");
    draft.fields.insert("姓名".into(), "张<三> & “李四” 👍🏽\u{1}".into());
    let (doc, deck) = slides::of(spec, &draft);
    let package = Package::open(&slides::pptx::render(&doc, &deck, &spec.style, &Default::default()));
    let (slides, _) = slides_and_notes(&package);
    assert!(texts(&slides[0]).contains("张<三> & “李四” 👍🏽"), "{}", texts(&slides[0]));
}
