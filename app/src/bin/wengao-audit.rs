//! `wengao-audit`: the desk's checking, in a Web Worker (app/desk-worker.js) so
//! that the page stays responsive while hundreds of files are read. No DOM, no
//! Leptos: the core's audit (wengao::audit) behind a few calls.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wengao::audit::batch::{self, Received, Unpacked};
use wengao::audit::summary::Summary;
use wengao::spec::FormSpec;

thread_local! {
    /// The templates files are checked against: the built-in ones, compiled
    /// once, and those the office published (use_templates).
    static SPECS: RefCell<Option<Vec<FormSpec>>> = const { RefCell::new(None) };
}

fn main() {}

fn builtin() -> Vec<FormSpec> {
    wengao::builtin::TEMPLATES.iter().filter_map(|t| wengao::compile(&t.source_file(), &wengao::builtin::BuiltinStyles).spec).collect()
}

fn with_specs<T>(f: impl FnOnce(&[FormSpec]) -> T) -> T {
    SPECS.with_borrow_mut(|specs| f(specs.get_or_insert_with(builtin)))
}

/// The templates the office published, as `[[file, text], …]` (JSON): checked
/// against from now on beside the built-in ones, each in place of a built-in
/// one of its name (the office's version of it). Those that do not compile are
/// left out (the start screen lists them with their errors).
#[wasm_bindgen]
pub fn use_templates(sources: String) {
    let sources: Vec<(String, String)> = serde_json::from_str(&sources).unwrap_or_default();
    let published: Vec<FormSpec> = sources
        .into_iter()
        .filter_map(|(file, text)| wengao::compile(&wengao::SourceFile::new(file, text), &wengao::builtin::BuiltinStyles).spec)
        .collect();
    let mut specs: Vec<FormSpec> = builtin().into_iter().filter(|b| !published.iter().any(|p| p.name == b.name)).collect();
    specs.extend(published);
    SPECS.with_borrow_mut(|s| *s = Some(specs));
}

/// Checks one received file (a zip: each file in it) against the built-in
/// templates; the rows as JSON (an array of audit::summary::Summary).
#[wasm_bindgen]
pub fn check(name: String, bytes: Vec<u8>) -> String {
    let rows: Vec<Summary> = with_specs(|specs| {
        batch::expand(Received { name, bytes })
            .into_iter()
            .map(|f| match f {
                Unpacked::File(f) => batch::check(&f, specs),
                Unpacked::Failed { name, reason } => Summary::of(&name, &Err(reason)),
            })
            .collect()
    });
    serde_json::to_string(&rows).unwrap_or_else(|_| "[]".into())
}

/// Checks the file `entry` of a received file (itself, or one in its zip)
/// against the template named `template`; its row as JSON.
#[wasm_bindgen]
pub fn check_as(name: String, bytes: Vec<u8>, entry: String, template: String) -> String {
    let row = with_specs(|specs| match batch::entry(Received { name, bytes }, &entry) {
        Some(file) => batch::check_as(&file, specs, &template),
        None => Summary::of(&entry, &Err("保存的文件里找不到它了".into())),
    });
    serde_json::to_string(&row).unwrap_or_default()
}

/// The names of the templates a file can be checked against, as JSON.
#[wasm_bindgen]
pub fn templates() -> String {
    with_specs(|specs| serde_json::to_string(&specs.iter().map(|s| &s.name).collect::<Vec<_>>()).unwrap_or_default())
}

/// The workbook (.xlsx) of rows given as JSON; empty when they cannot be read.
#[wasm_bindgen]
pub fn workbook(rows: String) -> Vec<u8> {
    serde_json::from_str::<Vec<Summary>>(&rows).ok().and_then(|rows| wengao::audit::workbook::write(&rows).ok()).unwrap_or_default()
}

/// A row's 修改意见 as a .docx in its template's style sheet; empty when the
/// row cannot be read.
#[wasm_bindgen]
pub fn notes(row: String) -> Vec<u8> {
    let Ok(row) = serde_json::from_str::<Summary>(&row) else { return Vec::new() };
    with_specs(|specs| {
        let style = &specs.iter().find(|s| s.name == row.template).or(specs.first()).expect("built-in templates").style;
        wengao::audit::notes::docx(&row, style, &Default::default())
    })
}

