//! 本机的模板 on the start screen: the studio's templates, each with 新建草稿
//! (only when it compiles), 编辑, 复制, 下载 and 删除 with 撤销; and 新建模板.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wengao::draft::Draft;

use crate::files::{self, spec_for};
use crate::library::{self, LocalTemplate};
use crate::session::Opened;
use crate::view::start_draft;

/// What 新建模板 starts from: a small template that compiles, with comments.
const STARTER: &str = include_str!("../starter.wg");

/// Opens a new studio template made from `source`, after storing it.
pub fn edit_copy(name: String, source: String, studio: Callback<LocalTemplate>, message: RwSignal<String>) {
    let t = library::new_local(&name, &source);
    spawn_local(async move {
        if let Err(f) = library::save_local(&t).await {
            message.set(f.message());
        }
        studio.run(t);
    });
}

#[component]
pub fn LocalTemplates(studio: Callback<LocalTemplate>, show: Callback<Opened>, changed: RwSignal<u32>) -> impl IntoView {
    // The library is in memory (library.rs); `changed` says when to read it again.
    let list = Signal::derive(move || {
        changed.track();
        library::local()
    });
    let message = RwSignal::new(String::new());
    let deleted = RwSignal::new(None::<LocalTemplate>);
    let refresh = move || changed.update(|n| *n += 1);
    let remove = move |t: LocalTemplate| {
        spawn_local(async move {
            match library::remove_local(&t.key).await {
                Ok(_) => deleted.set(Some(t)),
                Err(f) => message.set(f.message()),
            }
            refresh();
        });
    };
    let undo = move |_| {
        if let Some(t) = deleted.get_untracked() {
            spawn_local(async move {
                if let Err(f) = library::save_local(&t).await {
                    message.set(f.message());
                }
                deleted.set(None);
                refresh();
            });
        }
    };
    view! {
        <section aria-labelledby="local-templates-heading">
            <h2 id="local-templates-heading">"本机的模板"</h2>
            <p class="hint">"在这里写新的报告模板：左边写，右边马上看到表单。模板只存在这个浏览器里；要发给别人，用“下载 .wg 文件”。"</p>
            <p><button type="button" on:click=move |_| edit_copy("新的报告".into(), STARTER.into(), studio, message)>"新建模板"</button></p>
            <Show when=move || deleted.get().is_some()>
                <p class="undo" role="status">
                    {move || deleted.get().map(|t| format!("已删除模板“{}”。", t.name))}
                    <button type="button" on:click=undo>"撤销"</button>
                </p>
            </Show>
            <ul class="drafts">
                {move || {
                    list.get()
                        .into_iter()
                        .map(|t| {
                            let problem = spec_for(&t.key).err();
                            let status = match &problem {
                                None => "可以使用".to_string(),
                                Some(d) => format!("有{}处错误，改好之前不能用它新建草稿", d.matches("错误[").count().max(1)),
                            };
                            let (t1, t2, t3, t4, t5) = (t.clone(), t.clone(), t.clone(), t.clone(), t.clone());
                            let new_draft = move |_| match spec_for(&t1.key) {
                                Ok(spec) => {
                                    let draft = Draft::new(&spec);
                                    start_draft(t1.key.clone(), spec, draft, show, String::new());
                                }
                                Err(_) => message.set(format!("“{}”还有错误，先在模板里改好", t1.name)),
                            };
                            let download = move |_| {
                                if let Err(e) = files::download_template(&t4.name, &t4.source) {
                                    message.set(e);
                                }
                            };
                            view! {
                                <li class="draft">
                                    <span class="name">{t.name.clone()}<span class="detail">{format!("本机模板 · {status}")}</span></span>
                                    <button type="button" on:click=new_draft disabled=problem.is_some() aria-label=format!("用{}新建草稿", t.name)>"新建草稿"</button>
                                    <button type="button" on:click=move |_| studio.run(t2.clone()) aria-label=format!("编辑模板{}", t.name)>"编辑"</button>
                                    <button type="button" on:click=move |_| edit_copy(format!("{}（副本）", t3.name), t3.source.clone(), studio, message) aria-label=format!("复制模板{}", t.name)>"复制"</button>
                                    <button type="button" on:click=download aria-label=format!("下载模板{}", t.name)>"下载"</button>
                                    <button type="button" on:click=move |_| remove(t5.clone()) aria-label=format!("删除模板{}", t.name)>"删除"</button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <p class="message" role="status">{move || message.get()}</p>
        </section>
    }
}
