//! What a received .docx looks like, read from the file itself as Word resolves
//! it: every section's paper and margins, every body paragraph's alignment, line
//! spacing and first-line indent, every run's fonts (the East Asian slot and the
//! Latin one), size and bold, and the page numbers in the footers. A property
//! is resolved along Word's chain: the document defaults (`docDefaults`), the
//! paragraph's style and those it is based on (or the default paragraph style),
//! the run's character style, then what is set on the paragraph or run itself;
//! theme fonts (`minorEastAsia`…) are looked up in the theme: the face for the
//! document's East Asian language (`themeFontLang`, simplified Chinese when
//! unset), else the theme's East Asian face.
//!
//! Only the body is read (not tables, text boxes or notes: the rules of
//! Attachment 1 are about the body), in the order Word shows it, with the same
//! walk as the importer (tracked insertions kept, deletions and field codes
//! dropped).

mod footer;
mod pictures;
mod styles;
mod table;

use pictures::{picture_extent, red_line, Picture, OWN_LINE};
use styles::{east_asian_script, toggle, ParaProps, RunProps, Styles};
pub use styles::{Alignment, Indent, Spacing};
pub use table::{CellFormat, RowFormat, TableFormat};

use crate::import::zip::Archive;
use crate::import::ImportError;
use crate::layout::flow::{Float, FloatFrom, InlinePicture, SectionStart};
use crate::xml::Element;

/// A stretch of a paragraph's text with one resolved set of run properties.
#[derive(Debug, Clone, PartialEq)]
pub struct RunFormat {
    pub text: String,
    /// The East Asian font (Chinese characters) and the Latin one (letters,
    /// digits); None when nothing in the chain names one (Word then falls back
    /// to its own default, which differs by version).
    pub east_asia: Option<String>,
    pub latin: Option<String>,
    /// Half-points; Word's default when nothing sets it is 10 pt (20).
    pub size_half_points: u32,
    pub bold: bool,
    pub red: bool,
    /// Horizontal scale in percent (`w:w`, 100 when unset) and the space added
    /// after each character, in twips (`w:spacing`).
    pub scale: u32,
    pub spacing: i32,
}

/// A body paragraph with its resolved formatting.
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphFormat {
    pub text: String,
    /// The paragraph style's name (`Normal`, `heading 1`, `标题 1`…).
    pub style: Option<String>,
    /// Whether Word draws a number before it (a list, `numPr`).
    pub numbered: bool,
    pub align: Alignment,
    /// None: single (Word's default).
    pub spacing: Option<Spacing>,
    pub indent: Option<Indent>,
    pub runs: Vec<RunFormat>,
    /// Whether the paragraph holds a picture.
    pub picture: bool,
    /// Whether a table follows it (it is the table's title).
    pub before_table: bool,
    /// Whether it draws a red rule: a red border above or below it, or a red
    /// line shape in it (a 红头's 红色分隔线).
    pub red_rule: bool,
    /// What its pages depend on besides the above.
    pub flow: FlowFormat,
}

/// A paragraph's properties that only its place on the pages depends on.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowFormat {
    /// Space before and after, and left and right indents, in twips.
    pub before: u32,
    pub after: u32,
    /// Whether the paragraph asks for automatic (HTML) space before and after.
    pub auto_before: bool,
    pub auto_after: bool,
    pub left: u32,
    pub right: u32,
    /// The first-line indent in twips (negative: hanging): what LibreOffice
    /// lays out, which reads no `firstLineChars` (Word and WPS do; they write both).
    pub first_line: i32,
    pub contextual: bool,
    pub keep_next: bool,
    pub keep_lines: bool,
    pub widow_control: bool,
    pub page_break_before: bool,
    pub snap_to_grid: bool,
    /// The paragraph mark's size and fonts (what an empty paragraph is as tall as).
    pub mark: RunFormat,
    /// The paragraph style's size and fonts, without direct formatting.
    pub style_font: RunFormat,
    /// Whether the paragraph itself says it is left-aligned (`jc` left or
    /// start), which changes what an empty one is as tall as.
    pub mark_says_left: bool,
    /// Inline pictures: where in the text (characters), and the picture.
    pub pictures: Vec<(u32, InlinePicture)>,
    /// Floating pictures with text above and below them that do not stand
    /// at the paragraph's top: what each is placed from, and where it begins
    /// and ends below that, in twips.
    pub floats: Vec<Float>,
    /// The `\n`s of the text that are page or column breaks (character offsets).
    pub page_breaks: Vec<u32>,
    /// Whether its first run's East Asian text is in a Chinese, Japanese or
    /// Korean language (or none is set): LibreOffice lets punctuation hang past
    /// the margin only then (measured: `w:lang w:eastAsia="en-US"` in the
    /// document defaults, as python-docx's template has, stops it).
    pub asian_language: bool,
}

