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
