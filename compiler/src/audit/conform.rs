//! A received file's formatting ([`super::format`]) against its template's
//! style sheet: the paper and margins of every section; for every body
//! paragraph, by the role it plays (title lines, the three heading levels, the
//! body, picture captions), the East Asian font, size and bold of its text, its
//! line spacing and first-line indent, and centring where the role is centred;
//! and the page numbers (their text, font, size, side on odd and even pages, and
//! how far below the type area they sit).
//! Alike findings are told once, with how many paragraphs and the first of them.

use super::format::{Alignment, Formatting, Indent, ParagraphFormat, RunFormat, Spacing};
use super::{Finding, Kind, Severity};
use crate::fonts::same_face;
use crate::geometry::em;
use crate::import::official::{self, OfficialPart};
use crate::import::{typed_label, Level};
use crate::spec::{Align, FormSpec, LineSpacing, Role, RoleStyle, Style};
use crate::values::FONT_SIZES;

/// Lengths within a millimetre are the same (Word rounds centimetres to twips).
const LENGTH_TOLERANCE: i64 = 57;

/// Where the page number sits, within two millimetres: its line's height is
/// taken as one em of its size, which a footer with exact line spacing (or a
/// taller font) shifts by a little.
const PLACE_TOLERANCE: i64 = 113;

/// Every formatting finding of `formatting` against `spec`'s style sheet.
pub fn findings(spec: &FormSpec, formatting: &Formatting) -> Vec<Finding> {
    let mut out = Vec::new();
    sections(&spec.style, formatting, &mut out);
    let official = Official::find(formatting);
    out.extend(official.findings(formatting));
    let mut grouped = Grouped::default();
    for (index, (role, para, split)) in roles(formatting, spec, &official.paragraphs()).into_iter().enumerate() {
        check_paragraph(&spec.style, role, para, split, &mut Counting { grouped: &mut grouped, paragraph: index });
    }
    out.extend(grouped.into_findings());
    page_numbers(&spec.style, formatting, &mut out);
    out
}

/// A paragraph's role, and where a heading's lead ends in it (in characters):
/// a 一是 paragraph's bold sentence is 三级标题, the rest 正文.
type Assigned<'f> = (Role, &'f ParagraphFormat, Option<usize>);

/// The role each body paragraph with text plays: the title lines first (the
/// lines at the top that look like a title, [`title_like`]: the first the
/// title, and the next too when it has the title's size and weight — a title
/// over two lines; a bracketed date the date; the others subtitles); numbered
/// headings by their typed label (一、 （一） 一是) or list level; a short
/// centred paragraph after a picture or before a table its caption; the rest
/// body text.
fn roles<'f>(formatting: &'f Formatting, spec: &FormSpec, official: &[usize]) -> Vec<Assigned<'f>> {
    let style = &spec.style;
    let title_words = super::recognise::title_words(spec);
    // A second line carries on the title when, joined, the two are more the
    // template's title than the first alone (not a byline at the title's size).
    let carries_on = |first: &ParagraphFormat, second: &ParagraphFormat| {
        let (one, two) = (first.text.trim(), second.text.trim());
        let alone = super::recognise::title_match(&title_words, one);
        super::recognise::title_match(&title_words, &format!("{one}{two}")) > alone
    };
    let mut out: Vec<Assigned<'f>> = Vec::new();
    let mut in_title = true;
    let mut after_picture = false;
    for (at, p) in formatting.paragraphs.iter().enumerate() {
        let text = p.text.trim();
        if official.contains(&at) {
            continue;
        }
        if text.is_empty() {
            after_picture = after_picture || p.picture;
            continue;
        }
        // A contents page (目录): its lines are no headings, whatever their numbers.
        if crate::import::is_contents_line(p.style.as_deref(), &p.text) {
            continue;
        }
        let centred = p.align == Alignment::Center;
        if in_title && !p.picture && title_like(p, out.is_empty(), style) {
            let role = match out.last() {
                None => Role::Title,
                Some((Role::Title, title, _)) if out.len() == 1 && same_look(title, p) && !is_date_line(text) && carries_on(title, p) => {
                    Role::Title
                }
                Some(_) if is_date_line(text) => Role::Date,
                Some(_) => Role::Subtitle,
            };
            out.push((role, p, None));
            continue;
        }
        in_title = false;
        if p.picture {
            after_picture = true;
            continue;
        }
        if (after_picture || p.before_table) && centred && text.chars().count() <= 60 {
            after_picture = false;
            out.push((Role::Caption, p, None));
            continue;
        }
        after_picture = false;
        let level = typed_label(text).map(|(l, _)| l).or_else(|| heading_style_level(p));
        let assigned = match level {
            Some(Level::Part) => (Role::Heading1, p, None),
            Some(Level::Section) => (Role::Heading2, p, sentence_end(text, p)),
            Some(Level::Point) => (Role::Heading3, p, Some(lead_end(text, p))),
            None => (Role::Body, p, None),
        };
        out.push(assigned);
    }
    out
}

