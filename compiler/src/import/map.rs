//! Maps what was read onto the template: the title lines to fields (by matching
//! the template's own lines, `{单位}书记 {姓名}`), parts by heading text or
//! else by order, （一）-items, 一是-points split into the bold (or first)
//! sentence and the rest, texts, pictures with the short paragraph under each as
//! caption, tables by header text or column order. Numbering typed by hand or
//! drawn by Word is not kept as text: the template numbers. What fits nowhere is
//! kept, in order, as unplaced paragraphs.

use serde::Serialize;

use super::word::{Image, WordBlock, WordFile, WordParagraph};
use super::Imported;
use crate::count::count;
use crate::document::{Owner, Step};
use crate::draft::{Draft, Item, Parts, Picture};
use crate::spec::{FormSpec, Node, NodeKind, Piece, TemplateText};

/// Where every 字 read went (Word's rule, [`crate::count`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Accounting {
    /// Everything read: the body, text boxes, footnotes and endnotes, as Word's
    /// 字数 counts them (Word does not count its automatic numbers; neither do we).
    pub read: usize,
    /// Put into the form: fields, headings, points, texts, captions, table cells.
    pub placed: usize,
    /// Heading text and title words that the template prints itself.
    pub template: usize,
    /// Numbering typed by hand (一、 （一） 一是 1.), which the template replaces.
    pub numbering: usize,
    /// Kept in the form's 未归类的段落.
    pub unplaced: usize,
    /// The template's own headings the file names by their words (not by order
    /// alone): how much of the template's structure the file has.
    pub headings: usize,
}

impl Accounting {
    /// One line for the drafter.
    pub fn summary(&self) -> String {
        format!(
            "读入{}字：放进表单{}字，模板自带的标题{}字，手打的编号{}字（由模板重新编号），未归类{}字",
            self.read, self.placed, self.template, self.numbering, self.unplaced
        )
    }
}

/// The levels numbering marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    /// 一、
    Part,
    /// （一）
    Section,
    /// 一是 / 1. / （1）
    Point,
}

/// A paragraph of the body, its numbering taken apart.
#[derive(Debug, Clone)]
struct Para {
    /// The paragraph as read, hand-typed indent removed: what an unplaced
    /// paragraph keeps (its numbering included).
    original: String,
    level: Option<Level>,
    /// Hand-typed numbering, dropped (counted in `numbering`).
    typed_label: String,
    /// The 字 the numbering takes away: the paragraph's count less its text's (a
    /// label can end inside a run of Latin letters or digits, so not the label's own).
    label_words: usize,
    /// The text after the numbering.
    text: String,
    /// How many characters of `text` are bold from its start.
    bold: usize,
    title_like: bool,
}

const NUMERALS: &str = "一二三四五六七八九十百零〇";

