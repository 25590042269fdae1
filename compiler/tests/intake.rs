//! The desk's intake (#36 item 1): every file the organization office
//! receives gets a row, one row each. Zips as a Chinese Windows writes them
//! (GBK names without the UTF-8 flag), folders with .doc, PDF and mail bodies
//! beside the reports, the same attachment sent twice, two reports of one unit.

mod common;

use common::builtin_specs as specs;
use common::received::{export_of, zip_of, zip_with, Names};
use wengao::audit::batch::{self, Received};
use wengao::audit::summary::Summary;
use wengao::audit::{Kind, Severity};

fn report(unit: &str) -> Vec<u8> {
    export_of("述职报告", "党建工作述职报告", unit, &specs())
}

fn case(unit: &str) -> Vec<u8> {
    export_of("创新案例", "基层党建创新案例", unit, &specs())
}

/// A verdict without its count of notes: 可以报送（1条提醒） → 可以报送
/// (our fixture report is a little long for 6 pages, a note).
fn verdict(r: &Summary) -> String {
    let v = r.verdict();
    if v.starts_with("可以报送") {
        "可以报送".into()
    } else {
        v
    }
}

/// Each row: (file, verdict, unit).
fn table(rows: &[Summary]) -> Vec<(String, String, String)> {
    rows.iter().map(|r| (r.file.clone(), verdict(r), r.unit.clone())).collect()
}

/// Two units' reports and cases in one zip, named the way a Chinese Windows
/// names them: both units, each file once, under its own name. Lossy UTF-8
/// made 东城街道 and 西城街道 one string and 西城 vanished.
#[test]
fn a_gbk_zip_of_two_units_gives_both_units() {
    let (east, west) = (report("东城街道党工委"), report("西城街道党工委"));
    let (east_case, west_case) = (case("东城街道党工委"), case("西城街道党工委"));
    let files: [(&str, &[u8]); 4] = [
        ("东城街道/述职报告.docx", &east),
        ("东城街道/创新案例.docx", &east_case),
        ("西城街道/述职报告.docx", &west),
        ("西城街道/创新案例.docx", &west_case),
    ];
    for names in [Names::Gbk, Names::GbkWithUnicodePath, Names::Utf8] {
        // 通知 in GBK (CD A8 D6 AA) is valid two-byte UTF-8 too: still read as GBK.
        let notice = zip_with(names, &[("通知.txt", "请各单位报送".as_bytes())]);
        let rows = batch::check_all(vec![Received { name: "通知.zip".into(), bytes: notice }], &specs());
        assert_eq!(rows[0].file, "通知.zip/通知.txt");
        let rows = batch::check_all(vec![Received { name: "材料.zip".into(), bytes: zip_with(names, &files) }], &specs());
        let expected = [
            ("材料.zip/东城街道/述职报告.docx", "可以报送", "东城街道党工委"),
            ("材料.zip/东城街道/创新案例.docx", "可以报送", "东城街道党工委"),
            ("材料.zip/西城街道/述职报告.docx", "可以报送", "西城街道党工委"),
            ("材料.zip/西城街道/创新案例.docx", "可以报送", "西城街道党工委"),
        ]
        .map(|(f, v, u)| (f.to_string(), v.to_string(), u.to_string()));
        assert_eq!(table(&rows), expected);
        // The desk finds a row's file again by its name (a recheck as another template).
        let zip = zip_with(names, &files);
        let found = batch::entry(Received { name: "材料.zip".into(), bytes: zip }, "材料.zip/西城街道/述职报告.docx").unwrap();
        assert_eq!(found.bytes, west);
    }
}

/// A GBK name whose second byte is 0x5C (the ASCII backslash) is a character,
/// not a path separator: the zip is opened, not refused as unsafe.
#[test]
fn a_gbk_name_with_a_backslash_byte_is_not_unsafe() {
    let name = "王俓述职报告.docx";
    assert!(encoding_rs::GBK.encode(name).0.contains(&b'\\'));
    for names in [Names::Gbk, Names::GbkWithUnicodePath] {
        let zip = zip_with(names, &[(name, &report("东城街道党工委")), ("说明.txt", "请查收".as_bytes())]);
        let rows = batch::check_all(vec![Received { name: "材料.zip".into(), bytes: zip }], &specs());
        assert_eq!(rows[0].file, format!("材料.zip/{name}"));
        assert_eq!(rows[0].unit, "东城街道党工委");
    }
    // A real backslash or a climb out of the folder still makes the zip suspect.
    for bad in ["..\\..\\述职报告.docx", "../述职报告.docx"] {
        let zip = zip_with(Names::Gbk, &[(bad, b"x")]);
        let rows = batch::check_all(vec![Received { name: "材料.zip".into(), bytes: zip }], &specs());
        assert_eq!(rows.len(), 1);
        assert!(rows[0].unchecked.as_deref().is_some_and(|r| r.contains("不安全的路径")), "{:?}", rows[0].unchecked);
    }
}

