//! The .docx output, read back: unzip, parse the XML and check every rule of
//! Attachment 1 against the numbers of the seed (not the renderer's constants),
//! for the example drafts and for a hostile one. With LibreOffice installed the
//! files are also laid out to PDF and the page numbers found on the pages
//! (`WENGAO_REQUIRE_LIBREOFFICE=1`, as scripts/test sets it, makes that mandatory).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use wengao::builtin::{BuiltinStyles, TEMPLATES};
use wengao::docx::{render, RenderOptions};
use wengao::draft::{Draft, Item, Picture};
use wengao::spec::FormSpec;

// ---- drafts ----

mod common;
use common::package::{parse_xml, El, Package};
use common::root;

fn spec(name: &str) -> FormSpec {
    let t = TEMPLATES.iter().find(|t| t.name() == name).unwrap();
    wengao::compile(&t.source_file(), &BuiltinStyles).spec.unwrap()
}

fn fixture(name: &str) -> Draft {
    let text = std::fs::read_to_string(root().join("tests/fixtures/drafts").join(format!("{name}.json"))).unwrap();
    Draft::from_json(&text).unwrap()
}

fn docx(spec: &FormSpec, draft: &Draft) -> Package {
    let options = RenderOptions { created: Some("2027-02-01T09:00:00Z".into()) };
    Package::open(&render(spec, draft, &options))
}

/// Keeps a rendered file in `$WENGAO_OUTPUT_DIR`, for the yardstick checks that
/// scripts/test runs over them.
fn keep(name: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("WENGAO_OUTPUT_DIR") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(Path::new(&dir).join(format!("{name}.docx")), bytes).unwrap();
    }
}

fn paragraphs(doc: &El) -> Vec<&El> {
    doc.child("w:body").unwrap().find_all("w:p")
}

/// (east-Asian font, half-points, bold) of a run.
fn run_style(r: &El) -> (String, u32, bool) {
    let rpr = r.child("w:rPr").expect("every run has properties");
    let font = rpr.child("w:rFonts").and_then(|f| f.attr("w:eastAsia")).unwrap_or("").to_string();
    let size = rpr.child("w:sz").and_then(|s| s.attr("w:val")).map_or(0, |v| v.parse().unwrap());
    let bold = rpr.child("w:b").is_some_and(|b| b.attr("w:val").is_none_or(|v| v != "false" && v != "0"));
    (font, size, bold)
}

fn text_runs(p: &El) -> Vec<&El> {
    p.find_all("w:r").into_iter().filter(|r| r.child("w:t").is_some()).collect()
}

fn ppr_value<'a>(p: &'a El, child: &str, attr: &str) -> Option<&'a str> {
    p.child("w:pPr")?.child(child)?.attr(attr)
}

/// Children of `el` in the order the schema lists; unlisted ones ignored.
fn assert_schema_order(el: &El, order: &[&str]) {
    let ranks: Vec<usize> = el.child_names().iter().filter_map(|n| order.iter().position(|o| o == n)).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{} children out of schema order: {:?}", el.name, el.child_names());
}

// ---- the rules of Attachment 1 ----