/// Splits hand-typed numbering off: `一、` `（一）` `(一)` `一是` `第一，` `1.` `1、` `（1）`.
pub(crate) fn typed_label(text: &str) -> Option<(Level, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let numeral_run = |from: usize| chars[from..].iter().take_while(|c| NUMERALS.contains(**c)).count();
    let digit_run = |from: usize| chars[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let n = numeral_run(0);
    if n > 0 {
        match chars.get(n) {
            Some('、') => return Some((Level::Part, n + 1)),
            Some('是') => {
                let extra = usize::from(matches!(chars.get(n + 1), Some('，' | '：' | ',' | ':')));
                return Some((Level::Point, n + 1 + extra));
            }
            _ => {}
        }
    }
    if matches!(chars.first(), Some('（' | '(')) {
        let n = numeral_run(1);
        if n > 0 && matches!(chars.get(1 + n), Some('）' | ')')) {
            return Some((Level::Section, n + 2));
        }
        let d = digit_run(1);
        if d > 0 && d < 3 && matches!(chars.get(1 + d), Some('）' | ')')) {
            return Some((Level::Point, d + 2));
        }
    }
    if chars.first() == Some(&'第') {
        let n = numeral_run(1);
        if n > 0 && matches!(chars.get(1 + n), Some('，' | '、' | '是')) {
            return Some((Level::Point, n + 2));
        }
    }
    let d = digit_run(0);
    if d > 0 && d < 3 && matches!(chars.get(d), Some('.' | '．' | '、')) && !chars.get(d + 1).is_some_and(char::is_ascii_digit) {
        return Some((Level::Point, d + 1));
    }
    None
}

/// The level an automatic number stands for, by the label Word draws.
fn drawn_level(label: &str) -> Option<Level> {
    typed_label(label.trim()).map(|(l, _)| l).or_else(|| label.trim().starts_with(|c: char| c.is_ascii_digit()).then_some(Level::Point))
}

fn para(p: &WordParagraph, acc: &mut Accounting) -> Para {
    // Hand-typed indents (spaces, ideographic spaces, tabs) go: the format indents.
    let trimmed = p.text.trim_start_matches([' ', '\u{3000}', '\t', '\u{a0}']);
    let skipped = p.text.chars().count() - trimmed.chars().count();
    let mut level = p.number.as_deref().and_then(drawn_level);
    let mut typed = String::new();
    let mut text = trimmed.trim_end().to_string();
    // Spaces between a typed label and the text (“一是　加强……”): they go too,
    // and the bold start counts past them.
    let mut gap = 0;
    if let Some((l, len)) = typed_label(trimmed) {
        level = level.or(Some(l));
        typed = trimmed.chars().take(len).collect();
        let after: String = trimmed.chars().skip(len).collect();
        gap = after.chars().count() - after.trim_start().chars().count();
        text = after.trim().to_string();
    }
    if level.is_none() {
        level = match p.outline {
            Some(0) => Some(Level::Part),
            Some(1) => Some(Level::Section),
            _ => None,
        };
    }
    let original = trimmed.trim_end().to_string();
    let label_words = count(&original).words.saturating_sub(count(&text).words);
    acc.numbering += label_words;
    let bold = p.bold_start.saturating_sub(skipped + typed.chars().count() + gap);
    let style = p.style.as_deref().unwrap_or_default().to_lowercase();
    let title_like = p.centered
        || centred_by_spaces(&p.text)
        || style == "title"
        || style == "subtitle"
        || style.contains("标题") && !style.contains(' ');
    Para { original, level, typed_label: typed, label_words, text, bold, title_like }
}

/// A line of a contents page, by its style's name and its text: in a “toc N”
/// style (Word's and WPS's names; Chinese Word's 目录 N), or the page's own
/// heading 目录. The desk's format check skips the same lines.
pub(crate) fn is_contents_line(style: Option<&str>, text: &str) -> bool {
    let style = style.unwrap_or_default().to_lowercase();
    let heading: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    style.starts_with("toc") || style.starts_with("目录") || heading == "目录"
}

/// Whether a line is centred with typed spaces: four characters' width or
/// more of them before a short line with no number (two full-width spaces
/// are a typed first-line indent). The importer and the desk's format check
/// share it.
pub(crate) fn centred_by_spaces(text: &str) -> bool {
    let half_widths: usize = text.chars().take_while(|c| c.is_whitespace()).map(|c| if c == '\u{3000}' { 2 } else { 1 }).sum();
    let line = text.trim();
    half_widths >= 8 && line.chars().count() <= 40 && typed_label(line).is_none()
}

/// What is left to place, in order.
enum Placeable {
    Para(Para),
    Table(Vec<Vec<String>>),
    Image(Image, String),
}

struct Mapper<'s> {
    spec: &'s FormSpec,
    acc: Accounting,
    unplaced: Vec<String>,
}

impl Mapper<'_> {
    fn place(&mut self, text: &str) -> String {
        self.acc.placed += count(text).words;
        text.to_string()
    }

    fn keep_unplaced(&mut self, p: &Para) {
        let text = p.original.clone();
        // The label was counted as numbering; unplaced, it is kept as text.
        self.acc.numbering -= p.label_words;
        self.acc.unplaced += count(&text).words;
        self.unplaced.push(text);
    }
}

