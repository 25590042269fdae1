//! The 述职材料汇编: every report and its cases in one booklet for the meeting
//! (the seed's Attachment 3 六). A cover, a contents page whose page numbers
//! come from the page model (static text with dot leaders: Word, WPS and
//! LibreOffice all show it as written, where a TOC field is only refreshed by
//! Word), then each document in its own template's format, each starting on a
//! right-hand (odd) page for double-sided printing, page numbers running on.
//!
//! This file reads the inputs and plans the pages; [`render`] writes the .docx.

mod render;

pub use render::render;

use crate::audit::group::unit_key;
use crate::document::{self, Block, Document};
use crate::draft::Draft;
use crate::geometry::Capacity;
use crate::spec::FormSpec;

/// One document of the booklet: a draft and the template it follows.
#[derive(Debug, Clone)]
pub struct Item<'s> {
    /// Where it came from (a file name), for messages.
    pub source: String,
    pub spec: &'s FormSpec,
    pub draft: Draft,
}

/// What the cover says.
#[derive(Debug, Clone, PartialEq)]
pub struct Cover {
    /// “XX区2026年党建述职材料汇编”.
    pub title: String,
    /// “2027年1月”.
    pub date: String,
}

/// A document's place in the booklet.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Its index among the items given.
    pub item: usize,
    /// Its line on the contents page.
    pub line: String,
    /// 0 for a report, 1 for a case under its report.
    pub level: u8,
    /// Its first page, as the page numbers print it (the body's first page is 1).
    pub first_page: u32,
    /// Its pages by the page model.
    pub pages: u32,
}

/// The booklet's pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Pages before the body: the cover and its blank back, the contents, and
    /// a blank page when the contents end on a right-hand page.
    pub front_pages: u32,
    pub contents_pages: u32,
    /// In booklet order.
    pub entries: Vec<Entry>,
}

impl Plan {
    /// The physical page (1 the cover) a body page number prints on.
    pub fn sheet_page(&self, number: u32) -> u32 {
        self.front_pages + number
    }
}

/// Reads a booklet input: a draft file (.json) or a Word file, whose template
/// is the one named `template` (the desk's row: recognised or chosen by the
/// clerk) or else recognised as on the desk, and which is imported like any
/// other. Besides the item, what the import could not place cleanly (to show
/// before building). A file no template fits is not read.
pub fn read<'s>(source: &str, bytes: &[u8], specs: &'s [FormSpec], template: Option<&str>) -> Result<(Item<'s>, Vec<String>), String> {
    if crate::audit::is_draft_file(bytes) {
        let (spec, draft) = crate::audit::read_draft(bytes, specs)?;
        let problems = unplaced_note(&draft).into_iter().collect();
        return Ok((Item { source: source.to_string(), spec, draft }, problems));
    }
    let archive = crate::import::open(bytes).map_err(|e| e.to_string())?;
    let file = crate::import::word::read(&archive).map_err(|e| e.to_string())?;
    let spec = match template.and_then(|t| specs.iter().find(|s| s.name == t)) {
        Some(spec) => spec,
        None => {
            let guess = crate::audit::recognise::recognise(&file, specs).ok_or_else(|| "没有模板".to_string())?;
            if !guess.recognised() {
                return Err(format!("认不出是哪种材料（{}）", guess.why_not()));
            }
            guess.spec
        }
    };
    let imported = crate::import::map(spec, file);
    let mut problems: Vec<String> = unplaced_note(&imported.draft).into_iter().collect();
    let unread: Vec<&str> = imported.unread_fields.iter().filter(|f| printed(spec, f)).map(String::as_str).collect();
    if !unread.is_empty() {
        problems.push(format!("标题行里没有读到：{}", unread.join("、")));
    }
    Ok((Item { source: source.to_string(), spec, draft: imported.draft }, problems))
}

/// What is said of paragraphs and pictures that fit no part: the 汇编 prints the template's parts only.
fn unplaced_note(draft: &crate::draft::Draft) -> Option<String> {
    Some(format!("{}放不进模板的任何部分，汇编里没有它们", crate::import::unplaced_count(draft)?))
}

/// Whether a field is printed in the title lines (the others only steer the form).
fn printed(spec: &FormSpec, field: &str) -> bool {
    spec.lines.iter().flat_map(|l| &l.text.pieces).any(|p| matches!(p, crate::spec::Piece::Field { field: f, .. } if f == field))
}

