//! Import: our own files read back into the same draft; files from other
//! producers (python-docx, committed by tests/fixtures/import/make.py; LibreOffice,
//! converted at test time) mapped paragraph by paragraph with exact 字 accounting;
//! and every kind of bad file refused with its reason.

mod common;

use std::io::Write;

use wengao::count::count;
use wengao::draft::{Draft, Item};
use wengao::import::{self, Accounting, ImportError};
use wengao::spec::FormSpec;

fn spec(name: &str) -> FormSpec {
    let file = wengao::builtin::TEMPLATES.iter().find(|t| t.name() == name).unwrap().source_file();
    wengao::compile(&file, &wengao::builtin::BuiltinStyles).spec.unwrap()
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(common::root().join(path)).unwrap()
}

fn balanced(a: &Accounting) {
    assert_eq!(a.read, a.placed + a.template + a.numbering + a.unplaced, "every 字 accounted for: {a:?}");
}

fn item<'d>(draft: &'d Draft, path: &[(&str, usize)]) -> &'d Item {
    let owned: Vec<(String, usize)> = path.iter().map(|(n, i)| (n.to_string(), *i)).collect();
    wengao::edit::item(draft, &owned).unwrap_or_else(|| panic!("no item at {path:?}"))
}

#[test]
fn our_own_files_come_back_as_the_same_draft() {
    for (template, draft_file) in
        [("述职报告", "述职报告-六页"), ("述职报告", "述职报告"), ("创新案例", "创新案例"), ("整改清单", "整改清单")]
    {
        let spec = spec(template);
        let text = String::from_utf8(fixture(&format!("tests/fixtures/drafts/{draft_file}.json"))).unwrap();
        let original = Draft::from_json(&text).unwrap();
        let docx = wengao::docx::render(&spec, &original, &wengao::docx::RenderOptions::default());
        let imported = import::docx(&spec, &docx).unwrap();
        balanced(&imported.accounting);
        assert_eq!(imported.accounting.unplaced, 0, "{draft_file}: {:?}", imported.draft.unplaced);
        // What the title lines hold comes back; a field they do not show (单位类型)
        // is left empty for the drafter to confirm, not set to the template's default.
        let shown: Vec<&String> = spec
            .lines
            .iter()
            .flat_map(|l| &l.text.pieces)
            .filter_map(|p| match p {
                wengao::spec::Piece::Field { field, .. } => Some(field),
                wengao::spec::Piece::Text { .. } => None,
            })
            .collect();
        let (read, unread): (Vec<_>, Vec<_>) = original.fields.keys().partition(|f| shown.contains(f));
        for f in &read {
            assert_eq!(imported.draft.fields.get(*f), original.fields.get(*f), "{draft_file}: field {f}");
        }
        let mut to_confirm: Vec<&String> = imported.unread_fields.iter().collect();
        to_confirm.sort();
        assert_eq!(to_confirm, unread, "{draft_file}: the fields to confirm");
        assert!(unread.iter().all(|f| !imported.draft.fields.contains_key(*f)), "{draft_file}: no default filled in");
        // Pictures come back with their bytes and captions; names are the package's.
        let strip = |d: &Draft| {
            let mut d = d.clone();
            fn walk(parts: &mut wengao::draft::Parts) {
                for item in parts.values_mut().flatten() {
                    for p in &mut item.pictures {
                        p.name.clear();
                    }
                    walk(&mut item.parts);
                }
            }
            walk(&mut d.body);
            d.body
        };
        assert_eq!(strip(&imported.draft), strip(&original), "{draft_file}: body");
    }
}

