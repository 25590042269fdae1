//! Tables on pages: rows split at their cells' lines, header rows repeated,
//! heights from the cells' lines, margins, borders and `trHeight`.

use super::line::{lines_of, Within};
use super::{FlowCell, FlowRow, FlowSection, FlowTable, Pager, Spot};

/// A table's rows. A row that does not fit where it is splits at a line of its
/// cells (measured: LibreOffice splits rows, as Word does unless told not to),
/// unless it is a header or of exact height; header rows are repeated on every
/// page the table continues on.
pub(super) fn place_table(pager: &mut Pager, t: &FlowTable, section: &FlowSection, at: impl Fn(u32) -> Spot) {
    let units: Vec<Vec<Vec<u32>>> = t.rows.iter().map(|r| r.cells.iter().map(|c| cell_units(c, t, section)).collect()).collect();
    let heights: Vec<u32> = t.rows.iter().zip(&units).map(|(r, u)| row_height(r, u, t)).collect();
    let header_rows = t.rows.iter().take_while(|r| r.header).count();
    let header = heights[..header_rows].iter().fold(0u32, |sum, h| sum.saturating_add(*h));
    pager.take_pending_break();
    let mut gap = pager.previous.take().map_or(0, |p| p.after);
    // Starts a new page, with the header rows at its top once past them.
    let next_page = |pager: &mut Pager, row: usize| {
        pager.new_page(true);
        if row >= header_rows && header < pager.height {
            for (r, &h) in heights[..header_rows].iter().enumerate() {
                pager.place(at(r as u32), 0, h);
            }
        }
        pager.used
    };
    // Where the page began below a repeated header: the table's own page top.
    let mut page_top = (pager.used == 0).then_some(0);
    for (i, row) in t.rows.iter().enumerate() {
        let mut cells = units[i].clone();
        let exact = matches!(row.height, Some((_, true)));
        let splits = !row.header && !row.cant_split && !exact;
        // How far down from `from` a row's lines reach: on a grid of lines,
        // with its top and bottom borders, to the next line of the grid
        // (measured: a bordered row of 31.2 pt lines keeps one line fewer where
        // 11 pt are spare, a row of eight 15.6 pt lines with 6 pt to spare
        // splits, and a row of 28.95 pt lines split at a page's foot keeps six
        // where its top is off the page's grid).
        let reach = |from: u32, content: u32| match section.grid {
            Some(pitch) if t.border > 0 => {
                from.saturating_add(content).saturating_add(2 * t.border).div_ceil(pitch.max(1)).saturating_mul(pitch)
            }
            _ => from.saturating_add(content).saturating_add(t.border),
        };
        loop {
            let h = row_height(row, &cells, t);
            let content = cells.iter().map(|u| u.iter().fold(0u32, |sum, h| sum.saturating_add(*h))).max().unwrap_or(0);
            // A whole row needs whole pitches from its own top; a part left
            // at the foot of a page ends on a line of the page's grid.
            let top = pager.used.saturating_add(gap);
            let whole = if exact { h } else { h.max(reach(top, content).saturating_sub(top)) };
            if pager.fits(gap.saturating_add(whole)) {
                pager.place(at(i as u32), gap, h);
                break;
            }
            let taken: Vec<usize> = cells
                .iter()
                .map(|u| {
                    u.iter()
                        .scan(0u32, |sum, h| {
                            *sum = sum.saturating_add(*h);
                            Some(*sum)
                        })
                        .take_while(|sum| reach(pager.used.saturating_add(gap), *sum) <= pager.height)
                        .count()
                })
                .collect();
            // A row that may not split still does where it is taller than a page.
            let too_tall = whole > pager.height;
            if (splits || too_tall || page_top == Some(pager.used)) && taken.iter().any(|k| *k > 0) {
                pager.place(at(i as u32), gap, pager.height.saturating_sub(pager.used.saturating_add(gap)));
                cells = cells.iter().zip(&taken).map(|(u, k)| u[*k..].to_vec()).collect();
            } else if page_top == Some(pager.used) {
                // Not a line of it fits even on a page of its own.
                pager.place(at(i as u32), gap, h);
                break;
            }
            gap = 0;
            page_top = Some(next_page(pager, i));
        }
        gap = 0;
    }
}

