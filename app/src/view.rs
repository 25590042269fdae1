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
use crate::storage::{self, DraftMeta};

/// The draft open in the form, so that a reload returns to it.
const OPEN: &str = "wengao.open";

/// Which screen is shown.
#[derive(Clone, PartialEq)]
enum Screen {
    Start,
    /// A draft open in the form, with its template compiled.
    Edit(DraftMeta, FormSpec, Draft),
}

#[component]
pub fn App() -> impl IntoView {
    let screen = RwSignal::new(Screen::Start);
    let open = Callback::new(move |meta: DraftMeta| match spec_for(&meta.template).and_then(|spec| Ok((spec, storage::load_draft(&meta.id)?))) {
        Ok((spec, mut draft)) => {
            wengao::edit::fill_minimums(&spec, &mut draft);
            // A reload comes back to the draft being written.
            let _ = storage::set(OPEN, &meta.id);
            screen.set(Screen::Edit(meta, spec, draft));
        }
        Err(e) => window().alert_with_message(&e).unwrap_or_default(),
    });
    let close = Callback::new(move |_| {
        storage::remove(OPEN);
        screen.set(Screen::Start);
    });
    if let Some(meta) = storage::get(OPEN).and_then(|id| storage::index().into_iter().find(|m| m.id == id)) {
        open.run(meta);
    }
    view! {
        <header class="bar">
            <h1>"文稿"</h1>
            <p>"按模板一项一项地写，随时看字数，导出合规的 Word 文件"</p>
        </header>
        {move || match screen.get() {
            Screen::Start => view! { <Start open/> }.into_any(),
            Screen::Edit(meta, spec, draft) => view! { <Editor meta spec draft close embedded=false/> }.into_any(),
        }}
    }
}

/// Creates, saves and opens a new draft for a template.
fn start_draft(template_key: String, spec: &FormSpec, mut draft: Draft, open: Callback<DraftMeta>) {
    wengao::edit::fill_minimums(spec, &mut draft);
    let meta = DraftMeta { id: storage::new_id(), template: template_key, name: spec.name.clone(), updated: storage::now() };
    if let Err(e) = storage::save_draft(&meta, &mut draft) {
        window().alert_with_message(&e).unwrap_or_default();
    }
    // An imported draft brings its pictures: their bytes go to IndexedDB first.
    let bytes = crate::pictures_db::bytes_of(&mut draft);
    spawn_local(async move {
        if let Err(e) = crate::pictures_db::store(&meta.id, bytes).await {
            window().alert_with_message(&e).unwrap_or_default();
        }
        open.run(meta);
    });
}

