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

/// Files a computer makes beside the ones sent, never a unit's material: Word's
/// lock files (`~$述职报告.docx`), macOS's `__MACOSX/` and `._` twins and
/// `.DS_Store`, Windows' `Thumbs.db` and `desktop.ini`. Left out of a folder
/// and a zip alike.
pub fn is_system_file(path: &str) -> bool {
    let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
    path.split(['/', '\\']).any(|s| s == "__MACOSX")
        || file.starts_with("~$")
        || file.starts_with('.')
        || ["thumbs.db", "desktop.ini"].contains(&file.to_lowercase().as_str())
}

/// A zip entry's name: UTF-8 when the zip says so or the bytes are, otherwise
/// GB18030 (a superset of GBK, code page 936: what Windows' 压缩文件夹 and WinRAR
/// write on a Chinese system). encoding_rs, the maintained decoder, is linked
/// into the desk's worker only.
fn entry_name(archive: &import::zip::Archive<'_>, index: usize) -> String {
    archive.name_at(index, |raw| encoding_rs::GB18030.decode_without_bom_handling(raw).0.into_owned())
}

/// A zip's files as received files (every entry but the system's: one each,
/// named apart even where two names are spelt alike); any other file as itself.
pub fn expand(file: Received) -> Vec<Unpacked> {
    if !is_bundle(&file.bytes) {
        return vec![Unpacked::File(file)];
    }
    let Ok(archive) = import::open(&file.bytes) else { return vec![Unpacked::File(file)] };
    let mut seen = std::collections::HashSet::new();
    let entries: Vec<(usize, String)> = (0..archive.len())
        .map(|i| (i, entry_name(&archive, i)))
        .filter(|(_, n)| !n.ends_with('/') && !is_system_file(n))
        .map(|(i, n)| {
            let unique = std::iter::once(n.clone()).chain((2..).map(|k| format!("{n}（第{k}个）"))).find(|c| seen.insert(c.clone()));
            (i, unique.unwrap_or(n))
        })
        .collect();
    if entries.is_empty() {
        return vec![Unpacked::Failed { name: file.name, reason: "压缩包里没有文件".into() }];
    }
    entries
        .into_iter()
        .map(|(i, n)| {
            let name = format!("{}/{n}", file.name);
            match archive.read_at(i) {
                Ok(bytes) => Unpacked::File(Received { name, bytes }),
                Err(e) => Unpacked::Failed { name, reason: reason(&e) },
            }
        })
        .collect()
}

/// A file's identity for “sent twice”: its size and an FNV-1a hash of its bytes.
pub fn fingerprint(bytes: &[u8]) -> (usize, u64) {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3));
    (bytes.len(), hash)
}

/// [`fingerprint`] as text (a row's `digest`, the desk's key for a stored file).
pub fn fingerprint_text((size, hash): (usize, u64)) -> String {
    format!("{size}-{hash:016x}")
}

/// A row settled by the file's name alone: a mail's body or a note sent
/// beside the reports (不是报告文件, rather than 读不了), or a web page (Word's
/// 单个文件网页 may be the report itself, so 读不了).
fn by_name(name: &str) -> Option<Summary> {
    let extension = name.rsplit_once('.').map(|(_, x)| x.to_lowercase()).unwrap_or_default();
    Some(match extension.as_str() {
        "txt" => Summary::not_report(
            name,
            "这是文本文件（多半是邮件正文或说明），不是报告文件，没有检查；报告要是写在里面，请让单位发 Word 文件（.docx）",
        ),
        "eml" | "msg" => Summary::not_report(name, "这是邮件文件，不是报告文件，没有检查"),
        "htm" | "html" | "mht" | "mhtml" => Summary::of(
            name,
            &Err("这是网页文件（.htm、.mht，可能是 Word 另存的“单个文件网页”），审核台读不了：请让单位发 Word 文件（.docx）".into()),
        ),
        _ => return None,
    })
}

/// `row` of `file`, with the file's bytes identified (for copies sent twice).
fn with_digest(file: &Received, mut row: Summary) -> Summary {
    row.digest = fingerprint_text(fingerprint(&file.bytes));
    row
}

/// Checks one received file against the template it is written for among `specs`.
pub fn check(file: &Received, specs: &[FormSpec]) -> Summary {
    if let Some(row) = by_name(&file.name) {
        return with_digest(file, row);
    }
    let checked = if super::is_draft_file(&file.bytes) {
        super::draft_file(&file.bytes, specs)
    } else {
        match super::docx(&file.bytes, specs) {
            Ok(super::Checked::Report(report)) => Ok(*report),
            Ok(super::Checked::Unrecognised(what)) => return with_digest(file, Summary::unrecognised(&file.name, &what)),
            Err(e) => Err(reason(&e)),
        }
    };
    with_digest(file, summarise(file, &checked, specs))
}

/// Checks one received file against the template named `template` (the clerk's
/// choice where the recognised one was wrong); a draft file keeps its own.
pub fn check_as(file: &Received, specs: &[FormSpec], template: &str) -> Summary {
    let Some(spec) = specs.iter().find(|s| s.name == template) else {
        return Summary::of(&file.name, &Err(format!("没有“{template}”这个模板")));
    };
    if super::is_draft_file(&file.bytes) || by_name(&file.name).is_some() {
        return check(file, specs);
    }
    let row = summarise(file, &super::docx_as(&file.bytes, spec).map_err(|e| reason(&e)), specs);
    with_digest(file, Summary { chosen: true, ..row })
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
    check_each(files, |f| check(f, specs))
}

/// Every file as [`check_all`] does, each checked as the template named
/// `template` (`wengao audit --as`, as the desk's per-row choice).
pub fn check_all_as(files: Vec<Received>, specs: &[FormSpec], template: &str) -> Vec<Summary> {
    check_each(files, |f| check_as(f, specs, template))
}

fn check_each(files: Vec<Received>, check: impl Fn(&Received) -> Summary) -> Vec<Summary> {
    let mut rows: Vec<Summary> = files
        .into_iter()
        .flat_map(expand)
        .map(|f| match f {
            Unpacked::File(f) => check(&f),
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
