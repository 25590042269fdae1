//! 从去年的报告开始: a Word file (.docx) or a whole text pasted at once, for a
//! new draft of the chosen report type. The core's importer splits it (in the
//! full app, perform.rs); the form opens saying where every 字 went, and a bad
//! file gets its reason here and changes nothing.

use leptos::prelude::*;

use super::cards::CARDS;
use crate::action::Action;
use crate::files;

#[component]
pub fn WordImport(act: Callback<Action>, message: RwSignal<String>) -> impl IntoView {
    let template = RwSignal::new(CARDS.first().map(|c| c.name.to_string()).unwrap_or_default());
    let pasted = RwSignal::new(String::new());
    let from_file = move |ev: leptos::ev::Event| {
        for file in files::input_files(&ev) {
            act.run(Action::ImportWord { template: template.get_untracked(), file: Some(file) });
        }
    };
    let from_text = move |_| {
        let text = pasted.get_untracked();
        if text.trim().is_empty() {
            return message.set("先把整篇报告粘贴到框里".into());
        }
        act.run(Action::ImportText { template: template.get_untracked(), text });
    };
    view! {
        <section aria-labelledby="import-heading">
            <h2 id="import-heading">"从去年的报告开始"</h2>
            <p class="hint">"选好报告的种类，再选 Word 文件（.docx），或者把整篇报告粘贴进来：标题、各部分、（一）、一是……会按模板拆开，编号由模板重新生成；对不上的段落一段不丢，放在表单最后。"</p>
            <p class="file-actions">
                <label>"报告种类 "
                    <select aria-label="导入为哪种报告" on:change=move |ev| template.set(event_target_value(&ev))>
                        {CARDS.iter().map(|c| view! { <option value=c.name>{c.title}</option> }).collect_view()}
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
