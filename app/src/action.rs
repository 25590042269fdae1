//! What the start screen asks the app to do. The full app carries an action out
//! in place (perform.rs); the start-screen program hands it, through JavaScript,
//! to the full app it loads (bin/wengao-start.rs), so an action is plain data
//! plus at most one picked file.

use wasm_bindgen::JsValue;

use crate::crash::START;
use crate::storage::library::LocalTemplate;
use crate::storage::record::{Record, Recorded};
use crate::storage::tabs;
use crate::storage::{self, DraftMeta};

/// The draft open in the form, so that a reload returns to it.
pub(crate) const OPEN: &str = "wengao.open";
/// The template open in the studio, so that a reload returns to it.
pub(crate) const STUDIO: &str = "wengao.studio";

#[derive(Clone)]
pub enum Action {
    /// A new draft of the template with this key (built-in or the library's).
    New { template: String },
    /// A template file picked on the start screen: into the library, and a new
    /// draft when it compiles.
    LoadTemplate { file: Option<gloo_file::File> },
    /// A draft file (.json) picked on the start screen.
    OpenDraftFile { file: Option<gloo_file::File> },
    /// Last year's report as a Word file, for a new draft of a built-in template.
    ImportWord { template: String, file: Option<gloo_file::File> },
    /// Last year's report pasted whole.
    ImportText { template: String, text: String },
    /// A saved draft, with what the form says on opening it.
    Open { meta: DraftMeta, notice: String },
    /// A library template in the studio.
    Studio { template: LocalTemplate },
    /// A new library template in the studio, named `name`: a copy of the
    /// template with key `from`, or of the commented starter template.
    EditCopy { name: String, from: Option<String> },
}

impl Action {
    /// The picked file of an action that reads one (not part of its record).
    fn file_mut(&mut self) -> Option<&mut Option<gloo_file::File>> {
        match self {
            Action::LoadTemplate { file } | Action::OpenDraftFile { file } | Action::ImportWord { file, .. } => Some(file),
            _ => None,
        }
    }

    /// The action as JavaScript values: the data as a plain object, and the file.
    pub fn to_js(mut self) -> (JsValue, JsValue) {
        let file = self.file_mut().and_then(Option::take);
        (self.to_record().into(), file.map_or(JsValue::NULL, |f| AsRef::<JsValue>::as_ref(&*f).clone()))
    }

    /// The action [`Action::to_js`] gave; None for null or anything else.
    pub fn from_js(value: &JsValue, picked: Option<web_sys::File>) -> Option<Action> {
        let mut action = Action::from_record(&Record::of(value)?)?;
        if let Some(file) = action.file_mut() {
            *file = picked.map(gloo_file::File::from);
        }
        Some(action)
    }
}

impl Recorded for Action {
    fn to_record(&self) -> Record {
        let r = Record::new();
        match self {
            Action::New { template } => r.set("action", "New").set("template", template.as_str()),
            Action::LoadTemplate { .. } => r.set("action", "LoadTemplate"),
            Action::OpenDraftFile { .. } => r.set("action", "OpenDraftFile"),
            Action::ImportWord { template, .. } => r.set("action", "ImportWord").set("template", template.as_str()),
            Action::ImportText { template, text } => {
                r.set("action", "ImportText").set("template", template.as_str()).set("text", text.as_str())
            }
            Action::Open { meta, notice } => r.set("action", "Open").set("meta", meta.to_record()).set("notice", notice.as_str()),
            Action::Studio { template } => r.set("action", "Studio").set("template", template.to_record()),
            Action::EditCopy { name, from } => {
                r.set("action", "EditCopy").set("name", name.as_str()).set("from", from.as_deref().map_or(JsValue::NULL, JsValue::from_str))
            }
        };
        r
    }

    fn from_record(r: &Record) -> Option<Action> {
        Some(match r.str("action")?.as_str() {
            "New" => Action::New { template: r.str("template")? },
            "LoadTemplate" => Action::LoadTemplate { file: None },
            "OpenDraftFile" => Action::OpenDraftFile { file: None },
            "ImportWord" => Action::ImportWord { template: r.str("template")?, file: None },
            "ImportText" => Action::ImportText { template: r.str("template")?, text: r.str("text")? },
            "Open" => Action::Open { meta: DraftMeta::from_record(&r.record("meta")?)?, notice: r.str("notice")? },
            "Studio" => Action::Studio { template: LocalTemplate::from_record(&r.record("template")?)? },
            "EditCopy" => Action::EditCopy { name: r.str("name")?, from: r.str("from") },
            _ => return None,
        })
    }
}

/// At start, after storage is read: the draft a crash interrupted (saying so),
/// else the draft or studio template a reload left open; nothing when the page
/// was asked for the start screen after a program error.
pub async fn reopened() -> Option<Action> {
    let drafts = listed().await;
    let crashed = tabs::ended_uncleanly(&drafts).await;
    if start_asked() {
        storage::set_pref(OPEN, None);
        storage::set_pref(STUDIO, None);
        return None;
    }
    if let Some(meta) = crashed.into_iter().next() {
        let notice = tabs::restored_message(&meta);
        return Some(Action::Open { meta, notice });
    }
    if let Some(d) = storage::get_pref(OPEN).and_then(|id| drafts.into_iter().find(|d| d.meta.id == id)) {
        return Some(Action::Open { meta: d.meta, notice: String::new() });
    }
    storage::get_pref(STUDIO).and_then(|key| crate::storage::library::local_template(&key)).map(|template| Action::Studio { template })
}

/// The stored drafts, asked again twice when reading fails: right after the
/// browser was killed its IndexedDB may not open at the first try (suspected
/// in a CI run of durability.mjs), and a draft a crash interrupted must not
/// then go unnoticed. After that, none (the start screen's own list says why).
async fn listed() -> Vec<storage::Listed> {
    for wait in [0, 200, 800] {
        if wait > 0 {
            let pause = js_sys::Promise::new(&mut |resolve, _| {
                if let Some(w) = web_sys::window() {
                    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, wait);
                }
            });
            let _ = wasm_bindgen_futures::JsFuture::from(pause).await;
        }
        if let Ok(drafts) = storage::list().await {
            return drafts;
        }
    }
    Vec::new()
}

/// Whether the address asks for the start screen (`?start`); the query is taken
/// off the address, so that a later reload reopens as usual.
fn start_asked() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let location = window.location();
    let asked = location.search().is_ok_and(|s| s == format!("?{START}"));
    if asked {
        if let (Ok(history), Ok(path)) = (window.history(), location.pathname()) {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
        }
    }
    asked
}
