//! `wengao publish`: templates made ready for an office's intranet page.

use std::path::Path;
use std::process::ExitCode;

use wengao::publish;
use wengao::source::SourceFile;

pub const PUBLISH_HELP: &str = "用法：wengao publish <模板.wg>… -o <文件夹> [--hide-builtin]

把模板发布到单位的内网页面上：逐个检查（和浏览器里一样，只用内置的样式表），
有一个出错就全部不发布，把诊断写到标准错误；都通过时，在文件夹里写每个模板（文件名是它的“模板：”名称）
和清单 templates.json（每个模板的名称、说明和版本，版本是模板文字的哈希）。
把这个文件夹整个复制到服务器上 index.html 旁边、命名为 templates，每台电脑打开页面时就会在开始页的
“本单位的模板”里看到它们，离线时用上次取到的；模板改了再发布一次，草稿打开时会说模板改了什么。
--hide-builtin：开始页只列本单位的模板，不列内置的。
已有的同名文件会被替换；文件夹里别的文件不动。";

/// Runs `wengao publish`.
pub fn run(args: &[String]) -> ExitCode {
    let mut paths = Vec::new();
    let mut output = None;
    let mut hide_builtin = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--output" => match it.next() {
                Some(dir) => output = Some(dir.clone()),
                None => return usage("-o 后面要写文件夹"),
            },
            "--hide-builtin" => hide_builtin = true,
            _ => paths.push(a.clone()),
        }
    }
    let Some(output) = output else { return usage("要用 -o 给出文件夹") };
    if paths.is_empty() {
        return usage("要给出模板文件");
    }
    let mut sources = Vec::new();
    for p in &paths {
        match super::read_text(Path::new(p)) {
            Ok(text) => sources.push(SourceFile::new(p.clone(), text)),
            Err(e) => {
                eprintln!("wengao：{e}");
                return ExitCode::from(2);
            }
        }
    }
    let files = match publish::publish(&sources, hide_builtin) {
        Ok(files) => files,
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            eprintln!("wengao：有模板出错，什么也没有写");
            return ExitCode::from(1);
        }
    };
    let dir = Path::new(&output);
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("wengao：建不了文件夹 {output}：{e}");
        return ExitCode::from(2);
    }
    for (name, text) in &files {
        if let Err(e) = std::fs::write(dir.join(name), text) {
            eprintln!("wengao：写不了 {}：{e}", dir.join(name).display());
            return ExitCode::from(2);
        }
    }
    say!("已发布{}个模板到 {output}：{}", files.len() - 1, files.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join("、"));
    ExitCode::SUCCESS
}

fn usage(why: &str) -> ExitCode {
    eprintln!("wengao publish：{why}\n\n{PUBLISH_HELP}");
    ExitCode::from(2)
}