#[test]
fn ampersands_and_angle_brackets_next_to_chinese_come_back() {
    // An entity followed by Chinese once cut a character in two (“&amp;业务”).
    let spec = spec("述职报告");
    let mut draft = Draft::from_json(&String::from_utf8(fixture("tests/fixtures/drafts/述职报告.json")).unwrap()).unwrap();
    let texts = ["推动党建&业务融合发展，R&D投入", "a<b>c", "<img src=\"x\">2026年党建工作述职报告", "“党建>业务”&amp;"];
    draft.body.get_mut("导语").unwrap()[0].text = texts[0].into();
    let points = draft.body.get_mut("履职情况").unwrap()[0].parts.get_mut("履职方面").unwrap()[0].parts.get_mut("履职要点").unwrap();
    points[0].text = texts[1].into();
    points[1].lead = texts[2].into();
    points[2].text = texts[3].into();
    let docx = wengao::docx::render(&spec, &draft, &wengao::docx::RenderOptions::default());
    let imported = import::docx(&spec, &docx).unwrap();
    assert_eq!(item(&imported.draft, &[("导语", 0)]).text, texts[0]);
    let point = |i| item(&imported.draft, &[("履职情况", 0), ("履职方面", 0), ("履职要点", i)]).clone();
    assert_eq!(point(0).text, texts[1]);
    assert_eq!(point(1).lead, texts[2]);
    assert_eq!(point(2).text, texts[3]);
    assert_eq!(imported.draft.body, draft.body);
}

#[test]
fn python_docx_report_every_paragraph_in_its_place() {
    let spec = spec("述职报告");
    let imported = import::docx(&spec, &fixture("tests/fixtures/import/述职报告-python-docx.docx")).unwrap();
    let d = &imported.draft;
    let shown: Vec<String> = serde_json::from_slice(&fixture("tests/fixtures/import/述职报告-python-docx.expected.json")).unwrap();
    let a = &imported.accounting;
    assert_eq!(a.read, shown.iter().map(|t| count(t).words).sum::<usize>(), "read what Word shows");
    balanced(a);
    // Title lines → fields.
    assert_eq!(d.fields["年度"], "2025");
    assert_eq!(d.fields["单位"], "YY社区党委");
    assert_eq!(d.fields["姓名"], "李四");
    assert_eq!(d.fields["成文日期"], "2026年1月");
    // 单位类型 is in no title line: left empty and named, not set to its default.
    assert_eq!(imported.unread_fields, ["单位类型"]);
    assert!(!d.fields.contains_key("单位类型"));
    assert!(imported.summary(&spec).ends_with("；文件里没有1项基本信息，请确认：单位类型"), "{}", imported.summary(&spec));
    assert_eq!(item(d, &[("导语", 0)]).text, "根据区委统一安排，现将本人2025年履行抓基层党建工作第一责任人职责情况报告如下。");
    // Automatic 一、 numbering names the parts; （一） typed by hand starts sections.
    let s1 = [("履职情况", 0), ("履职方面", 0)];
    assert_eq!(item(d, &s1).title, "坚持以上率下，压实管党治党责任");
    let p = |i: usize| item(d, &[s1[0], s1[1], ("履职要点", i)]);
    assert_eq!((p(0).lead.as_str(), p(0).text.as_str()), ("带头履行第一责任人职责", "全年主持召开党委会专题研究党建工作10次。"));
    // Tracked change: the insertion kept, the deletion dropped.
    assert_eq!(p(1).text, "年内新建党群服务站3个。");
    // Field: the result, not the code.
    assert_eq!(p(2).text, "保障单位：YY社区，全年经费到位率100%。");
    assert_eq!(item(d, &[("履职情况", 0), ("履职方面", 1)]).title, "抓基层强基础，提升组织力");
    assert_eq!(item(d, &[("存在问题", 0), ("问题方面", 0), ("问题要点", 2)]).lead, "督促不够");
    assert_eq!(item(d, &[("下一步", 0), ("思路方面", 0), ("措施要点", 1)]).text, "修订议事规则。");
    // What fits nowhere, in order: a stray paragraph, the table's rows, the text box.
    assert_eq!(d.unplaced, ["本部分按区委组织部的提纲撰写。", "指标\t完成", "党员发展\t5名", "联系人：王五"]);
    assert_eq!(a.unplaced, d.unplaced.iter().map(|t| count(t).words).sum::<usize>());
    // One move puts an unplaced paragraph at the end of any text or point.
    let mut moved = d.clone();
    let targets = wengao::edit::text_targets(&spec, &moved);
    assert!(targets.iter().any(|(_, name)| name == "二、（一）三是 正文"), "{targets:?}");
    let (path, _) = targets.iter().find(|(_, name)| name == "导语").unwrap().clone();
    assert!(wengao::edit::place_loose(&mut moved, wengao::edit::Loose::Unplaced, 0, &path));
    assert_eq!(moved.unplaced.len(), 3);
    assert!(item(&moved, &[("导语", 0)]).text.ends_with("报告如下。\n本部分按区委组织部的提纲撰写。"));
    assert!(!wengao::edit::place_loose(&mut moved, wengao::edit::Loose::Unplaced, 3, &path), "no such paragraph");
}

