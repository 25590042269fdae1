//! 本机的模板 on the start screen: the studio's templates, each with 新建草稿
//! (only when it compiles), 编辑, 复制, 下载 and 删除 with 撤销; and 新建模板.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::Host;
use crate::action::Action;
use crate::files;
use crate::storage::library::{self, LocalTemplate};

#[component]
pub fn LocalTemplates(host: Host, changed: RwSignal<u32>) -> impl IntoView {
    // The library is in memory (library.rs); `changed` says when to read it again.
    let list = Signal::derive(move || {
        changed.track();
        library::local()
    });
    let act = host.act;
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
            <p><button type="button" on:click=move |_| act.run(Action::EditCopy { name: "新的报告".into(), from: None })>"新建模板"</button></p>
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
                            // None for a template stored by an earlier version, in the
                            // start-screen program: the full app says it when 新建草稿 fails.
                            let errors = host.errors.run(t.key.clone());
                            let status = match errors {
                                None => String::new(),
                                Some(0) => " · 可以使用".to_string(),
                                Some(n) => format!(" · 有{n}处错误，改好之前不能用它新建草稿"),
                            };
                            let (t1, t2, t3, t4, t5) = (t.clone(), t.clone(), t.clone(), t.clone(), t.clone());
                            let new_draft = move |_| act.run(Action::New { template: t1.key.clone() });
                            let download = move |_| {
                                if let Err(e) = files::download_template(&t4.name, &t4.source) {
                                    message.set(e);
                                }
                            };
                            view! {
                                <li class="draft">
                                    <span class="name">{t.name.clone()}<span class="detail">{format!("本机模板{status}")}</span></span>
                                    <button type="button" on:click=new_draft disabled=errors.is_some_and(|n| n > 0) aria-label=format!("用{}新建草稿", t.name)>"新建草稿"</button>
                                    <button type="button" on:click=move |_| act.run(Action::Studio { template: t2.clone() }) aria-label=format!("编辑模板{}", t.name)>"编辑"</button>
                                    <button type="button" on:click=move |_| act.run(Action::EditCopy { name: format!("{}（副本）", t3.name), from: Some(t3.key.clone()) }) aria-label=format!("复制模板{}", t.name)>"复制"</button>
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
