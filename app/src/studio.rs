//! The template studio: a template's source with line numbers, its diagnostics
//! as it is typed (the same compiler and messages as `wengao check`), each with a
//! jump to its line and column and a link to the guide; beside it the form this
//! source makes, filled with the example `wengao example` writes, with its paged
//! preview. The source is stored as it is typed (library.rs), like a draft.

use leptos::html::Textarea;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wengao::spec::FormSpec;

use crate::files;
use crate::form::{Editor, Place};
use crate::session;
use crate::storage::library::{self, LocalTemplate};

/// A diagnostic as the studio lists it.
#[derive(Clone, PartialEq)]
struct Shown {
    error: bool,
    code: &'static str,
    line: usize,
    column: usize,
    /// UTF-16 offset of the span's start in the source: where the caret goes.
    caret: u32,
    /// The message as the CLI renders it (source line, carets, hint).
    rendered: String,
}

/// The source compiled: the diagnostics in the template itself, and the spec.
#[derive(Clone, PartialEq)]
struct SourceCheck {
    shown: Vec<Shown>,
    /// How many of them are errors (stored with the template).
    errors: usize,
    spec: Option<FormSpec>,
}

fn check(name: &str, source: &str) -> SourceCheck {
    let file_name = format!("{name}.wg");
    let compiled = wengao::compile(&wengao::SourceFile::new(file_name.clone(), source.to_string()), &wengao::builtin::BuiltinStyles);
    let shown = compiled
        .located()
        .into_iter()
        .map(|d| {
            let caret = if d.file == file_name { source.get(..d.offset).map_or(0, |s| s.encode_utf16().count() as u32) } else { 0 };
            Shown { error: d.error, code: d.code, line: d.line, column: d.column, caret, rendered: d.rendered }
        })
        .collect();
    SourceCheck { shown, errors: crate::templates::errors_of(&compiled), spec: compiled.spec }
}

/// How long the form waits after the last keystroke before it is rebuilt: the
/// diagnostics follow every keystroke, the form a pause.
const FORM_DELAY_MS: u64 = 300;

