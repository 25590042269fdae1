//! The sheets entered (each opens to be corrected) and what they add up to:
//! per person and item the share of the top two grades, the 总体评价's counts,
//! and the summary as Word, Excel and the entered sheets as .csv.

use leptos::prelude::*;
use wengao::tally::{self, output, read};

use super::Entry;

/// The saved sheets by 表号, each a button that opens it.
#[component]
pub(super) fn Sheets(entry: Entry) -> impl IntoView {
    let heading = move || format!("已录的表（{}张）", entry.sheets.with(Vec::len));
    view! {
        <h3>{heading}</h3>
        <ul class="tally-sheets" aria-label="已录的表">
            <For each=move || entry.sheets.get() key=|s| (s.number, s.marks.clone()) let:sheet>
                {
                    let number = sheet.number;
                    let label = match sheet.blanks() {
                        0 => format!("第{number}号"),
                        n => format!("第{number}号（{n}格未评）"),
                    };
                    view! {
                        <li>
                            <button type="button" class="small" class:open=move || entry.editing.get() == Some(number) on:click=move |_| entry.open(number)>{label}</button>
                        </li>
                    }
                }
            </For>
        </ul>
    }
}

/// The counts so far, and the exports (`export`: true for Word, false for Excel).
#[component]
pub(super) fn Summary(entry: Entry, export: Callback<bool>) -> impl IntoView {
    let counts = Memo::new(move |_| entry.setup.with(|s| s.as_ref().map(|s| entry.sheets.with(|sheets| tally::count(s, sheets)))));
    let csv = move |_| {
        let (Some(setup), sheets) = (entry.setup.get_untracked(), entry.sheets.get_untracked()) else { return };
        let text = read::to_csv(&read::rows(&setup, &sheets));
        entry.message.set(crate::desk::saved(text.as_bytes(), "测评表录入明细.csv", "text/csv;charset=utf-8", String::new()));
    };
    let table = move || {
        let setup = entry.setup.get()?;
        let counts = counts.get()?;
        let explanation = entry.sheets.with(|s| output::explanation(&setup, s));
        let width = setup.items.len();
        let overall = width - 1;
        let rows = setup
            .persons
            .iter()
            .enumerate()
            .map(|(p, person)| {
                let shares = (0..width).map(|i| view! { <td>{counts[p * width + i].percent()}</td> }).collect_view();
                let c = &counts[p * width + overall];
                let each: Vec<String> = setup.grades.iter().zip(&c.grades).map(|(g, n)| format!("{g}{n}")).collect();
                let each = format!("{}，未评{}", each.join(" "), c.blank);
                view! {
                    <tr>
                        <th scope="row">{format!("{} {}", person.unit, person.name)}</th>
                        {shares}
                        <td>{each}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <p>{explanation}</p>
            <table class="tally-summary" aria-label="汇总">
                <thead>
                    <tr>
                        <th scope="col">"述职人"</th>
                        {setup.items.iter().map(|i| view! { <th scope="col">{format!("{i}（{}占比）", setup.top_names())}</th> }).collect_view()}
                        <th scope="col">"总体评价各等次张数"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        })
    };
    let none = move || entry.sheets.with(Vec::is_empty);
    view! {
        <h3>"汇总"</h3>
        <p>
            <button type="button" disabled=none on:click=move |_| export.run(true)>"导出汇总（.docx）"</button>
            <button type="button" disabled=none on:click=move |_| export.run(false)>"导出汇总（.xlsx）"</button>
            <button type="button" disabled=none on:click=csv>"导出录入明细（.csv）"</button>
        </p>
        {table}
    }
}