#[test]
fn python_docx_case_pictures_with_captions() {
    let spec = spec("创新案例");
    let imported = import::docx(&spec, &fixture("tests/fixtures/import/创新案例-python-docx.docx")).unwrap();
    let d = &imported.draft;
    let shown: Vec<String> = serde_json::from_slice(&fixture("tests/fixtures/import/创新案例-python-docx.expected.json")).unwrap();
    assert_eq!(imported.accounting.read, shown.iter().map(|t| count(t).words).sum::<usize>());
    balanced(&imported.accounting);
    assert!(d.unplaced.is_empty(), "{:?}", d.unplaced);
    assert_eq!(d.fields["单位"], "ZZ街道党工委");
    assert_eq!(d.fields["亮点"], "“楼门党小组”把服务送到家门口");
    assert_eq!(item(d, &[("工作背景", 0), ("背景", 0)]).text, "辖区老旧小区12个，居民诉求多、响应慢，去年12345热线诉求1300余件。");
    assert_eq!(item(d, &[("主要举措", 0), ("举措方面", 1)]).title, "推行“接诉即办”");
    assert_eq!(item(d, &[("取得成效", 0), ("成效要点", 1)]).lead, "满意度提升");
    let pictures = &item(d, &[("配图", 0)]).pictures;
    assert_eq!(pictures.len(), 2);
    assert_eq!((pictures[0].width, pictures[0].height), (400, 300));
    assert_eq!(pictures[0].caption, "2025年6月，楼门党小组入户走访");
    assert_eq!(pictures[1].caption, "2025年9月，小区议事会现场");
}

#[test]
fn python_docx_table_by_header_text() {
    let spec = spec("整改清单");
    let imported = import::docx(&spec, &fixture("tests/fixtures/import/整改清单-python-docx.docx")).unwrap();
    balanced(&imported.accounting);
    let rows = &item(&imported.draft, &[("清单", 0)]).rows;
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["措施"], "每月检查一次会议记录");
    assert_eq!(rows[1]["责任人"], "赵六");
    assert_eq!(rows[1]["完成时限"], "2026年6月");
    // The title line does not match the template's (no 单位 in it): kept, not guessed.
    assert_eq!(imported.draft.unplaced, ["述职评议问题整改清单"]);
}

