//! `wengao summary`: the 摘要 of each report, for publication.

use std::process::ExitCode;

use wengao::extract;

pub const SUMMARY_HELP: &str = "用法：wengao summary <草稿或 Word 文件>… [-o 摘要.docx] [--template 模板.wg]…

按每份报告的结构摘出摘要：各部分的标题、每个（一）标题和每个“一是”的要点句，按原文的顺序，
不超过模板“摘要：”一行给的字数（先放各级标题，再放每个（一）下的第一句要点、第二句……，放得下为止）；
不另写一个字。每份打印出来；-o 时把全部摘要写进一个 Word 文件，供公布。
Word 文件像审核台一样认出模板、导入。";

/// Runs `wengao summary`.
pub fn run(args: &[String]) -> ExitCode {
    let mut paths = Vec::new();
    let mut templates = Vec::new();
    let mut output = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if !matches!(a.as_str(), "-o" | "--output" | "--template") {
            paths.push(a.clone());
            continue;
        }
        let Some(value) = it.next().cloned() else { return usage(&format!("{a} 后面要写内容")) };
        match a.as_str() {
            "--template" => templates.push(value),
            _ => output = Some(value),
        }
    }
    if paths.is_empty() {
        return usage("要给出文件");
    }
    let Some(specs) = super::specs_with(&templates) else { return ExitCode::from(2) };
    let mut extracts = Vec::new();
    let mut unreadable = 0;
    for path in &paths {
        let read = std::fs::read(path).map_err(|e| e.to_string()).and_then(|bytes| wengao::booklet::read(path, &bytes, &specs, None));
        let (item, problems) = match read {
            Ok(read) => read,
            Err(e) => {
                eprintln!("wengao：{path}：{e}");
                unreadable += 1;
                continue;
            }
        };
        let e = extract::extract(item.spec, &item.draft);
        let budget = e.max_words.map(|m| format!("，上限{m}字")).unwrap_or_default();
        say!("== {path}：{}（摘要，{}字{budget}）", e.title, e.words);
        for note in problems.iter().chain(&e.notes) {
            say!("（{note}）");
        }
        for p in &e.paragraphs {
            say!("{}", p.text);
        }
        extracts.push(e);
    }
    if let Some(output) = output.filter(|_| !extracts.is_empty()) {
        let style = &specs[0].style;
        let bytes = wengao::docx::render_document(&extract::document(&extracts), style, &Default::default());
        if let Err(e) = std::fs::write(&output, bytes) {
            eprintln!("wengao：{output}：写不了（{e}）");
            return ExitCode::from(2);
        }
        say!("已写 {output}");
    }
    if unreadable > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn usage(why: &str) -> ExitCode {
    eprintln!("wengao：{why}\n\n{SUMMARY_HELP}");
    ExitCode::from(2)
}
