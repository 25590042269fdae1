//! A table part: a row of inputs per entry (a 序号 column numbered by row), rows
//! added and removed within the template's limits.

use leptos::prelude::*;
use wengao::document::Owner;
use wengao::edit;
use wengao::spec::FieldKind;

use super::ctx::Ctx;

/// A table: a row of inputs per entry, with add and remove.
#[component]
pub fn TableView(
    path: Signal<Owner>,
    title: String,
    columns: Vec<wengao::spec::Column>,
    repeat: Option<wengao::spec::Repeat>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let version = RwSignal::new(0u32);
    let columns2 = columns.clone();
    let add = move |_| {
        let result = ctx.spec.with_value(|s| ctx.draft.try_update(|d| edit::add_row(s, d, &path.get_untracked())));
        match result {
            Some(Ok(())) => version.update(|v| *v += 1),
            Some(Err(e)) => ctx.notice.set(e),
            None => {}
        }
    };
    let limits = repeat.map(|r| match r.max {
        Some(max) => format!("{}至{max}行", r.min),
        None => format!("至少{}行", r.min),
    });
    view! {
        <div class="table">
            <p class="table-title">{title.clone()}{limits.map(|l| format!("（{l}）"))}</p>
            <table>
                <thead><tr><th>"序号"</th>{columns.iter().map(|c| view! { <th>{c.label.clone()}</th> }).collect_view()}<th></th></tr></thead>
                <tbody>
                    {move || {
                        version.track();
                        let rows = ctx.draft.with_untracked(|d| edit::item(d, &path.get_untracked()).map(|i| i.rows.clone()).unwrap_or_default());
                        rows.into_iter()
                            .enumerate()
                            .map(|(r, row)| {
                                let cells = columns2
                                    .iter()
                                    .map(|c| {
                                        let cid = c.id.clone();
                                        let value = row.get(&c.id).cloned().unwrap_or_default();
                                        let set = move |ev: leptos::ev::Event| {
                                            let v = event_target_value(&ev);
                                            ctx.draft.update(|d| {
                                                if let Some(row) = edit::item_mut(d, &path.get_untracked()).and_then(|it| it.rows.get_mut(r)) {
                                                    row.insert(cid.clone(), v);
                                                }
                                            });
                                        };
                                        let aria = format!("第{}行{}", r + 1, c.label);
                                        let input = match &c.kind {
                                            FieldKind::Choice { options } => view! {
                                                <select aria-label=aria on:change=set>
                                                    <option value="">"请选择"</option>
                                                    {options.iter().map(|o| view! { <option value=o.clone() selected={*o == value}>{o.clone()}</option> }).collect_view()}
                                                </select>
                                            }
                                            .into_any(),
                                            FieldKind::YearMonth => {
                                                let month = wengao::values::year_month(&wengao::values::normalise(&value)).map(|(y, m)| format!("{y:04}-{m:02}")).unwrap_or_default();
                                                view! { <input type="month" aria-label=aria prop:value=month on:change=set/> }.into_any()
                                            }
                                            // Numbered by the row's place, never typed.
                                            FieldKind::RowNumber => view! { <span class="row-number" aria-label=aria>{r + 1}</span> }.into_any(),
                                            _ => view! { <textarea aria-label=aria rows="2" prop:value=value on:input=set></textarea> }.into_any(),
                                        };
                                        view! { <td>{input}</td> }
                                    })
                                    .collect_view();
                                let remove = move |_| {
                                    let result = ctx.spec.with_value(|s| ctx.draft.try_update(|d| edit::remove_row(s, d, &path.get_untracked(), r)));
                                    match result {
                                        Some(Ok(())) => version.update(|v| *v += 1),
                                        Some(Err(e)) => ctx.notice.set(e),
                                        None => {}
                                    }
                                };
                                view! {
                                    <tr>
                                        <td>{r + 1}</td>
                                        {cells}
                                        <td><button type="button" class="small" aria-label=format!("删除第{}行", r + 1) on:click=remove>"删除"</button></td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            <button type="button" on:click=add aria-label=format!("给{title}添加一行")>"＋ 添加一行"</button>
        </div>
    }
}
