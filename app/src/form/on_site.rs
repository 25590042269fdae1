//! 现场述职 (templates that give a 述职时长): the slides for the talk,
//! exported from the draft as it is (wengao::slides), and the points a
//! questioner would pick from the report's own 问题 part, with their numbers,
//! as a reminder to prepare — nothing invented.

use leptos::prelude::*;
use wengao::{document, slides};

use super::ctx::{Ctx, Derived, Ui};

const PPTX_TYPE: &str = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

/// 导出演示文稿: the deck rendered in the browser by the CLI's code.
#[component]
pub fn SlidesButton() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let ui = expect_context::<Ui>();
    let export = move |_| {
        let Some(Slides { bytes, name, count }) = slides(ctx) else { return };
        ui.notice.set(match ui.deliver(&bytes, &name, PPTX_TYPE) {
            Ok(()) => format!("已导出 {name}（{count}页幻灯片，备注里是每页对应的原文）"),
            Err(e) => e,
        });
    };
    view! { <button type="button" on:click=export>"导出演示文稿（.pptx）"</button> }
}

/// A deck rendered, with its file name and number of slides.
pub(crate) struct Slides {
    pub(crate) bytes: Vec<u8>,
    pub(crate) name: String,
    pub(crate) count: usize,
}

/// The deck of the draft as it is (None once the form has closed).
pub(crate) fn slides(ctx: Ctx) -> Option<Slides> {
    let options = super::export::render_options();
    ctx.spec
        .try_with_value(|spec| {
            ctx.draft.try_with_untracked(|draft| {
                let (doc, deck) = slides::of(spec, draft);
                let name = document::file_name(spec, draft);
                Slides {
                    bytes: slides::pptx::render(&doc, &deck, &spec.style, &options),
                    name: format!("{}.pptx", name.trim_end_matches(".docx")),
                    count: deck.slides.len() + 1,
                }
            })
        })
        .flatten()
}

/// The likely questions, brought up to date with the checks (after a pause in typing).
#[component]
pub fn Questions() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let derived = expect_context::<Derived>();
    let questions = Memo::new(move |_| {
        derived.checked.track();
        ctx.spec.with_value(|spec| ctx.draft.with_untracked(|draft| slides::questions(&document::assemble(spec, draft))))
    });
    let minutes = ctx.spec.with_value(|s| s.speaking.as_ref().map(|sp| sp.describe())).unwrap_or_default();
    view! {
        <section class="on-site" aria-labelledby=ctx.id("on-site-heading")>
            <h2 id=ctx.id("on-site-heading")>"现场述职"</h2>
            <p class="hint">{format!("现场述职的要同步准备演示文稿（述职时长{minutes}）：工具栏的“导出演示文稿”按报告的结构做好，每页的备注是对应的原文。述职后要回答提问，方案要求“多提存在的问题”：下面是报告“问题”部分的每一点和其中的数字，最可能被问到，请准备好怎么回答。")}</p>
            {move || {
                let list = questions.get();
                if list.is_empty() {
                    return view! { <p class="hint">"报告的“问题”部分还没有写内容。"</p> }.into_any();
                }
                view! {
                    <ol class="questions" aria-label="可能被问到的问题">
                        {list.into_iter().map(|q| {
                            let numbers = (!q.numbers.is_empty()).then(|| view! { <span class="numbers">{format!("数字：{}", q.numbers.join("、"))}</span> });
                            view! { <li><span class="under">{q.under}</span>" "{q.point}" "{numbers}</li> }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}