/// Where a footer's page number stands and how it looks.
#[derive(Debug, Clone, PartialEq)]
pub struct PageNumberFormat {
    /// The footer paragraph's text with the number as `{页码}`: `— {页码} —`
    /// (with what the section's number format adds: `- {页码} -` for numberInDash).
    pub text: String,
    /// Where it stands on odd pages, and on even pages where the same footer
    /// serves both (they differ for a box or frame placed inside or outside).
    pub align: Alignment,
    pub even_align: Alignment,
    /// The number's own run.
    pub run: RunFormat,
}

/// What a section's footers hold: the number on odd (or all) and even pages,
/// and on its first page. A section without a reference of a kind has the
/// previous section's (Word's 链接到前一节).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Footers {
    pub default: Option<PageNumberFormat>,
    /// Only used by Word when the document has different odd and even pages.
    pub even: Option<PageNumberFormat>,
    /// Only used when the section has a different first page (`titlePg`).
    pub first: Option<PageNumberFormat>,
    /// 首页不同.
    pub title_page: bool,
}

/// A section's paper, margins (twips) and footers.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub width: u32,
    pub height: u32,
    pub top: i32,
    pub bottom: i32,
    pub left: u32,
    pub right: u32,
    pub gutter: u32,
    /// From the bottom edge of the paper to the bottom of the footer's last line.
    pub footer: u32,
    pub footers: Footers,
    /// How the section starts (`w:type`).
    pub start: crate::layout::flow::SectionStart,
    /// The document grid's line pitch in twips, when it has a grid of lines.
    pub grid: Option<u32>,
    /// The grid's character pitch (`charSpace`, 1/4096 pt added to the
    /// default paragraph style's size), when it has a grid of characters.
    pub char_space: Option<i32>,
}

/// A document's formatting as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Formatting {
    pub sections: Vec<Section>,
    /// Different odd and even pages (settings.xml `evenAndOddHeaders`).
    pub even_and_odd: bool,
    pub paragraphs: Vec<ParagraphFormat>,
    /// The body in order: its paragraphs (by index), tables, and where each section ends.
    pub blocks: Vec<BodyBlock>,
    /// The size the default paragraph style sets itself (half-points), which
    /// the grid of characters is measured from.
    pub normal_size: Option<u32>,
    /// Whether LibreOffice puts the larger of a paragraph's space after and
    /// the next one's space before between them, not their sum: for a file
    /// with settings that do not say doNotUseHTMLParagraphAutoSpacing
    /// (measured: 6 pt after and 6 pt before leave 6 pt; without
    /// settings.xml, 12 pt).
    pub spacing_collapses: bool,
    /// The interval of the default tab stops in twips (settings.xml
    /// `defaultTabStop`; 720, half an inch, where it says none).
    pub tab_stops: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BodyBlock {
    Paragraph(usize),
    Table(TableFormat),
    /// The end of a section (the paragraph before carries its properties).
    SectionEnd,
}

/// Reads the formatting of a .docx file.
pub fn read_docx(bytes: &[u8]) -> Result<Formatting, ImportError> {
    read(&crate::import::open(bytes)?)
}

