//! A picture slot: pictures added by choosing or dropping files (checked by the
//! core and the browser's decoder), shown with their captions, moved and
//! removed. Pictures are a keyed list: a move moves that picture's view (and
//! its object URL), nothing else is rebuilt.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wengao::document::Owner;
use wengao::draft::Picture;
use wengao::edit;
use wengao::identity::PICTURES;

use super::ctx::{index_in, refocus, Ctx};
use crate::files;

/// A picture slot: file picker and drop, thumbnails, captions, remove.
#[component]
pub fn Pictures(path: Signal<Owner>, min: u32, max: u32, formats: String, caption_label: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let message = RwSignal::new(String::new());
    let keys = ctx.keys_of(path, PICTURES);
    let add_files = move |files: Vec<gloo_file::File>| {
        spawn_local(async move {
            for file in files {
                let name = file.name();
                let bytes = match gloo_file::futures::read_as_bytes(&file).await {
                    Ok(b) => b,
                    Err(_) => {
                        message.set(format!("{name}：读不了这个文件"));
                        continue;
                    }
                };
                let picture = match Picture::from_bytes(&name, bytes) {
                    Ok(pic) => pic,
                    Err(e) if e.contains("不是完整的") => {
                        message.set(format!("{e}；请选 JPEG 或 PNG 格式的照片"));
                        continue;
                    }
                    Err(e) => {
                        message.set(e);
                        continue;
                    }
                };
                // The browser's own decoder has the last word (broken JPEG data).
                if !files::browser_decodes(&picture.data, picture.format).await {
                    message.set(format!("“{name}”的图像数据是坏的，浏览器解不开，Word 也显示不了；请换一幅"));
                    continue;
                }
                let info = wengao::picture::PictureInfo { format: picture.format, width: picture.width, height: picture.height };
                let warning = wengao::picture::print_warning(&name, &info);
                // The slot may have gone (removed, the form rebuilt) while the file was read.
                let Some(at) = path.try_get_untracked() else { return };
                let added = ctx.change(|f| f.add_picture(&at, picture, max as usize));
                message.set(match added {
                    Some(Err(refused)) => refused,
                    _ => warning.unwrap_or_default(),
                });
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| add_files(files::input_files(&ev));
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        add_files(files::files_of(ev.data_transfer().and_then(|d| d.files())));
    };
    view! {
        <div class="pictures" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
            <p class="hint">{format!("图片{min}至{max}幅，{formats}格式；可以拖进来，也可以")}
                <label class="file-button">"选择图片"<input type="file" accept="image/*" multiple on:change=on_pick aria-label="选择图片"/></label>
            </p>
            <p class="message" role="alert">{move || message.get()}</p>
            <ol class="picture-list">
                <For each=move || keys.get() key=|k| *k let:key>
                    <PictureView path key keys caption_label=caption_label.clone()/>
                </For>
            </ol>
        </div>
    }
}

/// One picture: thumbnail, name, caption, and move up, move down and remove.
#[component]
fn PictureView(path: Signal<Owner>, key: u64, keys: Memo<Vec<u64>>, caption_label: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let index = index_in(keys, key);
    let count = Signal::derive(move || keys.with(Vec::len));
    let Some(pic) =
        ctx.draft.with_untracked(|d| edit::item(d, &path.get_untracked()).and_then(|i| i.pictures.get(index.get_untracked()).cloned()))
    else {
        return ().into_any();
    };
    let mime = if pic.format == wengao::spec::PictureFormat::Jpeg { "image/jpeg" } else { "image/png" };
    let url = gloo_file::ObjectUrl::from(gloo_file::Blob::new_with_options(pic.data.as_slice(), Some(mime)));
    let src = url.to_string();
    // The object URL lives as long as this view.
    let url = StoredValue::new_local(Some(url));
    on_cleanup(move || url.set_value(None));
    let set_caption = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let i = index.get_untracked();
        ctx.draft.update(|d| {
            if let Some(p) = edit::item_mut(d, &path.get_untracked()).and_then(|it| it.pictures.get_mut(i)) {
                p.caption = v;
            }
        });
    };
    let moved = move |ev: leptos::ev::MouseEvent, up: bool| {
        if ctx.change(|f| f.move_picture(&path.get_untracked(), index.get_untracked(), up)) == Some(true) {
            refocus(&ev);
        }
    };
    let remove = move |_| {
        ctx.change(|f| f.remove_picture(&path.get_untracked(), index.get_untracked()));
    };
    let n = move || index.get() + 1;
    let name = pic.name.clone();
    let caption_aria = caption_label.clone();
    view! {
        <li class="picture">
            <img src=src alt=move || format!("第{}幅：{name}", n())/>
            <span class="picture-name">{format!("{}（{}×{}）", pic.name, pic.width, pic.height)}</span>
            <input type="text" aria-label=move || format!("第{}幅的{caption_aria}", n()) placeholder=caption_label prop:value=pic.caption.clone() on:input=set_caption/>
            <button type="button" class="small" disabled={move || index.get() == 0} aria-label=move || format!("前移第{}幅图片", n()) on:click=move |ev| moved(ev, true)>"↑"</button>
            <button type="button" class="small" disabled={move || index.get() + 1 >= count.get()} aria-label=move || format!("后移第{}幅图片", n()) on:click=move |ev| moved(ev, false)>"↓"</button>
            <button type="button" class="small" aria-label=move || format!("删除第{}幅图片", n()) on:click=remove>"删除"</button>
        </li>
    }
    .into_any()
}