#[component]
pub fn Studio(template: LocalTemplate, close: Callback<()>) -> impl IntoView {
    let key = StoredValue::new(template.key.clone());
    let source = RwSignal::new(template.source.clone());
    // One name: the source's `模板：` line (the 模板名称 box rewrites that line);
    // the stored name only while the source declares none.
    let fallback = template.name.clone();
    let name = Memo::new(move |_| source.with(|s| wengao::compile::declared_name(s)).unwrap_or_else(|| fallback.clone()));
    let composing = RwSignal::new(false);
    let checked = Memo::new(move |_| check(&name.get(), &source.get()));
    let saved_at = RwSignal::new(None::<f64>);
    let save_error = RwSignal::new(String::new());
    // Stored as typed: every change, in order.
    Effect::new(move |first: Option<()>| {
        let errors = checked.with_untracked(|c| c.errors);
        let t = LocalTemplate {
            key: key.get_value(),
            name: name.get(),
            source: source.get(),
            updated: crate::storage::now(),
            errors: Some(errors),
        };
        if first.is_some() {
            spawn_local(async move {
                match library::save_local(&t).await {
                    Ok(()) => {
                        saved_at.try_set(Some(t.updated));
                        save_error.try_set(String::new());
                    }
                    Err(f) => {
                        save_error.try_set(f.message());
                    }
                }
            });
        }
    });
    // The form follows after a pause, from the last template that compiled.
    let form_spec = RwSignal::new(checked.get_untracked().spec);
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        let spec = checked.with(|c| c.spec.clone());
        let Some(spec) = spec else { return };
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.try_get_value() == Some(mine) {
                    form_spec.try_set(Some(spec));
                }
            },
            std::time::Duration::from_millis(FORM_DELAY_MS),
        );
    });
    let area = NodeRef::<Textarea>::new();
    let gutter = NodeRef::<leptos::html::Pre>::new();
    let jump = move |caret: u32| {
        if let Some(a) = area.get() {
            let _ = a.focus();
            let _ = a.set_selection_range(caret, caret);
        }
    };
    let published_note = RwSignal::new(String::new());
    let download = move |_| {
        if let Err(e) = files::download_template(&name.get_untracked(), &source.get_untracked()) {
            save_error.set(e);
        }
    };
    // The folder to publish: the templates the office has published (as this
    // browser last fetched them) with this one in place of any of its name.
    let download_folder = move |_| {
        let (this_name, this) = (name.get_untracked(), source.get_untracked());
        let mut sources: Vec<wengao::SourceFile> = crate::storage::published::offered()
            .into_iter()
            .filter(|t| t.error.is_none() && t.name != this_name)
            .map(|t| wengao::SourceFile::new(t.file, t.source))
            .collect();
        sources.push(wengao::SourceFile::new(format!("{this_name}.wg"), this));
        let hide_builtin = crate::storage::published::kept().hide_builtin;
        let saved = match wengao::publish::publish(&sources, hide_builtin) {
            Ok(files) => files::download(&wengao::publish::folder_zip(&files), "templates.zip", "application/zip").map(|()| {
                format!(
                    "已下载 templates.zip（{}个模板）：交给管理员解压到内网页面 index.html 旁边，替换原来的 templates 文件夹",
                    files.len() - 1
                )
            }),
            Err(diagnostics) => Err(format!("有模板出错，不能发布：\n{diagnostics}")),
        };
        match saved {
            Ok(said) => {
                save_error.set(String::new());
                published_note.set(said);
            }
            Err(e) => save_error.set(e),
        }
    };
    // The 模板名称 box rewrites the `模板：` line as it is typed (not while an IME
    // is composing), and the source text shows it at once; the box follows the
    // line when the source is edited, unless it is being typed in.
    let name_box = NodeRef::<leptos::html::Input>::new();
    let naming = RwSignal::new(false);
    let rename = move |value: String| {
        source.update(|s| *s = wengao::compile::with_declared_name(s, &value));
        if let Some(a) = area.get() {
            a.set_value(&source.get_untracked());
        }
    };
    Effect::new(move |_| {
        let name = name.get();
        if let Some(b) = name_box.get() {
            let typing = document().active_element().is_some_and(|e| e == **b);
            if !typing {
                b.set_value(&name);
            }
        }
    });
    let lines = move || source.with(|s| (1..=s.split('\n').count()).map(|n| n.to_string()).collect::<Vec<_>>().join("\n"));
    view! {
        <main class="studio">
            <nav class="toolbar" aria-label="模板操作">
                <button type="button" on:click=move |_| close.run(())>"← 返回"</button>
                <label class="studio-name">"模板名称 "
                    <input type="text" aria-label="模板名称" node_ref=name_box prop:value=name.get_untracked()
                        on:compositionstart=move |_| naming.set(true)
                        on:compositionend=move |ev| {
                            naming.set(false);
                            rename(event_target_value(&ev));
                        }
                        on:input=move |ev| {
                            if !naming.get_untracked() {
                                rename(event_target_value(&ev));
                            }
                        }/>
                </label>
                <button type="button" on:click=download>"下载 .wg 文件"</button>
                <button type="button" on:click=download_folder title="连同本单位已发布的模板，做成可以放到内网页面上的 templates 文件夹">"下载发布用的文件夹"</button>
                <a href="guide.html" target="_blank" rel="noopener">"模板编写指南"</a>
                <span class="saved" role="status" aria-label="模板自动保存">{move || saved_at.get().map(|t| format!("已自动保存 {}", crate::storage::clock(t)))}</span>
            </nav>
            <Show when=move || !save_error.get().is_empty()>
                <p class="banner error" role="alert">{move || save_error.get()}</p>
            </Show>
            <Show when=move || !published_note.get().is_empty()>
                <p class="banner info" role="status">{move || published_note.get()}</p>
            </Show>
            <div class="studio-panes">
                <section class="studio-source" aria-label="模板编辑区">
                    <div class="studio-editor">
                        <pre class="gutter" aria-hidden="true" node_ref=gutter>{lines}</pre>
                        <textarea
                            node_ref=area
                            aria-label="模板原文"
                            spellcheck="false"
                            prop:value=source.get_untracked()
                            on:scroll=move |_| {
                                if let (Some(a), Some(g)) = (area.get(), gutter.get()) {
                                    g.set_scroll_top(a.scroll_top());
                                }
                            }
                            on:compositionstart=move |_| composing.set(true)
                            on:compositionend=move |ev| {
                                composing.set(false);
                                source.set(event_target_value(&ev));
                            }
                            on:input=move |ev| {
                                if !composing.get_untracked() {
                                    source.set(event_target_value(&ev));
                                }
                            }
                        ></textarea>
                    </div>
                    <section class="studio-diagnostics" aria-label="模板检查结果" aria-live="polite">
                        {move || {
                            let c = checked.get();
                            if c.shown.is_empty() {
                                return view! { <p class="ok">"没有错误：右边就是这份模板生成的表单。"</p> }.into_any();
                            }
                            let errors = c.shown.iter().filter(|d| d.error).count();
                            let summary = if errors > 0 {
                                format!("{errors}处错误{}：改好之前，右边的表单停在上一次没有错误的样子，草稿也不能用它新建。", if c.shown.len() > errors { "和一些警告" } else { "" })
                            } else {
                                "只有警告：可以使用，但请看一看。".to_string()
                            };
                            let class = if errors > 0 { "bad" } else { "warn" };
                            view! {
                                <p class=class>{summary}</p>
                                <ul>
                                    {c.shown.into_iter().map(|d| {
                                        let caret = d.caret;
                                        let class = if d.error { "diagnostic error" } else { "diagnostic warning" };
                                        view! {
                                            <li class=class>
                                                <button type="button" class="small" on:click=move |_| jump(caret)>{format!("跳到第{}行第{}列", d.line, d.column)}</button>
                                                <a href=format!("guide.html#{}", d.code) target="_blank" rel="noopener">{format!("{}是什么意思", d.code)}</a>
                                                <pre>{d.rendered}</pre>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }
                            .into_any()
                        }}
                    </section>
                </section>
                <section class="studio-form" aria-label="模板生成的表单">
                    {move || form_spec.get().map(|spec| {
                        let draft = wengao::example::example(&spec, wengao::example::Length::Budgets);
                        view! { <Editor opened=session::unstored(String::new(), spec, draft) close=Callback::new(|_| ()) place=Place::Studio/> }
                    })}
                </section>
            </div>
        </main>
    }
}