/// A report typed as plain text, made a .docx by LibreOffice: the same draft as
/// the text pasted whole.
#[test]
fn libreoffice_docx_equals_the_pasted_text() {
    if !common::libreoffice() {
        return;
    }
    let text = "2025年党建工作述职报告\nYY社区党委书记 李四\n（2026年1月）\n\u{3000}\u{3000}根据区委统一安排，报告如下。\n一、履职主要情况和特点\n（一）坚持以上率下\n一是带头履行职责。全年主持会议10次。\n二是抓好阵地。新建服务站3个。\n三是保障经费。到位率100%。\n二、存在的主要问题及原因\n（一）精力投入不均衡\n一是重业务。调研少。\n二是研究不深。新业态研究少。\n三是督促不够。检查走过场。\n三、下一步工作思路和措施\n（一）补短板\n一是建队伍。配齐党务工作者。\n二是完善制度。修订议事规则。\n三是加强督查。每季度一次。\n";
    let dir = std::env::temp_dir().join(format!("wengao-import-lo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let txt = dir.join("report.txt");
    std::fs::File::create(&txt).unwrap().write_all(text.as_bytes()).unwrap();
    let status = std::process::Command::new("soffice")
        .args([
            "--headless",
            &format!("-env:UserInstallation=file://{}/profile", dir.display()),
            "--infilter=Text (encoded):UTF8,LF,,,",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
        ])
        .arg(&dir)
        .arg(&txt)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let bytes = std::fs::read(dir.join("report.docx")).unwrap();
    let spec = spec("述职报告");
    let from_word = import::docx(&spec, &bytes).unwrap();
    let pasted = import::text(&spec, text);
    balanced(&from_word.accounting);
    assert_eq!(from_word.accounting, pasted.accounting);
    assert_eq!(from_word.draft, pasted.draft);
    assert!(pasted.draft.unplaced.is_empty(), "{:?}", pasted.draft.unplaced);
    assert_eq!(item(&pasted.draft, &[("存在问题", 0), ("问题方面", 0), ("问题要点", 1)]).lead, "研究不深");
    assert_eq!(pasted.accounting.read, text.lines().map(|l| count(l).words).sum::<usize>());
    std::fs::remove_dir_all(&dir).ok();
}

/// A zip of the given entries (stored or deflated), written by the zip crate.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut out);
    for (name, data) in entries {
        z.start_file(*name, zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated)).unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap();
    out.into_inner()
}

#[test]
fn bad_files_are_refused_with_their_reason() {
    let spec = spec("述职报告");
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let mut doc = ole.to_vec();
    doc.extend(vec![0; 600]);
    let mut encrypted = ole.to_vec();
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    let relationships = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let bomb_xml = vec![b' '; 80 << 20];
    let cases: Vec<(&str, Vec<u8>, ImportError)> = vec![
        (".doc", doc, ImportError::OldFormat),
        ("password", encrypted, ImportError::Encrypted),
        ("rtf", b"{\\rtf1\\ansi hello}".to_vec(), ImportError::Rtf),
        ("text", "一、履职情况".as_bytes().to_vec(), ImportError::NotDocx),
        ("empty", Vec::new(), ImportError::NotDocx),
        ("zip of photos", zip_of(&[("photo.jpg", b"not a photo")]), ImportError::NotWord),
        ("odt", zip_of(&[("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<a/>")]), ImportError::OpenDocument),
        ("traversal", zip_of(&[("../../evil.xml", b"<a/>")]), ImportError::UnsafeName("../../evil.xml".into())),
        (
            "broken xml",
            zip_of(&[("_rels/.rels", relationships), ("word/document.xml", b"<w:document><w:body><w:p>")]),
            ImportError::BrokenXml("word/document.xml".into()),
        ),
        ("zip bomb", zip_of(&[("_rels/.rels", relationships), ("word/document.xml", &bomb_xml)]), ImportError::TooLarge),
    ];
    for (what, bytes, expected) in cases {
        assert_eq!(import::docx(&spec, &bytes).unwrap_err(), expected, "{what}");
        let message = expected.to_string();
        assert!(!message.is_ascii() && !message.contains("Error"), "{what}: a plain Chinese message: {message}");
    }
    // A truncated package: damaged, not a panic.
    let good = fixture("tests/fixtures/import/创新案例-python-docx.docx");
    for cut in [100, good.len() / 2, good.len() - 10] {
        assert!(import::docx(&spec, &good[..cut]).is_err(), "cut at {cut}");
    }
}

mod never_panics {
    use proptest::prelude::*;

    use super::*;

    /// Real packages with bytes overwritten, cut or inserted: every result is a
    /// draft with balanced accounting or an error, never a panic.
    fn mutated(bytes: &[u8], edits: &[(usize, u8, u8)]) -> Vec<u8> {
        let mut out = bytes.to_vec();
        for &(at, value, kind) in edits {
            let at = at % out.len().max(1);
            match kind % 3 {
                0 => out[at] = value,
                1 => out.truncate(at.max(1)),
                _ => out.insert(at, value),
            }
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: common::cases(2_000), failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn mutated_packages(which in 0usize..3, edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..4)) {
            let (template, file) = [("述职报告", "述职报告"), ("创新案例", "创新案例"), ("整改清单", "整改清单")][which];
            let bytes = fixture(&format!("tests/fixtures/import/{file}-python-docx.docx"));
            if let Ok(imported) = import::docx(&spec(template), &mutated(&bytes, &edits)) {
                balanced(&imported.accounting);
            }
        }

        #[test]
        fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            let mut with_magic = b"PK\x03\x04".to_vec();
            with_magic.extend(&bytes);
            let _ = import::docx(&spec("述职报告"), &bytes);
            let _ = import::docx(&spec("述职报告"), &with_magic);
        }

        #[test]
        fn arbitrary_text(text in "(一、|（一）|一是|1\\.|\\n|[\u{3000} \t]|[甲乙丙。，]|\\PC){0,80}") {
            balanced(&import::text(&spec("述职报告"), &text).accounting);
        }
    }
}

