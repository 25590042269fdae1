//! A deck as PresentationML (.pptx, 16:9): what PowerPoint, WPS and Impress
//! open without repair — a slide master with one blank layout, a notes
//! master, and per slide its text boxes placed here (no placeholders to
//! inherit from), its picture, and a notes page holding the report's text.
//! Sober, for the occasion: white, a thin red rule under each heading, the
//! template's title font for headings and 微软雅黑 (on every Windows since
//! Vista, and substituted by WPS) for the rest. The body's size is chosen so
//! the bullets fit (28 down to 18 pt); what does not fit at 18 pt goes on a
//! slide of its own, headed 续. Zipped with the .docx renderer's writer.

use super::fixed::{self, NS, TREE_START, XML_DECL};
use super::{Deck, Slide};
use crate::document::Document;
use crate::docx::RenderOptions;
use crate::spec::{PictureFormat, Role, Style};
use crate::xml::{escape, xml_safe};

/// 16:9, 13.333 × 7.5 in, in EMU.
const WIDTH: i64 = 12_192_000;
const HEIGHT: i64 = 6_858_000;
const LEFT: i64 = 609_600;
const CONTENT: i64 = WIDTH - 2 * LEFT;
const BODY_TOP: i64 = 1_783_080;
const BODY_HEIGHT: i64 = 4_572_000;
/// EMU per point.
const PT: i64 = 12_700;
const RED: &str = "C00000";
const BODY_FONT: &str = "微软雅黑";
/// Body sizes tried, largest first (points).
const BODY_SIZES: [i64; 6] = [28, 26, 24, 22, 20, 18];

/// Width of a text in ems: CJK and full-width characters one, the rest about half.
fn ems(text: &str) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 0.55 } else { 1.0 }).sum()
}

/// Lines `text` takes in a box `width` EMU wide at `size` points.
fn lines(text: &str, width: i64, size: i64) -> i64 {
    let per_line = (width / (size * PT)).max(1) as f64;
    (ems(text) / per_line).ceil().max(1.0) as i64
}

/// Height in EMU of `bullets` at `size` (1.2 line height, 0.5 line before each).
fn height(bullets: &[String], size: i64) -> i64 {
    let width = CONTENT - bullet_indent(size);
    let lines: i64 = bullets.iter().map(|b| lines(b, width, size)).sum();
    lines * size * PT * 12 / 10 + (bullets.len() as i64 - 1).max(0) * size * PT / 2
}

fn bullet_indent(size: i64) -> i64 {
    size * PT * 3 / 2
}

/// The bullets of a slide in slides of their own where they do not fit: the
/// size for each, and the bullets it holds.
fn fit(bullets: &[String]) -> Vec<(i64, Vec<String>)> {
    if let Some(size) = BODY_SIZES.iter().copied().find(|s| height(bullets, *s) <= BODY_HEIGHT) {
        return vec![(size, bullets.to_vec())];
    }
    let smallest = BODY_SIZES[BODY_SIZES.len() - 1];
    let mut out: Vec<(i64, Vec<String>)> = vec![(smallest, Vec::new())];
    for b in bullets {
        let last = &mut out.last_mut().expect("one at least").1;
        last.push(b.clone());
        if last.len() > 1 && height(last, smallest) > BODY_HEIGHT {
            let moved = last.pop().expect("just pushed");
            out.push((smallest, vec![moved]));
        }
    }
    out
}

/// A run's properties: size in points, colour, fonts.
fn run(text: &str, size: i64, color: &str, (latin, ea): (&str, &str)) -> String {
    format!(
        r#"<a:r><a:rPr lang="zh-CN" altLang="en-US" sz="{}" dirty="0"><a:solidFill><a:srgbClr val="{color}"/></a:solidFill><a:latin typeface="{}"/><a:ea typeface="{}"/></a:rPr><a:t>{}</a:t></a:r>"#,
        size * 100,
        escape(latin),
        escape(ea),
        escape(&xml_safe(text))
    )
}

/// A text box at (x, y) of (cx, cy) with its paragraphs (already written).
fn text_box(id: u32, name: &str, (x, y, cx, cy): (i64, i64, i64, i64), anchor: &str, paragraphs: &str) -> String {
    format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="{anchor}"><a:normAutofit/></a:bodyPr><a:lstStyle/>{paragraphs}</p:txBody></p:sp>"#
    )
}

fn paragraph(align: &str, runs: &str) -> String {
    format!(r#"<a:p><a:pPr algn="{align}"/>{runs}</a:p>"#)
}

/// A filled rectangle (the red rule and band).
fn bar(id: u32, (x, y, cx, cy): (i64, i64, i64, i64)) -> String {
    format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="线条 {id}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="{RED}"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>"#
    )
}

