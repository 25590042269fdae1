//! A batch of received files: e-mail attachments as they come (Word files,
//! the app's draft files, zips of them), each checked on its own, so that one bad file never stops
//! the others: one [`Summary`] (a row of the desk) each.

use super::summary::Summary;
use crate::import::{self, ImportError};
use crate::spec::FormSpec;

/// A received file: its name (`附件.zip/述职报告.docx` for one inside a zip) and bytes.
#[derive(Debug, Clone)]
pub struct Received {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Whether a file is a zip of files rather than a Word document (a .docx is a
/// zip too: one with `word/document.xml`).
fn is_bundle(bytes: &[u8]) -> bool {
    import::open(bytes).is_ok_and(|a| !a.has("word/document.xml") && !a.has("[Content_Types].xml"))
}

/// A file to check, or one a zip held that could not be taken out, and why.
pub enum Unpacked {
    File(Received),
    Failed { name: String, reason: String },
}

/// A zip's files as received files; any other file as itself.
pub fn expand(file: Received) -> Vec<Unpacked> {
    if !is_bundle(&file.bytes) {
        return vec![Unpacked::File(file)];
    }
    let Ok(archive) = import::open(&file.bytes) else { return vec![Unpacked::File(file)] };
    let names: Vec<String> = archive
        .names()
        .filter(|n| {
            !n.ends_with('/')
                && !n.starts_with("__MACOSX/")
                && !n.rsplit('/').next().is_some_and(|f| f.starts_with("~$") || f.starts_with('.'))
        })
        .map(str::to_string)
        .collect();
    if names.is_empty() {
        return vec![Unpacked::Failed { name: file.name, reason: "压缩包里没有文件".into() }];
    }
    names
        .into_iter()
        .map(|n| {
            let name = format!("{}/{n}", file.name);
            match archive.read(&n) {
                Ok(Some(bytes)) => Unpacked::File(Received { name, bytes }),
                Ok(None) => Unpacked::Failed { name, reason: "压缩包里找不到这个文件".into() },
                Err(e) => Unpacked::Failed { name, reason: reason(&e) },
            }
        })
        .collect()
}

/// Checks one received file against the template it is written for among `specs`.
pub fn check(file: &Received, specs: &[FormSpec]) -> Summary {
    let checked = if super::is_draft_file(&file.bytes) {
        super::draft_file(&file.bytes, specs)
    } else {
        super::docx(&file.bytes, specs).map_err(|e| reason(&e))
    };
    summarise(file, &checked, specs)
}

/// Checks one received file against the template named `template` (the clerk's
/// choice where the recognised one was wrong); a draft file keeps its own.
pub fn check_as(file: &Received, specs: &[FormSpec], template: &str) -> Summary {
    let Some(spec) = specs.iter().find(|s| s.name == template) else {
        return Summary::of(&file.name, &Err(format!("没有“{template}”这个模板")));
    };
    if super::is_draft_file(&file.bytes) {
        return check(file, specs);
    }
    let mut row = summarise(file, &super::docx_as(&file.bytes, spec).map_err(|e| reason(&e)), specs);
    row.chosen = true;
    row
}

/// The file named `name` (a row's file: `附件.zip/述职报告.docx`) among what a
/// received file holds.
pub fn entry(file: Received, name: &str) -> Option<Received> {
    expand(file).into_iter().find_map(|f| match f {
        Unpacked::File(f) if f.name == name => Some(f),
        _ => None,
    })
}

fn summarise(file: &Received, checked: &Result<super::Report, String>, specs: &[FormSpec]) -> Summary {
    let mut row = Summary::of(&file.name, checked);
    (row.goes_with, row.companions) = super::group::relations(&row.template, specs);
    row
}

/// Every file, zips opened, in order: one row each, a unit's files related.
pub fn check_all(files: Vec<Received>, specs: &[FormSpec]) -> Vec<Summary> {
    let mut rows: Vec<Summary> = files
        .into_iter()
        .flat_map(expand)
        .map(|f| match f {
            Unpacked::File(f) => check(&f, specs),
            Unpacked::Failed { name, reason } => Summary::of(&name, &Err(reason)),
        })
        .collect();
    super::group::relate(&mut rows);
    rows
}

/// Why a file could not be checked (the importer's words: what the file is, and
/// how to make a .docx of it).
fn reason(e: &ImportError) -> String {
    e.to_string()
}