/// Render → import gives back what the drafter typed, in the same places, for
/// text drawn from everything Word holds: `& < > " '` and text that looks like a
/// reference (“&amp;”, “&#x4E00;”) beside Chinese, emoji with modifiers and
/// joiners, combining marks, full-width forms, the neighbours of the surrogate
/// range, and the characters XML forbids (dropped on export, as
/// `xml::is_forbidden` says). Up to those and to spaces at either end, the
/// text comes back exactly.
mod round_trip {
    use proptest::prelude::*;
    use wengao::draft::Parts;
    use wengao::spec::{FieldKind, Node, NodeKind};

    use super::*;

    /// One line as a drafter types or pastes it. It starts with a word, as a
    /// sentence does: a line that starts with numbering (“一是”“1.”“（一）”) or
    /// with the punctuation after it (“，”“：”) is read as typed numbering by design.
    fn line() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[党建业务融合发展推动产学研一是。，、；：“”（）《》]{1,6}",
            Just("&".to_string()),
            Just("<".to_string()),
            Just(">".to_string()),
            Just("\"".to_string()),
            Just("'".to_string()),
            "&(amp|lt|gt|quot|apos|#x4E00|#38|bogus)?;?",
            "<[a-z]{1,4}( [a-z]=\"[^\"\n\r]{0,3}\")?/?>",
            "[a-zA-Z0-9%. ]{1,5}",
            "[😀👍🏽\u{1F3FB}\u{200D}👨👩👧]{1,4}",
            "[eа\u{0301}\u{0308}\u{20DD}\u{FE0F}]{1,3}",
            "[！-～　]{1,3}",
            "[\u{D7FF}\u{E000}\u{FFFD}\u{FFFC}\u{10FFFF}\u{F0000}]",
            "[\u{1}-\u{8}\u{B}\u{C}\u{E}-\u{1F}\u{FFFE}\u{FFFF}\u{202A}-\u{202E}\u{2066}-\u{2069}]",
            "\\PC{1,3}",
        ];
        ("[党建业务融合发展推动产学研]", prop::collection::vec(piece, 0..8)).prop_map(|(word, pieces)| word + &pieces.concat())
    }

    /// What export keeps of a line: no forbidden characters, no spaces at either end.
    fn kept(s: &str) -> String {
        wengao::xml::xml_safe(s).trim().to_string()
    }

    /// A 一是 lead before `text`: it prints as “一是…。”, and a full stop the
    /// drafter typed where the template would add one anyway is read back
    /// without it (and without spaces before it). Where the template adds none
    /// (after another mark, or one inside closing quotes: “……！。”, “……。”。”; before a text that goes on from the lead:
    /// “，全年……”) the lead comes back as typed.
    fn kept_lead(lead: &str, text: &str) -> String {
        let k = kept(lead);
        let Some(bare) = k.strip_suffix('。').map(str::trim_end) else { return k };
        let marks = "。！？；：….!?，、,;:—";
        let goes_on = "，、；：。！？…—）」』》”’,.;:!?)";
        // A closing quote or bracket closes over the mark before it (“……制度。”).
        let after_mark = bare.chars().rev().find(|c| !"”’）》」』".contains(*c)).is_none_or(|c| marks.contains(c));
        let text_goes_on = kept(text).chars().next().is_some_and(|c| goes_on.contains(c));
        if after_mark || text_goes_on {
            k
        } else {
            bare.to_string()
        }
    }

    /// Every text the drafter writes in `parts`, replaced from `lines` in turn
    /// (headings, leads, point and part texts, captions, text cells), with what
    /// import must give back for each.
    fn fill(nodes: &[Node], parts: &mut Parts, lines: &mut impl Iterator<Item = String>, expected: &mut Parts) {
        for node in nodes {
            let (Some(items), Some(wanted)) = (parts.get_mut(&node.id), expected.get_mut(&node.id)) else { continue };
            for (item, want) in items.iter_mut().zip(wanted.iter_mut()) {
                let mut next = |slot: &mut String, want: &mut String, rule: fn(&str) -> String| {
                    if let Some(line) = lines.next() {
                        *want = rule(&line);
                        *slot = line;
                    }
                };
                match &node.kind {
                    NodeKind::Heading { title: None, .. } => next(&mut item.title, &mut want.title, kept),
                    NodeKind::Point { lead: None } => {
                        // Leads that end in one mark or two, texts that go on from the lead
                        // (“**一是带头履行职责**，全年……”), picked by the lines' lengths.
                        if let (Some(lead), Some(text)) = (lines.next(), lines.next()) {
                            let lead = lead.clone() + ["", "。", "！。", "……。", "，"][lead.len() % 5];
                            let text = ["", "，", "；", "）", "。", ""][text.len() % 6].to_string() + &text;
                            want.lead = kept_lead(&lead, &text);
                            want.text = kept(&text);
                            (item.lead, item.text) = (lead, text);
                        }
                    }
                    NodeKind::Text { .. } => next(&mut item.text, &mut want.text, kept),
                    NodeKind::Pictures { .. } => {
                        for (p, w) in item.pictures.iter_mut().zip(want.pictures.iter_mut()) {
                            next(&mut p.caption, &mut w.caption, kept);
                        }
                    }
                    NodeKind::Table { columns, .. } => {
                        for (row, w) in item.rows.iter_mut().zip(want.rows.iter_mut()) {
                            for c in columns.iter().filter(|c| c.kind == FieldKind::Text) {
                                if let (Some(cell), Some(wc)) = (row.get_mut(&c.id), w.get_mut(&c.id)) {
                                    next(cell, wc, kept);
                                }
                            }
                        }
                    }
                    _ => {}
                }
                fill(&node.children, &mut item.parts, lines, &mut want.parts);
            }
        }
    }

    /// Every text of `parts` with where it is, and each picture's size in bytes:
    /// what the property compares (a failure then names the text that differs).
    fn texts(parts: &Parts, at: &str, out: &mut Vec<(String, String)>) {
        for (name, items) in parts {
            for (i, item) in items.iter().enumerate() {
                let here = format!("{at}/{name}[{i}]");
                for (what, text) in [("title", &item.title), ("lead", &item.lead), ("text", &item.text)] {
                    out.push((format!("{here}.{what}"), text.clone()));
                }
                for (k, p) in item.pictures.iter().enumerate() {
                    out.push((format!("{here}.picture[{k}]"), format!("{} bytes: {}", p.data.len(), p.caption)));
                }
                for (r, row) in item.rows.iter().enumerate() {
                    out.extend(row.iter().map(|(c, v)| (format!("{here}.row[{r}].{c}"), v.clone())));
                }
                texts(&item.parts, &here, out);
            }
        }
    }

    fn listed(parts: &Parts) -> Vec<(String, String)> {
        let mut out = Vec::new();
        texts(parts, "", &mut out);
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: common::cases(300), failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_text_round_trips(which in 0usize..2, lines in prop::collection::vec(line(), 40)) {
            let (template, file) = [("创新案例", "创新案例"), ("整改清单", "整改清单")][which];
            let spec = spec(template);
            let mut draft = Draft::from_json(&String::from_utf8(fixture(&format!("tests/fixtures/drafts/{file}.json"))).unwrap()).unwrap();
            let mut expected = draft.body.clone();
            fill(&spec.body, &mut draft.body, &mut lines.into_iter().cycle(), &mut expected);
            let docx = wengao::docx::render(&spec, &draft, &wengao::docx::RenderOptions::default());
            let imported = import::docx(&spec, &docx).unwrap();
            balanced(&imported.accounting);
            prop_assert!(imported.draft.unplaced.is_empty(), "{:?}", imported.draft.unplaced);
            let (got, wanted) = (listed(&imported.draft.body), listed(&expected));
            let differ: Vec<_> = wanted.iter().zip(&got).filter(|(w, g)| w != g).collect();
            prop_assert!(differ.is_empty() && got.len() == wanted.len(), "{differ:?}");
        }

        #[test]
        fn arbitrary_text_escapes_and_unescapes(text in "(&|;|#|x|[0-9a-f]|amp|lt|\\PC){0,40}") {
            prop_assert_eq!(wengao::xml::unescape(&wengao::xml::escape(&text)), text);
        }
    }
}