pub fn map(spec: &FormSpec, file: WordFile) -> Imported {
    let mut m = Mapper { spec, acc: Accounting::default(), unplaced: Vec::new() };
    for b in &file.blocks {
        m.acc.read += match b {
            WordBlock::Paragraph(p) => count(&p.text).words,
            WordBlock::Table(rows) => rows.iter().flatten().map(|c| count(c).words).sum(),
            WordBlock::Image(_) => 0,
        };
    }
    // Pieces in order; a short plain paragraph right under a picture is its caption.
    let mut pieces = Vec::new();
    let official_blocks = super::official::official_blocks(&file.blocks);
    let mut official = Vec::new();
    let mut blocks = file.blocks.into_iter().enumerate().peekable();
    while let Some((at, b)) = blocks.next() {
        match b {
            WordBlock::Paragraph(p) => {
                let contents = is_contents_line(p.style.as_deref(), &p.text);
                let p = para(&p, &mut m.acc);
                if official_blocks.contains(&at) {
                    // A 公文's 版头 or 版记 (红头 paper): kept as it stands.
                    official.push(p.original.clone());
                    m.keep_unplaced(&Para { level: None, ..p });
                } else if contents {
                    // A contents page's line (“一、履职主要情况和特点……1”) is no
                    // heading of the report: kept as it stands.
                    if !p.original.is_empty() {
                        m.keep_unplaced(&Para { level: None, ..p });
                    }
                } else if !p.text.is_empty() || !p.typed_label.is_empty() {
                    pieces.push(Placeable::Para(p));
                }
            }
            WordBlock::Table(rows) => pieces.push(Placeable::Table(rows)),
            WordBlock::Image(image) => {
                let caption = match blocks.peek() {
                    Some((_, WordBlock::Paragraph(next)))
                        if next.number.is_none()
                            && typed_label(next.text.trim()).is_none()
                            && count(&next.text).words <= 60
                            && !next.text.trim().is_empty() =>
                    {
                        let Some((_, WordBlock::Paragraph(next))) = blocks.next() else { unreachable!() };
                        next.text.trim().to_string()
                    }
                    _ => String::new(),
                };
                pieces.push(Placeable::Image(image, caption));
            }
        }
    }
    // Fields start empty: only what the file says is filled in (see unread_fields).
    let mut draft = Draft { fields: Default::default(), ..Draft::new(spec) };
    // Pictures and tables go to the template's first picture and table slots.
    let mut images = Vec::new();
    let mut tables = Vec::new();
    let mut paras = Vec::new();
    for p in pieces {
        match p {
            Placeable::Para(p) => paras.push(p),
            Placeable::Table(t) => tables.push(t),
            Placeable::Image(i, c) => images.push((i, c)),
        }
    }
    let rest = m.title_lines(&mut draft, paras);
    draft.body = m.fill(&spec.body, &rest, true);
    m.pictures(&mut draft, images);
    m.tables(&mut draft, tables);
    for aside in &file.aside {
        let text = aside.text.trim().to_string();
        m.acc.read += count(&text).words;
        m.acc.unplaced += count(&text).words;
        m.unplaced.push(text);
    }
    draft.unplaced = m.unplaced;
    let unread_fields = spec
        .fields
        .iter()
        .filter(|f| f.kind != crate::spec::FieldKind::RowNumber && draft.fields.get(&f.id).is_none_or(|v| v.trim().is_empty()))
        .map(|f| f.id.clone())
        .collect();
    Imported { draft, accounting: m.acc, unread_fields, official }
}