/// A 公文's 版头 and 版记 in the file ([`crate::import::official`]): the
/// paragraphs of each with what they are (a red rule drawn under a line, or
/// alone in an empty paragraph, is one too).
struct Official {
    head: Vec<(usize, OfficialPart)>,
    record: Vec<(usize, OfficialPart)>,
}

impl Official {
    fn find(formatting: &Formatting) -> Official {
        let paragraphs = &formatting.paragraphs;
        let texted: Vec<usize> = (0..paragraphs.len()).filter(|&i| !paragraphs[i].text.trim().is_empty()).collect();
        let head_parts = official::head(texted.iter().map(|&i| (paragraphs[i].text.as_str(), mostly_red(&paragraphs[i]))));
        let head_lines = head_parts.len();
        let mut head = Vec::new();
        if head_lines > 0 {
            // Up to the first line under the 版头, empty paragraphs with a rule included.
            let end = texted.get(head_lines).copied().unwrap_or(paragraphs.len());
            let mut parts = head_parts.into_iter();
            for (i, p) in paragraphs.iter().enumerate().take(end) {
                if !p.text.trim().is_empty() {
                    head.extend(parts.next().map(|part| (i, part)));
                }
                if p.red_rule {
                    head.push((i, OfficialPart::RedRule));
                }
            }
        }
        let rest = &texted[head_lines..];
        let record_parts = official::record(rest.iter().map(|&i| paragraphs[i].text.as_str()));
        let record = rest[rest.len() - record_parts.len()..].iter().copied().zip(record_parts).collect();
        Official { head, record }
    }

    /// The paragraphs they take (not checked by role).
    fn paragraphs(&self) -> Vec<usize> {
        self.head.iter().chain(&self.record).map(|(i, _)| *i).collect()
    }

    /// A note for each: what parts the file carries, named once each.
    fn findings(&self, formatting: &Formatting) -> Vec<Finding> {
        let name = |parts: &[(usize, OfficialPart)]| {
            let mut named: Vec<String> = Vec::new();
            for (i, part) in parts {
                let text = formatting.paragraphs[*i].text.trim();
                let said = if *part == OfficialPart::RedRule { part.name().to_string() } else { format!("{}“{text}”", part.name()) };
                if !named.contains(&said) {
                    named.push(said);
                }
            }
            named.join("、")
        };
        let mut out = Vec::new();
        if !self.head.is_empty() {
            let message = format!("带公文版头（{}）；模板的格式里没有版头，这几行没有按标题检查", name(&self.head));
            out.push(Finding { severity: Severity::Note, ..Finding::must_fix(Kind::Format, "版头", message) });
        }
        if !self.record.is_empty() {
            let message = format!("带公文版记（{}）；模板的格式里没有版记，这几行没有按正文检查", name(&self.record));
            out.push(Finding { severity: Severity::Note, ..Finding::must_fix(Kind::Format, "版记", message) });
        }
        out
    }
}

/// Whether most of a paragraph's characters are red.
fn mostly_red(p: &ParagraphFormat) -> bool {
    let inked = |r: &&RunFormat| r.text.chars().filter(|c| !c.is_whitespace()).count();
    let red: usize = p.runs.iter().filter(|r| r.red).map(|r| inked(&r)).sum();
    let all: usize = p.runs.iter().map(|r| inked(&r)).sum();
    red * 2 > all
}

