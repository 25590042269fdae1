//! The templates an office publishes beside its page (wengao::publish: the
//! folder `templates/` with its list `templates.json`), fetched after the start
//! screen's first frame and kept in the `templates` store (one record,
//! `publication`), so that they are there offline and when the server is down.
//! A template is known by `published:<file>`; a changed one keeps the text it
//! had before, so that a draft begun on it can be told what changed. A template
//! taken off the list is no longer offered, but its text stays for the drafts
//! begun on it. The start-screen program reads the list with the browser's
//! JSON (no serde there: record.rs).

use std::cell::RefCell;

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::idb::{self, Failure, TEMPLATES};
use super::record::Record;
use wengao::publish::{version, FOLDER, LIST_FILE};

/// The record's key in the templates store.
pub const KEY: &str = "publication";
const PREFIX: &str = "published:";

/// A published template as this browser keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    pub file: String,
    pub name: String,
    pub description: String,
    pub version: String,
    pub source: String,
    /// The version and text it had before it last changed.
    pub previous: Option<(String, String)>,
    /// Why it cannot be used (its file does not match the list), for the admin.
    pub error: Option<String>,
    /// Taken off the list: not offered, kept for the drafts begun on it.
    pub withdrawn: bool,
}

impl Template {
    /// The key a draft names it by.
    pub fn key(&self) -> String {
        format!("{PREFIX}{}", self.file)
    }
}

/// What this browser has of the publication.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Publication {
    pub templates: Vec<Template>,
    /// The list says: show these only, not the built-in templates.
    pub hide_builtin: bool,
    /// When the list was last read from the server (ms since 1970; 0: never).
    pub fetched: f64,
}

thread_local! {
    static KEPT: RefCell<Publication> = RefCell::new(Publication::default());
    /// The reading of the publication on its way, if any ([`reading`]).
    static READING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// Runs a reading of the publication (`work`: the list fetched and kept),
/// remembered so that a draft opened meanwhile waits for it ([`settled`]): a
/// drafter who reloads and opens a draft at once still gets the template just
/// published, and is told what changed.
pub fn reading(work: impl std::future::Future<Output = ()> + 'static) {
    // Not Leptos's executor: boot.js starts a reading before the full app mounts anything.
    let promise = wasm_bindgen_futures::future_to_promise(async move {
        work.await;
        Ok(JsValue::UNDEFINED)
    });
    READING.with_borrow_mut(|r| *r = Some(promise));
}

/// Waits for the reading on its way, if any, at most `limit` (a slow server
/// delays opening a draft by that much at worst).
pub async fn settled(limit: std::time::Duration) {
    let Some(on_its_way) = READING.with_borrow(Clone::clone) else { return };
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        let _ = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, limit.as_millis().try_into().unwrap_or(i32::MAX));
    });
    let _ = JsFuture::from(js_sys::Promise::race(&Array::of2(&on_its_way, &timer))).await;
}

/// What is kept now (read by library::load at start).
pub fn kept() -> Publication {
    KEPT.with_borrow(Clone::clone)
}

/// The published templates offered now, in the list's order.
pub fn offered() -> Vec<Template> {
    KEPT.with_borrow(|p| p.templates.iter().filter(|t| !t.withdrawn).cloned().collect())
}

/// Whether a key names a published template.
pub fn is_published(key: &str) -> bool {
    key.starts_with(PREFIX)
}

/// The file a published template's key names (`述职报告.wg`).
pub fn file_of(key: &str) -> Option<&str> {
    key.strip_prefix(PREFIX)
}

/// A published template's text by its key (withdrawn ones too).
pub fn source(key: &str) -> Option<String> {
    let file = file_of(key)?;
    KEPT.with_borrow(|p| p.templates.iter().find(|t| t.file == file).map(|t| t.source.clone()))
}

/// The text a published template had at `version`, if this browser kept it.
pub fn source_at(key: &str, at: &str) -> Option<String> {
    let file = file_of(key)?;
    KEPT.with_borrow(|p| {
        let t = p.templates.iter().find(|t| t.file == file)?;
        match &t.previous {
            Some((v, source)) if v == at => Some(source.clone()),
            _ => (t.version == at).then(|| t.source.clone()),
        }
    })
}

