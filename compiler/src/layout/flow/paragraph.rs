//! Placing a paragraph's lines on pages: its space above (collapsed with the
//! paragraph before), keeping with the next paragraph and keeping its lines
//! together, widow and orphan control, and the floating pictures its lines
//! must clear.

use super::super::first_lines_kept_together;
use super::line::Line;
use super::table::{cell_units, row_height};
use super::{FloatFrom, FlowBlock, FlowParagraph, FlowSection, Pager, Spot};

/// What the space between a paragraph and the next depends on.
pub(super) struct Previous {
    pub(super) after: u32,
    style: Option<String>,
    contextual: bool,
    /// What 倍数 spacing added under its last line's text.
    slack: u32,
}

pub(super) fn place_paragraph(pager: &mut Pager, p: &FlowParagraph, lines: &[Line], next: Kept, at: impl Fn(u32) -> Spot) {
    pager.take_pending_break();
    if p.page_break_before && pager.used > 0 {
        pager.new_page(false);
    }
    // contextualSpacing drops a paragraph's own space next to one of its style.
    // The space above the paragraph, and the part of it that is the space
    // after the paragraph before (which stays with that one: a picture placed
    // from this paragraph's top is placed below it; measured, 24 pt under a
    // heading whose 18 pt after merge into this one's 24 pt before).
    let spacing = |pager: &Pager| match &pager.previous {
        Some(previous) => {
            let same = p.style.is_some() && previous.style == p.style;
            let after = if same && previous.contextual { 0 } else { previous.after };
            let before = if same && p.contextual { 0 } else { p.before };
            let total = if pager.spacing_collapses { after.max(before) } else { after.saturating_add(before) };
            (total, after.min(total))
        }
        None if pager.used == 0 && pager.flowed => (0, 0),
        None => (p.before, 0),
    };
    let gap = |pager: &Pager| spacing(pager).0;
    // Kept together (keepLines) or with the next paragraph's first line
    // (keepNext): to the next page when it fits there and not here.
    let total = lines.iter().fold(0u32, |sum, l| sum.saturating_add(l.height));
    // A chain taller than a page stays, unless what it keeps with is itself
    // taller than a page (measured: two headings before a picture 828 pt
    // tall go to the next page, and the picture to the one after).
    let keep = match (p.keep_lines, p.keep_next) {
        (_, true) => Some((total.saturating_add(next.height), next.oversized)),
        (true, false) => Some((total, false)),
        _ => None,
    };
    if let Some((need, oversized)) = keep {
        let moves = need <= pager.height || (oversized && !pager.chain_at_top);
        if pager.used > 0 && !pager.fits(gap(pager).saturating_add(need)) && moves {
            pager.new_page(true);
        }
    }
    let starts_page = pager.used == 0;
    let n = lines.len();
    let mut k = 0;
    // The next break the file asks for after line k (n: none), found once per
    // stretch: a paragraph of many lines on small pages stays linear.
    let mut end = 0;
    while k < n {
        if lines[k].page_break_before {
            // Nothing after the paragraph's last break: the break waits for what comes next.
            if k + 1 == n && lines[k].height == 0 {
                pager.break_pending = true;
                break;
            }
            pager.new_page(false);
        }
        let (gap, previous_after) = if k == 0 { spacing(pager) } else { (0, 0) };
        // A paragraph pushed below a picture clears it by what 倍数 spacing
        // added under the last line of the paragraph above too (measured:
        // a picture 226.8 pt tall pushes the next line 16 lines of 15.6 pt
        // after a paragraph of 1.5 or 2 lines, 15 after one of 1.1 or 1.25).
        let above = if k == 0 { pager.previous.as_ref().map_or(0, |q| q.slack) } else { 0 };
        // The lines that fit here, up to the next break the file asks for (at
        // least one on an empty page).
        if end <= k {
            end = (k + 1..n).find(|&j| lines[j].page_break_before).unwrap_or(n);
        }
        // The paragraph's own floating pictures stand below the top of its
        // space before, on the page its first line goes to.
        let frame_top = pager.used.saturating_add(previous_after);
        let own: Vec<(u32, u32)> = p
            .floats
            .iter()
            .filter(|_| k == 0)
            .map(|f| {
                let base = match f.from {
                    FloatFrom::Paragraph => frame_top as i64,
                    FloatFrom::Margin => 0,
                    FloatFrom::Page => -(pager.top_margin as i64),
                };
                let at = |y: u32| (base + y as i64).clamp(0, u32::MAX as i64) as u32;
                // One placed above its paragraph on the page pushes the text
                // above that paragraph down, which is laid out already; one
                // leaving a strip beside it puts text there, which the model
                // does not lay out: either takes its height at the paragraph
                // instead (measured: a Visio drawing 14.5 pt short of the
                // column's width has its caption beside it, one character a line).
                let strip = f.beside.is_some_and(|(left, right)| left > 0 || right < pager.text_width as i64);
                match (at(f.top), at(f.bottom)) {
                    (top, bottom) if top < frame_top || strip => (frame_top, frame_top.saturating_add(bottom - top)),
                    band => band,
                }
            })
            .collect();
        // A paragraph pushed below a picture moves with its space before
        // (measured: 7.8 pt before, a picture from 10 pt: 22 lines down, not 21).
        let mut used = frame_top;
        // Each line that fits: where it stands and how tall it is there (the
        // first on a page as a paragraph's first line is).
        let mut tops: Vec<(u32, u32)> = Vec::new();
        for l in &lines[k..end] {
            let (height, slack) = if tops.is_empty() && pager.used == 0 { l.on_page_top } else { (l.height, l.slack) };
            let (space, reach) = if tops.is_empty() { (gap - previous_after, above) } else { (0, 0) };
            let top = pager.clear_of_pictures(used.saturating_sub(reach), reach.saturating_add(space).saturating_add(height), &own)
                + reach.min(used)
                + space;
            if top.saturating_add(height - slack) > pager.height && !(pager.used == 0 && tops.is_empty()) {
                break;
            }
            tops.push((top, height));
            used = top.saturating_add(height);
        }
        let fit = tops.len();
        // A picture reaching past the foot of the page does not take its
        // paragraph to the next (measured: a thesis's 32 pt picture 102 pt
        // below a paragraph 125 pt above the foot).
        if fit == 0 {
            pager.new_page(true);
            continue;
        }
        let mut take = fit;
        // Widow and orphan control: no first line alone at the foot of a page,
        // no last line alone at the head of the next.
        if p.widow_control && fit < end - k && pager.used > 0 {
            if end - k - fit == 1 {
                take = fit - 1;
            }
            if k == 0 && take < 2 {
                pager.new_page(true);
                continue;
            }
        }
        pager.bands.extend(own);
        for (line, (top, height)) in lines[k..k + take].iter().zip(tops) {
            pager.place(at(line.start), top.saturating_sub(pager.used), height);
        }
        pager.previous = None;
        k += take;
        if k < end {
            pager.new_page(true);
        }
    }
    pager.chain_at_top = p.keep_next && (starts_page || pager.chain_at_top);
    let slack = lines.last().map_or(0, |l| l.slack);
    pager.previous = Some(Previous { after: p.after, style: p.style.clone(), contextual: p.contextual, slack });
}

