//! The desk's table: one row per file, sorted by any column (a click on its
//! header, again for the other way), filtered by words (file, 单位, 姓名) and by
//! verdict.

use std::cmp::Ordering;

use leptos::prelude::*;
use wengao::audit::group;
use wengao::audit::summary::Summary;

use super::Batch;

/// The columns, each with how its cell reads and how rows compare by it.
#[derive(Clone, Copy, PartialEq)]
enum Column {
    File,
    Template,
    Unit,
    Person,
    Words,
    FilePages,
    Pages,
    Pictures,
    Hints,
    Scored,
    Pairing,
    Verdict,
}

const COLUMNS: [(Column, &str); 12] = [
    (Column::File, "文件"),
    (Column::Template, "模板"),
    (Column::Unit, "单位"),
    (Column::Person, "姓名"),
    (Column::Words, "字数"),
    (Column::FilePages, "页数"),
    (Column::Pages, "按模板格式估计页数"),
    (Column::Pictures, "图片"),
    (Column::Hints, "校对提示"),
    (Column::Scored, "测评指标"),
    (Column::Pairing, "配套"),
    (Column::Verdict, "结论"),
];

impl Column {
    fn cell(self, r: &Summary) -> String {
        if r.unchecked.is_some() && !matches!(self, Column::File | Column::Verdict) {
            return String::new();
        }
        match self {
            Column::File => r.file.clone(),
            Column::Template => r.template.clone(),
            Column::Unit => r.unit.clone(),
            Column::Person => r.person.clone(),
            Column::Words => r.words.to_string(),
            Column::FilePages => r.pages_cell(),
            Column::Pages => r.pages.clone(),
            Column::Pictures => r.pictures.to_string(),
            Column::Hints => r.hints.to_string(),
            Column::Scored if r.scored > 0 => format!("{}/{}", r.covered, r.scored),
            Column::Scored => String::new(),
            Column::Pairing => r.pairing.clone(),
            Column::Verdict => r.verdict(),
        }
    }

    fn compare(self, a: &Summary, b: &Summary) -> Ordering {
        match self {
            Column::Words => a.words.cmp(&b.words),
            Column::Pictures => a.pictures.cmp(&b.pictures),
            Column::Hints => a.hints.cmp(&b.hints),
            Column::Scored => a.covered.cmp(&b.covered),
            // A unit's files together, its report before the cases sent with it.
            Column::Unit => {
                let key = |r: &Summary| (group::unit_key(&r.unit), r.goes_with.is_some(), r.file.clone());
                key(a).cmp(&key(b))
            }
            // Those to send back first, then those to read, then the ones that pass.
            Column::Verdict => (!a.passes(), a.must_fix()).cmp(&(!b.passes(), b.must_fix())).reverse(),
            other => other.cell(a).cmp(&other.cell(b)),
        }
    }
}

/// A row as the table shows it: its index in the batch and what may change
/// under it (the template chosen, how it stands with its unit's other files).
#[derive(Clone, PartialEq, Eq, Hash)]
struct Shown {
    index: usize,
    template: String,
    pairing: String,
    verdict: String,
}

/// Which rows the verdict filter keeps.
#[derive(Clone, Copy, PartialEq)]
enum Showing {
    All,
    ToFix,
    Passing,
}

#[component]
pub(super) fn Table(batch: Batch) -> impl IntoView {
    let sort = RwSignal::new(None::<(Column, bool)>);
    let words = RwSignal::new(String::new());
    let showing = RwSignal::new(Showing::All);
    // The rows shown, filtered and sorted, each keyed by what it shows: a row
    // is built once, and anew only when that changes (checked again under
    // another template, or its unit's other files came in).
    let shown = Memo::new(move |_| {
        batch.rows.with(|rows| {
            let needle = words.get();
            let mut out: Vec<usize> = (0..rows.len())
                .filter(|&i| {
                    let r = &rows[i];
                    let matches = needle.trim().is_empty() || [&r.file, &r.unit, &r.person].iter().any(|t| t.contains(needle.trim()));
                    let kept = match showing.get() {
                        Showing::All => true,
                        Showing::ToFix => !r.passes(),
                        Showing::Passing => r.passes(),
                    };
                    matches && kept
                })
                .collect();
            if let Some((column, ascending)) = sort.get() {
                out.sort_by(|&a, &b| {
                    let o = column.compare(&rows[a], &rows[b]);
                    if ascending {
                        o
                    } else {
                        o.reverse()
                    }
                });
            }
            out.into_iter()
                .map(|i| Shown {
                    index: i,
                    template: rows[i].template.clone(),
                    pairing: rows[i].pairing.clone(),
                    verdict: rows[i].verdict(),
                })
                .collect::<Vec<_>>()
        })
    });
    let header = move |(column, name): (Column, &'static str)| {
        let state = move || match sort.get() {
            Some((c, true)) if c == column => "ascending",
            Some((c, false)) if c == column => "descending",
            _ => "none",
        };
        let click = move |_| sort.update(|s| *s = Some((column, !matches!(*s, Some((c, true)) if c == column))));
        view! { <th scope="col" aria-sort=state><button type="button" class="sort" on:click=click>{name}</button></th> }
    };
    let passing = move || batch.rows.with(|r| r.iter().filter(|r| r.passes()).count());
    view! {
        <Show when=move || batch.rows.with(|r| !r.is_empty())>
            <div class="desk-filters">
                <label>"查找（文件名、单位、姓名）"<input type="text" on:input=move |ev| words.set(event_target_value(&ev))/></label>
                <label>"显示"
                    <select on:change=move |ev| showing.set(match event_target_value(&ev).as_str() {
                        "fix" => Showing::ToFix,
                        "pass" => Showing::Passing,
                        _ => Showing::All,
                    })>
                        <option value="all">"全部"</option>
                        <option value="fix">"需要修改和读不了的"</option>
                        <option value="pass">"可以报送的"</option>
                    </select>
                </label>
                <span class="tally">{move || format!("共{}个，可以报送{}个", batch.rows.with(Vec::len), passing())}</span>
            </div>
            <table class="desk-table" aria-label="审核表">
                <thead><tr>{COLUMNS.into_iter().map(header).collect_view()}</tr></thead>
                <tbody>
                    <For each=move || shown.get() key=Shown::clone let:row>
                        {batch.rows.with_untracked(|rows| rows.get(row.index).cloned()).map(|r| {
                            let i = row.index;
                            view! {
                            <tr class:fix=!r.passes() class:open=move || batch.open.get() == Some(i)>
                                {COLUMNS
                                    .into_iter()
                                    .map(|(column, _)| {
                                        let text = column.cell(&r);
                                        if column == Column::File {
                                            let label = format!("查看 {text}");
                                            view! {
                                                <td><button type="button" class="link" on:click=move |_| batch.open.set(Some(i)) aria-label=label>{text}</button></td>
                                            }
                                            .into_any()
                                        } else {
                                            view! { <td>{text}</td> }.into_any()
                                        }
                                    })
                                    .collect_view()}
                            </tr>
                        }})}
                    </For>
                </tbody>
            </table>
        </Show>
    }
}