/// `{单位}书记 {姓名}` against `XX街道党工委书记 张三`: the field values, if the
/// template's words all stand in the line in order. Two fields side by side
/// (`{单位}{年度}年度…`) are told apart only when the second is a year.
fn match_line(t: &TemplateText, line: &str, is_year: &dyn Fn(&str) -> bool) -> Option<Vec<(String, String)>> {
    let mut values = Vec::new();
    let mut rest = line.trim();
    let mut pending: Vec<&str> = Vec::new();
    let settle = |pending: &mut Vec<&str>, gap: &str, values: &mut Vec<(String, String)>| -> Option<()> {
        match pending.as_slice() {
            [] => {}
            [one] => values.push((one.to_string(), gap.trim().to_string())),
            [first, year] if is_year(year) => {
                let digits = gap.trim().chars().rev().take_while(char::is_ascii_digit).count();
                let cut = gap.trim().len() - digits;
                values.push((first.to_string(), gap.trim()[..cut].trim().to_string()));
                values.push((year.to_string(), gap.trim()[cut..].to_string()));
            }
            _ => return None,
        }
        pending.clear();
        Some(())
    };
    for piece in &t.pieces {
        match piece {
            Piece::Text { text } => {
                let at = if pending.is_empty() { rest.starts_with(text.as_str()).then_some(0)? } else { rest.find(text.as_str())? };
                settle(&mut pending, &rest[..at], &mut values)?;
                rest = &rest[at + text.len()..];
            }
            Piece::Field { field, part: None } => pending.push(field),
            // A part of a date (the year of 成文日期): not worth recovering from a line.
            Piece::Field { .. } => return None,
        }
    }
    if pending.is_empty() && !rest.trim().is_empty() {
        return None;
    }
    settle(&mut pending, rest, &mut values)?;
    Some(values)
}

