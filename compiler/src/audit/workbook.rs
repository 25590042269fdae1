//! The desk's table as an Excel workbook, where the organization office keeps
//! its lists: one row per file and one column per figure on the first sheet
//! (审核表), every finding a row naming its file on the second (问题).

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::batch::Row;
use super::Report;

/// The first sheet's columns, in order.
pub const COLUMNS: [&str; 17] = [
    "文件",
    "模板",
    "单位",
    "姓名",
    "字数",
    "字数要求",
    "各部分字数",
    "估计页数",
    "页数上限",
    "图片",
    "图片大小（KB）",
    "校对提示",
    "测评指标讲到",
    "未归类段落",
    "结论",
    "问题数",
    "读不了的原因",
];

/// The second sheet's columns.
pub const FINDING_COLUMNS: [&str; 5] = ["文件", "单位", "类别", "位置", "问题"];

/// The workbook's bytes.
pub fn write(rows: &[Row]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let header = Format::new().set_bold().set_background_color("#DDE7F3");
    let sheet = workbook.add_worksheet();
    sheet.set_name("审核表")?;
    headers(sheet, &COLUMNS, &header)?;
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, col("文件"), &row.file)?;
        match &row.result {
            Ok(report) => report_cells(sheet, r, report)?,
            Err(reason) => {
                sheet.write_string(r, col("结论"), "读不了")?;
                sheet.write_string(r, col("读不了的原因"), reason)?;
            }
        }
    }
    finish(sheet, &COLUMNS, rows.len())?;
    let sheet = workbook.add_worksheet();
    sheet.set_name("问题")?;
    headers(sheet, &FINDING_COLUMNS, &header)?;
    let mut r = 0;
    for row in rows {
        let unit = row.result.as_ref().map(|rep| rep.unit.as_str()).unwrap_or_default();
        let findings: Vec<(&str, &str, &str)> = match &row.result {
            Ok(rep) => rep.findings.iter().map(|f| (f.kind.name(), f.place.as_str(), f.message.as_str())).collect(),
            Err(reason) => vec![("读不了", "", reason.as_str())],
        };
        for (kind, place, message) in findings {
            r += 1;
            for (c, text) in [&row.file, unit, kind, place, message].into_iter().enumerate() {
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
            "文件" | "问题" | "各部分字数" | "读不了的原因" => 40.0,
            "位置" | "模板" | "单位" => 20.0,
            _ => 10.0,
        };
        sheet.set_column_width(c as u16, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows as u32, columns.len() as u16 - 1)?;
    Ok(())
}

fn report_cells(sheet: &mut Worksheet, r: u32, report: &Report) -> Result<(), XlsxError> {
    let whole = report.parts.first();
    let parts: Vec<String> = report
        .parts
        .iter()
        .skip(1)
        .map(|p| {
            let state = p.state.map(|s| format!("，{}", s.label())).unwrap_or_default();
            let budget = p.budget.as_ref().map(|b| format!("（{}{state}）", b.describe())).unwrap_or_default();
            format!("{}{}字{budget}", p.label, p.words)
        })
        .collect();
    sheet.write_string(r, col("模板"), &report.template)?;
    sheet.write_string(r, col("单位"), &report.unit)?;
    sheet.write_string(r, col("姓名"), &report.person)?;
    sheet.write_number(r, col("字数"), report.words() as f64)?;
    sheet.write_string(r, col("字数要求"), whole.and_then(|p| p.budget.as_ref()).map(|b| b.describe()).unwrap_or_default())?;
    sheet.write_string(r, col("各部分字数"), parts.join("；"))?;
    sheet.write_string(r, col("估计页数"), report.estimate.pages_text())?;
    if let Some(limit) = report.page_limit {
        sheet.write_number(r, col("页数上限"), f64::from(limit))?;
    }
    sheet.write_number(r, col("图片"), report.pictures as f64)?;
    sheet.write_number(r, col("图片大小（KB）"), (report.picture_bytes as f64 / 1024.0).round())?;
    sheet.write_number(r, col("校对提示"), report.hints as f64)?;
    if report.scored > 0 {
        sheet.write_string(r, col("测评指标讲到"), format!("{}/{}", report.covered, report.scored))?;
    }
    sheet.write_number(r, col("未归类段落"), report.unplaced.len() as f64)?;
    sheet.write_string(r, col("结论"), if report.passes() { "可以报送" } else { "需要修改" })?;
    sheet.write_number(r, col("问题数"), report.findings.len() as f64)?;
    Ok(())
}
