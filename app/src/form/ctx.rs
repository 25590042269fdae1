//! What the parts of the form share, in three contexts — the document (spec,
//! draft, keys: [`Ctx`]), what is derived from it ([`Derived`]) and the state of
//! the page around it ([`Ui`]) — and the element ids the outline and the
//! checklist link to.

use leptos::prelude::*;
use wengao::document::{Owner, Step};
use wengao::draft::{Draft, Item};
use wengao::edit::Fitted;
use wengao::identity::{Identities, Keys};
use wengao::model::Form;
use wengao::spec::FormSpec;

use super::derived::{Checked, Live, Target};

/// The document the form edits: its spec, its draft and the draft's keys.
#[derive(Clone, Copy)]
pub(crate) struct Ctx {
    pub(crate) spec: StoredValue<FormSpec>,
    /// The key of the draft's template (`builtin:述职报告`, `local:…`): prompts
    /// remember their folding under it.
    pub(crate) template_key: StoredValue<String>,
    pub(crate) draft: RwSignal<Draft>,
    /// Bumped when the content is replaced (an import, another tab, a loose
    /// paragraph placed): the form is rebuilt. Adding, removing and moving items
    /// patch it instead, through `ids`.
    pub(crate) structure: RwSignal<u32>,
    /// The occurrences' stable keys: the form's lists are keyed by them.
    pub(crate) ids: RwSignal<Identities>,
    /// Put before every element id of this form: empty for the page's first
    /// form, so that a second one on the page (embed/) has ids of its own.
    pub(crate) scope: StoredValue<String>,
}

/// What is derived from the draft: at every change, and when typing pauses.
#[derive(Clone, Copy)]
pub(crate) struct Derived {
    pub(crate) live: Memo<Live>,
    /// The page estimate, checklist, hints and preview, checked when typing pauses.
    pub(crate) checked: RwSignal<Checked>,
}

/// The state of the page around the document.
#[derive(Clone, Copy)]
pub(crate) struct Ui {
    /// Refusals and results, shown in the toolbar.
    pub(crate) notice: RwSignal<String>,
    /// The last part removed from the form, where it was: 撤销 puts it back.
    pub(crate) removed: RwSignal<Option<(Owner, Item)>>,
    /// Whether the paged preview is shown.
    pub(crate) preview: RwSignal<bool>,
    /// Fields an import could not read from the file: marked 请确认 until set.
    pub(crate) to_confirm: RwSignal<Vec<String>>,
    /// A page embedding the form takes the files it makes (.docx, .pptx)
    /// instead of a download: true when it took one.
    pub(crate) take_file: Option<Callback<(js_sys::Uint8Array, String), bool>>,
    /// On a phone, the file last exported, for a link to it where the browser
    /// did not download it.
    pub(crate) kept: RwSignal<Option<Kept>, LocalStorage>,
}

/// Whether the pointer is a finger (a phone or a tablet).
fn touch() -> bool {
    window().match_media("(pointer: coarse)").ok().flatten().is_some_and(|m| m.matches())
}

/// WeChat's built-in browser, which opens pages from chats but never downloads.
fn in_wechat() -> bool {
    window().navigator().user_agent().is_ok_and(|ua| ua.contains("MicroMessenger"))
}

/// A file exported on a phone, linked from the toolbar until the next.
pub(crate) struct Kept {
    pub(crate) url: gloo_file::ObjectUrl,
    pub(crate) name: String,
}

impl Derived {
    /// The checks brought up to date with the draft now (they may be a pause
    /// behind the last keystroke). None once the form has closed.
    pub(crate) fn check_now(self, ctx: Ctx) -> Option<()> {
        let now = ctx.draft.try_with_untracked(|d| ctx.spec.with_value(|s| super::derived::check(s, d)))?;
        self.checked.try_set(now);
        Some(())
    }
}

impl Ui {
    /// A file the form made, to the page embedding it when it takes files,
    /// else downloaded.
    pub(crate) fn deliver(self, bytes: &[u8], name: &str, mime: &str) -> Result<(), String> {
        let taken = self.take_file.is_some_and(|take| take.run((js_sys::Uint8Array::from(bytes), name.to_string())));
        if taken {
            Ok(())
        } else if in_wechat() {
            Err("微信里的浏览器不能下载文件：请点右上角的“…”，选“在浏览器中打开”，再导出（草稿已经保存在这个页面里）".into())
        } else if touch() {
            let url = crate::files::start_download(bytes, name, mime)?;
            self.kept.try_set(Some(Kept { url, name: name.to_string() }));
            Ok(())
        } else {
            crate::files::download(bytes, name, mime)
        }
    }