/// Puts the items in the order of the 述职 list, one 单位 a line (pasted
/// from the meeting's schedule, perhaps with a number or a name beside the
/// unit): a line names a unit when it is the unit's name (spaces and a leading
/// 中共 aside) or holds it whole, and a name inside a longer unit's name on
/// the same line does not count (城关镇党委 is not on the line of 新城关镇党委).
/// Each unit goes by the first line that names it alone; the others follow in
/// the order given. Says every line that names two units or none.
pub fn arrange(items: &mut [Item], list: &str) -> Vec<String> {
    let unit_of = |item: &Item| unit_key(item.draft.fields.get("单位").map_or("", String::as_str));
    let mut units: Vec<String> = items.iter().map(unit_of).filter(|u| !u.is_empty()).collect();
    units.sort();
    units.dedup();
    // Longest first: a longer name claims its place on a line before the names inside it.
    units.sort_by_key(|u| std::cmp::Reverse(u.chars().count()));
    let mut rank: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut notes = Vec::new();
    for (n, raw) in list.lines().enumerate() {
        let line = unit_key(raw);
        if line.is_empty() {
            continue;
        }
        let named = named_units(&line, &units);
        match named.as_slice() {
            [one] => {
                rank.entry(one.as_str()).or_insert(n);
            }
            [] => notes.push(format!("述职顺序第{}行“{}”：这一批里没有这个单位的材料", n + 1, raw.trim())),
            many => {
                let names: Vec<&str> = many.iter().map(|u| u.as_str()).collect();
                notes.push(format!("述职顺序第{}行“{}”同时写了{}，没有按这一行排", n + 1, raw.trim(), names.join("和")))
            }
        }
    }
    items.sort_by_key(|item| rank.get(unit_of(item).as_str()).copied().unwrap_or(usize::MAX));
    notes
}

/// The units (longest first) a list line names whole: the line itself, or
/// an occurrence not inside a longer unit's occurrence already taken.
fn named_units<'u>(line: &str, units: &'u [String]) -> Vec<&'u String> {
    if let Some(exact) = units.iter().find(|u| u.as_str() == line) {
        return vec![exact];
    }
    let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
    let mut named = Vec::new();
    for unit in units {
        let free: Vec<std::ops::Range<usize>> = line
            .match_indices(unit.as_str())
            .map(|(at, u)| at..at + u.len())
            .filter(|r| !taken.iter().any(|t| t.start <= r.start && r.end <= t.end))
            .collect();
        if !free.is_empty() {
            taken.extend(free);
            named.push(unit);
        }
    }
    named
}

/// The booklet order, with each document's level (1 for a case under its
/// report): the items as given, each case moved to follow its unit's report
/// (the template's `随附：`); a case whose unit sent no report stays where it
/// was given.
pub fn order(items: &[Item]) -> Vec<(usize, u8)> {
    let unit = |i: usize| unit_key(items[i].draft.fields.get("单位").map_or("", String::as_str));
    let report_of = |i: usize| {
        let report = items[i].spec.accompanies.as_ref()?.report.as_str();
        (0..items.len()).find(|&r| items[r].spec.name == report && !unit(i).is_empty() && unit(r) == unit(i))
    };
    let mut out = Vec::new();
    for i in (0..items.len()).filter(|&i| report_of(i).is_none()) {
        out.push((i, 0));
        out.extend((0..items.len()).filter(|&c| report_of(c) == Some(i)).map(|c| (c, 1)));
    }
    out
}

/// Plans the booklet of `items` in booklet [`order`].
pub fn plan(items: &[Item]) -> Plan {
    let order = order(items);
    let Some(&(first, _)) = order.first() else { return Plan { front_pages: 4, contents_pages: 1, entries: Vec::new() } };
    let base = &items[first].spec.style;
    let mut entries = Vec::new();
    let mut next = 1;
    for (i, level) in order {
        let item = &items[i];
        let doc = document::assemble(item.spec, &item.draft);
        let style = style_in(base, item.spec);
        let pages = crate::layout::lay_out(&doc, &style).pages.len() as u32;
        entries.push(Entry { item: i, line: contents_line(&doc), level, first_page: next, pages });
        // The next document starts on the next odd page.
        next += pages;
        if next % 2 == 0 {
            next += 1;
        }
    }
    let contents_pages = contents_pages(&entries, base);
    let front_pages = 2 + contents_pages + contents_pages % 2;
    Plan { front_pages, contents_pages, entries }
}

/// A document's style in the booklet: its template's, on the paper and with
/// the page numbers of the booklet's first document (one section numbers
/// them all).
fn style_in(base: &crate::spec::Style, spec: &FormSpec) -> crate::spec::Style {
    let mut style = spec.style.clone();
    style.page = base.page;
    style.page_number = base.page_number.clone();
    style
}

/// A document's line on the contents page: its title, and its subtitle
/// before it when the subtitle names the unit and the person (a report's
/// “XX街道党工委书记 张三”), not when it is a tagline (a case's “——…”).
fn contents_line(doc: &Document) -> String {
    let lines: Vec<String> = doc.blocks[..doc.title_lines]
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.text().trim().to_string()),
            _ => None,
        })
        .collect();
    let title = lines.first().cloned().unwrap_or_default();
    match lines.get(1) {
        Some(sub) if !sub.starts_with('—') && !sub.starts_with('（') && !sub.is_empty() => format!("{sub}  {title}"),
        _ => title,
    }
}

/// The contents' length in pages: its heading (two lines) and an entry a line
/// (two when it is longer than a line less the page number), at the body's
/// pitch in the first template's style.
fn contents_pages(entries: &[Entry], style: &crate::spec::Style) -> u32 {
    let capacity = Capacity::of(style);
    let per_line = capacity.chars_per_line.max(4) as usize;
    let lines: usize = 2 + entries
        .iter()
        .map(|e| {
            let half_widths: usize = e.line.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
            let width = usize::from(e.level) * 2 + half_widths.div_ceil(2) + 3;
            width.div_ceil(per_line)
        })
        .sum::<usize>();
    (lines as u32).div_ceil(capacity.lines_per_page.max(1)).max(1)
}
