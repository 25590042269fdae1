//! The 字数 table: tests/fixtures/count-cases.json, one row per case, each with the
//! figures Word's 字数统计 dialog shows. The browser tests read the same table.

use serde::Deserialize;
use wengao::count::count;

#[derive(Deserialize)]
struct Case {
    text: String,
    words: usize,
    chars_no_spaces: usize,
    chars_with_spaces: usize,
    note: String,
}

#[test]
fn every_row_of_the_counting_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/count-cases.json");
    let cases: Vec<Case> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(cases.len() >= 40, "the table has {} rows", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        let got = count(&c.text);
        let want = (c.words, c.chars_no_spaces, c.chars_with_spaces);
        if (got.words, got.chars_no_spaces, got.chars_with_spaces) != want {
            failures.push(format!("{:?} ({}): got {:?}, want {:?}", c.text, c.note, got, want));
        }
    }
    assert!(failures.is_empty(), "{} of {} rows differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn counts_add_up_over_concatenation_at_blank_boundaries() {
    // Budgets sum the counts of separate paragraphs; that must equal counting the
    // paragraphs joined by line breaks, as Word counts the whole document.
    let parts = ["一是坚持以上率下。", "GDP增长6.5%", "“两学一做”——", "Hello World"];
    let mut sum = wengao::count::Counts::default();
    for p in parts {
        sum += count(p);
    }
    let joined = count(&parts.join("\n"));
    assert_eq!(sum, joined);
}

#[test]
fn the_cli_counts_every_row_the_same() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/count-cases.json");
    let cases: Vec<Case> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for c in &cases {
        let mut child = Command::new(env!("CARGO_BIN_EXE_wengao"))
            .args(["count", "--json", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(c.text.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(got["words"], c.words, "{:?} ({})", c.text, c.note);
        assert_eq!(got["chars_no_spaces"], c.chars_no_spaces, "{:?} ({})", c.text, c.note);
    }
}