    /// A new draft replaced the old one: an undo or a 请确认 of the old one
    /// would act on the new.
    pub(crate) fn forget(self) {
        self.removed.try_set(None);
        self.to_confirm.try_set(Vec::new());
    }
}

impl Ctx {
    /// The element id of a part occurrence in this form.
    pub(crate) fn anchor(self, path: &[Step]) -> String {
        self.scope.with_value(|scope| anchor(scope, path))
    }

    /// The same, None once the form has closed (a frame may outlive it).
    pub(crate) fn try_anchor(self, path: &[Step]) -> Option<String> {
        self.scope.try_with_value(|scope| anchor(scope, path))
    }

    /// The element id of a checklist entry's place.
    pub(crate) fn anchor_of(self, target: &Target) -> String {
        match target {
            Target::Fields => self.id("fields-heading"),
            Target::Summary => self.id("summary"),
            Target::Part(path) => self.anchor(path),
            Target::Coverage => self.id("coverage-heading"),
        }
    }

    /// This form's element id named `name` (`summary`, `fields-heading`…).
    pub(crate) fn id(self, name: &str) -> String {
        self.scope.with_value(|scope| format!("{scope}{name}"))
    }

    /// Runs one of the form's operations on the draft and its keys together
    /// (wengao::model::Form): the only way the form adds, removes, moves or
    /// replaces occurrences. None once the form has closed (a task may outlive it).
    pub(crate) fn change<R>(self, op: impl FnOnce(&mut Form) -> R) -> Option<R> {
        self.draft.try_update(|draft| self.ids.try_update(|ids| op(&mut Form { draft, ids }))).flatten()
    }

    /// The draft replaced as a whole (an import, a draft file, another tab):
    /// fitted to the template with fresh keys, and the form rebuilt. What the
    /// fit moved, to be said.
    pub(crate) fn replace(self, draft: Draft) -> Option<Fitted> {
        let fitted = self.spec.try_with_value(|spec| self.change(|f| f.replace(spec, draft))).flatten();
        self.rebuild();
        fitted
    }

    /// Builds the form again from the draft: its inputs show what it holds now
    /// (a loose paragraph placed at the end of a text).
    pub(crate) fn rebuild(self) {
        self.structure.try_update(|n| *n += 1);
    }

    /// The keys of the rows or pictures (`list`: identity::ROWS, PICTURES) of the
    /// occurrence at `path`, in order.
    pub(crate) fn keys_of(self, path: Signal<Owner>, list: &'static str) -> Memo<Vec<u64>> {
        Memo::new(move |_| path.with(|p| self.ids.with(|ids| ids.keys(p).map(|k| ids.list(&k, list)).unwrap_or_default())))
    }

    /// Where the occurrence `keys` is now (empty once it is gone).
    pub(crate) fn path_of(self, keys: Keys) -> Signal<Owner> {
        Memo::new(move |_| self.ids.with(|ids| ids.path(&keys)).unwrap_or_default()).into()
    }
}

/// An element id for a part occurrence, for the outline's links, in `scope`.
fn anchor(scope: &str, path: &[Step]) -> String {
    let mut id = format!("{scope}part");
    for (name, i) in path {
        id.push_str(&format!("-{name}-{i}"));
    }
    id
}

pub(crate) fn child(path: &[Step], name: &str, i: usize) -> Owner {
    let mut p = path.to_vec();
    p.push((name.to_string(), i));
    p
}

/// After a row or a picture moved, the focus back on the button that moved it
/// (the list moved its element, and the browser dropped the focus): in the next
/// frame, that button, or the other enabled one beside it (at an end of the list).
pub(crate) fn refocus(ev: &leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    let Some(button) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    request_animation_frame(move || {
        let target = if button.has_attribute("disabled") {
            button
                .parent_element()
                .and_then(|p| p.query_selector("button:not([disabled])").ok().flatten())
                .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        } else {
            Some(button)
        };
        if let Some(b) = target {
            let _ = b.focus();
        }
    });
}

/// Where the row or picture `key` is in its list's `keys` (Ctx::keys_of, made
/// once per list and shared by its items).
pub(crate) fn index_in(keys: Memo<Vec<u64>>, key: u64) -> Memo<usize> {
    Memo::new(move |_| keys.with(|k| k.iter().position(|x| *x == key).unwrap_or(0)))
}
