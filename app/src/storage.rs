//! The browser's localStorage: the list of drafts, each draft as a draft file
//! (docs/draft-format.md), custom templates, and which prompts are folded.
//! Every failure (storage off, quota full) comes back as a message in Chinese;
//! the draft stays in memory and can still be exported.

use serde::{Deserialize, Serialize};
use wengao::draft::Draft;

const INDEX: &str = "wengao.index";

/// One saved draft as the start screen lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftMeta {
    pub id: String,
    /// `builtin:述职报告` or `custom:<hash>`.
    pub template: String,
    pub name: String,
    /// Milliseconds since 1970.
    pub updated: f64,
}

fn storage() -> Result<web_sys::Storage, String> {
    leptos::prelude::window()
        .local_storage()
        .ok()
        .flatten()
        .ok_or_else(|| "浏览器不允许保存数据（可能是隐私模式）：草稿不会自动保存，请用“导出草稿”保存到文件".to_string())
}

pub fn get(key: &str) -> Option<String> {
    storage().ok()?.get_item(key).ok().flatten()
}

pub fn set(key: &str, value: &str) -> Result<(), String> {
    storage()?.set_item(key, value).map_err(|_| {
        format!(
            "浏览器的存储空间满了，最近的修改没能自动保存（约 {} KB）。草稿还在，请马上用“导出草稿”保存到文件；删掉用不着的草稿或图片后会恢复自动保存",
            value.len() / 1024
        )
    })
}

pub fn remove(key: &str) {
    if let Ok(s) = storage() {
        let _ = s.remove_item(key);
    }
}

pub fn draft_key(id: &str) -> String {
    format!("wengao.draft.{id}")
}

pub fn index() -> Vec<DraftMeta> {
    get(INDEX).and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default()
}

pub fn save_index(list: &[DraftMeta]) -> Result<(), String> {
    set(INDEX, &serde_json::to_string(list).unwrap_or_default())
}

/// A picture as localStorage keeps it: everything but the bytes (IndexedDB has those).
#[derive(Serialize, Deserialize)]
struct PictureMeta {
    path: Vec<(String, usize)>,
    name: String,
    format: wengao::spec::PictureFormat,
    width: u32,
    height: u32,
    caption: String,
}

pub fn pictures_key(id: &str) -> String {
    format!("wengao.pictures.{id}")
}

/// Saves a draft (its text here, its picture bytes in IndexedDB — see
/// pictures_db) and refreshes its line in the index. Returns what was written.
pub fn save_draft(meta: &DraftMeta, draft: &mut Draft) -> Result<String, String> {
    // Take the pictures out while the text is serialised, and put them back.
    let mut lists: Vec<(Vec<(String, usize)>, Vec<wengao::draft::Picture>)> =
        crate::pictures_db::picture_lists(draft).into_iter().map(|(path, list)| (path, std::mem::take(list))).collect();
    let json = draft.to_json();
    let metas: Vec<PictureMeta> = lists
        .iter()
        .flat_map(|(path, list)| {
            list.iter().map(move |p| PictureMeta { path: path.clone(), name: p.name.clone(), format: p.format, width: p.width, height: p.height, caption: p.caption.clone() })
        })
        .collect();
    for (path, list) in lists.drain(..) {
        if let Some(item) = wengao::edit::item_mut(draft, &path) {
            item.pictures = list;
        }
    }
    set(&draft_key(&meta.id), &json)?;
    set(&pictures_key(&meta.id), &serde_json::to_string(&metas).unwrap_or_default())?;
    let mut list = index();
    match list.iter_mut().find(|m| m.id == meta.id) {
        Some(m) => *m = meta.clone(),
        None => list.insert(0, meta.clone()),
    }
    save_index(&list)?;
    Ok(json)
}

/// Loads a draft's text and its pictures without their bytes (see
/// [`crate::pictures_db::load`] for those).
pub fn load_draft(id: &str) -> Result<Draft, String> {
    let text = get(&draft_key(id)).ok_or("找不到这份草稿")?;
    let mut draft = Draft::from_json(&text).map_err(|e| e.to_string())?;
    let metas: Vec<PictureMeta> = get(&pictures_key(id)).and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
    for m in metas {
        if let Some(item) = wengao::edit::item_mut(&mut draft, &m.path) {
            item.pictures.push(wengao::draft::Picture { name: m.name, format: m.format, width: m.width, height: m.height, caption: m.caption, data: Vec::new() });
        }
    }
    Ok(draft)
}

/// Removes a draft's text and picture list (the bytes are removed separately).
pub fn remove_draft(id: &str) {
    remove(&draft_key(id));
    remove(&pictures_key(id));
}

pub fn now() -> f64 {
    js_sys::Date::now()
}

/// A new id, unique enough for one browser: time and a random part.
pub fn new_id() -> String {
    format!("{:x}-{:x}", now() as u64, (js_sys::Math::random() * 1e9) as u64)
}

/// Stores a custom template's source; returns its key.
pub fn save_template(source: &str) -> Result<String, String> {
    let hash = source.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    let key = format!("custom:{hash:016x}");
    set(&format!("wengao.template.{key}"), source)?;
    Ok(key)
}

pub fn template_source(key: &str) -> Option<String> {
    get(&format!("wengao.template.{key}"))
}

/// Whether a prompt is folded away, remembered per template and node.
pub fn prompt_open(template: &str, node: &str) -> bool {
    get(&format!("wengao.prompt.{template}.{node}")).is_none_or(|v| v == "1")
}

pub fn set_prompt_open(template: &str, node: &str, open: bool) {
    let _ = set(&format!("wengao.prompt.{template}.{node}"), if open { "1" } else { "0" });
}
