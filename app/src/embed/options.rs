//! What a page passes to `mount` as its third argument (docs/embedding.md),
//! read from JavaScript: every mistake is a message, never a throw.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::form::Buttons;

/// Where the form keeps its draft.
#[derive(Debug, Clone, PartialEq)]
pub enum Storing {
    /// In this browser, one draft per template (no `storageKey`).
    ByTemplate,
    /// In this browser, under the page's key (`storageKey: '…'`).
    Key(String),
    /// Nowhere: the page keeps it (`storageKey: false`).
    Nowhere,
}

pub struct Options {
    /// A draft file's text to start from (`draft`: the text, or the object).
    pub(crate) draft: Option<String>,
    pub(crate) storing: Storing,
    /// Called with the figures when the draft changed and typing paused.
    pub(crate) on_change: Option<Function>,
    /// Called with each file made instead of downloading it.
    pub(crate) on_export: Option<Function>,
    pub(crate) buttons: Buttons,
}

impl Options {
    /// Reads the options object (undefined or null: the defaults).
    pub fn from_js(options: &JsValue) -> Result<Options, String> {
        let mut read = Options { draft: None, storing: Storing::ByTemplate, on_change: None, on_export: None, buttons: Buttons::ALL };
        if options.is_undefined() || options.is_null() {
            return Ok(read);
        }
        if !options.is_object() {
            return Err("mount 的第三个参数应当是一个对象（选项），或者不给".into());
        }
        let get = |name: &str| Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        let given = |v: &JsValue| !v.is_undefined() && !v.is_null();
        let draft = get("draft");
        if given(&draft) {
            read.draft = Some(match draft.as_string() {
                Some(text) => text,
                None => js_sys::JSON::stringify(&draft).ok().and_then(|s| s.as_string()).ok_or("选项 draft 应当是草稿文件的文字或对象")?,
            });
        }
        let key = get("storageKey");
        if given(&key) {
            read.storing = match (key.as_string(), key.as_bool()) {
                (Some(k), _) if !k.is_empty() => Storing::Key(k),
                (_, Some(false)) => Storing::Nowhere,
                _ => return Err("选项 storageKey 应当是一个非空的字符串，或者 false（不在浏览器里保存）".into()),
            };
        }
        read.on_change = function(&get("onChange"), "onChange")?;
        read.on_export = function(&get("onExport"), "onExport")?;
        let toolbar = get("toolbar");
        if given(&toolbar) {
            read.buttons = if toolbar.as_bool() == Some(false) {
                Buttons::NONE
            } else {
                let names = toolbar
                    .dyn_into::<Array>()
                    .map_err(|_| "选项 toolbar 应当是按钮名字的数组，或者 false（不要工具栏按钮）".to_string())?;
                let names: Vec<String> = names.iter().map(|n| n.as_string().unwrap_or_default()).collect();
                Buttons::named(names.iter().map(String::as_str))?
            };
        }
        Ok(read)
    }
}

fn function(v: &JsValue, name: &str) -> Result<Option<Function>, String> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.clone().dyn_into::<Function>().map(Some).map_err(|_| format!("选项 {name} 应当是一个函数"))
}
