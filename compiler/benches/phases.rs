//! A small timing harness (no external crate): median and 95th percentile of each
//! phase, natively. Run: `cargo bench -p wengao`. Budgets are in the README; they
//! are checked by reading this output, not by assertions (timings on a shared
//! 2-core machine are too noisy for a test to fail on).

use std::hint::black_box;
use std::time::{Duration, Instant};
use wengao::builtin::{BuiltinStyles, TEMPLATES};

fn measure(name: &str, runs: usize, mut f: impl FnMut()) {
    for _ in 0..runs / 10 + 1 {
        f();
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    let median = times[runs / 2];
    let p95 = times[runs * 95 / 100];
    println!("{name:<36} median {:>9.1} µs   p95 {:>9.1} µs   ({runs} runs)", micros(median), micros(p95));
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn main() {
    for t in TEMPLATES {
        let file = t.source_file();
        measure(&format!("compile {}", t.file_name), 500, || {
            black_box(wengao::compile(black_box(&file), &BuiltinStyles));
        });
    }
    // A full-length report body: about 3000 字 of mixed Chinese, digits and Latin.
    let sentence = "一是坚持以上率下压实责任。全年主持召开党工委会专题研究党建工作12次，GDP增长6.5%，“两学一做”扎实推进。";
    let text = sentence.repeat(3000 / wengao::count::words(sentence) + 1);
    println!("count input: {} 字", wengao::count::words(&text));
    measure("count 3000字", 2000, || {
        black_box(wengao::count::count(black_box(&text)));
    });
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/drafts/");
    for (template, draft) in [("述职报告", "述职报告"), ("创新案例", "创新案例")] {
        let source = TEMPLATES.iter().find(|t| t.name() == template).unwrap().source_file();
        let spec = wengao::compile(&source, &BuiltinStyles).spec.unwrap();
        let text = std::fs::read_to_string(format!("{fixtures}{draft}.json")).unwrap();
        let draft = wengao::draft::Draft::from_json(&text).unwrap();
        let doc = wengao::document::assemble(&spec, &draft);
        println!("{template}: {} 字, {} blocks", doc.counts().words, doc.blocks.len());
        measure(&format!("assemble + count {template}"), 500, || {
            black_box(wengao::document::assemble(black_box(&spec), black_box(&draft)).counts());
        });
        measure(&format!("page layout {template}"), 500, || {
            black_box(wengao::layout::lay_out(black_box(&doc), &spec.style));
        });
        measure(&format!("per keystroke in the app {template}"), 200, || {
            black_box(keystroke(&spec, &draft));
        });
        measure(&format!("per pause in typing in the app {template}"), 200, || {
            black_box(pause(&spec, &draft));
        });
        let options = wengao::docx::RenderOptions::default();
        let bytes = wengao::docx::render(&spec, &draft, &options);
        println!("{template}.docx: {} bytes", bytes.len());
        measure(&format!("render .docx {template}"), 100, || {
            black_box(wengao::docx::render(black_box(&spec), black_box(&draft), &options));
        });
    }
    // A hurried drafter pastes a whole 100,000-character file into one 一是 point.
    let source = TEMPLATES.iter().find(|t| t.name() == "述职报告").unwrap().source_file();
    let spec = wengao::compile(&source, &BuiltinStyles).spec.unwrap();
    let mut draft = wengao::draft::Draft::from_json(&std::fs::read_to_string(format!("{fixtures}述职报告.json")).unwrap()).unwrap();
    let point = &mut draft.body.get_mut("履职情况").unwrap()[0].parts.get_mut("履职方面").unwrap()[0].parts.get_mut("履职要点").unwrap()[0];
    point.text = sentence.chars().cycle().take(100_000).collect();
    measure("per keystroke in the app, 100,000-character paste", 20, || {
        black_box(keystroke(&spec, &draft));
    });
    measure("per pause in typing in the app, 100,000-character paste", 20, || {
        black_box(pause(&spec, &draft));
    });
    // The desk's 页数 of a long received file: about 200 pages, read and laid
    // out in its own formatting (what the desk's worker does for each file).
    let point = &mut draft.body.get_mut("履职情况").unwrap()[0].parts.get_mut("履职方面").unwrap()[0].parts.get_mut("履职要点").unwrap()[0];
    point.text = sentence.chars().cycle().take(95_000).collect();
    let bytes = wengao::docx::render(&spec, &draft, &wengao::docx::RenderOptions::default());
    let formatting = wengao::audit::format::read_docx(&bytes).unwrap();
    println!("long file: {} pages in its own formatting", wengao::audit::pages::own_pages(&formatting).count());
    measure("read the formatting of a 200-page file", 10, || {
        black_box(wengao::audit::format::read_docx(black_box(&bytes)).unwrap());
    });
    measure("lay out a 200-page file in its own formatting", 10, || {
        black_box(wengao::audit::pages::own_pages(black_box(&formatting)));
    });
}

/// What the app derives from the draft on every change (app/src/derived.rs `derive`).
fn keystroke(spec: &wengao::spec::FormSpec, draft: &wengao::draft::Draft) -> usize {
    let doc = wengao::document::assemble(spec, draft);
    let counts = wengao::review::counts_by_path(&doc);
    doc.counts().words + counts.len() + doc.labels.len() + doc.title_block().len()
}

/// What the app derives when typing pauses (app/src/derived.rs `check`).
fn pause(spec: &wengao::spec::FormSpec, draft: &wengao::draft::Draft) -> usize {
    let doc = wengao::document::assemble(spec, draft);
    let layout = wengao::layout::lay_out(&doc, &spec.style);
    let estimate = wengao::layout::estimate_of(&doc, &layout, &spec.style);
    let counts = wengao::review::counts_by_path(&doc);
    let problems = wengao::review::problems(spec, draft, &doc, &counts, &estimate);
    let view = wengao::layout::page_view(&doc, &layout, &spec.style);
    let hints = wengao::proof::hints(spec, draft);
    let coverage = wengao::proof::coverage(spec, draft);
    problems.len() + view.len() + hints.len() + coverage.len()
}
