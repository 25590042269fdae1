//! The form's surface for a page that embeds it (embed/, docs/embedding.md):
//! the draft out and in, its figures and checklist, the files it makes, and
//! what the page chose of the toolbar. A port outlives its form: once the form
//! is gone, every call answers None.

use leptos::prelude::*;
use wengao::draft::Draft;
use wengao::review::Figures;
use wengao::spec::FormSpec;

use super::ctx::{Ctx, Derived, Ui};
use super::derived;
use super::export::{self, Rendered};
use super::on_site::{self, Slides};
use crate::session;

/// A checklist entry as the page reads it (`checklist()`).
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct Listed {
    pub(crate) kind: &'static str,
    pub(crate) message: String,
    /// The element id in the form where it is fixed.
    pub(crate) anchor: String,
}

/// One button's place in [`Buttons`].
type Switch = fn(&mut Buttons) -> &mut bool;

/// The buttons of the form's toolbar that a page may leave out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Buttons {
    pub(crate) export_draft: bool,
    pub(crate) import_draft: bool,
    pub(crate) import_word: bool,
    pub(crate) export_docx: bool,
    /// 导出演示文稿, where the template has a 述职时长.
    pub(crate) export_pptx: bool,
}

impl Buttons {
    pub(crate) const ALL: Buttons =
        Buttons { export_draft: true, import_draft: true, import_word: true, export_docx: true, export_pptx: true };
    pub(crate) const NONE: Buttons =
        Buttons { export_draft: false, import_draft: false, import_word: false, export_docx: false, export_pptx: false };
    /// The names a page gives them (`toolbar: ['exportDocx', …]`), each with its switch.
    const NAMED: [(&'static str, Switch); 5] = [
        ("exportDraft", |b| &mut b.export_draft),
        ("importDraft", |b| &mut b.import_draft),
        ("importWord", |b| &mut b.import_word),
        ("exportDocx", |b| &mut b.export_docx),
        ("exportPptx", |b| &mut b.export_pptx),
    ];

    /// The buttons named; Err with a name that is none of them.
    pub(crate) fn named<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Buttons, String> {
        let mut b = Buttons::NONE;
        for name in names {
            let Some((_, switch)) = Buttons::NAMED.iter().find(|(n, _)| *n == name) else {
                let known: Vec<&str> = Buttons::NAMED.iter().map(|(n, _)| *n).collect();
                return Err(format!("toolbar 里的“{name}”不是按钮的名字（可以用：{}）", known.join("、")));
            };
            *switch(&mut b) = true;
        }
        Ok(b)
    }
}

/// What a page embedding the form asked of it.
#[derive(Clone)]
pub(crate) struct Hosted {
    /// Put before the form's element ids (`wengao1-`…).
    pub(crate) scope: String,
    pub(crate) buttons: Buttons,
    /// Takes the files the form makes instead of a download: true when it took one.
    pub(crate) take_file: Option<Callback<(js_sys::Uint8Array, String), bool>>,
    /// Given the form's port once it is built (in the form's reactive scope).
    pub(crate) connect: Callback<Port>,
}

/// The form, for the page around it.
#[derive(Clone, Copy)]
pub(crate) struct Port {
    ctx: Ctx,
    derived: Derived,
    ui: Ui,
    /// Whether this tab edits the draft (not read-only: another tab or form has it).
    editing: Signal<bool>,
}

impl Port {
    pub(super) fn new(ctx: Ctx, derived: Derived, ui: Ui, editing: Signal<bool>) -> Port {
        Port { ctx, derived, ui, editing }
    }

    /// The draft as a draft file holds it (docs/draft-format.md).
    pub(crate) fn draft_json(self) -> Option<String> {
        self.ctx.draft.try_with_untracked(Draft::to_json)
    }

    /// A draft file's text in place of the draft, fitted to the template as
    /// 导入草稿 fits it; what the fit moved, said in the toolbar and returned.
    /// Err: why not (nothing changed).
    pub(crate) fn set_draft(self, text: &str) -> Option<Result<String, String>> {
        if !self.editing.try_get_untracked()? {
            return Some(Err("这份草稿正在另一个标签页或表单里编辑，这里只能查看，没有替换".to_string()));
        }
        let draft = self.ctx.spec.try_with_value(|spec| draft_for(spec, text))?;
        Some(draft.map(|d| {
            let moved = self.ctx.replace(d).map(|f| session::fitted_notice(f, false)).unwrap_or_default();
            self.ui.forget();
            self.ui.notice.try_set(moved.clone());
            moved
        }))
    }

    /// The export checklist of the draft as it is now, each entry with the
    /// element id of its place in this form.
    pub(crate) fn checklist(self) -> Option<Vec<Listed>> {
        self.check_now()?;
        let entries = self.derived.checked.try_with_untracked(derived::Checked::checklist)?;
        let listed = entries.into_iter().map(|e| Listed { kind: e.kind, message: e.message, anchor: self.ctx.anchor_of(&e.target) });
        Some(listed.collect())
    }

    /// The 字数 and page figures of the draft as it is now.
    pub(crate) fn figures(self) -> Option<Figures> {
        self.check_now()?;
        self.derived.checked.try_with_untracked(|c| c.figures.clone())
    }

    /// The figures as they were last checked (after a pause in typing); tracked.
    pub(crate) fn checked_figures(self) -> Option<Figures> {
        self.derived.checked.try_with(|c| c.figures.clone())
    }

    /// Tracks every change of the draft.
    pub(crate) fn track_draft(self) {
        self.ctx.draft.track();
    }

    pub(crate) fn docx(self) -> Option<Rendered> {
        export::render(self.ctx)
    }

    /// The slides; Err where the template has no 述职时长.
    pub(crate) fn pptx(self) -> Option<Result<Slides, String>> {
        let on_site = self.ctx.spec.try_with_value(|s| s.speaking.is_some())?;
        if !on_site {
            return Some(Err("这个模板没有“述职时长”，不做演示文稿".to_string()));
        }
        on_site::slides(self.ctx).map(Ok)
    }

    /// The checks brought up to date with the draft now.
    pub(crate) fn check_now(self) -> Option<()> {
        self.derived.check_now(self.ctx)
    }
}

/// A draft file's text as a draft of `spec`'s template: Err says why not.
pub(crate) fn draft_for(spec: &FormSpec, text: &str) -> Result<Draft, String> {
    match Draft::from_json(text) {
        Ok(d) if d.template == spec.name => Ok(d),
        Ok(d) => Err(format!("这是“{}”的草稿，和正在写的“{}”不是同一种报告", d.template, spec.name)),
        Err(e) => Err(e.to_string()),
    }
}
