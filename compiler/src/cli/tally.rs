//! `wengao tally`: the 测评结果汇总 of a file of entered sheets.

use std::process::ExitCode;

use wengao::tally::{self, output, read};

pub const TALLY_HELP: &str =
    "用法：wengao tally <录入明细.csv 或 .xlsx> -o 汇总.docx [--xlsx 汇总.xlsx] [--title 标题] [--grades 好,较好,一般,差] [--template 模板.wg]

把录入的测评表汇总：每位述职人每一项（各项测评指标和总体评价）选每个等次的张数、未评的张数，
和前两个等次（好和较好）的占比；写成 Word 表格（A4 横向，表头每页重复），--xlsx 时也写成 Excel。
录入明细：第一行是表头 表号、序号、单位、姓名，后面每项一列；每张表每位述职人一行；
格子里写等次的序号（1 是最好）或等次的名称，空着算未评。审核台“导出 Excel”的“录入”表就是这样。
等次按 --grades，或 --template 给的模板的“测评等次”，都不给时按内置述职报告模板（好、较好、一般、差）。
有填错的格子（不是等次）、同一张表同一个人录了两次而不一样时，逐条说出在第几行，什么也不写，退出码为 1。";

/// Runs `wengao tally`.
pub fn run(args: &[String]) -> ExitCode {
    let (mut input, mut output, mut workbook, mut grades, mut templates) = (None, None, None, None, Vec::new());
    let mut title = "党建述职测评结果汇总".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if !matches!(a.as_str(), "-o" | "--output" | "--xlsx" | "--title" | "--grades" | "--template") {
            if input.replace(a.clone()).is_some() {
                return usage("只能给一个录入明细文件");
            }
            continue;
        }
        let Some(value) = it.next().cloned() else { return usage(&format!("{a} 后面要写内容")) };
        match a.as_str() {
            "--xlsx" => workbook = Some(value),
            "--title" => title = value,
            // Read as a template's 测评等次 line is: two to six, none twice.
            "--grades" => match wengao::values::grades(&value) {
                Ok(g) => grades = Some(g),
                Err(e) => return usage(&format!("--grades：{}（{}）", e.message, e.hint.unwrap_or_default())),
            },
            "--template" => templates.push(value),
            _ => output = Some(value),
        }
    }
    let (Some(input), Some(output)) = (input, output) else { return usage("要给出录入明细文件和 -o 汇总.docx") };
    let Some(specs) = super::specs_with(&templates) else { return ExitCode::from(2) };
    // A template given comes after the built-in ones: the last with 测评指标 is the one meant.
    let Some(spec) = specs.iter().rev().find(|s| !s.scoring.is_empty()) else { return usage("没有带“测评指标”的模板") };
    let grades = grades.unwrap_or_else(|| wengao::ballot::grades(spec));
    let rows = match std::fs::read(&input) {
        Err(e) => return fail(&format!("{input}：读不了（{e}）")),
        Ok(bytes) if input.to_lowercase().ends_with(".xlsx") => match read::xlsx(&bytes) {
            Ok(rows) => rows,
            Err(e) => return fail(&format!("{input}：{e}")),
        },
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => read::csv(&text),
            Err(_) => return fail(&format!("{input}：不是 UTF-8 编码的 .csv（在 Excel 里另存为“CSV UTF-8（逗号分隔）”，或直接给 .xlsx）")),
        },
    };
    let entered = match read::sheets(&rows, &grades) {
        Ok(entered) => entered,
        Err(errors) => {
            const SHOWN: usize = 30;
            for e in errors.iter().take(SHOWN) {
                eprintln!("wengao：{input}：{e}");
            }
            if errors.len() > SHOWN {
                eprintln!("wengao：还有{}处", errors.len() - SHOWN);
            }
            eprintln!("wengao：{}处要改正，改好以前不汇总，什么也没有写", errors.len());
            return ExitCode::from(1);
        }
    };
    for note in &entered.notes {
        say!("注意：{note}");
    }
    let (setup, sheets) = (&entered.setup, &entered.sheets);
    say!("{}", output::explanation(setup, sheets));
    let counts = tally::count(setup, sheets);
    // Each person's 总体评价, wherever its column stands; a file without one says so.
    match setup.overall() {
        Some(overall) => {
            say!("{}：", tally::OVERALL);
            for (n, p) in setup.persons.iter().enumerate() {
                let c = &counts[n * setup.items.len() + overall];
                let each: Vec<String> = setup.grades.iter().zip(&c.grades).map(|(g, k)| format!("{g}{k}")).collect();
                say!("{} {} {}：{} 未评{}，{}占比{}", n + 1, p.unit, p.name, each.join(" "), c.blank, setup.top_names(), c.percent());
            }
        }
        None => say!("文件里没有“{}”一列：各项的结果见汇总表", tally::OVERALL),
    }
    let doc = output::document(&title, setup, sheets);
    let bytes = wengao::docx::render_document(&doc, &wengao::ballot::landscape(&spec.style), &Default::default());
    if let Err(e) = std::fs::write(&output, bytes) {
        return fail(&format!("{output}：写不了（{e}）"));
    }
    say!("已写 {output}：{}人，{}张表", setup.persons.len(), sheets.len());
    if let Some(path) = workbook {
        let written =
            output::workbook(setup, sheets).map_err(|e| e.to_string()).and_then(|b| std::fs::write(&path, b).map_err(|e| e.to_string()));
        if let Err(e) = written {
            return fail(&format!("{path}：写不了（{e}）"));
        }
        say!("已写 {path}");
    }
    ExitCode::SUCCESS
}

fn fail(why: &str) -> ExitCode {
    eprintln!("wengao：{why}");
    ExitCode::from(2)
}

fn usage(why: &str) -> ExitCode {
    eprintln!("wengao：{why}\n\n{TALLY_HELP}");
    ExitCode::from(2)
}
