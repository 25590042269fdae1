//! Reads a Word package into what the mapping needs, in reading order:
//! paragraphs (text as Word shows it, the bold start, style, alignment and the
//! automatic number Word draws before it), tables and pictures; and, apart, the
//! text Word counts outside the body flow (text boxes, footnotes, endnotes).
//!
//! What Word shows is what is read: insertions of tracked changes kept and
//! deletions dropped, field results rather than field codes, the first choice of
//! alternate content (Word writes text boxes twice, as DrawingML and as VML).

use std::collections::HashMap;

use super::zip::Archive;
use super::ImportError;
use crate::spec::PictureFormat;
use crate::xml::Element;

/// Where a paragraph stands in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Body,
    TextBox,
    Note,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WordParagraph {
    /// As shown, without the automatic number; '\t' and '\n' for tabs and breaks.
    pub text: String,
    /// How many characters at the start are bold (the 一是 lead sentence).
    pub bold_start: usize,
    /// The automatic number Word draws before the text (`一、`, `（二）`, `1.`).
    pub number: Option<String>,
    /// The style's name (`heading 1`, `Title`, `标题 1`…), if any.
    pub style: Option<String>,
    /// The outline level (0 = level 1) from the paragraph or its style.
    pub outline: Option<u8>,
    pub centered: bool,
    /// Whether most of its characters are red (a 红头's 发文机关标志).
    pub red: bool,
    pub origin: Origin,
}

