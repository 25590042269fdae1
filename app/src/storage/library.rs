//! The template library, in IndexedDB's `templates` store and read into memory
//! at start: templates written in the studio (`local:<id>`: a name and the
//! source, saved as it is typed) and template files loaded on the start screen
//! (`custom:<hash>`: the source); and, in a record of their own, the templates
//! the office publishes beside its page (published.rs: `published:<file>`).
//! A draft names its template by this key and
//! remembers the version (a hash of the source) it was last saved against.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::JsValue;

use super::idb::{self, Failure, TEMPLATES};
use super::record::{Record, Recorded};
use super::stamp::{new_id, now};

/// A template written in the studio.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalTemplate {
    pub key: String,
    pub name: String,
    pub source: String,
    /// Milliseconds since 1970.
    pub updated: f64,
    /// How many errors it had when it was stored, for the start-screen program,
    /// which cannot compile it (None: stored by an earlier version).
    pub errors: Option<usize>,
}

impl Recorded for LocalTemplate {
    fn to_record(&self) -> Record {
        let r = Record::new();
        r.set("key", self.key.as_str())
            .set("name", self.name.as_str())
            .set("source", self.source.as_str())
            .set("updated", self.updated)
            .set("errors", self.errors.map_or(JsValue::NULL, |n| JsValue::from_f64(n as f64)));
        r
    }

    fn from_record(r: &Record) -> Option<LocalTemplate> {
        Some(LocalTemplate {
            key: r.str("key")?,
            name: r.str("name")?,
            source: r.str("source")?,
            updated: r.num("updated")?,
            errors: r.num("errors").map(|n| n as usize),
        })
    }
}

thread_local! {
    /// Every template's source by key.
    static SOURCES: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    /// The studio's templates by key.
    static LOCAL: RefCell<HashMap<String, LocalTemplate>> = RefCell::new(HashMap::new());
}

/// The key under which a template is known: `builtin:述职报告` or `custom:…`.
pub fn builtin_key(name: &str) -> String {
    format!("{BUILTIN}{name}")
}

/// The built-in template's name in a key made by [`builtin_key`].
pub fn builtin_name(key: &str) -> Option<&str> {
    key.strip_prefix(BUILTIN)
}

const BUILTIN: &str = "builtin:";

/// A version of a source (the core's: the same as a published list's).
pub fn version(source: &str) -> String {
    wengao::publish::version(source)
}

/// The key of a template file's source: its version.
pub fn file_key(source: &str) -> String {
    format!("custom:{}", version(source))
}

/// Reads the store into memory; returns how many entries were unreadable (and
/// left out, so that a damaged entry never breaks the start screen).
pub async fn load() -> Result<usize, Failure> {
    let (_, stores) = idb::transaction(&[TEMPLATES], false).await?;
    let keys = idb::request(&stores[0].get_all_keys().map_err(idb::thrown)?).await?;
    let values = idb::request(&stores[0].get_all().map_err(idb::thrown)?).await?;
    let (keys, values) = (js_sys::Array::from(&keys), js_sys::Array::from(&values));
    let mut damaged = 0;
    for (k, v) in keys.iter().zip(values.iter()) {
        let (Some(key), Some(value)) = (k.as_string(), v.as_string()) else {
            damaged += 1;
            continue;
        };
        if key == super::published::KEY {
            if !super::published::remember(&v) {
                damaged += 1;
            }
        } else if key.starts_with("local:") {
            match LocalTemplate::from_json(&value) {
                Some(t) if t.key == key => remember(t),
                _ => damaged += 1,
            }
        } else {
            SOURCES.with_borrow_mut(|s| s.insert(key, value));
        }
    }
    Ok(damaged)
}

fn remember(t: LocalTemplate) {
    SOURCES.with_borrow_mut(|s| s.insert(t.key.clone(), t.source.clone()));
    LOCAL.with_borrow_mut(|l| l.insert(t.key.clone(), t));
}

/// Stores a template file's source; returns its key. Kept in memory even when
/// the store refuses it.
pub async fn save_file(source: &str) -> Result<String, Failure> {
    let key = file_key(source);
    SOURCES.with_borrow_mut(|t| t.insert(key.clone(), source.to_string()));
    let (t, stores) = idb::transaction(&[TEMPLATES], true).await?;
    stores[0].put_with_key(&JsValue::from_str(source), &JsValue::from_str(&key)).map_err(idb::thrown)?;
    idb::committed(&t).await?;
    Ok(key)
}

/// The keys of every template this browser has (files, the studio's, the published ones).
pub fn keys() -> Vec<String> {
    let published = super::published::kept().templates.iter().map(super::published::Template::key).collect::<Vec<_>>();
    SOURCES.with_borrow(|t| t.keys().cloned().chain(published).collect())
}

pub fn source(key: &str) -> Option<String> {
    if super::published::is_published(key) {
        return super::published::source(key);
    }
    SOURCES.with_borrow(|t| t.get(key).cloned())
}

/// The studio's templates, the most recently changed first.
pub fn local() -> Vec<LocalTemplate> {
    let mut list: Vec<LocalTemplate> = LOCAL.with_borrow(|l| l.values().cloned().collect());
    super::stamp::newest_first(&mut list, |t| t.updated);
    list
}

pub fn local_template(key: &str) -> Option<LocalTemplate> {
    LOCAL.with_borrow(|l| l.get(key).cloned())
}

/// A new studio template (not yet stored), with the number of errors its
/// source compiles with. Its name is the one its `模板：` line declares, `name`
/// only when it has none (a file name, say).
pub fn new_local(name: &str, source: &str, errors: usize) -> LocalTemplate {
    LocalTemplate {
        key: format!("local:{}", new_id()),
        name: wengao::compile::declared_name(source).unwrap_or_else(|| name.to_string()),
        source: source.to_string(),
        updated: now(),
        errors: Some(errors),
    }
}

/// Stores a studio template (durably, like a draft).
pub async fn save_local(t: &LocalTemplate) -> Result<(), Failure> {
    remember(t.clone());
    let (tx, stores) = idb::transaction(&[TEMPLATES], true).await?;
    stores[0].put_with_key(&JsValue::from_str(&t.to_json()), &JsValue::from_str(&t.key)).map_err(idb::thrown)?;
    idb::committed(&tx).await
}

/// Removes a studio template; returns it for 撤销 (save_local puts it back).
pub async fn remove_local(key: &str) -> Result<Option<LocalTemplate>, Failure> {
    let removed = LOCAL.with_borrow_mut(|l| l.remove(key));
    SOURCES.with_borrow_mut(|s| s.remove(key));
    let (tx, stores) = idb::transaction(&[TEMPLATES], true).await?;
    stores[0].delete(&JsValue::from_str(key)).map_err(idb::thrown)?;
    idb::committed(&tx).await?;
    Ok(removed)
}
