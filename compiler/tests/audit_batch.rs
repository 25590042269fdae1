//! The desk's batches (审核台): files as they come in e-mail (zips, bad files
//! among them, the app's draft files), a unit's report with the cases sent with
//! it, a file checked again as the template the clerk chooses, the workbook and
//! the 修改意见 as a Word file, each read back.

mod common;

use common::received::{export_of, zip_of};
use common::{fixture_draft, root};
use wengao::audit::batch::{self, Received};
use wengao::audit::summary::Summary;
use wengao::audit::{self, Severity};
use wengao::docx::RenderOptions;

use common::builtin_specs as specs;

/// A row's findings, one a line.
fn listing(r: &Summary) -> String {
    r.findings
        .iter()
        .map(|f| format!("[{}] {}{}\n", f.kind.name(), if f.severity == Severity::Note { "（提醒）" } else { "" }, f.message))
        .collect()
}

/// A zip of e-mail attachments with unreadable files among them: each bad file
/// gets its reason in its own row, the others are checked as alone.
#[test]
fn a_bad_file_spoils_only_its_own_row() {
    let good = std::fs::read(root().join("tests/fixtures/audit/合格.docx")).unwrap();
    let ole = [&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..], &[0u8; 600]].concat();
    let zip = zip_of(&[("述职报告.docx", &good), ("旧格式.doc", &ole), ("说明.txt", "请查收".as_bytes())]);
    let files = vec![
        Received { name: "附件.zip".into(), bytes: zip },
        Received { name: "空.docx".into(), bytes: Vec::new() },
        Received { name: "合格.docx".into(), bytes: good.clone() },
        Received {
            name: "案例.docx".into(), bytes: export_of("创新案例", "基层党建创新案例", "XX街道党工委", &specs())
        },
    ];
    let rows = batch::check_all(files, &specs());
    let names: Vec<&str> = rows.iter().map(|r| r.file.as_str()).collect();
    assert_eq!(names, ["附件.zip/述职报告.docx", "附件.zip/旧格式.doc", "附件.zip/说明.txt", "空.docx", "合格.docx", "案例.docx"]);
    assert!(rows[0].passes());
    assert!(rows[1].unchecked.as_ref().is_some_and(|e| e.contains("Word 97-2003")), "{:?}", rows[1].unchecked);
    assert_eq!(rows[2].verdict(), "不是报告文件");
    assert!(rows[3].unchecked.is_some());
    assert!(rows[4].passes());
    assert_eq!(rows[1].verdict(), "读不了");
}

#[test]
fn the_workbook_reads_back_with_a_real_reader() {
    use calamine::{Data, Reader, Xlsx};
    let dir = root().join("tests/fixtures/audit");
    let files: Vec<Received> = ["合格", "格式错误", "内容不全"]
        .iter()
        .map(|n| Received { name: format!("{n}.docx"), bytes: std::fs::read(dir.join(format!("{n}.docx"))).unwrap() })
        .chain([
            Received {
                name: "案例.docx".into(), bytes: export_of("创新案例", "基层党建创新案例", "XX街道党工委", &specs())
            },
            Received { name: "坏文件.docx".into(), bytes: b"not a zip".to_vec() },
            Received {
                name: "会议纪要.docx".into(),
                bytes: std::fs::read(root().join("tests/fixtures/recognition/会议纪要-1.docx")).unwrap(),
            },
        ])
        .collect();
    let rows = batch::check_all(files, &specs());
    let bytes = audit::workbook::write(&rows).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), ["审核表", "问题"]);
    let table = book.worksheet_range("审核表").unwrap();
    let cell = |r: usize, name: &str| {
        let c = audit::workbook::COLUMNS.iter().position(|c| *c == name).unwrap();
        table.get((r, c)).cloned().unwrap_or(Data::Empty)
    };
    assert_eq!(table.height(), 7);
    assert_eq!(cell(0, "结论"), Data::String("结论".into()));
    assert_eq!(cell(1, "文件"), Data::String("合格.docx".into()));
    assert_eq!(cell(1, "结论"), Data::String("可以报送".into()));
    assert_eq!(cell(1, "字数"), Data::Float(3086.0));
    assert_eq!(cell(1, "单位"), Data::String("XX街道党工委".into()));
    assert_eq!(cell(1, "配套"), Data::String("基层党建创新案例1篇".into()));
    assert_eq!(cell(2, "结论"), Data::String("需要修改".into()));
    assert_eq!(cell(4, "配套"), Data::String("随党建工作述职报告".into()));
    assert_eq!(cell(5, "结论"), Data::String("读不了".into()));
    assert!(matches!(cell(5, "没有检查的原因"), Data::String(s) if s.contains("不是 Word 文档")));
    // A file that is no report keeps its own pages: the clerk sees how long it is.
    assert_eq!(cell(6, "结论"), Data::String("未识别".into()));
    assert_eq!(cell(6, "页数"), Data::Float(f64::from(rows[5].own_pages.unwrap())));
    let findings = book.worksheet_range("问题").unwrap();
    let total: usize = rows.iter().map(|r| r.findings.len().max(usize::from(r.unchecked.is_some() || r.unrecognised.is_some()))).sum();
    assert_eq!(findings.height(), total + 1);
    let wrong_rows = findings.rows().filter(|r| r[0] == Data::String("格式错误.docx".into())).count();
    assert_eq!(wrong_rows, rows[1].findings.len());
}