/// The fonts of a role: (latin, East Asian).
fn fonts(style: &Style, role: Role) -> (&str, &str) {
    let r = style.role(role);
    (&r.latin_font, &r.font)
}

/// A slide as written: its shapes, its notes, its picture (bytes, format).
struct Written<'d> {
    shapes: String,
    notes: Vec<String>,
    picture: Option<(&'d [u8], PictureFormat)>,
}

fn title_slide<'d>(deck: &Deck, style: &Style) -> Written<'d> {
    let title_fonts = fonts(style, Role::Title);
    let size = if ems(&deck.title) > 26.0 { 32 } else { 40 };
    let mut shapes = bar(2, (0, 0, WIDTH, 182_880));
    shapes +=
        &text_box(3, "标题", (LEFT, 1_828_800, CONTENT, 1_554_480), "b", &paragraph("ctr", &run(&deck.title, size, RED, title_fonts)));
    shapes += &bar(4, (WIDTH / 2 - 1_371_600, 3_566_160, 2_743_200, 27_432));
    let body = (BODY_FONT, BODY_FONT);
    let under = deck.title_lines();
    let lines: String = under
        .iter()
        .enumerate()
        .map(|(i, l)| paragraph("ctr", &run(l, if i + 1 == under.len() { 20 } else { 24 }, "262626", body)))
        .collect();
    shapes += &text_box(5, "署名", (LEFT, 3_840_480, CONTENT, 1_554_480), "t", &lines);
    let notes = std::iter::once(deck.title.as_str()).chain(under).map(String::from).collect();
    Written { shapes, notes, picture: None }
}

/// The heading, the red rule under it, and the footer (the slide's number, who reports).
fn frame(heading: &str, style: &Style, who: &str, number: usize, total: usize) -> String {
    let size = if ems(heading) > 52.0 {
        24
    } else if ems(heading) > 26.0 {
        28
    } else {
        32
    };
    let mut shapes =
        text_box(2, "标题", (LEFT, 365_760, CONTENT, 1_234_440), "b", &paragraph("l", &run(heading, size, RED, fonts(style, Role::Title))));
    shapes += &bar(3, (LEFT, 1_645_920, CONTENT, 27_432));
    let footer = (BODY_FONT, BODY_FONT);
    shapes += &text_box(
        4,
        "页脚",
        (LEFT, 6_492_240, CONTENT / 2, 228_600),
        "ctr",
        &paragraph("l", &run(&format!("{number} / {total}"), 12, "7F7F7F", footer)),
    );
    shapes += &text_box(
        5,
        "署名",
        (LEFT + CONTENT / 2, 6_492_240, CONTENT / 2, 228_600),
        "ctr",
        &paragraph("r", &run(who, 12, "7F7F7F", footer)),
    );
    shapes
}

fn bullets_box(bullets: &[String], size: i64) -> String {
    let indent = bullet_indent(size);
    let paragraphs: String = bullets
        .iter()
        .map(|b| {
            format!(
                r#"<a:p><a:pPr marL="{indent}" indent="-{indent}"><a:lnSpc><a:spcPct val="120000"/></a:lnSpc><a:spcBef><a:spcPts val="{}"/></a:spcBef><a:buClr><a:srgbClr val="{RED}"/></a:buClr><a:buFont typeface="Arial"/><a:buChar char="■"/></a:pPr>{}</a:p>"#,
                size * 50,
                run(b, size, "262626", (BODY_FONT, BODY_FONT))
            )
        })
        .collect();
    text_box(6, "正文", (LEFT, BODY_TOP, CONTENT, BODY_HEIGHT), "t", &paragraphs)
}

fn picture_shapes(picture: &crate::draft::Picture, caption: &str) -> String {
    let (area_w, area_h) = (CONTENT, 4_206_240_i64);
    let (w, h) = (i64::from(picture.width.max(1)), i64::from(picture.height.max(1)));
    let (cx, cy) = if w * area_h > h * area_w { (area_w, area_w * h / w) } else { (area_h * w / h, area_h) };
    let (x, y) = (LEFT + (area_w - cx) / 2, BODY_TOP + (area_h - cy) / 2);
    let descr = escape(&xml_safe(caption));
    let mut shapes = format!(
        r#"<p:pic><p:nvPicPr><p:cNvPr id="6" name="图片 5" descr="{descr}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rId3"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>"#
    );
    if !caption.trim().is_empty() {
        let body = (BODY_FONT, BODY_FONT);
        shapes += &text_box(
            7,
            "图注",
            (LEFT, BODY_TOP + area_h + 45_720, CONTENT, 365_760),
            "t",
            &paragraph("ctr", &run(caption, 16, "404040", body)),
        );
    }
    shapes
}

