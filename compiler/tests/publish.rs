//! Templates published on an intranet page (#41): `wengao publish` checks the
//! templates as the browser compiles them and writes each with the list the
//! page fetches (golden: tests/fixtures/publish/templates.json); a template with
//! an error, or two with one name, publish nothing.

mod common;

use std::process::Command;

use common::root;
use wengao::publish::{self, Published};
use wengao::source::SourceFile;

fn template(name: &str) -> SourceFile {
    let path = root().join("templates").join(name);
    SourceFile::new(format!("templates/{name}"), std::fs::read_to_string(path).unwrap())
}

#[test]
fn the_list_names_each_template_with_its_version() {
    let files = publish::publish(&[template("述职报告.wg"), template("创新案例.wg")], false).unwrap();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["党建工作述职报告.wg", "基层党建创新案例.wg", "templates.json"]);
    assert_eq!(files[0].1, template("述职报告.wg").text, "the text unchanged");
    let list = Published::parse(&files[2].1).unwrap();
    assert_eq!(list.templates[0].version, publish::version(&files[0].1));
    assert!(!list.hide_builtin);
    if let Some(failure) = common::compare(&root().join("tests/fixtures/publish/templates.json"), &files[2].1) {
        panic!("{failure}");
    }
}

#[test]
fn an_error_or_a_name_twice_publishes_nothing() {
    let broken = SourceFile::new("坏的.wg", "模板：坏的\n一级 没有结束的\n  字数：很多\n".to_string());
    let refused = publish::publish(&[template("述职报告.wg"), broken], false).unwrap_err();
    assert!(refused.contains("坏的.wg") && refused.contains("没有发布"), "{refused}");
    let twice = publish::publish(&[template("述职报告.wg"), template("述职报告.wg")], true).unwrap_err();
    assert!(twice.contains("同名"), "{twice}");
    assert!(Published::parse("{\"format\":\"x\",\"version\":1,\"templates\":[]}").unwrap_err().contains("不是文稿的模板清单"));
}

#[test]
fn the_cli_writes_the_folder_or_nothing() {
    let out = std::env::temp_dir().join(format!("wengao-publish-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let cli = env!("CARGO_BIN_EXE_wengao");
    let ok = Command::new(cli)
        .args(["publish", "templates/述职报告.wg", "templates/整改清单.wg", "--hide-builtin", "-o"])
        .arg(&out)
        .current_dir(root())
        .output()
        .unwrap();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let list = Published::parse(&std::fs::read_to_string(out.join("templates.json")).unwrap()).unwrap();
    assert!(list.hide_builtin);
    for entry in &list.templates {
        assert_eq!(publish::version(&std::fs::read_to_string(out.join(&entry.file)).unwrap()), entry.version);
    }
    let bad = out.join("坏的.wg");
    std::fs::write(&bad, "模板：坏的\n一级\n").unwrap();
    let refused = Command::new(cli).arg("publish").arg(&bad).arg("-o").arg(out.join("again")).current_dir(root()).output().unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(!out.join("again").exists(), "nothing written");
    std::fs::remove_dir_all(&out).unwrap();
}

/// A published template edited (a part added, a budget changed, the page
/// limit changed, a field added): what the drafter is told.
#[test]
fn what_changed_between_two_versions() {
    let old = template("述职报告.wg");
    let edited = old
        .text
        .replace("  字数：不少于900字", "  字数：不少于1000字")
        .replace("页数：原则上不超过6页", "页数：原则上不超过5页")
        .replacen("字段 姓名", "字段 职务\n  类型：文本\n  标签：职务\n\n字段 姓名", 1)
        + "\n文本 结语\n  提示：写一句结束语。\n";
    let compile = |f: &SourceFile| wengao::compile(f, &wengao::builtin::BuiltinStyles).spec.unwrap();
    let edited = SourceFile::new("述职报告.wg", edited);
    let said = publish::changes(&compile(&old), &compile(&edited));
    insta_like(&said.join("\n"));
}

fn insta_like(actual: &str) {
    if let Some(failure) = common::compare(&root().join("tests/fixtures/publish/changes.txt"), &format!("{actual}\n")) {
        panic!("{failure}");
    }
}