/// Whether a paragraph at the top looks like a title line: centred; or
/// centred by typed spaces (four characters' width or more before a short
/// line: two full-width spaces are a typed first-line indent); or, the first
/// line, short, with no number, and larger or bolder than the body (a title
/// left-aligned or set 两端对齐 at the top).
fn title_like(p: &ParagraphFormat, first: bool, style: &Style) -> bool {
    let text = p.text.trim();
    let short = text.chars().count() <= 40 && typed_label(text).is_none();
    let body = style.role(Role::Body);
    let larger = dominant_size(p).is_some_and(|s| s > body.size_half_points);
    let bolder = all_bold(p) && !body.bold;
    p.align == Alignment::Center || crate::import::centred_by_spaces(&p.text) || (first && short && (larger || bolder))
}

/// Two lines alike in size and weight (a title over two lines).
fn same_look(a: &ParagraphFormat, b: &ParagraphFormat) -> bool {
    dominant_size(a) == dominant_size(b) && all_bold(a) == all_bold(b)
}

/// Whether every run with text is bold.
fn all_bold(p: &ParagraphFormat) -> bool {
    p.runs.iter().filter(|r| !r.text.trim().is_empty()).all(|r| r.bold)
}

/// `（2027年2月）`, `(2027年2月10日)`.
fn is_date_line(text: &str) -> bool {
    let inner = text.trim_start_matches(['（', '(']).trim_end_matches(['）', ')']);
    inner.len() < text.len() && inner.contains('年') && inner.contains('月') && inner.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// A heading by its style name (`heading 2`, `标题 2`) or list level, when no
/// label is typed.
fn heading_style_level(p: &ParagraphFormat) -> Option<Level> {
    let name = p.style.as_deref()?.to_lowercase();
    let level = name.strip_prefix("heading").or_else(|| name.strip_prefix("标题"))?.trim().parse::<u8>().ok()?;
    Some(match level {
        1 => Level::Part,
        2 => Level::Section,
        _ => Level::Point,
    })
}

/// Where a （一） heading written in the same paragraph as its text ends: after
/// its first full stop, when text follows it.
fn sentence_end(text: &str, p: &ParagraphFormat) -> Option<usize> {
    let offset = p.text.chars().count() - p.text.trim_start().chars().count();
    let end = text.chars().position(|c| matches!(c, '。' | '！' | '？'))? + 1;
    (end < text.chars().count()).then_some(offset + end)
}

/// Where a 一是 point's lead ends: its bold start when there is one, else its
/// first full stop (the renderer makes that sentence bold).
fn lead_end(text: &str, p: &ParagraphFormat) -> usize {
    let bold: usize = p.runs.iter().take_while(|r| r.bold).map(|r| r.text.chars().count()).sum();
    if bold > 0 {
        return bold;
    }
    let offset = p.text.chars().count() - p.text.trim_start().chars().count();
    offset + text.chars().position(|c| c == '。').map_or(text.chars().count(), |i| i + 1)
}

/// Paragraphs of one role whose `what` is `found` instead of `expected`: how
/// many, and the first one's opening.
struct Group {
    role: Role,
    what: &'static str,
    found: String,
    expected: String,
    paragraphs: usize,
    /// The last paragraph counted (by its place): a paragraph counts once.
    last: usize,
    first: String,
}

/// Alike findings, counted.
#[derive(Default)]
struct Grouped {
    groups: Vec<Group>,
}

impl Grouped {
    fn add(&mut self, paragraph: usize, role: Role, what: &'static str, found: String, expected: String, text: &str) {
        let alike = |g: &&mut Group| g.role == role && g.what == what && g.found == found && g.expected == expected;
        match self.groups.iter_mut().find(alike) {
            Some(g) if g.last == paragraph => {}
            Some(g) => {
                g.paragraphs += 1;
                g.last = paragraph;
            }
            None => self.groups.push(Group { role, what, found, expected, paragraphs: 1, last: paragraph, first: opening(text) }),
        }
    }

    fn into_findings(self) -> Vec<Finding> {
        self.groups
            .into_iter()
            .map(|Group { role, what, found, expected, paragraphs: n, first, .. }| {
                let count = if n > 1 { format!("{n}段") } else { String::new() };
                Finding::must_fix(Kind::Format, first, format!("{}{count}的{what}是{found}，应为{expected}", role.name()))
            })
            .collect()
    }
}

/// The findings of one paragraph, going into the groups under its place.
struct Counting<'g> {
    grouped: &'g mut Grouped,
    paragraph: usize,
}

