//! The desk (审核台): received files checked against their templates.
//! tests/fixtures/audit/*.docx are written by python-docx (make.py there): a
//! report that keeps every rule of Attachment 1 (formatted on the runs, and
//! again through styles, document defaults and theme fonts), and copies broken
//! in known ways, three of them resaved by LibreOffice as well; each one's
//! `.expected` file lists every finding it must get,
//! exactly (`WENGAO_BLESS=1` rewrites them — then read the diff). Our own
//! exports must get none.

mod common;

use common::{compare, fixture_draft, root};
use wengao::audit::batch::{self, Received};
use wengao::audit::summary::Summary;
use wengao::audit::{self, Severity};
use wengao::docx::{render, RenderOptions};
use wengao::spec::FormSpec;

use common::builtin_specs as specs;

/// A file checked, as the desk shows it.
fn check(name: &str, bytes: &[u8], specs: &[FormSpec]) -> Summary {
    batch::check(&Received { name: name.to_string(), bytes: bytes.to_vec() }, specs)
}

/// A report's findings, one a line: `[格式] 位置：问题` (notes marked 提醒).
fn listing(r: &Summary) -> String {
    let mut out = format!("{}：{}\n", r.template, r.verdict());
    for f in &r.findings {
        let note = if f.severity == Severity::Note { "（提醒）" } else { "" };
        let place = if f.place.is_empty() { String::new() } else { format!("{}：", f.place) };
        out.push_str(&format!("[{}]{note} {place}{}\n", f.kind.name(), f.message));
    }
    out
}

