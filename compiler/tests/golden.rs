//! Golden files: every diagnostic the compiler gives, and the form spec of every
//! template. Each case in tests/diagnostics/*.wg starts with `# 期望：Exx` (the code
//! it must produce) and, optionally, `# 命令：compile`; its `.expected` file holds the
//! CLI's exit code and standard error, exactly. `WENGAO_BLESS=1 cargo test` rewrites
//! the expected files — then read the diff.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

use common::{compare, root};

fn wengao(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_wengao")).args(args).current_dir(root()).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn header(text: &str, key: &str) -> Option<String> {
    text.trim_start_matches('\u{FEFF}')
        .lines()
        .take_while(|l| l.starts_with('#'))
        .find_map(|l| l.strip_prefix(&format!("# {key}：")).map(|v| v.trim().to_string()))
}

#[test]
fn every_diagnostic_matches_its_golden_file() {
    let dir = root().join("tests/diagnostics");
    let mut cases: Vec<PathBuf> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "wg")).collect();
    cases.sort();
    let mut failures = Vec::new();
    let mut codes = BTreeSet::new();
    let mut count = 0;
    for case in &cases {
        let text = std::fs::read_to_string(case).unwrap();
        let Some(code) = header(&text, "期望") else { continue };
        count += 1;
        let command = header(&text, "命令").unwrap_or_else(|| "check".into());
        let rel = format!("tests/diagnostics/{}", case.file_name().unwrap().to_string_lossy());
        let (status, _, stderr) = wengao(&[&command, &rel]);
        if !stderr.contains(&format!("[{code}]")) {
            failures.push(format!("{rel}: expected a diagnostic {code}, got:\n{stderr}"));
        }
        codes.insert(code);
        let actual = format!("退出码：{status}\n{stderr}");
        failures.extend(compare(&case.with_extension("expected"), &actual));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(count >= 15, "only {count} diagnostic cases");
    assert!(codes.len() >= 15, "only {} distinct codes: {codes:?}", codes.len());
}