#[test]
fn full_report_follows_every_rule_of_attachment_one() {
    let spec = spec("述职报告");
    for draft in [fixture("述职报告"), fixture("述职报告-六页")] {
        let pkg = docx(&spec, &draft);
        assert!(pkg.deflated, "every zip entry is deflate-compressed");
        let doc = pkg.xml("word/document.xml");
        let sect = doc.child("w:body").unwrap().child("w:sectPr").unwrap();
        let sz = sect.child("w:pgSz").unwrap();
        assert_eq!((sz.attr("w:w"), sz.attr("w:h")), (Some("11906"), Some("16838")), "A4");
        let mar = sect.child("w:pgMar").unwrap();
        // 3.7 / 3.5 / 2.8 / 2.6 cm at 1440/2.54 twips per cm; gutter 0 mm.
        for (k, v) in [("w:top", "2098"), ("w:bottom", "1984"), ("w:left", "1587"), ("w:right", "1474"), ("w:gutter", "0")] {
            assert_eq!(mar.attr(k), Some(v), "margin {k}");
        }
        // The page-number line's top 7 mm (397 twips) under the type area: footer
        // distance = 1984 − 397 − one 14 pt line (280).
        assert_eq!(mar.attr("w:footer"), Some("1307"));

        let ps = paragraphs(&doc);
        let texts: Vec<String> = ps.iter().map(|p| p.texts()).collect();
        let role_of = |i: usize| -> &str {
            let t = &texts[i];
            if i == 0 {
                "title"
            } else if i == 1 {
                "subtitle"
            } else if i == 2 {
                "date"
            } else if t.starts_with(['一', '二', '三', '四', '五']) && t.chars().nth(1) == Some('、') {
                "h1"
            } else if t.starts_with('（') {
                "h2"
            } else if ["一是", "二是", "三是", "四是", "五是", "六是"].iter().any(|l| t.starts_with(l)) {
                "h3"
            } else {
                "body"
            }
        };
        assert_eq!(texts[0], "2026年党建工作述职报告");
        assert_eq!(texts[1], "XX街道党工委书记 张三");
        assert_eq!(texts[2], "（2027年2月）");
        let mut seen = BTreeMap::new();
        for (i, p) in ps.iter().enumerate() {
            let role = role_of(i);
            *seen.entry(role).or_insert(0) += 1;
            // Every text paragraph: exactly 32 pt, no space before or after.
            assert_eq!(ppr_value(p, "w:spacing", "w:lineRule"), Some("exact"), "{}", texts[i]);
            assert_eq!(ppr_value(p, "w:spacing", "w:line"), Some("640"), "{}", texts[i]);
            assert_eq!(ppr_value(p, "w:spacing", "w:before"), Some("0"));
            assert_eq!(ppr_value(p, "w:spacing", "w:after"), Some("0"));
            assert_schema_order(
                p.child("w:pPr").unwrap(),
                &["w:pStyle", "w:keepNext", "w:spacing", "w:ind", "w:jc", "w:outlineLvl", "w:rPr"],
            );
            let runs = text_runs(p);
            for r in &runs {
                assert_schema_order(r.child("w:rPr").unwrap(), &["w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:sz", "w:szCs"]);
            }
            let (font, size, bold) = run_style(runs[0]);
            let jc = ppr_value(p, "w:jc", "w:val");
            let first_line = ppr_value(p, "w:ind", "w:firstLine");
            let outline = ppr_value(p, "w:outlineLvl", "w:val");
            // Digits and Latin letters in the role's font too (w:ascii, w:hAnsi).
            for r in &runs {
                let fonts = r.child("w:rPr").unwrap().child("w:rFonts").unwrap();
                assert_eq!(fonts.attr("w:ascii"), fonts.attr("w:eastAsia"), "{}", texts[i]);
                assert_eq!(fonts.attr("w:hAnsi"), fonts.attr("w:eastAsia"), "{}", texts[i]);
            }
            let keep_next = p.child("w:pPr").unwrap().child("w:keepNext").is_some();
            match role {
                "title" => assert_eq!((font.as_str(), size, bold, jc), ("华文中宋", 44, true, Some("center"))),
                "subtitle" | "date" => assert_eq!((font.as_str(), size, bold, jc), ("楷体_GB2312", 36, false, Some("center"))),
                "h1" => assert_eq!((font.as_str(), size, bold, outline, keep_next), ("黑体", 36, false, Some("0"), true)),
                "h2" => assert_eq!((font.as_str(), size, bold, outline, keep_next), ("楷体_GB2312", 36, false, Some("1"), true)),
                "h3" => {
                    // The lead sentence bold 仿宋, the rest of the paragraph plain body.
                    assert_eq!((font.as_str(), size, bold), ("仿宋_GB2312", 36, true));
                    assert!(runs[0].texts().ends_with('。'));
                    let (font, size, bold) = run_style(runs[1]);
                    assert_eq!((font.as_str(), size, bold), ("仿宋_GB2312", 36, false));
                    assert_eq!(first_line, Some("720"), "two characters of 18 pt");
                }
                _ => {
                    assert_eq!((font.as_str(), size, bold), ("仿宋_GB2312", 36, false), "{}", texts[i]);
                    assert_eq!(first_line, Some("720"));
                }
            }
        }
        assert_eq!(seen.get("h1"), Some(&3), "three parts");
        assert!(seen.get("h2").copied().unwrap_or(0) >= 6 && seen.get("h3").copied().unwrap_or(0) >= 18, "{seen:?}");

        // The text in the file is the text the form counts (the same function on
        // both sides: this checks that nothing is rendered that is not counted).
        let words: usize = texts.iter().map(|t| wengao::count::words(t)).sum();
        assert_eq!(words, wengao::document::assemble(&spec, &draft).counts().words);

        // Page numbers: odd right, even left, — N — in 四号 宋体 (digits too).
        let settings = pkg.xml("word/settings.xml");
        assert!(settings.child("w:evenAndOddHeaders").is_some());
        assert_schema_order(&settings, &["w:zoom", "w:defaultTabStop", "w:evenAndOddHeaders", "w:compat"]);
        let rels = pkg.xml("word/_rels/document.xml.rels");
        let target = |id: &str| {
            rels.children.iter().find(|r| r.attr("Id") == Some(id)).and_then(|r| r.attr("Target")).map(|t| format!("word/{t}")).unwrap()
        };
        let mut footers = BTreeMap::new();
        for f in sect.find_all("w:footerReference") {
            footers.insert(f.attr("w:type").unwrap().to_string(), pkg.xml(&target(f.attr("r:id").unwrap())));
        }
        for (kind, jc, side) in [("default", "right", "w:right"), ("even", "left", "w:left")] {
            let footer = &footers[kind];
            let p = &footer.find_all("w:p")[0];
            assert_eq!(ppr_value(p, "w:jc", "w:val"), Some(jc), "{kind} footer");
            assert_eq!(ppr_value(p, "w:ind", side), Some("280"), "{kind}: one 四号 character in from the edge");
            assert_eq!(p.texts(), "— 1 —");
            let instr: String = p.find_all("w:instrText").iter().map(|t| t.text.clone()).collect();
            assert_eq!(instr.trim(), "PAGE");
            for r in p.find_all("w:r") {
                let rpr = r.child("w:rPr").unwrap();
                let fonts = rpr.child("w:rFonts").unwrap();
                assert_eq!((fonts.attr("w:ascii"), fonts.attr("w:hAnsi")), (Some("宋体"), Some("宋体")));
                assert_eq!(rpr.child("w:sz").unwrap().attr("w:val"), Some("28"));
            }
        }

        // Fonts declared with alternative names; core properties carry title and author.
        let fonts = pkg.xml("word/fontTable.xml");
        for (name, alt) in
            [("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体"), ("黑体", "SimHei"), ("华文中宋", "STZhongsong"), ("宋体", "SimSun")]
        {
            let f = fonts.children.iter().find(|f| f.attr("w:name") == Some(name)).unwrap_or_else(|| panic!("font {name}"));
            assert_eq!(f.child("w:altName").and_then(|a| a.attr("w:val")), Some(alt));
        }
        let core = pkg.xml("docProps/core.xml");
        assert_eq!(core.child("dc:title").unwrap().text, "2026年党建工作述职报告");
        assert_eq!(core.child("dc:creator").unwrap().text, "张三");
    }
}

