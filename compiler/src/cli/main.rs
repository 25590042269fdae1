//! `wengao`: the command line over the whole core: check, compile, count, example, render, stats, pages, import, proof and audit.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use wengao::builtin::BuiltinStyles;
use wengao::compile::{check_style_sheet, file_kind, FileKind};
use wengao::{compile, count, Resolver, SourceFile};

/// Prints a line to standard output; a closed pipe (`wengao stats … | head`) ends
/// the program quietly instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write;
        if writeln!(std::io::stdout(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

mod audit;
mod ballot;
mod booklet;
mod publish;
mod slides;
mod summary;
mod tally;

const HELP: &str = "wengao —— 文稿：公文模板编译、字数统计

用法：
  wengao check <模板或样式表>…   检查文件；全部通过时退出码为 0，否则为 1，诊断写到标准错误
  wengao compile <模板>          把模板编译成表单说明（JSON，写到标准输出）
  wengao count [文件|-]          按 Word 的规则统计字数和字符数（不给文件或给 - 时读标准输入）
  wengao example <模板> -o 草稿.json   按各部分字数要求写一份完整的示例草稿
  wengao render <模板> <草稿.json> -o 文件.docx   把草稿导出成 Word 文件
  wengao import <模板> <文件.docx|文本.txt> -o 草稿.json   把 Word 文件或整篇文字按模板拆进草稿
  wengao stats <模板> <草稿.json>   草稿全文和各部分的字数、字数要求和估计页数
  wengao pages <模板> <草稿.json>   按版式排页：页数和每页从哪里开始
  wengao proof <模板> <草稿.json>   校对提示（半角标点、引号配对……）和测评指标讲到了没有
  wengao audit <文件或文件夹>…     审核收到的材料：认出模板，检查字数、页数、结构和格式
  wengao booklet <文件>… -o 汇编.docx  述职材料汇编：封面、带页码的目录，每份从单页开始
  wengao summary <文件>… [-o 摘要.docx]  按结构摘出每份报告的摘要，不超过模板给的字数
  wengao ballot <报告>… -o 测评表.docx  述职测评表：每位述职人一行，每项测评指标一列
  wengao tally <录入明细.csv|.xlsx> -o 汇总.docx  测评结果汇总：每人每项各等次的张数和好和较好占比
  wengao slides <模板> <草稿.json> -o 述职.pptx  现场述职的演示文稿，和“问题”部分可能被问到的各点
  wengao publish <模板>… -o 文件夹   发布到内网页面：检查模板，写出模板和清单 templates.json
  wengao <命令> --help           某个命令的说明
  wengao --version               版本

模板引用的样式表先在模板所在的目录里找（名称.wg），再用内置的样式表。";

const CHECK_HELP: &str = "用法：wengao check <模板或样式表>…

逐个检查文件，把所有错误和警告（带行号、列号、原文和提示）写到标准错误。
没有错误时退出码为 0（警告不算错误），有错误时为 1，文件读不了时为 2。";

const COMPILE_HELP: &str = "用法：wengao compile <模板>

把模板编译成表单说明（版本化的 JSON），写到标准输出：字段、标题、各部分的字数要求、
提示、图片位、表格的列，以及解析后的全部版式（页面、字体、字号、行距、页码）。
有错误时不输出 JSON，诊断写到标准错误，退出码为 1。";

const COUNT_HELP: &str = "用法：wengao count [文件|-] [--json]

按 Microsoft Word“字数统计”的规则统计：
  字数：每个汉字、中文标点、全角字符算 1；连续的英文字母、数字等（不含空白）算 1
  字符数（不计空格）、字符数（计空格）
不给文件或给 - 时读标准输入。--json 输出 JSON。";

const EXAMPLE_HELP: &str = "用法：wengao example <模板> [-o 草稿.json] [--fit-pages] [--image 图片文件]…

按模板写一份完整、真实感的示例草稿（草稿格式见 docs/draft-format.md），各部分按字数要求写足。
--fit-pages：按比例收紧各部分，直到估计页数不超过模板的页数上限。
图片位用 --image 给的图片（JPEG 或 PNG），不够时用程序画的示意图。不给 -o 时写到标准输出。";

const RENDER_HELP: &str = "用法：wengao render <模板> <草稿.json> -o 文件.docx

把草稿按模板的样式表导出成 Word 文件（.docx）。草稿是别的模板的、版本更新的或者内容有误时，
给出原因，不写文件，退出码为 1。";

const IMPORT_HELP: &str = "用法：wengao import <模板> <文件.docx|文本.txt> [-o 草稿.json]

把去年的报告（Word 文件，或者整篇文字的 .txt）按模板拆进一份草稿：标题行里的字段、
按标题文字（或顺序）对上的各部分、（一）、一是……（加粗的第一句作要点句）、正文、图片和图片下的说明、表格。
手打的和 Word 自动生成的编号都不保留（模板会重新编号）。放不进去的段落按原来的顺序留在草稿的
“未归类的段落”（unplaced）里，不会丢。标准错误上报告字数去向：读入、放进表单、模板自带的标题、
编号、未归类，按 Word 的规则计数，前者等于后四者之和。
.doc、.wps、加了密码的文件、不是 Word 的文件、损坏或大得不正常的文件：说明原因，不写草稿，退出码为 1。
不给 -o 时写到标准输出。";

const PAGES_HELP: &str = "用法：wengao pages <模板> <草稿.json> [--lines]
      wengao pages <文件.docx> [--lines]

按模板的版式（纸张、页边距、字号、行距、避头尾）把草稿排成页：打印页数，和每一页开头的文字。
给一个 .docx 文件时，按文件自己的格式（每一节的纸张和页边距、文档网格、各段的字体字号、
行距、段前段后、缩进、分页、表格、图片）排成页。
--lines 先逐行打印排出来的每一行（按文件排时带离版心顶端的距离和行高，单位磅）。
与 LibreOffice 的对照见 docs/measurements.md。";

const PROOF_HELP: &str = "用法：wengao proof <模板> <草稿.json>

按模板的“校对：”逐处列出要看一看的地方：在哪一部分、原文（【】里是要看的字）、为什么、
可以怎样改；再按模板的“测评指标”列出每一项正文里已经讲到的词和还没讲到的项。
这是提醒，不是评分；有提示时退出码仍为 0。";

const STATS_HELP: &str = "用法：wengao stats <模板> <草稿.json> [--json]

逐项列出草稿全文和每个有字数要求的部分：字数、要求、状态（不足 / 合适 / 超出），以及估计的页数。
模板写了“述职时长”时，每部分还写照稿念要多久，最后一行是全文念下来的时间、要求和状态。
--json 输出 JSON：全文字数、每部分（字数、要求、状态）、估计页数和页数上限，和嵌入的表单的 onChange 给的一样（docs/embedding.md）。";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let wants_help = args.iter().any(|a| a == "--help" || a == "-h");
    match args.first().map(String::as_str) {
        None | Some("help" | "--help" | "-h") => {
            say!("{HELP}");
            ExitCode::SUCCESS
        }
        Some("--version" | "-V") => {
            say!("wengao {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("check") if wants_help => help(CHECK_HELP),
        Some("compile") if wants_help => help(COMPILE_HELP),
        Some("count") if wants_help => help(COUNT_HELP),
        Some("example") if wants_help => help(EXAMPLE_HELP),
        Some("render") if wants_help => help(RENDER_HELP),
        Some("example") => example_cmd(&args[1..]),
        Some("render") => render_cmd(&args[1..]),
        Some("import") if wants_help => help(IMPORT_HELP),
        Some("import") => import_cmd(&args[1..]),
        Some("stats") if wants_help => help(STATS_HELP),
        Some("proof") if wants_help => help(PROOF_HELP),
        Some("proof") => proof_cmd(&args[1..]),
        Some("pages") if wants_help => help(PAGES_HELP),
        Some("pages") => pages_cmd(&args[1..]),
        Some("stats") => stats_cmd(&args[1..]),
        Some("audit") if wants_help => help(audit::AUDIT_HELP),
        Some("audit") => audit::run(&args[1..]),
        Some("booklet") if wants_help => help(booklet::BOOKLET_HELP),
        Some("booklet") => booklet::run(&args[1..]),
        Some("ballot") if wants_help => help(ballot::BALLOT_HELP),
        Some("ballot") => ballot::run(&args[1..]),
        Some("summary") if wants_help => help(summary::SUMMARY_HELP),
        Some("summary") => summary::run(&args[1..]),
        Some("slides") if wants_help => help(slides::SLIDES_HELP),
        Some("slides") => slides::run(&args[1..]),
        Some("tally") if wants_help => help(tally::TALLY_HELP),
        Some("tally") => tally::run(&args[1..]),
        Some("publish") if wants_help => help(publish::PUBLISH_HELP),
        Some("publish") => publish::run(&args[1..]),
        Some("check") => check(&args[1..]),
        Some("compile") => compile_cmd(&args[1..]),
        Some("count") => count_cmd(&args[1..]),
        Some(other) => {
            eprintln!("wengao：未知的命令“{other}”\n\n{HELP}");
            ExitCode::from(2)
        }
    }
}

fn help(text: &str) -> ExitCode {
    say!("{text}");
    ExitCode::SUCCESS
}

/// Finds style sheets next to the template first, then among the built-in ones.
struct FileResolver {
    dir: PathBuf,
}

impl Resolver for FileResolver {
    fn load(&self, name: &str) -> Result<Option<SourceFile>, String> {
        let path = self.dir.join(format!("{name}.wg"));
        if !path.exists() {
            return BuiltinStyles.load(name);
        }
        read_text(&path).map(|text| Some(SourceFile::new(path.display().to_string(), text)))
    }

    fn names(&self) -> Vec<String> {
        let mut names = BuiltinStyles.names();
        if let Ok(entries) = std::fs::read_dir(&self.dir) {
            for e in entries.flatten() {
                let path = e.path();
                let is_sheet = path.extension().is_some_and(|x| x == "wg")
                    && read_text(&path).is_ok_and(|t| file_kind(&SourceFile::new("", t)) == FileKind::StyleSheet);
                if let (true, Some(stem)) = (is_sheet, path.file_stem()) {
                    let stem = stem.to_string_lossy().to_string();
                    if !names.contains(&stem) {
                        names.push(stem);
                    }
                }
            }
        }
        names
    }
}

fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("{}：找不到这个文件", path.display()),
        _ => format!("{}：读不了（{e}）", path.display()),
    })?;
    String::from_utf8(bytes)
        .map_err(|_| format!("{}：不是 UTF-8 编码的文本（可能是 GBK）；请在记事本里“另存为”，编码选 UTF-8", path.display()))
}