/// What an e-mail batch holds beside .docx files: every one a row with its
/// reason and what to do; the mail's body is no report, not an unreadable
/// one; what the computer made beside them (Word's ~$ lock files, macOS's
/// twins, Thumbs.db) is no file of the unit's.
#[test]
fn every_file_of_a_zip_gets_a_row_with_its_reason() {
    let ole = [&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..], &[0u8; 600]].concat();
    let good = report("东城街道党工委");
    let files: [(&str, &[u8]); 12] = [
        ("述职报告.docx", &good),
        ("创新案例.doc", &ole),
        ("创新案例.wps", &[&ole[..], b"wps"].concat()),
        ("述职报告.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"),
        ("扫描件.jpg", b"\xFF\xD8\xFF\xE0\0\x10JFIF\0"),
        ("材料.rar", b"Rar!\x1A\x07\x01\0"),
        ("邮件正文.txt", "各位领导：附件是我单位的述职报告，请查收。".as_bytes()),
        ("述职报告.mht", b"MIME-Version: 1.0\r\n"),
        ("~$职报告.docx", b"\x06lock"),
        ("Thumbs.db", &ole),
        ("__MACOSX/._述职报告.docx", b"\0\x05\x16\x07"),
        (".DS_Store", b"\0\0\0\x01Bud1"),
    ];
    let rows = batch::check_all(vec![Received { name: "附件.zip".into(), bytes: zip_with(Names::Gbk, &files) }], &specs());
    let verdicts: Vec<(&str, String)> = rows.iter().map(|r| (r.file.trim_start_matches("附件.zip/"), r.verdict())).collect();
    assert_eq!(
        verdicts,
        [
            ("述职报告.docx", "需要修改（1处）".to_string()),
            ("创新案例.doc", "读不了".into()),
            ("创新案例.wps", "读不了".into()),
            ("述职报告.pdf", "读不了".into()),
            ("扫描件.jpg", "读不了".into()),
            ("材料.rar", "读不了".into()),
            ("邮件正文.txt", "不是报告文件".into()),
            ("述职报告.mht", "读不了".into()),
        ]
    );
    let reason = |i: usize| rows[i].unchecked.clone().unwrap_or_default();
    assert!(reason(1).contains("Word 97-2003") && reason(1).contains("另存为"), "{}", reason(1));
    assert!(reason(3).contains("PDF") && reason(3).contains("Word 原文件"), "{}", reason(3));
    assert!(reason(4).contains("图片") && reason(4).contains("扫描件"), "{}", reason(4));
    assert!(reason(5).contains("RAR") && reason(5).contains("解压"), "{}", reason(5));
    assert!(reason(6).contains("不是报告文件"), "{}", reason(6));
    assert!(reason(7).contains("单个文件网页"), "{}", reason(7));
    // The one finding of the report: its case came as a .doc, so none was read.
    let must_fix: Vec<Kind> = rows[0].findings.iter().filter(|f| f.severity == Severity::MustFix).map(|f| f.kind).collect();
    assert_eq!(must_fix, [Kind::Set]);
    // The mail body stops nothing; the unreadable files do.
    assert!(rows[6].passes() && !rows[1].passes());
    assert_eq!(rows[6].revision_notes().lines().count(), 1);
}