#[test]
fn items_beyond_the_template_s_limits_go_to_unplaced() {
    let spec = spec("述职报告");
    let mut draft = Draft::from_json(&String::from_utf8(fixture("tests/fixtures/drafts/述职报告.json")).unwrap()).unwrap();
    let points = &mut draft.body.get_mut("履职情况").unwrap()[0].parts.get_mut("履职方面").unwrap()[0].parts.get_mut("履职要点").unwrap();
    let first = points[0].clone();
    points.resize(5_000, Item { lead: "多出来的要点".into(), text: "多出来的正文".into(), ..first });
    let before: usize = wengao::document::assemble(&spec, &draft).counts().words;
    let moved = wengao::edit::clamp_repeats(&spec, &mut draft);
    assert_eq!(moved, 5_000 - 6, "the template allows 3 to 6 points");
    assert_eq!(item(&draft, &[("履职情况", 0), ("履职方面", 0)]).parts["履职要点"].len(), 6);
    assert_eq!(draft.unplaced.len(), (5_000 - 6) * 2, "each moved point's lead and text");
    let kept: usize =
        wengao::document::assemble(&spec, &draft).counts().words + draft.unplaced.iter().map(|t| count(t).words).sum::<usize>();
    // The moved points' numbering (五是……) and full stops are the template's.
    assert!(kept <= before && kept + (5_000 - 6) * 4 >= before, "the text is kept: {kept} of {before}");
    assert_eq!(wengao::edit::clamp_repeats(&spec, &mut draft), 0, "once is enough");
}