impl WordParagraph {
    /// A paragraph of plain text (a line of a pasted text).
    pub fn plain(text: &str) -> WordParagraph {
        WordParagraph {
            text: text.to_string(),
            bold_start: 0,
            number: None,
            style: None,
            outline: None,
            centered: false,
            red: false,
            origin: Origin::Body,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// The part's file name (`image1.png`).
    pub name: String,
    pub format: Option<PictureFormat>,
    pub data: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum WordBlock {
    Paragraph(WordParagraph),
    /// Rows of cell texts (paragraphs of a cell joined by '\n').
    Table(Vec<Vec<String>>),
    Image(Image),
}

/// The document read: body blocks in order, then text boxes and notes.
#[derive(Debug, Default, Clone)]
pub struct WordFile {
    pub blocks: Vec<WordBlock>,
    pub aside: Vec<WordParagraph>,
    /// Every picture drawn in the document (inline or floating, in the body,
    /// its tables, text boxes and notes; not headers and footers), whether or
    /// not `blocks` holds it.
    pub pictures: usize,
    /// Their bytes together.
    pub picture_bytes: usize,
}

impl WordFile {
    /// The file's 字数 as Word's 字数统计 gives it: body paragraphs, tables,
    /// text boxes, footnotes and endnotes (Word's default, 包括文本框、脚注和尾注);
    /// not headers and footers, and not the numbers Word draws before list items.
    pub fn words(&self) -> usize {
        self.counts().words
    }

    /// 字数 and 字符数 of the whole file, as Word's 字数统计 gives them.
    pub fn counts(&self) -> crate::count::Counts {
        let mut all = crate::count::Counts::default();
        for b in &self.blocks {
            match b {
                WordBlock::Paragraph(p) => all += crate::count::count(&p.text),
                WordBlock::Table(rows) => rows.iter().flatten().for_each(|cell| all += crate::count::count(cell)),
                WordBlock::Image(_) => {}
            }
        }
        self.aside.iter().for_each(|p| all += crate::count::count(&p.text));
        all
    }
}

struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num: Option<(String, u8)>,
}

/// numbering.xml: what each list level draws.
#[derive(Default)]
struct Numbering {
    /// numId → abstractNumId.
    nums: HashMap<String, String>,
    /// abstractNumId → levels (format, text like "%1、", start).
    levels: HashMap<String, Vec<(String, String, u32)>>,
    /// abstractNumId → current counter per level.
    counters: HashMap<String, Vec<u32>>,
}

impl Numbering {
    fn read(root: &Element) -> Numbering {
        let mut n = Numbering::default();
        for e in root.elements() {
            match e.local() {
                "abstractNum" => {
                    let id = e.attr("abstractNumId").unwrap_or_default();
                    let mut levels = vec![(String::from("decimal"), String::new(), 1); 9];
                    for lvl in e.elements().filter(|l| l.local() == "lvl") {
                        let i: usize = lvl.attr("ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        if i < 9 {
                            let val = |k: &str| lvl.child(k).and_then(|c| c.attr("val"));
                            levels[i] = (
                                val("numFmt").unwrap_or_default(),
                                val("lvlText").unwrap_or_default(),
                                val("start").and_then(|s| s.parse().ok()).unwrap_or(1),
                            );
                        }
                    }
                    n.levels.insert(id, levels);
                }
                "num" => {
                    if let (Some(num), Some(abs)) = (e.attr("numId"), e.child("abstractNumId").and_then(|a| a.attr("val"))) {
                        n.nums.insert(num, abs);
                    }
                }
                _ => {}
            }
        }
        n
    }

    /// The label for the next paragraph at (numId, level), counting on.
    fn next(&mut self, num: &str, level: u8) -> Option<String> {
        let abs = self.nums.get(num)?.clone();
        let levels = self.levels.get(&abs)?.clone();
        let level = usize::from(level).min(8);
        let counters = self.counters.entry(abs).or_insert_with(|| vec![0; 9]);
        for (i, c) in counters.iter_mut().enumerate().skip(level + 1) {
            *c = levels[i].2.saturating_sub(1);
        }
        counters[level] = if counters[level] == 0 { levels[level].2 } else { counters[level] + 1 };
        let (format, text, _) = &levels[level];
        if format == "none" || format == "bullet" {
            return (format == "bullet").then(String::new);
        }
        let mut label = text.clone();
        for (i, (format, _, start)) in levels.iter().enumerate().take(level + 1) {
            let value = if counters[i] == 0 { *start } else { counters[i] };
            label = label.replace(&format!("%{}", i + 1), &render_number(value, format));
        }
        Some(label)
    }
}

/// A list number in Word's format names.
fn render_number(n: u32, format: &str) -> String {
    match format {
        "chineseCounting" | "chineseCountingThousand" | "ideographTraditional" | "japaneseCounting" | "taiwaneseCounting" => {
            crate::spec::chinese_number(n)
        }
        "lowerLetter" => char::from_u32(u32::from(b'a') + (n.saturating_sub(1) % 26)).map(String::from).unwrap_or_default(),
        "upperLetter" => char::from_u32(u32::from(b'A') + (n.saturating_sub(1) % 26)).map(String::from).unwrap_or_default(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
            char::from_u32(0x2460 + n.saturating_sub(1).min(19)).map(String::from).unwrap_or_default()
        }
        _ => n.to_string(),
    }
}

struct Reader<'a> {
    archive: &'a Archive<'a>,
    styles: HashMap<String, Style>,
    numbering: Numbering,
    /// rId → part path, for pictures.
    rels: HashMap<String, String>,
    out: WordFile,
}

/// The relationships of a part: rId → target, resolved against the part's folder.
pub(crate) fn relationships(archive: &Archive, part: &str) -> Result<HashMap<String, String>, ImportError> {
    let (folder, file) = part.rsplit_once('/').unwrap_or(("", part));
    let rels_path = if folder.is_empty() { format!("_rels/{file}.rels") } else { format!("{folder}/_rels/{file}.rels") };
    let Some(root) = archive.read_xml(&rels_path)? else { return Ok(HashMap::new()) };
    Ok(root
        .elements()
        .filter_map(|r| {
            let target = r.attr("Target")?;
            let resolved = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_string(),
                None => resolve(folder, &target),
            };
            Some((r.attr("Id")?, resolved))
        })
        .collect())
}

/// The part of a kind among a part's relationships, by its file name:
/// `styles` finds styles.xml, not the stylesWithEffects.xml Word 2010 writes
/// beside it; `theme` the first theme. The same whatever the order of the
/// relationships.
pub(crate) fn part_named(rels: &HashMap<String, String>, kind: &str) -> Option<String> {
    let file = |t: &String| t.rsplit('/').next().unwrap_or(t).to_string();
    let exact = format!("{kind}.xml");
    rels.values().find(|t| file(t) == exact).or_else(|| rels.values().filter(|t| file(t).starts_with(kind)).min()).cloned()
}

