//! The 修改意见 as a Word file for the e-mail back: the same lines as the text
//! the desk copies ([`Summary::revision_notes`]), the first as the title and
//! each finding a body paragraph, in the template's own style sheet.

use super::summary::Summary;
use crate::document::{Block, Document};
use crate::docx::{render_document, RenderOptions};
use crate::spec::{Role, Style};

/// The 修改意见 as an assembled document.
pub fn document(row: &Summary) -> Document<'static> {
    let notes = row.revision_notes();
    let mut lines = notes.lines();
    let title = lines.next().unwrap_or_default().trim_end_matches('：').to_string();
    let blocks = std::iter::once(Block::plain(Role::Title, &title)).chain(lines.map(|l| Block::plain(Role::Body, l))).collect();
    Document { title: title.clone(), author: String::new(), blocks, labels: Vec::new(), title_lines: 1 }
}

/// The 修改意见's .docx.
pub fn docx(row: &Summary, style: &Style, options: &RenderOptions) -> Vec<u8> {
    render_document(&document(row), style, options)
}

/// The file name to save it as: `XX街道党工委党建工作述职报告修改意见.docx`;
/// with `received` (for a unit that sent two files of one template), the
/// received file's name after it: `…修改意见（页码错误）.docx`.
pub fn file_name(row: &Summary, received: bool) -> String {
    let file = row.file.rsplit('/').next().unwrap_or(&row.file);
    let file = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let name = match (row.unit.is_empty(), received) {
        (true, _) => format!("{file}修改意见"),
        (false, false) => format!("{}{}修改意见", row.unit, row.template),
        (false, true) => format!("{}{}修改意见（{file}）", row.unit, row.template),
    };
    format!("{}.docx", safe_file_name(&name))
}

/// `name` with the characters Windows does not allow in file names as `_`.
pub fn safe_file_name(name: &str) -> String {
    name.chars().map(|c| if "\\/:*?\"<>|".contains(c) || c.is_control() { '_' } else { c }).collect()
}
