//! The guided form, generated from the compiled spec alone: fields, numbered
//! headings, repeatable items, texts, pictures and tables, each with its prompt and
//! live 字数 against its budget; a summary, an outline, autosave and export.
//! Each concern has a file of its own: the head (summary.rs), the outline
//! (outline.rs), the occurrences (occurrence.rs) and the inputs they are made of
//! (inputs.rs), picture slots (pictures_view.rs), tables (table_view.rs), export
//! (export.rs) and the paged preview (preview.rs); this file holds the editor.
//! Views only: counting, numbering, limits and rendering are the core crate's.

mod ctx;
pub(crate) mod derived;
mod export;
mod inputs;
mod keyboard;
mod occurrence;
mod on_site;
mod outline;
mod pictures_view;
mod port;
mod preview;
mod proof_view;
mod summary;
mod table_view;
mod unplaced;

use ctx::{Ctx, Derived, Ui};

use leptos::prelude::*;
use leptos::task::spawn_local;
use wengao::document;
use wengao::identity::Identities;

use crate::files;
use crate::session::{self, Access, Opened};
use export::ExportButton;
use occurrence::{node_view, undo_removal};
use outline::Outline;
use preview::Preview;
use proof_view::Coverage;
use summary::{Fields, Preamble, Summary};

pub(crate) use port::{draft_for, Buttons, Hosted, Port};

/// Where a form is shown: the app's own page, the studio's live preview (an
/// example, never stored, no draft files), or a page embedding it.
#[derive(Clone)]
pub(crate) enum Place {
    App,
    Studio,
    Hosted(Hosted),
}

impl Place {
    fn buttons(&self) -> Buttons {
        match self {
            Place::App => Buttons::ALL,
            Place::Studio => Buttons { export_docx: true, export_pptx: true, ..Buttons::NONE },
            Place::Hosted(h) => h.buttons,
        }
    }

    fn hosted(&self) -> Option<&Hosted> {
        match self {
            Place::Hosted(h) => Some(h),
            _ => None,
        }
    }
}

