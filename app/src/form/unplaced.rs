//! The loose paragraphs under the form: 未归类的段落 (what an import could not
//! place, or a draft held beyond the template's limits) and 模板中已没有的部分
//! (what a template edit left without a part). Kept in the draft in order; one
//! choice of where to (any text or point), then one click per paragraph moves it
//! there. Nothing here is exported; the moves are the core's (edit.rs).

use leptos::prelude::*;

use wengao::edit::Loose;

use super::ctx::{Ctx, Ui};

/// How many paragraphs are shown at once: a hostile draft may hold thousands.
const SHOWN: usize = 100;

#[component]
pub fn LooseParagraphs(which: Loose) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let ui = expect_context::<Ui>();
    let (id, title, why) = match which {
        Loose::Unplaced => ("unplaced", "未归类的段落", "没能对上模板结构的段落"),
        Loose::Orphaned => ("orphaned", "模板中已没有的部分", "模板改过以后，草稿里那些在新模板中已经没有的部分的文字"),
    };
    let heading_id = format!("{id}-heading");
    // Compared, so that typing elsewhere in the form does not rebuild the list.
    let paragraphs = Memo::new(move |_| ctx.draft.with(|d| wengao::edit::loose(d, which).clone()));
    let words = move || paragraphs.with(|ps| ps.iter().map(|p| wengao::count::count(p).words).sum::<usize>());
    let targets = Memo::new(move |_| {
        ctx.structure.track();
        ctx.ids.track();
        paragraphs.track();
        ctx.draft.with_untracked(|d| ctx.spec.with_value(|s| wengao::edit::text_targets(s, d)))
    });
    let choice = RwSignal::new(0usize);
    view! {
        <Show when=move || paragraphs.with(|p| !p.is_empty())>
            <section class="unplaced" id=id aria-labelledby=heading_id.clone()>
                <h2 id=heading_id.clone()>{move || format!("{title}（{}段，{}字）", paragraphs.with(Vec::len), words())}</h2>
                <p class="hint">{why}"，按原来的顺序放在这里，不会导出。先选好要放进哪里，再点段落后面的“移过去”：它会接在那里原有文字的后面。用不着的可以删除。"</p>
                <label class="unplaced-target">"移到 "
                    <select aria-label=format!("{title}移到") on:change=move |ev| choice.set(event_target_value(&ev).parse().unwrap_or(0))>
                        {move || targets.get().into_iter().enumerate().map(|(k, (_, name))| view! { <option value=k.to_string() selected=move || choice.get() == k>{name}</option> }).collect_view()}
                    </select>
                </label>
                <ol>
                    {move || {
                        paragraphs
                            .get()
                            .into_iter()
                            .take(SHOWN)
                            .enumerate()
                            .map(|(i, text)| {
                                let move_it = move |_| {
                                    let Some((path, name)) = targets.with_untracked(|t| t.get(choice.get_untracked()).cloned()) else { return };
                                    if ctx.draft.try_update(|d| wengao::edit::place_loose(d, which, i, &path)) == Some(true) {
                                        ui.notice.set(format!("已移到“{name}”"));
                                        ctx.rebuild();
                                    }
                                };
                                let remove = move |_| {
                                    ctx.draft.update(|d| {
                                        wengao::edit::remove_loose(d, which, i);
                                    });
                                };
                                view! {
                                    <li class="unplaced-paragraph">
                                        <p>{text}</p>
                                        <button type="button" class="small" on:click=move_it aria-label=format!("把第{}段移过去", i + 1)>"移过去"</button>
                                        <button type="button" class="small" on:click=remove aria-label=format!("删除第{}段", i + 1)>"删除"</button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ol>
                <Show when=move || paragraphs.with(|p| p.len() > SHOWN)>
                    <p class="hint">{move || format!("还有{}段没有列出：先处理上面的，它们会依次出现。", paragraphs.with(Vec::len) - SHOWN)}</p>
                </Show>
            </section>
        </Show>
    }
}
