//! The form as a component of another page (docs/embedding.md): [`mount`]
//! with options gives a [`Mounted`] form that the page talks to — its draft
//! out and in, the figures as typing pauses, the checklist, the files — and
//! destroys. main.rs hands both to JavaScript. Errors are values: a broken
//! template or draft is a [`Rejected`], and a form that is gone answers with
//! nothing rather than a throw. Two forms on one page share nothing but the
//! browser's storage, where each keeps its draft under its own key.

mod options;

pub use options::{Options, Storing};

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Function, Reflect};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wengao::compile::Located;
use wengao::draft::Draft;

use crate::form::{Editor, Hosted, Place, Port};
use crate::session::{self, Opened};
use crate::storage::{self, library};

/// Why a form was not mounted, or a call refused: what the page's promise
/// rejects with (`{ message, diagnostics }`).
#[derive(Debug, Clone, Serialize)]
pub struct Rejected {
    pub message: String,
    /// The template's diagnostics, with line and column (empty for other refusals).
    pub diagnostics: Vec<Located>,
}

impl Rejected {
    pub fn because(message: impl Into<String>) -> Rejected {
        Rejected { message: message.into(), diagnostics: Vec::new() }
    }

    pub fn to_js(&self) -> JsValue {
        to_js(self)
    }
}

/// A value as the page reads it: plain objects and arrays.
pub fn to_js(value: &impl Serialize) -> JsValue {
    serde_json::to_string(value).ok().and_then(|json| js_sys::JSON::parse(&json).ok()).unwrap_or(JsValue::UNDEFINED)
}

const GONE: &str = "这个表单已经销毁（destroy）了";

/// A form mounted into a page's element.
pub struct Mounted {
    /// Unmounts the form when dropped (None once destroyed).
    shown: RefCell<Option<Box<dyn Any>>>,
    port: Rc<Cell<Option<Port>>>,
    /// `summary.draft()` of onChange: lives as long as this handle, and
    /// answers undefined once the form is destroyed.
    draft_of_summary: Rc<Closure<dyn Fn() -> JsValue>>,
}

/// Compiles `source`, opens its draft as `options` say, and mounts the form
/// into `element` (what the element held is replaced). A template with errors
/// shows its diagnostics in the element, and is rejected with them.
pub async fn mount(element: web_sys::HtmlElement, source: String, options: Options) -> Result<Mounted, Rejected> {
    let compiled = wengao::compile(&wengao::SourceFile::new("嵌入的模板.wg", source.clone()), &wengao::builtin::BuiltinStyles);
    let Some(spec) = compiled.spec.clone() else {
        let shown = document().create_element("pre").map_err(|_| Rejected::because("浏览器不能显示诊断"))?;
        let _ = shown.set_attribute("class", "diagnostics");
        let _ = shown.set_attribute("role", "alert");
        let _ = shown.set_attribute("aria-label", "模板检查结果");
        shown.set_text_content(Some(&compiled.render_diagnostics()));
        element.replace_children_with_node_1(&shown);
        let errors = crate::templates::errors_of(&compiled);
        return Err(Rejected { message: format!("模板有{errors}处错误，表单没有显示"), diagnostics: compiled.located() });
    };
    if let Some(text) = &options.draft {
        crate::form::draft_for(&spec, text).map_err(|e| Rejected::because(format!("选项 draft 读不了：{e}")))?;
    }
    let opened = open(&source, spec, &options.storing).await;
    let port = Rc::new(Cell::new(None::<Port>));
    let draft_of_summary = {
        let port = port.clone();
        Rc::new(Closure::<dyn Fn() -> JsValue>::new(move || {
            port.get().and_then(Port::draft_json).map_or(JsValue::UNDEFINED, JsValue::from)
        }))
    };
    let Options { draft: given, on_change, on_export, buttons, .. } = options;
    let (slot, on_change, on_export) = (SendWrapper::new(port.clone()), SendWrapper::new(on_change), on_export.map(SendWrapper::new));
    let summary_draft = SendWrapper::new(draft_of_summary.as_ref().as_ref().clone());
    element.replace_children_with_node_0();
    let scope = next_scope();
    let shown = leptos::mount::mount_to(element, move || {
        let connect = Callback::new(move |p: Port| {
            slot.set(Some(p));
            if let Some(text) = &given {
                // The page's draft, fitted like an imported one (and stored, if the form stores).
                let _ = p.set_draft(text);
            }
            if let Some(f) = on_change.as_ref() {
                follow_changes(p, f.clone(), summary_draft.as_ref().clone());
            }
        });
        let take_file = on_export.map(|f| Callback::new(move |(bytes, name): (js_sys::Uint8Array, String)| taken(&f, &bytes, &name)));
        view! { <Editor opened close=Callback::new(|_| ()) place=Place::Hosted(Hosted { scope, buttons, take_file, connect })/> }
    });
    Ok(Mounted { shown: RefCell::new(Some(Box::new(shown))), port, draft_of_summary })
}

thread_local! {
    /// How many forms this page has mounted.
    static MOUNTS: Cell<u32> = const { Cell::new(0) };
}

/// The prefix of a new form's element ids: none for the page's first form
/// (its ids are the app's), `wengao2-`… for the next, so that two forms'
/// links and labels never point into each other.
fn next_scope() -> String {
    let n = MOUNTS.with(|m| {
        m.set(m.get() + 1);
        m.get()
    });
    if n == 1 {
        String::new()
    } else {
        format!("wengao{n}-")
    }
}

