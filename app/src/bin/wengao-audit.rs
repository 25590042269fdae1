//! `wengao-audit`: the desk's checking, in a Web Worker (app/desk-worker.js) so
//! that the page stays responsive while hundreds of files are read. No DOM, no
//! Leptos: the core's audit (wengao::audit) behind a few calls.

use std::cell::OnceCell;

use wasm_bindgen::prelude::*;
use wengao::audit::batch::{self, Received, Unpacked};
use wengao::audit::summary::Summary;
use wengao::spec::FormSpec;

thread_local! {
    /// The built-in templates, compiled once.
    static SPECS: OnceCell<Vec<FormSpec>> = const { OnceCell::new() };
}

fn main() {}

fn with_specs<T>(f: impl FnOnce(&[FormSpec]) -> T) -> T {
    SPECS.with(|specs| {
        f(specs.get_or_init(|| {
            wengao::builtin::TEMPLATES
                .iter()
                .filter_map(|t| wengao::compile(&t.source_file(), &wengao::builtin::BuiltinStyles).spec)
                .collect()
        }))
    })
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
