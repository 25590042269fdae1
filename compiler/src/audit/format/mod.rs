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

use std::collections::HashMap;

mod footer;

use crate::import::zip::Archive;
use crate::import::ImportError;
use crate::xml::Element;

/// A font slot's value before the theme is looked up.
#[derive(Debug, Clone, PartialEq)]
enum Font {
    Named(String),
    /// A theme font: `minorEastAsia`, `majorHAnsi`…
    Theme(String),
}

/// Run properties as one level of the chain sets them (None: not set there).
#[derive(Debug, Clone, Default, PartialEq)]
struct RunProps {
    east_asia: Option<Font>,
    latin: Option<Font>,
    size: Option<u32>,
    bold: Option<bool>,
    /// Whether its colour is a red (`w:color`).
    red: Option<bool>,
}

impl RunProps {
    fn read(rpr: Option<&Element>) -> RunProps {
        let Some(rpr) = rpr else { return RunProps::default() };
        let fonts = rpr.child("rFonts");
        // A theme attribute wins over the plain name beside it (ECMA-376 17.3.2.26).
        let font = |theme: &str, name: &str| {
            let f = fonts?;
            f.attr(theme).map(Font::Theme).or_else(|| f.attr(name).filter(|n| !n.is_empty()).map(Font::Named))
        };
        RunProps {
            east_asia: font("eastAsiaTheme", "eastAsia"),
            latin: font("asciiTheme", "ascii").or_else(|| font("hAnsiTheme", "hAnsi")),
            size: rpr.child("sz").and_then(|s| s.attr("val")).and_then(|v| v.parse::<f64>().ok()).map(|v| v.round() as u32),
            bold: rpr.child("b").map(|b| toggle(Some(b))),
            red: rpr.child("color").and_then(|c| c.attr("val")).map(|v| crate::import::word::is_red(&v)),
        }
    }

    /// `self` with what `over` sets on top.
    fn then(&self, over: &RunProps) -> RunProps {
        RunProps {
            east_asia: over.east_asia.clone().or_else(|| self.east_asia.clone()),
            latin: over.latin.clone().or_else(|| self.latin.clone()),
            size: over.size.or(self.size),
            bold: over.bold.or(self.bold),
            red: over.red.or(self.red),
        }
    }
}

/// Paragraph alignment as the file says it (`w:jc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alignment {
    Left,
    Center,
    Right,
    Justify,
    /// 分散对齐.
    Distribute,
}

/// Line spacing as the file says it (`w:spacing/@line`, `@lineRule`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spacing {
    /// 固定值, twips.
    Exact(u32),
    /// 最小值, twips.
    AtLeast(u32),
    /// 倍数, in 240ths of a line (240 = 单倍).
    Multiple(u32),
}

/// A first-line indent: in 1/100 characters (`firstLineChars`), which Word
/// prefers when set, or in twips (`firstLine`); negative for a hanging indent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Indent {
    Chars(i32),
    Twips(i32),
}

#[derive(Debug, Clone, Default, PartialEq)]
struct ParaProps {
    align: Option<Alignment>,
    spacing: Option<Spacing>,
    indent: Option<Indent>,
}

