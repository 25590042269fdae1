//! `wengao slides`: the 现场述职 slides of a draft, and the points a
//! questioner would pick from its 问题 part.

use std::process::ExitCode;

use wengao::slides;

pub const SLIDES_HELP: &str = "用法：wengao slides <模板> <草稿.json> -o 述职.pptx

按草稿的结构做现场述职的演示文稿（16:9）：标题页（标题、单位和姓名、日期），每部分一页（列出它的（一）标题），
每个（一）一页（它下面“一是”的要点句，没有要点句时是每段的第一句），每幅图片一页（带图注）；
每页的备注是这一页对应的原文，按顺序念下来就是全文。不另写一个字。
再列出“存在的主要问题”部分的每一点和其中的数字：会上最可能被问到的，供准备。";

/// Runs `wengao slides`.
pub fn run(args: &[String]) -> ExitCode {
    let (mut positional, mut output) = (Vec::new(), None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--output" => output = it.next().cloned(),
            _ => positional.push(a.clone()),
        }
    }
    let ([template, draft], Some(output)) = (positional.as_slice(), output) else {
        eprintln!("wengao：要给出模板、草稿和 -o 述职.pptx\n\n{SLIDES_HELP}");
        return ExitCode::from(2);
    };
    let Some(spec) = super::compiled_spec(template) else { return ExitCode::from(1) };
    let Some(draft) = super::load_draft(&spec, draft) else { return ExitCode::from(1) };
    let (doc, deck) = slides::of(&spec, &draft);
    let options = wengao::docx::RenderOptions { created: Some(super::now_w3c()) };
    let bytes = slides::pptx::render(&doc, &deck, &spec.style, &options);
    if let Err(e) = std::fs::write(&output, bytes) {
        eprintln!("wengao：{output}：写不了（{e}）");
        return ExitCode::from(2);
    }
    let pictures = deck.slides.iter().filter(|s| s.picture.is_some()).count();
    say!("已写 {output}：标题页和{}页（其中图片{pictures}页）", deck.slides.len());
    let questions = slides::questions(&doc);
    if !questions.is_empty() {
        say!("可能被问到的（“问题”部分的每一点）：");
        for q in &questions {
            let numbers = if q.numbers.is_empty() { String::new() } else { format!("（数字：{}）", q.numbers.join("、")) };
            say!("  {}　{}{numbers}", q.under, q.point);
        }
    }
    ExitCode::SUCCESS
}
