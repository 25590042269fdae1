//! `wengao booklet`: the 述职材料汇编 from drafts and Word files.

use std::process::ExitCode;

use wengao::booklet::{self, Cover};

pub const BOOKLET_HELP: &str =
    "用法：wengao booklet <草稿或 Word 文件>… -o 汇编.docx [--title 封面标题] [--date 日期] [--template 模板.wg]…

把述职报告和创新案例编成一本述职材料汇编（Word 文件）：封面、目录（页码由排版模型算出，
写成带点线的文字，Word、WPS 和 LibreOffice 打开都一样），然后按给出的顺序逐份排入，
每份都从单页（右手页）开始，页码接着往下编；每篇创新案例排在同一单位的述职报告后面。
每个文件认出是哪个模板（和审核台一样）；Word 文件按模板导入，有放不进模板的段落或标题行里
没读到的项时先列出来。读不了的文件列出原因，不写汇编，退出码为 1。
--title：封面的标题（默认“述职材料汇编”）；--date：封面的日期（默认不写）；
--order：述职顺序，一行一个单位（从会议安排里复制），各单位的材料按它排，没写到的单位排在后面。";

/// Runs `wengao booklet`.
pub fn run(args: &[String]) -> ExitCode {
    let mut paths = Vec::new();
    let mut templates = Vec::new();
    let mut output = None;
    let mut order = None;
    let mut cover = Cover { title: "述职材料汇编".into(), date: String::new() };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if !matches!(a.as_str(), "-o" | "--output" | "--title" | "--date" | "--order" | "--template") {
            paths.push(a.clone());
            continue;
        }
        let Some(value) = it.next().cloned() else { return usage(&format!("{a} 后面要写内容")) };
        match a.as_str() {
            "--title" => cover.title = value,
            "--date" => cover.date = value,
            "--template" => templates.push(value),
            "--order" => order = Some(value),
            _ => output = Some(value),
        }
    }
    let Some(output) = output.filter(|_| !paths.is_empty()) else { return usage("要给出文件和 -o 汇编.docx") };
    let Some(specs) = super::specs_with(&templates) else { return ExitCode::from(2) };
    let Some(mut items) = read_all(&paths, &specs) else { return ExitCode::from(1) };
    if let Some(path) = order {
        match std::fs::read_to_string(&path) {
            Ok(list) => booklet::arrange(&mut items, &list).iter().for_each(|note| eprintln!("wengao：{note}")),
            Err(e) => {
                eprintln!("wengao：{path}：读不了（{e}）");
                return ExitCode::from(2);
            }
        }
    }
    let plan = booklet::plan(&items);
    say!("目录（封面和目录共{}页，正文从第{}张起）", plan.front_pages, plan.front_pages + 1);
    for e in &plan.entries {
        say!("{}{}  第{}页（{}页）", "  ".repeat(usize::from(e.level)), e.line, e.first_page, e.pages);
    }
    let Some(bytes) = booklet::render(&cover, &items, &plan, &Default::default()) else { return usage("没有材料") };
    match std::fs::write(&output, bytes) {
        Ok(()) => {
            say!("已写 {output}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("wengao：{output}：写不了（{e}）");
            ExitCode::from(2)
        }
    }
}

fn usage(why: &str) -> ExitCode {
    eprintln!("wengao：{why}\n\n{BOOKLET_HELP}");
    ExitCode::from(2)
}

/// Reads every file (a draft or a Word file, its template recognised),
/// printing what did not go in cleanly; None when one cannot be read (said).
pub fn read_all<'s>(paths: &[String], specs: &'s [wengao::spec::FormSpec]) -> Option<Vec<booklet::Item<'s>>> {
    let mut items = Vec::new();
    let mut unreadable = 0;
    for path in paths {
        let read = std::fs::read(path).map_err(|e| e.to_string()).and_then(|bytes| booklet::read(path, &bytes, specs, None));
        match read {
            Ok((item, problems)) => {
                for p in problems {
                    say!("{path}：{p}");
                }
                items.push(item);
            }
            Err(e) => {
                eprintln!("wengao：{path}：{e}");
                unreadable += 1;
            }
        }
    }
    if unreadable > 0 {
        eprintln!("wengao：{unreadable}个文件读不了，没有写");
        return None;
    }
    Some(items)
}