/// Reads the stored record into memory (at start, with the library). A record
/// read before a reading stored a newer one (the library read while the list
/// was fetched) does not replace what that reading kept.
pub fn remember(value: &JsValue) -> bool {
    let Some(publication) = value.as_string().and_then(|s| Record::parse(&s)).map(|r| from_record(&r)) else { return false };
    KEPT.with_borrow_mut(|p| {
        if publication.fetched >= p.fetched {
            *p = publication;
        }
    });
    true
}

fn from_record(r: &Record) -> Publication {
    let templates = records(r, "templates")
        .iter()
        .filter_map(|t| {
            let previous = match (t.str("previous_version"), t.str("previous_source")) {
                (Some(v), Some(s)) => Some((v, s)),
                _ => None,
            };
            Some(Template {
                file: t.str("file")?,
                name: t.str("name")?,
                description: t.str("description").unwrap_or_default(),
                version: t.str("version")?,
                source: t.str("source").unwrap_or_default(),
                previous,
                error: t.str("error"),
                withdrawn: t.flag("withdrawn"),
            })
        })
        .collect();
    Publication { templates, hide_builtin: r.flag("hide_builtin"), fetched: r.num("fetched").unwrap_or(0.0) }
}

fn to_record(p: &Publication) -> Record {
    let templates = Array::new();
    for t in &p.templates {
        let r = Record::new();
        r.set("file", t.file.as_str())
            .set("name", t.name.as_str())
            .set("description", t.description.as_str())
            .set("version", t.version.as_str())
            .set("source", t.source.as_str())
            .set("withdrawn", t.withdrawn);
        if let Some((v, s)) = &t.previous {
            r.set("previous_version", v.as_str()).set("previous_source", s.as_str());
        }
        if let Some(e) = &t.error {
            r.set("error", e.as_str());
        }
        templates.push(r.value());
    }
    let r = Record::new();
    r.set("templates", templates).set("hide_builtin", p.hide_builtin).set("fetched", p.fetched);
    r
}

/// The records in an array field.
fn records(r: &Record, key: &str) -> Vec<Record> {
    Reflect::get(r.value(), &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.dyn_into::<Array>().ok())
        .map(|a| a.iter().filter_map(|v| Record::of(&v)).collect())
        .unwrap_or_default()
}

/// Where the folder's files come from: the server beside the page, or a
/// folder the drafter picked (the single-file build, opened from disk).
pub enum Origin {
    Server,
    /// (file name, text) of each file picked.
    Picked(Vec<(String, String)>),
}

impl Origin {
    /// A file of the folder: None when it is not there.
    async fn get(&self, file: &str) -> Result<Option<String>, String> {
        match self {
            Origin::Picked(files) => Ok(files.iter().find(|(n, _)| n == file).map(|(_, t)| t.clone())),
            Origin::Server => {
                let init = web_sys::RequestInit::new();
                // Asked again of the server each time (it answers 304 when unchanged).
                init.set_cache(web_sys::RequestCache::NoCache);
                let url = format!("{FOLDER}/{}", String::from(js_sys::encode_uri_component(file)));
                let response = JsFuture::from(leptos::prelude::window().fetch_with_str_and_init(&url, &init))
                    .await
                    .map_err(|_| "连不上服务器".to_string())?;
                let response: web_sys::Response = response.dyn_into().map_err(|_| "连不上服务器".to_string())?;
                if response.status() == 404 {
                    return Ok(None);
                }
                if !response.ok() {
                    return Err(format!("服务器回答 {}", response.status()));
                }
                let text = JsFuture::from(response.text().map_err(|_| "读不了服务器的回答".to_string())?)
                    .await
                    .map_err(|_| "读不了服务器的回答".to_string())?;
                Ok(text.as_string())
            }
        }
    }
}

/// What reading the publication found.
#[derive(Debug, Clone, PartialEq)]
pub enum Refreshed {
    /// No list there (none published, or the server cannot be reached): what is kept stays.
    Nothing,
    /// The templates changed, were added or withdrawn (the library is to be read again).
    Changed,
    Unchanged,
}