impl Counting<'_> {
    fn add(&mut self, role: Role, what: &'static str, found: String, expected: String, text: &str) {
        self.grouped.add(self.paragraph, role, what, found, expected, text);
    }
}

/// A paragraph's first words, for pointing at it.
pub fn opening(text: &str) -> String {
    let text = text.trim();
    let head: String = text.chars().take(14).collect();
    if head.chars().count() < text.chars().count() {
        format!("“{head}……”")
    } else {
        format!("“{head}”")
    }
}

fn check_paragraph(style: &Style, role: Role, p: &ParagraphFormat, split: Option<usize>, out: &mut Counting) {
    let rs = style.role(role);
    let text = p.text.as_str();
    let aligned = match rs.align {
        Align::Center => p.align == Alignment::Center,
        // 两端对齐: a body paragraph left-aligned (Word's 左对齐) leaves a ragged
        // edge. A short line (a 落款 or date set right, a centred note) has none.
        Align::Justify => matches!(p.align, Alignment::Justify | Alignment::Distribute) || text.trim().chars().count() <= 30,
        Align::Left | Align::Right => true,
    };
    if !aligned {
        out.add(role, "对齐", align_name(p.align).into(), align_name(align_of(rs.align)).into(), text);
    }
    let expected_spacing = rs.line_spacing;
    if !spacing_matches(p.spacing, expected_spacing) {
        out.add(role, "行距", spacing_name(p.spacing), line_spacing_name(expected_spacing), text);
    }
    if rs.first_line_indent_chars_x100 > 0 && !matches!(rs.align, Align::Center) {
        let size = dominant_size(p).unwrap_or(rs.size_half_points);
        if !indent_matches(p.indent, rs, size) {
            out.add(role, "首行缩进", indent_name(p.indent, size), chars_name(rs.first_line_indent_chars_x100), text);
        }
    }
    // The characters, each against the role they play (a 一是 lead's are
    // 三级标题, the rest of its paragraph 正文), judged by what most of them have.
    let mut lead = Characters::default();
    let mut rest = Characters::default();
    let mut at = 0;
    for run in &p.runs {
        for c in run.text.chars() {
            let part = if split.is_none_or(|end| at < end) { &mut lead } else { &mut rest };
            part.add(run, c);
            at += 1;
        }
    }
    lead.check(role, rs, text, out);
    rest.check(Role::Body, style.role(Role::Body), text, out);
}

/// What the characters of one part of a paragraph have, counted character by
/// character: a lone “|” at another size or a space in 宋体 decides nothing.
#[derive(Default)]
struct Characters {
    sizes: Vec<(u32, usize)>,
    /// The East Asian font of the Chinese characters.
    fonts: Vec<(String, usize)>,
    bold: usize,
    visible: usize,
}

impl Characters {
    fn add(&mut self, run: &RunFormat, c: char) {
        if c.is_whitespace() {
            return;
        }
        self.visible += 1;
        self.bold += usize::from(run.bold);
        tally(&mut self.sizes, run.size_half_points);
        let chinese = crate::layout::is_ideograph(c) || ('\u{3000}'..='\u{303F}').contains(&c) || ('\u{FF00}'..='\u{FFEF}').contains(&c);
        if chinese {
            tally(&mut self.fonts, run.east_asia.clone().unwrap_or_default());
        }
    }

    fn check(&self, role: Role, rs: &RoleStyle, paragraph: &str, out: &mut Counting) {
        if self.visible == 0 {
            return;
        }
        if let Some(font) = most(&self.fonts).filter(|f| !same_face(f, &rs.font)) {
            let found = if font.is_empty() { "没有指定（随电脑默认）".to_string() } else { format!("“{font}”") };
            out.add(role, "字体", found, format!("“{}”", rs.font), paragraph);
        }
        if let Some(size) = most(&self.sizes).filter(|s| *s != rs.size_half_points) {
            out.add(role, "字号", size_name(size), size_name(rs.size_half_points), paragraph);
        }
        let bold = self.bold * 2 > self.visible;
        if bold != rs.bold {
            let (found, expected) = if rs.bold { ("不加粗", "加粗") } else { ("加粗", "不加粗") };
            out.add(role, "字形", found.into(), expected.into(), paragraph);
        }
    }
}