#[test]
fn parts_the_template_no_longer_has_are_kept_as_orphaned_text() {
    let old = spec("述职报告");
    let draft = Draft::from_json(&String::from_utf8(fixture("tests/fixtures/drafts/述职报告.json")).unwrap()).unwrap();
    // The template edited: 存在问题 renamed to 问题, 导语 removed, the field 姓名 renamed.
    let source = std::fs::read_to_string(common::root().join("templates/述职报告.wg")).unwrap();
    let edited =
        source.replace("一级 存在问题", "一级 问题").replace("文本 导语", "# 导语删掉了\n文本 开头语").replace("字段 姓名", "字段 书记");
    let edited = edited.replace("{姓名}", "{书记}");
    let compiled = wengao::compile(&wengao::SourceFile::new("述职报告.wg", edited), &wengao::builtin::BuiltinStyles);
    let diagnostics = compiled.render_diagnostics();
    let new = compiled.spec.unwrap_or_else(|| panic!("{diagnostics}"));
    let mut moved = draft.clone();
    let words = |d: &Draft, s: &FormSpec| wengao::document::assemble(s, d).counts().words;
    let taken = wengao::edit::orphan_parts(&new, &mut moved);
    assert_eq!(taken, 3, "存在问题, 导语 and the field 姓名");
    assert!(moved.orphaned.iter().any(|p| p.starts_with("【原“存在问题”】")));
    assert!(moved.orphaned.iter().any(|p| p.starts_with("【原“导语”】")));
    assert!(moved.orphaned.contains(&"【原字段“姓名”】张三".to_string()));
    // Nothing lost: what the old template showed is in the new form or the orphaned list.
    let kept = words(&moved, &new) + moved.orphaned.iter().map(|t| count(t).words).sum::<usize>();
    assert!(kept >= words(&draft, &old) - 60, "{kept} of {}", words(&draft, &old));
    assert_eq!(wengao::edit::orphan_parts(&old, &mut draft.clone()), 0, "an unchanged template takes nothing");
}

