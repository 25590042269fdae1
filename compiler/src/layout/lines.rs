//! Line breaking: a paragraph's characters as clusters of widths (Chinese one em,
//! ASCII half an em, the automatic gap between Chinese and Latin letters or
//! digits), the rules for what may start and end a line (避头尾) and what may hang
//! past the margin, and the greedy breaking that LibreOffice and Word share.

use crate::document::Paragraph;
use crate::geometry::Engine;
use crate::spec::Style;

/// Characters that may not start a line (LibreOffice's list for Chinese: the
/// ellipsis and the dash may start one).
const NO_START: &str = "，。、；：？！）》」』〉】〕］｝”’～·．,.;:?!)]}%％‰°℃";
/// Characters that may not end a line.
const NO_END: &str = "（《「『〈【〔［｛“‘([{";
/// Opening brackets (UAX #14 class OP), which a Latin word before them keeps.
const OPENING: &str = "（《「『〈【〔［｛([{";
/// Characters that may hang past the right margin (closing brackets and quotes
/// may not: the character before them goes to the next line with them).
const HANGING: &str = "，。、．；：！？,.;:!?";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Wide,
    Latin,
    Space,
}

pub(crate) fn class(c: char) -> Class {
    match c {
        ' ' | '\t' | '\u{A0}' => Class::Space,
        _ if (c as u32) < 0x2000 && !c.is_alphabetic() || c.is_ascii() => Class::Latin,
        _ if c.is_alphabetic() && (c as u32) < 0x2E80 => Class::Latin,
        _ => Class::Wide,
    }
}

/// A Chinese character (CJK unified ideographs and their extensions): the one
/// definition the line breaker and the proofreader share.
pub fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Whether the automatic space comes between these two characters.
fn autospace_between(before: char, after: char) -> bool {
    let latin_alnum = |c: char| class(c) == Class::Latin && c.is_alphanumeric();
    (is_ideograph(before) && latin_alnum(after)) || (latin_alnum(before) && is_ideograph(after))
}

/// A text in pieces, each with whether the automatic space comes before it: how
/// the preview draws the gap the page model counts.
pub fn autospaced(text: &str) -> Vec<(&str, bool)> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut previous: Option<char> = None;
    for (i, c) in text.char_indices() {
        if previous.is_some_and(|p| autospace_between(p, c)) {
            pieces.push((&text[start..i], start > 0));
            start = i;
        }
        previous = Some(c);
    }
    pieces.push((&text[start..], start > 0));
    pieces
}

/// One unbreakable piece of a line: a cluster of characters with its width and
/// the part of it that may hang past the margin. A line may break before any
/// cluster.
#[derive(Debug, Clone)]
struct Cluster {
    width: u32,
    hang: u32,
    /// Automatic spacing before and after a Latin word: dropped at a line's ends.
    lead: u32,
    trail: u32,
    space: bool,
    /// Begins with a Latin word.
    latin: bool,
    /// Characters in the cluster (for page starts).
    chars: u32,
    /// Where a closing mark that may hang joins the Latin word after it (。GDP):
    /// the characters and width through the mark, and the mark's width. A
    /// justified line may end there (measured: LibreOffice breaks 。|GDP at a
    /// line's end, never ）|GDP).
    after_mark: Option<(u32, u32, u32)>,
}

/// A character as the line breaker measures it, in twips: the em of its run
/// (what the automatic space is a share of) and how far it advances the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Glyph {
    pub c: char,
    pub em: u32,
    pub width: u32,
}

impl Glyph {
    /// A character of the fonts our formats name: Chinese one em, the rest half.
    pub fn half_width(c: char, em: u32) -> Glyph {
        Glyph { c, em, width: advance(c, em) }
    }
}

/// A paragraph's characters, each with the em of its run.
fn chars_of(p: &Paragraph, style: &Style) -> Vec<Glyph> {
    p.runs
        .iter()
        .flat_map(|r| {
            let em = crate::geometry::em(style.role(r.role).size_half_points);
            r.text.chars().map(move |c| Glyph::half_width(c, em))
        })
        .collect()
}

