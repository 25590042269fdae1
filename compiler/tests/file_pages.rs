//! The page model over a file's own formatting (`audit::pages`) against
//! LibreOffice: a corpus generated from a fixed seed in the ways Word, WPS,
//! python-docx and LibreOffice write files (their default styles, grids,
//! margins and widow settings), each with a mix of what moves pages: body text
//! Chinese or Latin at several sizes and fonts, every line spacing rule, space
//! before and after (also automatic and contextual), indents, headings kept
//! with the next paragraph, empty paragraphs, page breaks in a run and before a
//! paragraph, section breaks to landscape pages and continuous ones, tables
//! with header rows and long cells, inline pictures. Page counts and page
//! starts are compared with the PDF; the figures are printed, and with
//! WENGAO_PAGES_DEBUG=file-07 one file's page starts side by side (and the
//! file written to the temporary directory).

use wengao::audit::{format, pages};

mod common;

use common::prose::{prose, Rng, LATIN_TOKENS, TOKENS};
use common::wordml::WordDoc;

/// How a program writes a document: its defaults.
#[derive(Clone, Copy, Debug)]
enum Producer {
    /// WPS with a 公文 template: 仿宋_GB2312 三号, grid of 22 lines (579), widow control off.
    WpsOfficial,
    /// Chinese Word's blank document: 宋体 五号, grid 312, widow control off.
    WordChinese,
    /// English Word: Calibri 11, 8 pt after, 1.08 lines, widow control on, no grid.
    WordEnglish,
    /// python-docx's template: Times New Roman 12 (theme), widow control on, headings with space before.
    PythonDocx,
    /// LibreOffice: Liberation Serif 12, widow control on, 0.25 cm after.
    LibreOffice,
}

const PRODUCERS: [Producer; 5] =
    [Producer::WpsOfficial, Producer::WordChinese, Producer::WordEnglish, Producer::PythonDocx, Producer::LibreOffice];

impl Producer {
    fn chinese(self) -> bool {
        matches!(self, Producer::WpsOfficial | Producer::WordChinese)
    }