impl ParaProps {
    fn read(ppr: Option<&Element>) -> ParaProps {
        let Some(ppr) = ppr else { return ParaProps::default() };
        let align = ppr.child("jc").and_then(|j| j.attr("val")).and_then(|v| match v.as_str() {
            "left" | "start" => Some(Alignment::Left),
            "center" => Some(Alignment::Center),
            "right" | "end" => Some(Alignment::Right),
            "both" | "lowKashida" | "mediumKashida" | "highKashida" => Some(Alignment::Justify),
            "distribute" | "thaiDistribute" => Some(Alignment::Distribute),
            _ => None,
        });
        let spacing = ppr.child("spacing").and_then(|s| {
            let line: u32 = s.attr("line")?.parse::<f64>().ok()?.round().max(0.0) as u32;
            Some(match s.attr("lineRule").as_deref() {
                Some("exact") => Spacing::Exact(line),
                Some("atLeast") => Spacing::AtLeast(line),
                _ => Spacing::Multiple(line),
            })
        });
        let indent = ppr.child("ind").and_then(|i| {
            let num = |k: &str| i.attr(k).and_then(|v| v.parse::<f64>().ok()).map(|v| v.round() as i32);
            // firstLineChars="0" beside a firstLine in twips: Word uses the twips.
            match (num("firstLineChars"), num("hangingChars"), num("firstLine"), num("hanging")) {
                (_, Some(h), _, _) if h != 0 => Some(Indent::Chars(-h)),
                (Some(c), _, _, _) if c != 0 => Some(Indent::Chars(c)),
                (_, _, _, Some(h)) if h != 0 => Some(Indent::Twips(-h)),
                (_, _, Some(t), _) => Some(Indent::Twips(t)),
                (Some(0), _, _, _) | (_, _, _, Some(0)) => Some(Indent::Twips(0)),
                _ => None,
            }
        });
        ParaProps { align, spacing, indent }
    }

    fn then(&self, over: &ParaProps) -> ParaProps {
        ParaProps { align: over.align.or(self.align), spacing: over.spacing.or(self.spacing), indent: over.indent.or(self.indent) }
    }
}

/// Whether a toggle property (w:b…) is on: present, and not "0"/"false".
fn toggle(e: Option<&Element>) -> bool {
    e.is_some_and(|e| !matches!(e.attr("val").as_deref(), Some("0" | "false" | "off")))
}

struct StyleDef {
    name: String,
    based_on: Option<String>,
    run: RunProps,
    para: ParaProps,
}

/// styles.xml and the theme's fonts: what every level of the chain sets.
struct Styles {
    run_defaults: RunProps,
    para_defaults: ParaProps,
    by_id: HashMap<String, StyleDef>,
    default_paragraph: Option<String>,
    /// Theme font name (`minorEastAsia`…) → typeface.
    theme: HashMap<String, String>,
}

impl Styles {
    fn read(root: Option<&Element>, theme: Option<&Element>, east_asian_script: &str) -> Styles {
        let mut styles = Styles {
            run_defaults: RunProps::default(),
            para_defaults: ParaProps::default(),
            by_id: HashMap::new(),
            default_paragraph: None,
            theme: theme.map(|t| theme_fonts(t, east_asian_script)).unwrap_or_default(),
        };
        let Some(root) = root else { return styles };
        if let Some(defaults) = root.child("docDefaults") {
            styles.run_defaults = RunProps::read(defaults.child("rPrDefault").and_then(|d| d.child("rPr")));
            styles.para_defaults = ParaProps::read(defaults.child("pPrDefault").and_then(|d| d.child("pPr")));
        }
        for s in root.elements().filter(|s| s.local() == "style") {
            let Some(id) = s.attr("styleId") else { continue };
            if s.attr("type").as_deref() == Some("paragraph") && matches!(s.attr("default").as_deref(), Some("1" | "true" | "on")) {
                styles.default_paragraph = Some(id.clone());
            }
            let def = StyleDef {
                name: s.child("name").and_then(|n| n.attr("val")).unwrap_or_else(|| id.clone()),
                based_on: s.child("basedOn").and_then(|b| b.attr("val")),
                run: RunProps::read(s.child("rPr")),
                para: ParaProps::read(s.child("pPr")),
            };
            styles.by_id.insert(id, def);
        }
        styles
    }

    /// A style and those it is based on, the farthest ancestor first (loops cut).
    fn chain(&self, id: Option<&str>) -> Vec<&StyleDef> {
        let mut out = Vec::new();
        let mut next = id.map(str::to_string);
        while let Some(id) = next.take() {
            let Some(s) = self.by_id.get(&id) else { break };
            if out.len() >= 20 || out.iter().any(|o: &&StyleDef| std::ptr::eq(*o, s)) {
                break;
            }
            out.push(s);
            next = s.based_on.clone();
        }
        out.reverse();
        out
    }

