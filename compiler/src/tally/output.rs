//! The 测评结果汇总 as the office hands it on: a .docx table (landscape, the
//! header on every page) and a workbook with the same table (sheet 汇总) and
//! every entered sheet (sheet 录入, which [`super::read`] reads back).

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::{count, read, Count, Setup, Sheet};
use crate::document::{Block, Document, Table};
use crate::spec::Role;

/// The summary's columns: who and what, a count per grade, blanks, the share.
pub fn columns(setup: &Setup) -> Vec<String> {
    let mut columns: Vec<String> = ["序号", "单位", "姓名", "评价项目"].map(String::from).to_vec();
    columns.extend(setup.grades.iter().cloned());
    columns.push("未评".into());
    columns.push(format!("{}占比", setup.top_names()));
    columns
}

/// A row per person and item: 序号, 单位 and 姓名 on the person's first row
/// only (the table model has no merged cells), the counts, the share.
pub fn rows(setup: &Setup, sheets: &[Sheet]) -> Vec<Vec<String>> {
    rows_of(setup, &count(setup, sheets))
}

/// [`rows`] from counts already made.
fn rows_of(setup: &Setup, counts: &[Count]) -> Vec<Vec<String>> {
    let mut rows = Vec::with_capacity(counts.len());
    for (n, person) in setup.persons.iter().enumerate() {
        for (i, item) in setup.items.iter().enumerate() {
            let c = &counts[n * setup.items.len() + i];
            let who = if i == 0 { [(n + 1).to_string(), person.unit.clone(), person.name.clone()] } else { Default::default() };
            let mut row: Vec<String> = who.into_iter().chain([item.clone()]).collect();
            row.extend(c.grades.iter().map(u32::to_string));
            row.push(c.blank.to_string());
            row.push(c.percent());
            rows.push(row);
        }
    }
    rows
}

/// What the figures mean, said above the table.
pub fn explanation(setup: &Setup, sheets: &[Sheet]) -> String {
    let top = setup.top_names();
    let plus = setup.grades.iter().take(super::top(setup.grades.len())).cloned().collect::<Vec<_>>().join("＋");
    format!("共录入测评表{}张。表中数字是选该等次的张数，“未评”是空着没选的；“{top}占比”＝（{plus}）÷（选了等次的张数）。", sheets.len())
}

/// The summary as a document (set in the template's style sheet, landscape).
pub fn document<'d>(title: &str, setup: &Setup, sheets: &[Sheet]) -> Document<'d> {
    let widths = [Some(6), Some(17), Some(9), Some(26)];
    let columns = columns(setup).into_iter().enumerate().map(|(i, c)| (c, widths.get(i).copied().flatten())).collect();
    let blocks = vec![
        Block::plain(Role::Title, title.to_string()),
        Block::plain(Role::Table, explanation(setup, sheets)),
        Block::Table(Table { columns, rows: rows(setup, sheets), owner: Vec::new() }),
    ];
    Document { title: title.to_string(), author: String::new(), blocks, labels: Vec::new(), title_lines: 1 }
}

/// The workbook: 汇总 (numbers as numbers, the share as a percentage) and 录入.
pub fn workbook(setup: &Setup, sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let header = Format::new().set_bold().set_background_color("#DDE7F3");
    let share = Format::new().set_num_format("0.0%");
    let columns = columns(setup);
    let sheet = workbook.add_worksheet();
    sheet.set_name("汇总")?;
    for (c, name) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, name, &header)?;
    }
    let counts = count(setup, sheets);
    let grades = setup.grades.len() as u16;
    for (r, row) in rows_of(setup, &counts).iter().enumerate() {
        let at = r as u32 + 1;
        for (c, text) in row.iter().take(4).enumerate() {
            match text.parse::<f64>() {
                _ if text.is_empty() => continue,
                Ok(n) if c == 0 => sheet.write_number(at, 0, n)?,
                _ => sheet.write_string(at, c as u16, text)?,
            };
        }
        let count = &counts[r];
        for (g, n) in count.grades.iter().enumerate() {
            sheet.write_number(at, 4 + g as u16, f64::from(*n))?;
        }
        sheet.write_number(at, 4 + grades, f64::from(count.blank))?;
        if let Some(s) = count.top_share() {
            sheet.write_number_with_format(at, 5 + grades, s, &share)?;
        }
    }
    sheet.set_column_width(1, 24)?;
    sheet.set_column_width(3, 20)?;
    sheet.set_column_width(5 + grades, 14)?;
    sheet.set_freeze_panes(1, 0)?;
    let entered = workbook.add_worksheet();
    entered.set_name("录入")?;
    for (r, row) in read::rows(setup, sheets).iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            match text.parse::<f64>() {
                _ if text.is_empty() => continue,
                Ok(n) if r > 0 && c < 2 => entered.write_number(r as u32, c as u16, n)?,
                _ if r == 0 => entered.write_string_with_format(0, c as u16, text, &header)?,
                _ => entered.write_string(r as u32, c as u16, text)?,
            };
        }
    }
    entered.set_column_width(2, 24)?;
    entered.set_freeze_panes(1, 0)?;
    workbook.save_to_buffer()
}