/// The items of received files: `files` an array of `{name, bytes}` (each
/// file once), `entries` the rows to read as JSON `[[file, entry, template]]`
/// (a zip's entry by its name, the row's template); with (file, what) for each
/// that went in with a problem or not at all.
fn read_items<'s>(
    files: &js_sys::Array,
    entries: &str,
    specs: &'s [FormSpec],
    progress: Option<&js_sys::Function>,
) -> (Vec<wengao::booklet::Item<'s>>, Vec<(String, String)>) {
    let received: Vec<Received> = files
        .iter()
        .map(|f| {
            let get = |k: &str| js_sys::Reflect::get(&f, &k.into()).unwrap_or(JsValue::UNDEFINED);
            Received { name: get("name").as_string().unwrap_or_default(), bytes: js_sys::Uint8Array::new(&get("bytes")).to_vec() }
        })
        .collect();
    let entries: Vec<(usize, String, String)> = serde_json::from_str(entries).unwrap_or_default();
    // Each received file opened once (a zip of 600 reports was inflated whole
    // for every one of its entries).
    let mut opened: std::collections::HashMap<usize, Vec<Received>> = std::collections::HashMap::new();
    let mut items = Vec::new();
    let mut problems: Vec<(String, String)> = Vec::new();
    let total = entries.len();
    for (n, (file, entry, template)) in entries.into_iter().enumerate() {
        if let Some(report) = progress {
            let _ = report.call2(&JsValue::NULL, &JsValue::from(n as u32), &JsValue::from(total as u32));
        }
        let inside = opened.entry(file).or_insert_with(|| {
            received.get(file).cloned().map_or_else(Vec::new, |r| {
                batch::expand(r)
                    .into_iter()
                    .filter_map(|u| match u {
                        batch::Unpacked::File(f) => Some(f),
                        batch::Unpacked::Failed { .. } => None,
                    })
                    .collect()
            })
        });
        let Some(file) = inside.iter().find(|f| f.name == entry) else {
            problems.push((entry, "保存的文件里找不到它了，没有编入".into()));
            continue;
        };
        match wengao::booklet::read(&entry, &file.bytes, specs, Some(&template)) {
            Ok((item, found)) => {
                problems.extend(found.into_iter().map(|p| (entry.clone(), p)));
                items.push(item);
            }
            Err(e) => problems.push((entry, format!("{e}，没有编入"))),
        }
    }
    if let Some(report) = progress {
        let _ = report.call2(&JsValue::NULL, &JsValue::from(total as u32), &JsValue::from(total as u32));
    }
    (items, problems)
}

/// The 述职材料汇编 of received files (see [`read_items`]), in the order of
/// `list` (the 述职 order, one unit a line, may be empty). Gives `[plan,
/// bytes]`: the plan as JSON (`{entries: [{file, line, level, first_page,
/// pages}], front_pages, problems: [[file, what]]}`) and, when `build`, the .docx.
/// `progress(done, total)` is called before each file is read.
#[wasm_bindgen]
pub fn booklet(
    files: js_sys::Array,
    entries: String,
    title: String,
    date: String,
    list: String,
    build: bool,
    progress: js_sys::Function,
) -> js_sys::Array {
    with_specs(|specs| {
        let (mut items, mut problems) = read_items(&files, &entries, specs, Some(&progress));
        problems.extend(wengao::booklet::arrange(&mut items, &list).into_iter().map(|note| ("述职顺序".to_string(), note)));
        let plan = wengao::booklet::plan(&items);
        let shown: Vec<serde_json::Value> = plan
            .entries
            .iter()
            .map(|e| {
                serde_json::json!({ "file": items[e.item].source, "line": e.line, "level": e.level, "first_page": e.first_page, "pages": e.pages })
            })
            .collect();
        let json = serde_json::json!({ "entries": shown, "front_pages": plan.front_pages, "problems": problems }).to_string();
        let cover = wengao::booklet::Cover { title, date };
        let bytes =
            if build { wengao::booklet::render(&cover, &items, &plan, &Default::default()).unwrap_or_default() } else { Vec::new() };
        js_sys::Array::of2(&JsValue::from_str(&json), &js_sys::Uint8Array::from(bytes.as_slice()))
    })
}

