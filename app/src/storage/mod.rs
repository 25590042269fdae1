//! Where drafts and custom templates live: IndexedDB (see idb.rs for why not
//! localStorage). A draft is one record in the `drafts` store — its list line
//! (`meta`), its text without picture bytes (`body`), the picture list
//! (`pictures`) and which tab holds it (`holder`) — and its picture bytes are one
//! record in the `pictures` store, written in the same transaction when they
//! change. localStorage keeps only what may be lost: folded prompts and which
//! draft to reopen after a reload (tabs.rs).

use js_sys::{Array, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wengao::document::Owner;
use wengao::draft::{Draft, Item, Picture};
use wengao::spec::Role;

pub mod desk;
pub mod idb;
pub mod library;
pub mod meeting;
pub mod published;
pub mod record;
mod stamp;
pub mod tabs;

pub use stamp::{clock, new_id, now};

use idb::{Failure, DRAFTS, PICTURES, TEMPLATES};
use record::{Record, Recorded};

/// One saved draft as the start screen lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftMeta {
    pub id: String,
    /// `builtin:述职报告` or `custom:<hash>`.
    pub template: String,
    pub name: String,
    /// What tells drafts of one report type apart: the other title lines (unit
    /// and name, subtitle, date); empty in drafts stored by earlier versions.
    pub detail: String,
    /// The version of the template the draft was last saved against (empty:
    /// stored by an earlier version).
    pub template_version: String,
    /// Milliseconds since 1970.
    pub updated: f64,
}

impl DraftMeta {
    /// A new draft's list line, named by its title lines.
    pub fn new(id: String, template: String, template_version: String, spec: &wengao::spec::FormSpec, draft: &Draft) -> DraftMeta {
        let mut meta = DraftMeta { id, template, name: String::new(), detail: String::new(), template_version, updated: now() };
        let doc = wengao::document::assemble(spec, draft);
        meta.describe(&doc.title, &doc.title_block());
        meta
    }

    /// Names the draft by its title line, with the other title lines as detail.
    pub fn describe(&mut self, title: &str, lines: &[(Role, String)]) {
        self.detail = lines.iter().map(|(_, l)| l).filter(|l| *l != title).cloned().collect::<Vec<_>>().join("　");
        self.name = title.to_string();
    }
}

impl Recorded for DraftMeta {
    fn to_record(&self) -> Record {
        let r = Record::new();
        r.set("id", self.id.as_str())
            .set("template", self.template.as_str())
            .set("name", self.name.as_str())
            .set("detail", self.detail.as_str())
            .set("template_version", self.template_version.as_str())
            .set("updated", self.updated);
        r
    }

    fn from_record(r: &Record) -> Option<DraftMeta> {
        Some(DraftMeta {
            id: r.str("id")?,
            template: r.str("template")?,
            name: r.str("name")?,
            detail: r.str("detail").unwrap_or_default(),
            template_version: r.str("template_version").unwrap_or_default(),
            updated: r.num("updated")?,
        })
    }
}

/// A picture as the draft record keeps it: everything but the bytes.
#[derive(Serialize, Deserialize)]
struct PictureMeta {
    path: Owner,
    name: String,
    format: wengao::spec::PictureFormat,
    width: u32,
    height: u32,
    caption: String,
    /// The number of bytes (0 in records of earlier versions): with the format
    /// and size, what tells that the stored bytes are this picture's.
    #[serde(default)]
    size: usize,
}

/// A draft as written in one save: computed synchronously from the draft, so
/// that saves go to the store in the order the changes were made.
pub struct Snapshot {
    pub meta: DraftMeta,
    body: String,
    pictures: String,
    /// The picture bytes, when they changed since the last save.
    bytes: Option<Array>,
}

/// A draft in the store, as the start screen and the crash check see it.
pub struct Listed {
    pub meta: DraftMeta,
    /// The tab that has it open for editing, if any (tabs.rs).
    pub holder: Option<String>,
}

