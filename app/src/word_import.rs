//! 从去年的报告开始: a Word file (.docx) or a whole text pasted at once, split
//! into a new draft of the chosen report type by the core's importer; the form
//! opens saying where every 字 went. A bad file gets its reason and changes nothing.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wengao::builtin::TEMPLATES;
use wengao::import::Imported;

use crate::files::{self, builtin_key, spec_for};
use crate::session::Opened;
use crate::view::start_draft;

/// What the form says on opening an imported draft.
fn opening_notice(imported: &Imported) -> String {
    let mut notice = format!("已导入。{}。", imported.accounting.summary());
    if !imported.draft.unplaced.is_empty() {
        notice.push_str(&format!(
            "{}段没能对上模板，放在表单最后的“未归类的段落”里，可以逐段移到该去的地方。",
            imported.draft.unplaced.len()
        ));
    }
    notice
}

#[component]
pub fn WordImport(show: Callback<Opened>) -> impl IntoView {
    // Why a file or text was not imported, next to where it was given.
    let message = RwSignal::new(String::new());
    let template = RwSignal::new(TEMPLATES.first().map(|t| t.name().to_string()).unwrap_or_default());
    let pasted = RwSignal::new(String::new());
    let open = move |imported: Imported| {
        let key = builtin_key(&template.get_untracked());
        match spec_for(&key) {
            Ok(spec) => {
                let notice = opening_notice(&imported);
                start_draft(key, spec, imported.draft, show, notice);
            }
            Err(e) => message.set(e),
        }
    };
    let from_file = move |ev: leptos::ev::Event| {
        for file in files::input_files(&ev) {
            spawn_local(async move {
                let name = file.name();
                let bytes = match gloo_file::futures::read_as_bytes(&file).await {
                    Ok(b) => b,
                    Err(_) => return message.set(format!("{name}：读不了这个文件")),
                };
                let spec = match spec_for(&builtin_key(&template.get_untracked())) {
                    Ok(s) => s,
                    Err(e) => return message.set(e),
                };
                match wengao::import::docx(&spec, &bytes) {
                    Ok(imported) => open(imported),
                    Err(e) => message.set(format!("{name}：{e}；没有导入")),
                }
            });
        }
    };
    let from_text = move |_| {
        let text = pasted.get_untracked();
        if text.trim().is_empty() {
            return message.set("先把整篇报告粘贴到框里".into());
        }
        match spec_for(&builtin_key(&template.get_untracked())) {
            Ok(spec) => open(wengao::import::text(&spec, &text)),
            Err(e) => message.set(e),
        }
    };
    view! {
        <section aria-labelledby="import-heading">
            <h2 id="import-heading">"从去年的报告开始"</h2>
            <p class="hint">"选好报告的种类，再选 Word 文件（.docx），或者把整篇报告粘贴进来：标题、各部分、（一）、一是……会按模板拆开，编号由模板重新生成；对不上的段落一段不丢，放在表单最后。"</p>
            <p class="file-actions">
                <label>"报告种类 "
                    <select aria-label="导入为哪种报告" on:change=move |ev| template.set(event_target_value(&ev))>
                        {TEMPLATES
                            .iter()
                            .map(|t| {
                                let name = t.name().to_string();
                                let title = spec_for(&builtin_key(&name)).map(|s| s.name).unwrap_or(name.clone());
                                view! { <option value=name>{title}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label class="file-button">"导入 Word 文件（.docx）"
                    <input type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.doc,.wps" on:change=from_file/>
                </label>
            </p>
            <label for="paste-whole">"或者粘贴全文"</label>
            <textarea id="paste-whole" rows="4" placeholder="把整篇报告粘贴在这里" on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            <p><button type="button" on:click=from_text>"按模板拆开"</button></p>
            <p class="message" role="alert" aria-label="导入结果">{move || message.get()}</p>
        </section>
    }
}