impl Mapper<'_> {
    /// The title, subtitle and date lines at the top: their fields are read
    /// back. A title set over two lines (“2026年党建工作” / “述职报告”) is
    /// read as one when the first alone is not the template's line.
    fn title_lines(&mut self, draft: &mut Draft, paras: Vec<Para>) -> Vec<Para> {
        let mut at = 0;
        for line in &self.spec.lines {
            let Some(p) = paras.get(at) else { break };
            if p.level.is_some() {
                break;
            }
            let is_year = |field: &str| self.spec.fields.iter().any(|f| f.id == field && f.kind == crate::spec::FieldKind::Year);
            let read = |full: &str, title_like: bool| {
                match_line(&line.text, full, &is_year).filter(|v| v.iter().all(|(_, value)| !value.is_empty()) || title_like)
            };
            // Only the title itself is read over two lines, and only at the top.
            let title = line.role == crate::spec::Role::Title && at == 0;
            let two = paras.get(at + 1).filter(|next| title && p.title_like && next.title_like && next.level.is_none());
            let (full, values, taken) = match read(&p.original, p.title_like) {
                Some(values) => (p.original.clone(), values, 1),
                None => match two.map(|next| format!("{}{}", p.original, next.original)) {
                    Some(joined) => match read(&joined, true) {
                        Some(values) => (joined, values, 2),
                        None => continue,
                    },
                    None => continue,
                },
            };
            let mut field_words = 0;
            for (field, value) in values {
                let value = match self.spec.fields.iter().find(|f| f.id == field).map(|f| &f.kind) {
                    // 成文日期 “2027年2月”, as typed in the form.
                    Some(crate::spec::FieldKind::YearMonth) => value.trim_matches(['（', '）', '(', ')']).to_string(),
                    _ => value,
                };
                field_words += count(&value).words;
                draft.fields.insert(field, self.place(&value));
            }
            self.acc.template += count(&full).words.saturating_sub(field_words);
            at += taken;
        }
        let mut rest = paras.into_iter().skip(at).peekable();
        // Centred lines at the top that no title line matches: kept, not guessed.
        while let Some(p) = rest.next_if(|p| p.title_like && p.level.is_none()) {
            self.keep_unplaced(&p);
        }
        rest.collect()
    }

    /// Places paragraphs under `nodes`: split by the first heading level the
    /// nodes have, each group to the heading node it names (or the next in order).
    fn fill(&mut self, nodes: &[Node], paras: &[Para], top: bool) -> Parts {
        let mut parts = Parts::new();
        let heading_level = nodes.iter().find_map(|n| match n.kind {
            NodeKind::Heading { level, .. } => Some(if level <= 1 { Level::Part } else { Level::Section }),
            _ => None,
        });
        let Some(level) = heading_level else {
            self.flat(nodes, paras, &mut parts);
            return parts;
        };
        // A document numbered one level down (（一） where the template has 一、)
        // is read at its own top level.
        let split = if paras.iter().any(|p| p.level == Some(level)) {
            Some(level)
        } else if top && level == Level::Part && paras.iter().any(|p| p.level == Some(Level::Section)) {
            Some(Level::Section)
        } else {
            None
        };
        let first = split.and_then(|l| paras.iter().position(|p| p.level == Some(l))).unwrap_or(paras.len());
        let others: Vec<Node> = nodes.iter().filter(|n| !matches!(n.kind, NodeKind::Heading { .. })).cloned().collect();
        self.flat(&others, &paras[..first], &mut parts);
        let headings: Vec<&Node> = nodes.iter().filter(|n| matches!(n.kind, NodeKind::Heading { .. })).collect();
        let mut groups: Vec<&[Para]> = Vec::new();
        let mut start = first;
        for i in first + 1..=paras.len() {
            if i == paras.len() || (split.is_some() && paras[i].level == split) {
                groups.push(&paras[start..i]);
                start = i;
            }
        }
        let mut used = vec![false; headings.len()];
        for group in groups {
            let head = &group[0];
            // By heading text (most characters in common), else the next unused.
            let score = |n: &Node| match &n.kind {
                NodeKind::Heading { title: Some(t), .. } => similarity(&t.source, &head.text),
                _ => 0.0,
            };
            let by_text = (0..headings.len())
                .filter(|&i| score(headings[i]) >= 0.5)
                .max_by(|&a, &b| score(headings[a]).total_cmp(&score(headings[b])));
            let repeatable = (0..headings.len()).find(|&i| matches!(headings[i].kind, NodeKind::Heading { title: None, .. }));
            let index = by_text.or(repeatable).or_else(|| used.iter().position(|u| !u));
            let Some(index) = index else {
                for p in group {
                    self.keep_unplaced(p);
                }
                continue;
            };
            used[index] = true;
            let node = headings[index];
            let mut item = Item::default();
            match &node.kind {
                NodeKind::Heading { title: None, .. } => item.title = self.place(&head.text),
                // The template prints its own title: the document's counts as
                // template text when it names it, and is kept when it does not.
                _ if by_text.is_some() => {
                    self.acc.template += count(&head.text).words;
                    self.acc.headings += 1;
                }
                // Its numbering still goes: the template numbers the part.
                _ => self.keep_unplaced(&Para {
                    level: None,
                    original: head.text.clone(),
                    typed_label: String::new(),
                    label_words: 0,
                    ..head.clone()
                }),
            }
            item.parts = self.fill(&node.children, &group[1..], false);
            parts.entry(node.id.clone()).or_default().push(item);
        }
        parts
    }

    /// Places paragraphs among nodes with no heading level: points, texts.
    fn flat(&mut self, nodes: &[Node], paras: &[Para], parts: &mut Parts) {
        let point = nodes.iter().find(|n| matches!(n.kind, NodeKind::Point { .. }));
        let text = nodes.iter().find(|n| matches!(n.kind, NodeKind::Text { .. }));
        for p in paras {
            // A table's title as the template prints it.
            if p.level.is_none() && is_table_title(&self.spec.body, &p.text) {
                self.acc.template += count(&p.text).words;
                continue;
            }
            match (p.level, point, text) {
                (Some(Level::Point), Some(node), _) => {
                    let (mut lead, rest) = split_lead(&p.text, p.bold);
                    // The template ends a lead with a full stop itself where it
                    // takes one: that one goes (“……。” after a mark stays).
                    let bare = lead.strip_suffix('。').map(|l| l.trim_end().to_string());
                    let stop = usize::from(bare.as_deref().is_some_and(|b| crate::document::adds_full_stop(b, &rest)));
                    if stop == 1 {
                        lead = bare.unwrap_or_default();
                    }
                    // Counted whole: a bold start may end inside a run of Latin letters.
                    self.acc.template += stop;
                    self.acc.placed += count(&p.text).words - stop;
                    let item = Item { lead, text: rest, ..Item::default() };
                    parts.entry(node.id.clone()).or_default().push(item);
                }
                (None, _, Some(node)) => {
                    let item = parts.entry(node.id.clone()).or_default();
                    if item.is_empty() {
                        item.push(Item::default());
                    }
                    let t = &mut item[0].text;
                    if !t.is_empty() {
                        t.push('\n');
                    }
                    t.push_str(&p.text);
                    self.acc.placed += count(&p.text).words;
                }
                // A plain paragraph after a point continues it.
                (None, Some(node), None) if parts.get(&node.id).is_some_and(|l| !l.is_empty()) => {
                    let last = parts.get_mut(&node.id).and_then(|l| l.last_mut()).expect("checked");
                    last.text.push('\n');
                    last.text.push_str(&p.text);
                    self.acc.placed += count(&p.text).words;
                }
                _ => self.keep_unplaced(p),
            }
        }
    }

    fn pictures(&mut self, draft: &mut Draft, images: Vec<(Image, String)>) {
        // Without a picture slot, a picture is kept as it is, unplaced, with its caption.
        let path = first_path(&self.spec.body, &|n| matches!(n.kind, NodeKind::Pictures { .. }));
        for (image, caption) in images {
            match Picture::from_bytes(&image.name, image.data) {
                Ok(mut picture) => match &path {
                    Some(path) => {
                        picture.caption = self.place(&caption);
                        slot(&mut draft.body, path).pictures.push(picture);
                    }
                    None => {
                        self.acc.unplaced += count(&caption).words;
                        picture.caption = caption;
                        draft.unplaced_pictures.push(picture);
                    }
                },
                Err(e) => {
                    self.unplaced.push(format!("（{e}，没有导入）{caption}"));
                    self.acc.unplaced += count(&caption).words;
                }
            }
        }
    }

    fn tables(&mut self, draft: &mut Draft, tables: Vec<Vec<Vec<String>>>) {
        let found = first_path(&self.spec.body, &|n| matches!(n.kind, NodeKind::Table { .. }));
        let columns = found.as_ref().and_then(|path| node_at(&self.spec.body, path)).and_then(|n| match &n.kind {
            NodeKind::Table { columns, .. } => Some(columns.clone()),
            _ => None,
        });
        for rows in tables {
            let (Some(path), Some(columns)) = (&found, &columns) else {
                for row in rows {
                    let line = row.join("\t");
                    self.acc.unplaced += count(&line).words;
                    self.unplaced.push(line);
                }
                continue;
            };
            // A header row names the columns; else cells go by order.
            let header: Option<Vec<Option<usize>>> = rows.first().map(|first| {
                first
                    .iter()
                    .map(|cell| columns.iter().position(|c| similarity(&c.label, cell) >= 0.6 || cell.contains(c.label.as_str())))
                    .collect()
            });
            let has_header = header.as_ref().is_some_and(|h| h.iter().filter(|c| c.is_some()).count() * 2 >= columns.len().max(1));
            let body = if has_header {
                self.acc.template += rows[0].iter().map(|c| count(c).words).sum::<usize>();
                &rows[1..]
            } else {
                &rows[..]
            };
            for row in body {
                let mut cells = std::collections::BTreeMap::new();
                for (i, cell) in row.iter().enumerate() {
                    let column = if has_header { header.as_ref().and_then(|h| h.get(i).copied().flatten()) } else { Some(i) };
                    match column.and_then(|c| columns.get(c)) {
                        Some(c) => {
                            cells.insert(c.id.clone(), self.place(cell.trim()));
                        }
                        None if !cell.trim().is_empty() => {
                            self.acc.unplaced += count(cell).words;
                            self.unplaced.push(cell.trim().to_string());
                        }
                        None => {}
                    }
                }
                slot(&mut draft.body, path).rows.push(cells);
            }
        }
    }
}

