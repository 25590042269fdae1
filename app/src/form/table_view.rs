//! A table part: a row of inputs per entry (a 序号 column numbered by row), rows
//! added, moved and removed within the template's limits. Rows are a keyed list:
//! a move or a removal moves or drops that row's inputs, nothing else is rebuilt.

use leptos::prelude::*;
use wengao::document::Owner;
use wengao::edit;
use wengao::identity::ROWS;
use wengao::spec::{Column, FieldKind};

use super::ctx::{index_in, refocus, Ctx, Ui};
use super::inputs::YearMonthInput;

/// A table: a row of inputs per entry, with add, move and remove.
#[component]
pub fn TableView(path: Signal<Owner>, title: String, columns: Vec<Column>, repeat: Option<wengao::spec::Repeat>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let ui = expect_context::<Ui>();
    let add = move |_| {
        if let Some(Err(e)) = ctx.spec.with_value(|s| ctx.change(|f| f.add_row(s, &path.get_untracked()))) {
            ui.notice.set(e);
        }
    };
    let limits = repeat.map(|r| match r.max {
        Some(max) => format!("{}至{max}行", r.min),
        None => format!("至少{}行", r.min),
    });
    let rows = ctx.keys_of(path, ROWS);
    // The form numbers the rows itself unless the template has a 序号 column (then two columns said the same).
    let numbered = !columns.iter().any(|c| c.kind == FieldKind::RowNumber);
    let header = columns.iter().map(|c| view! { <th>{c.label.clone()}</th> }).collect_view();
    view! {
        <div class="table">
            <p class="table-title">{title.clone()}{limits.map(|l| format!("（{l}）"))}</p>
            <table>
                <thead><tr>{numbered.then(|| view! { <th>"序号"</th> })}{header}<th>"调整"</th></tr></thead>
                <tbody>
                    <For each=move || rows.get() key=|k| *k let:key>
                        <Row path key columns=columns.clone() keys=rows numbered/>
                    </For>
                </tbody>
            </table>
            <button type="button" on:click=add aria-label=format!("给{title}添加一行")>"＋ 添加一行"</button>
        </div>
    }
}

/// One row: its cells, and move up, move down and remove.
#[component]
fn Row(path: Signal<Owner>, key: u64, columns: Vec<Column>, keys: Memo<Vec<u64>>, numbered: bool) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let ui = expect_context::<Ui>();
    let index = index_in(keys, key);
    let count = Signal::derive(move || keys.with(Vec::len));
    // The row as it was when its view was made: the inputs hold what is typed after.
    let row = ctx.draft.with_untracked(|d| {
        edit::item(d, &path.get_untracked()).and_then(|i| i.rows.get(index.get_untracked()).cloned()).unwrap_or_default()
    });
    let cells = columns
        .into_iter()
        .map(|c| {
            let value = row.get(&c.id).cloned().unwrap_or_default();
            let cid = c.id.clone();
            let set_text = move |v: String| {
                let r = index.get_untracked();
                ctx.draft.update(|d| {
                    if let Some(row) = edit::item_mut(d, &path.get_untracked()).and_then(|it| it.rows.get_mut(r)) {
                        row.insert(cid.clone(), v);
                    }
                });
            };
            let set = {
                let set_text = set_text.clone();
                move |ev: leptos::ev::Event| set_text(event_target_value(&ev))
            };
            let label = c.label.clone();
            let aria = move || format!("第{}行{label}", index.get() + 1);
            let input = match &c.kind {
                FieldKind::Choice { options } => view! {
                    <select aria-label=aria on:change=set>
                        <option value="">"请选择"</option>
                        {options.iter().map(|o| view! { <option value=o.clone() selected={*o == value}>{o.clone()}</option> }).collect_view()}
                    </select>
                }
                .into_any(),
                FieldKind::YearMonth => view! { <YearMonthInput aria=Signal::derive(aria) initial=value set=Callback::new(set_text)/> }.into_any(),
                // Numbered by the row's place, never typed.
                FieldKind::RowNumber => view! { <span class="row-number" aria-label=aria>{move || index.get() + 1}</span> }.into_any(),
                _ => view! { <textarea aria-label=aria rows="2" prop:value=value on:input=set></textarea> }.into_any(),
            };
            view! { <td>{input}</td> }
        })
        .collect_view();
    let moved = move |ev: leptos::ev::MouseEvent, up: bool| {
        if ctx.change(|f| f.move_row(&path.get_untracked(), index.get_untracked(), up)) == Some(true) {
            refocus(&ev);
        }
    };
    let remove = move |_| {
        if let Some(Err(e)) = ctx.spec.with_value(|s| ctx.change(|f| f.remove_row(s, &path.get_untracked(), index.get_untracked()))) {
            ui.notice.set(e);
        }
    };
    let n = move || index.get() + 1;
    view! {
        <tr>
            {numbered.then(|| view! { <td>{n}</td> })}
            {cells}
            <td class="row-controls">
                <button type="button" class="small" disabled={move || index.get() == 0} aria-label=move || format!("上移第{}行", n()) on:click=move |ev| moved(ev, true)>"↑"</button>
                <button type="button" class="small" disabled={move || index.get() + 1 >= count.get()} aria-label=move || format!("下移第{}行", n()) on:click=move |ev| moved(ev, false)>"↓"</button>
                <button type="button" class="small" aria-label=move || format!("删除第{}行", n()) on:click=remove>"删除"</button>
            </td>
        </tr>
    }
}
