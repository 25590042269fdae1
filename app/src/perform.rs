//! The full app carrying out what the start screen asked for (action.rs): the
//! template compiler, the importers and the form are needed here, and only here.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wengao::builtin::TEMPLATES;
use wengao::draft::Draft;
use wengao::import::Imported;
use wengao::spec::FormSpec;

use crate::action::Action;
use crate::session::{self, Opened};
use crate::start::StartState;
use crate::storage::library::builtin_key;
use crate::storage::library::{self, LocalTemplate};
use crate::templates::{self, spec_for};

/// What 新建模板 starts from: a small template that compiles, with comments.
const STARTER: &str = include_str!("../starter.wg");

/// Where the outcome of an action goes.
#[derive(Clone, Copy)]
pub struct Screens {
    /// Opens a draft in the form.
    pub show: Callback<Opened>,
    /// Opens a template in the studio.
    pub studio: Callback<LocalTemplate>,
    /// The start screen's messages.
    pub state: StartState,
    /// Shows the start screen (with the message just set) when it is not shown.
    pub to_start: Callback<()>,
}

impl Screens {
    fn fail(self, message: RwSignal<String>, text: String) {
        message.set(text);
        self.to_start.run(());
    }
}

pub fn perform(action: Action, s: Screens) {
    let StartState { message, diagnostics, import_message, library_changed } = s.state;
    match action {
        Action::New { template } => match spec_for(&template) {
            Ok(spec) => {
                let draft = Draft::new(&spec);
                start_draft(template, spec, draft, s.show, String::new());
            }
            // A library template with errors (the start-screen program cannot
            // tell before): its diagnostics, and where to mend it.
            Err(e) if template.starts_with("local:") || template.starts_with("custom:") => {
                let name = library::local_template(&template).map_or_else(|| "这个模板".to_string(), |t| format!("“{}”", t.name));
                diagnostics.set(e);
                s.fail(message, format!("{name}还有错误，没有新建草稿；先点“编辑”在模板工作室里改好"));
            }
            Err(e) => s.fail(message, e),
        },
        Action::Open { meta, notice } => spawn_local(async move {
            match session::open(&meta, notice).await {
                Ok(o) => s.show.run(o),
                Err(e) => s.fail(message, format!("“{}”打不开：{e}", meta.name)),
            }
        }),
        Action::Studio { template } => s.studio.run(template),
        Action::EditCopy { name, from } => {
            let source = match &from {
                // A copy is a template of its own: its `模板：` line says “（副本）”.
                Some(key) => wengao::compile::with_declared_name(&templates::template_source(key).unwrap_or_default(), &name),
                None => STARTER.to_string(),
            };
            let t = library::new_local(&name, &source, templates::error_count(&name, &source));
            spawn_local(async move {
                // Kept in memory even when the store refuses it: the studio opens either way.
                if let Err(f) = library::save_local(&t).await {
                    message.set(f.message());
                }
                s.studio.run(t);
            });
        }
        Action::LoadTemplate { file: Some(file) } => spawn_local(async move {
            let name = file.name();
            let Ok(text) = gloo_file::futures::read_as_text(&file).await else {
                diagnostics.set(format!("{name}：读不了这个文件（模板文件要用 UTF-8 编码保存）"));
                return s.to_start.run(());
            };
            // Files saved by the studio (or Notepad) may start with a BOM.
            let text = text.trim_start_matches('\u{FEFF}').to_string();
            let result = wengao::compile(&wengao::SourceFile::new(name.clone(), text.clone()), &wengao::builtin::BuiltinStyles);
            diagnostics.set(result.render_diagnostics());
            // Into the library, errors and all (it can be mended in the studio);
            // the same text loaded again is the same template.
            let stem = name.trim_end_matches(".wg").trim_end_matches(".txt").to_string();
            let template = library::local()
                .into_iter()
                .find(|t| t.source == text)
                .unwrap_or_else(|| library::new_local(&stem, &text, templates::errors_of(&result)));
            // Kept in memory even when the store refuses it: the draft opens either way.
            if let Err(f) = library::save_local(&template).await {
                message.set(f.message());
            }
            library_changed.update(|n| *n += 1);
            match result.spec {
                Some(spec) => {
                    let draft = Draft::new(&spec);
                    start_draft(template.key, spec, draft, s.show, String::new());
                }
                None => s.fail(message, format!("“{stem}”有错误，没有新建草稿；它已放进下面的“本机的模板”，可以点“编辑”在模板工作室里改")),
            }
        }),
        Action::OpenDraftFile { file: Some(file) } => spawn_local(async move {
            let name = file.name();
            let text = gloo_file::futures::read_as_text(&file).await.unwrap_or_default();
            let draft = match Draft::from_json(&text) {
                Ok(d) => d,
                Err(e) => return s.fail(message, format!("{name}：{e}")),
            };
            let template = TEMPLATES
                .iter()
                .map(|t| builtin_key(t.name()))
                .chain(library::keys())
                .find(|key| spec_for(key).is_ok_and(|s| s.name == draft.template));
            match template.and_then(|key| Some((spec_for(&key).ok()?, key))) {
                Some((spec, key)) => start_draft(key, spec, draft, s.show, String::new()),
                None => s.fail(message, format!("{name}：这是“{}”的草稿，但浏览器里没有这个模板；请先载入模板文件", draft.template)),
            }
        }),
        Action::ImportWord { template, file: Some(file) } => spawn_local(async move {
            let name = file.name();
            let Ok(bytes) = gloo_file::futures::read_as_bytes(&file).await else {
                return s.fail(import_message, format!("{name}：读不了这个文件"));
            };
            let key = builtin_key(&template);
            match spec_for(&key) {
                Ok(spec) => match wengao::import::docx(&spec, &bytes) {
                    Ok(imported) => start_imported(key, spec, imported, s.show),
                    Err(e) => s.fail(import_message, format!("{name}：{e}；没有导入")),
                },
                Err(e) => s.fail(import_message, e),
            }
        }),
        Action::ImportText { template, text } => {
            let key = builtin_key(&template);
            match spec_for(&key) {
                Ok(spec) => {
                    let imported = wengao::import::text(&spec, &text);
                    start_imported(key, spec, imported, s.show);
                }
                Err(e) => s.fail(import_message, e),
            }
        }
        // A file action without its file: nothing was picked.
        Action::LoadTemplate { file: None } | Action::OpenDraftFile { file: None } | Action::ImportWord { file: None, .. } => {
            s.to_start.run(())
        }
    }
}

/// Opens an imported draft saying where every 字 went.
fn start_imported(key: String, spec: FormSpec, imported: Imported, show: Callback<Opened>) {
    let mut notice = format!("已导入。{}。", imported.summary(&spec));
    if let Some(unplaced) = wengao::import::unplaced_notice(&imported.draft) {
        notice.push_str(&format!("{unplaced}。"));
    }
    let to_confirm = imported.unread_fields;
    spawn_local(async move {
        let mut opened = session::create(key, spec, imported.draft, notice).await;
        opened.to_confirm = to_confirm;
        show.run(opened)
    });
}

/// Creates a new draft, saves it durably, and opens it with `notice` said on
/// opening (session::create).
pub(crate) fn start_draft(template_key: String, spec: FormSpec, draft: Draft, show: Callback<Opened>, notice: String) {
    spawn_local(async move { show.run(session::create(template_key, spec, draft, notice).await) });
}