/// The 述职测评表 of the people whose reports are among the received files
/// (see [`read_items`]), in the order of `list`; empty when none has 测评指标.
#[wasm_bindgen]
pub fn ballot(files: js_sys::Array, entries: String, title: String, list: String) -> Vec<u8> {
    with_specs(|specs| {
        let (mut items, _) = read_items(&files, &entries, specs, None);
        // The lines the list could not place are said with the 汇编's contents, made from the same list.
        let _ = wengao::booklet::arrange(&mut items, &list);
        let Some(spec) = items.iter().map(|i| i.spec).find(|s| !s.scoring.is_empty()) else { return Vec::new() };
        let doc = wengao::ballot::document(&title, spec, &wengao::ballot::persons(&items));
        wengao::docx::render_document(&doc, &wengao::ballot::landscape(&spec.style), &Default::default())
    })
}

/// The 摘要 of the received files (see [`read_items`]) whose template
/// declares one (摘要：), as JSON `{extracts: [[file, Extract]], problems: [[file, what]]}`.
#[wasm_bindgen]
pub fn extracts(files: js_sys::Array, entries: String) -> String {
    with_specs(|specs| {
        let (items, problems) = read_items(&files, &entries, specs, None);
        let extracts: Vec<(String, wengao::extract::Extract)> = items
            .iter()
            .filter(|i| i.spec.extract_budget.is_some())
            .map(|i| (i.source.clone(), wengao::extract::extract(i.spec, &i.draft)))
            .collect();
        serde_json::json!({ "extracts": extracts, "problems": problems }).to_string()
    })
}

/// The .docx of 摘要 given as JSON (`[Extract]`, as edited); empty when they
/// cannot be read.
#[wasm_bindgen]
pub fn extracts_docx(extracts: String) -> Vec<u8> {
    let Ok(extracts) = serde_json::from_str::<Vec<wengao::extract::Extract>>(&extracts) else { return Vec::new() };
    with_specs(|specs| {
        let style = &specs.first().expect("built-in templates").style;
        wengao::docx::render_document(&wengao::extract::document(&extracts), style, &Default::default())
    })
}

/// What the 测评表 of the received files (see [`read_items`]) asks, in the
/// order of `list`, as JSON (wengao::tally::Setup); empty when no report has
/// 测评指标.
#[wasm_bindgen]
pub fn tally_setup(files: js_sys::Array, entries: String, list: String) -> String {
    with_specs(|specs| {
        let (mut items, _) = read_items(&files, &entries, specs, None);
        // The lines the list could not place are said with the 汇编's contents, made from the same list.
        let _ = wengao::booklet::arrange(&mut items, &list);
        let Some(spec) = items.iter().map(|i| i.spec).find(|s| !s.scoring.is_empty()) else { return String::new() };
        serde_json::to_string(&wengao::tally::Setup::of(spec, wengao::ballot::persons(&items))).unwrap_or_default()
    })
}

/// The 测评结果汇总 of `sheets` (JSON) against `setup` (JSON): a .docx under
/// `title` when `word`, else the workbook; empty when they cannot be read.
#[wasm_bindgen]
pub fn tally(setup: String, sheets: String, title: String, word: bool) -> Vec<u8> {
    let (Ok(setup), Ok(sheets)) =
        (serde_json::from_str::<wengao::tally::Setup>(&setup), serde_json::from_str::<Vec<wengao::tally::Sheet>>(&sheets))
    else {
        return Vec::new();
    };
    if !word {
        return wengao::tally::output::workbook(&setup, &sheets).unwrap_or_default();
    }
    with_specs(|specs| {
        let style = &specs.iter().find(|s| !s.scoring.is_empty()).or(specs.first()).expect("built-in templates").style;
        let doc = wengao::tally::output::document(&title, &setup, &sheets);
        wengao::docx::render_document(&doc, &wengao::ballot::landscape(style), &Default::default())
    })
}