/// The clusters of a paragraph, in twips.
fn clusters(chars: &[Glyph], autospace: u32) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Glyph { c, em, width: advance } = chars[i];
        let start = i;
        let mut width;
        let mut space = false;
        let (mut lead, mut trail) = (0, 0);
        match class(c) {
            Class::Space => {
                width = advance;
                space = true;
                i += 1;
            }
            Class::Latin => {
                width = 0;
                while i < chars.len() && class(chars[i].c) == Class::Latin {
                    width += chars[i].width;
                    i += 1;
                    // A line may break after a slash or a hyphen inside a word
                    // (addresses, dates: https://www.gov.cn/ | zhengce, 2026- | 11-29),
                    // as LibreOffice's ICU rules allow; not inside “//”.
                    let (c, next) = (chars[i - 1].c, chars.get(i).map(|n| n.c));
                    if (c == '/' || c == '-') && next.is_some_and(|n| n != c && n.is_alphanumeric()) {
                        break;
                    }
                }
                // Automatic spacing next to Chinese characters.
                if start > 0 && autospace_between(chars[start - 1].c, chars[start].c) {
                    lead = em * autospace / 100;
                }
                if i < chars.len() && autospace_between(chars[i - 1].c, chars[i].c) {
                    trail = em * autospace / 100;
                }
                width += lead + trail;
            }
            Class::Wide => {
                width = advance;
                i += 1;
            }
        }
        let first = chars[start].c;
        let glue_to_previous = NO_START.contains(first) && !space;
        let previous_no_end = out.last().is_some_and(|_| start > 0 && NO_END.contains(chars[start - 1].c));
        let mark_then_latin = first.is_alphanumeric() && class(first) == Class::Latin && start > 0 && closing_mark(chars[start - 1].c);
        // No break between a Latin letter or digit and an opening bracket
        // after it (UAX #14 LB30, which LibreOffice applies to full-width
        // brackets too: SSM（Spring…） moves down whole, measured).
        let latin_then_open = OPENING.contains(first) && start > 0 && {
            let before = chars[start - 1].c;
            class(before) == Class::Latin && before.is_alphanumeric()
        };
        let cluster = Cluster {
            width,
            hang: 0,
            lead,
            trail,
            space,
            latin: class(first) == Class::Latin,
            chars: (i - start) as u32,
            after_mark: None,
        };
        match out.last_mut() {
            Some(last) if (glue_to_previous || previous_no_end || mark_then_latin || latin_then_open) && !last.space => {
                // Closing marks join what precedes them. The last mark of a
                // cluster may hang when it is one of HANGING (after another mark
                // too, as in 。？ or ”，), not after a Latin word.
                let hangs = glue_to_previous && i - start == 1 && HANGING.contains(first) && !last.latin;
                if mark_then_latin && last.hang > 0 {
                    last.after_mark = Some((last.chars, last.width, last.hang));
                }
                last.width += cluster.width;
                last.hang = if hangs { cluster.width } else { 0 };
                last.trail = cluster.trail;
                last.chars += cluster.chars;
            }
            _ => out.push(cluster),
        }
    }
    out
}

/// How far a character advances the line: Chinese characters and full-width
/// marks one em, the rest (these fonts' Latin glyphs and the space) half an em.
fn advance(c: char, em: u32) -> u32 {
    if class(c) == Class::Wide {
        em
    } else {
        em / 2
    }
}

/// Chinese closing punctuation in the class CL of the line-breaking rules
/// LibreOffice applies (an older UAX #14 whose rule LB30 reads CL × (AL | NU)):
/// no line breaks between one of these and a Latin letter or digit after it.
/// The colon, semicolon, ! and ? (NS and EX) allow one (measured); the closing
/// quotes (QU, no break on either side) do not.
const CLOSE: &str = "、。，．）》」』〉】〕］｝”’";

fn closing_mark(c: char) -> bool {
    CLOSE.contains(c)
}

/// Where LibreOffice breaks, in a left-aligned paragraph, a cluster too wide for
/// a whole line (measured in table cells): before a closing mark that joins the
/// Latin word after it (行|）GDP, 乙|。GDP), after an opening bracket before a
/// Latin word (（|GDP）), before a closing quote, ？, ！, ： or ； after one
/// (“GDP|”, Word|？！); else after as many characters as fit (、Exce|l).
fn emergency_breaks(chars: &[Glyph], from: usize, to: usize, width: u32) -> Vec<u32> {
    let latin = |c: char| class(c) == Class::Latin && c.is_alphanumeric();
    let soft = |k: usize| {
        let (before, at) = (chars[k - 1].c, chars[k].c);
        (closing_mark(at) && chars.get(k + 1).is_some_and(|n| latin(n.c)))
            || (matches!(before, '（' | '《' | '〈' | '【' | '〔' | '［' | '｛') && latin(at))
            || (matches!(at, '”' | '’' | '？' | '！' | '：' | '；') && latin(before))
    };
    let mut breaks = Vec::new();
    let mut start = from;
    loop {
        let mut x = 0;
        let mut last_soft = None;
        let mut last_fit = start;
        let mut k = start;
        while k < to {
            x += chars[k].width;
            if x > width {
                break;
            }
            k += 1;
            last_fit = k;
            if k < to && soft(k) {
                last_soft = Some(k);
            }
        }
        if k >= to {
            return breaks;
        }
        let next = last_soft.unwrap_or(last_fit.max(start + 1));
        breaks.push(next as u32);
        start = next;
    }
}

