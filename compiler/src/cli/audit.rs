//! `wengao audit`: the organizer's desk on the command line: every received
//! file checked against its template, one line each, then every finding.

use std::path::Path;
use std::process::ExitCode;

use wengao::audit::batch::{self, Received};
use wengao::audit::summary::Summary;
use wengao::spec::FormSpec;

pub const AUDIT_HELP: &str = "用法：wengao audit <文件或文件夹>… [--template 模板.wg]… [--as 模板名称] [-o 审核表.xlsx] [--notes 文件夹]

审核收到的材料：逐个检查 Word 文件（.docx）和文稿的草稿文件（.json，按它导出的 Word 文件检查；
压缩包 .zip 里的也拆开检查；给文件夹时其中每个文件都列一行：.doc、.wps、PDF、图片说明读不了的原因和怎么办，
邮件正文（.txt、.eml）说明不是报告文件，内容完全相同的文件只算一次；电脑自己生成的 ~$ 临时文件、Thumbs.db、
.DS_Store、__MACOSX 不算），认出它是按哪个模板
写的（内置的模板，和 --template 给的；哪个模板都对不上的文件标为“未识别”，说明最像哪个、差在哪里，不查格式），然后对照模板检查：
全文字数（整个文件，和 Word 的字数统计一样）、各部分字数（按模板归入的）、按模板格式估计的页数、缺了哪些部分、放不进模板的段落、图片（文件里的全部图片），以及从文件本身读出的格式
（纸张、页边距，标题、副标题、日期、各级标题、正文的字体字号，行距，首行缩进，页码）；
同一单位的述职报告和随附的创新案例放在一起核对篇数（模板的“随附：”一行）。
先打印一张表，每个文件一行，再逐个文件列出要修改的地方。
--as：不认，每个文件都按这个模板检查（和审核台上给一行选模板一样）。
-o：同时写一个 Excel 工作簿：“审核表”每个文件一行、每项数字一列，“问题”每个问题一行（写明是哪个文件的）。
--notes：给每个需要修改的文件在这个文件夹里写一份修改意见（Word 文件，按它的模板的格式）。
全部可以报送时退出码为 0；有文件需要修改、读不了或者未识别时为 1。";

/// Runs `wengao audit`.
pub fn run(args: &[String]) -> ExitCode {
    let mut paths = Vec::new();
    let mut templates = Vec::new();
    let mut output = None;
    let mut notes = None;
    let mut chosen = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--template" => match it.next() {
                Some(t) => templates.push(t.clone()),
                None => {
                    eprintln!("wengao：--template 后面要写模板文件\n\n{AUDIT_HELP}");
                    return ExitCode::from(2);
                }
            },
            "-o" | "--output" => match it.next() {
                Some(o) => output = Some(o.clone()),
                None => {
                    eprintln!("wengao：-o 后面要写文件名\n\n{AUDIT_HELP}");
                    return ExitCode::from(2);
                }
            },
            "--as" => match it.next() {
                Some(t) => chosen = Some(t.clone()),
                None => {
                    eprintln!("wengao：--as 后面要写模板名称\n\n{AUDIT_HELP}");
                    return ExitCode::from(2);
                }
            },
            "--notes" => match it.next() {
                Some(d) => notes = Some(d.clone()),
                None => {
                    eprintln!("wengao：--notes 后面要写文件夹\n\n{AUDIT_HELP}");
                    return ExitCode::from(2);
                }
            },
            _ => paths.push(a.clone()),
        }
    }
    if paths.is_empty() {
        eprintln!("{AUDIT_HELP}");
        return ExitCode::from(2);
    }
    let Some(specs) = super::specs_with(&templates) else { return ExitCode::from(2) };
    let mut files = Vec::new();
    for p in &paths {
        if let Err(e) = collect(Path::new(p), &mut files) {
            eprintln!("wengao：{e}");
            return ExitCode::from(2);
        }
    }
    let rows = match &chosen {
        Some(template) if !specs.iter().any(|s| &s.name == template) => {
            let names: Vec<&str> = specs.iter().map(|s| s.name.as_str()).collect();
            eprintln!("wengao：没有“{template}”这个模板；有：{}", names.join("、"));
            return ExitCode::from(2);
        }
        Some(template) => batch::check_all_as(files, &specs, template),
        None => batch::check_all(files, &specs),
    };
    print_table(&rows);
    print_findings(&rows);
    if let Some(path) = output {
        let written = wengao::audit::workbook::write(&rows)
            .map_err(|e| e.to_string())
            .and_then(|b| std::fs::write(&path, b).map_err(|e| e.to_string()));
        if let Err(e) = written {
            eprintln!("wengao：{path}：写不了（{e}）");
            return ExitCode::from(2);
        }
    }
    if let Some(dir) = notes {
        if let Err(e) = write_notes(Path::new(&dir), &rows, &specs) {
            eprintln!("wengao：{e}");
            return ExitCode::from(2);
        }
    }
    if rows.iter().all(Summary::passes) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// A 修改意见 .docx for every file that must change, in its template's style.