/// The slides as written: each slide of the deck, split where its bullets do not fit.
fn written<'d>(deck: &Deck<'d>, style: &Style) -> Vec<Written<'d>> {
    let pieces = |slide: &Slide| if slide.picture.is_some() { vec![(0, Vec::new())] } else { fit(&slide.bullets) };
    let total = 1 + deck.slides.iter().map(|s| pieces(s).len()).sum::<usize>();
    let mut out = vec![title_slide(deck, style)];
    for slide in &deck.slides {
        for (n, (size, bullets)) in pieces(slide).into_iter().enumerate() {
            let heading = if n == 0 { slide.heading.clone() } else { format!("{}（续）", slide.heading) };
            let mut shapes = frame(&heading, style, &deck.who, out.len() + 1, total);
            let picture = slide.picture.map(|p| {
                let caption = slide.notes.first().cloned().unwrap_or_else(|| p.caption.clone());
                shapes += &picture_shapes(p, &caption);
                (p.data.as_slice(), p.format)
            });
            if !bullets.is_empty() {
                shapes += &bullets_box(&bullets, size);
            }
            // A slide's notes go with its first piece.
            let notes = if n == 0 { slide.notes.clone() } else { Vec::new() };
            out.push(Written { shapes, notes, picture });
        }
    }
    out
}