fn resolver_for(path: &Path) -> FileResolver {
    FileResolver { dir: path.parent().map(Path::to_path_buf).unwrap_or_default() }
}

fn check(paths: &[String]) -> ExitCode {
    if paths.is_empty() {
        eprintln!("{CHECK_HELP}");
        return ExitCode::from(2);
    }
    let mut worst = 0u8;
    for p in paths {
        let path = Path::new(p);
        let text = match read_text(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("wengao：{e}");
                worst = 2;
                continue;
            }
        };
        let file = SourceFile::new(p.clone(), text);
        let result = match file_kind(&file) {
            FileKind::StyleSheet => check_style_sheet(&file),
            FileKind::Template => compile(&file, &resolver_for(path)),
        };
        if !result.diagnostics.is_empty() {
            eprintln!("{}", result.render_diagnostics());
        }
        let errors = result.diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = result.diagnostics.len() - errors;
        if errors > 0 {
            eprintln!("{p}：{errors}个错误，{warnings}个警告");
            worst = worst.max(1);
        } else {
            say!("{p}：通过{}", if warnings > 0 { format!("（{warnings}个警告）") } else { String::new() });
        }
    }
    ExitCode::from(worst)
}

fn compile_cmd(args: &[String]) -> ExitCode {
    let [p] = args else {
        eprintln!("{COMPILE_HELP}");
        return ExitCode::from(2);
    };
    let path = Path::new(p);
    let text = match read_text(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("wengao：{e}");
            return ExitCode::from(2);
        }
    };
    let result = compile(&SourceFile::new(p.clone(), text), &resolver_for(path));
    if !result.diagnostics.is_empty() {
        eprintln!("{}", result.render_diagnostics());
    }
    match result.spec {
        Some(spec) => {
            say!("{}", serde_json::to_string_pretty(&spec).expect("a form spec always serialises"));
            ExitCode::SUCCESS
        }
        None => ExitCode::from(1),
    }
}