/// The form for one opened draft; only the app's own has a way back (`close`)
/// to the start screen.
#[component]
pub fn Editor(mut opened: Opened, close: Callback<()>, place: Place) -> impl IntoView {
    let to_confirm = std::mem::take(&mut opened.to_confirm);
    let (meta, spec, draft, hold, access, opening_notice, stored) = opened.into_parts();
    let in_app = matches!(place, Place::App);
    let hosted = place.hosted().is_some();
    let buttons = place.buttons();
    // The toolbar's menu (a phone's narrow screen shows it as one): open or not.
    let menu = RwSignal::new(false);
    let template_key = meta.template.clone();
    // Templates with a 述职时长 are reported on site: slides and likely questions.
    let on_site = spec.speaking.is_some();
    // Whether the menu has anything in it.
    let has_menu = buttons.export_draft || buttons.import_draft || buttons.import_word || (buttons.export_pptx && on_site);
    let spec = StoredValue::new(spec);
    let draft = RwSignal::new(draft);
    let live = Memo::new(move |_| draft.with(|d| spec.with_value(|s| derived::derive(s, d))));
    let checked = derived::checked(spec, draft);
    let ctx = Ctx {
        spec,
        template_key: StoredValue::new(template_key),
        draft,
        structure: RwSignal::new(0),
        ids: RwSignal::new(draft.with_untracked(Identities::of)),
        scope: StoredValue::new(place.hosted().map(|h| h.scope.clone()).unwrap_or_default()),
    };
    provide_context(ctx);
    let derived = Derived { live, checked };
    provide_context(derived);
    let ui = Ui {
        notice: RwSignal::new(String::new()),
        preview: RwSignal::new(false),
        removed: RwSignal::new(None),
        to_confirm: RwSignal::new(to_confirm),
        take_file: place.hosted().and_then(|h| h.take_file),
        kept: RwSignal::new_local(None),
    };
    provide_context(ui);
    let titles = Memo::new(move |_| live.with(|l| (l.title.clone(), l.title_lines.clone())));
    let session = session::start(
        meta,
        hold,
        access,
        session::Content {
            draft,
            titles,
            replace: Callback::new(move |d| {
                ctx.replace(d);
                ui.forget();
            }),
        },
        stored,
    );
    let read_only = move || session.access.get() != Access::Editing;
    let editing = Signal::derive(move || session.access.get() == Access::Editing);
    if let Some(h) = place.hosted() {
        h.connect.run(Port::new(ctx, derived, ui, editing));
    }
    // Said once on opening (restored after a crash, pictures that could not be read).
    let opening = RwSignal::new(opening_notice);

    let export_draft = move |_| {
        let d = draft.get_untracked();
        let name = format!("{}.草稿.json", document::file_name(&spec.get_value(), &d).trim_end_matches(".docx"));
        if let Err(e) = files::download(d.to_json().as_bytes(), &name, "application/json") {
            ui.notice.set(e);
        } else {
            ui.notice.set(format!("已导出草稿 {name}"));
        }
    };
    // Last year's Word file into this draft. What the draft held is downloaded
    // as a draft file first, after a confirmation, so nothing is lost.
    let import_word = move |ev: leptos::ev::Event| {
        for file in files::input_files(&ev) {
            spawn_local(async move {
                let name = file.name();
                let Ok(bytes) = gloo_file::futures::read_as_bytes(&file).await else {
                    return ui.notice.set(format!("{name}：读不了这个文件"));
                };
                let imported = match spec.with_value(|s| wengao::import::docx(s, &bytes)) {
                    Ok(i) => i,
                    Err(e) => return ui.notice.set(format!("{name}：{e}；没有导入")),
                };
                let written = draft.with_untracked(|d| {
                    d.body.values().flatten().any(|i| !i.text.trim().is_empty() || !i.lead.trim().is_empty() || !i.title.trim().is_empty())
                });
                if written {
                    let asked =
                        "导入会用这个 Word 文件的内容替换这份草稿现在的内容。现在的内容会先下载成一个草稿文件（.json）留底。接着导入吗？";
                    if !window().confirm_with_message(asked).unwrap_or(false) {
                        return;
                    }
                    let d = draft.get_untracked();
                    let backup = format!("{}.导入前.草稿.json", document::file_name(&spec.get_value(), &d).trim_end_matches(".docx"));
                    if let Err(e) = files::download(d.to_json().as_bytes(), &backup, "application/json") {
                        return ui.notice.set(format!("{e}；没有导入"));
                    }
                }
                let summary = spec.with_value(|s| imported.summary(s));
                ui.forget();
                ui.to_confirm.set(imported.unread_fields);
                ctx.replace(imported.draft);
                let rest = draft.with_untracked(wengao::import::unplaced_notice).map(|u| format!("；{u}")).unwrap_or_default();
                ui.notice.set(format!("已导入 {name}。{summary}{rest}"));
            });
        }
    };
    let import_draft = move |ev: leptos::ev::Event| {
        for file in files::input_files(&ev) {
            spawn_local(async move {
                let name = file.name();
                let text = gloo_file::futures::read_as_text(&file).await.unwrap_or_default();
                match Port::new(ctx, derived, ui, editing).set_draft(&text) {
                    Some(Ok(moved)) => ui.notice.set(format!("已导入 {name}。{moved}")),
                    Some(Err(e)) => ui.notice.set(format!("{name}：{e}；没有导入")),
                    None => {}
                }
            });
        }
    };

    keyboard::keep_caret_in_sight();
    let editor = NodeRef::<leptos::html::Div>::new();
    if in_app {
        // Opened from the start screen (打开, 新建草稿, 导入……): the button that
        // had the focus went with it, and the focus fell to the page; it goes to
        // the form (its main landmark) without scrolling, and Tab goes on to the
        // toolbar. Not when something has it already (skeleton.js hands it over).
        request_animation_frame(move || {
            let fallen = document().active_element().is_none_or(|a| document().body().is_some_and(|b| *b == a));
            if let Some(el) = editor.get_untracked().filter(|_| fallen) {
                el.set_tab_index(-1);
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = el.focus_with_options(&options);
            }
        });
    }
    view! {
        // The page's main landmark, unless another page (or the studio) holds the form.
        <div class="editor" node_ref=editor role=in_app.then_some("main") on:click=move |ev| if hosted { scroll_without_hash(&ev) }
            on:focusin=move |_| request_animation_frame(keyboard::bring_caret_into_sight)>
            // On a phone: 返回, 导出 Word and a menu of the rest, in one row (form.css).
            <nav class="toolbar" class:open=move || menu.get() aria-label="草稿操作">
                {in_app.then(|| view! { <button type="button" on:click=move |_| close.run(())>"← 返回"</button> })}
                {has_menu.then(|| view! {
                    <button type="button" class="more-toggle" aria-expanded=move || menu.get().to_string() aria-controls=ctx.id("more")
                        on:click=move |_| menu.update(|m| *m = !*m)>"更多"</button>
                })}
                <div class="more-items" id=ctx.id("more") on:click=move |_| menu.set(false)>
                    {buttons.export_draft.then(|| view! { <button type="button" on:click=export_draft>"导出草稿"</button> })}
                    {buttons.import_draft.then(|| view! {
                        <label class="file-button" class:disabled=read_only>"导入草稿"<input type="file" accept=".json,application/json" on:change=import_draft disabled=read_only/></label>
                    })}
                    {buttons.import_word.then(|| view! {
                        <label class="file-button" class:disabled=read_only>"导入 Word 文件"<input type="file" accept=".docx,.doc,.wps" on:change=import_word disabled=read_only/></label>
                    })}
                    {(on_site && buttons.export_pptx).then(|| view! { <on_site::SlidesButton/> })}
                </div>
                {buttons.export_docx.then(|| view! { <ExportButton/> })}
                <span class="saved" role="status" aria-label="自动保存" aria-busy=move || session.saving.get().to_string()>{move || session.saved_at.get().map(|t| format!("已自动保存 {}", crate::storage::clock(t)))}</span>
                <div class="messages">
                    <span class="notice" role="status">{move || ui.notice.get()}</span>
                    {move || ui.kept.with(|k| k.as_ref().map(|k| view! {
                        <a class="kept-file" href=k.url.to_string() download=k.name.clone()>{format!("没有开始下载？长按这里保存或分享“{}”", k.name)}</a>
                    }))}
                    <Show when=move || ui.removed.with(Option::is_some)>
                        <button type="button" class="small" on:click=move |_| undo_removal(ctx, ui)>"撤销删除"</button>
                    </Show>
                </div>
            </nav>
            <Show when=move || !opening.get().is_empty()>
                <p class="banner info" role="alert">{move || opening.get()}" "
                    <button type="button" class="small" on:click=move |_| opening.set(String::new())>"知道了"</button>
                </p>
            </Show>
            <Show when=move || !session.save_error.get().is_empty()>
                <p class="banner error" role="alert">{move || session.save_error.get()}</p>
            </Show>
            {move || session::access_message(session.access.get()).map(|(text, action)| view! {
                <p class="banner warn" role="alert">{text}" "
                    <button type="button" on:click=move |_| session.take_over.run(())>{action}</button>
                </p>
            })}
            <div class="layout" class:with-preview=move || ui.preview.get()>
                <Outline/>
                <fieldset class="form" disabled=read_only aria-label="表单">
                    <Summary/>
                    <Coverage/>
                    {on_site.then(|| view! { <on_site::Questions/> })}
                    // Rebuilt with the rest when the content is replaced (导入草稿, another tab).
                    {move || {
                        ctx.structure.track();
                        view! { <Fields/> }
                    }}
                    <Preamble/>
                    {move || {
                        ctx.structure.track();
                        let nodes = spec.with_value(|s| s.body.clone());
                        nodes.into_iter().map(|n| node_view(n, Vec::new())).collect_view()
                    }}
                    <unplaced::LooseParagraphs which=wengao::edit::Loose::Unplaced/>
                    <unplaced::LoosePictures/>
                    <unplaced::LooseParagraphs which=wengao::edit::Loose::Orphaned/>
                </fieldset>
                <Show when=move || ui.preview.get()>
                    <Preview/>
                </Show>
            </div>
        </div>
    }
}

/// A link within the form of another page (the outline, the checklist)
/// scrolls to its place without touching the page's address: the page's own
/// links and router keep the hash.
fn scroll_without_hash(ev: &leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    let link = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest("a[href^='#']").ok().flatten());
    let Some(id) = link.and_then(|a| a.get_attribute("href")).map(|h| h.trim_start_matches('#').to_string()) else { return };
    if let Some(place) = document().get_element_by_id(&id) {
        ev.prevent_default();
        place.scroll_into_view();
    }
}