#[test]
fn case_pictures_keep_their_format_size_and_captions() {
    let spec = spec("创新案例");
    let draft = fixture("创新案例");
    let pkg = docx(&spec, &draft);
    let jpeg = std::fs::read(root().join("tests/fixtures/pictures/案例首页.jpg")).unwrap();
    let media: Vec<(&String, &Vec<u8>)> = pkg.files.iter().filter(|(k, _)| k.starts_with("word/media/")).collect();
    assert_eq!(media.len(), 3);
    let jpgs: Vec<_> = media.iter().filter(|(k, _)| k.ends_with(".jpg")).collect();
    assert_eq!(jpgs.len(), 1, "the JPEG stays a JPEG");
    assert_eq!(jpgs[0].1, &jpeg, "byte for byte");
    let types = pkg.xml("[Content_Types].xml");
    let jpg_type = types.children.iter().find(|d| d.attr("Extension") == Some("jpg")).and_then(|d| d.attr("ContentType"));
    assert_eq!(jpg_type, Some("image/jpeg"));
    let rels = String::from_utf8(pkg.files["word/_rels/document.xml.rels"].clone()).unwrap();
    for (name, _) in &media {
        assert!(rels.contains(&format!("\"{}\"", name.trim_start_matches("word/"))), "{name} is referenced");
    }

    let doc = pkg.xml("word/document.xml");
    let ps = paragraphs(&doc);
    let ids: Vec<&str> = doc.find_all("wp:docPr").iter().map(|d| d.attr("id").unwrap()).collect();
    assert_eq!(ids, ["1", "2", "3"], "unique drawing ids");
    // Type width 21 − 2.8 − 2.6 = 15.6 cm = 8845 twips; the pictures keep their
    // proportions and are at most 60 % of the type height 12756 twips.
    let sizes: Vec<(u64, u64)> = draft.body["配图"][0].pictures.iter().map(|p| (u64::from(p.width), u64::from(p.height))).collect();
    for (extent, (w, h)) in doc.find_all("wp:extent").iter().zip(sizes) {
        let cx: u64 = extent.attr("cx").unwrap().parse().unwrap();
        let cy: u64 = extent.attr("cy").unwrap().parse().unwrap();
        assert!(cx <= 8845 * 635, "a picture wider than the type area: {cx}");
        assert!(cy <= 12756 * 635 * 60 / 100, "a picture taller than 60 % of the type area: {cy}");
        let (ratio, want) = (cx as f64 / cy as f64, w as f64 / h as f64);
        assert!((ratio - want).abs() < 0.01 * want, "proportions kept: {ratio} vs {want}");
    }
    let captions = ["2026年6月，社区党委组织党员志愿者入户走访", "小区党支部召开议事协商会", "改造后的小区环境整洁有序"];
    let mut pictures = 0;
    for (i, p) in ps.iter().enumerate() {
        if p.find_all("w:drawing").is_empty() {
            continue;
        }
        // Not exact spacing: Word would clip the picture to one 32 pt line; kept
        // on the page of its caption.
        assert_ne!(ppr_value(p, "w:spacing", "w:lineRule"), Some("exact"));
        assert!(p.child("w:pPr").unwrap().child("w:keepNext").is_some());
        assert_eq!(ppr_value(p, "w:jc", "w:val"), Some("center"));
        let caption = &ps[i + 1];
        assert!(caption.texts().starts_with(captions[pictures]), "caption after picture {pictures}");
        assert_eq!(ppr_value(caption, "w:jc", "w:val"), Some("center"));
        assert_eq!(ppr_value(caption, "w:spacing", "w:line"), Some("640"));
        pictures += 1;
    }
    assert_eq!(pictures, 3);
    assert_eq!(ps[1].texts(), "——“红色物业”让老旧小区治理有了主心骨");
}