    fn typeface(&self, font: &Option<Font>) -> Option<String> {
        match font.as_ref()? {
            Font::Named(n) => Some(n.clone()),
            Font::Theme(t) => self.theme.get(t).cloned(),
        }
    }
}

/// The theme's script for the document's East Asian language
/// (settings.xml `themeFontLang/@eastAsia`); simplified Chinese when it names none.
fn east_asian_script(settings: Option<&Element>) -> &'static str {
    let lang = settings.and_then(|s| s.child("themeFontLang")).and_then(|l| l.attr("eastAsia")).unwrap_or_default().to_ascii_lowercase();
    match lang.as_str() {
        "ja-jp" | "ja" => "Jpan",
        "ko-kr" | "ko" => "Hang",
        "zh-tw" | "zh-hk" | "zh-mo" => "Hant",
        _ => "Hans",
    }
}

/// The theme's major and minor fonts under the names rFonts uses for them.
fn theme_fonts(theme: &Element, east_asian_script: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let scheme = find(theme, "fontScheme");
    for (kind, prefix) in [("majorFont", "major"), ("minorFont", "minor")] {
        let Some(f) = scheme.and_then(|s| s.child(kind)) else { continue };
        let face = |e: Option<&Element>| e.and_then(|e| e.attr("typeface")).filter(|t| !t.is_empty());
        // The face for the document's East Asian script first, then the
        // theme's general East Asian one (as LibreOffice resolves them, after Word).
        let script = f.elements().find(|e| e.local() == "font" && e.attr("script").as_deref() == Some(east_asian_script));
        if let Some(ea) = face(script).or_else(|| face(f.child("ea"))) {
            out.insert(format!("{prefix}EastAsia"), ea);
        }
        if let Some(latin) = face(f.child("latin")) {
            for slot in ["HAnsi", "Ascii", "Bidi"] {
                out.insert(format!("{prefix}{slot}"), latin.clone());
            }
        }
    }
    out
}

/// The first descendant with this local name.
fn find<'e>(e: &'e Element, local: &str) -> Option<&'e Element> {
    e.elements().find_map(|c| if c.local() == local { Some(c) } else { find(c, local) })
}

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
}

/// A document's formatting as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Formatting {
    pub sections: Vec<Section>,
    /// Different odd and even pages (settings.xml `evenAndOddHeaders`).
    pub even_and_odd: bool,
    pub paragraphs: Vec<ParagraphFormat>,
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
    let styles = Styles::read(styles_root.as_ref(), theme_root.as_ref(), east_asian_script(settings.as_ref()));
    let even_and_odd = toggle(settings.as_ref().and_then(|s| s.child("evenAndOddHeaders")));
    let document = part(&main)?.ok_or(ImportError::NotWord)?;
    let body = document.child("body").ok_or_else(|| ImportError::BrokenXml(main.clone()))?;
    let mut reader = BodyReader { styles: &styles, paragraphs: Vec::new(), section_props: Vec::new() };
    reader.blocks(body);
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
    Ok(Formatting { sections, even_and_odd, paragraphs: reader.paragraphs })
}

fn section(sect: &Element, footers: Footers) -> Section {
    let num = |e: Option<&Element>, k: &str| e.and_then(|e| e.attr(k)).and_then(|v| v.parse::<f64>().ok()).map(|v| v.round() as i64);
    let size = sect.child("pgSz");
    let margin = sect.child("pgMar");
    // Word's defaults when unset: Letter paper, 1" and 1.25" margins, footer 0.5".
    let (w, h) = (num(size, "w").unwrap_or(12240), num(size, "h").unwrap_or(15840));
    let landscape = size.and_then(|s| s.attr("orient")).as_deref() == Some("landscape");
    let clamp = |v: i64| v.clamp(0, u32::MAX as i64) as u32;
    Section {
        width: clamp(if landscape { w.max(h) } else { w }),
        height: clamp(if landscape { w.min(h) } else { h }),
        top: num(margin, "top").unwrap_or(1440).clamp(i32::MIN as i64, i32::MAX as i64) as i32,
        bottom: num(margin, "bottom").unwrap_or(1440).clamp(i32::MIN as i64, i32::MAX as i64) as i32,
        left: clamp(num(margin, "left").unwrap_or(1800)),
        right: clamp(num(margin, "right").unwrap_or(1800)),
        gutter: clamp(num(margin, "gutter").unwrap_or(0)),
        footer: clamp(num(margin, "footer").unwrap_or(720)),
        footers,
    }
}