/// The lines of a paragraph, and the character offset each line starts at.
pub(super) fn break_lines(p: &Paragraph, style: &Style, width: u32, engine: Engine) -> Vec<u32> {
    let rs = style.role(p.role);
    // LibreOffice lets punctuation hang past the margin in justified paragraphs
    // only (measured: a left-aligned table cell moves the character before 。 to
    // the next line with it).
    let hanging = rs.align == crate::spec::Align::Justify;
    break_glyphs(&chars_of(p, style), width, engine.autospace_percent(), crate::geometry::first_line_indent(rs), hanging)
}

/// The lines of measured characters, and the offset each line starts at. A line
/// break in the text (a table cell's `\n`, written as w:br) starts a new line;
/// the first-line indent is the first line's only.
pub(crate) fn break_glyphs(chars: &[Glyph], width: u32, autospace: u32, indent: u32, hanging: bool) -> Vec<u32> {
    let mut starts = Vec::new();
    let mut offset = 0;
    for (i, piece) in chars.split(|g| g.c == '\n').enumerate() {
        let indent = if i == 0 { indent } else { 0 };
        starts.extend(break_piece(piece, width, autospace, indent, hanging).into_iter().map(|s| s + offset));
        // The piece's characters and the line break after it.
        offset += piece.len() as u32 + 1;
    }
    starts
}

/// The lines of a paragraph without line breaks, its first line indented by `indent`.
fn break_piece(chars: &[Glyph], width: u32, autospace: u32, indent: u32, hanging: bool) -> Vec<u32> {
    let mut starts = vec![0u32];
    let mut x = indent;
    let mut offset = 0u32;
    for mut c in clusters(chars, autospace) {
        if !hanging {
            c.hang = 0;
        }
        // A tab's glyph is as wide as the interval of the tab stops: it
        // reaches the next one.
        if c.space && chars[offset as usize].c == '\t' && c.width > 0 {
            c.width -= x % c.width;
        }
        let lead = if x == 0 { c.lead } else { 0 };
        let fits = x + c.width - lead - c.trail.max(c.hang) <= width;
        // A mark that may hang ends a justified line even before a Latin word.
        if let Some((through_chars, through_width, mark)) = c.after_mark {
            let head = x + through_width - lead;
            if hanging && !fits && head - mark <= width {
                starts.push(offset + through_chars);
                x = c.width - through_width;
                offset += c.chars;
                continue;
            }
        }
        // A line holds at least one thing: a picture wider than what the
        // first-line indent leaves stays on the first line (measured).
        let only_the_indent = offset == 0 && x == indent;
        if !fits && x > 0 && !c.space && !only_the_indent {
            starts.push(offset);
            x = 0;
        }
        if !hanging && x == 0 && !c.space && c.chars > 1 && c.width - c.lead - c.trail > width {
            let from = offset as usize;
            let breaks = emergency_breaks(chars, from, from + c.chars as usize, width);
            let tail = breaks.last().map_or(from, |b| *b as usize);
            starts.extend(breaks);
            x = chars[tail..from + c.chars as usize].iter().map(|g| g.width).sum::<u32>() + c.trail;
            offset += c.chars;
            continue;
        }
        if !(c.space && x == 0 && starts.len() > 1) {
            x += c.width - if x == 0 { c.lead } else { 0 };
        }
        // A single glyph wider than the line (a picture standing on a line of
        // its own, with the marks that may not start a line after it) fills
        // it, and the line ends after it.
        if chars[offset as usize].width > width {
            x = x.min(width + 1);
        }
        offset += c.chars;
        // A word longer than a whole line is cut by the line's width (what hangs
        // past the margin is not an overflow).
        while x > width + c.hang.max(c.trail) {
            starts.push(offset);
            x -= width;
        }
    }
    // What overflows at the paragraph's end starts no line of its own.
    while starts.len() > 1 && starts.last() == Some(&offset) {
        starts.pop();
    }
    starts
}