/// Reads the formatting of a package the importer has opened.
pub(crate) fn read(archive: &Archive) -> Result<Formatting, ImportError> {
    let main = crate::import::main_part(archive)?;
    let part = |name: &str| archive.read_xml(name);
    let rels = crate::import::relationships(archive, &main)?;
    let target = |kind: &str| crate::import::part_named(&rels, kind);
    let styles_root = target("styles").map(|t| part(&t)).transpose()?.flatten();
    let theme_root = target("theme").map(|t| part(&t)).transpose()?.flatten();
    let settings = target("settings").map(|t| part(&t)).transpose()?.flatten();
    let numbering_root = target("numbering").map(|t| part(&t)).transpose()?.flatten();
    let mut styles = Styles::read(styles_root.as_ref(), theme_root.as_ref(), east_asian_script(settings.as_ref()));
    styles.read_numbering(numbering_root.as_ref());
    let even_and_odd = toggle(settings.as_ref().and_then(|s| s.child("evenAndOddHeaders")));
    let tab_stops = settings
        .as_ref()
        .and_then(|s| s.child("defaultTabStop"))
        .and_then(|t| t.attr("val"))
        .and_then(|v| v.parse::<u32>().ok())
        .filter(|v| (1..=MAX_TWIPS as u32).contains(v))
        .unwrap_or(720);
    let spacing_collapses =
        settings.as_ref().is_some_and(|s| !toggle(s.child("compat").and_then(|c| c.child("doNotUseHTMLParagraphAutoSpacing"))));
    let document = part(&main)?.ok_or(ImportError::NotWord)?;
    let body = document.child("body").ok_or_else(|| ImportError::BrokenXml(main.clone()))?;
    let mut reader = BodyReader { styles: &styles, paragraphs: Vec::new(), section_props: Vec::new(), blocks: Vec::new() };
    reader.blocks(body);
    between_list_items(&reader.blocks, &mut reader.paragraphs);
    let mut sections = Vec::new();
    // The footers of each kind so far (default, even, first): None until a section names one.
    let mut linked: [Option<Option<PageNumberFormat>>; 3] = [None, None, None];
    for sect in reader.section_props.iter().copied().chain(body.child("sectPr")) {
        // pgNumType's format changes what the PAGE field prints (numberInDash: "- 1 -").
        let dashed = sect.child("pgNumType").and_then(|t| t.attr("fmt")).as_deref() == Some("numberInDash");
        for reference in sect.elements().filter(|e| e.local() == "footerReference") {
            let Some(path) = reference.attr("id").and_then(|id| rels.get(&id).cloned()) else { continue };
            let number = part(&path)?.and_then(|root| footer::page_number(&styles, &root));
            let kind = match reference.attr("type").as_deref() {
                Some("even") => 1,
                Some("first") => 2,
                _ => 0,
            };
            linked[kind] = Some(number);
        }
        let shown = |kind: usize| {
            linked[kind].clone().flatten().map(|mut n| {
                if dashed {
                    n.text = n.text.replace("{页码}", "- {页码} -");
                }
                n
            })
        };
        let footers = Footers { default: shown(0), even: shown(1), first: shown(2), title_page: toggle(sect.child("titlePg")) };
        sections.push(section(sect, footers));
    }
    let normal_size = styles.default_paragraph.as_ref().and_then(|id| styles.by_id.get(id)).and_then(|s| s.run.size);
    Ok(Formatting {
        sections,
        even_and_odd,
        paragraphs: reader.paragraphs,
        blocks: reader.blocks,
        normal_size,
        spacing_collapses,
        tab_stops,
    })
}