/// A unit's report and the cases sent with it (创新案例.wg: `随附：党建工作述职报告，1至2篇`):
/// one or two pass, none or three is a finding on the report, a case whose 单位
/// has no report is one on the case; 中共 and spaces do not make another unit.
#[test]
fn a_units_report_goes_with_one_or_two_cases() {
    let specs = specs();
    let report = |unit: &str| export_of("述职报告", "党建工作述职报告", unit, &specs);
    let case = |unit: &str| export_of("创新案例", "基层党建创新案例", unit, &specs);
    let files = [
        ("甲/述职报告.docx", report("甲街道党工委")),
        ("甲/案例一.docx", case("中共甲街道党工委")),
        ("乙/述职报告.docx", report("乙社区党委")),
        ("乙/案例一.docx", case("乙社区党委")),
        ("乙/案例二.docx", case("乙社区 党委")),
        ("乙/案例三.docx", case("中共乙社区党委")),
        ("丙/述职报告.docx", report("丙党委")),
        ("丁/案例.docx", case("丁党委")),
    ];
    // The three cases of 乙 differ in their 单位's spelling only: distinct files, one unit.
    let rows = batch::check_all(files.into_iter().map(|(name, bytes)| Received { name: name.into(), bytes }).collect(), &specs);
    let set: Vec<(String, String, Vec<String>)> = rows
        .iter()
        .map(|r| {
            let found = r.findings.iter().filter(|f| f.kind == audit::Kind::Set).map(|f| f.message.clone()).collect();
            (r.file.clone(), r.pairing.clone(), found)
        })
        .collect();
    let expected = [
        ("甲/述职报告.docx", "基层党建创新案例1篇", vec![]),
        ("甲/案例一.docx", "随党建工作述职报告", vec![]),
        ("乙/述职报告.docx", "基层党建创新案例3篇", vec!["乙社区党委的基层党建创新案例有3篇，要求1至2篇"]),
        ("乙/案例一.docx", "随党建工作述职报告", vec![]),
        ("乙/案例二.docx", "随党建工作述职报告", vec![]),
        ("乙/案例三.docx", "随党建工作述职报告", vec![]),
        ("丙/述职报告.docx", "基层党建创新案例0篇", vec!["这一批里没有丙党委的基层党建创新案例（每份党建工作述职报告要随附1至2篇）"]),
        (
            "丁/案例.docx",
            "没有对应的报告",
            vec!["这一批里没有丁党委的党建工作述职报告，这篇基层党建创新案例对不上报告（核对单位名称是否写得一致）"],
        ),
    ];
    let expected: Vec<(String, String, Vec<String>)> =
        expected.into_iter().map(|(f, p, m)| (f.into(), p.into(), m.into_iter().map(String::from).collect())).collect();
    assert_eq!(set, expected);
    assert!(rows[0].passes() && rows[1].passes(), "{}", listing(&rows[0]));
    assert!(!rows[2].passes() && !rows[6].passes() && !rows[7].passes());
    // Related again when the batch changes: 乙's third case taken out, 乙 passes.
    let mut rows = rows;
    rows.remove(5);
    audit::group::relate(&mut rows);
    assert!(rows[2].passes(), "{}", listing(&rows[2]));
    assert_eq!(rows[2].pairing, "基层党建创新案例2篇");
}