/// A draft with everything a hurried drafter pastes from Word, with a block of
/// `long` characters (and more).
fn hostile(long: usize) -> (FormSpec, Draft) {
    let spec = spec("述职报告");
    let mut draft = fixture("述职报告");
    draft.fields.insert("姓名".into(), "张<三>&\"李'四\"\u{0}\u{1F}".into());
    draft.fields.insert("单位".into(), "  XX街道党工委 😀 𠀋  ".into());
    draft.fields.insert("年度".into(), " \u{3000}\t ".into());
    // Eight characters a time.
    let long: String = "长文本𠀋😀&<>".repeat(long / 8 + 1);
    let body = &mut draft.body;
    body.insert(
        "导语".into(),
        vec![Item {
            text:
                "\u{3000}\u{3000}前导空格\u{7}\u{B}\u{C}\u{FFFE}\u{FFFF}\u{202E}第一行\u{202C}\n第二行\u{2067}\r\n第三行\u{2069}\t制表符  "
                    .to_string(),
            ..Item::default()
        }],
    );
    let first = &mut body.get_mut("履职情况").unwrap()[0];
    let point = &mut first.parts.get_mut("履职方面").unwrap()[0].parts.get_mut("履职要点").unwrap()[0];
    point.text = long;
    point.lead = "<b>不是标签</b> & “引号”".into();
    let pasted = &mut first.parts.get_mut("履职方面").unwrap()[0].parts.get_mut("履职要点").unwrap()[1];
    pasted.lead = "从Word粘贴".into();
    pasted.text = "\u{3000}\u{3000}第一行\r\n\r\n\u{3000}\u{3000}接着 Word\nstyle".into();
    // Empty optional and required nodes: no crash, no empty paragraphs.
    first.parts.get_mut("履职方面").unwrap()[1].title.clear();
    body.remove("下一步");
    (spec, draft)
}