/// An imported file's pictures where the template has no picture slot are
/// kept as pictures, with their captions, in the draft's unplaced pictures
/// (#38 item 9; before: a line “（图片 image1.png 没有地方放）” and the picture
/// gone), in its draft file too; one moves into a template's picture slot, a
/// full slot refuses and keeps it; pictures beyond a slot's limit go there too.
#[test]
fn pictures_with_nowhere_to_go_are_kept_as_pictures() {
    let report = spec("述职报告");
    let imported = import::docx(&report, &fixture("tests/fixtures/import/创新案例-python-docx.docx")).unwrap();
    let d = &imported.draft;
    balanced(&imported.accounting);
    assert_eq!(d.unplaced_pictures.len(), 2);
    assert_eq!((d.unplaced_pictures[0].width, d.unplaced_pictures[0].height), (400, 300));
    assert_eq!(d.unplaced_pictures[0].caption, "2025年6月，楼门党小组入户走访");
    assert!(d.unplaced.iter().all(|u| !u.contains("没有地方放")), "{:?}", d.unplaced);
    assert_eq!(Draft::from_json(&d.to_json()).unwrap().unplaced_pictures, d.unplaced_pictures, "kept in the draft file");

    let case = spec("创新案例");
    let mut draft = Draft::new(&case);
    wengao::edit::fill_minimums(&case, &mut draft);
    draft.unplaced_pictures = d.unplaced_pictures.clone();
    let targets = wengao::edit::picture_targets(&case, &draft);
    let names: Vec<&str> = targets.iter().map(|(_, name, _)| name.as_str()).collect();
    assert_eq!(names, ["配图"]);
    let (path, _, max) = targets[0].clone();
    wengao::edit::place_loose_picture(&mut draft, 1, &path, max).unwrap();
    assert_eq!(item(&draft, &[("配图", 0)]).pictures[0].caption, "2025年9月，小区议事会现场");
    assert_eq!(draft.unplaced_pictures.len(), 1);
    assert!(wengao::edit::place_loose_picture(&mut draft, 0, &path, 1).unwrap_err().contains("已经满了"));
    assert_eq!(draft.unplaced_pictures.len(), 1, "a refused picture stays unplaced");

    let slot = &mut draft.body.get_mut("配图").unwrap()[0].pictures;
    let one = slot[0].clone();
    slot.resize(5, one);
    assert_eq!(wengao::edit::clamp_repeats(&case, &mut draft), 2, "the template takes 3 at most");
    assert_eq!((item(&draft, &[("配图", 0)]).pictures.len(), draft.unplaced_pictures.len()), (3, 3));
}