/// The app's draft files come in beside Word files: each is checked as the
/// Word file it makes; a draft of a template the desk lacks, or a JSON file
/// that is no draft, gets its reason.
#[test]
fn draft_files_are_checked_as_the_word_files_they_make() {
    let specs = specs();
    let json = |name: &str| std::fs::read(root().join(format!("tests/fixtures/drafts/{name}.json"))).unwrap();
    let mut foreign = fixture_draft("创新案例");
    foreign.template = "别的模板".into();
    let files = vec![
        Received { name: "述职报告.json".into(), bytes: json("述职报告") },
        Received { name: "创新案例.json".into(), bytes: [&b"\xEF\xBB\xBF\n "[..], &json("创新案例")].concat() },
        Received { name: "别的.json".into(), bytes: foreign.to_json().into_bytes() },
        Received { name: "数据.json".into(), bytes: br#"{"a": 1}"#.to_vec() },
    ];
    let rows = batch::check_all(files, &specs);
    assert_eq!(rows[0].template, "党建工作述职报告");
    assert_eq!(rows[0].words, 3086, "{}", listing(&rows[0]));
    assert!(rows[0].passes() && rows[1].passes(), "{}{}", listing(&rows[0]), listing(&rows[1]));
    assert_eq!(rows[1].pairing, "随党建工作述职报告");
    assert_eq!(rows[2].unchecked.as_deref(), Some("这是“别的模板”的草稿文件，审核台没有这个模板"));
    assert!(rows[3].unchecked.as_ref().is_some_and(|e| e.contains("草稿")), "{:?}", rows[3].unchecked);
}

/// A file recognised as the wrong template is checked again as the one the
/// clerk chooses, found inside its zip by its row's name.
#[test]
fn a_file_is_checked_again_as_the_template_chosen() {
    let specs = specs();
    let report = std::fs::read(root().join("tests/fixtures/audit/合格.docx")).unwrap();
    let zip = Received { name: "附件.zip".into(), bytes: zip_of(&[("说明.txt", b"x"), ("述职报告.docx", &report)]) };
    let file = batch::entry(zip.clone(), "附件.zip/述职报告.docx").expect("the entry in the zip");
    assert_eq!(file.bytes, report);
    assert!(batch::entry(zip, "附件.zip/别的.docx").is_none());
    let row = batch::check_as(&file, &specs, "基层党建创新案例");
    assert!(row.chosen);
    assert_eq!(row.template, "基层党建创新案例");
    assert_eq!(row.goes_with.as_deref(), Some("党建工作述职报告"));
    assert!(!row.passes(), "a report is no case");
    let again = batch::check_as(&file, &specs, "党建工作述职报告");
    assert_eq!(again.findings, batch::check(&file, &specs).findings);
    assert_eq!(batch::check_as(&file, &specs, "没有的模板").unchecked.as_deref(), Some("没有“没有的模板”这个模板"));
}

/// The 修改意见 as a Word file: its paragraphs are the lines the desk copies
/// (the first as the title), in the template's style sheet; Word opens it.
#[test]
fn the_revision_notes_docx_holds_the_copied_lines() {
    let specs = specs();
    let bytes = std::fs::read(root().join("tests/fixtures/audit/格式错误.docx")).unwrap();
    let row = batch::check(&Received { name: "格式错误.docx".into(), bytes }, &specs);
    let spec = specs.iter().find(|s| s.name == row.template).unwrap();
    let docx = audit::notes::docx(&row, &spec.style, &RenderOptions::default());
    common::package::assert_word_accepts(&docx);
    let read = wengao::import::read_docx(&docx).unwrap();
    let paragraphs: Vec<String> = read
        .blocks
        .iter()
        .filter_map(|b| match b {
            wengao::import::WordBlock::Paragraph(p) => Some(p.text.clone()),
            _ => None,
        })
        .collect();
    let notes = row.revision_notes();
    let mut lines: Vec<String> = notes.lines().map(String::from).collect();
    lines[0] = lines[0].trim_end_matches('：').to_string();
    assert_eq!(paragraphs, lines);
    assert!(lines.len() > 3, "{notes}");
    assert_eq!(audit::notes::file_name(&row, false), "XX街道党工委党建工作述职报告修改意见.docx");
    assert_eq!(
        audit::notes::file_name(&row, true),
        format!("XX街道党工委党建工作述职报告修改意见（{}）.docx", row.file.trim_end_matches(".docx"))
    );
    let unnamed = Summary::of("收件/a:b.docx", &Err("读不了".into()));
    assert_eq!(audit::notes::file_name(&unnamed, true), "a_b修改意见.docx");
}

/// A draft file with paragraphs in 未归类 (#38 item 5): the desk says them as
/// it does a Word file's, and the 汇编 says it leaves them out (before: both
/// silent, the paragraphs gone).
#[test]
fn a_draft_files_unplaced_paragraphs_are_said() {
    let specs = specs();
    let mut draft = fixture_draft("述职报告");
    draft.unplaced = vec!["附：本单位2026年党建工作大事记（共12项）".into(), "另：联系人王五，电话略".into()];
    let bytes = draft.to_json().into_bytes();
    let row = batch::check(&Received { name: "述职报告.json".into(), bytes: bytes.clone() }, &specs);
    assert_eq!(row.unplaced, 2);
    let found: Vec<String> =
        row.findings.iter().filter(|f| f.kind == audit::Kind::Structure).map(|f| format!("{}：{}", f.place, f.message)).collect();
    assert_eq!(found, ["“附：本单位2026年党建工作……”：2段放不进模板的任何部分（不是模板要求的内容，或者标题、编号和模板的对不上）"]);
    assert!(!row.passes());
    let (_, problems) = wengao::booklet::read("述职报告.json", &bytes, &specs, None).unwrap();
    assert_eq!(problems, ["2段放不进模板的任何部分，汇编里没有它们"]);
}
