//! Roles as a reader sees them (#36 item 4, first part): a paragraph's font,
//! size and bold by what most of its characters have (one “|” at another
//! size or a space in 宋体 decides nothing); “N段” counts paragraphs, not the
//! runs an edited paragraph is split into; a contents page's lines are 目录,
//! not headings; 正文 that is not 两端对齐 and 正文 in bold are said. Each case
//! is 合格.docx (python-docx, passing) with its document.xml edited the way a
//! real file differs.

mod common;

use common::builtin_specs as specs;
use common::received::zip_of;
use common::root;
use wengao::audit::batch::{self, Received};
use wengao::audit::Kind;

/// 合格.docx with `edit` applied to its document.xml (and `styles` to its styles.xml).
fn edited(edit: impl Fn(String) -> String, styles: impl Fn(String) -> String) -> Vec<u8> {
    let bytes = std::fs::read(root().join("tests/fixtures/audit/合格.docx")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut data).unwrap();
        let name = entry.name().to_string();
        let data = match name.as_str() {
            "word/document.xml" => edit(String::from_utf8(data).unwrap()).into_bytes(),
            "word/styles.xml" => styles(String::from_utf8(data).unwrap()).into_bytes(),
            _ => data,
        };
        files.push((name, data));
    }
    let named: Vec<(&str, &[u8])> = files.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
    zip_of(&named)
}

/// The format findings of a file checked as a 党建工作述职报告.
fn format_findings(bytes: Vec<u8>) -> Vec<String> {
    let row = batch::check_as(&Received { name: "报告.docx".into(), bytes }, &specs(), "党建工作述职报告");
    row.findings.iter().filter(|f| f.kind == Kind::Format).map(|f| format!("{}：{}", f.place, f.message)).collect()
}

const BODY_RUN: &str = r#"<w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312" w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="36"/></w:rPr><w:t>"#;

#[test]
fn the_unedited_file_passes() {
    assert_eq!(format_findings(edited(|d| d, |s| s)), Vec::<String>::new());
}

/// A body paragraph split at every few characters with a “|” at 四号 and a
/// space in 宋体 among them, as an edited file is: no finding.
#[test]
fn one_odd_run_decides_nothing() {
    let odd = r#"</w:t></w:r><w:r><w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">| </w:t></w:r>"#;
    let file = edited(|d| d.replacen("现将本人2026年", &format!("现将本人{odd}{BODY_RUN}2026年"), 1), |s| s);
    assert_eq!(format_findings(file), Vec::<String>::new());
}