fn tally<T: PartialEq>(counts: &mut Vec<(T, usize)>, value: T) {
    match counts.iter_mut().find(|(v, _)| *v == value) {
        Some((_, n)) => *n += 1,
        None => counts.push((value, 1)),
    }
}

/// The value most characters have (the first of equals).
fn most<T: Clone>(counts: &[(T, usize)]) -> Option<T> {
    counts.iter().fold(None::<&(T, usize)>, |best, c| if best.is_none_or(|b| c.1 > b.1) { Some(c) } else { best }).map(|(v, _)| v.clone())
}

/// The size most of a paragraph's characters have.
fn dominant_size(p: &ParagraphFormat) -> Option<u32> {
    let mut sizes: Vec<(u32, usize)> = Vec::new();
    for r in &p.runs {
        let n = r.text.chars().filter(|c| !c.is_whitespace()).count();
        match sizes.iter_mut().find(|(s, _)| *s == r.size_half_points) {
            Some((_, total)) => *total += n,
            None => sizes.push((r.size_half_points, n)),
        }
    }
    sizes.into_iter().max_by_key(|(_, n)| *n).map(|(s, _)| s)
}

fn spacing_matches(found: Option<Spacing>, expected: LineSpacing) -> bool {
    match (found, expected) {
        (Some(Spacing::Exact(t)), LineSpacing::Exact { twips }) => t == twips,
        (Some(Spacing::AtLeast(t)), LineSpacing::AtLeast { twips }) => t == twips,
        (Some(Spacing::Multiple(m)), LineSpacing::Multiple { percent }) => m * 100 / 240 == percent,
        (None, LineSpacing::Multiple { percent: 100 }) => true,
        _ => false,
    }
}

fn indent_matches(found: Option<Indent>, rs: &RoleStyle, size: u32) -> bool {
    let expected_twips = i64::from(crate::geometry::chars(rs.first_line_indent_chars_x100, size));
    match found {
        Some(Indent::Chars(c)) => (i64::from(c) - i64::from(rs.first_line_indent_chars_x100)).abs() <= 10,
        Some(Indent::Twips(t)) => (i64::from(t) - expected_twips).abs() <= expected_twips / 10,
        None => false,
    }
}

/// 小二（18磅）.
pub fn size_name(half_points: u32) -> String {
    let points = if half_points.is_multiple_of(2) { format!("{}", half_points / 2) } else { format!("{}.5", half_points / 2) };
    match FONT_SIZES.iter().find(|(_, s)| *s == half_points) {
        Some((name, _)) => format!("{name}（{points}磅）"),
        None => format!("{points}磅"),
    }
}

fn align_name(a: Alignment) -> &'static str {
    match a {
        Alignment::Left => "左对齐",
        Alignment::Center => "居中",
        Alignment::Right => "右对齐",
        Alignment::Justify => "两端对齐",
        Alignment::Distribute => "分散对齐",
    }
}

fn points(twips: u32) -> String {
    let tenths = (twips * 10 + 10) / 20;
    if tenths.is_multiple_of(10) {
        format!("{}磅", tenths / 10)
    } else {
        format!("{}.{}磅", tenths / 10, tenths % 10)
    }
}

fn spacing_name(s: Option<Spacing>) -> String {
    match s {
        None => "单倍行距".into(),
        Some(Spacing::Exact(t)) => format!("固定值{}", points(t)),
        Some(Spacing::AtLeast(t)) => format!("最小值{}", points(t)),
        Some(Spacing::Multiple(240)) => "单倍行距".into(),
        Some(Spacing::Multiple(m)) => format!("{}倍行距", f64::from(m) / 240.0),
    }
}

fn line_spacing_name(s: LineSpacing) -> String {
    match s {
        LineSpacing::Exact { twips } => format!("固定值{}", points(twips)),
        LineSpacing::AtLeast { twips } => format!("最小值{}", points(twips)),
        LineSpacing::Multiple { percent: 100 } => "单倍行距".into(),
        LineSpacing::Multiple { percent } => format!("{}倍行距", f64::from(percent) / 100.0),
    }
}