/// The draft as the page asked it kept: in this browser (by template or by the
/// page's key; a new one when none is stored), or nowhere. When it cannot be
/// stored, the form works in the page and says why.
async fn open(source: &str, spec: wengao::spec::FormSpec, storing: &Storing) -> Opened {
    let id = match storing {
        Storing::Nowhere => return session::unstored(library::file_key(source), spec.clone(), fresh(&spec)),
        Storing::ByTemplate => format!("embed-{}", library::version(source)),
        Storing::Key(key) => format!("embed:{key}"),
    };
    let key = library::save_file(source).await.unwrap_or_else(|_| library::file_key(source));
    let meta = session::new_meta(id.clone(), key.clone(), &spec, &Draft::new(&spec));
    let exists = storage::list().await.is_ok_and(|l| l.iter().any(|d| d.meta.id == id));
    let created =
        if exists { Ok(()) } else { storage::save(storage::snapshot(&meta, &mut fresh(&spec), true), None).await.map_err(|f| f.message()) };
    let opened = match created {
        Ok(()) => session::open(&meta, String::new()).await,
        Err(e) => Err(e),
    };
    opened.unwrap_or_else(|_| session::in_memory(key, spec.clone(), Draft::new(&spec)))
}

/// A new draft with the items every repeat needs.
fn fresh(spec: &wengao::spec::FormSpec) -> Draft {
    let mut draft = Draft::new(spec);
    wengao::edit::fill_minimums(spec, &mut draft);
    draft
}

/// Calls the page's onChange with the figures each time the checks ran after
/// the draft changed (typing paused): the same figures as `wengao stats --json`,
/// with `draft()` for the draft's JSON.
fn follow_changes(port: Port, on_change: Function, draft: JsValue) {
    let revision = StoredValue::new(0u64);
    Effect::new(move |first: Option<()>| {
        port.track_draft();
        if first.is_some() {
            revision.update_value(|r| *r += 1);
        }
    });
    Effect::new(move |sent: Option<u64>| {
        let figures = port.checked_figures();
        let now = revision.get_value();
        if let (Some(sent), Some(figures)) = (sent, figures) {
            if sent != now {
                let summary = to_js(&figures);
                let _ = Reflect::set(&summary, &"draft".into(), &draft);
                if let Err(e) = on_change.call1(&JsValue::NULL, &summary) {
                    web_sys::console::error_2(&"wengao: onChange threw".into(), &e);
                }
            }
        }
        now
    });
}

/// Gives a file to the page's onExport: taken unless it returns false (then
/// it is downloaded). A handler that throws is said in the console, and the
/// file is not downloaded either.
fn taken(on_export: &Function, bytes: &js_sys::Uint8Array, name: &str) -> bool {
    match on_export.call2(&JsValue::NULL, bytes, &JsValue::from_str(name)) {
        Ok(answer) => answer.as_bool() != Some(false),
        Err(e) => {
            web_sys::console::error_2(&"wengao: onExport threw".into(), &e);
            true
        }
    }
}

impl Mounted {
    fn port(&self) -> Result<Port, Rejected> {
        self.port.get().filter(|_| self.shown.borrow().is_some()).ok_or_else(|| Rejected::because(GONE))
    }

    /// The draft's JSON (undefined once destroyed).
    pub fn draft(&self) -> JsValue {
        self.port().ok().and_then(Port::draft_json).map_or(JsValue::UNDEFINED, JsValue::from)
    }

    /// A draft (its text, or the object) in place of the form's:
    /// `{ ok: true, notice }` (what the fit moved) or `{ ok: false, error }`.
    pub fn set_draft(&self, draft: &JsValue) -> JsValue {
        let text = draft.as_string().or_else(|| js_sys::JSON::stringify(draft).ok().and_then(|s| s.as_string()));
        let result = match (self.port(), text) {
            (Err(gone), _) => Err(gone.message),
            (_, None) => Err("setDraft 要草稿文件的文字或对象".to_string()),
            (Ok(port), Some(text)) => port.set_draft(&text).unwrap_or_else(|| Err(GONE.to_string())),
        };
        #[derive(Serialize)]
        struct Answer {
            ok: bool,
            #[serde(skip_serializing_if = "Option::is_none")]
            notice: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            error: Option<String>,
        }
        to_js(&match result {
            Ok(notice) => Answer { ok: true, notice: Some(notice), error: None },
            Err(error) => Answer { ok: false, notice: None, error: Some(error) },
        })
    }

    /// What 导出 Word would list before exporting (an empty array: nothing).
    pub fn checklist(&self) -> JsValue {
        self.port().ok().and_then(Port::checklist).map_or(JsValue::UNDEFINED, |c| to_js(&c))
    }

    /// The figures onChange gives, now.
    pub fn summary(&self) -> JsValue {
        let Some(figures) = self.port().ok().and_then(Port::figures) else { return JsValue::UNDEFINED };
        let summary = to_js(&figures);
        let _ = Reflect::set(&summary, &"draft".into(), self.draft_of_summary.as_ref().as_ref());
        summary
    }

    /// The .docx of the draft as it is, and its file name.
    pub fn export_docx(&self) -> Result<(Vec<u8>, String), Rejected> {
        self.port()?.docx().ok_or_else(|| Rejected::because(GONE))
    }

    /// The slides (.pptx), where the template has a 述职时长.
    pub fn export_pptx(&self) -> Result<(Vec<u8>, String), Rejected> {
        match self.port()?.pptx() {
            Some(Ok(s)) => Ok((s.bytes, s.name)),
            Some(Err(why)) => Err(Rejected::because(why)),
            None => Err(Rejected::because(GONE)),
        }
    }

    /// Unmounts the form: its listeners go, its draft's lock is released, and
    /// every later call answers nothing. Twice is once.
    pub fn destroy(&self) {
        let shown = self.shown.borrow_mut().take();
        drop(shown);
        self.port.set(None);
    }
}