/// The picture lists of a draft with their items' paths, in a fixed order (parts
/// by name, items in order, then the unplaced pictures under the empty path):
/// the order of the stored byte arrays.
fn picture_lists(draft: &mut Draft) -> Vec<(Owner, &mut Vec<Picture>)> {
    fn walk<'a>(parts: &'a mut wengao::draft::Parts, path: &mut Owner, out: &mut Vec<(Owner, &'a mut Vec<Picture>)>) {
        for (name, items) in parts.iter_mut() {
            for (i, item) in items.iter_mut().enumerate() {
                path.push((name.clone(), i));
                let Item { pictures, parts, .. } = item;
                if !pictures.is_empty() {
                    out.push((path.clone(), pictures));
                }
                walk(parts, path, out);
                path.pop();
            }
        }
    }
    let Draft { body, unplaced_pictures, .. } = draft;
    let mut out = Vec::new();
    walk(body, &mut Vec::new(), &mut out);
    if !unplaced_pictures.is_empty() {
        out.push((Vec::new(), unplaced_pictures));
    }
    out
}

/// The picture list at a path of [`picture_lists`]: an item's, or the unplaced pictures.
fn pictures_at<'d>(draft: &'d mut Draft, path: &[wengao::document::Step]) -> Option<&'d mut Vec<Picture>> {
    if path.is_empty() {
        return Some(&mut draft.unplaced_pictures);
    }
    wengao::edit::item_mut(draft, path).map(|item| &mut item.pictures)
}

/// What identifies the pictures of a draft without their bytes: when it changes,
/// the bytes are written again.
pub fn pictures_fingerprint(draft: &mut Draft) -> Vec<(Owner, String, usize)> {
    picture_lists(draft)
        .into_iter()
        .flat_map(|(path, list)| list.iter().map(move |p| (path.clone(), p.name.clone(), p.data.len())).collect::<Vec<_>>())
        .collect()
}

/// The draft as it will be stored; `with_bytes` adds the picture bytes.
pub fn snapshot(meta: &DraftMeta, draft: &mut Draft, with_bytes: bool) -> Snapshot {
    // Take the pictures out while the text is serialised, and put them back.
    let mut lists: Vec<(Owner, Vec<Picture>)> = picture_lists(draft).into_iter().map(|(path, list)| (path, std::mem::take(list))).collect();
    let body = draft.to_json();
    let metas: Vec<PictureMeta> = lists
        .iter()
        .flat_map(|(path, list)| {
            list.iter().map(move |p| PictureMeta {
                path: path.clone(),
                name: p.name.clone(),
                format: p.format,
                width: p.width,
                height: p.height,
                caption: p.caption.clone(),
                size: p.data.len(),
            })
        })
        .collect();
    let bytes =
        with_bytes.then(|| Array::from_iter(lists.iter().flat_map(|(_, list)| list.iter().map(|p| Uint8Array::from(p.data.as_slice())))));
    for (path, list) in lists.drain(..) {
        if let Some(pictures) = pictures_at(draft, &path) {
            *pictures = list;
        }
    }
    Snapshot { meta: meta.clone(), body, pictures: serde_json::to_string(&metas).unwrap_or_default(), bytes }
}

/// The draft store's record: the list line as JSON text, the draft's text, its
/// picture list and the tab that holds it.
fn record(snapshot: &Snapshot, holder: Option<&str>) -> Record {
    let r = Record::new();
    r.set("meta", snapshot.meta.to_json())
        .set("body", snapshot.body.as_str())
        .set("pictures", snapshot.pictures.as_str())
        .set("holder", holder.map_or(JsValue::NULL, JsValue::from_str));
    r
}

/// A stored record's list line.
fn meta_of(record: &Record) -> Option<DraftMeta> {
    DraftMeta::from_json(&record.str("meta")?)
}

/// The tab that holds a stored record, if any.
fn holder_of(value: &JsValue) -> Option<String> {
    Record::of(value)?.str("holder")
}

fn key(id: &str) -> JsValue {
    JsValue::from_str(id)
}