#[test]
fn hostile_text_is_kept_safe_and_whole() {
    let (spec, draft) = hostile(100_000);
    keep("hostile-100k", &render(&spec, &draft, &RenderOptions::default()));
    let bytes = render(&spec, &draft, &RenderOptions::default());
    common::package::assert_word_accepts(&bytes);
    let pkg = Package::open(&bytes);
    for (name, bytes) in &pkg.files {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            parse_xml(bytes); // every part well-formed
        }
    }
    let raw = String::from_utf8(pkg.files["word/document.xml"].clone()).unwrap();
    for c in ['\u{0}', '\u{7}', '\u{B}', '\u{C}', '\u{1F}', '\u{FFFE}', '\u{FFFF}', '\u{202E}', '\u{202C}', '\u{2067}', '\u{2069}'] {
        assert!(!raw.contains(c), "{c:?} is not allowed in XML, nor a bidirectional control");
    }
    let doc = pkg.xml("word/document.xml");
    let ps = paragraphs(&doc);
    // Field values are trimmed (they sit in centred lines); the rest is kept as typed.
    assert_eq!(ps[1].texts(), "XX街道党工委 😀 𠀋书记 张<三>&\"李'四\"", "emoji, 𠀋 and metacharacters kept");
    assert_eq!(ps[0].texts(), "2026年党建工作述职报告", "a blank field falls back to its default");
    let intro = &ps[3];
    // Pasted from Word: the hand-made indent goes (the style indents), the lines
    // of a one-paragraph block are joined, the control characters dropped.
    assert_eq!(intro.texts(), "前导空格第一行第二行第三行制表符");
    assert_eq!(intro.find_all("w:br").len(), 0, "no line breaks inside a one-paragraph block");
    assert_eq!(intro.find_all("w:tab").len(), 1);
    assert!(intro.find_all("w:t").iter().all(|t| t.attr("xml:space") == Some("preserve")));
    let long = ps.iter().find(|p| p.texts().contains("长文本")).unwrap();
    let n = long.texts().chars().count();
    assert!(n > 100_000, "the 100,000-character block is all there: {n}");
    assert!(long.texts().starts_with("一是<b>不是标签</b> & “引号”。长文本"));
    assert!(ps.iter().any(|p| p.texts() == "二是从Word粘贴。第一行接着 Word style"), "a pasted point is one paragraph");
    assert!(ps.iter().all(|p| !p.texts().is_empty() || !p.find_all("w:drawing").is_empty()), "no empty paragraphs");
    assert!(ps.iter().any(|p| p.texts() == "（二）XXX"), "an empty heading keeps its number and shows XXX");
    assert!(!ps.iter().any(|p| p.texts().starts_with("三、")), "a removed part is not rendered");
}