fn section(sect: &Element, footers: Footers) -> Section {
    let num = |e: Option<&Element>, k: &str| e.and_then(|e| e.attr(k)).and_then(|v| v.parse::<f64>().ok()).map(|v| v.round() as i64);
    let size = sect.child("pgSz");
    let margin = sect.child("pgMar");
    // Word's defaults when unset: Letter paper, 1" and 1.25" margins, footer 0.5".
    let (w, h) = (num(size, "w").unwrap_or(12240), num(size, "h").unwrap_or(15840));
    let landscape = size.and_then(|s| s.attr("orient")).as_deref() == Some("landscape");
    // Within four times Word's own limit (22 inches), so that no sum overflows.
    let clamp = |v: i64| v.clamp(0, 126_720) as u32;
    Section {
        width: clamp(if landscape { w.max(h) } else { w }),
        height: clamp(if landscape { w.min(h) } else { h }),
        top: num(margin, "top").unwrap_or(1440).clamp(-126_720, 126_720) as i32,
        bottom: num(margin, "bottom").unwrap_or(1440).clamp(-126_720, 126_720) as i32,
        left: clamp(num(margin, "left").unwrap_or(1800)),
        right: clamp(num(margin, "right").unwrap_or(1800)),
        gutter: clamp(num(margin, "gutter").unwrap_or(0)),
        footer: clamp(num(margin, "footer").unwrap_or(720)),
        footers,
        start: match sect.child("type").and_then(|t| t.attr("val")).as_deref() {
            Some("continuous") => SectionStart::Continuous,
            Some("evenPage") => SectionStart::EvenPage,
            Some("oddPage") => SectionStart::OddPage,
            _ => SectionStart::NextPage,
        },
        grid: sect
            .child("docGrid")
            .filter(|g| matches!(g.attr("type").as_deref(), Some("lines" | "linesAndChars" | "snapToChars")))
            .and_then(|g| num(Some(g), "linePitch"))
            .filter(|p| *p > 0)
            .map(clamp),
        char_space: sect
            .child("docGrid")
            .filter(|g| matches!(g.attr("type").as_deref(), Some("linesAndChars" | "snapToChars")))
            .and_then(|g| num(Some(g), "charSpace"))
            .filter(|c| *c != 0)
            .map(|c| c.clamp(-1_000_000, 1_000_000) as i32),
    }
}

struct BodyReader<'s, 'd> {
    styles: &'s Styles,
    paragraphs: Vec<ParagraphFormat>,
    /// Section breaks inside the body (a paragraph's `pPr/sectPr`), in order.
    section_props: Vec<&'d Element>,
    blocks: Vec<BodyBlock>,
}

impl<'d> BodyReader<'_, 'd> {
    fn blocks(&mut self, parent: &'d Element) {
        for e in parent.elements() {
            match e.local() {
                "p" => {
                    let p = paragraph(self.styles, e);
                    self.blocks.push(BodyBlock::Paragraph(self.paragraphs.len()));
                    self.paragraphs.push(p);
                    if let Some(sect) = e.child("pPr").and_then(|p| p.child("sectPr")) {
                        self.section_props.push(sect);
                        self.blocks.push(BodyBlock::SectionEnd);
                    }
                }
                "tbl" => {
                    if let Some(last) = self.paragraphs.last_mut() {
                        last.before_table = true;
                    }
                    self.blocks.push(BodyBlock::Table(table::table(self.styles, e)));
                }
                "sdt" | "customXml" | "ins" | "moveTo" => self.blocks(e.child("sdtContent").unwrap_or(e)),
                _ => {}
            }
        }
    }
}

/// What a paragraph's style chain gives it and its runs, before its own settings.
fn base_props(styles: &Styles, ppr: Option<&Element>) -> (Option<String>, ParaProps, RunProps) {
    let style_id = ppr.and_then(|p| p.child("pStyle")).and_then(|s| s.attr("val")).or_else(|| styles.default_paragraph.clone());
    let chain = styles.chain(style_id.as_deref());
    let mut para = styles.para_defaults.clone();
    let mut run = styles.run_defaults.clone();
    for s in &chain {
        para = para.then(&s.para);
        run = run.then(&s.run);
    }
    (chain.last().map(|s| s.name.clone()), para, run)
}

/// A run's properties: `base` (its paragraph's), then its character style's, then its own.
fn resolve(styles: &Styles, base: &RunProps, rpr: Option<&Element>) -> RunProps {
    let char_style = rpr.and_then(|p| p.child("rStyle")).and_then(|s| s.attr("val"));
    let mut props = base.clone();
    for s in styles.chain(char_style.as_deref()) {
        props = props.then(&s.run);
    }
    props.then(&RunProps::read(rpr))
}

fn run_format(styles: &Styles, props: &RunProps, text: String) -> RunFormat {
    RunFormat {
        text,
        east_asia: styles.typeface(&props.east_asia),
        latin: styles.typeface(&props.latin),
        size_half_points: props.size.unwrap_or(20),
        bold: props.bold.unwrap_or(false),
        red: props.red.unwrap_or(false),
        scale: props.scale.unwrap_or(100),
        spacing: props.spacing.unwrap_or(0),
    }
}