struct BodyReader<'s, 'd> {
    styles: &'s Styles,
    paragraphs: Vec<ParagraphFormat>,
    /// Section breaks inside the body (a paragraph's `pPr/sectPr`), in order.
    section_props: Vec<&'d Element>,
}

impl<'d> BodyReader<'_, 'd> {
    fn blocks(&mut self, parent: &'d Element) {
        for e in parent.elements() {
            match e.local() {
                "p" => {
                    if let Some(sect) = e.child("pPr").and_then(|p| p.child("sectPr")) {
                        self.section_props.push(sect);
                    }
                    let p = paragraph(self.styles, e);
                    self.paragraphs.push(p);
                }
                "tbl" => {
                    if let Some(last) = self.paragraphs.last_mut() {
                        last.before_table = true;
                    }
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
    }
}

/// A paragraph's resolved formatting and runs.
fn paragraph(styles: &Styles, p: &Element) -> ParagraphFormat {
    let ppr = p.child("pPr");
    let (style, para, run_base) = base_props(styles, ppr);
    let para = para.then(&ParaProps::read(ppr));
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
    };
    let mut fields = Vec::new();
    runs(styles, &run_base, p, &mut fields, &mut out);
    out
}

/// Collects a paragraph's shown runs in order (as the importer's walk does).
fn runs(styles: &Styles, base: &RunProps, e: &Element, fields: &mut Vec<bool>, out: &mut ParagraphFormat) {
    for c in e.elements() {
        match c.local() {
            "r" => run(styles, base, c, fields, out),
            "fldSimple" | "hyperlink" | "ins" | "moveTo" | "smartTag" | "customXml" | "sdt" | "sdtContent" | "bdo" | "dir" => {
                runs(styles, base, c, fields, out)
            }
            _ => {}
        }
    }
}

fn run(styles: &Styles, base: &RunProps, r: &Element, fields: &mut Vec<bool>, out: &mut ParagraphFormat) {
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
            "br" | "cr" => text.push('\n'),
            "drawing" | "pict" | "object" | "AlternateContent" => {
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
    let format = run_format(styles, &resolve(styles, base, rpr), text);
    // Neighbouring runs that look alike are one stretch.
    match out.runs.last_mut() {
        Some(last)
            if (&last.east_asia, &last.latin, last.size_half_points, last.bold, last.red)
                == (&format.east_asia, &format.latin, format.size_half_points, format.bold, format.red) =>
        {
            last.text.push_str(&format.text)
        }
        _ => out.runs.push(format),
    }
}

/// Whether a drawing is a red line: a DrawingML shape drawn as a line (or a
/// connector) with a red outline, or a VML line stroked red.
fn red_line(drawing: &Element) -> bool {
    let line_shape =
        find(drawing, "prstGeom").and_then(|g| g.attr("prst")).is_some_and(|p| p == "line" || p.starts_with("straightConnector"));
    let red_outline =
        find(drawing, "ln").and_then(|ln| find(ln, "srgbClr")).and_then(|c| c.attr("val")).is_some_and(|v| crate::import::word::is_red(&v));
    let vml = find(drawing, "line").and_then(|l| l.attr("strokecolor")).is_some_and(|c| crate::import::word::is_red(&c));
    line_shape && red_outline || vml
}