fn resolve(folder: &str, target: &str) -> String {
    let mut parts: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    for seg in target.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The main document part's path (`word/document.xml`).
pub(crate) fn main_part(archive: &Archive) -> Result<String, ImportError> {
    let package = relationships(archive, "")?;
    package
        .values()
        .find(|t| t.ends_with("document.xml") || t.ends_with("document2.xml"))
        .cloned()
        .or_else(|| archive.has("word/document.xml").then(|| "word/document.xml".to_string()))
        .ok_or(ImportError::NotWord)
}

/// Reads the package. The caller has checked that it is a zip.
pub fn read(archive: &Archive) -> Result<WordFile, ImportError> {
    let main = main_part(archive)?;
    let part = |name: &str| archive.read_xml(name);
    let rels = relationships(archive, &main)?;
    let target = |kind: &str| part_named(&rels, kind);
    let styles = match target("styles").map(|t| part(&t)).transpose()?.flatten() {
        Some(root) => read_styles(&root),
        None => HashMap::new(),
    };
    let numbering = match target("numbering").map(|t| part(&t)).transpose()?.flatten() {
        Some(root) => Numbering::read(&root),
        None => Numbering::default(),
    };
    let notes: Vec<String> = ["footnotes", "endnotes"].into_iter().filter_map(target).collect();
    let body_root = part(&main)?.ok_or(ImportError::NotWord)?;
    let mut reader = Reader { archive, styles, numbering, rels, out: WordFile::default() };
    let body = body_root.child("body").ok_or_else(|| ImportError::BrokenXml(main.clone()))?;
    reader.blocks(body, Origin::Body)?;
    for path in notes {
        if let Some(root) = part(&path)? {
            for note in root.elements().filter(|n| n.attr("type").is_none()) {
                reader.blocks(note, Origin::Note)?;
            }
        }
    }
    Ok(reader.out)
}

fn read_styles(root: &Element) -> HashMap<String, Style> {
    root.elements()
        .filter(|s| s.local() == "style")
        .filter_map(|s| {
            let ppr = s.child("pPr");
            let num = ppr.and_then(|p| p.child("numPr")).and_then(|n| {
                Some((n.child("numId")?.attr("val")?, n.child("ilvl").and_then(|l| l.attr("val")?.parse().ok()).unwrap_or(0)))
            });
            let style = Style {
                name: s.child("name").and_then(|n| n.attr("val")).unwrap_or_default(),
                based_on: s.child("basedOn").and_then(|b| b.attr("val")),
                outline: ppr.and_then(|p| p.child("outlineLvl")).and_then(|o| o.attr("val")?.parse().ok()),
                num,
            };
            Some((s.attr("styleId")?, style))
        })
        .collect()
}

/// Whether a toggle property (w:b, w:vanish…) is on: present, and not "0"/"false".
fn on(e: Option<&Element>) -> bool {
    e.is_some_and(|e| !matches!(e.attr("val").as_deref(), Some("0" | "false" | "off")))
}

/// What a paragraph's runs give: text, bold start, pictures and text boxes.
#[derive(Default)]
struct Runs {
    text: String,
    bold_start: usize,
    /// Whether every run so far was bold.
    all_bold: bool,
    /// Field nesting: for each open field, whether its result has begun.
    fields: Vec<bool>,
    images: Vec<String>,
    boxes: Vec<Element>,
    /// Characters other than spaces, and how many of them are red.
    inked: usize,
    red: usize,
}

impl Reader<'_> {
    fn blocks(&mut self, parent: &Element, origin: Origin) -> Result<(), ImportError> {
        let mut cell_pictures = Vec::new();
        for e in parent.elements() {
            match e.local() {
                "p" => self.paragraph(e, origin)?,
                "tbl" => {
                    let rows: Vec<Vec<String>> = e
                        .elements()
                        .filter(|r| r.local() == "tr")
                        .map(|r| r.elements().filter(|c| c.local() == "tc").map(|c| cell_text(c, &mut cell_pictures)).collect())
                        .collect();
                    for rid in std::mem::take(&mut cell_pictures) {
                        self.image(&rid, false)?;
                    }
                    if origin == Origin::Body {
                        self.out.blocks.push(WordBlock::Table(rows));
                    } else {
                        for row in rows {
                            self.aside_text(row.join("\t"), origin);
                        }
                    }
                }
                "sdt" | "customXml" | "ins" | "moveTo" => {
                    let content = e.child("sdtContent").unwrap_or(e);
                    self.blocks(content, origin)?;
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn aside_text(&mut self, text: String, origin: Origin) {
        let origin = if origin == Origin::Body { Origin::TextBox } else { origin };
        self.out.aside.push(WordParagraph { origin, ..WordParagraph::plain(&text) });
    }

    fn paragraph(&mut self, p: &Element, origin: Origin) -> Result<(), ImportError> {
        let ppr = p.child("pPr");
        let style_id = ppr.and_then(|p| p.child("pStyle")).and_then(|s| s.attr("val"));
        // Style chain: the paragraph's own settings first, then its style's, then
        // what that style is based on (a few steps; loops are cut).
        let mut chain = Vec::new();
        let mut next = style_id.clone();
        while let Some(id) = next.take().filter(|_| chain.len() < 10) {
            if let Some(s) = self.styles.get(&id) {
                next = s.based_on.clone();
                chain.push(id);
            }
        }
        let own_num = ppr
            .and_then(|p| p.child("numPr"))
            .and_then(|n| Some((n.child("numId")?.attr("val")?, n.child("ilvl").and_then(|l| l.attr("val")?.parse().ok()).unwrap_or(0))));
        let num = own_num.or_else(|| chain.iter().find_map(|id| self.styles.get(id)?.num.clone()));
        let number = match num {
            Some((id, _)) if id == "0" => None,
            Some((id, level)) => self.numbering.next(&id, level),
            None => None,
        };
        let outline = ppr
            .and_then(|p| p.child("outlineLvl"))
            .and_then(|o| o.attr("val")?.parse().ok())
            .or_else(|| chain.iter().find_map(|id| self.styles.get(id)?.outline));
        let centered = ppr.and_then(|p| p.child("jc")).and_then(|j| j.attr("val")).is_some_and(|v| v == "center");
        let mut runs = Runs { all_bold: true, ..Runs::default() };
        runs_of(p, &mut runs);
        for rid in std::mem::take(&mut runs.images) {
            self.image(&rid, origin == Origin::Body)?;
        }
        for b in std::mem::take(&mut runs.boxes) {
            self.blocks(&b, Origin::TextBox)?;
        }
        let paragraph = WordParagraph {
            bold_start: runs.bold_start,
            text: runs.text,
            number: number.filter(|n| !n.is_empty()),
            style: style_id.and_then(|id| self.styles.get(&id).map(|s| s.name.clone())),
            outline: outline.filter(|o| *o < 9),
            centered,
            red: runs.red * 2 > runs.inked,
            origin,
        };
        match origin {
            Origin::Body
                // A paragraph that only holds pictures adds the pictures alone.
                if !(paragraph.text.trim().is_empty()
                    && paragraph.number.is_none()
                    && self.out.blocks.last().is_some_and(|b| matches!(b, WordBlock::Image(_))))
                => {
                    self.out.blocks.push(WordBlock::Paragraph(paragraph));
                }
            _ if !paragraph.text.trim().is_empty() => self.out.aside.push(paragraph),
            _ => {}
        }
        Ok(())
    }

    /// A picture drawn in the document, counted; kept as a block of its own
    /// when `keep` (one in the body's flow).
    fn image(&mut self, rid: &str, keep: bool) -> Result<(), ImportError> {
        let Some(path) = self.rels.get(rid).cloned() else { return Ok(()) };
        let Some(data) = self.archive.read(&path)? else { return Ok(()) };
        self.out.pictures += 1;
        self.out.picture_bytes += data.len();
        let format = crate::picture::sniff(&data).map(|i| i.format);
        let name = path.rsplit('/').next().unwrap_or(&path).to_string();
        if keep {
            self.out.blocks.push(WordBlock::Image(Image { name, format, data }));
        }
        Ok(())
    }
}

/// A cell's text, its paragraphs joined by '\n'; its pictures' relationship ids into `pictures`.
fn cell_text(cell: &Element, pictures: &mut Vec<String>) -> String {
    let mut lines = Vec::new();
    fn walk(e: &Element, lines: &mut Vec<String>, pictures: &mut Vec<String>) {
        for c in e.elements() {
            match c.local() {
                "p" => {
                    let mut runs = Runs { all_bold: true, ..Runs::default() };
                    runs_of(c, &mut runs);
                    pictures.append(&mut runs.images);
                    lines.push(runs.text);
                }
                "tbl" | "tr" | "tc" | "sdt" | "sdtContent" | "ins" => walk(c, lines, pictures),
                _ => {}
            }
        }
    }
    walk(cell, &mut lines, pictures);
    lines.join("\n")
}

/// Collects the text of a paragraph's runs into `out`, in order.
fn runs_of(e: &Element, out: &mut Runs) {
    for c in e.elements() {
        match c.local() {
            "r" => run(c, out),
            // Tracked deletions and moved-away text: not what Word shows.
            "del" | "moveFrom" | "pPr" | "rPr" => {}
            "fldSimple" | "hyperlink" | "ins" | "moveTo" | "smartTag" | "customXml" | "sdt" | "sdtContent" | "bdo" | "dir" => {
                runs_of(c, out)
            }
            _ => {}
        }
    }
}

fn run(r: &Element, out: &mut Runs) {
    let bold = on(r.child("rPr").and_then(|p| p.child("b")));
    let hidden = on(r.child("rPr").and_then(|p| p.child("vanish")));
    let red = r.child("rPr").and_then(|p| p.child("color")).and_then(|c| c.attr("val")).is_some_and(|v| is_red(&v));
    let start = out.text.len();
    for c in r.elements() {
        match c.local() {
            "fldChar" => match c.attr("fldCharType").as_deref() {
                Some("begin") => out.fields.push(false),
                Some("separate") => {
                    if let Some(f) = out.fields.last_mut() {
                        *f = true;
                    }
                }
                Some("end") => {
                    out.fields.pop();
                }
                _ => {}
            },
            _ if hidden || out.fields.iter().any(|shown| !shown) => {}
            "t" => push(out, &c.text(), bold),
            "tab" | "ptab" => push(out, "\t", bold),
            "br" | "cr" => push(out, "\n", bold),
            "noBreakHyphen" | "softHyphen" => push(out, "-", bold),
            "drawing" | "pict" | "object" => media(c, out),
            "AlternateContent" => {
                if let Some(choice) = c.child("Choice").or_else(|| c.child("Fallback")) {
                    let mut inner = Runs { all_bold: out.all_bold, ..Runs::default() };
                    for e in choice.elements() {
                        media(e, &mut inner);
                    }
                    out.images.extend(inner.images);
                    out.boxes.extend(inner.boxes);
                }
            }
            _ => {}
        }
    }
    let added = out.text[start..].chars().filter(|c| !c.is_whitespace()).count();
    out.inked += added;
    if red {
        out.red += added;
    }
}

fn push(out: &mut Runs, text: &str, bold: bool) {
    if out.all_bold && bold && !text.is_empty() {
        out.bold_start += text.chars().count();
    } else if !text.trim().is_empty() {
        out.all_bold = false;
    } else if out.all_bold && !text.is_empty() {
        // Blank text keeps a bold start going only when bold itself.
        out.all_bold = bold || out.text.is_empty();
        if out.all_bold {
            out.bold_start += text.chars().count();
        }
    }
    out.text.push_str(text);
}

/// Pictures (a:blip r:embed, v:imagedata r:id) and text boxes (w:txbxContent)
/// inside a drawing.
fn media(e: &Element, out: &mut Runs) {
    match e.local() {
        "blip" => out.images.extend(e.attr("embed")),
        "imagedata" => out.images.extend(e.attr("id")),
        "txbxContent" => out.boxes.push(e.clone()),
        _ => {
            for c in e.elements() {
                media(c, out);
            }
        }
    }
}

/// Whether a colour (`w:color/@val`, `a:srgbClr/@val`, VML's `strokecolor`)
/// is a red: the hex `FF0000`, `E60012`, `C00000`… or the name.
pub fn is_red(colour: &str) -> bool {
    let hex = colour.trim().trim_start_matches('#');
    if hex.eq_ignore_ascii_case("red") {
        return true;
    }
    let channel = |i: usize| hex.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok());
    match (hex.len(), channel(0), channel(2), channel(4)) {
        (6, Some(r), Some(g), Some(b)) => r >= 0xB0 && g <= 0x60 && b <= 0x60,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_red;

    #[test]
    fn reds_as_word_and_wps_write_them() {
        assert!(is_red("FF0000") && is_red("E60012") && is_red("#c00000") && is_red("red"));
        assert!(!is_red("000000") && !is_red("auto") && !is_red("FF6600"));
    }
}
