//! `wengao-audit`: the desk's checking, in a Web Worker (app/desk-worker.js) so
//! that the page stays responsive while hundreds of files are read. No DOM, no
//! Leptos: the core's audit (wengao::audit) behind two calls.

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

/// Checks one received file (a zip: each file in it) against the built-in
/// templates; the rows as JSON (an array of audit::summary::Summary).
#[wasm_bindgen]
pub fn check(name: String, bytes: Vec<u8>) -> String {
    let rows: Vec<Summary> = SPECS.with(|specs| {
        let specs = specs.get_or_init(|| {
            wengao::builtin::TEMPLATES
                .iter()
                .filter_map(|t| wengao::compile(&t.source_file(), &wengao::builtin::BuiltinStyles).spec)
                .collect()
        });
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

/// The workbook (.xlsx) of rows given as JSON; empty when they cannot be read.
#[wasm_bindgen]
pub fn workbook(rows: String) -> Vec<u8> {
    serde_json::from_str::<Vec<Summary>>(&rows).ok().and_then(|rows| wengao::audit::workbook::write(&rows).ok()).unwrap_or_default()
}
