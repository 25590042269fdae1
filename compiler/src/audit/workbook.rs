//! The desk's table as an Excel workbook, where the organization office keeps
//! its lists: one row per file and one column per figure on the first sheet
//! (审核表), every finding a row naming its file on the second (问题).

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::summary::Summary;
use super::Severity;

/// The first sheet's columns, in order.
pub const COLUMNS: [&str; 20] = [
    "文件",
    "模板",
    "单位",
    "姓名",
    "字数",
    "字数要求",
    "各部分字数",
    "页数",
    "保存时记下的页数",
    "按模板格式估计页数",
    "页数上限",
    "图片",
    "图片大小（KB）",
    "校对提示",
    "测评指标讲到",
    "未归类段落",
    "配套",
    "结论",
    "问题数",
    "没有检查的原因",
];

/// The second sheet's columns.
pub const FINDING_COLUMNS: [&str; 5] = ["文件", "单位", "类别", "位置", "问题"];

/// The workbook's bytes.
pub fn write(rows: &[Summary]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let header = Format::new().set_bold().set_background_color("#DDE7F3");
    let sheet = workbook.add_worksheet();
    sheet.set_name("审核表")?;
    headers(sheet, &COLUMNS, &header)?;
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, col("文件"), &row.file)?;
        match (&row.unchecked, &row.duplicate_of) {
            (_, Some(first)) => {
                sheet.write_string(r, col("结论"), row.verdict())?;
                sheet.write_string(r, col("没有检查的原因"), format!("和“{first}”内容完全相同，只算那一份"))?;
            }
            (None, None) if row.unrecognised.is_some() => {
                sheet.write_number(r, col("字数"), row.words as f64)?;
                page_cells(sheet, r, row)?;
                sheet.write_number(r, col("图片"), row.pictures as f64)?;
                sheet.write_string(r, col("结论"), row.verdict())?;
                sheet.write_string(r, col("没有检查的原因"), row.unrecognised.as_deref().unwrap_or_default())?;
            }
            (None, None) => report_cells(sheet, r, row)?,
            (Some(reason), None) => {
                sheet.write_string(r, col("结论"), row.verdict())?;
                sheet.write_string(r, col("没有检查的原因"), reason)?;
            }
        }
    }
    finish(sheet, &COLUMNS, rows.len())?;
    let sheet = workbook.add_worksheet();
    sheet.set_name("问题")?;
    headers(sheet, &FINDING_COLUMNS, &header)?;
    let mut r = 0;
    for row in rows {
        let findings: Vec<(&str, &str, &str)> = match &row.unchecked {
            _ if row.duplicate_of.is_some() => Vec::new(),
            None if row.unrecognised.is_some() => vec![("未识别", "", row.unrecognised.as_deref().unwrap_or_default())],
            None => row
                .findings
                .iter()
                .map(|f| (if f.severity == Severity::Note { "提醒" } else { f.kind.name() }, f.place.as_str(), f.message.as_str()))
                .collect(),
            Some(_) if row.passes() => Vec::new(),
            Some(reason) => vec![("读不了", "", reason.as_str())],
        };
        for (kind, place, message) in findings {
            r += 1;
            for (c, text) in [&row.file, &row.unit, kind, place, message].into_iter().enumerate() {
                sheet.write_string(r, c as u16, text)?;
            }
        }
    }
    finish(sheet, &FINDING_COLUMNS, r as usize)?;
    workbook.save_to_buffer()
}

/// A column of the first sheet by its name.
fn col(name: &str) -> u16 {
    COLUMNS.iter().position(|c| *c == name).expect("a column of COLUMNS") as u16
}

fn headers(sheet: &mut Worksheet, columns: &[&str], format: &Format) -> Result<(), XlsxError> {
    for (c, name) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *name, format)?;
    }
    Ok(())
}

/// Widths to read the columns by, the header frozen, a filter on every column.
fn finish(sheet: &mut Worksheet, columns: &[&str], rows: usize) -> Result<(), XlsxError> {
    for (c, name) in columns.iter().enumerate() {
        let width = match *name {
            "文件" | "问题" | "各部分字数" | "没有检查的原因" => 40.0,
            "位置" | "模板" | "单位" | "配套" => 20.0,
            _ => 10.0,
        };
        sheet.set_column_width(c as u16, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows as u32, columns.len() as u16 - 1)?;
    Ok(())
}

/// The file's pages in its own formatting; beside them, as its producer saved
/// them (a number when they are of this text). A file that is no report has
/// them too: the clerk sees how long what was sent is.
fn page_cells(sheet: &mut Worksheet, r: u32, row: &Summary) -> Result<(), XlsxError> {
    if let Some(n) = row.own_pages {
        sheet.write_number(r, col("页数"), f64::from(n))?;
    }
    match &row.saved_pages {
        Some(s) if s.fresh => sheet.write_number(r, col("保存时记下的页数"), f64::from(s.pages)).map(|_| ())?,
        Some(s) => sheet.write_string(r, col("保存时记下的页数"), s.short()).map(|_| ())?,
        None => {}
    }
    Ok(())
}

fn report_cells(sheet: &mut Worksheet, r: u32, row: &Summary) -> Result<(), XlsxError> {
    let parts: Vec<String> = row
        .parts
        .iter()
        .map(|p| {
            let state = if p.state.is_empty() { String::new() } else { format!("，{}", p.state) };
            let budget = if p.budget.is_empty() { String::new() } else { format!("（{}{state}）", p.budget) };
            format!("{}{}字{budget}", p.label, p.words)
        })
        .collect();
    sheet.write_string(r, col("模板"), &row.template)?;
    sheet.write_string(r, col("单位"), &row.unit)?;
    sheet.write_string(r, col("姓名"), &row.person)?;
    sheet.write_number(r, col("字数"), row.words as f64)?;
    sheet.write_string(r, col("字数要求"), &row.budget)?;
    sheet.write_string(r, col("各部分字数"), parts.join("；"))?;
    page_cells(sheet, r, row)?;
    sheet.write_string(r, col("按模板格式估计页数"), &row.pages)?;
    if let Some(limit) = row.page_limit {
        sheet.write_number(r, col("页数上限"), f64::from(limit))?;
    }
    sheet.write_number(r, col("图片"), row.pictures as f64)?;
    sheet.write_number(r, col("图片大小（KB）"), row.picture_kb as f64)?;
    sheet.write_number(r, col("校对提示"), row.hints as f64)?;
    if row.scored > 0 {
        sheet.write_string(r, col("测评指标讲到"), format!("{}/{}", row.covered, row.scored))?;
    }
    sheet.write_number(r, col("未归类段落"), row.unplaced as f64)?;
    sheet.write_string(r, col("配套"), &row.pairing)?;
    sheet.write_string(r, col("结论"), if row.passes() { "可以报送" } else { "需要修改" })?;
    sheet.write_number(r, col("问题数"), row.must_fix() as f64)?;
    Ok(())
}