    fn styles(self, rng: &mut Rng) -> String {
        let (fonts, size, ppr) = match self {
            Producer::WpsOfficial => (
                r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/>"#,
                32,
                ["", r#"<w:spacing w:line="560" w:lineRule="exact"/>"#, r#"<w:spacing w:line="240" w:lineRule="auto"/>"#][rng.below(3)],
            ),
            Producer::WordChinese => (
                r#"<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="宋体"/>"#,
                [21, 24, 28][rng.below(3)],
                ["", r#"<w:spacing w:line="360" w:lineRule="auto"/>"#, r#"<w:spacing w:line="400" w:lineRule="atLeast"/>"#][rng.below(3)],
            ),
            Producer::WordEnglish => (
                r#"<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="宋体"/>"#,
                22,
                r#"<w:spacing w:after="160" w:line="259" w:lineRule="auto"/>"#,
            ),
            Producer::PythonDocx => (r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体"/>"#, 24, ""),
            Producer::LibreOffice => (
                r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋"/>"#,
                24,
                r#"<w:spacing w:before="0" w:after="140" w:line="276" w:lineRule="auto"/>"#,
            ),
        };
        let widow = if self.chinese() { r#"<w:widowControl w:val="0"/>"# } else { "<w:widowControl/>" };
        let jc = if self.chinese() { r#"<w:jc w:val="both"/>"# } else { "" };
        let heading_font = if self.chinese() { r#"<w:rFonts w:ascii="黑体" w:hAnsi="黑体" w:eastAsia="黑体"/>"# } else { "" };
        format!(
            r#"<w:docDefaults><w:rPrDefault><w:rPr>{fonts}<w:sz w:val="{size}"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>{ppr}</w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr>{widow}{jc}</w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="340" w:after="330" w:line="578" w:lineRule="auto"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>{heading_font}<w:b/><w:sz w:val="44"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="260" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr>{heading_font}<w:b/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListPara"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720" w:hanging="360"/><w:contextualSpacing/></w:pPr></w:style>"#
        )
    }

    fn section(self, rng: &mut Rng, landscape: bool, kind: &str) -> String {
        let (w, h, margins) = match self {
            Producer::WpsOfficial => (11906, 16838, r#"w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#),
            Producer::WordChinese => (11906, 16838, r#"w:top="1440" w:right="1800" w:bottom="1440" w:left="1800""#),
            Producer::WordEnglish => (12240, 15840, r#"w:top="1440" w:right="1440" w:bottom="1440" w:left="1440""#),
            Producer::PythonDocx => (12240, 15840, r#"w:top="1440" w:right="1800" w:bottom="1440" w:left="1800""#),
            Producer::LibreOffice => (11906, 16838, r#"w:top="1134" w:right="1134" w:bottom="1134" w:left="1134""#),
        };
        let size = if landscape {
            format!(r#"<w:pgSz w:w="{h}" w:h="{w}" w:orient="landscape"/>"#)
        } else {
            format!(r#"<w:pgSz w:w="{w}" w:h="{h}"/>"#)
        };
        let grid = match self {
            Producer::WpsOfficial => [
                r#"<w:docGrid w:type="lines" w:linePitch="579"/>"#,
                r#"<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"/>"#,
            ][rng.below(2)],
            Producer::WordChinese => r#"<w:docGrid w:type="lines" w:linePitch="312"/>"#,
            _ => r#"<w:docGrid w:linePitch="360"/>"#,
        };
        let kind = if kind.is_empty() { String::new() } else { format!(r#"<w:type w:val="{kind}"/>"#) };
        format!(
            r#"<w:sectPr>{kind}{size}<w:pgMar {margins} w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="425"/>{grid}</w:sectPr>"#
        )
    }
}

const LATIN_WORDS: &[&str] = &[
    "the",
    "committee",
    "shall",
    "review",
    "annual",
    "report",
    "of",
    "each",
    "branch",
    "and",
    "publish",
    "its",
    "findings",
    "within",
    "thirty",
    "days",
    "members",
    "attended",
    "meetings",
    "in",
    "2026",
    "with",
    "a",
    "rate",
    "95.6%",
    "organization",
    "responsibility",
    "implementation",
];

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn latin_text(rng: &mut Rng, words: usize) -> String {
    let mut out: Vec<&str> = Vec::new();
    for _ in 0..words {
        out.push(rng.pick(LATIN_WORDS));
    }
    if let Some(first) = out.first_mut() {
        *first = "The";
    }
    out.join(" ") + "."
}

/// Body text of about `n` characters (Chinese) or `n / 4` words (Latin).
fn body_text(rng: &mut Rng, producer: Producer, n: usize) -> String {
    if producer.chinese() || rng.below(4) == 0 {
        let tokens = if rng.below(3) == 0 { LATIN_TOKENS } else { TOKENS };
        prose(rng, n, tokens, 12)
    } else {
        latin_text(rng, n / 4 + 1)
    }
}

/// A run, sometimes at another size or font than the paragraph's.
fn run(rng: &mut Rng, text: &str) -> String {
    let rpr = match rng.below(12) {
        0 => r#"<w:rPr><w:sz w:val="28"/></w:rPr>"#,
        1 => r#"<w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr>"#,
        2 => r#"<w:rPr><w:b/></w:rPr>"#,
        _ => "",
    };
    format!(r#"<w:r>{rpr}<w:t xml:space="preserve">{}</w:t></w:r>"#, escape(text))
}

fn paragraph(rng: &mut Rng, ppr: &str, text: &str) -> String {
    // Runs split at odd places, as editing leaves them.
    let chars: Vec<char> = text.chars().collect();
    let mut runs = String::new();
    let mut at = 0;
    while at < chars.len() {
        let n = (1 + rng.below(80)).min(chars.len() - at);
        runs.push_str(&run(rng, &chars[at..at + n].iter().collect::<String>()));
        at += n;
    }
    format!("<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>")
}

fn body_ppr(rng: &mut Rng, producer: Producer) -> String {
    let indent = if producer.chinese() { r#"<w:ind w:firstLineChars="200" w:firstLine="640"/>"# } else { "" };
    let spacing = match rng.below(10) {
        0 => r#"<w:spacing w:before="120" w:after="120"/>"#,
        1 => r#"<w:spacing w:line="360" w:lineRule="auto"/>"#,
        2 => r#"<w:spacing w:line="560" w:lineRule="exact"/>"#,
        3 => r#"<w:spacing w:beforeAutospacing="1" w:afterAutospacing="1"/>"#,
        4 => r#"<w:spacing w:line="300" w:lineRule="atLeast"/>"#,
        _ => "",
    };
    let keep = if rng.below(15) == 0 { "<w:keepLines/>" } else { "" };
    format!("{keep}{spacing}{indent}")
}

fn table(rng: &mut Rng, producer: Producer, width: u32) -> String {
    let cols = 2 + rng.below(4);
    let rows = 2 + rng.below(12);
    let col = width / cols as u32;
    let grid: String = (0..cols).map(|_| format!(r#"<w:gridCol w:w="{col}"/>"#)).collect();
    let mut out = format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"#
    );
    for r in 0..rows {
        let header = if r == 0 { "<w:trPr><w:tblHeader/></w:trPr>" } else { "" };
        out.push_str(&format!("<w:tr>{header}"));
        for _ in 0..cols {
            let n = [2, 4, 8, 20, 60][rng.below(5)];
            let text = body_text(rng, producer, n);
            out.push_str(&format!(
                r#"<w:tc><w:tcPr><w:tcW w:w="{col}" w:type="dxa"/></w:tcPr>{}</w:tc>"#,
                paragraph(rng, r#"<w:jc w:val="left"/><w:spacing w:line="240" w:lineRule="auto"/>"#, &text)
            ));
        }
        out.push_str("</w:tr>");
    }
    out + "</w:tbl>"
}

fn picture(doc: &mut WordDoc, id: u32, width_cm: u32, height_cm: u32) -> String {
    let rid = doc.media();
    let (cx, cy) = (width_cm as u64 * 360_000, height_cm as u64 * 360_000);
    format!(
        r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{id}" name="图片 {id}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{id}" name="图片 {id}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#
    )
}

/// A picture floating in its paragraph with text above and below it
/// (`wrapTopAndBottom`), `left_cm` from the column's edge, as Word writes a
/// screenshot dragged into place.
fn floating_picture(doc: &mut WordDoc, id: u32, left_cm: u32, width_cm: u32, height_cm: u32) -> String {
    let rid = doc.media();
    let (x, cx, cy) = (left_cm as u64 * 360_000, width_cm as u64 * 360_000, height_cm as u64 * 360_000);
    format!(
        r#"<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>{x}</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/><wp:docPr id="{id}" name="图片 {id}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{id}" name="图片 {id}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"#
    )
}

/// An embedded object as Word writes a Visio drawing or an equation: a VML
/// shape with its size in its style.
fn ole_object(doc: &mut WordDoc, width_pt: u32, height_pt: u32) -> String {
    let rid = doc.media();
    format!(
        r##"<w:r><w:object><v:shape xmlns:o="urn:schemas-microsoft-com:office:office" id="_x0000_i10{width_pt}" type="#_x0000_t75" style="width:{width_pt}.5pt;height:{height_pt}.25pt" o:ole=""><v:imagedata r:id="{rid}" o:title=""/></v:shape></w:object></w:r>"##
    )
}

/// One document of the corpus: about `chars` characters of content.
fn document(rng: &mut Rng, producer: Producer, chars: usize) -> Vec<u8> {
    let mut doc = WordDoc::new().styles(&producer.styles(rng));
    let mut written = 0;
    let mut landscape = false;
    let mut id = 1;
    if producer.chinese() {
        let n = 12 + rng.below(10);
        let title = body_text(rng, producer, n);
        doc = doc.xml(&format!(
            r#"<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:line="560" w:lineRule="exact"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="方正小标宋简体" w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr><w:t>{}</w:t></w:r></w:p>"#,
            escape(title.trim_end_matches('。'))
        ));
    }
    while written < chars {
        let block = match rng.below(48) {
            0..=19 => {
                let n = [10, 30, 60, 120, 200, 400][rng.below(6)];
                written += n;
                let ppr = body_ppr(rng, producer);
                let text = body_text(rng, producer, n);
                paragraph(rng, &ppr, &text)
            }
            20..=23 => {
                let style = if rng.below(2) == 0 { "Heading1" } else { "Heading2" };
                let n = 6 + rng.below(20);
                let text = body_text(rng, producer, n);
                paragraph(rng, &format!(r#"<w:pStyle w:val="{style}"/>"#), text.trim_end_matches(['。', '.']))
            }
            24 | 25 => {
                let size = [21, 32, 44][rng.below(3)];
                format!(r#"<w:p><w:pPr><w:rPr><w:sz w:val="{size}"/></w:rPr></w:pPr></w:p>"#)
            }
            26..=28 => {
                let n = 20 + rng.below(80);
                let text = body_text(rng, producer, n);
                written += 40;
                paragraph(rng, r#"<w:pStyle w:val="ListPara"/>"#, &text)
            }
            29 => {
                let text = body_text(rng, producer, 40);
                let (before, after) = text.split_at(text.char_indices().nth(12).map_or(0, |(i, _)| i));
                format!(
                    r#"<w:p><w:r><w:t>{}</w:t></w:r><w:r><w:br w:type="page"/></w:r><w:r><w:t>{}</w:t></w:r></w:p>"#,
                    escape(before),
                    escape(after)
                )
            }
            30 => {
                let text = body_text(rng, producer, 60);
                paragraph(rng, "<w:pageBreakBefore/>", &text)
            }
            31..=33 => {
                written += 300;
                let width = if landscape { 12000 } else { 8000 };
                table(rng, producer, width)
            }
            34 | 35 => {
                id += 1;
                written += 200;
                let pic = picture(&mut doc, id, 6 + rng.below(8) as u32, 3 + rng.below(12) as u32);
                let caption = body_text(rng, producer, 12);
                pic + &paragraph(rng, r#"<w:jc w:val="center"/>"#, &caption)
            }
            40 => {
                // Two screenshots side by side, or one, floating in a paragraph of text.
                let text = body_text(rng, producer, 30);
                let mut pictures = String::new();
                for left in [0, 7].iter().take(1 + rng.below(2)) {
                    id += 1;
                    pictures.push_str(&floating_picture(&mut doc, id, *left, 6, 3 + rng.below(8) as u32));
                }
                written += 150;
                format!(r#"<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r>{pictures}</w:p>"#, escape(&text))
            }
            41 => {
                let (w, h) = (60 + 20 * rng.below(18) as u32, 20 + 20 * rng.below(15) as u32);
                written += 100;
                format!(r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{}</w:p>"#, ole_object(&mut doc, w, h))
            }
            42 => {
                // A page break ending a paragraph, as a chapter's last line often has.
                let text = body_text(rng, producer, 40);
                format!(r#"<w:p><w:r><w:t>{}</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>"#, escape(&text))
            }
            43 => {
                let cells: Vec<String> = (0..3)
                    .map(|_| {
                        let n = 4 + rng.below(8);
                        body_text(rng, producer, n)
                    })
                    .collect();
                format!(
                    r#"<w:p><w:r><w:t>{}</w:t></w:r><w:r><w:tab/><w:t>{}</w:t></w:r><w:r><w:tab/><w:tab/><w:t>{}</w:t></w:r></w:p>"#,
                    escape(&cells[0]),
                    escape(&cells[1]),
                    escape(&cells[2])
                )
            }
            44 => {
                // A program listing in Consolas or Courier New.
                let font = ["Consolas", "Courier New"][rng.below(2)];
                let lines = [
                    "int main(int argc, char *argv[]) {",
                    "    for (int i = 0; i < n; i++) { sum += a[i] * weight[i]; }",
                    "    return 0;",
                    "}",
                ];
                lines
                    .iter()
                    .map(|l| format!(r#"<w:p><w:pPr><w:spacing w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#, escape(l)))
                    .collect()
            }
            45 => {
                // Empty lines of a large size, some of them left-aligned.
                let jc = ["", r#"<w:jc w:val="left"/>"#, r#"<w:jc w:val="center"/>"#][rng.below(3)];
                format!(r#"<w:p><w:pPr>{jc}<w:rPr><w:sz w:val="44"/></w:rPr></w:pPr></w:p>"#).repeat(1 + rng.below(3))
            }
            36 => {
                let kind = ["", "continuous"][rng.below(2)];
                if kind.is_empty() {
                    landscape = rng.below(2) == 0;
                }
                doc = doc.section_xml(&producer.section(rng, landscape, kind));
                continue;
            }
            _ => {
                let text = body_text(rng, producer, 80);
                written += 80;
                let ppr = format!(
                    r#"<w:spacing w:before="{}" w:after="{}"/><w:ind w:left="{}" w:right="{}"/>"#,
                    20 * rng.below(30),
                    20 * rng.below(30),
                    100 * rng.below(10),
                    100 * rng.below(6)
                );
                paragraph(rng, &ppr, &text)
            }
        };
        doc = doc.xml(&block);
    }
    let last = producer.section(rng, landscape, "");
    doc.section_xml(&last).build()
}

/// The .docx files the other tests read (tests/fixtures: 公文, 会议纪要,
/// 工作总结, 述职报告 and 创新案例 written with python-docx the ways Word and WPS
/// write them, and copies LibreOffice saved).
fn fixture_files() -> Vec<(String, Vec<u8>)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, Vec<u8>)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "docx") {
                let name = path.strip_prefix(common::root()).unwrap().to_string_lossy().replace('/', "-");
                out.push((name.trim_end_matches(".docx").to_string(), std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(&common::root().join("tests/fixtures"), &mut out);
    out
}

#[test]
fn the_fixture_files_own_pages_match_libreoffice() {
    if !common::libreoffice() {
        return;
    }
    let files = fixture_files();
    let results = compare(&files);
    let (equal, within_one) = report("tests/fixtures", &results);
    // Measured in session 18: all 40.
    assert!(equal == files.len() && within_one == files.len(), "{equal} equal, {within_one} within one of {}", files.len());
}

#[test]
fn the_faces_the_model_measures_are_those_libreoffice_finds() {
    if !common::libreoffice() {
        return;
    }
    for (spelling, face) in wengao::layout::faces::spellings() {
        let found = std::process::Command::new("fc-match")
            // A '-' in a fontconfig pattern starts the size.
            .args(["-f", "%{family[0]}", &spelling.replace('-', "\\-")])
            .env("FONTCONFIG_FILE", common::root().join("tests/fonts/fonts.conf"))
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&found.stdout), face, "{spelling}");
    }
}

struct Compared {
    name: String,
    expected: usize,
    model: u32,
    starts_equal: bool,
}

fn compare(files: &[(String, Vec<u8>)]) -> Vec<Compared> {
    let rendered = common::lay_out(files);
    files
        .iter()
        .zip(rendered)
        .map(|((name, bytes), pdf)| {
            let formatting = format::read_docx(bytes).unwrap();
            let own = pages::own_pages(&formatting);
            let first_word =
                |page: &common::Page| page.words.first().map(|w| w.text.chars().take(2).collect::<String>()).unwrap_or_default();
            let own_starts = own.starts();
            let starts_equal = pdf.len() == own_starts.len()
                && pdf
                    .iter()
                    .zip(&own_starts)
                    .all(|(page, start)| page.words.is_empty() || start.starts_with(&first_word(page)) || first_word(page).is_empty());
            if std::env::var("WENGAO_PAGES_DEBUG").is_ok_and(|d| name.contains(&d)) {
                for (i, page) in pdf.iter().enumerate() {
                    let words: String = page.words.iter().take(4).map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ");
                    eprintln!("{name} p{}: LibreOffice «{words}» model «{}»", i + 1, own_starts.get(i).map_or("", |s| s.as_str()));
                }
                std::fs::write(std::env::temp_dir().join(format!("{name}.docx")), bytes).unwrap();
            }
            Compared { name: name.clone(), expected: pdf.len(), model: own.count(), starts_equal }
        })
        .collect()
}

fn report(label: &str, results: &[Compared]) -> (usize, usize) {
    let equal = results.iter().filter(|r| r.expected as u32 == r.model).count();
    let within_one = results.iter().filter(|r| (r.expected as i64 - r.model as i64).abs() <= 1).count();
    let starts = results.iter().filter(|r| r.starts_equal).count();
    let pages: usize = results.iter().map(|r| r.expected).sum();
    eprintln!(
        "{label}: {} files, {pages} pages; page counts equal {equal}, within one {within_one}; page starts equal {starts}",
        results.len()
    );
    for r in results.iter().filter(|r| r.expected as u32 != r.model || !r.starts_equal) {
        eprintln!(
            "  {}: LibreOffice {} pages, model {}{}",
            r.name,
            r.expected,
            r.model,
            if r.starts_equal { "" } else { ", starts differ" }
        );
    }
    (equal, within_one)
}

fn corpus() -> Vec<(String, Vec<u8>)> {
    let mut rng = Rng(0x5EED_2026_1207);
    (0..60)
        .map(|i| {
            let producer = PRODUCERS[i % PRODUCERS.len()];
            let chars = [300, 1200, 2400, 4000, 6000, 9000][rng.below(6)];
            (format!("file-{i:02}-{producer:?}"), document(&mut rng, producer, chars))
        })
        .collect()
}

#[test]
fn a_files_own_pages_match_libreoffice_on_a_generated_corpus() {
    if !common::libreoffice() {
        return;
    }
    let mut files = corpus();
    if let Ok(only) = std::env::var("WENGAO_PAGES_DEBUG") {
        files.retain(|(name, _)| name.contains(&only));
    }
    let results = compare(&files);
    let (equal, within_one) = report("generated", &results);
    // Measured in session 19 on this corpus, which then gained floating
    // pictures, OLE objects, page breaks ending paragraphs, tabs, program
    // listings and large empty lines: 51 of 60 equal, 57 within one (the
    // corpus before them: 45 and 56 in session 18, 47 and 57 in session 19).
    // The issue's bar is 57 equal and all within one; until then this holds
    // the ground won.
    if files.len() == 60 {
        assert!(equal >= 54 && within_one >= 58, "generated: {equal} equal, {within_one} within one");
    }
}

/// Real Word and WPS files kept outside the project (whose licences are
/// unknown, so they are not in the repository): with WENGAO_REAL_DOCS naming
/// a folder, each .docx in it against LibreOffice. The figures are printed,
/// not asserted; docs/measurements.md records them.
#[test]
fn files_kept_outside_the_project_match_libreoffice() {
    let Some(dir) = std::env::var_os("WENGAO_REAL_DOCS") else { return };
    if !common::libreoffice() {
        return;
    }
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "docx"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().replace('.', "_"), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    if let Ok(only) = std::env::var("WENGAO_PAGES_DEBUG") {
        files.retain(|(name, _)| name.contains(&only));
    }
    report("outside the project", &compare(&files));
}
