//! The loose paragraphs under the form: 未归类的段落 (what an import could not
//! place, or a draft held beyond the template's limits) and 模板中已没有的部分
//! (what a template edit left without a part). Kept in the draft in order; one
//! choice of where to (any text or point), then one click per paragraph moves it
//! there. Nothing here is exported; the moves are the core's (edit.rs). The
//! pictures with nowhere to go are listed the same way (LoosePictures).

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
    let (id, heading_id) = (ctx.id(id), ctx.id(&format!("{id}-heading")));
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
            <section class="unplaced" id=id.clone() aria-labelledby=heading_id.clone()>
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

/// 未归类的图片: pictures with nowhere to go (an imported file's, where the
/// template has no picture slot; a slot's beyond its limit), each shown with
/// its caption, moved into a picture slot of the form or deleted. Kept in the
/// draft and its file; not exported until moved.
#[component]
pub fn LoosePictures() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let ui = expect_context::<Ui>();
    // What identifies them, without their bytes (compared: typing elsewhere rebuilds nothing).
    let pictures = Memo::new(move |_| {
        ctx.draft.with(|d| {
            d.unplaced_pictures.iter().map(|p| (p.name.clone(), p.width, p.height, p.caption.clone(), p.data.len())).collect::<Vec<_>>()
        })
    });
    let targets = Memo::new(move |_| {
        ctx.structure.track();
        ctx.ids.track();
        pictures.track();
        ctx.draft.with_untracked(|d| ctx.spec.with_value(|s| wengao::edit::picture_targets(s, d)))
    });
    let choice = RwSignal::new(0usize);
    let message = RwSignal::new(String::new());
    view! {
        <Show when=move || pictures.with(|p| !p.is_empty())>
            <section class="unplaced" id=ctx.id("unplaced-pictures") aria-labelledby=ctx.id("unplaced-pictures-heading")>
                <h2 id=ctx.id("unplaced-pictures-heading")>{move || format!("未归类的图片（{}幅）", pictures.with(Vec::len))}</h2>
                <Show
                    when=move || targets.with(|t| !t.is_empty())
                    fallback=|| view! { <p class="hint">"导入的文件里有这些图片，这个模板没有放图片的地方，不会导出。草稿文件里保留着它们；用不着的可以删除。"</p> }
                >
                    <p class="hint">"没能放进图片位的图片，不会导出。先选好要放进哪里，再点图片后面的“移过去”；用不着的可以删除。"</p>
                    <label class="unplaced-target">"移到 "
                        <select aria-label="未归类的图片移到" on:change=move |ev| choice.set(event_target_value(&ev).parse().unwrap_or(0))>
                            {move || targets.get().into_iter().enumerate().map(|(k, (_, name, max))| view! { <option value=k.to_string() selected=move || choice.get() == k>{format!("{name}（最多{max}幅）")}</option> }).collect_view()}
                        </select>
                    </label>
                </Show>
                <p class="message" role="alert">{move || message.get()}</p>
                <ol>
                    {move || {
                        pictures
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, (name, width, height, caption, _))| {
                                let move_it = move |_| {
                                    let Some((path, slot, max)) = targets.with_untracked(|t| t.get(choice.get_untracked()).cloned()) else { return };
                                    match ctx.change(|f| f.place_loose_picture(&path, i, max)) {
                                        Some(Ok(())) => {
                                            message.set(String::new());
                                            ui.notice.set(format!("已移到“{slot}”"));
                                        }
                                        Some(Err(refused)) => message.set(refused),
                                        None => {}
                                    }
                                };
                                let remove = move |_| {
                                    ctx.draft.update(|d| {
                                        wengao::edit::remove_loose_picture(d, i);
                                    });
                                };
                                let has_targets = move || targets.with(|t| !t.is_empty());
                                view! {
                                    <li class="unplaced-paragraph unplaced-picture">
                                        <LooseThumbnail index=i name=name.clone()/>
                                        <p>{format!("{name}（{width}×{height}）")}{(!caption.is_empty()).then(|| format!("：{caption}"))}</p>
                                        <Show when=has_targets>
                                            <button type="button" class="small" on:click=move_it aria-label=format!("把第{}幅图片移过去", i + 1)>"移过去"</button>
                                        </Show>
                                        <button type="button" class="small" on:click=remove aria-label=format!("删除第{}幅未归类的图片", i + 1)>"删除"</button>
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

/// An unplaced picture's thumbnail (its object URL lives as long as the view).
#[component]
fn LooseThumbnail(index: usize, name: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let Some((data, format)) = ctx.draft.with_untracked(|d| d.unplaced_pictures.get(index).map(|p| (p.data.clone(), p.format))) else {
        return ().into_any();
    };
    let mime = if format == wengao::spec::PictureFormat::Jpeg { "image/jpeg" } else { "image/png" };
    let url = gloo_file::ObjectUrl::from(gloo_file::Blob::new_with_options(data.as_slice(), Some(mime)));
    let src = url.to_string();
    let url = StoredValue::new_local(Some(url));
    on_cleanup(move || url.set_value(None));
    view! { <img src=src alt=name/> }.into_any()
}