/// Writes a draft. With `holder`, only while no other tab holds it: the check and
/// the write are one transaction, so a tab that has been taken over cannot
/// overwrite the new holder's work (`Failure::Refused`). Resolves once durable.
pub async fn save(snapshot: Snapshot, holder: Option<String>) -> Result<(), Failure> {
    let (t, stores) = idb::transaction(&[DRAFTS, PICTURES], true).await?;
    let (drafts, pictures) = (stores[0].clone(), stores[1].clone());
    let id = snapshot.meta.id.clone();
    let value = record(&snapshot, holder.as_deref());
    let bytes = snapshot.bytes;
    let guard = idb::Guarded::new(&t);
    guard.on(&drafts.get(&key(&id)).map_err(idb::thrown)?, move |_, current| {
        let other = holder_of(&current).filter(|h| Some(h) != holder.as_ref());
        if holder.is_some() && other.is_some() {
            return Err(Failure::Refused);
        }
        drafts.put_with_key(value.value(), &key(&id)).map_err(idb::thrown)?;
        if let Some(b) = &bytes {
            pictures.put_with_key(b, &key(&id)).map_err(idb::thrown)?;
        }
        Ok(())
    });
    guard.committed().await
}

/// Parses a stored record back into a draft, with the picture bytes filled in;
/// also says how many pictures had no bytes left.
fn parse(value: &JsValue, bytes: &JsValue) -> Result<(Listed, Draft, usize), String> {
    let record = Record::of(value).ok_or("找不到这份草稿")?;
    let meta = meta_of(&record).ok_or("找不到这份草稿")?;
    let mut draft = Draft::from_json(&record.str("body").unwrap_or_default()).map_err(|e| e.to_string())?;
    let metas: Vec<PictureMeta> = record.str("pictures").and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
    // In the order of the stored bytes (picture_lists), as written.
    let sizes: Vec<usize> = metas.iter().map(|m| m.size).collect();
    for m in metas {
        if let Some(pictures) = pictures_at(&mut draft, &m.path) {
            pictures.push(Picture {
                name: m.name,
                format: m.format,
                width: m.width,
                height: m.height,
                caption: m.caption,
                data: Vec::new(),
            });
        }
    }
    let stored: Vec<Vec<u8>> =
        bytes.dyn_ref::<Array>().map(|a| a.iter().map(|v| Uint8Array::new(&v).to_vec()).collect()).unwrap_or_default();
    let mut lost = 0;
    let mut k = 0;
    for (_, list) in picture_lists(&mut draft) {
        for p in list.iter_mut() {
            // Bytes that are not this picture's (a save of the picture list
            // without them, after one with them failed) are not shown as it.
            let its_own = |b: &&Vec<u8>| {
                sizes.get(k).is_none_or(|&n| n == 0 || n == b.len())
                    && wengao::picture::sniff(b).is_some_and(|info| (info.format, info.width, info.height) == (p.format, p.width, p.height))
            };
            match stored.get(k).filter(its_own) {
                Some(b) => p.data = b.clone(),
                None => lost += 1,
            }
            k += 1;
        }
    }
    Ok((Listed { meta, holder: record.str("holder") }, draft, lost))
}

/// A draft read from the store, with how many of its pictures could not be restored.
pub struct Loaded {
    pub meta: DraftMeta,
    pub draft: Draft,
    pub lost_pictures: usize,
}

/// Reads a draft. With `claim`, marks this tab as its holder in the same
/// transaction (after tabs.rs has given this tab the draft's lock).
pub async fn load(id: &str, claim: Option<&str>) -> Result<Loaded, String> {
    let (t, stores) = idb::transaction(&[DRAFTS, PICTURES], claim.is_some()).await.map_err(|f| f.message())?;
    let value = idb::request(&stores[0].get(&key(id)).map_err(|e| idb::thrown(e).message())?).await.map_err(|f| f.message())?;
    if value.is_undefined() {
        return Err("找不到这份草稿（可能已在另一个标签页里删除）".into());
    }
    let bytes = idb::request(&stores[1].get(&key(id)).map_err(|e| idb::thrown(e).message())?).await.map_err(|f| f.message())?;
    if let Some(me) = claim {
        if let Some(record) = Record::of(&value) {
            record.set("holder", me);
            stores[0].put_with_key(record.value(), &key(id)).map_err(|e| idb::thrown(e).message())?;
        }
    }
    idb::committed(&t).await.map_err(|f| f.message())?;
    let (listed, draft, lost_pictures) = parse(&value, &bytes)?;
    Ok(Loaded { meta: listed.meta, draft, lost_pictures })
}