fn count_cmd(args: &[String]) -> ExitCode {
    let json = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
    let text = match files.as_slice() {
        [] => read_stdin(),
        [p] if p.as_str() == "-" => read_stdin(),
        [p] => read_text(Path::new(p.as_str())),
        _ => {
            eprintln!("{COUNT_HELP}");
            return ExitCode::from(2);
        }
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            eprintln!("wengao：{e}");
            return ExitCode::from(2);
        }
    };
    let c = count::count(&text);
    if json {
        say!("{}", serde_json::to_string(&c).expect("counts serialise"));
    } else {
        say!("字数：{}\n字符数（不计空格）：{}\n字符数（计空格）：{}", c.words, c.chars_no_spaces, c.chars_with_spaces);
    }
    ExitCode::SUCCESS
}

fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("读标准输入失败：{e}"))?;
    String::from_utf8(bytes).map_err(|_| "标准输入不是 UTF-8 编码的文本".to_string())
}

/// Splits `-o FILE` and repeated `--image FILE` off the positional arguments.
struct Args {
    positional: Vec<String>,
    output: Option<String>,
    images: Vec<String>,
    fit_pages: bool,
}

fn split_args(args: &[String]) -> Result<Args, String> {
    let mut out = Args { positional: Vec::new(), output: None, images: Vec::new(), fit_pages: false };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--output" => out.output = Some(it.next().ok_or("-o 后面要写文件名")?.clone()),
            "--image" => out.images.push(it.next().ok_or("--image 后面要写图片文件")?.clone()),
            "--fit-pages" => out.fit_pages = true,
            _ => out.positional.push(a.clone()),
        }
    }
    Ok(out)
}

