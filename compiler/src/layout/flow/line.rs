//! A paragraph's lines: its characters in their faces, broken by the line
//! breaker, each line's height by the file's line spacing and grid.

use super::super::faces::{self, Face};
use super::super::lines::{break_glyphs, class, Class, Glyph};
use super::{FlowParagraph, FlowRun, FlowSection, InlinePicture, LineRule, PAGE_BREAK, PICTURE};
use crate::geometry::Engine;

/// A paragraph's lines: where each starts, how tall it is, and whether the file
/// breaks the page before it.
/// No line is taller than this (twips, about 70 A4 pages): a file's
/// absurd sizes and spacings cannot overflow the sums of a page.
const MAX_LINE: u32 = 1_000_000;

pub(super) struct Line {
    pub(super) start: u32,
    pub(super) height: u32,
    /// What 倍数 spacing adds below the text: a page's last line may leave it
    /// past the foot of the page (measured: 37 lines of 12 pt at 1.5 lines on
    /// a page that holds 36.9 of them; on a grid, past the last whole pitch,
    /// 17 lines of 39.8 pt after 2.75 pt of space, 16 after 3 pt).
    pub(super) slack: u32,
    /// Its height and slack where it is the first line on a page: on a grid,
    /// 倍数 spacing then adds the share of its text's height, as on a
    /// paragraph's first line (measured: a page that goes on with a paragraph
    /// of 1.5 lines holds 15 of them, the first 39.8 pt, the rest 46.8).
    pub(super) on_page_top: (u32, u32),
    pub(super) page_break_before: bool,
}

/// A character as the line breaker sees it, with the face it is drawn in.
struct Drawn {
    glyph: Glyph,
    face: &'static Face,
    /// The inline picture it is.
    picture: Option<InlinePicture>,
    /// Drawn as Chinese text (a Chinese character or mark, or a space after one).
    asian: bool,
}

/// Whether each character is drawn as Chinese text, in its run's Chinese face.
/// LibreOffice gives a character its script by its Unicode block: Chinese
/// characters and the marks of the CJK and full-width blocks are Chinese, the
/// Latin blocks (ASCII, ·, ×, °) Latin, and the weak ones, the space and
/// the general punctuation and symbols (“ ” … — ①), take the script of the
/// character before them, or at a paragraph's start of the first one after
/// (measured: after 为 a space advances 0.256 em, Noto Serif CJK's, after q
/// 0.226 em, Carlito's; “ after Word 0.444 em, Times New Roman's, ” after 课
/// a whole em; digits and brackets after Chinese take the Latin face).
fn scripts_east_asian(p: &FlowParagraph) -> impl FnMut(char) -> bool {
    let mut script = p.runs.iter().flat_map(|r| r.text.chars()).find(|&c| !weak(c)).map(|c| class(c) == Class::Wide);
    move |c| {
        if !weak(c) {
            script = Some(class(c) == Class::Wide);
        }
        script.unwrap_or(false)
    }
}

fn weak(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\t' | PICTURE | PAGE_BREAK | '\u{2000}'..='\u{2E7F}')
}

fn glyphs(p: &FlowParagraph, tab_stops: u32) -> Vec<Drawn> {
    let mut pictures = p.pictures.iter();
    let mut out = Vec::new();
    let mut east_asian_script = scripts_east_asian(p);
    for run in &p.runs {
        let em = crate::geometry::em(run.size_half_points);
        for c in run.text.chars() {
            if c == PICTURE {
                let picture = pictures.next().copied().unwrap_or_default();
                out.push(Drawn {
                    glyph: Glyph { c, em, width: picture.width },
                    face: faces::latin(None, false),
                    picture: Some(picture),
                    asian: false,
                });
                continue;
            }
            if c == '\t' {
                out.push(Drawn {
                    glyph: Glyph { c, em, width: tab_stops },
                    face: faces::latin(run.latin.as_deref(), run.bold),
                    picture: None,
                    asian: false,
                });
                continue;
            }
            let asian = east_asian_script(c);
            // General punctuation after Latin text is as wide as its Latin glyph.
            let wide = class(c) == Class::Wide && asian;
            let face = if asian { faces::east_asian(run.east_asia.as_deref()) } else { faces::latin(run.latin.as_deref(), run.bold) };
            let width = (face.advance(c, wide, em) as i64 * run.scale as i64 / 100 + run.spacing as i64).max(0) as u32;
            out.push(Drawn { glyph: Glyph { c, em, width }, face, picture: None, asian });
        }
    }
    out
}