/// Clears this tab's mark on a draft it no longer edits (closed normally).
pub async fn release(id: &str, me: &str) -> Result<(), Failure> {
    let (t, stores) = idb::transaction(&[DRAFTS], true).await?;
    let value = idb::request(&stores[0].get(&key(id)).map_err(idb::thrown)?).await?;
    if let Some(record) = Record::of(&value).filter(|r| r.str("holder").as_deref() == Some(me)) {
        record.set("holder", JsValue::NULL);
        stores[0].put_with_key(record.value(), &key(id)).map_err(idb::thrown)?;
    }
    idb::committed(&t).await
}

/// Every stored draft, newest first.
pub async fn list() -> Result<Vec<Listed>, Failure> {
    let (_, stores) = idb::transaction(&[DRAFTS], false).await?;
    let all = idb::request(&stores[0].get_all().map_err(idb::thrown)?).await?;
    let mut out: Vec<Listed> = all
        .dyn_into::<Array>()
        .map(|a| {
            a.iter()
                .filter_map(|v| {
                    let record = Record::of(&v)?;
                    Some(Listed { meta: meta_of(&record)?, holder: record.str("holder") })
                })
                .collect()
        })
        .unwrap_or_default();
    stamp::newest_first(&mut out, |l| l.meta.updated);
    Ok(out)
}

/// A removed draft, kept in memory for 撤销.
#[derive(Clone)]
pub struct Removed {
    pub meta: DraftMeta,
    value: JsValue,
    bytes: JsValue,
}

/// Removes a draft and its pictures; returns what 撤销 needs to put it back.
pub async fn remove(meta: &DraftMeta) -> Result<Removed, Failure> {
    let (t, stores) = idb::transaction(&[DRAFTS, PICTURES], true).await?;
    let value = idb::request(&stores[0].get(&key(&meta.id)).map_err(idb::thrown)?).await?;
    let bytes = idb::request(&stores[1].get(&key(&meta.id)).map_err(idb::thrown)?).await?;
    stores[0].delete(&key(&meta.id)).map_err(idb::thrown)?;
    stores[1].delete(&key(&meta.id)).map_err(idb::thrown)?;
    idb::committed(&t).await?;
    Ok(Removed { meta: meta.clone(), value, bytes })
}

pub async fn restore(removed: &Removed) -> Result<(), Failure> {
    let (t, stores) = idb::transaction(&[DRAFTS, PICTURES], true).await?;
    stores[0].put_with_key(&removed.value, &key(&removed.meta.id)).map_err(idb::thrown)?;
    if !removed.bytes.is_undefined() {
        stores[1].put_with_key(&removed.bytes, &key(&removed.meta.id)).map_err(idb::thrown)?;
    }
    idb::committed(&t).await
}

/// Copies a draft record as it is stored (text and picture bytes) under a new
/// id, named `name`, in one transaction; no tab holds the copy.
pub async fn duplicate(meta: &DraftMeta, name: String) -> Result<(), Failure> {
    let (t, stores) = idb::transaction(&[DRAFTS, PICTURES], true).await?;
    let value = idb::request(&stores[0].get(&key(&meta.id)).map_err(idb::thrown)?).await?;
    let bytes = idb::request(&stores[1].get(&key(&meta.id)).map_err(idb::thrown)?).await?;
    let Some(record) = Record::of(&value) else { return Err(Failure::Other("NotFoundError".into())) };
    let copy = DraftMeta { id: new_id(), name, updated: now(), ..meta.clone() };
    record.set("meta", copy.to_json()).set("holder", JsValue::NULL);
    stores[0].put_with_key(record.value(), &key(&copy.id)).map_err(idb::thrown)?;
    if !bytes.is_undefined() {
        stores[1].put_with_key(&bytes, &key(&copy.id)).map_err(idb::thrown)?;
    }
    idb::committed(&t).await
}