/// The built-in templates, compiled.
fn builtin_specs() -> Vec<wengao::spec::FormSpec> {
    wengao::builtin::TEMPLATES.iter().filter_map(|t| wengao::compile(&t.source_file(), &wengao::builtin::BuiltinStyles).spec).collect()
}

/// The built-in templates and those given (`--template`), compiled; None
/// when one given has errors (printed).
fn specs_with(templates: &[String]) -> Option<Vec<wengao::spec::FormSpec>> {
    let mut specs = builtin_specs();
    for t in templates {
        specs.push(compiled_spec(t)?);
    }
    Some(specs)
}

/// Compiles a template for a command, printing diagnostics; None on errors.
fn compiled_spec(path: &str) -> Option<wengao::spec::FormSpec> {
    let text = match read_text(Path::new(path)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("wengao：{e}");
            return None;
        }
    };
    let result = compile(&SourceFile::new(path, text), &resolver_for(Path::new(path)));
    if result.has_errors() {
        eprintln!("{}", result.render_diagnostics());
    }
    result.spec
}

fn write_output(output: Option<&str>, bytes: &[u8]) -> ExitCode {
    let written = match output {
        Some(path) => std::fs::write(path, bytes).map_err(|e| format!("{path}：写不了（{e}）")),
        None => std::io::Write::write_all(&mut std::io::stdout(), bytes).map_err(|e| e.to_string()),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wengao：{e}");
            ExitCode::from(2)
        }
    }
}

fn example_cmd(args: &[String]) -> ExitCode {
    let parsed = match split_args(args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("wengao：{e}\n\n{EXAMPLE_HELP}");
            return ExitCode::from(2);
        }
    };
    let [template] = parsed.positional.as_slice() else {
        eprintln!("{EXAMPLE_HELP}");
        return ExitCode::from(2);
    };
    let Some(spec) = compiled_spec(template) else { return ExitCode::from(1) };
    let length = if parsed.fit_pages { wengao::example::Length::PageLimit } else { wengao::example::Length::Budgets };
    let mut draft = wengao::example::example(&spec, length);
    let mut pictures = Vec::new();
    for path in &parsed.images {
        let name = Path::new(path).file_name().map_or(path.clone(), |n| n.to_string_lossy().to_string());
        let picture =
            std::fs::read(path).map_err(|e| format!("{path}：读不了（{e}）")).and_then(|b| wengao::draft::Picture::from_bytes(&name, b));
        match picture {
            Ok(p) => pictures.push(p),
            Err(e) => {
                eprintln!("wengao：{e}");
                return ExitCode::from(1);
            }
        }
    }
    wengao::example::use_pictures(&mut draft, pictures);
    write_output(parsed.output.as_deref(), draft.to_json().as_bytes())
}

