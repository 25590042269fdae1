//! The start screen: new drafts from the built-in templates or a template file,
//! the saved drafts (open, duplicate, rename, delete with undo), draft files, and
//! a 字数 counter. Views only: the work is done by the core crate.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wengao::builtin::TEMPLATES;
use wengao::draft::Draft;
use wengao::spec::FormSpec;

use crate::files::{self, builtin_key, spec_for};
use crate::form::Editor;
use crate::library::LocalTemplate;
use crate::session::{self, Opened};
use crate::storage::{self, DraftMeta};
use crate::studio::Studio;
use crate::tabs;
use crate::templates_view::{edit_copy, LocalTemplates};

/// The draft open in the form, so that a reload returns to it.
const OPEN: &str = "wengao.open";
/// The template open in the studio, so that a reload returns to it.
const STUDIO: &str = "wengao.studio";

/// Which screen is shown.
#[derive(Clone, Copy, PartialEq)]
enum Screen {
    /// Storage is being read.
    Loading,
    Start,
    /// A draft open in the form (held in `App`'s `opened` until the form takes it).
    Edit,
    /// A template open in the studio (held in `App`'s `studied` until it takes it).
    Studio,
}

#[component]
pub fn App() -> impl IntoView {
    let screen = RwSignal::new(Screen::Loading);
    let opened = StoredValue::new_local(None::<Opened>);
    let studied = StoredValue::new(None::<LocalTemplate>);
    let studio = Callback::new(move |t: LocalTemplate| {
        // A reload comes back to the template being written.
        storage::set_pref(STUDIO, Some(&t.key));
        studied.set_value(Some(t));
        screen.set(Screen::Studio);
    });
    let close_studio = Callback::new(move |_| {
        storage::set_pref(STUDIO, None);
        screen.set(Screen::Start);
    });
    // Why the last draft could not be opened, shown on the start screen.
    let message = RwSignal::new(String::new());
    let show = Callback::new(move |o: Opened| {
        // A reload comes back to the draft being written.
        storage::set_pref(OPEN, Some(&o.meta.id));
        opened.set_value(Some(o));
        screen.set(Screen::Edit);
    });
    let open = Callback::new(move |(meta, notice): (DraftMeta, String)| {
        spawn_local(async move {
            match session::open(&meta, notice).await {
                Ok(o) => show.run(o),
                Err(e) => {
                    message.set(format!("“{}”打不开：{e}", meta.name));
                    screen.set(Screen::Start);
                }
            }
        });
    });
    let close = Callback::new(move |_| {
        storage::set_pref(OPEN, None);
        screen.set(Screen::Start);
    });
    // At start: move old data into the store, then reopen what a crash
    // interrupted (and say so), else what a reload left open.
    spawn_local(async move {
        match storage::init().await {
            Ok(0) => {}
            Ok(damaged) => message.set(format!("浏览器里有{damaged}个模板损坏了，读不出来，已跳过；草稿不受影响")),
            Err(f) => {
                message.set(f.message());
                screen.set(Screen::Start);
                return;
            }
        }
        let drafts = storage::list().await.unwrap_or_default();
        let crashed = tabs::ended_uncleanly(&drafts).await;
        let reopen = match crashed.first() {
            Some(meta) => Some((meta.clone(), session::restored_message(meta))),
            None => storage::get_pref(OPEN).and_then(|id| drafts.into_iter().find(|d| d.meta.id == id)).map(|d| (d.meta, String::new())),
        };
        match reopen {
            Some(r) => open.run(r),
            None => match storage::get_pref(STUDIO).and_then(|key| crate::library::local_template(&key)) {
                Some(t) => studio.run(t),
                None => screen.set(Screen::Start),
            },
        }
    });
    view! {
        <header class="bar">
            <h1>"文稿"</h1>
            <p>"按模板一项一项地写，随时看字数，导出合规的 Word 文件"</p>
        </header>
        {move || match screen.get() {
            Screen::Loading => view! { <p class="loading" role="status">"正在读取草稿……"</p> }.into_any(),
            Screen::Start => view! { <Start open show studio message/> }.into_any(),
            Screen::Edit => match opened.try_update_value(Option::take).flatten() {
                Some(o) => view! { <Editor opened=o close embedded=false/> }.into_any(),
                None => view! { <Start open show studio message/> }.into_any(),
            },
            Screen::Studio => match studied.try_update_value(Option::take).flatten() {
                Some(t) => view! { <Studio template=t close=close_studio/> }.into_any(),
                None => view! { <Start open show studio message/> }.into_any(),
            },
        }}
    }
}

