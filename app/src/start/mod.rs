//! The start screen, shared by both programs (lib.rs): new drafts from the
//! built-in templates or a template file, the saved drafts (open, duplicate,
//! rename, delete with undo), draft files, 从去年的报告开始, the templates the
//! office published beside the page, the library's templates and a 字数 counter. It works storage itself; anything more is an
//! [`Action`] for the program around it.

mod cards;
pub mod handoff;
mod published_view;
mod state;
mod templates_view;
mod word_import;

pub use cards::{Card, CARDS};
pub use published_view::{refresh_from_server as refresh_published, FolderPicker};
pub use state::{Host, StartState};
use templates_view::LocalTemplates;
use word_import::WordImport;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::action::Action;
use crate::files;
use crate::storage::tabs;
use crate::storage::{self, DraftMeta};

/// Reads storage and says what it found: damaged templates, or why it could
/// not be read (then false).
pub async fn read_storage(message: RwSignal<String>) -> bool {
    match storage::init().await {
        Ok(0) => true,
        Ok(damaged) => {
            message.try_set(format!("浏览器里有{damaged}个模板损坏了，读不出来，已跳过；草稿不受影响"));
            true
        }
        Err(f) => {
            message.try_set(f.message());
            false
        }
    }
}

/// Runs `f` in a task of its own, after the current one: storage is read
/// there, not in the task mounting the start screen, which with it took up to
/// 65 ms (#23: no task over 50 ms once the start screen is shown). A reading
/// after a click (a draft deleted, say) comes a task later too, unseen.
pub fn after_mount(f: impl FnOnce() + 'static) {
    set_timeout(f, std::time::Duration::ZERO);
}

#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="bar">
            <h1>"文稿"</h1>
            <p>"按模板一项一项地写，随时看字数，导出合规的 Word 文件"</p>
        </header>
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">"正在读取草稿……"</p> }
}

#[component]
pub fn Start(host: Host, state: StartState) -> impl IntoView {
    let StartState { message, diagnostics, import_message, library_changed } = state;
    let act = host.act;
    // None until storage has been read (the copy of this screen in index.html
    // says so too, until the program takes over).
    let drafts = RwSignal::new(None::<Vec<DraftMeta>>);
    let refresh = move || {
        after_mount(move || {
            spawn_local(async move {
                // try_*: the full app may have taken the page meanwhile.
                match storage::list().await {
                    Ok(list) => {
                        drafts.try_set(Some(list.into_iter().map(|l| l.meta).collect()));
                    }
                    Err(f) => {
                        drafts.try_set(Some(Vec::new()));
                        message.try_set(f.message());
                    }
                }
            })
        })
    };
    // Read again when storage has been read or changed.
    Effect::new(move |_| {
        library_changed.track();
        refresh();
    });
    // The last deleted draft, kept for 撤销.
    let deleted = RwSignal::new(None::<storage::Removed>);

    published_view::follow_reading(library_changed, message);
    let load_template = move |ev: leptos::ev::Event| {
        for file in files::input_files(&ev) {
            act.run(Action::LoadTemplate { file: Some(file) });
        }
    };
    let import_draft = move |ev: leptos::ev::Event| {
        for file in files::input_files(&ev) {
            act.run(Action::OpenDraftFile { file: Some(file) });
        }
    };
    let duplicate = move |meta: DraftMeta| {
        spawn_local(async move {
            if let Err(f) = storage::duplicate(&meta, format!("{}（副本）", meta.name)).await {
                message.set(f.message());
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

    view! {
        <main class="start">
            <section aria-labelledby="new-heading">
                <h2 id="new-heading">"新建"</h2>
                <ul class="templates">
                    {move || {
                        library_changed.track();
                        published_view::offers(host)
                            .into_iter()
                            .map(|offer| {
                                let title = offer.title.clone();
                                let copy = Action::EditCopy { name: format!("{title}（改）"), from: Some(offer.key.clone()) };
                                let new = Action::New { template: offer.key.clone() };
                                // One shape for every card (each shape of view costs the start-screen program code).
                                let usable = offer.problem.is_none();
                                view! {
                                    <li class="card" class:ours=offer.ours>
                                        <h3>{title.clone()}</h3>
                                        <p class="desc">{offer.problem.unwrap_or(offer.description)}</p>
                                        <button type="button" disabled=!usable on:click=move |_| act.run(new.clone()) aria-label=format!("新建{title}")>"新建"</button>
                                        <button type="button" class="small" on:click=move |_| act.run(copy.clone()) aria-label=format!("以此为底稿编辑：{}", offer.title)>"以此为底稿编辑"</button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <p class="file-actions">
                    <label class="file-button">"载入模板文件（.wg）"
                        <input type="file" accept=".wg,.txt,text/plain" on:change=load_template/>
                    </label>
                    <label class="file-button">"打开草稿文件（.json）"
                        <input type="file" accept=".json,application/json" on:change=import_draft/>
                    </label>
                    {host.more_pickers.map(|more| more.run(()))}
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
                <Show when=move || drafts.with(Option::is_none)>
                    <Loading/>
                </Show>
                <Show when=move || drafts.with(|d| d.as_ref().is_some_and(Vec::is_empty))>
                    <p class="empty">"还没有草稿。从上面选一种报告新建。"</p>
                </Show>
                <ul class="drafts">
                    {move || {
                        drafts
                            .get()
                            .unwrap_or_default()
                            .into_iter()
                            .map(|meta| {
                                let (m1, m2, m3, m4) = (meta.clone(), meta.clone(), meta.clone(), meta.clone());
                                let when = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(meta.updated)).to_locale_string("zh-CN", &wasm_bindgen::JsValue::UNDEFINED);
                                view! {
                                    <li class="draft">
                                        <span class="name">{meta.name.clone()}<span class="detail">{meta.detail.clone()}</span></span>
                                        <span class="when">{String::from(when)}</span>
                                        <button type="button" on:click=move |_| act.run(Action::Open { meta: m1.clone(), notice: String::new() }) aria-label=format!("打开{}", meta.name)>"打开"</button>
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
            <WordImport act message=import_message/>
            <LocalTemplates host changed=library_changed/>
            <Counter/>
            <section aria-labelledby="desk-heading">
                <h2 id="desk-heading">"审核收到的材料"</h2>
                <p class="desc">"组织部门用：把收到的述职报告、创新案例（Word 文件，或邮件附件的压缩包）放进审核台，对照模板逐个检查字数、页数、结构和格式，导出审核表（Excel）。"</p>
                <a class="button" href="?desk">"打开审核台"</a>
            </section>
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