/// Automatic space is dropped between two numbered paragraphs, one after the
/// other (LibreOffice, as Word: a bulleted list from a web page keeps its
/// items 13.4 pt apart in 9 pt text, not 27.4).
fn between_list_items(blocks: &[BodyBlock], paragraphs: &mut [ParagraphFormat]) {
    for pair in blocks.windows(2) {
        let [BodyBlock::Paragraph(a), BodyBlock::Paragraph(b)] = pair else { continue };
        let (a, b) = (*a, *b);
        if !(paragraphs[a].numbered && paragraphs[b].numbered) {
            continue;
        }
        if paragraphs[a].flow.auto_after {
            paragraphs[a].flow.after = 0;
        }
        if paragraphs[b].flow.auto_before {
            paragraphs[b].flow.before = 0;
        }
    }
}

/// A paragraph's resolved formatting and runs.
fn paragraph(styles: &Styles, p: &Element) -> ParagraphFormat {
    let ppr = p.child("pPr");
    let (style, para, run_base) = base_props(styles, ppr);
    // A list level's indents come between the style's and the paragraph's own.
    let para = match styles.list_level(ppr) {
        Some(level) => para.then(level),
        None => para,
    };
    let para = para.then(&ParaProps::read(ppr));
    let left = ppr.and_then(|p| p.child("jc")).and_then(|j| j.attr("val")).is_some_and(|v| v == "left" || v == "start");
    let mark = run_format(styles, &resolve(styles, &run_base, ppr.and_then(|p| p.child("rPr"))), String::new());
    let style_font = run_format(styles, &resolve(styles, &run_base, None), String::new());
    let auto = |side: &str| ppr.and_then(|p| p.child("spacing")).is_some_and(|s| styles::toggle_attr(s, &format!("{side}Autospacing")));
    let flow = FlowFormat {
        before: para.before.unwrap_or(0),
        after: para.after.unwrap_or(0),
        auto_before: auto("before"),
        auto_after: auto("after"),
        left: para.left.unwrap_or(0).max(0) as u32,
        right: para.right.unwrap_or(0).max(0) as u32,
        first_line: para.first_line.unwrap_or(0),
        contextual: para.contextual.unwrap_or(false),
        keep_next: para.keep_next.unwrap_or(false),
        keep_lines: para.keep_lines.unwrap_or(false),
        // LibreOffice keeps two lines together when the file says nothing (measured).
        widow_control: para.widow_control.unwrap_or(true),
        page_break_before: para.page_break_before.unwrap_or(false),
        snap_to_grid: para.snap_to_grid.unwrap_or(true),
        mark,
        style_font,
        mark_says_left: left,
        pictures: Vec::new(),
        floats: Vec::new(),
        page_breaks: Vec::new(),
        asian_language: true,
    };
    let mut out = ParagraphFormat {
        text: String::new(),
        style,
        numbered: ppr.and_then(|p| p.child("numPr")).and_then(|n| n.child("numId")).and_then(|n| n.attr("val")).is_some_and(|v| v != "0"),
        align: para.align.unwrap_or(Alignment::Left),
        spacing: para.spacing,
        indent: para.indent,
        runs: Vec::new(),
        picture: false,
        before_table: false,
        red_rule: ppr.and_then(|p| p.child("pBdr")).is_some_and(|b| {
            ["top", "bottom"].iter().filter_map(|side| b.child(side)).any(|line| {
                line.attr("val").is_some_and(|v| v != "none" && v != "nil")
                    && line.attr("color").is_some_and(|c| crate::import::word::is_red(&c))
            })
        }),
        flow,
    };
    runs(styles, &run_base, p, &mut Walk::default(), &mut out);
    out
}

/// What walking a paragraph's runs keeps track of.
#[derive(Default)]
struct Walk {
    /// The fields the walk is in, and whether each shows its result yet.
    fields: Vec<bool>,
    /// The floating pictures with text above and below so far: which of the
    /// paragraph's pictures, and how far below the paragraph's top they
    /// begin and end (twips). Those beside each other share one line.
    floats: Vec<(usize, i64, i64)>,
}

/// Collects a paragraph's shown runs in order (as the importer's walk does).
fn runs(styles: &Styles, base: &RunProps, e: &Element, walk: &mut Walk, out: &mut ParagraphFormat) {
    for c in e.elements() {
        match c.local() {
            "r" => run(styles, base, c, walk, out),
            "fldSimple" | "hyperlink" | "ins" | "moveTo" | "smartTag" | "customXml" | "sdt" | "sdtContent" | "bdo" | "dir" => {
                runs(styles, base, c, walk, out)
            }
            _ => {}
        }
    }
}