fn is_table_title(nodes: &[Node], text: &str) -> bool {
    nodes.iter().any(|n| match &n.kind {
        NodeKind::Table { title: Some(t), .. } => t.source.trim() == text.trim(),
        _ => is_table_title(&n.children, text),
    })
}

/// The lead sentence of a point: its bold start, else its first sentence when
/// short; and the rest.
fn split_lead(text: &str, bold: usize) -> (String, String) {
    let chars: Vec<char> = text.chars().collect();
    let end = if bold > 0 {
        bold.min(chars.len())
    } else {
        match chars.iter().position(|c| matches!(c, '。' | '；' | '！')) {
            Some(i) if i < 60 => i + 1,
            _ => 0,
        }
    };
    let lead: String = chars[..end].iter().collect();
    let rest: String = chars[end..].iter().collect();
    (lead.trim().to_string(), rest.trim().to_string())
}

/// How much of `a`'s characters `b` has (0..1), ignoring punctuation and the
/// particle 的: “履职的主要情况和特点” names “履职主要情况和特点”.
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    let keep = |c: &char| c.is_alphanumeric() && *c != '的';
    let a: Vec<char> = a.chars().filter(keep).collect();
    let b: Vec<char> = b.chars().filter(keep).collect();
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.iter().filter(|c| b.contains(c)).count();
    let longer = a.len().max(b.len());
    common as f64 / longer as f64
}

