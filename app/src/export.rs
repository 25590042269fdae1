//! 导出 Word: the checklist of open problems, then the .docx rendered in the
//! browser by the core's renderer and downloaded.

use leptos::prelude::*;
use wengao::document;

use crate::files;
use crate::form::{anchor, Ctx};

/// Export: the list of what is still missing (with links), then the .docx
/// rendered in the browser by the same renderer as the CLI.
#[component]
pub fn ExportButton() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let checking = RwSignal::new(false);
    let run = move || {
        ctx.notice.set("正在生成 Word 文件…".into());
        checking.set(false);
        // Let the message paint before the work.
        set_timeout(
            move || {
                let spec = ctx.spec.get_value();
                let draft = ctx.draft.get_untracked();
                let bytes = wengao::docx::render(&spec, &draft, &wengao::docx::RenderOptions { created: Some(now_w3c()) });
                let name = document::file_name(&spec, &draft);
                match files::download(&bytes, &name, files::DOCX_TYPE) {
                    Ok(()) => ctx.notice.set(format!("已导出 {name}（{:.1} KB）", bytes.len() as f64 / 1024.0)),
                    Err(e) => ctx.notice.set(e),
                }
            },
            std::time::Duration::from_millis(30),
        );
    };
    let click = move |_| {
        // The checks may be a pause behind the last keystroke: brought up to date first.
        ctx.checked.set(ctx.draft.with_untracked(|d| ctx.spec.with_value(|s| crate::derived::check(s, d))));
        let open =
            ctx.checked.with_untracked(|l| l.problems.len() + l.hints.len() + l.coverage.iter().filter(|c| c.found.is_empty()).count());
        if open == 0 {
            run();
        } else {
            checking.set(true);
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
                <p>{move || format!("还有这{}处没写好（也可以先导出）：", ctx.checked.with(|l| l.problems.len() + l.hints.len()))}</p>
                <ul>
                    {move || ctx.checked.with(|l| l.problems.clone()).into_iter().map(|p| {
                        // A field's problem goes to the fields, the whole text's (字数, pages) to the summary.
                        let href = match (&p.field, p.path.is_empty()) {
                            (Some(_), _) => "#fields-heading".to_string(),
                            (None, true) => "#summary".to_string(),
                            (None, false) => format!("#{}", anchor(&p.path)),
                        };
                        view! { <li><a href=href>{p.message}</a></li> }
                    }).collect_view()}
                    {move || ctx.checked.with(|l| l.hints.clone()).into_iter().map(|(h, place)| {
                        view! { <li><a href=format!("#{}", anchor(&h.path))>{format!("校对：{place}：{}", h.mark.message)}</a></li> }
                    }).collect_view()}
                    {move || {
                        let open: Vec<String> = ctx.checked.with(|l| l.coverage.iter().filter(|c| c.found.is_empty()).map(|c| c.item.clone()).collect());
                        (!open.is_empty()).then(|| view! {
                            <li><a href="#coverage-heading">{format!("测评指标还没讲到：{}（只是提醒）", open.join("、"))}</a></li>
                        })
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// Now as a W3C date-time, for the file's properties.
fn now_w3c() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}
