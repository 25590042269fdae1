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
use std::collections::HashMap;
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

/// A form mounted into a page's element, as the page's handle holds it: by
/// its number only. The form itself is kept in [`SHOWN`] until `destroy()`,
/// so that a handle the page lets go of (garbage-collected, or `free()`d)
/// takes nothing with it.
pub struct Mounted {
    number: u32,
}

/// A form on the page: unmounted when dropped.
struct Shown {
    _unmount: Box<dyn Any>,
    port: Rc<Cell<Option<Port>>>,
}

thread_local! {
    /// How many forms this page has mounted: each form's number.
    static MOUNTS: Cell<u32> = const { Cell::new(0) };
    /// The forms on the page, by number.
    static SHOWN: RefCell<HashMap<u32, Shown>> = RefCell::new(HashMap::new());
    /// `summary.draft` of every form, bound to its number: one function for
    /// the page's life, so that calling it never throws (undefined once the
    /// form is gone).
    static DRAFT_OF: Closure<dyn Fn(u32) -> JsValue> = Closure::new(|number: u32| port_of(number).and_then(Port::draft_json).map_or(JsValue::UNDEFINED, JsValue::from));
}

fn port_of(number: u32) -> Option<Port> {
    SHOWN.with_borrow(|shown| shown.get(&number).and_then(|s| s.port.get()))
}

/// What onChange and `summary()` give of form `number`: its figures, and
/// `draft()` for its JSON.
fn summary_of(figures: &wengao::review::Figures, number: u32) -> JsValue {
    let summary = to_js(figures);
    let draft = DRAFT_OF.with(|f| f.as_ref().unchecked_ref::<Function>().bind1(&JsValue::NULL, &JsValue::from(number)));
    let _ = Reflect::set(&summary, &"draft".into(), &draft);
    summary
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
    let number = MOUNTS.with(|m| {
        m.set(m.get() + 1);
        m.get()
    });
    let port = Rc::new(Cell::new(None::<Port>));
    let Options { draft: given, on_change, on_export, buttons, .. } = options;
    let (slot, on_change, on_export) = (SendWrapper::new(port.clone()), SendWrapper::new(on_change), on_export.map(SendWrapper::new));
    element.replace_children_with_node_0();
    let unmount = leptos::mount::mount_to(element, move || {
        let connect = Callback::new(move |p: Port| {
            slot.set(Some(p));
            if let Some(text) = &given {
                // The page's draft, fitted like an imported one (and stored, if
                // the form stores), and checked at once.
                let _ = p.set_draft(text);
                p.check_now();
            }
            if let Some(f) = on_change.as_ref() {
                follow_changes(p, f.clone(), number);
            }
        });
        let take_file = on_export.map(|f| Callback::new(move |(bytes, name): (js_sys::Uint8Array, String)| taken(&f, &bytes, &name)));
        // Every form's ids have a prefix of their own (`wengao1-`…): they never
        // meet the page's ids or another form's.
        let scope = format!("wengao{number}-");
        view! { <Editor opened close=Callback::new(|_| ()) place=Place::Hosted(Hosted { scope, buttons, take_file, connect })/> }
    });
    SHOWN.with_borrow_mut(|shown| shown.insert(number, Shown { _unmount: Box::new(unmount), port }));
    Ok(Mounted { number })
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
fn follow_changes(port: Port, on_change: Function, number: u32) {
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
                if let Err(e) = on_change.call1(&JsValue::NULL, &summary_of(&figures, number)) {
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
        port_of(self.number).ok_or_else(|| Rejected::because(GONE))
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
        self.port().ok().and_then(Port::figures).map_or(JsValue::UNDEFINED, |f| summary_of(&f, self.number))
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
        // Dropped outside the table's borrow: the form's cleanup runs then.
        let shown = SHOWN.with_borrow_mut(|shown| shown.remove(&self.number));
        drop(shown);
    }
}