fn chars_name(x100: u32) -> String {
    if x100.is_multiple_of(100) {
        format!("{}字", x100 / 100)
    } else {
        format!("{:.1}字", f64::from(x100) / 100.0)
    }
}

fn indent_name(i: Option<Indent>, size: u32) -> String {
    match i {
        None | Some(Indent::Chars(0)) | Some(Indent::Twips(0)) => "没有缩进".into(),
        Some(Indent::Chars(c)) if c < 0 => format!("悬挂缩进{}", chars_name(c.unsigned_abs())),
        Some(Indent::Chars(c)) => chars_name(c.unsigned_abs()),
        Some(Indent::Twips(t)) if t < 0 => format!("悬挂缩进{}", points(t.unsigned_abs())),
        Some(Indent::Twips(t)) => {
            let em = crate::geometry::em(size).max(1);
            format!("{}（约{}）", points(t.unsigned_abs()), chars_name(t.unsigned_abs() * 100 / em))
        }
    }
}

fn centimetres(twips: i64) -> String {
    format!("{:.2}厘米", twips as f64 * 2.54 / 1440.0).replace(".00厘米", "厘米")
}

fn millimetres(twips: i64) -> String {
    format!("{}毫米", (twips as f64 * 25.4 / 1440.0).round() as i64)
}

fn sections(style: &Style, formatting: &Formatting, out: &mut Vec<Finding>) {
    let page = style.page;
    for (i, s) in formatting.sections.iter().enumerate() {
        let place = if formatting.sections.len() > 1 { format!("第{}节", i + 1) } else { "页面设置".to_string() };
        let near = |a: i64, b: u32| (a - i64::from(b)).abs() <= LENGTH_TOLERANCE;
        if !near(s.width.into(), page.width) || !near(s.height.into(), page.height) {
            out.push(Finding::must_fix(
                Kind::Format,
                place.clone(),
                format!(
                    "纸张是{}×{}，应为{}（{}×{}）",
                    centimetres(s.width.into()),
                    centimetres(s.height.into()),
                    paper_name(page.width, page.height),
                    centimetres(page.width.into()),
                    centimetres(page.height.into())
                ),
            ));
        }
        let margins: [(&str, i64, u32); 5] = [
            ("上边距", i64::from(s.top).abs(), page.margin_top),
            ("下边距", i64::from(s.bottom).abs(), page.margin_bottom),
            ("左边距", s.left.into(), page.margin_left),
            ("右边距", s.right.into(), page.margin_right),
            ("装订线", s.gutter.into(), page.gutter),
        ];
        for (name, found, expected) in margins {
            if !near(found, expected) {
                out.push(Finding::must_fix(
                    Kind::Format,
                    place.clone(),
                    format!("{name}是{}，应为{}", centimetres(found), centimetres(expected.into())),
                ));
            }
        }
    }
}

fn paper_name(w: u32, h: u32) -> &'static str {
    match (w.min(h), w.max(h), w > h) {
        (11906, 16838, false) => "A4",
        (11906, 16838, true) => "A4横向",
        (16838, 23811, false) => "A3",
        (16838, 23811, true) => "A3横向",
        _ => "模板规定的纸张",
    }
}

