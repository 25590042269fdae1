//! The 述职测评表 each member of the meeting fills in (the seed's Attachment 3
//! and 4): one row per person who reports (单位 and 书记), one column per
//! 测评指标 of the template and one for 总体评价, each cell the template's
//! grades to tick (测评等次：好、较好、一般、差). Landscape, the header row on
//! every page; printed as a table of the template's style sheet.

use crate::document::{Block, Document, Table};
use crate::spec::{FormSpec, Role, Style};

/// The grades when the template does not name them: the four the seed's
/// district uses for its 测评 (others use 优秀 / 称职 / 基本称职 / 不称职).
pub const DEFAULT_GRADES: [&str; 4] = ["好", "较好", "一般", "差"];

/// Someone who reports at the meeting.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Person {
    pub unit: String,
    pub name: String,
}

/// The template's grades, or [`DEFAULT_GRADES`].
pub fn grades(spec: &FormSpec) -> Vec<String> {
    if spec.grades.is_empty() {
        DEFAULT_GRADES.iter().map(|g| g.to_string()).collect()
    } else {
        spec.grades.clone()
    }
}

/// The people of the booklet's reports (templates that have 测评指标), in order.
pub fn persons(items: &[crate::booklet::Item]) -> Vec<Person> {
    items
        .iter()
        .filter(|i| !i.spec.scoring.is_empty())
        .map(|i| {
            let field = |id: &str| i.draft.fields.get(id).map(|v| v.trim().to_string()).unwrap_or_default();
            Person { unit: field("单位"), name: field("姓名") }
        })
        .collect()
}

/// `style` on landscape paper (the table needs the width).
pub fn landscape(style: &Style) -> Style {
    let mut style = style.clone();
    if style.page.width < style.page.height {
        std::mem::swap(&mut style.page.width, &mut style.page.height);
    }
    style
}

/// A grade cell: the grades with a box before each, one a line (two to a
/// line do not fit the column in the style sheet's 四号 table text, and
/// broke mid-word: “□好 □较” / “好”).
fn boxes(grades: &[String]) -> String {
    grades.iter().map(|g| format!("□{g}")).collect::<Vec<_>>().join("\n")
}

/// The 测评表 of `persons` against `spec`'s 测评指标, under `title`.
pub fn document<'d>(title: &str, spec: &FormSpec, persons: &[Person]) -> Document<'d> {
    let grades = grades(spec);
    let mut columns: Vec<(String, Option<u32>)> = vec![("序号".into(), Some(6)), ("单位".into(), Some(15)), ("姓名".into(), Some(9))];
    columns.extend(spec.scoring.iter().map(|s| (s.name.clone(), None)));
    columns.push(("总体评价".into(), None));
    let cell = boxes(&grades);
    let rows = persons
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let mut row = vec![(n + 1).to_string(), p.unit.clone(), p.name.clone()];
            row.extend(std::iter::repeat_n(cell.clone(), spec.scoring.len() + 1));
            row
        })
        .collect();
    let how = format!("请对每位述职人的每一项评价，在“{}”中选一个，在前面的□里打“√”。", grades.join("”“"));
    let blocks = vec![
        Block::plain(Role::Title, title.to_string()),
        Block::plain(Role::Table, how),
        Block::Table(Table { columns, rows, owner: Vec::new() }),
    ];
    Document { title: title.to_string(), author: String::new(), blocks, labels: Vec::new(), title_lines: 1 }
}
