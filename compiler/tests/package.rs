//! The package as Word reads it: every file the renderer writes — the example
//! drafts, every shipped template, an empty draft of each — passes
//! the checks Word makes and the schemas cannot (content types, relationships,
//! empty parts, drawing ids, table cells, raw breaks, run property order), and
//! carries the settings that make Word lay it out as the page model does
//! (docs/word-compat.md).

mod common;
use common::package::{assert_word_accepts, Package};
use common::root;

use wengao::builtin::{BuiltinStyles, TEMPLATES};
use wengao::docx::{render, RenderOptions};
use wengao::draft::Draft;
use wengao::example::{example, Length};
use wengao::spec::FormSpec;

/// Every template the project ships.
fn templates() -> Vec<(String, FormSpec)> {
    let out: Vec<(String, FormSpec)> =
        TEMPLATES.iter().map(|t| (t.name().to_string(), wengao::compile(&t.source_file(), &BuiltinStyles).spec.unwrap())).collect();
    out
}

fn rendered(spec: &FormSpec, draft: &Draft) -> Vec<u8> {
    render(spec, draft, &RenderOptions { created: Some("2027-02-01T09:00:00Z".into()) })
}

#[test]
fn every_template_renders_a_package_word_accepts() {
    for (name, spec) in templates() {
        for (what, draft) in [("empty", Draft::new(&spec)), ("example", example(&spec, Length::Budgets))] {
            let bytes = rendered(&spec, &draft);
            let result = std::panic::catch_unwind(|| assert_word_accepts(&bytes));
            assert!(result.is_ok(), "{name}, {what} draft");
        }
    }
    for fixture in ["述职报告", "述职报告-六页", "创新案例", "整改清单"] {
        let text = std::fs::read_to_string(root().join(format!("tests/fixtures/drafts/{fixture}.json"))).unwrap();
        let draft = Draft::from_json(&text).unwrap();
        let spec = templates().into_iter().find(|(_, s)| s.name == draft.template).expect("the fixture's template").1;
        assert_word_accepts(&rendered(&spec, &draft));
    }
}

#[test]
fn settings_say_what_the_page_model_assumes() {
    let spec = wengao::compile(&TEMPLATES.iter().find(|t| t.name() == "述职报告").unwrap().source_file(), &BuiltinStyles).spec.unwrap();
    let pkg = Package::open(&rendered(&spec, &Draft::new(&spec)));
    let settings = pkg.xml("word/settings.xml");
    assert_eq!(settings.child("w:characterSpacingControl").and_then(|c| c.attr("w:val")), Some("doNotCompress"));
    assert_eq!(settings.child("w:themeFontLang").and_then(|c| c.attr("w:eastAsia")), Some("zh-CN"));
    assert!(settings.find_all("w:balanceSingleByteDoubleByteWidth").is_empty(), "LibreOffice ignores it; the model follows LibreOffice");
    let styles = pkg.xml("word/styles.xml");
    let lang = styles.find_all("w:rPrDefault")[0].find_all("w:lang");
    assert_eq!(lang.first().and_then(|l| l.attr("w:eastAsia")), Some("zh-CN"));
    // Attachment 1's fonts with what Word uses to substitute them.
    let fonts = pkg.xml("word/fontTable.xml");
    for name in ["仿宋_GB2312", "楷体_GB2312", "黑体", "宋体"] {
        let f = fonts.children.iter().find(|f| f.attr("w:name") == Some(name)).unwrap_or_else(|| panic!("font {name}"));
        assert_eq!(f.child("w:charset").and_then(|c| c.attr("w:val")), Some("86"), "{name}");
        assert_eq!(f.child("w:panose1").and_then(|c| c.attr("w:val")).map(str::len), Some(20), "{name}");
        assert!(f.child("w:sig").is_some(), "{name}");
    }
    // Quotes and dashes take the Chinese font in Word, as in the model.
    let doc = pkg.xml("word/document.xml");
    for fonts in doc.find_all("w:rFonts") {
        assert_eq!(fonts.attr("w:hint"), Some("eastAsia"));
    }
    assert!(pkg.files.contains_key("word/theme/theme1.xml") && pkg.files.contains_key("word/webSettings.xml"));
    assert!(!pkg.files.contains_key("word/commentsExtended.xml") && !pkg.files.contains_key("docProps/custom.xml"), "no empty parts");
}
