//! `wengao ballot`: the 述职测评表 of the people whose reports are given.

use std::process::ExitCode;

use wengao::ballot;

pub const BALLOT_HELP: &str =
    "用法：wengao ballot <述职报告的草稿或 Word 文件>… -o 测评表.docx [--title 标题] [--order 述职顺序.txt] [--template 模板.wg]…

按报告的模板里的“测评指标”和“测评等次”（不写时为 好、较好、一般、差）做一张述职测评表（Word 文件，
A4 横向，表头每页重复）：每位述职人一行（单位、姓名从报告的标题行读出），每项指标和“总体评价”
各一列，格子里是带□的各个等次。
--title：表的标题（默认“党建述职测评表”）；--order：述职顺序，一行一个单位。";

/// Runs `wengao ballot`.
pub fn run(args: &[String]) -> ExitCode {
    let mut paths = Vec::new();
    let mut templates = Vec::new();
    let mut output = None;
    let mut order = None;
    let mut title = "党建述职测评表".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if !matches!(a.as_str(), "-o" | "--output" | "--title" | "--order" | "--template") {
            paths.push(a.clone());
            continue;
        }
        let Some(value) = it.next().cloned() else { return usage(&format!("{a} 后面要写内容")) };
        match a.as_str() {
            "--title" => title = value,
            "--order" => order = Some(value),
            "--template" => templates.push(value),
            _ => output = Some(value),
        }
    }
    let Some(output) = output.filter(|_| !paths.is_empty()) else { return usage("要给出文件和 -o 测评表.docx") };
    let Some(specs) = super::specs_with(&templates) else { return ExitCode::from(2) };
    let Some(mut items) = super::booklet::read_all(&paths, &specs) else { return ExitCode::from(1) };
    if let Some(path) = order {
        match std::fs::read_to_string(&path) {
            Ok(list) => wengao::booklet::arrange(&mut items, &list).iter().for_each(|note| eprintln!("wengao：{note}")),
            Err(e) => {
                eprintln!("wengao：{path}：读不了（{e}）");
                return ExitCode::from(2);
            }
        }
    }
    let persons = ballot::persons(&items);
    let Some(spec) = items.iter().map(|i| i.spec).find(|s| !s.scoring.is_empty()) else {
        return usage("给的文件里没有带“测评指标”的报告");
    };
    if spec.grades.is_empty() {
        say!("（模板没有写“测评等次”，按 {} 做）", ballot::DEFAULT_GRADES.join("、"));
    }
    for (n, p) in persons.iter().enumerate() {
        say!("{} {} {}", n + 1, p.unit, p.name);
    }
    let doc = ballot::document(&title, spec, &persons);
    let bytes = wengao::docx::render_document(&doc, &ballot::landscape(&spec.style), &Default::default());
    match std::fs::write(&output, bytes) {
        Ok(()) => {
            say!("已写 {output}：{}人，{}项测评指标", persons.len(), spec.scoring.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("wengao：{output}：写不了（{e}）");
            ExitCode::from(2)
        }
    }
}

fn usage(why: &str) -> ExitCode {
    eprintln!("wengao：{why}\n\n{BALLOT_HELP}");
    ExitCode::from(2)
}