/// Every run of two body paragraphs at 三号 (16 pt): “正文2段”, however many runs
/// (the first is split in three).
#[test]
fn paragraphs_are_counted_not_runs() {
    let file = edited(
        |d| {
            let split = format!("</w:t></w:r>{BODY_RUN}");
            let d = d.replacen("根据区委统一安排，", &format!("根据区委{split}统一安排，{split}"), 1);
            // The opening paragraph and the first point's text, at 16 pt.
            let d = d.replacen(r#"<w:sz w:val="36"/></w:rPr><w:t>根据区委"#, r#"<w:sz w:val="32"/></w:rPr><w:t>根据区委"#, 1);
            let d = d.replace(r#"<w:sz w:val="36"/></w:rPr><w:t>统一安排，"#, r#"<w:sz w:val="32"/></w:rPr><w:t>统一安排，"#);
            let d = d.replacen(r#"<w:sz w:val="36"/></w:rPr><w:t>现将本人"#, r#"<w:sz w:val="32"/></w:rPr><w:t>现将本人"#, 1);
            d.replacen(r#"<w:sz w:val="36"/></w:rPr><w:t>全年主持"#, r#"<w:sz w:val="32"/></w:rPr><w:t>全年主持"#, 1)
        },
        |s| s,
    );
    assert_eq!(format_findings(file), ["“根据区委统一安排，现将本人2……”：正文2段的字号是三号（16磅），应为小二（18磅）"]);
}

/// A contents page before the body: “目录” and its lines in toc styles
/// (“一、履职主要情况和特点……1”) are not checked as 一级标题.
#[test]
fn contents_lines_are_not_headings() {
    let toc = |text: &str| {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="TOC1"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="8300"/></w:tabs></w:pPr><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>{text}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>1</w:t></w:r></w:p>"#
        )
    };
    let contents = format!(
        r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>目  录</w:t></w:r></w:p>{}{}"#,
        toc("一、履职主要情况和特点"),
        toc("二、存在的主要问题及原因")
    );
    let styles = |s: String| {
        s.replacen(
            "</w:styles>",
            r#"<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/></w:style></w:styles>"#,
            1,
        )
    };
    // After the title block (title, subtitle, date: the first three paragraphs).
    let file = edited(
        |d| {
            let at = d.match_indices("</w:p>").nth(2).unwrap().0 + "</w:p>".len();
            format!("{}{contents}{}", &d[..at], &d[at..])
        },
        styles,
    );
    assert_eq!(format_findings(file.clone()), Vec::<String>::new());
    // The importer keeps them aside too: the report's parts are its own headings'.
    let spec = specs().into_iter().find(|s| s.name == "党建工作述职报告").unwrap();
    let imported = wengao::import::docx(&spec, &file).unwrap();
    assert_eq!(imported.draft.unplaced, ["目  录", "一、履职主要情况和特点\t1", "二、存在的主要问题及原因\t1"]);
}

/// 正文 left-aligned, and a 正文 paragraph all in bold: both said.
#[test]
fn body_alignment_and_stray_bold_are_checked() {
    let plain = r#"<w:jc w:val="both"/><w:spacing w:before="0" w:after="0" w:line="640" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="720"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312" w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="36"/></w:rPr><w:t>根据"#;
    let left_and_bold =
        plain.replace(r#"<w:jc w:val="both"/>"#, r#"<w:jc w:val="left"/>"#).replace(r#"<w:sz w:val="36"/>"#, r#"<w:b/><w:sz w:val="36"/>"#);
    let file = edited(|d| d.replacen(plain, &left_and_bold, 1), |s| s);
    assert_eq!(
        format_findings(file),
        [
            "“根据区委统一安排，现将本人2……”：正文的对齐是左对齐，应为两端对齐",
            "“根据区委统一安排，现将本人2……”：正文的字形是加粗，应为不加粗"
        ]
    );
}

const TITLE: &str = r#"<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:before="0" w:after="0" w:line="640" w:lineRule="exact"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="华文中宋" w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:b/><w:sz w:val="44"/></w:rPr><w:t>2026年党建工作述职报告</w:t></w:r></w:p>"#;

/// The row of 合格.docx with its title paragraph replaced by `title`.
fn with_title(title: &str) -> wengao::audit::summary::Summary {
    let bytes = edited(|d| d.replacen(TITLE, title, 1), |s| s);
    batch::check(&Received { name: "报告.docx".into(), bytes }, &specs())
}

/// A title over two centred paragraphs (“2026年党建工作” / “述职报告”): both are
/// the title, its 年度 is read, nothing is said (before: the second line was a
/// 副标题 in the wrong font and size).
#[test]
fn a_title_over_two_lines_is_one_title() {
    let two = TITLE.replace("2026年党建工作述职报告", "2026年党建工作") + &TITLE.replace("2026年党建工作述职报告", "述职报告");
    let row = with_title(&two);
    assert_eq!(row.template, "党建工作述职报告");
    let format: Vec<&str> = row.findings.iter().filter(|f| f.kind == Kind::Format).map(|f| f.message.as_str()).collect();
    assert_eq!(format, Vec::<&str>::new());
    let bytes = edited(|d| d.replacen(TITLE, &two, 1), |s| s);
    let spec = specs().into_iter().find(|s| s.name == "党建工作述职报告").unwrap();
    let imported = wengao::import::docx(&spec, &bytes).unwrap();
    assert_eq!(imported.draft.fields.get("年度").map(String::as_str), Some("2026"));
    assert!(imported.draft.unplaced.is_empty(), "{:?}", imported.draft.unplaced);
}

/// A title centred with typed spaces in a 两端对齐 paragraph, and one left at
/// the left: each is the title, said to be not centred (before: checked as 正文,
/// in the wrong font, size and weight, and the title lines after it as 正文 too).
#[test]
fn a_title_not_centred_is_still_the_title() {
    let spaced = TITLE.replace(r#"<w:jc w:val="center"/>"#, r#"<w:jc w:val="both"/>"#).replace(
        "<w:t>2026年党建工作述职报告</w:t>",
        "<w:t xml:space=\"preserve\">\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}2026年党建工作述职报告</w:t>",
    );
    let left = TITLE.replace(r#"<w:jc w:val="center"/>"#, r#"<w:jc w:val="left"/>"#);
    for (title, said) in [(spaced, "标题的对齐是两端对齐，应为居中"), (left, "标题的对齐是左对齐，应为居中")] {
        let row = with_title(&title);
        let format: Vec<&str> = row.findings.iter().filter(|f| f.kind == Kind::Format).map(|f| f.message.as_str()).collect();
        assert_eq!(format, [said]);
    }
}

/// A title the template does not match word for word (“2026年度…” for
/// “{年度}年…”) is not joined to the subtitle to make a 单位 of the two (its
/// 单位 stays unread, for the drafter to fill in); a
/// short 落款 set right at the end is no ragged 正文.
#[test]
fn a_near_title_reads_no_unit_and_a_right_aligned_sign_off_is_fine() {
    let near = TITLE.replace("2026年党建工作述职报告", "2026年度党建工作述职报告");
    let bytes = edited(|d| d.replacen(TITLE, &near, 1), |s| s);
    let spec = specs().into_iter().find(|s| s.name == "党建工作述职报告").unwrap();
    let imported = wengao::import::docx(&spec, &bytes).unwrap();
    // Not read at all (the title line stops the reading), rather than read wrong.
    let unit = imported.draft.fields.get("单位");
    assert!(unit.is_none_or(|u| !u.contains("述职报告")), "{unit:?}");
    let sign_off = r#"<w:p><w:pPr><w:jc w:val="right"/><w:spacing w:before="0" w:after="0" w:line="640" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="720"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312" w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="36"/></w:rPr><w:t>XX街道党工委</w:t></w:r></w:p>"#;
    let file = edited(|d| d.replacen("<w:sectPr", &format!("{sign_off}<w:sectPr"), 1), |s| s);
    assert_eq!(format_findings(file), Vec::<String>::new());
}

/// A byline set at the title's size and weight is still the 副标题, and said
/// to be in the title's font and size (only a line that carries the title's
/// words on is a second title line).
#[test]
fn a_byline_at_the_titles_size_is_the_subtitle() {
    let byline = r#"<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:before="0" w:after="0" w:line="640" w:lineRule="exact"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="楷体_GB2312" w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="36"/></w:rPr><w:t>XX街道党工委书记 张三</w:t></w:r></w:p>"#;
    let loud = byline.replace("楷体_GB2312", "华文中宋").replace(r#"<w:sz w:val="36"/>"#, r#"<w:b/><w:sz w:val="44"/>"#);
    let file = edited(|d| d.replacen(byline, &loud, 1), |s| s);
    assert_eq!(
        format_findings(file),
        [
            "“XX街道党工委书记 张三”：副标题的字体是“华文中宋”，应为“楷体_GB2312”",
            "“XX街道党工委书记 张三”：副标题的字号是二号（22磅），应为小二（18磅）",
            "“XX街道党工委书记 张三”：副标题的字形是加粗，应为不加粗"
        ]
    );
}

/// A report sent on an office's red-head paper (GB/T 9704): above the title
/// the 发文机关标志 in red, the 发文字号 with a red rule drawn as its bottom
/// border and another as a line shape; below the text the 版记 (抄送, 印发).
/// The parts are named as such, once each, as notes; the title under them is
/// the title (its 单位 and 姓名 read), and none of them is checked as 标题 or
/// 正文 or said to fit nowhere (before: the mark was the 标题, in the wrong
/// font and size, the title a 副标题, and the 版记 lines part of the last 一是).
#[test]
fn a_red_head_is_named_not_checked_as_title() {
    let mark = r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:color w:val="E60000"/><w:w w:val="80"/><w:sz w:val="96"/></w:rPr><w:t>中共XX街道工作委员会</w:t></w:r></w:p>"#;
    let number = r#"<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="18" w:space="6" w:color="FF0000"/></w:pBdr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">XX党发〔2027〕3号</w:t></w:r></w:p>"#;
    let line = r#"<w:p><w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="5615940" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="9" name="直接连接符 9"/><wp:cNvGraphicFramePr/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5615940" cy="0"/></a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="28575"><a:solidFill><a:srgbClr val="FF0000"/></a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>"#;
    let record = |text: &str| {
        format!(
            r#"<w:p><w:pPr><w:pBdr><w:top w:val="single" w:sz="8" w:space="1" w:color="000000"/></w:pBdr></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
        )
    };
    let records = record("抄送：区委组织部。") + &record("中共XX街道工作委员会办公室\u{3000}\u{3000}\u{3000}\u{3000}2027年2月10日印发");
    let bytes = edited(
        |d| d.replacen("<w:body>", &format!("<w:body>{mark}{number}{line}"), 1).replacen("<w:sectPr", &format!("{records}<w:sectPr"), 1),
        |s| s,
    );
    let row = batch::check(&Received { name: "报告.docx".into(), bytes: bytes.clone() }, &specs());
    assert_eq!(row.template, "党建工作述职报告");
    assert_eq!((row.unit.as_str(), row.person.as_str()), ("XX街道党工委", "张三"));
    // 合格.docx is 约9页 in the template's format (a note of its own), whatever its head.
    let said: Vec<String> = row
        .findings
        .iter()
        .filter(|f| f.kind != Kind::Pages)
        .map(|f| format!("{}｜{:?}｜{}：{}", f.kind.name(), f.severity, f.place, f.message))
        .collect();
    assert_eq!(
        said,
        [
            "格式｜Note｜版头：带公文版头（发文机关标志“中共XX街道工作委员会”、发文字号“XX党发〔2027〕3号”、红色分隔线）；模板的格式里没有版头，这几行没有按标题检查",
            "格式｜Note｜版记：带公文版记（抄送“抄送：区委组织部。”、印发机关和印发日期“中共XX街道工作委员会办公室　　　　2027年2月10日印发”）；模板的格式里没有版记，这几行没有按正文检查"
        ]
    );
    // The importer keeps the lines (nothing is lost) apart from the report's parts.
    let spec = specs().into_iter().find(|s| s.name == "党建工作述职报告").unwrap();
    let imported = wengao::import::docx(&spec, &bytes).unwrap();
    assert_eq!(
        imported.draft.unplaced,
        [
            "中共XX街道工作委员会",
            "XX党发〔2027〕3号",
            "抄送：区委组织部。",
            "中共XX街道工作委员会办公室\u{3000}\u{3000}\u{3000}\u{3000}2027年2月10日印发"
        ]
    );
    assert_eq!(imported.official.len(), 4);
}