fn write_notes(dir: &Path, rows: &[Summary], specs: &[FormSpec]) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}：建不了文件夹（{e}）", dir.display()))?;
    let mut used = std::collections::HashSet::new();
    for r in rows.iter().filter(|r| !r.passes()) {
        let style = &specs.iter().find(|s| s.name == r.template).unwrap_or(&specs[0]).style;
        // Two files of one unit and template: the second named by its file too.
        let plain = wengao::audit::notes::file_name(r, false);
        let named = wengao::audit::notes::file_name(r, true);
        let numbered = (2..).map(|n| named.replace(".docx", &format!("（{n}）.docx")));
        let name = [plain, named.clone()].into_iter().chain(numbered).find(|n| used.insert(n.clone())).unwrap_or_default();
        let path = dir.join(name);
        std::fs::write(&path, wengao::audit::notes::docx(r, style, &Default::default()))
            .map_err(|e| format!("{}：写不了（{e}）", path.display()))?;
        say!("已写 {}", path.display());
    }
    Ok(())
}

/// A file as itself; a folder's files, its subfolders too, by name: every one
/// gets a row (a .doc or a PDF its reason), except what the computer made
/// beside them (`batch::is_system_file`).
fn collect(path: &Path, out: &mut Vec<Received>) -> Result<(), String> {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| format!("{}：读不了（{e}）", path.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        entries.sort();
        for e in entries {
            if !e.file_name().is_some_and(|n| batch::is_system_file(&n.to_string_lossy())) {
                collect(&e, out)?;
            }
        }
        return Ok(());
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{}：读不了（{e}）", path.display()))?;
    out.push(Received { name: path.display().to_string(), bytes });
    Ok(())
}

/// How wide a text shows in a terminal: CJK characters take two columns.
fn width(s: &str) -> usize {
    s.chars().map(|c| if (c as u32) < 0x1100 { 1 } else { 2 }).sum()
}

fn pad(s: &str, to: usize) -> String {
    format!("{s}{}", " ".repeat(to.saturating_sub(width(s))))
}

fn print_table(rows: &[Summary]) {
    let header = ["文件", "模板", "单位", "姓名", "字数", "页数", "按模板格式页数", "图片", "校对提示", "测评指标", "配套", "结论"];
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let file = r.file.rsplit('/').next().unwrap_or(&r.file).to_string();
            let scored = if r.scored > 0 { format!("{}/{}", r.covered, r.scored) } else { String::new() };
            let figures = [
                r.template.clone(),
                r.unit.clone(),
                r.person.clone(),
                r.words.to_string(),
                r.pages_cell(),
                r.pages.clone(),
                r.pictures.to_string(),
                r.hints.to_string(),
                scored,
                r.pairing.clone(),
            ];
            let figures = if r.unchecked.is_some() { Default::default() } else { figures };
            [vec![file], figures.to_vec(), vec![r.verdict()]].concat()
        })
        .collect();
    let widths: Vec<usize> =
        (0..header.len()).map(|i| cells.iter().map(|c| width(&c[i])).chain([width(header[i])]).max().unwrap_or(0)).collect();
    let line = |cells: &[String]| cells.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect::<Vec<_>>().join("  ").trim_end().to_string();
    say!("{}", line(&header.map(String::from)));
    for c in &cells {
        say!("{}", line(c));
    }
}

/// Every file that does not pass, with its 修改意见 (notes too).
fn print_findings(rows: &[Summary]) {
    for r in rows.iter().filter(|r| !r.findings.is_empty() || r.unchecked.is_some() || r.unrecognised.is_some()) {
        say!("\n{}（{}）", r.file, r.verdict());
        // A file not checked has one line, its reason; a checked one a line per finding under a heading.
        let notes = r.revision_notes();
        let lines: Vec<&str> = notes.lines().collect();
        for line in if lines.len() > 1 { &lines[1..] } else { &lines[..] } {
            say!("  {line}");
        }
    }
}
