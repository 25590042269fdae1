//! The page model: paragraphs broken into lines the way Word and LibreOffice break
//! this format, lines stacked into pages. One model for the compiler's page check,
//! `wengao pages` / `stats`, the app's estimate and the tests.
//!
//! Widths (measured against LibreOffice with the test fonts, and true of the
//! GB2312 fonts Attachment 1 names): Chinese characters and full-width punctuation
//! one em of their run's size; ASCII letters, digits, punctuation and the space
//! half an em (these fonts' Latin glyphs are half-width); between a Chinese
//! character and a Latin letter or digit, the engine's automatic spacing (Word's
//! autoSpaceDE/DN, on by default; [`crate::geometry::Engine`]). Line breaks: between any two Chinese
//! characters, at spaces, and around Latin words (never inside one); no line
//! starts with a closing punctuation mark and none ends with an opening one
//! (避头尾); one of ，。、．；：！？ ending a line may hang past the right margin. Pages: the style's
//! line pitch; headings keep with the next paragraph; a picture keeps with its
//! caption; table rows do not split.

use crate::document::{Block, Document, Paragraph, TextRun};
use crate::geometry::{column_widths, line_pitch, picture_block_height, Capacity, Engine, CELL_MARGIN, TABLE_BORDER};
use crate::spec::{Role, Style};

pub mod faces;
pub mod flow;
mod lines;
mod view;

use lines::break_lines;
pub use lines::{autospaced, is_ideograph};
pub use view::{page_openings, page_view, paragraph_lines, PageItem};

/// Something placed on a page: a line of a paragraph (characters `start..end` of
/// its text), a picture, or a table row (`start` is the row, 0 the header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub block: usize,
    pub start: u32,
    pub end: u32,
    /// Distance from the top of the type area, and height, in twips.
    pub top: u32,
    pub height: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// What each page holds, top to bottom.
    pub pages: Vec<Vec<Placed>>,
    /// The body's line pitch, in twips.
    pub pitch: u32,
}