#[test]
fn rectification_table_has_its_columns_header_and_fixed_widths() {
    let spec = spec("整改清单");
    let mut draft = fixture("整改清单");
    draft.body.get_mut("清单").unwrap()[0].rows[0].insert("完成时限".into(), "2027-06".into());
    let pkg = docx(&spec, &draft);
    let doc = pkg.xml("word/document.xml");
    let tbl = &doc.find_all("w:tbl")[0];
    let pr = tbl.child("w:tblPr").unwrap();
    assert_eq!(pr.child("w:tblLayout").and_then(|l| l.attr("w:type")), Some("fixed"));
    assert_schema_order(pr, &["w:tblStyle", "w:tblW", "w:jc", "w:tblInd", "w:tblBorders", "w:tblLayout", "w:tblCellMar", "w:tblLook"]);
    // Column widths: 16 / 28 / 28 / 12 / 16 % of the type width 8845 twips.
    let grid: Vec<u32> = tbl.child("w:tblGrid").unwrap().children.iter().map(|c| c.attr("w:w").unwrap().parse().unwrap()).collect();
    assert_eq!(grid, [1415, 2476, 2476, 1061, 1415]);
    let rows = tbl.find_all("w:tr");
    assert_eq!(rows.len(), 1 + 3, "a header row and three rows");
    let header = &rows[0];
    assert!(header.child("w:trPr").unwrap().child("w:tblHeader").is_some(), "the header row repeats on each page");
    assert!(rows.iter().all(|r| r.child("w:trPr").unwrap().child("w:cantSplit").is_some()));
    let labels: Vec<String> = header.find_all("w:tc").iter().map(|c| c.texts()).collect();
    assert_eq!(labels, ["问题来源", "问题", "整改措施", "责任人", "完成时限"]);
    for cell in rows[1].find_all("w:p") {
        assert_eq!(ppr_value(cell, "w:jc", "w:val"), Some("left"), "narrow cells are not letter-spaced");
        let (font, size, _) = run_style(text_runs(cell)[0]);
        assert_eq!((font.as_str(), size), ("仿宋_GB2312", 28), "the template's 四号 for tables");
    }
    assert_eq!(rows[1].find_all("w:tc")[4].texts(), "2027年6月", "年月 cells printed as 年月");
    let title = paragraphs(&doc).into_iter().find(|p| p.texts() == "问题整改清单").unwrap();
    assert!(title.child("w:pPr").unwrap().child("w:keepNext").is_some(), "the title stays with its table");
    // Word's default cell margins, written out: 0.19 cm left and right, none above and below.
    let margins = pr.child("w:tblCellMar").expect("cell margins");
    let side = |name: &str| margins.child(name).and_then(|m| m.attr("w:w")).map(str::to_string);
    assert_eq!(
        (side("w:left"), side("w:right"), side("w:top"), side("w:bottom")),
        (Some("108".into()), Some("108".into()), Some("0".into()), Some("0".into()))
    );
}

#[test]
fn a_row_taller_than_a_page_may_split_the_others_may_not() {
    // With w:cantSplit, LibreOffice clips a row that does not fit on a page.
    let spec = spec("整改清单");
    let mut draft = fixture("整改清单");
    draft.body.get_mut("清单").unwrap()[0].rows[1].insert("措施".into(), "逐条明确整改措施和完成时限。".repeat(40));
    let doc = docx(&spec, &draft).xml("word/document.xml");
    let rows = doc.find_all("w:tbl")[0].find_all("w:tr");
    let cant_split: Vec<bool> = rows.iter().map(|r| r.child("w:trPr").and_then(|p| p.child("w:cantSplit")).is_some()).collect();
    assert_eq!(cant_split, [true, true, false, true]);
}

