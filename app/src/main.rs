//! `wengao-app`: the whole app. index.html's start screen (`wengao-start`) loads
//! it and calls [`start`] with the action the drafter chose; the single-file
//! build calls [`start`] with none; another page calls [`mount`] and talks to
//! the [`FormHandle`] it gets.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wengao_app::action::Action;
use wengao_app::embed::{self, Options, Rejected};
use wengao_app::view;

fn main() {
    wengao_app::crash::install();
}

/// Shows the app in `#wengao` and carries out `action` (an action handed over by
/// the start screen, or null), with `file` when the action reads one.
#[wasm_bindgen]
pub fn start(action: JsValue, file: Option<web_sys::File>) {
    let handed = Action::from_js(&action, file);
    // An action this build cannot read: the page's two programs are of
    // different versions (one of them came from the browser's cache).
    let unreadable = handed.is_none() && !action.is_null() && !action.is_undefined();
    if let Some(root) = document().get_element_by_id("wengao").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        leptos::mount::mount_to(root, move || view! { <view::App handed unreadable/> }).forget();
    }
}

/// Runs the form's computations once, so that the browser has compiled them
/// before the first form opens (boot.js calls it while the start screen
/// idles); view::prewarm says when it does nothing.
#[wasm_bindgen]
pub fn prewarm() {
    view::prewarm();
}

/// Reads the templates the office published beside the page (boot.js calls
/// it once this program is loaded behind the start screen): the start screen
/// lists them when they changed (start/published_view.rs).
#[wasm_bindgen]
pub fn refresh_published() {
    wengao_app::start::refresh_published();
}

/// Panics, as a bug would: the end-to-end tests call it to check that a panic
/// shows crash.rs's message and loses no draft. Nothing in the app calls it.
#[wasm_bindgen]
pub fn crash_for_test() {
    panic!("crash_for_test: 测试用的程序错误");
}

/// For another intranet page (docs/embedding.md): mounts the guided form for
/// `template` (the text of a .wg template) into `element`, as `options` say
/// (draft, storageKey, onChange, onExport, toolbar). Resolves to the form's
/// handle; rejects with `{ message, diagnostics }` (a template with errors
/// also shows them in the element). Never throws.
#[wasm_bindgen]
pub fn mount(element: JsValue, template: JsValue, options: JsValue) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        let element = element
            .dyn_into::<web_sys::HtmlElement>()
            .map_err(|_| Rejected::because("mount 的第一个参数应当是页面上的一个元素").to_js())?;
        let template =
            template.as_string().ok_or_else(|| Rejected::because("mount 的第二个参数应当是模板的文字（.wg 文件的全文）").to_js())?;
        let options = Options::from_js(&options).map_err(|e| Rejected::because(e).to_js())?;
        match embed::mount(element, template, options).await {
            Ok(mounted) => Ok(FormHandle(mounted).into()),
            Err(rejected) => Err(rejected.to_js()),
        }
    })
}

/// A mounted form, for the page that mounted it.
#[wasm_bindgen]
pub struct FormHandle(embed::Mounted);

#[wasm_bindgen]
impl FormHandle {
    /// The draft's JSON, as a draft file holds it (undefined once destroyed).
    pub fn draft(&self) -> JsValue {
        self.0.draft()
    }

    /// Puts a draft (its JSON text, or the object) in place of the form's,
    /// fitted to the template: `{ ok: true, notice }` or `{ ok: false, error }`.
    #[wasm_bindgen(js_name = setDraft)]
    pub fn set_draft(&self, draft: JsValue) -> JsValue {
        self.0.set_draft(&draft)
    }

    /// What 导出 Word lists before exporting: `[{ kind, message, anchor }]`.
    pub fn checklist(&self) -> JsValue {
        self.0.checklist()
    }

    /// The figures onChange gives, now (the same as `wengao stats --json`).
    pub fn summary(&self) -> JsValue {
        self.0.summary()
    }

    /// The .docx of the draft as it is: resolves to its bytes.
    #[wasm_bindgen(js_name = exportDocx)]
    pub fn export_docx(&self) -> js_sys::Promise {
        file_promise(self.0.export_docx())
    }

    /// The slides (.pptx), where the template has a 述职时长: resolves to its bytes.
    #[wasm_bindgen(js_name = exportPptx)]
    pub fn export_pptx(&self) -> js_sys::Promise {
        file_promise(self.0.export_pptx())
    }

    /// Unmounts the form and releases what it held (listeners, the draft's lock).
    pub fn destroy(&self) {
        self.0.destroy();
    }
}

fn file_promise(made: Result<(Vec<u8>, String), Rejected>) -> js_sys::Promise {
    match made {
        Ok((bytes, _)) => {
            let bytes: JsValue = js_sys::Uint8Array::from(bytes.as_slice()).into();
            js_sys::Promise::resolve(&bytes)
        }
        Err(rejected) => js_sys::Promise::reject(&rejected.to_js()),
    }
}