#[component]
fn Start(open: Callback<DraftMeta>) -> impl IntoView {
    let drafts = RwSignal::new(storage::index());
    let message = RwSignal::new(String::new());
    let diagnostics = RwSignal::new(String::new());
    // The last deleted draft, kept for 撤销.
    let deleted = RwSignal::new(None::<(DraftMeta, String, String)>);

    let new_from = move |name: &'static str| {
        move |_| {
            let key = builtin_key(name);
            match spec_for(&key) {
                Ok(spec) => start_draft(key, &spec, Draft::new(&spec), open),
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
                let result = wengao::compile(&wengao::SourceFile::new(name.clone(), text.clone()), &wengao::builtin::BuiltinStyles);
                diagnostics.set(result.render_diagnostics());
                match result.spec {
                    Some(spec) => {
                        match storage::save_template(&text) {
                            Ok(key) => start_draft(key, &spec, Draft::new(&spec), open),
                            Err(e) => message.set(e),
                        }
                    }
                    None => {}
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
                let template = TEMPLATES.iter().map(|t| builtin_key(t.name())).chain(storage::index().into_iter().map(|m| m.template)).find(|key| {
                    spec_for(key).is_ok_and(|s| s.name == draft.template)
                });
                match template.and_then(|key| Some((spec_for(&key).ok()?, key))) {
                    Some((spec, key)) => start_draft(key, &spec, draft, open),
                    None => message.set(format!("{name}：这是“{}”的草稿，但浏览器里没有这个模板；请先载入模板文件", draft.template)),
                }
            });
        }
    };
    let duplicate = move |meta: DraftMeta| {
        let copy = DraftMeta { id: storage::new_id(), name: format!("{}（副本）", meta.name), updated: storage::now(), ..meta.clone() };
        let result = storage::load_draft(&meta.id).and_then(|mut d| storage::save_draft(&copy, &mut d));
        match result {
            Ok(_) => {
                drafts.set(storage::index());
                spawn_local(async move {
                    let copied = match crate::pictures_db::load(&meta.id).await {
                        Ok(bytes) => crate::pictures_db::store(&copy.id, js_sys::Array::from_iter(bytes.iter().map(|b| js_sys::Uint8Array::from(b.as_slice())))).await,
                        Err(e) => Err(e),
                    };
                    if let Err(e) = copied {
                        message.set(e);
                    }
                });
            }
            Err(e) => message.set(e),
        }
    };
    let rename = move |meta: DraftMeta| {
        let Ok(Some(name)) = window().prompt_with_message_and_default("新的名称", &meta.name) else { return };
        let mut list = storage::index();
        if let Some(m) = list.iter_mut().find(|m| m.id == meta.id) {
            m.name = name.trim().to_string();
        }
        if let Err(e) = storage::save_index(&list) {
            message.set(e);
        }
        drafts.set(storage::index());
    };
    let delete = move |meta: DraftMeta| {
        let text = storage::get(&storage::draft_key(&meta.id)).unwrap_or_default();
        let pictures = storage::get(&storage::pictures_key(&meta.id)).unwrap_or_default();
        storage::remove_draft(&meta.id);
        // The draft deleted before this one can no longer be undone: free its pictures.
        if let Some((earlier, ..)) = deleted.get_untracked() {
            spawn_local(async move { crate::pictures_db::delete(&earlier.id).await });
        }
        let list: Vec<DraftMeta> = storage::index().into_iter().filter(|m| m.id != meta.id).collect();
        let _ = storage::save_index(&list);
        drafts.set(list);
        deleted.set(Some((meta, text, pictures)));
    };
    let undo = move |_| {
        if let Some((meta, text, pictures)) = deleted.get() {
            let restored = storage::set(&storage::draft_key(&meta.id), &text).and_then(|_| storage::set(&storage::pictures_key(&meta.id), &pictures)).and_then(|_| {
                let mut list = storage::index();
                list.insert(0, meta.clone());
                storage::save_index(&list)
            });
            if let Err(e) = restored {
                message.set(e);
            }
            drafts.set(storage::index());
            deleted.set(None);
        }
    };

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
                            view! {
                                <li class="card">
                                    <h3>{title.clone()}</h3>
                                    <p class="desc">{description}</p>
                                    <button type="button" on:click=new_from(t.name()) aria-label=format!("新建{title}")>"新建"</button>
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
                        {move || deleted.get().map(|(m, ..)| format!("已删除“{}”。", m.name))}
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
                                        <span class="name">{meta.name.clone()}</span>
                                        <span class="when">{String::from(when)}</span>
                                        <button type="button" on:click=move |_| open.run(m1.clone()) aria-label=format!("打开{}", meta.name)>"打开"</button>
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
    let key = match storage::save_template(&source) {
        Ok(key) => key,
        Err(e) => return view! { <p class="banner error" role="alert">{e}</p> }.into_any(),
    };
    let id = format!("embed-{}", key.trim_start_matches("custom:"));
    let draft = storage::load_draft(&id).unwrap_or_else(|_| Draft::new(&spec));
    let mut draft = draft;
    wengao::edit::fill_minimums(&spec, &mut draft);
    let meta = DraftMeta { id, template: key, name: spec.name.clone(), updated: storage::now() };
    view! { <Editor meta spec draft close=Callback::new(|_| ()) embedded=true/> }.into_any()
}