#[test]
fn pictures_are_sized_by_their_own_header_not_the_draft() {
    let spec = spec("创新案例");
    let text = std::fs::read_to_string(root().join("tests/fixtures/drafts/创新案例.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["body"]["配图"][0]["pictures"][0]["width"] = 4_000_000_000u64.into();
    value["body"]["配图"][0]["pictures"][1]["height"] = 0.into();
    let draft = Draft::from_json(&value.to_string()).unwrap();
    let pictures = &draft.body["配图"][0].pictures;
    assert_eq!((pictures[0].width, pictures[0].height), (249, 351), "from the JPEG's header");
    assert_eq!((pictures[1].width, pictures[1].height), (1000, 750), "from the PNG's header");
    // Even a picture built by hand with absurd sizes renders without overflow.
    let mut huge = draft.clone();
    huge.body.get_mut("配图").unwrap()[0].pictures[0].width = u32::MAX;
    let pkg = docx(&spec, &huge);
    let cx: u64 = pkg.xml("word/document.xml").find_all("wp:extent")[0].attr("cx").unwrap().parse().unwrap();
    assert!(cx <= 8845 * 635);
}

#[test]
fn the_same_draft_gives_the_same_bytes() {
    let spec = spec("创新案例");
    let draft = fixture("创新案例");
    let options = RenderOptions { created: Some("2027-02-01T09:00:00Z".into()) };
    assert_eq!(render(&spec, &draft, &options), render(&spec, &draft, &options));
}

#[test]
fn examples_are_what_the_cli_writes() {
    let exe = env!("CARGO_BIN_EXE_wengao");
    let cases: [(&str, &[&str]); 4] = [
        ("述职报告", &[]),
        ("述职报告-六页", &["--fit-pages"]),
        ("创新案例", &["--image", "tests/fixtures/pictures/案例首页.jpg"]),
        ("整改清单", &[]),
    ];
    for (name, extra) in cases {
        let template = format!("templates/{}.wg", name.trim_end_matches("-六页"));
        let out = Command::new(exe).arg("example").arg(&template).args(extra).current_dir(root()).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let expected = std::fs::read_to_string(root().join(format!("tests/fixtures/drafts/{name}.json"))).unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap().trim_end(), expected.trim_end(), "{name}: run `wengao example` again");
    }
    let refused = Command::new(exe)
        .args(["example", "templates/创新案例.wg", "--image", "tests/fixtures/pictures/不是图片.jpg"])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("不是完整的 JPEG 或 PNG 图片"));
}

#[test]
fn a_picture_that_is_not_one_is_refused() {
    let bytes = std::fs::read(root().join("tests/fixtures/pictures/不是图片.jpg")).unwrap();
    assert!(Picture::from_bytes("不是图片.jpg", bytes).is_err());
}

// ---- laid out by LibreOffice ----

/// On every page the number N sits below the type area (about 7 mm), at the right
/// on odd pages and at the left on even pages.
fn assert_page_numbers(pages: &[common::Page]) {
    let mm = 72.0 / 25.4;
    for (n, page) in pages.iter().enumerate() {
        let n = n + 1;
        let type_bottom = page.height - 35.0 * mm;
        let below: Vec<_> = page.words.iter().filter(|w| w.y_min > type_bottom - 1.0).collect();
        let number = below.iter().find(|w| w.text.trim_matches(['—', ' ']) == n.to_string());
        let number = number.unwrap_or_else(|| panic!("page {n}: no number below the type area: {below:?}"));
        let gap = (below.iter().map(|w| w.y_min).fold(f64::MAX, f64::min) - type_bottom) / mm;
        assert!((2.0..=10.0).contains(&gap), "page {n}: number {gap:.1} mm below the type area");
        let centre = (number.x_min + number.x_max) / 2.0;
        if n % 2 == 1 {
            assert!(centre > page.width / 2.0, "page {n} (odd): number at the left");
        } else {
            assert!(centre < page.width / 2.0, "page {n} (even): number at the right");
        }
    }
}

#[test]
fn libreoffice_lays_out_the_examples_with_page_numbers_where_they_belong() {
    if !common::libreoffice() {
        return;
    }
    let cases = [("述职报告", "述职报告-六页", Some(6)), ("述职报告", "述职报告", Some(9)), ("创新案例", "创新案例", None)];
    let mut files: Vec<(String, Vec<u8>)> = cases
        .iter()
        .map(|(template, name, _)| (name.to_string(), render(&spec(template), &fixture(name), &RenderOptions::default())))
        .collect();
    // LibreOffice takes minutes over 100,000 characters; 6,000 make the point.
    let (spec, draft) = hostile(6_000);
    files.push(("hostile".into(), render(&spec, &draft, &RenderOptions::default())));
    for (name, bytes) in &files {
        keep(name, bytes);
    }
    let laid_out = common::lay_out(&files);
    for ((_, name, pages), pdf) in cases.iter().zip(&laid_out) {
        eprintln!("{name}: {} pages in LibreOffice", pdf.len());
        if let Some(pages) = pages {
            assert_eq!(pdf.len(), *pages, "{name}");
        }
        assert_page_numbers(pdf);
    }
    let hostile = laid_out.last().unwrap();
    assert!(hostile.len() > 12, "the long block fills many pages");
    assert_page_numbers(hostile);
}

