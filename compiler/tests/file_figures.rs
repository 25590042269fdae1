//! The received file's own figures (#36 item 2): 字数 is the whole file as
//! Word's 字数统计 counts it (body, tables, text boxes; not headers and
//! footers), whatever the template could place; 图片 every picture in the
//! file, inline or floating, in the body or a table. Before, both described
//! only what fitted the template: a 工作总结 checked as a 述职报告 showed a
//! fraction of its 字数 and no picture.

mod common;

use common::builtin_specs as specs;
use common::wordml::{paragraph, WordDoc};
use wengao::audit::batch::{self, Received};
use wengao::audit::Kind;

/// A 工作总结 as WPS saves it: its 字数 counted here by hand (Word's rule:
/// each Chinese character and full-width mark 1, each run of other characters 1).
fn work_summary() -> Vec<u8> {
    let mut doc = WordDoc::new()
        .text("二〇二六年工作总结") // 9
        .text("今年以来，我们坚持以习近平新时代中国特色社会主义思想为指导，全面加强党的建设。") // 39
        .picture(false)
        .text("2026年完成投资5.6万元，新建 Party 活动室3个。") // 19
        .picture(true)
        .table(&[&["项目", "完成情况"], &["党员培训", "120人次"]]) // 2 + 4 + 4 + 3
        .picture_in_table()
        .text_box("附：图片说明") // 6
        .picture(false)
        .picture(true);
    let footer = doc.footer(&paragraph("第一页 共三页"));
    let header = doc.header(&paragraph("中共某某区委组织部"));
    let refs = format!(r#"<w:headerReference w:type="default" r:id="{header}"/><w:footerReference w:type="default" r:id="{footer}"/>"#);
    doc.section(&refs, "", false).build()
}

#[test]
fn words_and_pictures_are_the_files_whatever_was_placed() {
    let file = Received { name: "工作总结.docx".into(), bytes: work_summary() };
    let row = batch::check_as(&file, &specs(), "党建工作述职报告");
    assert_eq!(row.unchecked, None);
    assert_eq!(row.words, 9 + 39 + 19 + 13 + 6);
    assert_eq!(row.pictures, 5);
    // The whole-text budget is judged on the file's own count.
    let words: Vec<&str> = row.findings.iter().filter(|f| f.kind == Kind::Words).map(|f| f.message.as_str()).collect();
    assert!(words.iter().any(|m| m.starts_with("全文86字，要求约3000字")), "{words:?}");
    // The parts keep what the template placed: none of this text is a 述职报告's part.
    assert!(row.parts.iter().all(|p| p.words == 0), "{:?}", row.parts);
}

/// Our own export: the file's count equals the form's (the desk and the form agree).
#[test]
fn our_export_counts_as_the_form_does() {
    let specs = specs();
    for (name, template) in [("述职报告", "党建工作述职报告"), ("创新案例", "基层党建创新案例")] {
        let spec = specs.iter().find(|s| s.name == template).unwrap();
        let draft = common::fixture_draft(name);
        let bytes = wengao::docx::render(spec, &draft, &Default::default());
        let row = batch::check(&Received { name: format!("{name}.docx"), bytes }, &specs);
        let form = wengao::review::budgets(spec, &draft)[0].words;
        assert_eq!(row.words, form, "{name}");
        let pictures = draft.to_json().matches("\"data\"").count();
        assert_eq!(row.pictures, pictures, "{name}");
        assert!(name != "创新案例" || pictures >= 2);
    }
}

/// A report of 560 字 (10 + 10 × 55) whose producer saved `properties` (docProps/app.xml).
fn saved_by(properties: &str) -> Vec<u8> {
    let body = "今年以来，我们坚持以习近平新时代中国特色社会主义思想为指导，全面加强党的建设，推动基层党组织全面进步全面过硬。".repeat(10);
    WordDoc::new().text("2026年党建工作述职报告").text(&body).app_properties(properties).build()
}

#[test]
fn the_page_count_word_or_wps_saved_is_the_files_when_its_counts_are() {
    let specs = specs();
    let check = |properties: &str| {
        let row = batch::check_as(&Received { name: "述职报告.docx".into(), bytes: saved_by(properties) }, &specs, "党建工作述职报告");
        assert_eq!(row.unchecked, None);
        (row.words, row.saved_pages, row.findings)
    };
    // WPS saved 8 pages with the file's own 字数: believed, and over the 6-page limit.
    let (words, saved, findings) =
        check(&format!("<Pages>8</Pages><Words>{}</Words><Application>WPS Office_11.1.0.11664</Application>", 10 + 550));
    assert_eq!(words, 10 + 550);
    let saved = saved.expect("a saved count");
    assert_eq!((saved.pages, saved.producer.as_str(), saved.fresh), (8, "WPS", true));
    assert_eq!(saved.describe(), "8页（WPS保存时记下的）");
    let over: Vec<_> = findings.iter().filter(|f| f.kind == Kind::Pages && f.message.starts_with("文件是8页")).collect();
    assert_eq!(over.len(), 1, "{findings:?}");
    // The file laid out in its own formatting is one page: said beside it.
    assert_eq!(over[0].message, "文件是8页（WPS保存时记下的），超过上限6页（按文件自己的格式排是1页）");
    // A file filled from a Word template keeps the template's figures: not believed, no finding.
    let (_, saved, findings) =
        check("<Pages>8</Pages><Words>160</Words><Characters>170</Characters><Application>Microsoft Office Word</Application>");
    let saved = saved.expect("a saved count");
    assert!(!saved.fresh);
    assert_eq!(saved.short(), "不可信（记着8页）");
    assert!(!findings.iter().any(|f| f.message.starts_with("文件是")), "{findings:?}");
    // No counts to check it by (python-docx writes none): not believed either.
    assert_eq!(check("<Pages>3</Pages>").1.map(|s| s.fresh), Some(false));
    // No app.xml pages at all: nothing said.
    assert_eq!(check("<Application>python-docx</Application>").1, None);
}