/// Characters' widths on a grid of characters of `cell` twips (measured in
/// LibreOffice with 16 pt text in 11.75 pt cells): each Chinese character, and
/// each space after one, takes whole cells; a stretch of Latin text (letters,
/// digits and the spaces between them) takes whole cells together, so five
/// letters a take four cells and eighteen digits 1 thirteen. The stretch's
/// extra width goes to its last character.
fn on_char_grid(piece: &[Drawn], cell: Option<u32>) -> Vec<Glyph> {
    let mut glyphs: Vec<Glyph> = piece.iter().map(|c| c.glyph).collect();
    let Some(cell) = cell.map(|c| c.max(1)) else { return glyphs };
    let snap = |w: u32| w.div_ceil(cell).saturating_mul(cell);
    // The Latin stretch being measured: its width so far.
    let mut stretch = 0u32;
    for (i, c) in piece.iter().enumerate() {
        let latin = c.picture.is_none() && !c.asian && c.glyph.c != '\t';
        if latin {
            stretch = stretch.saturating_add(c.glyph.width);
        }
        let ends = latin && piece.get(i + 1).is_none_or(|n| n.picture.is_some() || n.asian || n.glyph.c == '\t');
        if ends {
            glyphs[i].width = glyphs[i].width.saturating_add(snap(stretch) - stretch);
            stretch = 0;
        }
        if c.picture.is_none() && c.asian {
            glyphs[i].width = snap(c.glyph.width);
        }
    }
    glyphs
}

/// The single height of a line of these characters (their largest ascent plus
/// their largest descent, or an inline picture's height).
fn single_height(chars: &[Drawn]) -> u32 {
    // In hundred-thousandths of a twip, rounded to a twip at the end.
    let ascent =
        chars.iter().map(|c| c.picture.map_or(c.glyph.em as u64 * c.face.ascent as u64, |p| p.height as u64 * 100_000)).max().unwrap_or(0);
    let descent = chars.iter().filter(|c| c.picture.is_none()).map(|c| c.glyph.em as u64 * c.face.descent as u64).max().unwrap_or(0);
    to_twips(ascent + descent)
}

/// A run's single height in its Latin face, in twips.
fn latin_height(run: &FlowRun) -> u32 {
    height_in(faces::latin(run.latin.as_deref(), run.bold), run.size_half_points)
}

/// The single height of a face at a size, in twips.
fn height_in(face: &Face, size_half_points: u32) -> u32 {
    to_twips(crate::geometry::em(size_half_points) as u64 * (face.ascent + face.descent) as u64)
}

/// Hundred-thousandths of a twip (an em in twips times a face's metric), rounded to a twip.
fn to_twips(hundred_thousandths: u64) -> u32 {
    ((hundred_thousandths + 50_000) / 100_000).min(u32::MAX as u64) as u32
}

/// Where a paragraph stands: its first line's 倍数 share differs (measured).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Within {
    Body,
    Cell,
}