#[test]
fn every_received_file_gets_exactly_its_findings() {
    let dir = root().join("tests/fixtures/audit");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().into_string().ok())
        .filter(|n| n.ends_with(".docx"))
        .collect();
    names.sort();
    assert!(names.len() >= 6, "{names:?}");
    let specs = specs();
    let mut failures = Vec::new();
    for name in &names {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let report = check(name, &bytes, &specs);
        assert!(report.unchecked.is_none(), "{name}: {:?}", report.unchecked);
        failures.extend(compare(&dir.join(name.replace(".docx", ".expected")), &listing(&report)));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_correct_files_pass_and_the_broken_ones_do_not() {
    let dir = root().join("tests/fixtures/audit");
    let specs = specs();
    let check = |name: &str| check(name, &std::fs::read(dir.join(format!("{name}.docx"))).unwrap(), &specs);
    for name in ["合格", "合格-样式", "合格-LibreOffice"] {
        let r = check(name);
        assert!(r.passes(), "{name}: {}", listing(&r));
        assert_eq!(r.template, "党建工作述职报告");
        assert_eq!((r.unit.as_str(), r.person.as_str()), ("XX街道党工委", "张三"));
    }
    for name in ["格式错误", "页码错误", "没有页码", "内容不全"] {
        assert!(!check(name).passes(), "{name} passes");
    }
}

/// What the desk finds in each broken file, by rule (the golden files hold the
/// wording; these say what must be among them).
#[test]
fn each_broken_rule_is_named() {
    let dir = root().join("tests/fixtures/audit");
    let specs = specs();
    let messages = |name: &str| -> Vec<String> {
        let checked = audit::docx(&std::fs::read(dir.join(format!("{name}.docx"))).unwrap(), &specs).unwrap();
        checked.report().unwrap().findings.iter().map(|f| f.message.clone()).collect()
    };
    let has = |list: &[String], needle: &str| list.iter().any(|m| m.contains(needle));
    let wrong = messages("格式错误");
    for needle in [
        "上边距是2.54厘米，应为3.70厘米",
        "左边距是3.17厘米，应为2.80厘米",
        "标题的字体是“宋体”，应为“华文中宋”",
        "标题的字形是不加粗，应为加粗",
        "正文19段的字体是“宋体”，应为“仿宋_GB2312”",
        "字号是小四（12磅），应为小二（18磅）",
        "一级标题3段的字号是三号（16磅），应为小二（18磅）",
        "行距是1.5倍行距，应为固定值32磅",
        "首行缩进是没有缩进，应为2字",
    ] {
        assert!(has(&wrong, needle), "格式错误 lacks {needle}: {wrong:#?}");
    }
    let numbers = messages("页码错误");
    for needle in [
        "单页页码写成“第1页”，应为“— 1 —”",
        "页码的字体是“Times New Roman”，应为“宋体”",
        "字号是五号（10.5磅），应为四号（14磅）",
        "页码不分单双页",
    ] {
        assert!(has(&numbers, needle), "页码错误 lacks {needle}: {numbers:#?}");
    }
    assert!(has(&messages("没有页码"), "没有页码"));
    let partial = messages("内容不全");
    for needle in ["缺少“下一步工作思路和措施”这一部分", "“二、存在的主要问题及原因”184字，要求不少于900字（不足）", "全文1691字"]
    {
        assert!(has(&partial, needle), "内容不全 lacks {needle}: {partial:#?}");
    }
}

/// The same report written by python-docx and resaved by LibreOffice (its own
/// styles part, defaults and footers): the same findings.
#[test]
fn libreoffice_written_copies_get_the_same_findings() {
    let dir = root().join("tests/fixtures/audit");
    let specs = specs();
    let messages = |name: &str| -> Vec<String> {
        let checked = audit::docx(&std::fs::read(dir.join(format!("{name}.docx"))).unwrap(), &specs).unwrap();
        checked.report().unwrap().findings.iter().map(|f| format!("{}{}", f.place, f.message)).collect()
    };
    for name in ["合格", "格式错误", "页码错误"] {
        assert_eq!(messages(&format!("{name}-LibreOffice")), messages(name), "{name}");
    }
}

#[test]
fn our_own_exports_pass_and_are_recognised() {
    let specs = specs();
    for (file, template) in [("述职报告", "党建工作述职报告"), ("创新案例", "基层党建创新案例"), ("整改清单", "述职评议问题整改清单")]
    {
        let spec = specs.iter().find(|s| s.name == template).unwrap();
        let bytes = render(spec, &fixture_draft(file), &RenderOptions::default());
        let report = check(file, &bytes, &specs);
        assert_eq!(report.template, template, "{file} recognised as {}", report.template);
        assert!(report.passes(), "{file}: {}", listing(&report));
        // Only the page limit, softened by 原则上, may be noted.
        assert!(report.findings.iter().all(|f| f.severity == Severity::Note), "{file}: {}", listing(&report));
    }
}

#[test]
fn the_python_docx_import_fixtures_are_recognised() {
    let specs = specs();
    for (file, template) in [
        ("述职报告-python-docx", "党建工作述职报告"),
        ("创新案例-python-docx", "基层党建创新案例"),
        ("整改清单-python-docx", "述职评议问题整改清单"),
    ] {
        let bytes = std::fs::read(root().join(format!("tests/fixtures/import/{file}.docx"))).unwrap();
        assert_eq!(audit::docx(&bytes, &specs).unwrap().report().map(|r| r.template.clone()).as_deref(), Some(template), "{file}");
    }
}

/// The format reader against LibreOffice: every fixture (the desk's, the
/// importer's python-docx files, our own exports) converted to flat ODF, where
/// LibreOffice writes the styles it resolved; for every body paragraph, the
/// East Asian fonts and sizes of its Chinese text must be the ones we resolve.
#[test]
fn the_format_reader_resolves_fonts_and_sizes_as_libreoffice_does() {
    if !common::libreoffice() {
        return;
    }
    let specs = specs();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for dir in ["tests/fixtures/audit", "tests/fixtures/import"] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = e.unwrap().path();
            if path.extension().is_some_and(|x| x == "docx") {
                files.push((path.file_stem().unwrap().to_string_lossy().into_owned(), std::fs::read(&path).unwrap()));
            }
        }
    }
    for (file, template) in [("述职报告", "党建工作述职报告"), ("创新案例", "基层党建创新案例")] {
        let spec = specs.iter().find(|s| s.name == template).unwrap();
        files.push((format!("导出-{file}"), render(spec, &fixture_draft(file), &RenderOptions::default())));
    }
    files.sort();
    let flat = common::convert(&files, "fodt");
    let mut failures = Vec::new();
    let mut compared = 0;
    for ((name, bytes), fodt) in files.iter().zip(&flat) {
        let ours: Vec<(String, Vec<(String, u32)>)> = audit::format::read_docx(bytes)
            .unwrap()
            .paragraphs
            .iter()
            .filter(|p| !p.text.trim().is_empty())
            .map(|p| {
                let mut faces: Vec<(String, u32)> = p
                    .runs
                    .iter()
                    .filter(|r| r.text.chars().any(wengao::layout::is_ideograph))
                    .map(|r| (r.east_asia.clone().unwrap_or_default(), r.size_half_points * 5))
                    .collect();
                faces.sort();
                faces.dedup();
                (sorted_chars(&p.text), faces)
            })
            .collect();
        let theirs = odf::paragraphs(fodt);
        if ours.len() != theirs.len() {
            failures.push(format!("{name}: {} paragraphs, LibreOffice {}", ours.len(), theirs.len()));
            continue;
        }
        for (i, ((text, faces), (their_text, their_faces))) in ours.iter().zip(&theirs).enumerate() {
            if text != their_text && their_text != &sorted_chars(odf::TRACKED) {
                failures.push(format!("{name} paragraph {i}: texts differ"));
            } else if faces != their_faces {
                failures.push(format!("{name} paragraph {i}: ours {faces:?}, LibreOffice {their_faces:?}"));
            }
            compared += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(compared > 250, "only {compared} paragraphs compared");
}

/// A paragraph's characters without spaces, in order of code point (LibreOffice
/// writes spans and their text in an order the test's XML tree does not keep).
fn sorted_chars(text: &str) -> String {
    let mut chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    chars.sort_unstable();
    chars.into_iter().collect()
}

/// Flat ODF as LibreOffice writes it: every paragraph of the body (not tables)
/// with the East Asian font and size (tenths of a point) of its Chinese text,
/// paragraph styles resolved through their parents and the default style,
/// spans on top.
mod odf {
    use std::collections::HashMap;

    use super::common::package::{parse_xml, El};

    #[derive(Clone, Default)]
    struct Props {
        font: Option<String>,
        size: Option<u32>,
        parent: Option<String>,
    }

    fn points(v: &str) -> Option<u32> {
        let pt: f64 = v.strip_suffix("pt")?.parse().ok()?;
        Some((pt * 10.0).round() as u32)
    }

    /// The text given for a paragraph with tracked changes.
    pub const TRACKED: &str = "（修订）";

    pub fn paragraphs(bytes: &[u8]) -> Vec<(String, Vec<(String, u32)>)> {
        let root = parse_xml(bytes);
        let faces: HashMap<String, String> = root
            .find_all("style:font-face")
            .iter()
            .filter_map(|f| Some((f.attr("style:name")?.to_string(), f.attr("svg:font-family")?.trim_matches(['\'', '"']).to_string())))
            .collect();
        let props = |s: &El| {
            let t = s.child("style:text-properties");
            Props {
                font: t.and_then(|t| t.attr("style:font-name-asian")).map(|f| faces.get(f).cloned().unwrap_or_else(|| f.to_string())),
                size: t.and_then(|t| t.attr("style:font-size-asian")).and_then(points),
                parent: s.attr("style:parent-style-name").map(str::to_string),
            }
        };
        let mut styles: HashMap<String, Props> = HashMap::new();
        for s in root.find_all("style:style") {
            if let Some(name) = s.attr("style:name") {
                styles.insert(name.to_string(), props(s));
            }
        }
        let default = root
            .find_all("style:default-style")
            .into_iter()
            .find(|s| s.attr("style:family") == Some("paragraph"))
            .map(props)
            .unwrap_or_default();
        let resolve = |name: Option<&str>, base: (Option<String>, Option<u32>)| {
            let mut chain = Vec::new();
            let mut next = name.map(str::to_string);
            while let Some(n) = next.take().filter(|_| chain.len() < 20) {
                let Some(p) = styles.get(&n) else { break };
                chain.push(p.clone());
                next = p.parent.clone();
            }
            let (mut font, mut size) = base;
            for p in chain.iter().rev() {
                font = p.font.clone().or(font);
                size = p.size.or(size);
            }
            (font, size)
        };
        let body = root.find_all("office:text").into_iter().next().expect("a text document");
        let mut out = Vec::new();
        collect(body, &mut |p: &El| {
            let para = resolve(p.attr("text:style-name"), (default.font.clone(), default.size));
            let mut text = p.text.clone();
            let mut faces = Vec::new();
            if p.text.chars().any(wengao::layout::is_ideograph) {
                faces.push(para.clone());
            }
            for span in p.find_all("text:span") {
                if span.text.chars().any(wengao::layout::is_ideograph) {
                    faces.push(resolve(span.attr("text:style-name"), para.clone()));
                }
            }
            // Text boxes and notes anchored in the paragraph are not its text.
            fn all_text(e: &El, out: &mut String) {
                for c in e.children.iter().filter(|c| !c.name.starts_with("draw:") && c.name != "text:note") {
                    out.push_str(&c.text);
                    all_text(c, out);
                }
            }
            all_text(p, &mut text);
            // Tracked changes: LibreOffice keeps deleted text in the paragraph
            // (Word shows it struck through, or not at all): no text to compare.
            if !p.find_all("text:change-start").is_empty() {
                text = String::from(TRACKED);
            }
            let text = super::sorted_chars(&text);
            if text.is_empty() {
                return;
            }
            let mut faces: Vec<(String, u32)> = faces.into_iter().map(|(f, s)| (f.unwrap_or_default(), s.unwrap_or(0))).collect();
            faces.sort();
            faces.dedup();
            out.push((text, faces));
        });
        out
    }

    /// The body's paragraphs and headings in order, not those in tables,
    /// frames or shapes (text boxes).
    fn collect(e: &El, each: &mut dyn FnMut(&El)) {
        for c in &e.children {
            match c.name.as_str() {
                "text:p" | "text:h" => each(c),
                "table:table" => {}
                name if name.starts_with("draw:") => {}
                _ => collect(c, each),
            }
        }
    }
}

#[test]
fn revision_notes_list_what_to_change_first_and_notes_last() {
    let specs = specs();
    let bytes = std::fs::read(root().join("tests/fixtures/audit/没有页码.docx")).unwrap();
    assert_eq!(
        check("没有页码.docx", &bytes, &specs).revision_notes(),
        "XX街道党工委 张三的党建工作述职报告修改意见：\n\
         1. [格式] 页码：没有页码（页脚里没有页码域）。\n\
         2. （提醒）[页数] 全文：文件按自己的格式排是8页，超过上限6页（按模板的格式重排：全文约9页，上限6页：超出，约需删减960字）。\n"
    );
    assert_eq!(
        check("坏.docx", b"PK", &specs).revision_notes().lines().next().unwrap(),
        "坏.docx：文件读不了。这不是 Word 文档（.docx）：请选 Word 或 WPS 保存的 .docx 文件。"
    );
}
