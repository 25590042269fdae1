//! One file's details: its figures, the template it was checked against (the
//! clerk can choose another: the file is checked again), every finding grouped
//! by kind, the 修改意见 to copy into the e-mail back or save as a Word file,
//! and the file's own text with the paragraphs findings point at marked.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wengao::audit::summary::Summary;
use wengao::audit::{Finding, Kind, Severity};

use super::Batch;

const KINDS: [Kind; 6] = [Kind::Words, Kind::Pages, Kind::Structure, Kind::Pictures, Kind::Format, Kind::Set];

/// Copies text to the clipboard; false when the browser refuses (then the
/// text is shown selected for Ctrl+C).
async fn copy(text: &str) -> bool {
    let clipboard = window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

#[component]
pub(super) fn Detail(
    batch: Batch,
    /// Checks row `.0` again as the template named `.1`.
    recheck: Callback<(usize, String)>,
    /// Saves row's 修改意见 as a .docx.
    export_notes: Callback<usize>,
    /// Asks for the templates' names (once).
    ask_templates: Callback<()>,
) -> impl IntoView {
    let row = Memo::new(move |_| batch.open.get().and_then(|i| batch.rows.with(|r| r.get(i).cloned())));
    let copied = RwSignal::new(String::new());
    Effect::new(move |_| {
        if batch.open.get().is_some() {
            ask_templates.run(());
        }
    });
    view! {
        {move || row.get().map(|r| {
            let index = batch.open.get_untracked().unwrap_or_default();
            let notes = r.revision_notes();
            let copy_notes = {
                let notes = notes.clone();
                move |_| {
                    let notes = notes.clone();
                    spawn_local(async move {
                        copied.set(if copy(&notes).await { "已复制修改意见，可以粘贴到回复的邮件里".into() } else { "浏览器不让复制：请在下面的框里选中文字，按 Ctrl+C".into() });
                    });
                }
            };
            view! {
                <section class="desk-detail" aria-labelledby="detail-heading">
                    <h2 id="detail-heading">{r.file.clone()}</h2>
                    <p class="verdict" class:fix=!r.passes()>{r.verdict()}</p>
                    {r.unrecognised.clone().map(|why| view! { <p class="why">{format!("这个文件{why}。它要是其中一种材料，请在下面给它选模板，按那个模板检查。")}</p> })}
                    {r.unchecked.is_none().then(|| view! { <Template r=r.clone() index recheck batch/> })}
                    <Figures r=r.clone()/>
                    {KINDS.into_iter().filter_map(|kind| {
                        let found: Vec<Finding> = r.findings.iter().filter(|f| f.kind == kind).cloned().collect();
                        (!found.is_empty()).then(|| view! {
                            <h3>{kind.name()}</h3>
                            <ul class="findings">
                                {found.into_iter().map(|f| view! {
                                    <li class:note=f.severity == Severity::Note>
                                        {(f.severity == Severity::Note).then_some("提醒：")}
                                        {(!f.place.is_empty()).then(|| view! { <span class="place">{f.place.clone()}</span> })}
                                        {f.message.clone()}
                                    </li>
                                }).collect_view()}
                            </ul>
                        })
                    }).collect_view()}
                    <h3>"修改意见"</h3>
                    <textarea class="notes" readonly rows="6" aria-label="修改意见">{notes}</textarea>
                    <p>
                        <button type="button" on:click=copy_notes>"复制修改意见"</button>
                        <button type="button" on:click=move |_| export_notes.run(index)>"导出修改意见（.docx）"</button>
                        <button type="button" class="small" on:click=move |_| batch.open.set(None)>"关闭"</button>
                        <span role="status">{move || copied.get()}</span>
                    </p>
                    <Text r/>
                </section>
            }
        })}
    }
}

/// The template the file was checked against, recognised or chosen; choosing
/// another checks the file again.
#[component]
fn Template(r: Summary, index: usize, recheck: Callback<(usize, String)>, batch: Batch) -> impl IntoView {
    let current = r.template.clone();
    let how = match (r.chosen, r.unrecognised.is_some()) {
        (true, _) => "（手选）",
        (false, true) => "（没有认出，请选）",
        (false, false) => "（自动认出）",
    };
    let change = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        if !chosen.is_empty() {
            recheck.run((index, chosen));
        }
    };
    view! {
        <p class="template-choice">
            <label>{format!("按哪个模板检查{how}")}
                <select on:change=change>
                    {move || {
                        let mut names = batch.templates.get();
                        if !names.contains(&current) {
                            names.insert(0, current.clone());
                        }
                        names.into_iter().map(|n| {
                            let selected = n == current;
                            let value = n.clone();
                            let shown = if n.is_empty() { "（未识别）".to_string() } else { n };
                            view! { <option value=value selected=selected>{shown}</option> }
                        }).collect_view()
                    }}
                </select>
            </label>
        </p>
    }
}

#[component]
fn Figures(r: Summary) -> impl IntoView {
    let limit = r.page_limit.map(|l| format!("，上限{l}页")).unwrap_or_default();
    let budget = if r.budget.is_empty() { String::new() } else { format!("（要求{}）", r.budget) };
    let pictures = view! { <dt>"图片"</dt><dd>{format!("{}幅，共{}KB", r.pictures, r.picture_kb)}</dd> };
    // The file's own pages, and those its producer counted (Word, WPS) when the file says.
    let detail = r.pages_detail();
    let saved = (!detail.is_empty()).then(|| view! { <dt>"页数"</dt><dd>{detail}</dd> });
    // A file no template fits has only its own figures.
    if r.unrecognised.is_some() {
        return view! {
            <dl class="figures">
                <dt>"模板"</dt><dd>"未识别"</dd>
                <dt>"字数"</dt><dd>{format!("{}字", r.words)}</dd>
                {saved}
                {pictures}
            </dl>
        }
        .into_any();
    }
    view! {
        <dl class="figures">
            <dt>"模板"</dt><dd>{r.template.clone()}</dd>
            <dt>"单位、姓名"</dt><dd>{format!("{} {}", r.unit, r.person)}</dd>
            <dt>"字数"</dt><dd>{format!("{}字{budget}", r.words)}</dd>
            {r.parts.iter().map(|p| view! {
                <dt>{p.label.clone()}</dt><dd>{format!("{}字（{}{}）", p.words, p.budget, if p.state.is_empty() { String::new() } else { format!("，{}", p.state) })}</dd>
            }).collect_view()}
            {saved}
            <dt>"按模板格式估计页数"</dt><dd>{format!("{}{limit}", r.pages)}</dd>
            {pictures}
            <dt>"校对提示"</dt><dd>{r.hints}</dd>
            <dt>"测评指标讲到"</dt><dd>{format!("{}/{}", r.covered, r.scored)}</dd>
            {(!r.pairing.is_empty()).then(|| view! { <dt>"配套"</dt><dd>{r.pairing.clone()}</dd> })}
        </dl>
    }
    .into_any()
}

/// The file's paragraphs; those a finding points at (by their first words) marked.
#[component]
fn Text(r: Summary) -> impl IntoView {
    let places: Vec<String> =
        r.findings.iter().map(|f| f.place.trim_matches(['“', '”']).trim_end_matches('…').to_string()).filter(|p| !p.is_empty()).collect();
    view! {
        <details class="file-text">
            <summary>{format!("文件的正文（{}段）", r.paragraphs.len())}</summary>
            {r.paragraphs.iter().map(|p| {
                let marked = places.iter().any(|place| p.starts_with(place.as_str()));
                view! { <p class:marked=marked>{p.clone()}</p> }
            }).collect_view()}
        </details>
    }
}