/// Renames a draft in its list line.
pub async fn rename(id: &str, name: &str) -> Result<(), Failure> {
    let (t, stores) = idb::transaction(&[DRAFTS], true).await?;
    let value = idb::request(&stores[0].get(&key(id)).map_err(idb::thrown)?).await?;
    let record = Record::of(&value).ok_or(Failure::Other("NotFoundError".into()))?;
    let mut meta = meta_of(&record).ok_or(Failure::Other("NotFoundError".into()))?;
    meta.name = name.to_string();
    record.set("meta", meta.to_json());
    stores[0].put_with_key(record.value(), &key(id)).map_err(idb::thrown)?;
    idb::committed(&t).await
}

/// Moves drafts and templates that an earlier version kept in localStorage into
/// the store (removing them there only once the store has them), then reads the
/// template library into memory.
pub async fn init() -> Result<usize, Failure> {
    migrate_local_storage().await?;
    library::load().await
}

async fn migrate_local_storage() -> Result<(), Failure> {
    let Some(local) = local_storage() else {
        return Ok(());
    };
    let keys: Vec<String> =
        (0..local.length().unwrap_or(0)).filter_map(|i| local.key(i).ok().flatten()).filter(|k| k.starts_with("wengao.")).collect();
    let old_index = local.get_item("wengao.index").ok().flatten();
    let templates: Vec<&String> = keys.iter().filter(|k| k.starts_with("wengao.template.")).collect();
    if old_index.is_none() && templates.is_empty() {
        return Ok(());
    }
    // The old index: a JSON array of list lines.
    let metas: Vec<DraftMeta> = old_index
        .and_then(|t| js_sys::JSON::parse(&t).ok())
        .and_then(|v| v.dyn_into::<Array>().ok())
        .map(|a| a.iter().filter_map(|v| DraftMeta::from_record(&Record::of(&v)?)).collect())
        .unwrap_or_default();
    let (t, stores) = idb::transaction(&[DRAFTS, TEMPLATES], true).await?;
    let mut moved = vec!["wengao.index".to_string()];
    for meta in &metas {
        let (body_key, pictures_key) = (format!("wengao.draft.{}", meta.id), format!("wengao.pictures.{}", meta.id));
        let Some(body) = local.get_item(&body_key).ok().flatten() else {
            continue;
        };
        let pictures = local.get_item(&pictures_key).ok().flatten().unwrap_or_else(|| "[]".into());
        let snapshot = Snapshot { meta: meta.clone(), body, pictures, bytes: None };
        stores[0].put_with_key(record(&snapshot, None).value(), &key(&meta.id)).map_err(idb::thrown)?;
        moved.extend([body_key, pictures_key]);
    }
    for k in templates {
        if let Some(source) = local.get_item(k).ok().flatten() {
            stores[1]
                .put_with_key(&JsValue::from_str(&source), &JsValue::from_str(k.trim_start_matches("wengao.template.")))
                .map_err(idb::thrown)?;
            moved.push(k.clone());
        }
    }
    idb::committed(&t).await?;
    for k in moved {
        let _ = local.remove_item(&k);
    }
    Ok(())
}

fn local_storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().local_storage().ok().flatten()
}

/// A small preference in localStorage (folded prompts, the draft to reopen).
pub fn get_pref(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

pub fn set_pref(key: &str, value: Option<&str>) {
    if let Some(s) = local_storage() {
        let _ = match value {
            Some(v) => s.set_item(key, v),
            None => s.remove_item(key),
        };
    }
}

/// Whether a prompt is folded away, remembered per template and node.
pub fn prompt_open(template: &str, node: &str) -> bool {
    get_pref(&prompt_pref(template, node)).is_none_or(|v| v == "1")
}

pub fn set_prompt_open(template: &str, node: &str, open: bool) {
    set_pref(&prompt_pref(template, node), Some(if open { "1" } else { "0" }));
}

/// The localStorage key under which a prompt's folding is kept ("0": folded),
/// which the form also writes on the prompt for 新建's skeleton (app/skeleton.js).
pub fn prompt_pref(template: &str, node: &str) -> String {
    format!("wengao.prompt.{template}.{node}")
}