fn run(styles: &Styles, base: &RunProps, r: &Element, walk: &mut Walk, out: &mut ParagraphFormat) {
    let fields = &mut walk.fields;
    let rpr = r.child("rPr");
    if toggle(rpr.and_then(|p| p.child("vanish"))) {
        return;
    }
    let mut text = String::new();
    for c in r.elements() {
        match c.local() {
            "fldChar" => match c.attr("fldCharType").as_deref() {
                Some("begin") => fields.push(false),
                Some("separate") => {
                    if let Some(f) = fields.last_mut() {
                        *f = true;
                    }
                }
                Some("end") => {
                    fields.pop();
                }
                _ => {}
            },
            _ if fields.iter().any(|shown| !shown) => {}
            "t" => text.push_str(&c.text()),
            "tab" | "ptab" => text.push('\t'),
            "br" | "cr" => {
                if matches!(c.attr("type").as_deref(), Some("page" | "column")) {
                    out.flow.page_breaks.push((out.text.chars().count() + text.chars().count()) as u32);
                }
                text.push('\n')
            }
            "drawing" | "pict" | "object" | "AlternateContent" => {
                let at = (out.text.chars().count() + text.chars().count()) as u32;
                match picture_extent(c) {
                    Some(Picture::Inline(width, height)) => {
                        out.flow.pictures.push((at, InlinePicture { width, height, object: c.local() == "object" }))
                    }
                    // Placed below its paragraph's top, or from the margin or the
                    // page: text passes above and below where it stands (measured).
                    Some(Picture::Floating { from, top, bottom, beside }) if top >= 0 || from != FloatFrom::Paragraph => {
                        let top = top.clamp(0, MAX_TWIPS as i64);
                        out.flow.floats.push(Float { from, top: top as u32, bottom: bottom.clamp(top, MAX_TWIPS as i64) as u32, beside })
                    }
                    Some(Picture::Floating { top, bottom, .. }) => {
                        // Beside one already placed (their heights overlap): one line
                        // for both. Placed from the paragraph's top, it stands before
                        // the paragraph's text (measured), wherever its anchor is.
                        let float = match walk.floats.iter().position(|(_, t, b)| top < *b && *t < bottom) {
                            Some(k) => k,
                            None => {
                                walk.floats.push((out.flow.pictures.len(), top, bottom));
                                out.flow.pictures.push((0, InlinePicture { width: OWN_LINE, height: 0, object: false }));
                                walk.floats.len() - 1
                            }
                        };
                        let (picture, t, b) = &mut walk.floats[float];
                        (*t, *b) = ((*t).min(top), (*b).max(bottom));
                        out.flow.pictures[*picture].1.height = (*b - *t).clamp(0, MAX_TWIPS as i64) as u32;
                    }
                    None => {}
                }
                out.picture = true;
                out.red_rule = out.red_rule || red_line(c);
            }
            _ => {}
        }
    }
    if text.is_empty() {
        return;
    }
    out.text.push_str(&text);
    let props = resolve(styles, base, rpr);
    if out.runs.is_empty() {
        out.flow.asian_language = props.east_asian_lang.as_deref().is_none_or(|l| {
            let l = l.to_ascii_lowercase();
            ["zh", "ja", "ko"].iter().any(|p| l.starts_with(p))
        });
    }
    let format = run_format(styles, &props, text);
    // Neighbouring runs that look alike are one stretch.
    match out.runs.last_mut() {
        Some(last)
            if (&last.east_asia, &last.latin, last.size_half_points, last.bold, last.red, last.scale, last.spacing)
                == (&format.east_asia, &format.latin, format.size_half_points, format.bold, format.red, format.scale, format.spacing) =>
        {
            last.text.push_str(&format.text)
        }
        _ => out.runs.push(format),
    }
}

/// The largest length a file may give that the page model takes as given
/// (Word's own limit is 22 inches, 31680 twips): larger ones are cut, so that
/// no sum of them overflows.
pub(super) const MAX_TWIPS: u64 = 31_680 * 4;
