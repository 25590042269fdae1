//! Recognition that can say no (#36 item 5). A labelled set: reports of our
//! types written by us (each built-in template's examples and the fixture
//! drafts), by python-docx and by LibreOffice (tests/fixtures/audit, import),
//! and documents that are none of them (tests/fixtures/recognition, made by its
//! make.py: 入党申请书, 思想汇报, red-head 通知, 工作总结, 会议纪要, 个人述职 and
//! others). Every report must be recognised as its template, and no other
//! document may be taken for one. The table of fits (tests/fixtures/recognition/
//! fits.txt, a golden file) is what the threshold was chosen on.

mod common;

use common::{builtin_specs, compare, fixture_draft, root};
use wengao::audit::recognise::{self, THRESHOLD};
use wengao::example::{example, Length};

/// (name, bytes, the template it is written for or None).
fn labelled() -> Vec<(String, Vec<u8>, Option<String>)> {
    let specs = builtin_specs();
    let mut set = Vec::new();
    for spec in &specs {
        for (length, name) in [(Length::Budgets, "按字数"), (Length::PageLimit, "按页数")] {
            let bytes = wengao::docx::render(spec, &example(spec, length), &Default::default());
            set.push((format!("导出-{}-{name}", spec.name), bytes, Some(spec.name.clone())));
        }
    }
    for (draft, template) in [("述职报告", "党建工作述职报告"), ("创新案例", "基层党建创新案例"), ("整改清单", "述职评议问题整改清单")]
    {
        let spec = specs.iter().find(|s| s.name == template).unwrap();
        set.push((format!("导出-{draft}"), wengao::docx::render(spec, &fixture_draft(draft), &Default::default()), Some(template.into())));
    }
    let read = |dir: &str| {
        let mut names: Vec<_> = std::fs::read_dir(root().join(dir)).unwrap().filter_map(Result::ok).map(|e| e.path()).collect();
        names.sort();
        names.into_iter().filter(|p| p.extension().is_some_and(|x| x == "docx"))
    };
    for path in read("tests/fixtures/audit") {
        set.push((path.file_stem().unwrap().to_string_lossy().into(), std::fs::read(&path).unwrap(), Some("党建工作述职报告".into())));
    }
    for path in read("tests/fixtures/import") {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let template = match name.split('-').next().unwrap() {
            "述职报告" => "党建工作述职报告",
            "创新案例" => "基层党建创新案例",
            "整改清单" => "述职评议问题整改清单",
            other => panic!("{other}: no label"),
        };
        set.push((name, std::fs::read(&path).unwrap(), Some(template.into())));
    }
    for path in read("tests/fixtures/recognition") {
        set.push((path.file_stem().unwrap().to_string_lossy().into(), std::fs::read(&path).unwrap(), None));
    }
    set
}

#[test]
fn reports_are_recognised_and_other_documents_are_not() {
    let specs = builtin_specs();
    let mut table = format!("threshold {THRESHOLD}\nfile | label | best guess | score | title heads fields taken left\n");
    let mut wrong = Vec::new();
    let (mut negatives, mut refused) = (0, 0);
    for (name, bytes, label) in labelled() {
        let file = wengao::import::read_docx(&bytes).unwrap();
        let guess = recognise::recognise(&file, &specs).unwrap();
        let f = &guess.fit;
        let outcome = guess.recognised().then(|| guess.spec.name.clone());
        table.push_str(&format!(
            "{name} | {} | {} | {:.2} | {:.2} {}/{} {} {:.2} {:.2}{}\n",
            label.as_deref().unwrap_or("未识别"),
            guess.spec.name,
            f.score(),
            f.title,
            f.headings.0,
            f.headings.1,
            f.fields,
            f.taken,
            f.left,
            if outcome == label { "" } else { "  ← wrong" }
        ));
        if label.is_none() {
            negatives += 1;
            refused += usize::from(outcome.is_none());
        }
        if outcome != label {
            wrong.push(format!("{name}: {outcome:?} for {label:?}"));
        }
    }
    if let Some(failure) = compare(&root().join("tests/fixtures/recognition/fits.txt"), &table) {
        panic!("{failure}");
    }
    assert!(negatives >= 20, "the labelled set has {negatives} documents that are not reports");
    assert!(wrong.is_empty(), "{} of {} not reports refused; wrong:\n{}", refused, negatives, wrong.join("\n"));
}

/// A document no template fits, among a batch: 未识别 with its best guess and
/// why, its own 字数, no format verdict, and left out of the 汇编; checked as
/// the template the clerk names, it is checked like any report.
#[test]
fn an_unrecognised_file_is_said_and_left_out() {
    use wengao::audit::batch::{self, Received};
    let specs = builtin_specs();
    let bytes = std::fs::read(root().join("tests/fixtures/recognition/其他-1.docx")).unwrap();
    let file = Received { name: "附件/报价函.docx".into(), bytes: bytes.clone() };
    let rows = batch::check_all(vec![file.clone()], &specs);
    let row = &rows[0];
    assert_eq!(row.verdict(), "未识别");
    assert!(!row.passes() && !row.counts());
    assert!(
        row.unrecognised.as_deref().is_some_and(|why| why.starts_with("不像是任何一种要求报送的材料：最像“")),
        "{:?}",
        row.unrecognised
    );
    assert_eq!(row.words, wengao::import::read_docx(&bytes).unwrap().words());
    assert!(row.words > 300);
    assert!(row.findings.is_empty() && row.template.is_empty());
    let err = wengao::booklet::read("报价函.docx", &bytes, &specs, None).err().unwrap();
    assert!(err.starts_with("认不出是哪种材料"), "{err}");
    // The clerk's choice (the desk's per row, `wengao audit --as`): checked as that template.
    let rows = batch::check_all_as(vec![file], &specs, "党建工作述职报告");
    assert_eq!(rows[0].template, "党建工作述职报告");
    assert!(rows[0].chosen && rows[0].unrecognised.is_none() && !rows[0].findings.is_empty());
}

/// Two copies of a file no template fits, the clerk choosing a template for
/// the second: that one is kept and the first is its copy, not the other way.
#[test]
fn the_copy_kept_is_the_one_checked() {
    use wengao::audit::batch::{self, Received};
    let specs = builtin_specs();
    let bytes = std::fs::read(root().join("tests/fixtures/recognition/工作总结-3.docx")).unwrap();
    let first = batch::check(&Received { name: "总结.docx".into(), bytes: bytes.clone() }, &specs);
    let chosen = batch::check_as(&Received { name: "总结(1).docx".into(), bytes }, &specs, "落实全面从严治党主体责任情况报告");
    let mut rows = vec![first, chosen];
    wengao::audit::group::relate(&mut rows);
    assert_eq!(rows[0].duplicate_of.as_deref(), Some("总结(1).docx"));
    assert_eq!(rows[1].duplicate_of, None);
    assert!(rows[1].counts());
}