/// What a paragraph kept with the next keeps on its page besides itself.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Kept {
    height: u32,
    /// The first line of the paragraph the chain ends in is taller than a page.
    oversized: bool,
}

/// What a paragraph kept with the next keeps on its page besides itself: a
/// chain of paragraphs kept with the next (headings 一、 then （一）), whole,
/// and the first lines of the paragraph after them (two, or all of three or
/// fewer, where widow control is on), or a table's first row.
pub(super) fn kept_after(blocks: &[FlowBlock], lines_of_blocks: &[Vec<Line>], section: &FlowSection) -> Kept {
    let mut need: u32 = 0;
    for (block, lines) in blocks.iter().zip(lines_of_blocks) {
        match block {
            FlowBlock::Paragraph(q) => {
                let kept = match lines.len() {
                    _ if q.keep_next || q.keep_lines => lines.len(),
                    n if q.widow_control => first_lines_kept_together(n),
                    _ => 1,
                };
                let own = lines.iter().take(kept).fold(q.before, |sum, l| sum.saturating_add(l.height));
                need = need.saturating_add(own);
                if !q.keep_next {
                    return Kept { height: need, oversized: lines.first().is_some_and(|l| l.height > section.text_height) };
                }
                need = need.saturating_add(q.after);
            }
            FlowBlock::Table(t) => {
                let row = t.rows.first().map_or(0, |r| {
                    let cells: Vec<Vec<u32>> = r.cells.iter().map(|c| cell_units(c, t, section)).collect();
                    row_height(r, &cells, t)
                });
                return Kept { height: need.saturating_add(row), oversized: false };
            }
        }
    }
    Kept { height: need, oversized: false }
}