/// Reads and checks a draft for a template; prints why not on failure.
fn load_draft(spec: &wengao::spec::FormSpec, path: &str) -> Option<wengao::draft::Draft> {
    let text = match read_text(Path::new(path)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("wengao：{e}");
            return None;
        }
    };
    let draft = match wengao::draft::Draft::from_json(&text) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("wengao：{path}：{e}");
            return None;
        }
    };
    if draft.template != spec.name {
        eprintln!("wengao：{path} 是“{}”的草稿，不是“{}”的", draft.template, spec.name);
        return None;
    }
    Some(draft)
}

fn stats_cmd(args: &[String]) -> ExitCode {
    let json = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
    let [template, draft_path] = files[..] else {
        eprintln!("{STATS_HELP}");
        return ExitCode::from(2);
    };
    let Some(spec) = compiled_spec(template) else { return ExitCode::from(1) };
    let Some(draft) = load_draft(&spec, draft_path) else { return ExitCode::from(1) };
    if json {
        let doc = wengao::document::assemble(&spec, &draft);
        let figures = wengao::review::figures(&spec, &doc, &wengao::layout::estimate(&doc, &spec.style));
        say!("{}", serde_json::to_string(&figures).expect("figures serialise"));
        return ExitCode::SUCCESS;
    }
    let parts = wengao::review::budgets(&spec, &draft);
    for part in &parts {
        let budget = part.budget.as_ref().map_or(String::new(), |b| b.describe());
        let state = part.state.map_or("", |s| s.label());
        let time = spec.speaking.as_ref().map_or(String::new(), |s| format!("　念{}", s.describe_time(part.words)));
        say!("{}{}：{}字　{budget}　{state}{time}", "  ".repeat(part.depth), part.label, part.words);
    }
    if let (Some(speaking), Some(total)) = (&spec.speaking, parts.first()) {
        let (time, state) = (speaking.describe_time(total.words), speaking.state(total.words).label());
        say!("述职时长：{time}　{}　{state}（每分钟{}字）", speaking.describe(), speaking.pace);
    }
    let doc = wengao::document::assemble(&spec, &draft);
    let estimate = wengao::layout::estimate(&doc, &spec.style);
    let limit = spec.page_limit.map_or(String::new(), |l| format!("　上限{}页", l.max));
    say!("估计页数：{}{limit}", estimate.pages_text());
    if let Some(reason) = estimate.range_reason() {
        say!("  {reason}");
    }
    ExitCode::SUCCESS
}

fn proof_cmd(args: &[String]) -> ExitCode {
    let [template, draft_path] = args else {
        eprintln!("{PROOF_HELP}");
        return ExitCode::from(2);
    };
    let Some(spec) = compiled_spec(template) else { return ExitCode::from(1) };
    let Some(draft) = load_draft(&spec, draft_path) else { return ExitCode::from(1) };
    let doc = wengao::document::assemble(&spec, &draft);
    let hints = wengao::proof::hints(&spec, &draft);
    say!("校对：{}处", hints.len());
    for hint in &hints {
        let text = wengao::proof::text_of(&draft, hint).unwrap_or_default();
        let fix = hint.mark.fix.as_ref().map_or(String::new(), |f| {
            if f.is_empty() {
                "　可删去".into()
            } else {
                format!("　可改为“{f}”")
            }
        });
        say!("  {}：{}", wengao::proof::place(&doc, hint), wengao::proof::excerpt(text, &hint.mark));
        say!("    {}{fix}", hint.mark.message);
    }
    let coverage = wengao::proof::coverage(&spec, &draft);
    if !coverage.is_empty() {
        say!("测评指标（只是提醒，不是评分）：");
        for c in &coverage {
            if c.found.is_empty() {
                say!("  {}：还没有讲到", c.item);
            } else {
                let words: Vec<&str> = c.found.iter().map(|(w, _)| w.as_str()).collect();
                say!("  {}：已讲到 {}", c.item, words.join("、"));
            }
        }
    }
    ExitCode::SUCCESS
}