#[test]
fn every_template_compiles_to_its_golden_spec() {
    let mut failures = Vec::new();
    for t in wengao::builtin::TEMPLATES {
        let rel = format!("templates/{}", t.file_name);
        let (status, stdout, _) = wengao(&["compile", &rel]);
        assert_eq!(status, 0, "{rel} does not compile");
        let golden = root().join("tests/golden").join(format!("{}.json", t.name()));
        failures.extend(compare(&golden, &stdout));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn check_passes_on_every_shipped_file() {
    let mut args = vec!["check".to_string()];
    // The templates, and the app's own: 新建模板's starting point.
    for dir in ["templates", "app"] {
        for f in std::fs::read_dir(root().join(dir)).unwrap() {
            let p = f.unwrap().path();
            if p.extension().is_some_and(|x| x == "wg") {
                args.push(format!("{dir}/{}", p.file_name().unwrap().to_string_lossy()));
            }
        }
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (status, stdout, stderr) = wengao(&args);
    assert_eq!(status, 0, "{stderr}");
    assert_eq!(stdout.matches("通过").count(), args.len() - 1, "{stdout}");
}

#[test]
fn the_guide_example_compiles_without_a_single_diagnostic() {
    let guide = std::fs::read_to_string(root().join("docs/template-guide.md")).unwrap();
    let start = guide.find("```wengao\n").expect("the guide has a ```wengao example") + "```wengao\n".len();
    let len = guide[start..].find("\n```").unwrap();
    let example = &guide[start..start + len + 1];
    let result = wengao::compile(&wengao::SourceFile::new("指南示例.wg", example), &wengao::builtin::BuiltinStyles);
    assert!(result.diagnostics.is_empty(), "{}", result.render_diagnostics());
    let spec = result.spec.unwrap();
    // Every construct the guide promises is in the example.
    let json = serde_json::to_string(&spec).unwrap();
    for construct in [
        "\"type\":\"choice\"",
        "\"type\":\"year_month\"",
        "\"kind\":\"point\"",
        "\"kind\":\"pictures\"",
        "\"kind\":\"table\"",
        "\"conditional_prompts\":[{",
    ] {
        assert!(json.contains(construct), "the example lacks {construct}");
    }
    assert_eq!(spec.style.role(wengao::spec::Role::Body).size_half_points, 32, "override to 三号");
}

/// The rows of the Markdown table that follows `heading` in the guide, cells trimmed.
fn guide_table(guide: &str, heading: &str) -> Vec<Vec<String>> {
    let at = guide.find(heading).unwrap_or_else(|| panic!("the guide has “{heading}”"));
    guide[at..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| l.trim().trim_matches('|').split('|').map(|c| c.trim().to_string()).collect())
        .collect()
}

/// The words of a cell or a sentence: `段落（单段/多段）、字数` → 段落, 字数;
/// “`字段`、`一级`” → 字段, 一级.
fn words(text: &str) -> Vec<String> {
    text.split(['、', '，'])
        .map(|w| w.split('（').next().unwrap().trim().trim_end_matches('。').trim_matches('`').to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The language is described once (syntax/language.rs); the guide's tables and
/// lists must say the same.
#[test]
fn the_guide_says_what_the_language_has() {
    use wengao::syntax::language::{Keyword, BLOCKS, TEMPLATE_BLOCKS, TEMPLATE_KEYS};
    let guide = std::fs::read_to_string(root().join("docs/template-guide.md")).unwrap();
    let line_after = |lead: &str| {
        let at = guide.find(lead).unwrap_or_else(|| panic!("the guide says “{lead}”")) + lead.len();
        guide[at..].lines().next().unwrap().split('（').next().unwrap().to_string()
    };
    let all: Vec<&str> = BLOCKS.iter().map(|b| b.word).collect();
    assert_eq!(words(&line_after("关键字一共有这些：")), all, "the guide's list of keywords");
    let top: Vec<&str> = TEMPLATE_BLOCKS.iter().map(|k| k.word()).collect();
    assert_eq!(words(&line_after("最外层的块：")), top, "the guide's top-level blocks");
    let keys: Vec<String> = guide_table(&guide, "### 3.1 模板最外层的键")
        .iter()
        .flat_map(|r| r[0].split(" / ").map(str::to_string).collect::<Vec<_>>())
        .collect();
    assert_eq!(keys, TEMPLATE_KEYS, "the guide's table 3.1");
    let mut previous_keys = Vec::new();
    for row in guide_table(&guide, "### 3.3 各部分") {
        let kind = Keyword::from_word(&row[0]).unwrap_or_else(|| panic!("“{}” in the guide's table 3.3 is not a keyword", row[0])).kind();
        assert_eq!(row[1], kind.makes, "what “{}” makes", row[0]);
        let keys = if row[3] == "同上" { previous_keys.clone() } else { words(&row[3]) };
        assert_eq!(keys, kind.keys, "the keys of “{}”", row[0]);
        let children: Vec<&str> = kind.children.iter().map(|k| k.word()).collect();
        assert_eq!(words(&row[4]), children, "what “{}” may hold", row[0]);
        previous_keys = keys;
    }
}

/// `wengao stats --json`: the figures another program reads (the embedded
/// form's onChange gives the same, docs/embedding.md), for every example draft.
#[test]
fn stats_as_json_match_their_golden_files() {
    let mut failures = Vec::new();
    for (template, draft) in [("述职报告", "述职报告"), ("述职报告", "述职报告-六页"), ("创新案例", "创新案例"), ("整改清单", "整改清单")]
    {
        let (status, stdout, stderr) =
            wengao(&["stats", &format!("templates/{template}.wg"), &format!("tests/fixtures/drafts/{draft}.json"), "--json"]);
        assert_eq!(status, 0, "{draft}: {stderr}");
        let figures: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        // The whole document comes first, with the total.
        assert_eq!(figures["parts"][0]["label"], "全文");
        assert_eq!(figures["parts"][0]["words"], figures["words"]);
        let pretty = serde_json::to_string_pretty(&figures).unwrap() + "\n";
        failures.extend(compare(&root().join(format!("tests/golden/stats/{draft}.json")), &pretty));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
