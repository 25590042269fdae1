//! 导出 Word: the checklist of open problems, then the .docx rendered in the
//! browser by the core's renderer and downloaded.

use leptos::prelude::*;
use wengao::document;

use super::ctx::{Ctx, Derived, Ui};
use crate::files;

/// Export: the list of what is still missing (with links), then the .docx
/// rendered in the browser by the same renderer as the CLI.
#[component]
pub fn ExportButton() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let ui = expect_context::<Ui>();
    let derived = expect_context::<Derived>();
    let checking = RwSignal::new(false);
    // Every change of the draft, counted: a file rendered ahead is used only if
    // nothing changed since.
    let revision = StoredValue::new(0u64);
    Effect::new(move |_| {
        ctx.draft.track();
        revision.update_value(|r| *r += 1);
    });
    // The file rendered while the drafter reads the checklist.
    let prepared = StoredValue::new_local(None::<(u64, Rendered)>);
    let download = move |(bytes, name): Rendered| {
        let size = bytes.len() as f64 / 1024.0;
        match ui.deliver(&bytes, &name, files::DOCX_TYPE) {
            Ok(()) => ui.notice.set(format!("已导出 {name}（{size:.1} KB）")),
            Err(e) => ui.notice.set(e),
        }
    };
    let run = move || {
        checking.set(false);
        match prepared.try_update_value(Option::take).flatten() {
            Some((rendered_at, file)) if rendered_at == revision.get_value() => download(file),
            _ => {
                // A large draft takes a while: the message is painted first.
                ui.notice.set("正在生成 Word 文件…".into());
                after_paint(move || {
                    if let Some(file) = render(ctx) {
                        download(file);
                    }
                });
            }
        }
    };
    let click = move |_| {
        // The checks may be a pause behind the last keystroke: brought up to date first.
        derived.check_now(ctx);
        if derived.checked.with_untracked(super::derived::Checked::is_clear) {
            run();
        } else {
            checking.set(true);
            after_paint(move || {
                let at = revision.try_get_value();
                if let (Some(at), Some(file)) = (at, render(ctx)) {
                    prepared.try_set_value(Some((at, file)));
                }
            });
        }
    };
    view! {
        <button type="button" class="primary" on:click=click>"导出 Word"</button>
        <Show when=move || checking.get()>
            <div class="checklist" role="dialog" aria-label="导出前检查">
                // The buttons come first: a long list must not hide them.
                <p>
                    <button type="button" class="primary" on:click=move |_| run()>"仍然导出"</button>
                    " "
                    <button type="button" on:click=move |_| checking.set(false)>"返回修改"</button>
                </p>
                <p>{move || format!("还有这{}处没写好（也可以先导出）：", derived.checked.with(super::derived::Checked::to_fix))}</p>
                <ul>
                    {move || derived.checked.with(super::derived::Checked::checklist).into_iter().map(|e| {
                        view! { <li><a href=format!("#{}", ctx.anchor_of(&e.target))>{e.message}</a></li> }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// A rendered .docx and its file name.
pub(crate) type Rendered = (Vec<u8>, String);

/// The draft rendered (None once the form has closed: this runs a frame later).
pub(crate) fn render(ctx: Ctx) -> Option<Rendered> {
    let options = render_options();
    ctx.spec
        .try_with_value(|spec| {
            ctx.draft.try_with_untracked(|draft| (wengao::docx::render(spec, draft, &options), document::file_name(spec, draft)))
        })
        .flatten()
}

/// Runs `work` once the next frame is painted (a message shown before it stays
/// on screen while it runs).
fn after_paint(work: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(work, std::time::Duration::ZERO));
}

/// The files' properties: made now (a W3C date-time).
pub(crate) fn render_options() -> wengao::docx::RenderOptions {
    wengao::docx::RenderOptions { created: Some(String::from(js_sys::Date::new_0().to_iso_string())) }
}
