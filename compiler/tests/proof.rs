//! Proofreading hints, each at its exact place: a corpus of real-looking
//! mistakes with the hint expected (check, offset and length in characters, fix)
//! and the text after the fix; none on texts written correctly, none on the
//! example drafts; the coverage of Attachment 4's items turning on with their words.

mod common;

use wengao::builtin::{BuiltinStyles, TEMPLATES};
use wengao::draft::Draft;
use wengao::proof::{self, Hint, Slot};
use wengao::spec::{Check, FormSpec};

use Check::*;

/// An expected hint: its check, where it starts and how long it is (in characters), its fix.
type Expected = (Check, usize, usize, Option<&'static str>);

/// (text, is a 一是 lead, the hints expected, the text after every fix).
const MISTAKES: &[(&str, bool, &[Expected], &str)] = &[
    ("召开会议,研究部署", false, &[(HalfWidthPunctuation, 4, 1, Some("，"))], "召开会议，研究部署"),
    (
        "他强调:要抓落实.",
        false,
        &[(HalfWidthPunctuation, 3, 1, Some("：")), (HalfWidthPunctuation, 8, 1, Some("。"))],
        "他强调：要抓落实。",
    ),
    ("落实(试行)办法", false, &[(HalfWidthPunctuation, 2, 1, Some("（")), (HalfWidthPunctuation, 5, 1, Some("）"))], "落实（试行）办法"),
    ("真的做到了吗?", false, &[(HalfWidthPunctuation, 6, 1, Some("？"))], "真的做到了吗？"),
    ("他说\"要抓实\"", false, &[(HalfWidthPunctuation, 2, 1, None), (HalfWidthPunctuation, 6, 1, None)], "他说\"要抓实\""),
    ("任务全部完成。。", false, &[(DoubledPunctuation, 6, 2, Some("。"))], "任务全部完成。"),
    ("一是，，二是", false, &[(DoubledPunctuation, 2, 2, Some("，"))], "一是，二是"),
    ("党建 工作", false, &[(SpaceBetweenHan, 2, 1, Some(""))], "党建工作"),
    ("党建\u{3000}\u{3000}工作", false, &[(SpaceBetweenHan, 2, 2, Some(""))], "党建工作"),
    ("完成２０２６年目标", false, &[(FullWidthAlphanumeric, 2, 4, Some("2026"))], "完成2026年目标"),
    ("推进ＧＤＰ增长", false, &[(FullWidthAlphanumeric, 2, 3, Some("GDP"))], "推进GDP增长"),
    ("学习《条例》和“两学一做", false, &[(Pairs, 7, 1, None)], "学习《条例》和“两学一做"),
    ("开展学习教育》", false, &[(Pairs, 6, 1, None)], "开展学习教育》"),
    ("落实（试行办法", false, &[(Pairs, 2, 1, None)], "落实（试行办法"),
    ("加强理论学习，", true, &[(LeadStop, 6, 1, Some("。"))], "加强理论学习。"),
    ("加强理论学习；", true, &[(LeadStop, 6, 1, Some("。"))], "加强理论学习。"),
    ("26年度共发展党员3名", false, &[(ShortYear, 0, 2, Some("2026"))], "2026年度共发展党员3名"),
    ("于26年3月完成", false, &[(ShortYear, 1, 2, Some("2026"))], "于2026年3月完成"),
];

/// Written correctly: no hint.
const CORRECT: &[&str] = &[
    "全年增长3.5%，人均1,200元，会议于9:30开始。",
    "使用Word,Excel和WPS办公",
    "他强调：“要抓落实。”",
    "学习《中国共产党问责条例》（试行）。",
    "党龄26年来始终如一",
    "2026年12月，社区党委召开会议。",
    "Email: abc@example.com",
];

fn all() -> Vec<Check> {
    Check::all()
}

#[test]
fn every_mistake_is_found_where_it_is_and_fixed_as_expected() {
    for (text, lead, expected, fixed) in MISTAKES {
        let marks = proof::check_text(text, &all(), *lead);
        let got: Vec<(Check, usize, usize, Option<&str>)> =
            marks.iter().map(|m| (m.check.unwrap(), m.start, m.len, m.fix.as_deref())).collect();
        assert_eq!(got, expected.to_vec(), "{text}");
        // Every fix, applied from the last to the first, gives the expected text.
        let mut draft_text: Vec<char> = text.chars().collect();
        for m in marks.iter().rev() {
            if let Some(fix) = &m.fix {
                draft_text.splice(m.start..m.start + m.len, fix.chars());
            }
        }
        assert_eq!(draft_text.iter().collect::<String>(), *fixed, "{text}");
        assert!(marks.iter().all(|m| !m.message.is_empty()));
    }
}

#[test]
fn correct_text_has_no_hints() {
    for text in CORRECT {
        assert_eq!(proof::check_text(text, &all(), false), vec![], "{text}");
    }
}

#[test]
fn a_template_chooses_its_checks() {
    assert!(proof::check_text("召开会议,研究", &[DoubledPunctuation], false).is_empty());
    let source = "模板：试\n样式：附件1格式\n校对：重复标点、年份简写\n文本 正文\n";
    let spec = wengao::compile(&wengao::SourceFile::new("试.wg", source), &BuiltinStyles).spec.unwrap();
    assert_eq!(spec.checks, [DoubledPunctuation, ShortYear]);
    let none = wengao::compile(&wengao::SourceFile::new("试.wg", "模板：试\n样式：附件1格式\n校对：无\n文本 正文\n"), &BuiltinStyles);
    assert_eq!(none.spec.unwrap().checks, []);
    let wrong = wengao::compile(&wengao::SourceFile::new("试.wg", "模板：试\n样式：附件1格式\n校对：错别字\n文本 正文\n"), &BuiltinStyles);
    assert!(wrong.render_diagnostics().contains("没有叫“错别字”的校对项"), "{}", wrong.render_diagnostics());
}

fn builtin(name: &str) -> FormSpec {
    wengao::compile(&TEMPLATES.iter().find(|t| t.name() == name).unwrap().source_file(), &BuiltinStyles).spec.unwrap()
}

#[test]
fn the_examples_have_no_hints() {
    for name in ["述职报告", "创新案例", "整改清单"] {
        let spec = builtin(name);
        for draft in [
            wengao::example::example(&spec, wengao::example::Length::Budgets),
            wengao::example::example(&spec, wengao::example::Length::PageLimit),
        ] {
            let hints = proof::hints(&spec, &draft);
            assert!(hints.is_empty(), "{name}: {hints:?}");
        }
    }
    for fixture in ["述职报告", "述职报告-六页", "创新案例", "整改清单"] {
        let draft =
            Draft::from_json(&std::fs::read_to_string(common::root().join(format!("tests/fixtures/drafts/{fixture}.json"))).unwrap())
                .unwrap();
        let spec = TEMPLATES
            .iter()
            .map(|t| wengao::compile(&t.source_file(), &BuiltinStyles).spec.unwrap())
            .find(|s| s.name == draft.template)
            .unwrap();
        assert!(proof::hints(&spec, &draft).is_empty(), "{fixture}");
    }
}

#[test]
fn a_hint_in_a_draft_is_fixed_with_one_click_and_the_count_follows() {
    let spec = builtin("述职报告");
    let mut draft = wengao::example::example(&spec, wengao::example::Length::Budgets);
    let point = vec![("履职情况".to_string(), 0), ("履职方面".to_string(), 0), ("履职要点".to_string(), 0)];
    let item = wengao::edit::item_mut(&mut draft, &point).unwrap();
    item.text = "全年召开会议12次,研究党建工作。".into();
    let hints = proof::hints(&spec, &draft);
    assert_eq!(hints.len(), 1, "{hints:?}");
    let hint: &Hint = &hints[0];
    assert_eq!((hint.path.clone(), hint.slot, hint.mark.start), (point.clone(), Slot::Text, 9));
    let doc = wengao::document::assemble(&spec, &draft);
    assert_eq!(proof::place(&doc, hint), "一、（一）一是 正文");
    assert_eq!(proof::excerpt(proof::text_of(&draft, hint).unwrap(), &hint.mark), "年召开会议12次【,】研究党建工作。");
    let words_before = wengao::count::count(&wengao::edit::item(&draft, &point).unwrap().text).words;
    assert!(proof::apply(&mut draft, hint));
    let text = &wengao::edit::item(&draft, &point).unwrap().text;
    assert_eq!(text, "全年召开会议12次，研究党建工作。");
    // Word counts the stray half-width comma as a word of its own and the
    // full-width one as a character: the 字数 stays 16.
    assert_eq!((words_before, wengao::count::count(text).words), (16, 16));
    assert!(proof::hints(&spec, &draft).is_empty());
}

#[test]
fn a_point_that_must_speak_with_numbers_says_so_until_it_does() {
    let spec = builtin("述职报告");
    let mut draft = wengao::example::example(&spec, wengao::example::Length::Budgets);
    let point = vec![("存在问题".to_string(), 0), ("问题方面".to_string(), 0), ("问题要点".to_string(), 1)];
    let item = wengao::edit::item_mut(&mut draft, &point).unwrap();
    item.lead = "对新领域党建指导不够".into();
    item.text = "调研不深入，指导不具体。".into();
    let hints = proof::hints(&spec, &draft);
    assert_eq!(hints.len(), 1, "{hints:?}");
    assert_eq!((hints[0].mark.check, hints[0].mark.len, hints[0].mark.fix.clone()), (None, 0, None));
    assert!(hints[0].mark.message.contains("数据"));
    wengao::edit::item_mut(&mut draft, &point).unwrap().text = "全年只调研过2次。".into();
    assert!(proof::hints(&spec, &draft).is_empty());
}

#[test]
fn coverage_of_attachment_four_turns_on_with_its_words() {
    let spec = builtin("述职报告");
    assert_eq!(spec.scoring.len(), 5, "Attachment 4's five items");
    let mut draft = Draft::new(&spec);
    wengao::edit::fill_minimums(&spec, &mut draft);
    assert!(proof::coverage(&spec, &draft).iter().all(|c| c.found.is_empty()));
    let point = vec![("履职情况".to_string(), 0), ("履职方面".to_string(), 0), ("履职要点".to_string(), 0)];
    wengao::edit::item_mut(&mut draft, &point).unwrap().text = "落实“三会一课”制度，全年开展12次。".into();
    let coverage = proof::coverage(&spec, &draft);
    let system = coverage.iter().find(|c| c.item == "健全和完善党建工作制度体系情况").unwrap();
    assert_eq!(system.found, vec![("三会一课".to_string(), point)]);
    assert_eq!(coverage.iter().filter(|c| !c.found.is_empty()).count(), 1);
}
