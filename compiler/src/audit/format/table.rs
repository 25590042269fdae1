//! A table as its pages depend on it: the grid's column widths, the cell
//! margins, and each row's cells (their paragraphs resolved like the body's),
//! height rule and whether it repeats as a header.

use super::{paragraph, toggle, ParagraphFormat, Styles};
use crate::xml::Element;

/// Word's default left and right cell margins (0.19 cm), in twips.
const DEFAULT_CELL_MARGIN: u32 = 108;

#[derive(Debug, Clone, PartialEq)]
pub struct TableFormat {
    pub rows: Vec<RowFormat>,
    /// Left and right cell margins, in twips.
    pub margin_sides: u32,
    /// The border between rows, in twips.
    pub border: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RowFormat {
    pub cells: Vec<CellFormat>,
    /// `trHeight`: twips, and whether exactly (else at least).
    pub height: Option<(u32, bool)>,
    pub header: bool,
    /// Whether it may not break across pages (`cantSplit`).
    pub cant_split: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CellFormat {
    /// Twips, margins included: the grid columns it spans.
    pub width: u32,
    /// Empty for a cell a vertical merge continues.
    pub paragraphs: Vec<ParagraphFormat>,
    /// Its top and bottom margins, in twips: its own (`tcMar`), else the table's.
    pub margins: (u32, u32),
}

pub(super) fn table(styles: &Styles, tbl: &Element) -> TableFormat {
    let twips = |e: Option<&Element>, k: &str| {
        e.and_then(|e| e.attr(k)).and_then(|v| v.parse::<f64>().ok()).map(|v| v.round().clamp(0.0, 126_720.0) as u32)
    };
    let grid: Vec<u32> = tbl
        .child("tblGrid")
        .map(|g| g.elements().filter(|c| c.local() == "gridCol").map(|c| twips(Some(c), "w").unwrap_or(0)).collect())
        .unwrap_or_default();
    let margins = tbl.child("tblPr").and_then(|p| p.child("tblCellMar"));
    let margin =
        |sides: &[&str], default: u32| sides.iter().find_map(|side| twips(margins.and_then(|m| m.child(side)), "w")).unwrap_or(default);
    let (top, bottom) = (margin(&["top"], 0), margin(&["bottom"], 0));
    let rows = tbl
        .elements()
        .filter(|r| r.local() == "tr")
        .map(|tr| {
            let trpr = tr.child("trPr");
            let mut column = 0usize;
            let cells = tr
                .elements()
                .filter(|c| c.local() == "tc")
                .map(|tc| {
                    let tcpr = tc.child("tcPr");
                    let span = twips(tcpr.and_then(|p| p.child("gridSpan")), "val").unwrap_or(1).max(1) as usize;
                    let from_grid: u32 = grid.iter().skip(column).take(span).sum();
                    column += span;
                    let width = if from_grid > 0 { from_grid } else { twips(tcpr.and_then(|p| p.child("tcW")), "w").unwrap_or(0) };
                    let continued =
                        tcpr.and_then(|p| p.child("vMerge")).is_some_and(|m| !matches!(m.attr("val").as_deref(), Some("restart")));
                    let mut paragraphs = Vec::new();
                    if !continued {
                        cell_paragraphs(styles, tc, &mut paragraphs);
                    }
                    let own = |side: &str| twips(tcpr.and_then(|p| p.child("tcMar")).and_then(|m| m.child(side)), "w");
                    let margins = (own("top").unwrap_or(top), own("bottom").unwrap_or(bottom));
                    CellFormat { width, paragraphs, margins }
                })
                .collect();
            let height = trpr
                .and_then(|p| p.child("trHeight"))
                .and_then(|h| Some((twips(Some(h), "val")?, h.attr("hRule").as_deref() == Some("exact"))));
            RowFormat {
                cells,
                height,
                header: toggle(trpr.and_then(|p| p.child("tblHeader"))),
                cant_split: toggle(trpr.and_then(|p| p.child("cantSplit"))),
            }
        })
        .collect();
    TableFormat { rows, margin_sides: margin(&["left", "start"], DEFAULT_CELL_MARGIN), border: border(tbl) }
}

/// The border between rows, in twips: the table's own (`insideH`, else
/// `top`), its width in eighths of a point; a table that sets none but names a
/// table style takes the usual style's single ½ pt lines (Word's 网格型, which
/// tables in Chinese files almost always use; the styles' borders are not read).
fn border(tbl: &Element) -> u32 {
    let tblpr = tbl.child("tblPr");
    let borders = tblpr.and_then(|p| p.child("tblBorders"));
    let line = borders.and_then(|b| b.child("insideH").or_else(|| b.child("top")));
    match (line, tblpr.and_then(|p| p.child("tblStyle"))) {
        (Some(l), _) if matches!(l.attr("val").as_deref(), Some("none" | "nil")) => 0,
        (Some(l), _) => l.attr("sz").and_then(|v| v.parse::<u32>().ok()).map_or(10, |eighths| eighths * 20 / 8),
        (None, Some(_)) => 10,
        (None, None) => 0,
    }
}

/// A cell's paragraphs, those of tables nested in it included, in order.
fn cell_paragraphs(styles: &Styles, e: &Element, out: &mut Vec<ParagraphFormat>) {
    for c in e.elements() {
        match c.local() {
            "p" => out.push(paragraph(styles, c)),
            "tbl" | "tr" | "tc" | "sdt" | "sdtContent" | "customXml" | "ins" => cell_paragraphs(styles, c, out),
            _ => {}
        }
    }
}
