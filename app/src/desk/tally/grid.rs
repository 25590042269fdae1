//! The sheet on the screen as a grid like the paper one (a row per person, a
//! column per item), entered from the keyboard alone: the 表号 and Enter,
//! then a digit a cell (the focus moves on by itself), → to leave a cell
//! blank, Backspace to take the last one back, Enter to save and begin the
//! next sheet, Ctrl+Z to undo.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{focus, Entry};

fn cell_id(cell: usize) -> String {
    format!("tally-cell-{cell}")
}

/// A mark as the cell shows it.
fn shown(mark: u8) -> String {
    if mark == 0 {
        String::new()
    } else {
        mark.to_string()
    }
}

/// What a key does in cell `cell` of a grid `width` items wide.
fn key_in_cell(entry: Entry, ev: &web_sys::KeyboardEvent, cell: usize, cells: usize, width: usize) {
    let mark_at = |c: usize| entry.current.with_untracked(|s| s.marks.get(c).copied().unwrap_or(0));
    let go = |c: usize| focus(&cell_id(c.min(cells - 1)));
    let handled = match ev.key().as_str() {
        "Enter" => {
            entry.save();
            true
        }
        "Backspace" if mark_at(cell) != 0 => {
            entry.mark(cell, 0);
            true
        }
        "Backspace" if cell > 0 => {
            entry.mark(cell - 1, 0);
            go(cell - 1);
            true
        }
        "Delete" => {
            entry.mark(cell, 0);
            true
        }
        "ArrowRight" => {
            go(cell + 1);
            true
        }
        "ArrowLeft" => {
            go(cell.saturating_sub(1));
            true
        }
        "ArrowDown" => {
            go(cell + width);
            true
        }
        "ArrowUp" => {
            go(cell.saturating_sub(width));
            true
        }
        "z" | "Z" if ev.ctrl_key() || ev.meta_key() => {
            if let Some(c) = entry.undo() {
                go(c);
            }
            true
        }
        _ => false,
    };
    if handled {
        ev.prevent_default();
    }
}

/// What was typed into cell `cell` (by key or by an input method): the last
/// character the event brought (`data`: the caret may stand before the old
/// digit, so the value's last character could be the old one), else the
/// value's (a paste brings no `data`), as a mark, the focus on to the next
/// cell; nothing left clears it; or why not.
fn typed_in_cell(entry: Entry, input: &web_sys::HtmlInputElement, data: Option<String>, cell: usize, cells: usize) {
    let typed = data.and_then(|d| d.chars().last()).or_else(|| input.value().chars().last());
    if let Some(c) = typed {
        match entry.setup.with_untracked(|s| s.as_ref().map(|s| s.mark_of(c))) {
            Some(Ok(mark)) => {
                entry.mark(cell, mark);
                if cell + 1 < cells {
                    focus(&cell_id(cell + 1));
                } else {
                    entry.message.set("这张表录完了：按回车保存，接着录下一张".into());
                }
            }
            Some(Err(why)) => entry.message.set(why),
            None => {}
        }
    } else {
        entry.mark(cell, 0);
    }
    input.set_value(&shown(entry.current.with_untracked(|s| s.marks.get(cell).copied().unwrap_or(0))));
}

fn input_of(ev: &web_sys::Event) -> Option<web_sys::HtmlInputElement> {
    ev.target().and_then(|t| t.dyn_into().ok())
}

#[component]
pub(super) fn Grid(entry: Entry) -> impl IntoView {
    let number_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            if entry.checked_number().is_some() {
                let first_blank = entry.current.with_untracked(|s| s.marks.iter().position(|m| *m == 0).unwrap_or(0));
                entry.message.set(String::new());
                focus(&cell_id(first_blank));
            }
        }
    };
    let legend = move || entry.setup.with(|s| s.as_ref().map(|s| s.legend()).unwrap_or_default());
    let grid = move || {
        let setup = entry.setup.get()?;
        let (width, cells) = (setup.items.len(), setup.cells());
        let rows = setup
            .persons
            .iter()
            .enumerate()
            .map(|(p, person)| {
                let inputs = setup
                    .items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        let cell = p * width + i;
                        let label = format!("{}{}：{item}", person.unit, person.name);
                        view! {
                            <td>
                                <input
                                    id=cell_id(cell)
                                    type="text"
                                    inputmode="numeric"
                                    autocomplete="off"
                                    aria-label=label
                                    prop:value=move || entry.current.with(|s| shown(s.marks.get(cell).copied().unwrap_or(0)))
                                    on:focus=move |ev| {
                                        if let Some(input) = input_of(&ev) {
                                            input.select();
                                        }
                                    }
                                    on:keydown=move |ev| key_in_cell(entry, &ev, cell, cells, width)
                                    on:input=move |ev| {
                                        let composing = ev.dyn_ref::<web_sys::InputEvent>().is_some_and(web_sys::InputEvent::is_composing);
                                        let data = ev.dyn_ref::<web_sys::InputEvent>().and_then(web_sys::InputEvent::data);
                                        if let (false, Some(input)) = (composing, input_of(&ev)) {
                                            typed_in_cell(entry, &input, data, cell, cells);
                                        }
                                    }
                                    on:compositionend=move |ev| {
                                        if let Some(input) = input_of(&ev) {
                                            typed_in_cell(entry, &input, ev.data(), cell, cells);
                                        }
                                    }
                                />
                            </td>
                        }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{format!("{} {}", person.unit, person.name)}</th>
                        {inputs}
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <table class="tally-grid" aria-label="这张测评表">
                <thead>
                    <tr>
                        <th scope="col">"述职人"</th>
                        {setup.items.iter().map(|i| view! { <th scope="col">{i.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        })
    };
    let editing = move || entry.editing.get().is_some();
    view! {
        <div class="tally-head">
            <label>"表号"
                <input id="tally-number" type="text" inputmode="numeric" autocomplete="off" size="6"
                    placeholder=move || entry.current.with(|s| s.number.to_string())
                    prop:value=move || entry.number.get()
                    on:input=move |ev| entry.number.set(event_target_value(&ev))
                    on:keydown=number_key/>
            </label>
            <span class="legend">{legend}</span>
            <button type="button" on:click=move |_| { entry.save(); }>"保存这张（回车）"</button>
            <button type="button" on:click=move |_| {
                if let Some(c) = entry.undo() {
                    focus(&cell_id(c));
                }
            }>"撤销（Ctrl+Z）"</button>
            <Show when=editing>
                <button type="button" on:click=move |_| entry.cancel()>"不改了"</button>
                <button type="button" on:click=move |_| entry.delete()>"删除这张表"</button>
            </Show>
        </div>
        <p class="tally-status" role="status" aria-live="polite">{move || entry.message.get()}</p>
        {grid}
    }
}