/// Creates a new draft, saves it durably, and opens it with `notice` said on
/// opening; when it cannot be stored, opens it in this page only, saying why.
pub(crate) fn start_draft(template_key: String, spec: FormSpec, draft: Draft, show: Callback<Opened>, notice: String) {
    spawn_local(async move {
        let created = session::create(template_key.clone(), &spec, draft.clone()).await;
        let opened = match created {
            Ok(meta) => session::open(&meta, notice).await,
            Err(e) => Err(e),
        };
        // Why it could not be stored is said by the form's autosave.
        show.run(opened.unwrap_or_else(|_| session::in_memory(template_key, spec, draft)));
    });
}

#[component]
fn Start(
    open: Callback<(DraftMeta, String)>,
    show: Callback<Opened>,
    studio: Callback<LocalTemplate>,
    message: RwSignal<String>,
) -> impl IntoView {
    let drafts = RwSignal::new(Vec::<DraftMeta>::new());
    let refresh = move || {
        spawn_local(async move {
            match storage::list().await {
                Ok(list) => drafts.set(list.into_iter().map(|l| l.meta).collect()),
                Err(f) => message.set(f.message()),
            }
        })
    };
    refresh();
    let diagnostics = RwSignal::new(String::new());
    let library_changed = RwSignal::new(0u32);
    // The last deleted draft, kept for 撤销.
    let deleted = RwSignal::new(None::<storage::Removed>);

    let new_from = move |name: &'static str| {
        move |_| {
            let key = builtin_key(name);
            match spec_for(&key) {
                Ok(spec) => {
                    let draft = Draft::new(&spec);
                    start_draft(key, spec, draft, show, String::new())
                }
                Err(e) => message.set(e),
            }
        }
    };
    let load_template = move |ev: leptos::ev::Event| {
        for file in files::input_files(&ev) {
            spawn_local(async move {
                let name = file.name();
                let text = match gloo_file::futures::read_as_text(&file).await {
                    Ok(t) => t,
                    Err(_) => {
                        diagnostics.set(format!("{name}：读不了这个文件（模板文件要用 UTF-8 编码保存）"));
                        return;
                    }
                };
                // Files saved by the studio (or Notepad) may start with a BOM.
                let text = text.trim_start_matches('\u{FEFF}').to_string();
                let result = wengao::compile(&wengao::SourceFile::new(name.clone(), text.clone()), &wengao::builtin::BuiltinStyles);
                diagnostics.set(result.render_diagnostics());
                // Into the library, errors and all (it can be mended in the studio);
                // the same text loaded again is the same template.
                let stem = name.trim_end_matches(".wg").trim_end_matches(".txt").to_string();
                let template = crate::library::local()
                    .into_iter()
                    .find(|t| t.source == text)
                    .unwrap_or_else(|| crate::library::new_local(&stem, &text));
                // Kept in memory even when the store refuses it: the draft opens either way.
                if let Err(f) = crate::library::save_local(&template).await {
                    message.set(f.message());
                }
                library_changed.update(|n| *n += 1);
                match result.spec {
                    Some(spec) => {
                        let draft = Draft::new(&spec);
                        start_draft(template.key, spec, draft, show, String::new());
                    }
                    None => message.set(format!("“{stem}”有错误，没有新建草稿；它已放进下面的“本机的模板”，可以点“编辑”在模板工作室里改")),
                }
            });
        }
    };
    let import_draft = move |ev: leptos::ev::Event| {
        for file in files::input_files(&ev) {
            spawn_local(async move {
                let name = file.name();
                let text = gloo_file::futures::read_as_text(&file).await.unwrap_or_default();
                let draft = match Draft::from_json(&text) {
                    Ok(d) => d,
                    Err(e) => return message.set(format!("{name}：{e}")),
                };
                let template = TEMPLATES
                    .iter()
                    .map(|t| builtin_key(t.name()))
                    .chain(crate::library::keys())
                    .find(|key| spec_for(key).is_ok_and(|s| s.name == draft.template));
                match template.and_then(|key| Some((spec_for(&key).ok()?, key))) {
                    Some((spec, key)) => start_draft(key, spec, draft, show, String::new()),
                    None => message.set(format!("{name}：这是“{}”的草稿，但浏览器里没有这个模板；请先载入模板文件", draft.template)),
                }
            });
        }
    };
    let duplicate = move |meta: DraftMeta| {
        spawn_local(async move {
            let copy =
                DraftMeta { id: storage::new_id(), name: format!("{}（副本）", meta.name), updated: storage::now(), ..meta.clone() };
            let copied = match storage::load(&meta.id, None).await {
                Ok(mut loaded) => storage::save(storage::snapshot(&copy, &mut loaded.draft, true), None).await.map_err(|f| f.message()),
                Err(e) => Err(e),
            };
            if let Err(e) = copied {
                message.set(e);
            }
            refresh();
        });
    };
    let rename = move |meta: DraftMeta| {
        let Ok(Some(name)) = window().prompt_with_message_and_default("新的名称", &meta.name) else {
            return;
        };
        spawn_local(async move {
            if let Err(f) = storage::rename(&meta.id, name.trim()).await {
                message.set(f.message());
            }
            refresh();
        });
    };
    let delete = move |meta: DraftMeta| {
        spawn_local(async move {
            if tabs::edited_elsewhere(&meta.id).await {
                return message.set(format!("“{}”正在另一个标签页里编辑，没有删除；请先在那边返回开始页", meta.name));
            }
            match storage::remove(&meta).await {
                Ok(removed) => deleted.set(Some(removed)),
                Err(f) => message.set(f.message()),
            }
            refresh();
        });
    };
    let undo = move |_| {
        if let Some(removed) = deleted.get() {
            spawn_local(async move {
                if let Err(f) = storage::restore(&removed).await {
                    message.set(f.message());
                }
                deleted.set(None);
                refresh();
            });
        }
    };

    // The browser compiles the wasm of the form's computations lazily, on first
    // use: run them once for the first built-in template while the start screen
    // waits, so that 新建 does not pay for it.
    request_idle_callback(|| {
        if let Some(spec) = TEMPLATES.first().and_then(|t| spec_for(&builtin_key(t.name())).ok()) {
            let mut draft = Draft::new(&spec);
            wengao::edit::fill_minimums(&spec, &mut draft);
            let _ = (crate::derived::derive(&spec, &draft), crate::derived::check(&spec, &draft));
        }
    });
    view! {
        <main class="start">
            <section aria-labelledby="new-heading">
                <h2 id="new-heading">"新建"</h2>
                <ul class="templates">
                    {TEMPLATES
                        .iter()
                        .map(|t| {
                            let spec = spec_for(&builtin_key(t.name())).ok();
                            let title = spec.as_ref().map_or(t.name().to_string(), |s| s.name.clone());
                            let description = spec.as_ref().and_then(|s| s.description.clone()).unwrap_or_default();
                            let source = t.source;
                            let copy_name = format!("{title}（改）");
                            view! {
                                <li class="card">
                                    <h3>{title.clone()}</h3>
                                    <p class="desc">{description}</p>
                                    <button type="button" on:click=new_from(t.name()) aria-label=format!("新建{title}")>"新建"</button>
                                    <button type="button" class="small" on:click=move |_| edit_copy(copy_name.clone(), source.to_string(), studio, message) aria-label=format!("以{title}为底稿编辑模板")>"以此为底稿编辑"</button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <p class="file-actions">
                    <label class="file-button">"载入模板文件（.wg）"
                        <input type="file" accept=".wg,.txt,text/plain" on:change=load_template/>
                    </label>
                    <label class="file-button">"打开草稿文件（.json）"
                        <input type="file" accept=".json,application/json" on:change=import_draft/>
                    </label>
                </p>
                <Show when=move || !diagnostics.get().is_empty()>
                    <pre class="diagnostics" role="alert" aria-label="模板检查结果">{move || diagnostics.get()}</pre>
                </Show>
                <p class="message" role="status">{move || message.get()}</p>
            </section>

            <section aria-labelledby="drafts-heading">
                <h2 id="drafts-heading">"我的草稿"</h2>
                <Show when=move || deleted.get().is_some()>
                    <p class="undo" role="status">
                        {move || deleted.get().map(|r| format!("已删除“{}”。", r.meta.name))}
                        <button type="button" on:click=undo>"撤销"</button>
                    </p>
                </Show>
                <Show when=move || drafts.get().is_empty()>
                    <p class="empty">"还没有草稿。从上面选一种报告新建。"</p>
                </Show>
                <ul class="drafts">
                    {move || {
                        drafts
                            .get()
                            .into_iter()
                            .map(|meta| {
                                let (m1, m2, m3, m4) = (meta.clone(), meta.clone(), meta.clone(), meta.clone());
                                let when = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(meta.updated)).to_locale_string("zh-CN", &wasm_bindgen::JsValue::UNDEFINED);
                                view! {
                                    <li class="draft">
                                        <span class="name">{meta.name.clone()}<span class="detail">{meta.detail.clone()}</span></span>
                                        <span class="when">{String::from(when)}</span>
                                        <button type="button" on:click=move |_| open.run((m1.clone(), String::new())) aria-label=format!("打开{}", meta.name)>"打开"</button>
                                        <button type="button" on:click=move |_| duplicate(m2.clone()) aria-label=format!("复制{}", meta.name)>"复制"</button>
                                        <button type="button" on:click=move |_| rename(m3.clone()) aria-label=format!("改名{}", meta.name)>"改名"</button>
                                        <button type="button" on:click=move |_| delete(m4.clone()) aria-label=format!("删除{}", meta.name)>"删除"</button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
            <crate::word_import::WordImport show/>
            <LocalTemplates studio show changed=library_changed/>
            <Counter/>
        </main>
    }
}

#[component]
fn Counter() -> impl IntoView {
    let (text, set_text) = signal(String::new());
    let counts = Memo::new(move |_| wengao::count::count(&text.get()));
    view! {
        <section aria-labelledby="count-heading">
            <h2 id="count-heading">"字数统计"</h2>
            <label for="count-input">"粘贴或输入文字"</label>
            <textarea id="count-input" rows="4" on:input=move |ev| set_text.set(event_target_value(&ev))></textarea>
            <p class="counts" aria-live="polite">
                "字数：" <strong aria-label="字数统计结果">{move || counts.get().words}</strong>
                "　字符数（不计空格）：" {move || counts.get().chars_no_spaces}
                "　字符数（计空格）：" {move || counts.get().chars_with_spaces}
            </p>
        </section>
    }
}

/// The form alone, for a page that embeds it: one draft per template, kept in
/// this browser's storage.
#[component]
pub fn Embedded(source: String) -> impl IntoView {
    let result = wengao::compile(&wengao::SourceFile::new("嵌入的模板.wg", source.clone()), &wengao::builtin::BuiltinStyles);
    let Some(spec) = result.spec else {
        return view! { <pre class="diagnostics" role="alert" aria-label="模板检查结果">{result.render_diagnostics()}</pre> }.into_any();
    };
    let opened = RwSignal::new_local(None::<Opened>);
    spawn_local(async move {
        let key = crate::library::save_file(&source).await.unwrap_or_else(|_| crate::library::file_key(&source));
        let id = format!("embed-{}", key.trim_start_matches("custom:"));
        let meta = DraftMeta::new(id.clone(), key.clone(), &spec, &Draft::new(&spec));
        let exists = storage::list().await.is_ok_and(|l| l.iter().any(|d| d.meta.id == id));
        let created = if exists {
            Ok(())
        } else {
            let mut draft = Draft::new(&spec);
            wengao::edit::fill_minimums(&spec, &mut draft);
            storage::save(storage::snapshot(&meta, &mut draft, true), None).await.map_err(|f| f.message())
        };
        let o = match created {
            Ok(()) => session::open(&meta, String::new()).await,
            Err(e) => Err(e),
        };
        opened.set(Some(o.unwrap_or_else(|_| session::in_memory(key, spec.clone(), Draft::new(&spec)))));
    });
    view! {
        {move || {
            opened.track();
            match opened.try_update_untracked(Option::take).flatten() {
            Some(o) => view! { <Editor opened=o close=Callback::new(|_| ()) embedded=true/> }.into_any(),
            None => view! { <p class="loading" role="status">"正在读取草稿……"</p> }.into_any(),
        }}}
    }
    .into_any()
}