impl Layout {
    /// Lines a page's content takes, at the body's line pitch.
    pub fn lines_on(&self, page: usize) -> u32 {
        self.pages.get(page).and_then(|p| p.last()).map_or(0, |l| (l.top + l.height).div_ceil(self.pitch.max(1)))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Estimate {
    /// Pages as LibreOffice lays the file out.
    pub pages: u32,
    /// Pages by Word's rules (more where the wider gap before Latin words and
    /// digits pushes lines over).
    pub word_pages: u32,
    /// Body lines used on the last page, and lines a page holds.
    pub last_page_lines: u32,
    pub lines_per_page: u32,
    pub chars_per_line: u32,
}

impl Estimate {
    /// Roughly how many full-width characters to cut to fit `max` pages.
    pub fn chars_over(&self, max: u32) -> u32 {
        let pages = self.most_pages();
        if pages <= max {
            return 0;
        }
        ((pages - max - 1) * self.lines_per_page + self.last_page_lines.max(1)) * self.chars_per_line
    }

    /// The most pages either program may lay the file out on: what a page limit is checked against.
    pub fn most_pages(&self) -> u32 {
        self.pages.max(self.word_pages)
    }

    /// 约6页, or 约6–7页 where Word and LibreOffice differ.
    pub fn pages_text(&self) -> String {
        let (low, high) = (self.pages.min(self.word_pages), self.most_pages());
        if low == high {
            format!("约{low}页")
        } else {
            format!("约{low}–{high}页")
        }
    }

    /// What is wrong against a page limit of `max`, when something is: the
    /// words of the form's page figure and of the export checklist.
    pub fn over_limit(&self, max: u32) -> Option<String> {
        let over = self.chars_over(max);
        if self.pages > max {
            Some(format!("超出，约需删减{over}字"))
        } else if self.word_pages > max {
            Some(format!("在 Word 里可能多出一页（它在汉字和西文、数字之间留的空更宽），约需删减{over}字"))
        } else {
            None
        }
    }

    /// Why the estimate is a range, when it is one.
    pub fn range_reason(&self) -> Option<String> {
        (self.pages != self.word_pages).then_some(format!(
            "Word 在汉字和西文、数字之间留的空（{}）比 LibreOffice 和 WPS 所按的（{}）宽，有几行会多折一行，所以页数可能差一页。",
            Engine::Word.autospace_text(),
            Engine::LibreOffice.autospace_text()
        ))
    }
}

/// The page count and how full the last page is.
pub fn estimate(doc: &Document, style: &Style) -> Estimate {
    estimate_of(doc, &lay_out(doc, style), style)
}

/// The same, for a layout already made.
pub fn estimate_of(doc: &Document, l: &Layout, style: &Style) -> Estimate {
    let capacity = Capacity::of(style);
    Estimate {
        pages: l.pages.len() as u32,
        word_pages: lay_out_as(doc, style, Engine::Word).pages.len() as u32,
        last_page_lines: l.lines_on(l.pages.len().saturating_sub(1)),
        lines_per_page: capacity.lines_per_page,
        chars_per_line: capacity.chars_per_line,
    }
}

/// Places the document's lines, pictures and table rows on pages, as LibreOffice does.
pub fn lay_out(doc: &Document, style: &Style) -> Layout {
    lay_out_as(doc, style, Engine::LibreOffice)
}

/// Places the document's lines, pictures and table rows on pages, by `engine`'s rules.
pub fn lay_out_as(doc: &Document, style: &Style, engine: Engine) -> Layout {
    let mut pager = Pager { height: style.page.text_height().max(1), pages: vec![Vec::new()], used: 0 };
    let width = style.page.text_width();
    for (i, block) in doc.blocks.iter().enumerate() {
        match block {
            Block::Paragraph(p) => {
                let pitch = line_pitch(style.role(p.role));
                let chars = p.text().chars().count() as u32;
                let mut starts = break_lines(p, style, width, engine);
                starts.push(chars);
                let n = starts.len() - 1;
                // A heading keeps all its lines with what follows: a chain of
                // headings (一、 then （一）) and the first lines of the paragraph
                // after them (two, with orphan control, when it has two).
                if keeps_with_next(p) {
                    let mut need = n as u32 * pitch;
                    let mut j = i + 1;
                    loop {
                        match doc.blocks.get(j) {
                            Some(Block::Paragraph(q)) if keeps_with_next(q) => {
                                need += break_lines(q, style, width, engine).len() as u32 * line_pitch(style.role(q.role));
                                j += 1;
                                continue;
                            }
                            Some(Block::Paragraph(q)) => {
                                let lines = break_lines(q, style, width, engine).len();
                                need += first_lines_kept_together(lines) as u32 * line_pitch(style.role(q.role))
                            }
                            Some(Block::Table(t)) => need += table_start_height(t, style, pager.height, engine),
                            Some(Block::Picture { picture, .. }) => {
                                need += picture_block_height(picture.width, picture.height, &style.page)
                            }
                            None => {}
                        }
                        break;
                    }
                    pager.keep(need);
                }
                // Widow and orphan control (two lines), as LibreOffice applies it to
                // these files: a paragraph does not leave its first line alone at
                // the foot of a page, nor its last line alone at the head of one.
                if n >= 2 && pager.room(pitch) == 1 {
                    pager.break_page();
                }
                let mut k = 0;
                while k < n {
                    let room = pager.room(pitch) as usize;
                    if room == 0 {
                        pager.break_page();
                        continue;
                    }
                    // The last line is not left alone on the next page either: one
                    // more goes with it, unless that leaves the first alone here.
                    let take = match n - k {
                        left if left <= room => left,
                        left if left - room == 1 => room - 1,
                        _ => room,
                    };
                    if k == 0 && take < first_lines_kept_together(n).min(room) {
                        pager.break_page();
                        continue;
                    }
                    for line in k..k + take {
                        pager.place(i, starts[line], starts[line + 1], pitch);
                    }
                    k += take;
                    if k < n {
                        pager.break_page();
                    }
                }
            }
            Block::Picture { picture, .. } => {
                let h = picture_block_height(picture.width, picture.height, &style.page);
                // The picture keeps with its caption's first line.
                let caption = match doc.blocks.get(i + 1) {
                    Some(Block::Paragraph(q)) => line_pitch(style.role(q.role)),
                    _ => 0,
                };
                pager.keep(h + caption);
                pager.place(i, 0, 0, h);
            }
            Block::Table(t) => {
                let heights = table_row_heights(t, style, engine);
                let header = heights[0];
                let pitch = line_pitch(style.role(Role::Table));
                // The header row (w:tblHeader) is repeated at the top of every page
                // the table continues on, in Word and LibreOffice.
                let continue_on_next_page = |pager: &mut Pager| {
                    pager.break_page();
                    pager.place(i, 0, 1, header);
                };
                for (row, &h) in heights.iter().enumerate() {
                    let (row, h) = (row as u32, h);
                    if row > 0 && h > pager.height.saturating_sub(header) {
                        // Taller than a page under the header: the renderer lets such a
                        // row split (no w:cantSplit), at a line, from where it is.
                        let mut left = h;
                        loop {
                            let room = pager.room(pitch) * pitch;
                            if left <= pager.height.saturating_sub(pager.used) {
                                pager.place(i, row, row + 1, left);
                                break;
                            }
                            if room >= pitch {
                                pager.place(i, row, row + 1, room);
                                left -= room;
                            }
                            continue_on_next_page(&mut pager);
                        }
                        continue;
                    }
                    if row > 0 && pager.used > 0 && pager.used + h > pager.height {
                        continue_on_next_page(&mut pager);
                    }
                    // The header row is not left alone at the foot of a page.
                    pager.keep(if row == 0 { table_start_height(t, style, pager.height, engine) } else { h });
                    pager.place(i, row, row + 1, h);
                }
            }
        }
    }
    Layout { pages: pager.pages, pitch: line_pitch(style.role(Role::Body)) }
}

struct Pager {
    height: u32,
    pages: Vec<Vec<Placed>>,
    used: u32,
}

impl Pager {
    /// Whole lines of `pitch` still free on this page.
    fn room(&self, pitch: u32) -> u32 {
        self.height.saturating_sub(self.used) / pitch.max(1)
    }

    fn break_page(&mut self) {
        self.pages.push(Vec::new());
        self.used = 0;
    }

    /// Starts a new page unless `need` fits here (or would not fit on any page).
    fn keep(&mut self, need: u32) {
        if self.used > 0 && self.used + need > self.height && need <= self.height {
            self.break_page();
        }
    }

    fn place(&mut self, block: usize, start: u32, end: u32, height: u32) {
        if self.used > 0 && self.used + height > self.height {
            self.break_page();
        }
        let top = self.used;
        self.used += height;
        if let Some(page) = self.pages.last_mut() {
            page.push(Placed { block, start, end, top, height });
        }
    }
}

/// How many first lines of a paragraph of `lines` lines must stay on one page:
/// with widow and orphan control of two lines, a paragraph of three lines or
/// fewer cannot be split at all.
fn first_lines_kept_together(lines: usize) -> usize {
    if lines <= 3 {
        lines
    } else {
        2
    }
}

fn keeps_with_next(p: &Paragraph) -> bool {
    p.outline_level.is_some() || p.keep_with_next
}

/// Heights of a table's rows (header first): the tallest cell's lines, broken
/// like a paragraph of the table role within the column less its cell margins,
/// plus the row's border.
pub(crate) fn table_row_heights(t: &crate::document::Table, style: &Style, engine: Engine) -> Vec<u32> {
    let pitch = line_pitch(style.role(Role::Table));
    let widths = column_widths(&t.columns, &style.page);
    let header: Vec<String> = t.columns.iter().map(|(c, _)| c.clone()).collect();
    std::iter::once(&header)
        .chain(t.rows.iter())
        .map(|row| {
            let lines = row.iter().zip(&widths).map(|(cell, w)| cell_lines(t, cell, *w, style, engine).len() as u32).max().unwrap_or(1);
            lines * pitch + TABLE_BORDER
        })
        .collect()
}

/// Where each line of a table cell in a column `width` wide starts: broken like a
/// paragraph of the table role within the column less its cell margins.
fn cell_lines(t: &crate::document::Table, cell: &str, width: u32, style: &Style, engine: Engine) -> Vec<u32> {
    let p = Paragraph {
        role: Role::Table,
        runs: vec![TextRun { text: cell.to_string(), role: Role::Table }],
        outline_level: None,
        keep_with_next: false,
        owner: t.owner.clone(),
    };
    break_lines(&p, style, width.saturating_sub(2 * CELL_MARGIN), engine)
}

/// What must fit on a page for a table to start there: its header row and its
/// first row (when that row fits on a page at all).
fn table_start_height(t: &crate::document::Table, style: &Style, page: u32, engine: Engine) -> u32 {
    let heights = table_row_heights(t, style, engine);
    let first = heights.get(1).copied().filter(|h| heights[0] + h <= page).unwrap_or(0);
    heights[0] + first
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::{BuiltinStyles, TEMPLATES};
    use crate::document::{Owner, TextRun};
    use crate::draft::Draft;

    fn body(text: &str) -> Paragraph {
        Paragraph {
            role: Role::Body,
            runs: vec![TextRun { text: text.into(), role: Role::Body }],
            outline_level: None,
            keep_with_next: false,
            owner: Owner::new(),
        }
    }

    fn lines(text: &str) -> Vec<String> {
        let style = crate::compile(&TEMPLATES[0].source_file(), &BuiltinStyles).spec.unwrap().style;
        let p = body(text);
        let starts = break_lines(&p, &style, style.page.text_width(), Engine::LibreOffice);
        let chars: Vec<char> = text.chars().collect();
        starts
            .iter()
            .enumerate()
            .map(|(k, s)| chars[*s as usize..starts.get(k + 1).map_or(chars.len(), |e| *e as usize)].iter().collect())
            .collect()
    }

    // The cases below are what LibreOffice does with this format (checked by hand
    // against its PDF): 22 characters on a first line, 24 on the others.
    const A: &str = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";

    /// A line break typed in a table cell (w:br) starts a new line, as in
    /// LibreOffice's PDF of the 测评表 (“□好 □较” / “好” / “□一般 □” / “差”):
    /// the model used to run the two lines together.
    #[test]
    fn a_line_break_in_a_cell_starts_a_line() {
        let spec = crate::compile(&TEMPLATES.iter().find(|t| t.name() == "整改清单").unwrap().source_file(), &BuiltinStyles).spec.unwrap();
        let em = crate::geometry::em(spec.style.role(Role::Table).size_half_points);
        let p = Paragraph {
            role: Role::Table, runs: vec![TextRun { text: "□好 □较好\n□一般 □差".into(), role: Role::Table }], ..body("")
        };
        assert_eq!(break_lines(&p, &spec.style, em * 5, Engine::LibreOffice), [0, 5, 7, 12]);
        let p = Paragraph { role: Role::Table, runs: vec![TextRun { text: "甲\n\n乙".into(), role: Role::Table }], ..body("") };
        assert_eq!(break_lines(&p, &spec.style, em * 5, Engine::LibreOffice), [0, 2, 3], "an empty line between");
    }

    /// What LibreOffice does in a left-aligned table cell a little over three
    /// characters wide (整改清单's 责任人) with a word too wide for it, read from
    /// its PDF: every case below is its line breaking.
    #[test]
    fn a_narrow_cell_breaks_too_wide_words_as_libreoffice_does() {
        let spec = crate::compile(&TEMPLATES.iter().find(|t| t.name() == "整改清单").unwrap().source_file(), &BuiltinStyles).spec.unwrap();
        let em = crate::geometry::em(spec.style.role(Role::Table).size_half_points);
        let cell = |text: &str| {
            let p = Paragraph { role: Role::Table, runs: vec![TextRun { text: text.into(), role: Role::Table }], ..body("") };
            let starts = break_lines(&p, &spec.style, em * 31 / 10, Engine::LibreOffice);
            let chars: Vec<char> = text.chars().collect();
            let ends = starts.iter().skip(1).map(|e| *e as usize).chain([chars.len()]);
            starts.iter().zip(ends).map(|(s, e)| chars[*s as usize..e].iter().collect::<String>()).collect::<Vec<_>>().join("／")
        };
        for (text, libreoffice) in [
            ("（试行）GDP基", "（试／行／）GDP／基"),
            ("甲乙行）GDP", "甲乙／行／）GDP"),
            ("甲乙。GDP丙", "甲／乙／。GDP／丙"),
            ("甲乙、Word丙", "甲／乙／、Word／丙"),
            ("甲乙，12丙", "甲／乙，12／丙"),
            ("甲乙）12丙", "甲／乙）12／丙"),
            ("甲（GDP）乙", "甲／（／GDP）／乙"),
            ("甲乙“GDP”丙", "甲乙／“GDP／”丙"),
            ("甲乙丙2026年", "甲乙丙／2026／年"),
            ("甲APP、Excel乙", "甲／APP／、Exce／l乙"),
            ("甲乙丙丁、Excel", "甲乙丙／丁／、Exce／l"),
            ("甲乙。https://www.gov.cn/zh丙", "甲／乙／。http／s://／www.go／v.cn/／zh丙"),
            ("甲乙12345：2026丙", "甲乙／12345／：2026／丙"),
            // From the corpus (drafts 34 and 36).
            ("专服问社：95.6%“两学", "专服问／社：／95.6%／“两学"),
            ("工？、党Word？！伍，众", "工？、／党／Word／？！／伍，众"),
            ("建，展“两学一做”2026年治研", "建，展／“两学／一／做／”2026／年治研"),
        ] {
            assert_eq!(cell(text), libreoffice, "{text}");
        }
    }

    /// A page of one-line paragraphs with `room` lines left, then `tail`.
    fn page_then(room: usize, tail: Vec<Paragraph>) -> (Layout, Vec<usize>) {
        let style = crate::compile(&TEMPLATES[0].source_file(), &BuiltinStyles).spec.unwrap().style;
        let per_page = Capacity::of(&style).lines_per_page as usize;
        let mut blocks: Vec<Block> = (0..per_page - room).map(|_| Block::Paragraph(body("短"))).collect();
        let first = blocks.len();
        blocks.extend(tail.into_iter().map(Block::Paragraph));
        let doc = Document { title: String::new(), author: String::new(), blocks, labels: Vec::new(), title_lines: 0 };
        let layout = lay_out(&doc, &style);
        let on_first_page = (first..doc.blocks.len()).map(|b| layout.pages[0].iter().filter(|l| l.block == b).count()).collect();
        (layout, on_first_page)
    }

    #[test]
    fn a_paragraph_of_three_lines_is_not_split_across_pages() {
        // Two lines free: 2 + 1 leaves a widow, 1 + 2 an orphan; LibreOffice moves it whole.
        let three = body(&A.repeat(3));
        assert_eq!(page_then(2, vec![three.clone()]).1, [0]);
        // A heading kept with it goes along, leaving the page short (as LibreOffice does).
        let heading = Paragraph { outline_level: Some(1), ..body("（三）标题") };
        assert_eq!(page_then(3, vec![heading, three]).1, [0, 0]);
        // Four lines split 2 + 2.
        assert_eq!(page_then(2, vec![body(&A.repeat(4))]).1, [2]);
    }

    #[test]
    fn a_comma_after_a_full_first_line_hangs() {
        assert_eq!(lines(&format!("{A}，后面")), [format!("{A}，"), "后面".to_string()]);
    }

    #[test]
    fn word_leaves_wider_gaps_before_digits_so_its_lines_hold_less() {
        let style = crate::compile(&TEMPLATES[0].source_file(), &BuiltinStyles).spec.unwrap().style;
        let p = body(&"党1".repeat(40));
        let lo = break_lines(&p, &style, style.page.text_width(), Engine::LibreOffice);
        let word = break_lines(&p, &style, style.page.text_width(), Engine::Word);
        // 1 + 0.5 + 0.2 + 0.2 em a pair against 1 + 0.5 + 0.25 + 0.25.
        assert!(word[1] < lo[1], "Word's first line ends at {}, LibreOffice's at {}", word[1], lo[1]);
        let estimate = Estimate { pages: 6, word_pages: 7, last_page_lines: 3, lines_per_page: 19, chars_per_line: 24 };
        assert_eq!(estimate.pages_text(), "约6–7页");
        assert!(estimate.range_reason().is_some());
        assert_eq!(estimate.chars_over(6), 3 * 24, "checked against the larger count");
        assert_eq!(Estimate { word_pages: 6, ..estimate }.pages_text(), "约6页");
    }

    #[test]
    fn the_automatic_space_is_where_chinese_meets_latin_letters_or_digits() {
        assert_eq!(autospaced("全年12次，用Word写"), [("全年", false), ("12", true), ("次，用", true), ("Word", true), ("写", true)]);
        assert_eq!(autospaced("（2026）年"), [("（2026）年", false)], "no space next to brackets");
        assert_eq!(autospaced(""), [("", false)]);
    }

    #[test]
    fn a_closing_bracket_keeps_the_latin_word_after_it_a_full_stop_need_not() {
        // CL × (AL | NU): ）GDP is not broken...
        let a20: String = A.chars().take(20).collect();
        assert_eq!(lines(&format!("{a20}乙）GDP后面")), [a20.clone(), "乙）GDP后面".to_string()]);
        // ...but a full stop, which may hang past the margin, may end the line.
        assert_eq!(lines(&format!("{A}。GDP后面")), [format!("{A}。"), "GDP后面".to_string()]);
        // Nor does a colon keep it.
        assert_eq!(lines(&format!("{a20}乙：GDP后面")), [format!("{a20}乙："), "GDP后面".to_string()]);
    }

    #[test]
    fn an_opening_quote_does_not_end_a_line() {
        let a21: String = A.chars().take(21).collect();
        assert_eq!(lines(&format!("{a21}“引号”"))[0], a21);
    }

    #[test]
    fn two_closing_marks_take_the_character_before_them_along() {
        let a21: String = A.chars().take(21).collect();
        assert_eq!(lines(&format!("{a21}说。”后面"))[1], "说。”后面");
    }

    #[test]
    fn digits_are_one_word_with_spacing_around_them() {
        let a20: String = A.chars().take(20).collect();
        assert_eq!(lines(&format!("{a20}共2026个字")), [format!("{a20}共"), "2026个字".to_string()]);
    }

    #[test]
    fn the_page_view_shows_every_character_once_in_order() {
        // A 一是 point is two runs (bold lead, plain text) over many lines and pages.
        let template = TEMPLATES.iter().find(|t| t.name() == "述职报告").unwrap();
        let spec = crate::compile(&template.source_file(), &BuiltinStyles).spec.unwrap();
        let mut draft = Draft::new(&spec);
        crate::edit::fill_minimums(&spec, &mut draft);
        let point =
            &mut draft.body.get_mut("履职情况").unwrap()[0].parts.get_mut("履职方面").unwrap()[0].parts.get_mut("履职要点").unwrap()[0];
        point.lead = "带头履行第一责任人职责".into();
        point.text = "全年主持召开党工委会12次，2026年完成30%。".repeat(300);
        let doc = crate::document::assemble(&spec, &draft);
        let layout = lay_out(&doc, &spec.style);
        let view = page_view(&doc, &layout, &spec.style);
        assert!(view.len() > 3, "spans pages: {}", view.len());
        let shown: String = view.iter().flatten().flat_map(|item| item.runs.iter().map(|(_, t)| t.as_str())).collect();
        let written: String = doc.blocks.iter().filter_map(|b| if let Block::Paragraph(p) = b { Some(p.text()) } else { None }).collect();
        assert_eq!(shown, written);
        let bold_lines =
            view.iter().flatten().filter(|item| item.runs.iter().any(|(role, t)| *role == Role::Heading3 && t.contains("一是"))).count();
        assert!(bold_lines >= 1);
    }
}