/// What a cell stacks, line by line: each line's height, with its paragraph's
/// space before on its first line and space after on its last, and the cell's
/// top and bottom margins on its first and last.
pub(super) fn cell_units(c: &FlowCell, t: &FlowTable, section: &FlowSection) -> Vec<u32> {
    let width = c.width.saturating_sub(2 * t.margin_sides).max(1);
    let mut units = Vec::new();
    let mut after_previous = 0;
    for p in &c.paragraphs {
        let lines = lines_of(p, section, width, Within::Cell);
        let n = lines.len();
        // Where the larger of two spaces is kept, the space before adds what
        // the previous paragraph's space after leaves.
        let before = if section.spacing_collapses { p.before.saturating_sub(after_previous) } else { p.before };
        for (k, line) in lines.iter().enumerate() {
            units.push(line.height.saturating_add(if k == 0 { before } else { 0 }).saturating_add(if k + 1 == n { p.after } else { 0 }));
        }
        after_previous = p.after;
    }
    match units.as_mut_slice() {
        [] => units.push(c.margin_top.saturating_add(c.margin_bottom)),
        [only] => *only = only.saturating_add(c.margin_top).saturating_add(c.margin_bottom),
        [first, .., last] => {
            *first = first.saturating_add(c.margin_top);
            *last = last.saturating_add(c.margin_bottom);
        }
    }
    units
}

/// A row's height: its tallest cell with its margins, and its border; or what
/// `trHeight` sets.
pub(super) fn row_height(row: &FlowRow, cells: &[Vec<u32>], t: &FlowTable) -> u32 {
    let content = cells.iter().map(|u| u.iter().fold(0u32, |sum, h| sum.saturating_add(*h))).max().unwrap_or(0).saturating_add(t.border);
    match row.height {
        Some((h, true)) => h,
        Some((h, false)) => content.max(h),
        None => content,
    }
}

#[cfg(test)]
mod tests {
    use super::super::line::tests::{paragraph, section};
    use super::*;
    use crate::layout::flow::{FlowRun, LineRule};

    #[test]
    fn a_cell_stands_in_its_own_margins_and_adds_times_new_romans_share() {
        // A 12 pt 宋体 line at 1.35 lines in a cell on a 15.6 pt grid: two
        // pitches and the share of 12 pt Times New Roman (4.8 pt), not of 宋体
        // (6.0); the cell's own 3 and 2.25 pt margins, and a 0.75 pt border
        // (measured: rows 36.74 and 42.0 pt apart).
        let mut p = paragraph("宋体", 24, LineRule::Multiple(324));
        p.runs[0].text = "行".into();
        p.style_font = FlowRun { latin: Some("宋体".into()), size_half_points: 24, ..p.mark.clone() };
        let cell = |top, bottom| FlowCell { width: 4000, paragraphs: vec![p.clone()], margin_top: top, margin_bottom: bottom };
        let table = |c: FlowCell| FlowTable {
            rows: vec![FlowRow { cells: vec![c], height: None, header: false, cant_split: false }],
            margin_sides: 108,
            border: 15,
        };
        let height = |c: FlowCell| {
            let t = table(c);
            let units: Vec<Vec<u32>> = t.rows[0].cells.iter().map(|c| cell_units(c, &t, &section(Some(312)))).collect();
            row_height(&t.rows[0], &units, &t)
        };
        assert_eq!(height(cell(0, 0)), 624 + 96 + 15);
        assert_eq!(height(cell(60, 45)), 624 + 96 + 105 + 15);
    }
}
