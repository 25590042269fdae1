//! A batch of received files: e-mail attachments as they come (Word files,
//! zips of them), each checked on its own, so that one bad file never stops
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
    Summary::of(&file.name, &super::docx(&file.bytes, specs).map_err(|e| reason(&e)))
}

/// Every file, zips opened, in order: one row each.
pub fn check_all(files: Vec<Received>, specs: &[FormSpec]) -> Vec<Summary> {
    files
        .into_iter()
        .flat_map(expand)
        .map(|f| match f {
            Unpacked::File(f) => check(&f, specs),
            Unpacked::Failed { name, reason } => Summary::of(&name, &Err(reason)),
        })
        .collect()
}

/// Why a file could not be checked (the importer's words: what the file is, and
/// how to make a .docx of it).
fn reason(e: &ImportError) -> String {
    e.to_string()
}