/// Reads the list and every template that changed, keeps them, and says what
/// it found; an error is for the admin (a broken list), and keeps what was kept.
pub async fn refresh(origin: &Origin) -> Result<Refreshed, String> {
    let Some(text) = origin.get(LIST_FILE).await.ok().flatten() else { return Ok(Refreshed::Nothing) };
    let list = Record::parse(&text).filter(|r| r.str("format").as_deref() == Some(wengao::publish::FORMAT));
    let Some(list) = list else {
        return Err(format!("本单位的模板清单 {FOLDER}/{LIST_FILE} 读不了（不是 wengao publish 写的清单）：请管理员重新发布"));
    };
    let before = kept();
    let mut next = Publication { templates: Vec::new(), hide_builtin: list.flag("hide_builtin"), fetched: super::now() };
    for entry in records(&list, "templates") {
        let (Some(file), Some(name), Some(listed)) = (entry.str("file"), entry.str("name"), entry.str("version")) else { continue };
        let old = before.templates.iter().find(|t| t.file == file);
        let mut t = Template {
            file: file.clone(),
            name,
            description: entry.str("description").unwrap_or_default(),
            version: listed.clone(),
            source: String::new(),
            previous: old.and_then(|o| o.previous.clone()),
            error: None,
            withdrawn: false,
        };
        match old.filter(|o| o.version == listed && o.error.is_none()) {
            Some(o) => t.source = o.source.clone(),
            None => match origin.get(&file).await {
                Ok(Some(source)) if version(&source) == listed => {
                    if let Some(o) = old.filter(|o| o.error.is_none() && !o.source.is_empty()) {
                        t.previous = Some((o.version.clone(), o.source.clone()));
                    }
                    t.error = compile_error(&file, &source);
                    t.source = source;
                }
                Ok(Some(_)) => {
                    t.error =
                        Some(format!("{FOLDER}/{file} 和清单里的版本对不上（文件在发布以后被改过）：请管理员用 wengao publish 重新发布"))
                }
                Ok(None) => t.error = Some(format!("清单里有 {file}，但 {FOLDER} 文件夹里没有这个文件：请管理员重新发布")),
                Err(why) => t.error = Some(format!("{FOLDER}/{file} 没能取到（{why}）")),
            },
        }
        // A template that could not be read again keeps the text this browser had.
        if t.error.is_some() {
            if let Some(o) = old.filter(|o| !o.source.is_empty()) {
                t.source = o.source.clone();
                t.version = o.version.clone();
            }
        }
        next.templates.push(t);
    }
    let withdrawn: Vec<Template> = before
        .templates
        .iter()
        .filter(|o| !next.templates.iter().any(|t| t.file == o.file))
        .map(|o| Template { withdrawn: true, ..o.clone() })
        .collect();
    next.templates.extend(withdrawn);
    let changed = next.templates != before.templates || next.hide_builtin != before.hide_builtin;
    KEPT.with_borrow_mut(|p| *p = next.clone());
    store(&next).await.map_err(|f| f.message())?;
    Ok(if changed { Refreshed::Changed } else { Refreshed::Unchanged })
}

/// Why a fetched template cannot be used, if it does not compile (a list
/// written by hand, not by wengao publish): its first error, for the admin.
/// Only the full app reads the list, so only it links the compiler here.
fn compile_error(file: &str, source: &str) -> Option<String> {
    let compiled = wengao::compile(&wengao::SourceFile::new(file, source.to_string()), &wengao::builtin::BuiltinStyles);
    let errors: Vec<&wengao::diag::Diagnostic> = compiled.diagnostics.iter().filter(|d| d.is_error()).collect();
    let first = errors.first()?;
    let line = source.get(..first.span.start).map_or(1, |before| before.matches('\n').count() + 1);
    Some(format!("这个模板有{}处错误（第一处在第{line}行：{}），请管理员修改后用 wengao publish 重新发布", errors.len(), first.message))
}

async fn store(p: &Publication) -> Result<(), Failure> {
    let (t, stores) = idb::transaction(&[TEMPLATES], true).await?;
    stores[0].put_with_key(&JsValue::from_str(&to_record(p).to_json()), &JsValue::from_str(KEY)).map_err(idb::thrown)?;
    idb::committed(&t).await
}