fn rels(entries: &[(&str, String)]) -> String {
    let items: String = entries
        .iter()
        .enumerate()
        .map(|(i, (kind, target))| {
            format!(r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{target}"/>"#, i + 1)
        })
        .collect();
    format!(r#"{XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}</Relationships>"#)
}

fn notes_slide(notes: &[String]) -> String {
    let paragraphs: String = if notes.is_empty() {
        "<a:p><a:endParaRPr lang=\"zh-CN\" altLang=\"en-US\"/></a:p>".into()
    } else {
        notes
            .iter()
            .map(|t| {
                format!(
                    r#"<a:p><a:r><a:rPr lang="zh-CN" altLang="en-US" sz="1400" dirty="0"/><a:t>{}</a:t></a:r></a:p>"#,
                    escape(&xml_safe(t))
                )
            })
            .collect()
    };
    format!(
        r#"{XML_DECL}<p:notes {NS}><p:cSld><p:spTree>{TREE_START}<p:sp><p:nvSpPr><p:cNvPr id="2" name="幻灯片图像占位符 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp><p:sp><p:nvSpPr><p:cNvPr id="3" name="备注占位符 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{paragraphs}</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"#
    )
}

/// The .pptx of `deck` (the slides of `doc`), headings in `style`'s title font.
pub fn render(doc: &Document, deck: &Deck, style: &Style, options: &RenderOptions) -> Vec<u8> {
    let slides = written(deck, style);
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    let mut overrides = String::new();
    let mut add = |parts: &mut Vec<(String, Vec<u8>)>, path: String, kind: Option<&str>, data: Vec<u8>| {
        if let Some(kind) = kind {
            overrides +=
                &format!(r#"<Override PartName="/{path}" ContentType="application/vnd.openxmlformats-officedocument.{kind}+xml"/>"#);
        }
        parts.push((path, data));
    };
    let mut slide_ids = String::new();
    let mut presentation_rels: Vec<(&str, String)> = vec![
        ("slideMaster", "slideMasters/slideMaster1.xml".into()),
        ("notesMaster", "notesMasters/notesMaster1.xml".into()),
        ("theme", "theme/theme1.xml".into()),
        ("presProps", "presProps.xml".into()),
        ("viewProps", "viewProps.xml".into()),
        ("tableStyles", "tableStyles.xml".into()),
    ];
    for (i, slide) in slides.iter().enumerate() {
        let n = i + 1;
        let mut slide_rels = vec![
            ("slideLayout", "../slideLayouts/slideLayout1.xml".to_string()),
            ("notesSlide", format!("../notesSlides/notesSlide{n}.xml")),
        ];
        if let Some((bytes, format)) = slide.picture {
            let ext = match format {
                PictureFormat::Png => "png",
                PictureFormat::Jpeg => "jpeg",
            };
            slide_rels.push(("image", format!("../media/image{n}.{ext}")));
            add(&mut parts, format!("ppt/media/image{n}.{ext}"), None, bytes.to_vec());
        }
        let xml = format!(
            r#"{XML_DECL}<p:sld {NS}><p:cSld><p:spTree>{TREE_START}{}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"#,
            slide.shapes
        );
        add(&mut parts, format!("ppt/slides/slide{n}.xml"), Some("presentationml.slide"), xml.into_bytes());
        add(&mut parts, format!("ppt/slides/_rels/slide{n}.xml.rels"), None, rels(&slide_rels).into_bytes());
        add(
            &mut parts,
            format!("ppt/notesSlides/notesSlide{n}.xml"),
            Some("presentationml.notesSlide"),
            notes_slide(&slide.notes).into_bytes(),
        );
        let notes_rels = [("notesMaster", "../notesMasters/notesMaster1.xml".to_string()), ("slide", format!("../slides/slide{n}.xml"))];
        add(&mut parts, format!("ppt/notesSlides/_rels/notesSlide{n}.xml.rels"), None, rels(&notes_rels).into_bytes());
        presentation_rels.push(("slide", format!("slides/slide{n}.xml")));
        slide_ids += &format!(r#"<p:sldId id="{}" r:id="rId{}"/>"#, 255 + n, presentation_rels.len());
    }
    let presentation = format!(
        r#"{XML_DECL}<p:presentation {NS} saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst><p:sldIdLst>{slide_ids}</p:sldIdLst><p:sldSz cx="{WIDTH}" cy="{HEIGHT}"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>"#
    );
    add(&mut parts, "ppt/presentation.xml".into(), Some("presentationml.presentation.main"), presentation.into_bytes());
    add(&mut parts, "ppt/_rels/presentation.xml.rels".into(), None, rels(&presentation_rels).into_bytes());
    add(&mut parts, "ppt/slideMasters/slideMaster1.xml".into(), Some("presentationml.slideMaster"), fixed::slide_master().into_bytes());
    add(&mut parts, "ppt/slideMasters/_rels/slideMaster1.xml.rels".into(), None, fixed::SLIDE_MASTER_RELS.into());
    add(&mut parts, "ppt/slideLayouts/slideLayout1.xml".into(), Some("presentationml.slideLayout"), fixed::slide_layout().into_bytes());
    add(&mut parts, "ppt/slideLayouts/_rels/slideLayout1.xml.rels".into(), None, fixed::SLIDE_LAYOUT_RELS.into());
    add(&mut parts, "ppt/notesMasters/notesMaster1.xml".into(), Some("presentationml.notesMaster"), fixed::notes_master().into_bytes());
    add(&mut parts, "ppt/notesMasters/_rels/notesMaster1.xml.rels".into(), None, fixed::NOTES_MASTER_RELS.into());
    add(&mut parts, "ppt/theme/theme1.xml".into(), Some("theme"), fixed::THEME.into());
    add(&mut parts, "ppt/theme/theme2.xml".into(), Some("theme"), fixed::THEME.into());
    add(&mut parts, "ppt/presProps.xml".into(), Some("presentationml.presProps"), fixed::pres_props().into_bytes());
    add(&mut parts, "ppt/viewProps.xml".into(), Some("presentationml.viewProps"), fixed::view_props().into_bytes());
    add(&mut parts, "ppt/tableStyles.xml".into(), Some("presentationml.tableStyles"), fixed::TABLE_STYLES.into());
    let app = format!(
        r#"{XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>wengao</Application><PresentationFormat>宽屏</PresentationFormat><Slides>{}</Slides><Notes>{}</Notes></Properties>"#,
        slides.len(),
        slides.len()
    );
    add(&mut parts, "docProps/app.xml".into(), Some("extended-properties"), app.into_bytes());
    let core = crate::docx::core_properties(doc, options);
    parts.push(("docProps/core.xml".into(), core));
    let package_rels = format!(
        r#"{XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="ppt/presentation.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    );
    let content_types = format!(
        r#"{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/>{overrides}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#
    );
    let mut all =
        vec![("[Content_Types].xml".to_string(), content_types.into_bytes()), ("_rels/.rels".to_string(), package_rels.into_bytes())];
    all.extend(parts);
    crate::docx::zip(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_that_do_not_fit_go_on_slides_of_their_own() {
        let short: Vec<String> = (0..3).map(|i| format!("{i}是抓学习。")).collect();
        assert_eq!(fit(&short), vec![(28, short.clone())], "three short leads at the largest size");
        let long: Vec<String> = (0..30).map(|i| format!("第{i}点{}", "要点句的文字".repeat(8))).collect();
        let pieces = fit(&long);
        assert!(pieces.len() > 2);
        assert!(pieces.iter().all(|(size, b)| *size == 18 && height(b, 18) <= BODY_HEIGHT));
        assert_eq!(pieces.iter().flat_map(|(_, b)| b.clone()).collect::<Vec<_>>(), long, "every bullet once, in order");
    }
}
