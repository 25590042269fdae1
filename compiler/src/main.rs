//! `wengao`: the command line over the compiler, the counter and (later) the renderer.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use wengao::builtin::BuiltinStyles;
use wengao::compile::{check_style_sheet, file_kind, FileKind};
use wengao::{compile, count, Resolver, SourceFile};

const HELP: &str = "wengao —— 文稿：公文模板编译、字数统计

用法：
  wengao check <模板或样式表>…   检查文件；全部通过时退出码为 0，否则为 1，诊断写到标准错误
  wengao compile <模板>          把模板编译成表单说明（JSON，写到标准输出）
  wengao count [文件|-]          按 Word 的规则统计字数和字符数（不给文件或给 - 时读标准输入）
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

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let wants_help = args.iter().any(|a| a == "--help" || a == "-h");
    match args.first().map(String::as_str) {
        None | Some("help" | "--help" | "-h") => {
            println!("{HELP}");
            ExitCode::SUCCESS
        }
        Some("--version" | "-V") => {
            println!("wengao {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("check") if wants_help => help(CHECK_HELP),
        Some("compile") if wants_help => help(COMPILE_HELP),
        Some("count") if wants_help => help(COUNT_HELP),
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
    println!("{text}");
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
    String::from_utf8(bytes).map_err(|_| {
        format!("{}：不是 UTF-8 编码的文本（可能是 GBK）；请在记事本里“另存为”，编码选 UTF-8", path.display())
    })
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
            println!("{p}：通过{}", if warnings > 0 { format!("（{warnings}个警告）") } else { String::new() });
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
            println!("{}", serde_json::to_string_pretty(&spec).expect("a form spec always serialises"));
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
        println!("{}", serde_json::to_string(&c).expect("counts serialise"));
    } else {
        println!("字数：{}\n字符数（不计空格）：{}\n字符数（计空格）：{}", c.words, c.chars_no_spaces, c.chars_with_spaces);
    }
    ExitCode::SUCCESS
}

fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("读标准输入失败：{e}"))?;
    String::from_utf8(bytes).map_err(|_| "标准输入不是 UTF-8 编码的文本".to_string())
}