/// The page numbers against the style's: on every page, their text (`— 1 —`),
/// font and size, and the side on odd and even pages. Checked in the first
/// section that numbers its pages (a cover section before it may have none);
/// a first page left without a number by 首页不同 is a finding.
fn page_numbers(style: &Style, formatting: &Formatting, out: &mut Vec<Finding>) {
    let pn = &style.page_number;
    let place = "页码".to_string();
    let Some((index, section)) = formatting.sections.iter().enumerate().find(|(_, s)| s.footers.default.is_some()) else {
        out.push(Finding::must_fix(Kind::Format, place, "没有页码（页脚里没有页码域）"));
        return;
    };
    let Some(odd) = section.footers.default.as_ref() else { return };
    if index == 0 && section.footers.title_page && section.footers.first.is_none() {
        out.push(Finding::must_fix(Kind::Format, place.clone(), "第一页没有页码（页眉页脚设了“首页不同”，首页的页脚里没有页码）"));
    }
    let expected_text = format!("{}{{页码}}{}", pn.prefix, pn.suffix);
    let normal = |t: &str| t.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').collect::<String>();
    let shown = |t: &str| t.trim().replace("{页码}", "1");
    let even_footer = section.footers.even.as_ref().filter(|_| formatting.even_and_odd);
    for (side, footer) in [("单页", Some(odd)), ("双页", even_footer)] {
        let Some(footer) = footer else { continue };
        if normal(&footer.text) != normal(&expected_text) {
            out.push(Finding::must_fix(
                Kind::Format,
                place.clone(),
                format!("{side}页码写成“{}”，应为“{}”", shown(&footer.text), shown(&expected_text)),
            ));
        }
        let run = &footer.run;
        if !run.east_asia.as_deref().is_some_and(|f| same_face(f, &pn.font))
            && !run.latin.as_deref().is_some_and(|f| same_face(f, &pn.latin_font))
        {
            let found = run.latin.clone().or(run.east_asia.clone()).unwrap_or_else(|| "没有指定".into());
            out.push(Finding::must_fix(Kind::Format, place.clone(), format!("{side}页码的字体是“{found}”，应为“{}”", pn.font)));
        }
        if run.size_half_points != pn.size_half_points {
            out.push(Finding::must_fix(
                Kind::Format,
                place.clone(),
                format!("{side}页码的字号是{}，应为{}", size_name(run.size_half_points), size_name(pn.size_half_points)),
            ));
        }
    }
    // Word measures the footer from the paper's bottom edge to the bottom of
    // its last line; the number's line is one em of its size high.
    let below = i64::from(section.bottom).abs() - i64::from(section.footer) - i64::from(em(odd.run.size_half_points));
    if (below - i64::from(pn.below_text)).abs() > PLACE_TOLERANCE {
        out.push(Finding::must_fix(
            Kind::Format,
            place.clone(),
            format!(
                "页码离版心下边缘约{}，应为{}（页脚距边界设为{}）",
                millimetres(below),
                millimetres(pn.below_text.into()),
                centimetres(pn.footer_distance(&style.page).into())
            ),
        ));
    }
    // Where the numbers stand on odd and even pages: one footer serves both
    // unless the document has different odd and even pages; a box or frame
    // placed outside or inside alternates by itself.
    let odd_side = odd.align;
    let even_side = if formatting.even_and_odd { section.footers.even.as_ref().map(|e| e.even_align) } else { Some(odd.even_align) };
    let (want_odd, want_even) = (align_of(pn.odd), align_of(pn.even));
    if pn.odd != pn.even && !formatting.even_and_odd && odd.align == odd.even_align {
        out.push(Finding::must_fix(
            Kind::Format,
            place.clone(),
            format!(
                "页码不分单双页（都在{}），应为单页{}、双页{}（页眉页脚设为“奇偶页不同”，或把页码放在“外侧”）",
                side_of(odd_side),
                side_of(want_odd),
                side_of(want_even)
            ),
        ));
        return;
    }
    if odd_side != want_odd {
        out.push(Finding::must_fix(Kind::Format, place.clone(), format!("单页页码在{}，应在{}", side_of(odd_side), side_of(want_odd))));
    }
    if !formatting.even_and_odd && odd.align == odd.even_align {
        return;
    }
    match even_side {
        None => out.push(Finding::must_fix(Kind::Format, place, "双页没有页码")),
        Some(even) if even != want_even => {
            out.push(Finding::must_fix(Kind::Format, place, format!("双页页码在{}，应在{}", side_of(even), side_of(want_even))))
        }
        Some(_) => {}
    }
}

fn align_of(a: Align) -> Alignment {
    match a {
        Align::Left => Alignment::Left,
        Align::Center => Alignment::Center,
        Align::Right => Alignment::Right,
        Align::Justify => Alignment::Justify,
    }
}

fn side_of(a: Alignment) -> &'static str {
    match a {
        Alignment::Left | Alignment::Justify | Alignment::Distribute => "左侧",
        Alignment::Center => "中间",
        Alignment::Right => "右侧",
    }
}