#[test]
fn a_numbered_column_counts_its_rows_whatever_the_draft_holds() {
    let source = "模板：台账\n样式：附件1格式\n\n表格 台账\n  行数：至少1行\n  列 序号\n    类型：序号\n    宽度：10%\n  列 事项\n";
    let compiled = wengao::compile(&wengao::SourceFile::new("台账.wg", source), &wengao::builtin::BuiltinStyles);
    let diagnostics = compiled.render_diagnostics();
    let spec = compiled.spec.unwrap_or_else(|| panic!("{diagnostics}"));
    let mut draft = Draft::new(&spec);
    let row = |n: &str, text: &str| [("序号".to_string(), n.to_string()), ("事项".to_string(), text.to_string())].into_iter().collect();
    draft.body.insert("台账".into(), vec![Item { rows: vec![row("7", "甲"), row("", "乙"), row("x", "丙")], ..Item::default() }]);
    let cells = |draft: &Draft| -> Vec<String> {
        let doc = docx(&spec, draft).xml("word/document.xml");
        doc.find_all("w:tr").iter().skip(1).map(|r| r.find_all("w:tc")[0].texts()).collect()
    };
    assert_eq!(cells(&draft), ["1", "2", "3"]);
    draft.body.get_mut("台账").unwrap()[0].rows.remove(0);
    assert_eq!(cells(&draft), ["1", "2"], "renumbered after a row is removed");
    // Only table columns are numbered.
    let field = "模板：台账\n样式：附件1格式\n字段 编号\n  类型：序号\n";
    let compiled = wengao::compile(&wengao::SourceFile::new("台账.wg", field), &wengao::builtin::BuiltinStyles);
    assert!(compiled.render_diagnostics().contains("不是表格的列，不能用“序号”"));
}

#[test]
fn landscape_pages_turn_the_page_and_widen_the_lines() {
    let template = |paper: &str| {
        let source = format!("模板：台账\n样式 附件1格式\n  纸张：{paper}\n\n表格 台账\n  列 序号\n    类型：序号\n  列 事项\n");
        let compiled = wengao::compile(&wengao::SourceFile::new("台账.wg", source), &wengao::builtin::BuiltinStyles);
        let diagnostics = compiled.render_diagnostics();
        compiled.spec.unwrap_or_else(|| panic!("{diagnostics}"))
    };
    let (portrait, landscape) = (template("A4"), template("A4横向"));
    assert_eq!((landscape.style.page.width, landscape.style.page.height), (16838, 11906));
    let draft = Draft::new(&landscape);
    let doc = docx(&landscape, &draft).xml("word/document.xml");
    let size = doc.find_all("w:pgSz")[0].clone();
    assert_eq!((size.attr("w:w"), size.attr("w:h"), size.attr("w:orient")), (Some("16838"), Some("11906"), Some("landscape")));
    let portrait_doc = docx(&portrait, &Draft::new(&portrait)).xml("word/document.xml");
    assert_eq!(portrait_doc.find_all("w:pgSz")[0].attr("w:orient"), None, "portrait needs no orientation");
    // The page model follows: longer lines, fewer of them.
    let capacity = |s: &FormSpec| wengao::geometry::minimum_pages(s).capacity;
    let (p, l) = (capacity(&portrait), capacity(&landscape));
    assert!(l.chars_per_line > p.chars_per_line && l.lines_per_page < p.lines_per_page, "{p:?} / {l:?}");
}
