//! Views only: everything they show comes from the core crate (compiler, counter).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wengao::builtin::{BuiltinStyles, TEMPLATES};
use wengao::spec::{chinese_number, FormSpec, Node, NodeKind};

#[component]
pub fn App() -> impl IntoView {
    let compiled: Vec<(String, Result<FormSpec, String>)> = TEMPLATES
        .iter()
        .map(|t| {
            let result = wengao::compile(&t.source_file(), &BuiltinStyles);
            let spec = result.spec.clone().ok_or_else(|| result.render_diagnostics());
            (t.name().to_string(), spec)
        })
        .collect();
    view! {
        <header class="bar">
            <h1>"文稿"</h1>
            <p>"把公文模板变成引导式表单，字数按 Word 的规则统计"</p>
        </header>
        <main>
            <section aria-labelledby="templates-heading">
                <h2 id="templates-heading">"内置模板"</h2>
                <ul class="templates">
                    {compiled.into_iter().map(|(name, spec)| view! { <TemplateCard name spec/> }).collect_view()}
                </ul>
            </section>
            <Counter/>
        </main>
    }
}

#[component]
fn TemplateCard(name: String, spec: Result<FormSpec, String>) -> impl IntoView {
    match spec {
        Ok(spec) => {
            let limits = [
                spec.budget.as_ref().map(|b| format!("全文{}", b.describe())),
                spec.page_limit.map(|p| format!("{}不超过{}页", if p.in_principle { "原则上" } else { "" }, p.max)),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("，");
            let outline = spec.body.iter().map(outline_item).collect_view();
            let title = spec.name.clone();
            let description = spec.description.clone().unwrap_or_default();
            let (status, set_status) = signal(String::new());
            let export = move |_| set_status.set(download_example(&spec));
            view! {
                <li class="card">
                    <h3>{title.clone()}</h3>
                    <p class="desc">{description}</p>
                    <p class="limits">{limits}</p>
                    <ol class="outline">{outline}</ol>
                    <button type="button" on:click=export aria-label=format!("下载{title}示例 Word")>"下载示例 Word"</button>
                    <span class="status" role="status">{status}</span>
                </li>
            }
            .into_any()
        }
        Err(diagnostics) => view! {
            <li class="card error">
                <h3>{name}</h3>
                <pre>{diagnostics}</pre>
            </li>
        }
        .into_any(),
    }
}

fn outline_item(node: &Node) -> impl IntoView {
    let title = match &node.kind {
        NodeKind::Heading { title: Some(t), .. } => t.source.clone(),
        NodeKind::Heading { title: None, level } => format!("{}级标题（由填写人拟定）", chinese_number(u32::from(*level))),
        NodeKind::Point { .. } => "一是、二是……".to_string(),
        NodeKind::Text { .. } => node.id.clone(),
        NodeKind::Pictures { min, max, caption_label, .. } => format!("图片{min}至{max}幅，附{caption_label}"),
        NodeKind::Table { columns, .. } => {
            format!("表格：{}", columns.iter().map(|c| c.label.as_str()).collect::<Vec<_>>().join(" / "))
        }
    };
    let repeat = node.repeat.map(|r| match r.max {
        Some(max) => format!("（{}至{}项）", r.min, max),
        None => format!("（至少{}项）", r.min),
    });
    let budget = node.budget.as_ref().map(|b| format!(" · {}", b.describe()));
    let children = node.children.iter().map(outline_item).collect_view();
    view! {
        <li>
            {title}{repeat}<span class="budget">{budget}</span>
            <ol>{children}</ol>
        </li>
    }
    .into_any()
}

#[component]
fn Counter() -> impl IntoView {
    let (text, set_text) = signal(String::new());
    let counts = Memo::new(move |_| wengao::count::count(&text.get()));
    view! {
        <section aria-labelledby="count-heading">
            <h2 id="count-heading">"字数统计"</h2>
            <label for="count-input">"粘贴或输入文字"</label>
            <textarea id="count-input" rows="6" on:input=move |ev| set_text.set(event_target_value(&ev))></textarea>
            <p class="counts" aria-live="polite">
                "字数：" <strong>{move || counts.get().words}</strong>
                "　字符数（不计空格）：" {move || counts.get().chars_no_spaces}
                "　字符数（计空格）：" {move || counts.get().chars_with_spaces}
            </p>
        </section>
    }
}

/// Renders the template's example draft in the browser, with the same renderer as
/// the CLI, and starts the download; returns the message to show.
fn download_example(spec: &FormSpec) -> String {
    let draft = wengao::example::example(spec, wengao::example::Length::PageLimit);
    let bytes = wengao::docx::render(spec, &draft, &wengao::docx::RenderOptions::default());
    let name = format!("{}-示例.docx", spec.name);
    let blob = gloo_file::Blob::new_with_options(
        bytes.as_slice(),
        Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    );
    let url = gloo_file::ObjectUrl::from(blob);
    let anchor = document().create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    match anchor {
        Some(a) => {
            a.set_href(&url);
            a.set_download(&name);
            a.click();
            format!("已生成 {name}（{:.1} KB）", bytes.len() as f64 / 1024.0)
        }
        None => "浏览器不支持下载".to_string(),
    }
}