/// The path to the first node (depth first) that `wanted` picks, through first
/// occurrences.
fn first_path(nodes: &[Node], wanted: &dyn Fn(&Node) -> bool) -> Option<Owner> {
    for n in nodes {
        if wanted(n) {
            return Some(vec![(n.id.clone(), 0)]);
        }
        if let Some(mut rest) = first_path(&n.children, wanted) {
            rest.insert(0, (n.id.clone(), 0));
            return Some(rest);
        }
    }
    None
}

fn node_at<'n>(nodes: &'n [Node], path: &[Step]) -> Option<&'n Node> {
    let (first, rest) = path.split_first()?;
    let node = nodes.iter().find(|n| n.id == first.0)?;
    if rest.is_empty() {
        Some(node)
    } else {
        node_at(&node.children, rest)
    }
}

/// The item at `path`, created (first occurrences) if missing.
fn slot<'d>(parts: &'d mut Parts, path: &[Step]) -> &'d mut Item {
    let (first, rest) = path.split_first().expect("a path has at least one step");
    let list = parts.entry(first.0.clone()).or_default();
    if list.is_empty() {
        list.push(Item::default());
    }
    let item = &mut list[0];
    if rest.is_empty() {
        item
    } else {
        slot(&mut item.parts, rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_labels() {
        assert_eq!(typed_label("一、履职情况"), Some((Level::Part, 2)));
        assert_eq!(typed_label("十二、其他"), Some((Level::Part, 3)));
        assert_eq!(typed_label("（三）坚持"), Some((Level::Section, 3)));
        assert_eq!(typed_label("(三)坚持"), Some((Level::Section, 3)));
        assert_eq!(typed_label("一是带头"), Some((Level::Point, 2)));
        assert_eq!(typed_label("二是，带头"), Some((Level::Point, 3)));
        assert_eq!(typed_label("第一，带头"), Some((Level::Point, 3)));
        assert_eq!(typed_label("1.带头"), Some((Level::Point, 2)));
        assert_eq!(typed_label("（2）带头"), Some((Level::Point, 3)));
        assert_eq!(typed_label("1.5万元"), None);
        assert_eq!(typed_label("一年来"), None);
        assert_eq!(typed_label("2026年"), None);
    }

    #[test]
    fn leads() {
        assert_eq!(split_lead("带头履行第一责任人职责。全年主持召开", 0), ("带头履行第一责任人职责。".into(), "全年主持召开".into()));
        assert_eq!(split_lead("带头履行职责，全年主持", 6), ("带头履行职责".into(), "，全年主持".into()));
    }
}