/// The same attachment twice (`案例(1).docx` from a second download, or loose
/// and in the zip): checked once, the copy said and counted nowhere; a unit
/// that sent two different reports is told so.
#[test]
fn one_file_sent_twice_counts_once_and_two_reports_are_flagged() {
    let (east, east_case) = (report("东城街道党工委"), case("东城街道党工委"));
    let files = vec![
        Received { name: "东城/述职报告.docx".into(), bytes: east.clone() },
        Received { name: "东城/案例.docx".into(), bytes: east_case.clone() },
        Received { name: "东城/案例(1).docx".into(), bytes: east_case.clone() },
        Received { name: "东城.zip".into(), bytes: zip_of(&[("述职报告.docx", &east)]) },
    ];
    let rows = batch::check_all(files, &specs());
    let verdicts: Vec<(&str, String, Option<&str>)> =
        rows.iter().map(|r| (r.file.as_str(), verdict(r), r.duplicate_of.as_deref())).collect();
    assert_eq!(
        verdicts,
        [
            ("东城/述职报告.docx", "可以报送".to_string(), None),
            ("东城/案例.docx", "可以报送".into(), None),
            ("东城/案例(1).docx", "重复，不计".into(), Some("东城/案例.docx")),
            ("东城.zip/述职报告.docx", "重复，不计".into(), Some("东城/述职报告.docx")),
        ]
    );
    assert_eq!(rows[0].pairing, "基层党建创新案例1篇");
    assert!(rows[2].revision_notes().contains("和“东城/案例.docx”是同一个文件"));

    // Two different reports of one unit (a first and a second version): both
    // flagged for the clerk to weigh (a note: each may pass on its own).
    let mut second = common::fixture_draft("述职报告");
    second.fields.insert("单位".into(), "东城街道党工委".into());
    second.fields.insert("姓名".into(), "另一人".into());
    let spec = specs().into_iter().find(|s| s.name == "党建工作述职报告").unwrap();
    let other = wengao::docx::render(&spec, &second, &Default::default());
    let files = vec![
        Received { name: "述职报告.docx".into(), bytes: east },
        Received { name: "述职报告（修改稿）.docx".into(), bytes: other },
        Received { name: "案例.docx".into(), bytes: east_case },
    ];
    let rows = batch::check_all(files, &specs());
    for r in &rows[..2] {
        let set: Vec<&str> = r.findings.iter().filter(|f| f.kind == Kind::Set).map(|f| f.message.as_str()).collect();
        assert_eq!(
            set,
            ["这一批里有东城街道党工委的党建工作述职报告2份，每个单位应只有一份（核对是不是发了两个版本，或者单位名称写错了）"]
        );
    }
    assert!(rows[2].passes());
    assert!(rows[0].passes() && rows[1].passes());
}

/// `wengao audit FOLDER`: a folder of four files gives four rows, whatever
/// they are; Word's lock file beside them is none of the unit's.
#[test]
fn a_folder_of_four_files_gives_four_rows() {
    let dir = std::env::temp_dir().join(format!("wengao-intake-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("东城")).unwrap();
    let ole = [&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..], &[0u8; 600]].concat();
    std::fs::write(dir.join("东城/述职报告.docx"), report("东城街道党工委")).unwrap();
    std::fs::write(dir.join("东城/创新案例.doc"), &ole).unwrap();
    std::fs::write(dir.join("西城述职报告.pdf"), b"%PDF-1.4\n").unwrap();
    std::fs::write(dir.join("邮件正文.txt"), "请查收").unwrap();
    std::fs::write(dir.join("~$城述职报告.docx"), b"\x06lock").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wengao")).arg("audit").arg(&dir).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let table: Vec<&str> = stdout.lines().take_while(|l| !l.is_empty()).collect();
    assert_eq!(table.len(), 5, "{stdout}");
    let file_of = |l: &str| l.split_whitespace().next().unwrap_or_default().to_string();
    let files: Vec<String> = table[1..].iter().map(|l| file_of(l)).collect();
    assert_eq!(files, ["创新案例.doc", "述职报告.docx", "西城述职报告.pdf", "邮件正文.txt"]);
    assert!(table[1].ends_with("读不了") && table[3].ends_with("读不了") && table[4].ends_with("不是报告文件"), "{stdout}");
    assert_eq!(out.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}

/// What one file may cost is bounded (#38 item 10): a package whose
/// document.xml is past the limit (a 2 MB .docx can hold 60 MB of it, which
/// took 16 s and 1.4 GB) gets its reason without being parsed, and the batch
/// goes on.
#[test]
fn an_oversized_document_part_is_refused_and_the_batch_goes_on() {
    use common::wordml::WordDoc;
    let line = "今年以来，我们坚持以习近平新时代中国特色社会主义思想为指导，全面加强党的建设。";
    let huge = (0..10_000).fold(WordDoc::new(), |d, _| d.text(line)).build();
    assert!((13 << 20..64 << 20).contains(&huge.len()), "{} bytes: past the XML limit, within the old entry limit", huge.len());
    let files = vec![
        Received { name: "巨大.docx".into(), bytes: huge },
        Received { name: "述职报告.docx".into(), bytes: report("东城街道党工委") },
    ];
    let rows = batch::check_all(files, &specs());
    assert_eq!(rows[0].verdict(), "读不了");
    assert!(rows[0].unchecked.as_deref().is_some_and(|r| r.contains("大得不正常")), "{:?}", rows[0].unchecked);
    assert_eq!(rows[1].unit, "东城街道党工委");
}