fn pages_cmd(args: &[String]) -> ExitCode {
    let show_lines = args.iter().any(|a| a == "--lines");
    let args: Vec<&String> = args.iter().filter(|a| *a != "--lines").collect();
    if let [file] = args.as_slice() {
        return file_pages_cmd(file, show_lines);
    }
    let [template, draft_path] = args.as_slice() else {
        eprintln!("{PAGES_HELP}");
        return ExitCode::from(2);
    };
    let Some(spec) = compiled_spec(template) else { return ExitCode::from(1) };
    let Some(draft) = load_draft(&spec, draft_path) else { return ExitCode::from(1) };
    let doc = wengao::document::assemble(&spec, &draft);
    let layout = wengao::layout::lay_out(&doc, &spec.style);
    if show_lines {
        for line in wengao::layout::paragraph_lines(&doc, &spec.style).into_iter().flatten() {
            say!("{line}");
        }
    }
    let limit = spec.page_limit.map_or(String::new(), |l| format!("（上限{}页）", l.max));
    say!("共{}页{limit}", layout.pages.len());
    let word = wengao::layout::lay_out_as(&doc, &spec.style, wengao::geometry::Engine::Word).pages.len();
    if word != layout.pages.len() {
        say!("（按 Word 的规则是{word}页：它在汉字和西文、数字之间留的空更宽）");
    }
    for (n, opening) in wengao::layout::page_openings(&doc, &layout, 16).into_iter().enumerate() {
        say!("第{}页：{opening}……", n + 1);
    }
    ExitCode::SUCCESS
}

/// `wengao pages 文件.docx`: the file's own pages.
fn file_pages_cmd(path: &str, show_lines: bool) -> ExitCode {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("wengao：读不了 {path}：{e}");
            return ExitCode::from(1);
        }
    };
    let formatting = match wengao::audit::format::read_docx(&bytes) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("wengao：{path}：{e}");
            return ExitCode::from(1);
        }
    };
    let own = wengao::audit::pages::own_pages(&formatting);
    if show_lines {
        for (n, page) in own.lines().iter().enumerate() {
            for line in page {
                say!("第{}页 {:>6.1} 高{:>5.1}：{}", n + 1, line.top as f64 / 20.0, line.height as f64 / 20.0, line.text);
            }
        }
    }
    say!("共{}页（按文件自己的格式）", own.count());
    for (n, start) in own.starts().into_iter().enumerate() {
        say!("第{}页：{start}……", n + 1);
    }
    ExitCode::SUCCESS
}

fn import_cmd(args: &[String]) -> ExitCode {
    let parsed = match split_args(args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("wengao：{e}\n\n{IMPORT_HELP}");
            return ExitCode::from(2);
        }
    };
    let [template, file] = parsed.positional.as_slice() else {
        eprintln!("{IMPORT_HELP}");
        return ExitCode::from(2);
    };
    let Some(spec) = compiled_spec(template) else { return ExitCode::from(1) };
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("wengao：{file}：读不了（{e}）");
            return ExitCode::from(2);
        }
    };
    // A text file is a pasted whole text; anything else is read as a Word file.
    let imported = match std::str::from_utf8(&bytes) {
        Ok(text) if !text.starts_with("PK") && !text.starts_with("{\\rtf") => Ok(wengao::import::text(&spec, text)),
        _ => wengao::import::docx(&spec, &bytes),
    };
    match imported {
        Ok(imported) => {
            eprintln!("{}", imported.summary(&spec));
            if !imported.draft.unplaced.is_empty() {
                eprintln!("未归类的段落（{}段）留在草稿的 unplaced 里", imported.draft.unplaced.len());
            }
            write_output(parsed.output.as_deref(), imported.draft.to_json().as_bytes())
        }
        Err(e) => {
            eprintln!("wengao：{file}：{e}");
            ExitCode::from(1)
        }
    }
}

fn render_cmd(args: &[String]) -> ExitCode {
    let parsed = match split_args(args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("wengao：{e}\n\n{RENDER_HELP}");
            return ExitCode::from(2);
        }
    };
    let ([template, draft_path], Some(output)) = (parsed.positional.as_slice(), parsed.output.as_deref()) else {
        eprintln!("{RENDER_HELP}");
        return ExitCode::from(2);
    };
    let Some(spec) = compiled_spec(template) else { return ExitCode::from(1) };
    let Some(draft) = load_draft(&spec, draft_path) else { return ExitCode::from(1) };
    let options = wengao::docx::RenderOptions { created: Some(now_w3c()) };
    let bytes = wengao::docx::render(&spec, &draft, &options);
    write_output(Some(output), &bytes)
}

/// The current time as a W3C date-time (UTC), for the file's core properties.
fn now_w3c() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rest / 3600, rest / 60 % 60, rest % 60)
}
