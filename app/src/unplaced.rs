//! 未归类的段落: what an import could not place, kept in the draft in order and
//! shown under the form, each movable into any text or point with one choice and
//! one click. Nothing here is exported; the moves are the core's (edit.rs).

use leptos::prelude::*;

use crate::form::Ctx;

#[component]
pub fn Unplaced() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // Compared, not rebuilt on every keystroke elsewhere in the form.
    let paragraphs = Memo::new(move |_| ctx.draft.with(|d| d.unplaced.clone()));
    let words = move || paragraphs.with(|ps| ps.iter().map(|p| wengao::count::count(p).words).sum::<usize>());
    view! {
        <Show when=move || paragraphs.with(|p| !p.is_empty())>
            <section class="unplaced" id="unplaced" aria-labelledby="unplaced-heading">
                <h2 id="unplaced-heading">{move || format!("未归类的段落（{}段，{}字）", paragraphs.with(Vec::len), words())}</h2>
                <p class="hint">"导入时没能对上模板结构的段落，按原来的顺序放在这里，不会导出。选好要放进的地方，点“移过去”，它会接在那里原有文字的后面；用不着的可以删除。"</p>
                <ol>
                    {move || {
                        ctx.structure.track();
                        let targets = ctx.draft.with_untracked(|d| ctx.spec.with_value(|s| wengao::edit::text_targets(s, d)));
                        paragraphs
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, text)| {
                                let choice = RwSignal::new(0usize);
                                let options = targets.iter().enumerate().map(|(k, (_, name))| view! { <option value=k.to_string()>{name.clone()}</option> }).collect_view();
                                let destinations = targets.clone();
                                let move_it = move |_| {
                                    let Some((path, name)) = destinations.get(choice.get_untracked()).cloned() else { return };
                                    if ctx.draft.try_update(|d| wengao::edit::place_unplaced(d, i, &path)) == Some(true) {
                                        ctx.notice.set(format!("已移到“{name}”"));
                                        ctx.structure.update(|n| *n += 1);
                                    }
                                };
                                let remove = move |_| {
                                    ctx.draft.update(|d| {
                                        if i < d.unplaced.len() {
                                            d.unplaced.remove(i);
                                        }
                                    });
                                    ctx.structure.update(|n| *n += 1);
                                };
                                view! {
                                    <li class="unplaced-paragraph">
                                        <p>{text}</p>
                                        <select aria-label=format!("第{}段移到", i + 1) on:change=move |ev| choice.set(event_target_value(&ev).parse().unwrap_or(0))>{options}</select>
                                        <button type="button" class="small" on:click=move_it aria-label=format!("把第{}段移过去", i + 1)>"移过去"</button>
                                        <button type="button" class="small" on:click=remove aria-label=format!("删除第{}段", i + 1)>"删除"</button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ol>
            </section>
        </Show>
    }
}
