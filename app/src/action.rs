//! What the start screen asks the app to do. The full app carries an action out
//! in place (perform.rs); the start-screen program hands it, through JavaScript,
//! to the full app it loads (bin/wengao-start.rs), so an action is plain data
//! plus at most one picked file.

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use crate::library::LocalTemplate;
use crate::storage::{self, DraftMeta};
use crate::tabs;

/// The draft open in the form, so that a reload returns to it.
pub(crate) const OPEN: &str = "wengao.open";
/// The template open in the studio, so that a reload returns to it.
pub(crate) const STUDIO: &str = "wengao.studio";

#[derive(Clone, Serialize, Deserialize)]
pub enum Action {
    /// A new draft of the template with this key (built-in or the library's).
    New { template: String },
    /// A template file picked on the start screen: into the library, and a new
    /// draft when it compiles.
    LoadTemplate {
        #[serde(skip)]
        file: Option<gloo_file::File>,
    },
    /// A draft file (.json) picked on the start screen.
    OpenDraftFile {
        #[serde(skip)]
        file: Option<gloo_file::File>,
    },
    /// Last year's report as a Word file, for a new draft of a built-in template.
    ImportWord {
        template: String,
        #[serde(skip)]
        file: Option<gloo_file::File>,
    },
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
    /// The picked file of an action that reads one (not part of its JSON).
    fn file_mut(&mut self) -> Option<&mut Option<gloo_file::File>> {
        match self {
            Action::LoadTemplate { file } | Action::OpenDraftFile { file } | Action::ImportWord { file, .. } => Some(file),
            _ => None,
        }
    }

    /// The action as JavaScript values: the data as JSON text, and the file.
    pub fn to_js(mut self) -> (JsValue, JsValue) {
        let json = serde_json::to_string(&self).unwrap_or_default();
        let file = self.file_mut().and_then(Option::take);
        (JsValue::from_str(&json), file.map_or(JsValue::NULL, |f| AsRef::<JsValue>::as_ref(&*f).clone()))
    }

    /// The action [`Action::to_js`] gave; None for null or anything else.
    pub fn from_js(json: &JsValue, picked: Option<web_sys::File>) -> Option<Action> {
        let mut action: Action = serde_json::from_str(&json.as_string()?).ok()?;
        if let Some(file) = action.file_mut() {
            *file = picked.map(gloo_file::File::from);
        }
        Some(action)
    }
}

/// At start, after storage is read: the draft a crash interrupted (saying so),
/// else the draft or studio template a reload left open.
pub async fn reopened() -> Option<Action> {
    let drafts = storage::list().await.unwrap_or_default();
    let crashed = tabs::ended_uncleanly(&drafts).await;
    if let Some(meta) = crashed.into_iter().next() {
        let notice = crate::session::restored_message(&meta);
        return Some(Action::Open { meta, notice });
    }
    if let Some(d) = storage::get_pref(OPEN).and_then(|id| drafts.into_iter().find(|d| d.meta.id == id)) {
        return Some(Action::Open { meta: d.meta, notice: String::new() });
    }
    storage::get_pref(STUDIO).and_then(|key| crate::library::local_template(&key)).map(|template| Action::Studio { template })
}
