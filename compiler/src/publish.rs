//! Templates an office publishes on its intranet page (`wengao publish`): the
//! templates, checked, in a folder beside index.html with a list of them
//! (`templates/templates.json`) that every browser opening the page fetches.
//! The list carries what the start screen shows of each template (its name
//! and 说明) and its version (a hash of its text), so that the start-screen
//! program, which has no template compiler, lists the cards, and a browser
//! tells a changed template from the one it keeps. One format for the CLI
//! that writes it, the studio that downloads it and the page that reads it.

use serde::{Deserialize, Serialize};

use crate::builtin::BuiltinStyles;
use crate::source::SourceFile;
use crate::spec::{FormSpec, Node, NodeKind};

/// The folder beside index.html the page fetches from.
pub const FOLDER: &str = "templates";
/// The list's file name in that folder.
pub const LIST_FILE: &str = "templates.json";
/// The list's `format`.
pub const FORMAT: &str = "wengao-templates";

/// The list of published templates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Published {
    /// Always [`FORMAT`].
    pub format: String,
    /// The format's version: 1.
    pub version: u32,
    /// Whether the start screen shows only these, not the built-in ones.
    #[serde(default)]
    pub hide_builtin: bool,
    pub templates: Vec<Entry>,
}

/// One published template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Its file in the folder: `述职报告.wg`.
    pub file: String,
    /// Its `模板：` name.
    pub name: String,
    /// Its `说明：` line.
    #[serde(default)]
    pub description: String,
    /// [`version`] of the file's text.
    pub version: String,
}

/// A version of a template's text: its FNV-1a hash, as hex. A draft remembers
/// the version of the template it was saved against.
pub fn version(source: &str) -> String {
    let hash = source.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    format!("{hash:016x}")
}

/// Checks `templates` as a browser compiles them (with the built-in style
/// sheets: the page has no others) and makes the folder's files — each
/// template's text unchanged under its name, and the list — as (file name,
/// contents). The diagnostics of every template that has errors, when one has;
/// nothing is made then.
pub fn publish(templates: &[SourceFile], hide_builtin: bool) -> Result<Vec<(String, String)>, String> {
    let mut refused = Vec::new();
    let mut files: Vec<(String, String)> = Vec::new();
    let mut entries = Vec::new();
    // File names given so far, and the template each came from.
    let mut taken: Vec<(String, String)> = Vec::new();
    for file in templates {
        let compiled = crate::compile(file, &BuiltinStyles);
        let errors = compiled.diagnostics.iter().filter(|d| d.is_error()).count();
        let Some(spec) = compiled.spec.as_ref().filter(|_| errors == 0) else {
            refused.push(format!("{}\n{}：{errors}个错误，没有发布", compiled.render_diagnostics(), file.name));
            continue;
        };
        let name = format!("{}.wg", crate::audit::notes::safe_file_name(&spec.name));
        if let Some((_, other)) = taken.iter().find(|(n, _)| *n == name) {
            refused.push(format!("{}：和 {other} 同名（模板：{}），一个名称只能发布一个模板", file.name, spec.name));
            continue;
        }
        taken.push((name.clone(), file.name.clone()));
        entries.push(Entry {
            file: name.clone(),
            name: spec.name.clone(),
            description: spec.description.clone().unwrap_or_default(),
            version: version(&file.text),
        });
        files.push((name, file.text.clone()));
    }
    if !refused.is_empty() {
        return Err(refused.join("\n\n"));
    }
    let list = Published { format: FORMAT.into(), version: 1, hide_builtin, templates: entries };
    files.push((LIST_FILE.into(), serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"));
    Ok(files)
}

impl Published {
    /// Reads a list, or says why it is none.
    pub fn parse(text: &str) -> Result<Published, String> {
        let list: Published = serde_json::from_str(text).map_err(|e| format!("{LIST_FILE} 读不了：{e}"))?;
        if list.format != FORMAT {
            return Err(format!("{LIST_FILE} 不是文稿的模板清单（format 应为 {FORMAT}）"));
        }
        Ok(list)
    }
}

/// What changed from one version of a template to the next, in the drafter's
/// words: parts added and taken away, 字数 requirements, the page limit,
/// fields added and taken away. Parts are known by their names in the
/// template (what a draft files its text under).
pub fn changes(old: &FormSpec, new: &FormSpec) -> Vec<String> {
    fn parts(nodes: &[Node], out: &mut Vec<(String, String, String)>) {
        for n in nodes {
            let shown = match &n.kind {
                NodeKind::Heading { title: Some(title), .. } => title.source.clone(),
                _ => n.id.clone(),
            };
            out.push((n.id.clone(), shown, n.budget.as_ref().map_or_else(|| "没有要求".into(), |b| b.describe())));
            parts(&n.children, out);
        }
    }
    let (mut before, mut after) = (Vec::new(), Vec::new());
    parts(&old.body, &mut before);
    parts(&new.body, &mut after);
    let mut out = Vec::new();
    let added: Vec<String> =
        after.iter().filter(|(id, ..)| !before.iter().any(|(b, ..)| b == id)).map(|(_, s, _)| format!("“{s}”")).collect();
    if !added.is_empty() {
        out.push(format!("新增{}", added.join("、")));
    }
    let gone: Vec<String> =
        before.iter().filter(|(id, ..)| !after.iter().any(|(a, ..)| a == id)).map(|(_, s, _)| format!("“{s}”")).collect();
    if !gone.is_empty() {
        out.push(format!("去掉了{}", gone.join("、")));
    }
    for (id, shown, budget) in &after {
        if let Some((_, _, was)) = before.iter().find(|(b, ..)| b == id).filter(|(_, _, was)| was != budget) {
            out.push(format!("“{shown}”的字数要求由{was}改为{budget}"));
        }
    }
    let whole = |s: &FormSpec| s.budget.as_ref().map_or_else(|| "没有要求".into(), |b| b.describe());
    if whole(old) != whole(new) {
        out.push(format!("全文字数要求由{}改为{}", whole(old), whole(new)));
    }
    let pages = |s: &FormSpec| s.page_limit.map_or_else(|| "没有限制".into(), |l| format!("{}页", l.max));
    if pages(old) != pages(new) {
        out.push(format!("页数上限由{}改为{}", pages(old), pages(new)));
    }
    let labels = |a: &FormSpec, b: &FormSpec| -> Vec<String> {
        a.fields.iter().filter(|f| !b.fields.iter().any(|g| g.id == f.id)).map(|f| format!("“{}”", f.label)).collect()
    };
    if !labels(new, old).is_empty() {
        out.push(format!("新增基本信息{}", labels(new, old).join("、")));
    }
    if !labels(old, new).is_empty() {
        out.push(format!("去掉了基本信息{}", labels(old, new).join("、")));
    }
    out
}

/// The folder's files as a zip for the admin to unpack beside index.html
/// (`templates/…`): what the studio downloads.
pub fn folder_zip(files: &[(String, String)]) -> Vec<u8> {
    crate::docx::package::pack(files.iter().map(|(name, text)| (format!("{FOLDER}/{name}"), text.as_bytes().to_vec())).collect())
}
