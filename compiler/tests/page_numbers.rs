//! Page numbers read as Word and WPS show them (#36 item 3), each footer
//! written the way its producer writes it (../shared/notes/word-and-wps.md):
//! WPS's 插入页码 (a text box floating in the footer, centred or 外侧), Word's
//! older frame, a VML-only box, a cover section without a number before a
//! numbered body, 首页不同 with an empty first footer, `numberInDash`, and
//! different odd and even footers. Each fixture's findings are named here, and
//! LibreOffice, the oracle, must print the numbers where the reading says.

mod common;

use common::builtin_specs as specs;
use common::wordml::{self, WordDoc};
use wengao::audit::batch::{self, Received};

/// A run in 宋体 四号 (Attachment 1's page number).
fn song(text: &str) -> String {
    format!(
        r#"<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#
    )
}

/// The PAGE field's runs in 宋体 四号.
fn page() -> String {
    wordml::page_field()
        .replace("<w:r>", r#"<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr>"#)
}

/// `— N —` in a paragraph aligned `jc`, with `frame` (a w:framePr or nothing).
fn dashed(jc: &str, frame: &str) -> String {
    format!(r#"<w:p><w:pPr>{frame}<w:jc w:val="{jc}"/></w:pPr>{}{}{}</w:p>"#, song("— "), page(), song(" —"))
}

/// WPS's 插入页码: the number in a text box placed `align` (center, outside…).
fn in_box(align: &str) -> String {
    format!("<w:p><w:pPr><w:jc w:val=\"left\"/></w:pPr>{}</w:p>", wordml::text_box(&dashed("center", ""), align, 1))
}

/// Word's older way: a frame placed `x` (its paragraph says left).
fn in_frame(x: &str) -> String {
    dashed("left", &format!(r#"<w:framePr w:wrap="around" w:vAnchor="text" w:hAnchor="margin" w:xAlign="{x}" w:y="1"/>"#))
}

/// A VML text box only (no DrawingML choice), placed by its style.
fn in_vml_box(align: &str) -> String {
    format!(
        r##"<w:p><w:r><w:pict><v:shape id="页码框" type="#_x0000_t202" style="position:absolute;margin-left:0;margin-top:0;width:80pt;height:24pt;z-index:1;mso-position-horizontal:{align};mso-position-horizontal-relative:margin" filled="f" stroked="f"><v:textbox inset="0,0,0,0"><w:txbxContent>{}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"##,
        dashed("center", "")
    )
}

/// Enough text for three pages.
fn body(doc: WordDoc) -> WordDoc {
    let line = "今年以来，我们坚持以习近平新时代中国特色社会主义思想为指导，全面加强党的建设，推动各项工作取得新成效。";
    (0..45).fold(doc, |d, _| d.text(line))
}

fn default_ref(id: &str) -> String {
    format!(r#"<w:footerReference w:type="default" r:id="{id}"/>"#)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Side {
    Left,
    Center,
    Right,
}

/// One fixture: its file, the 页码 findings the desk must give, and where
/// Word and WPS print a number on pages 1, 2 and 3 (None: no number).
/// LibreOffice must print them there too, except where it is known to differ
/// (`libreoffice`): 7.4 does not mirror a DrawingML box or a frame placed
/// `outside` and prints it on the left of every page (it does mirror VML's).
struct Case {
    name: &'static str,
    file: Vec<u8>,
    findings: Vec<&'static str>,
    printed: [Option<Side>; 3],
    libreoffice: Option<[Option<Side>; 3]>,
}

fn cases() -> Vec<Case> {
    use Side::*;
    let single = |footer: String, number_type: &str| {
        let mut doc = WordDoc::new();
        let id = doc.footer(&footer);
        body(doc).section(&default_ref(&id), number_type, false).build()
    };
    let mut cases = vec![
        Case {
            name: "WPS页码框-外侧",
            file: single(in_box("outside"), ""),
            findings: vec![],
            printed: [Some(Right), Some(Left), Some(Right)],
            libreoffice: Some([Some(Left), Some(Left), Some(Left)]),
        },
        Case {
            name: "WPS页码框-居中",
            file: single(in_box("center"), ""),
            findings: vec!["页码不分单双页（都在中间），应为单页右侧、双页左侧（页眉页脚设为“奇偶页不同”，或把页码放在“外侧”）"],
            printed: [Some(Center), Some(Center), Some(Center)],
            libreoffice: None,
        },
        Case {
            name: "Word图文框-外侧",
            file: single(in_frame("outside"), ""),
            findings: vec![],
            printed: [Some(Right), Some(Left), Some(Right)],
            libreoffice: Some([Some(Left), Some(Left), Some(Left)]),
        },
        Case {
            name: "VML文本框-外侧",
            file: single(in_vml_box("outside"), ""),
            findings: vec![],
            printed: [Some(Right), Some(Left), Some(Right)],
            libreoffice: None,
        },
        Case {
            name: "页码带横线格式",
            file: single(format!("<w:p><w:pPr><w:jc w:val=\"right\"/></w:pPr>{}</w:p>", page()), r#"<w:pgNumType w:fmt="numberInDash"/>"#),
            findings: vec![
                "单页页码写成“- 1 -”，应为“— 1 —”",
                "页码不分单双页（都在右侧），应为单页右侧、双页左侧（页眉页脚设为“奇偶页不同”，或把页码放在“外侧”）",
            ],
            printed: [Some(Right), Some(Right), Some(Right)],
            libreoffice: None,
        },
        Case {
            name: "没有页脚",
            file: body(WordDoc::new()).build(),
            findings: vec!["没有页码（页脚里没有页码域）"],
            printed: [None, None, None],
            libreoffice: None,
        },
    ];
    // A cover section without a number, then the body numbered on from it.
    let mut doc = WordDoc::new().text("二〇二六年党建工作述职报告").section("", "", false);
    let id = doc.footer(&in_box("outside"));
    let file = body(doc).section(&default_ref(&id), "", false).build();
    cases.push(Case {
        name: "封面一节无页码",
        file,
        findings: vec![],
        printed: [None, Some(Left), Some(Right)],
        libreoffice: Some([None, Some(Left), Some(Left)]),
    });
    // 首页不同 with an empty first footer: page 1 has no number.
    let mut doc = WordDoc::new();
    let first = doc.footer("<w:p/>");
    let id = doc.footer(&in_box("outside"));
    let refs = format!(r#"{}<w:footerReference w:type="first" r:id="{first}"/>"#, default_ref(&id));
    let file = body(doc).section(&refs, "", true).build();
    cases.push(Case {
        name: "首页不同-首页空",
        file,
        findings: vec!["第一页没有页码（页眉页脚设了“首页不同”，首页的页脚里没有页码）"],
        printed: [None, Some(Left), Some(Right)],
        libreoffice: Some([None, Some(Left), Some(Left)]),
    });
    // Different odd and even footers, each a plain paragraph on its side.
    let mut doc = WordDoc::new().settings("<w:evenAndOddHeaders/>");
    let odd = doc.footer(&dashed("right", ""));
    let even = doc.footer(&dashed("left", ""));
    let refs = format!(r#"<w:footerReference w:type="even" r:id="{even}"/>{}"#, default_ref(&odd));
    let file = body(doc).section(&refs, "", false).build();
    cases
        .push(Case { name: "奇偶页不同", file, findings: vec![], printed: [Some(Right), Some(Left), Some(Right)], libreoffice: None });
    cases
}

#[test]
fn page_numbers_are_read_where_word_and_wps_put_them() {
    let specs = specs();
    for case in cases() {
        let row = batch::check_as(&Received { name: format!("{}.docx", case.name), bytes: case.file.clone() }, &specs, "党建工作述职报告");
        assert_eq!(row.unchecked, None, "{}", case.name);
        let found: Vec<&str> = row.findings.iter().filter(|f| f.place == "页码").map(|f| f.message.as_str()).collect();
        assert_eq!(found, case.findings, "{}", case.name);
    }
}

/// LibreOffice prints the numbers where the fixtures say: the reading above
/// is checked against files that really print so.
#[test]
fn libreoffice_prints_the_numbers_where_the_fixtures_say() {
    if !common::libreoffice() {
        return;
    }
    let cases = cases();
    let files: Vec<(String, Vec<u8>)> = cases.iter().map(|c| (c.name.to_string(), c.file.clone())).collect();
    let laid_out = common::lay_out(&files);
    let mut wrong = Vec::new();
    for (case, pages) in cases.iter().zip(laid_out) {
        assert!(pages.len() >= 3, "{}: {} pages", case.name, pages.len());
        for (i, expected) in case.libreoffice.as_ref().unwrap_or(&case.printed).iter().enumerate() {
            let page = &pages[i];
            // A number in the bottom eighth of the page: the footer.
            let number =
                page.words.iter().find(|w| w.y_min > page.height * 7.0 / 8.0 && w.text.trim_matches(['-', '—']).parse::<u32>().is_ok());
            let side = number.map(|w| {
                let middle = (w.x_min + w.x_max) / 2.0 / page.width;
                if middle < 0.4 {
                    Side::Left
                } else if middle > 0.6 {
                    Side::Right
                } else {
                    Side::Center
                }
            });
            if side != *expected {
                wrong.push(format!("{} page {}: printed {side:?}, expected {expected:?}", case.name, i + 1));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