pub(super) fn lines_of(p: &FlowParagraph, section: &FlowSection, width: u32, within: Within) -> Vec<Line> {
    let placed = glyphs(p, section.tab_stops);
    let cell = section.char_grid.filter(|_| p.snap_to_grid);
    let snap = |w: u32| cell.map_or(w, |c| w.div_ceil(c.max(1)).saturating_mul(c));
    // On a grid of characters the indents take whole cells (measured: 25 pt
    // left and 15 pt right leave 16 characters of 16 pt where 17 fit unsnapped).
    let width = width.saturating_sub(snap(p.left).saturating_add(snap(p.right))).max(1);
    let indent = p.first_line.max(0) as u32;
    // No automatic space between Chinese and Latin text on a grid of
    // characters (measured: aaa字字字字字bbb leaves room for one more 尾).
    let autospace = if cell.is_some() { 0 } else { Engine::LibreOffice.autospace_percent() };
    let hanging = p.hanging_punctuation && (within == Within::Body || p.justified);
    let indent = snap(indent);
    // A hanging indent starts the first line left of the others, but not left
    // of the page's margin.
    let hang = (p.first_line.min(0).unsigned_abs()).min(p.left);
    let snap_line =
        |natural: u32| section.grid.filter(|_| p.snap_to_grid).map_or(natural, |pitch| natural.div_ceil(pitch.max(1)).max(1) * pitch);
    let grid = section.grid.is_some() && p.snap_to_grid;
    // An empty line (an empty paragraph, or nothing beside a page break) is
    // as tall as the paragraph mark's Latin face.
    let mark = latin_height(&p.mark);
    let style_height = latin_height(&p.style_font);
    let style_chinese_height = height_in(faces::east_asian(p.style_font.east_asia.as_deref()), p.style_font.size_half_points);
    // What a 倍数 first line in a table cell adds its share of (below).
    let cell_share_height = height_in(faces::latin(None, false), p.style_font.size_half_points);
    // A line's height and the part of it below the text that 倍数 spacing adds.
    // Measured: without a grid, the single height times the 倍数; on a grid, the
    // pitches the line needs, times the 倍数, except the paragraph's first line,
    // which adds the 倍数's share of its single height only; a line holding a
    // picture adds the share of the single height of its paragraph style's
    // Chinese font, whatever the mark's (1.5 lines: 8.7 pt under a 100 pt
    // picture in a 12 pt 等线 style, with or without a grid, with a 仿宋,
    // 宋体 or Times New Roman mark; not 50 pt); 固定值 and 最小值 give way to a grid.
    let spaced = |natural: u32, pitched: u32, first: bool, picture: bool| -> (u32, u32) {
        let base = snap_line(pitched).min(MAX_LINE);
        let natural = natural.min(MAX_LINE);
        let (height, slack) = match p.line {
            LineRule::Multiple(m) if m > 240 => {
                // In a table cell on a grid, the first line adds the share of
                // its style's size in Times New Roman's line height, whatever
                // its text, mark and fonts (measured: 6.85 pt at 1.5 lines in
                // 12 pt Times New Roman and 宋体 styles, 10.35 in an 18 pt 黑体
                // one, under 12–16 pt text of four faces; in the body, the
                // share of the line's own).
                let share = if picture {
                    style_chinese_height
                } else if grid && !first {
                    base
                } else if grid && within == Within::Cell {
                    cell_share_height
                } else {
                    natural
                };
                let part = |of: u32| (of as u64 * (m - 240) as u64 / 240).min(MAX_LINE as u64) as u32;
                // What may pass the page's foot is the share of the text's own
                // height, on a grid too (measured: the second line of 1.15
                // lines of 12 pt text, 35.9 pt on a 15.6 pt grid, fits with
                // 2.6 pt past the last whole pitch, not 3.6).
                (base + part(share), part(if picture { share } else { natural.min(share) }))
            }
            LineRule::Multiple(m) => ((base as u64 * m as u64 / 240) as u32, 0),
            _ if grid => (base, 0),
            LineRule::AtLeast(h) => (natural.max(h), 0),
            LineRule::Exact(h) => (h, 0),
        };
        (height.min(MAX_LINE), slack.min(height.min(MAX_LINE)))
    };
    let mut lines = Vec::new();
    let mut offset = 0usize;
    let pieces = placed.split(|c| c.glyph.c == PAGE_BREAK).count();
    for (i, piece) in placed.split(|c| c.glyph.c == PAGE_BREAK).enumerate() {
        // Nothing before a page break, or after the last: LibreOffice draws no
        // line there (measured: a paragraph ending in a page break leaves the
        // next page's first line to the next paragraph); it stands as a line
        // without height, so that the break still starts a page.
        if piece.is_empty() && pieces > 1 {
            lines.push(Line { start: offset as u32, height: 0, slack: 0, on_page_top: (0, 0), page_break_before: i > 0 });
            offset += 1;
            continue;
        }
        let glyphs = on_char_grid(piece, cell);
        let mut starts = if i == 0 && hang > 0 {
            // A hanging indent widens the first line only: it is broken on its
            // own, the rest at the paragraph's width.
            let first = break_glyphs(&glyphs, width + hang, autospace, 0, hanging);
            match first.get(1) {
                Some(&end) => {
                    let rest = break_glyphs(&glyphs[end as usize..], width, autospace, 0, hanging);
                    std::iter::once(0).chain(rest.into_iter().map(|s| s + end)).collect()
                }
                None => first,
            }
        } else {
            break_glyphs(&glyphs, width, autospace, if i == 0 { indent } else { 0 }, hanging)
        };
        starts.push(piece.len() as u32);
        for (k, pair) in starts.windows(2).enumerate() {
            let on_line = &piece[pair[0] as usize..(pair[1] as usize).max(pair[0] as usize)];
            let empty = on_line.iter().all(|c| c.glyph.c == '\n');
            let natural = if empty { mark } else { single_height(on_line) };
            // An empty left-aligned line in single or 倍数 spacing takes one
            // pitch of the grid whatever its fonts, with the share of its
            // mark's height (measured: 10.5, 12 and 16 pt marks in 10.5 and
            // 12 pt styles, one pitch at single spacing, one and half the
            // mark's height at 1.5 lines; the mark's pitches at exact or
            // at-least spacing). Off the grid it is as tall as its style's font.
            let pitched = match (empty && p.empty_by_style && matches!(p.line, LineRule::Multiple(_)), grid) {
                (true, true) => 1,
                (true, false) => style_height,
                (false, _) => natural,
            };
            let picture = on_line.iter().any(|c| c.picture.is_some());
            // On a grid, the paragraph's last line holding an embedded object
            // takes the pitches the object and the space after need together
            // (measured: a 140 pt object in 9 pitches, in 10 with 3 pt after,
            // in 11 with 16.8; a 136.5 pt one still 9 with 3 pt; a picture of
            // the same sizes keeps its 9).
            let last = i + 1 == pieces && k + 2 == starts.len();
            let pitched = if grid && last && on_line.iter().any(|c| c.picture.is_some_and(|p| p.object)) {
                pitched.saturating_add(p.after)
            } else {
                pitched
            };
            let (height, slack) = spaced(natural, pitched, i == 0 && k == 0, picture);
            lines.push(Line {
                start: offset as u32 + pair[0],
                height,
                slack,
                on_page_top: spaced(natural, pitched, true, picture),
                page_break_before: i > 0 && k == 0,
            });
        }
        offset += piece.len() + 1;
    }
    lines
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::layout::flow::{FlowRun, SectionStart};

    pub(in crate::layout::flow) fn paragraph(font: &str, size_half_points: u32, line: LineRule) -> FlowParagraph {
        let run = |text: &str| FlowRun {
            text: text.into(),
            east_asia: Some(font.into()),
            latin: None,
            size_half_points,
            bold: false,
            scale: 100,
            spacing: 0,
        };
        FlowParagraph {
            runs: vec![run(&"党建工作基层组织书记责任落实".repeat(20))],
            mark: run(""),
            style_font: run(""),
            empty_by_style: false,
            pictures: Vec::new(),
            floats: Vec::new(),
            style: None,
            line,
            before: 0,
            after: 0,
            contextual: false,
            left: 0,
            right: 0,
            first_line: 0,
            hanging_punctuation: true,
            justified: true,
            keep_next: false,
            keep_lines: false,
            widow_control: false,
            page_break_before: false,
            snap_to_grid: true,
        }
    }

    fn line_height(p: &FlowParagraph, grid: Option<u32>) -> u32 {
        lines_of(p, &section(grid), 8306, Within::Body)[1].height
    }

    #[test]
    fn line_heights_are_those_libreoffice_drew() {
        // Points measured between baselines in PDFs (×20 = twips), to a twip or two.
        let single = LineRule::Multiple(240);
        for (p, grid, measured) in [
            (paragraph("仿宋_GB2312", 24, single), None, 252),
            (paragraph("宋体", 24, single), None, 345),
            (paragraph("宋体", 24, LineRule::Multiple(360)), None, 517),
            (paragraph("宋体", 24, LineRule::AtLeast(400)), None, 400),
            (paragraph("宋体", 32, LineRule::Exact(560)), None, 560),
            // A grid of 15.6 pt lines: as many pitches as the single height needs.
            (paragraph("仿宋_GB2312", 24, single), Some(312), 312),
            (paragraph("宋体", 24, single), Some(312), 624),
            (paragraph("宋体", 44, single), Some(312), 936),
            (paragraph("仿宋_GB2312", 24, LineRule::Multiple(360)), Some(312), 468),
            (paragraph("宋体", 24, LineRule::Multiple(360)), Some(312), 936),
            // Exact and at-least spacing give way to the grid.
            (paragraph("仿宋_GB2312", 32, LineRule::Exact(560)), Some(312), 624),
            (paragraph("仿宋_GB2312", 24, LineRule::AtLeast(400)), Some(312), 312),
            (paragraph("仿宋_GB2312", 32, single), Some(579), 579),
        ] {
            let height = line_height(&p, grid);
            assert!(height.abs_diff(measured) <= 2, "{:?} {:?} grid {grid:?}: {height}, measured {measured}", p.runs[0].east_asia, p.line);
        }
    }

    #[test]
    fn a_line_that_starts_a_page_is_as_tall_as_a_first_line() {
        // 1.5 lines of 12 pt 宋体 on a 15.6 pt grid: 46.8 pt, but 39.8 pt as
        // the first line of a page (measured: 15 lines on a page that goes on
        // with the paragraph, not 14).
        let p = paragraph("宋体", 24, LineRule::Multiple(360));
        let lines = lines_of(&p, &section(Some(312)), 8306, Within::Body);
        assert_eq!(lines[1].height, 936);
        assert_eq!(lines[1].on_page_top, (lines[0].height, lines[0].slack));
        assert_eq!(lines[0].height, 624 + 345 / 2);
    }

    #[test]
    fn an_empty_left_aligned_line_takes_one_pitch_and_its_marks_share() {
        // A 16 pt Times New Roman mark (18.4 pt) in a paragraph that says
        // left-aligned, on a 15.6 pt grid (measured): one pitch at single
        // spacing, one pitch and half the mark at 1.5 lines, two pitches at
        // exact spacing; not left-aligned, the mark's two pitches.
        let mut p = paragraph("宋体", 21, LineRule::Multiple(240));
        p.runs[0].text = String::new();
        p.mark = FlowRun { latin: Some("Times New Roman".into()), size_half_points: 32, ..p.mark.clone() };
        p.empty_by_style = true;
        let height = |p: &FlowParagraph| lines_of(p, &section(Some(312)), 8306, Within::Body)[0].height;
        assert_eq!(height(&p), 312);
        p.line = LineRule::Multiple(360);
        assert_eq!(height(&p), 312 + 368 / 2);
        p.line = LineRule::Exact(345);
        assert_eq!(height(&p), 624);
        p.line = LineRule::Multiple(240);
        p.empty_by_style = false;
        assert_eq!(height(&p), 624);
    }

    #[test]
    fn what_may_pass_the_foot_of_a_page_is_the_share_of_the_text_height() {
        // 1.15 lines of 12 pt 宋体 on a 15.6 pt grid: the second line is 35.9 pt,
        // of which 2.6 pt may pass the last whole pitch (measured), not 4.7.
        let p = paragraph("宋体", 24, LineRule::Multiple(276));
        let lines = lines_of(&p, &section(Some(312)), 8306, Within::Body);
        assert_eq!((lines[1].height, lines[1].slack), (717, 51));
    }

    #[test]
    fn a_space_takes_the_face_of_the_character_before_it() {
        // 复位信号。 1：复位 0：无效 at 10.5 pt in a cell 131.25 pt wide: after
        // Chinese the spaces are Noto Serif CJK's (0.256 em), and 无效 no
        // longer fits (measured: LibreOffice moves 效 to a second line).
        let mut p = paragraph("宋体", 21, LineRule::Multiple(240));
        p.runs[0].latin = Some("Calibri".into());
        p.runs[0].text = "复位信号。 1：复位 0：无效".into();
        let widths: Vec<u32> = glyphs(&p, 720).iter().map(|d| d.glyph.width).collect();
        assert_eq!((widths[5], widths[6]), (54, 106), "the space after 。 is CJK (0.256 em), the digit Latin (0.507 em)");
        assert_eq!(lines_of(&p, &section(None), 2625, Within::Body).len(), 2);
        // A space between Latin letters keeps the Latin face; one that opens a
        // paragraph takes the face of what follows.
        p.runs[0].text = "a b".into();
        assert_eq!(glyphs(&p, 720)[1].glyph.width, 47);
        p.runs[0].text = " 党".into();
        assert_eq!(glyphs(&p, 720)[0].glyph.width, 54);
    }

    #[test]
    fn on_a_grid_of_characters_latin_stretches_and_indents_take_whole_cells() {
        // A WPS page 442.25 pt wide with 11.75 pt cells, 16 pt 仿宋 and Times
        // New Roman: how many characters after ten 字 LibreOffice puts on the
        // first line (measured).
        let mut grid = section(Some(579));
        grid.text_width = 8845;
        grid.char_grid = Some(235);
        // The characters, spaces left out, on a paragraph's first line.
        let first_line = |text: &str, left: u32, right: u32| {
            let mut p = paragraph("仿宋_GB2312", 32, LineRule::Multiple(240));
            p.runs[0].text = text.into();
            (p.left, p.right) = (left, right);
            let end = lines_of(&p, &grid, grid.text_width, Within::Body)[1].start as usize;
            text.chars().take(end).filter(|c| !c.is_whitespace()).count()
        };
        let tail = "尾".repeat(20);
        for (middle, measured) in
            [("aaaaa", 11), ("aaaaaaaaaaaaaaaaaa", 21), ("ab ab ab ab", 13), ("11111111", 13), ("aaa字字字字字bbb", 12)]
        {
            assert_eq!(first_line(&format!("{}{middle}{tail}", "字".repeat(10)), 0, 0) - 10, measured, "{middle}");
        }
        // Indents of 25 and 15 pt take three and two cells: 16 characters, not 17.
        assert_eq!(first_line(&"治".repeat(30), 500, 300), 16);
    }

    #[test]
    fn on_a_grid_a_paragraphs_first_line_adds_the_spacing_of_its_own_height() {
        // 仿宋 12 pt at 1.5 lines on a 15.6 pt grid: 21.9 pt between paragraphs
        // of one line, 23.4 pt within a paragraph (measured).
        let p = paragraph("仿宋_GB2312", 24, LineRule::Multiple(360));
        let lines = lines_of(&p, &section(Some(312)), 8306, Within::Body);
        assert_eq!((lines[0].height, lines[1].height), (312 + 126, 468));
    }

    pub(in crate::layout::flow) fn section(grid: Option<u32>) -> FlowSection {
        FlowSection {
            start: SectionStart::NextPage,
            text_width: 8306,
            text_height: 13958,
            top_margin: 1440,
            grid,
            char_grid: None,
            spacing_collapses: true,
            tab_stops: 720,
            blocks: Vec::new(),
        }
    }

    #[test]
    fn in_a_table_cell_a_first_line_adds_the_share_of_its_styles_font() {
        // 宋体 14 pt at 1.5 lines on a 16.3 pt grid, in a 12 pt Times New Roman
        // style: 39.4 pt in a cell, 42.6 pt in the body (measured).
        let mut p = paragraph("宋体", 28, LineRule::Multiple(360));
        p.style_font = FlowRun { latin: Some("Times New Roman".into()), size_half_points: 24, ..p.mark.clone() };
        let grid = section(Some(326));
        let cell = lines_of(&p, &grid, grid.text_width, Within::Cell)[0].height;
        let body = lines_of(&p, &grid, grid.text_width, Within::Body)[0].height;
        assert!(cell.abs_diff(788) <= 2 && body.abs_diff(852) <= 2, "cell {cell}, body {body}");
    }

    #[test]
    fn a_hanging_indent_widens_the_first_line_only() {
        let plain = paragraph("宋体", 24, LineRule::Multiple(240));
        let hanging = FlowParagraph { left: 720, first_line: -720, ..plain.clone() };
        let flat = section(None);
        let starts = |p: &FlowParagraph| lines_of(p, &flat, flat.text_width, Within::Body).iter().map(|l| l.start).collect::<Vec<_>>();
        let (plain, hanging) = (starts(&plain), starts(&hanging));
        // 8306 twips hold 34 characters of 240; 7586, 31.
        assert_eq!((plain[1], hanging[1], hanging[2] - hanging[1]), (34, 34, 31));
    }

    #[test]
    fn nothing_after_a_page_break_makes_a_line_without_height() {
        let mut p = paragraph("宋体", 24, LineRule::Multiple(240));
        p.runs[0].text = format!("党建{PAGE_BREAK}");
        let lines = lines_of(&p, &section(None), 8306, Within::Body);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].page_break_before && lines[1].height == 0);
    }

    #[test]
    fn a_tab_reaches_the_next_tab_stop() {
        let mut p = paragraph("宋体", 24, LineRule::Multiple(240));
        // Each character 240 twips, stops every 720: "党\t" reaches 720, so 33
        // characters and the tab fill the first 8306-twip line, not 34.
        p.runs[0].text = format!("党\t{}", "建".repeat(40));
        let lines = lines_of(&p, &section(None), 8306, Within::Body);
        assert_eq!(lines[1].start, 1 + 1 + 31);
    }

    #[test]
    fn a_picture_as_wide_as_the_line_stays_on_an_indented_first_line() {
        // A centred 14.6 cm picture in a paragraph indented two characters:
        // one line, as tall as the picture (measured), not an empty line above
        // it nor one below.
        let mut p = paragraph("宋体", 24, LineRule::Multiple(240));
        p.first_line = 480;
        p.runs[0].text = PICTURE.to_string();
        p.pictures = vec![InlinePicture { width: 8306, height: 5760, object: false }];
        let lines = lines_of(&p, &section(None), 8306, Within::Body);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].height, 5760);
    }

    #[test]
    fn a_comma_hangs_in_the_body_whatever_the_alignment_and_in_a_cell_only_justified() {
        // 34 characters of 12 pt fill a 415 pt line; the comma after them hangs
        // past the margin in a left-aligned paragraph (measured), not in a
        // left-aligned table cell, where the character before it goes down too.
        let mut p = paragraph("宋体", 24, LineRule::Multiple(240));
        p.runs[0].text = format!("{}，{}", "党".repeat(34), "尾".repeat(8));
        p.justified = false;
        assert_eq!(lines_of(&p, &section(None), 8306, Within::Body)[1].start, 35);
        assert_eq!(lines_of(&p, &section(None), 8306, Within::Cell)[1].start, 33);
        p.hanging_punctuation = false;
        assert_eq!(lines_of(&p, &section(None), 8306, Within::Body)[1].start, 33, "aligned right");
    }

    #[test]
    fn an_embedded_object_takes_its_pitches_with_the_space_after() {
        // A 140 pt object on a 15.6 pt grid: 9 pitches, 10 with 3 pt after, 11
        // with 16.8 pt (measured); a picture of the same size keeps its 9.
        let mut p = paragraph("宋体", 24, LineRule::Multiple(240));
        p.runs[0].text = PICTURE.to_string();
        p.pictures = vec![InlinePicture { width: 2000, height: 2800, object: true }];
        let height = |p: &FlowParagraph| lines_of(p, &section(Some(312)), 8306, Within::Body)[0].height;
        assert_eq!(height(&p), 9 * 312);
        p.after = 60;
        assert_eq!(height(&p), 10 * 312);
        p.after = 336;
        assert_eq!(height(&p), 11 * 312);
        p.pictures[0].object = false;
        assert_eq!(height(&p), 9 * 312);
    }

    #[test]
    fn a_mark_after_a_picture_on_a_line_of_its_own_ends_that_line() {
        // A floating picture at the paragraph's start, then ！, which may not
        // start a line and may hang: one line for both, then the text; no
        // empty lines for what the picture's width overflows.
        let mut p = paragraph("宋体", 24, LineRule::Multiple(240));
        p.runs[0].text = format!("{PICTURE}！PDCA！教学工改");
        p.pictures = vec![InlinePicture { width: u32::MAX / 4, height: 5760, object: false }];
        let lines = lines_of(&p, &section(None), 8306, Within::Body);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].start, 2);
    }
}
