//! The finishing pass over docx-rs's parts: everything docx-rs 0.4.22 writes that
//! Word's schema (ISO/IEC 29500 transitional) or the format rules do not accept is
//! mended here, in one place, before the parts are zipped:
//!
//! * child elements out of schema order — w:pPr, w:rPr, w:sectPr, w:style,
//!   w:settings, table properties — are put in the order of the schema's sequences
//!   (Word reads a font written after w:b as no font, exactly our bold title and
//!   一是 runs). The order tables below are the schema's, from wml.rnc;
//! * w:rPr inside the paragraph properties of styles and numbering (not allowed
//!   there) and w:type on w:gridCol are removed;
//! * parts no relationship points at (numbering, comments, footnotes) are dropped;
//! * a table's first row gets w:tblHeader (repeated on each page), which docx-rs
//!   cannot write;
//! * every picture's wp:docPr id is 1 in docx-rs: renumbered 1, 2, 3…;
//! * docx-rs names every picture `media/….png`, numbered by a process-wide counter:
//!   renamed image1, image2… with .jpg for JPEG files and the image/jpeg content
//!   type, bytes unchanged; its optional w14:paraId (also from a counter) dropped,
//!   so the same draft always gives the same file;
//! * Word's own parts and settings (font table, theme, settings, relationships,
//!   content types) come from [`word_parts`];
//! * core properties are private in docx-rs (author "unknown"): replaced by the
//!   document's title and author.
//!
//! Why a pass and not another writer: docx-rs builds correct content (runs,
//! fields, drawings, relationships); only ordering and package metadata are wrong,
//! and those are mechanical to fix on the XML itself. The pass parses each part
//! into a small tree (raw, still-escaped text and attribute values, so nothing is
//! unescaped or re-escaped), reorders, and writes it back.

use super::word_parts::{self, Part, XML_DECL};
use super::RenderOptions;
use crate::document::Document;
use crate::picture;
use crate::spec::{PictureFormat, Style};
use crate::xml::{escape, parse, write, Element, XmlNode};

/// The schema's order of child elements, by parent element (local names, w: namespace).
const ORDER: &[(&str, &[&str])] = &[
    (
        "pPr",
        &[
            "pStyle",
            "keepNext",
            "keepLines",
            "pageBreakBefore",
            "framePr",
            "widowControl",
            "numPr",
            "suppressLineNumbers",
            "pBdr",
            "shd",
            "tabs",
            "suppressAutoHyphens",
            "kinsoku",
            "wordWrap",
            "overflowPunct",
            "topLinePunct",
            "autoSpaceDE",
            "autoSpaceDN",
            "bidi",
            "adjustRightInd",
            "snapToGrid",
            "spacing",
            "ind",
            "contextualSpacing",
            "mirrorIndents",
            "suppressOverlap",
            "jc",
            "textDirection",
            "textAlignment",
            "textboxTightWrap",
            "outlineLvl",
            "divId",
            "cnfStyle",
            "rPr",
            "sectPr",
            "pPrChange",
        ],
    ),
    (
        "rPr",
        &[
            "ins",
            "del",
            "moveFrom",
            "moveTo",
            "rStyle",
            "rFonts",
            "b",
            "bCs",
            "i",
            "iCs",
            "caps",
            "smallCaps",
            "strike",
            "dstrike",
            "outline",
            "shadow",
            "emboss",
            "imprint",
            "noProof",
            "snapToGrid",
            "vanish",
            "webHidden",
            "color",
            "spacing",
            "w",
            "kern",
            "position",
            "sz",
            "szCs",
            "highlight",
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
            "rPrChange",
        ],
    ),
    (
        "sectPr",
        &[
            "headerReference|footerReference",
            "footnotePr",
            "endnotePr",
            "type",
            "pgSz",
            "pgMar",
            "paperSrc",
            "pgBorders",
            "lnNumType",
            "pgNumType",
            "cols",
            "formProt",
            "vAlign",
            "noEndnote",
            "titlePg",
            "textDirection",
            "bidi",
            "rtlGutter",
            "docGrid",
            "printerSettings",
            "sectPrChange",
        ],
    ),
    (
        "style",
        &[
            "name",
            "aliases",
            "basedOn",
            "next",
            "link",
            "autoRedefine",
            "hidden",
            "uiPriority",
            "semiHidden",
            "unhideWhenUsed",
            "qFormat",
            "locked",
            "personal",
            "personalCompose",
            "personalReply",
            "rsid",
            "pPr",
            "rPr",
            "tblPr",
            "trPr",
            "tcPr",
            "tblStylePr",
        ],
    ),
    (
        "settings",
        &[
            "writeProtection",
            "view",
            "zoom",
            "removePersonalInformation",
            "removeDateAndTime",
            "doNotDisplayPageBoundaries",
            "displayBackgroundShape",
            "printPostScriptOverText",
            "printFractionalCharacterWidth",
            "printFormsData",
            "embedTrueTypeFonts",
            "embedSystemFonts",
            "saveSubsetFonts",
            "saveFormsData",
            "mirrorMargins",
            "alignBordersAndEdges",
            "bordersDoNotSurroundHeader",
            "bordersDoNotSurroundFooter",
            "gutterAtTop",
            "hideSpellingErrors",
            "hideGrammaticalErrors",
            "activeWritingStyle",
            "proofState",
            "formsDesign",
            "attachedTemplate",
            "linkStyles",
            "stylePaneFormatFilter",
            "stylePaneSortMethod",
            "documentType",
            "mailMerge",
            "revisionView",
            "trackRevisions",
            "doNotTrackMoves",
            "doNotTrackFormatting",
            "documentProtection",
            "autoFormatOverride",
            "styleLockTheme",
            "styleLockQFSet",
            "defaultTabStop",
            "autoHyphenation",
            "consecutiveHyphenLimit",
            "hyphenationZone",
            "doNotHyphenateCaps",
            "showEnvelope",
            "summaryLength",
            "clickAndTypeStyle",
            "defaultTableStyle",
            "evenAndOddHeaders",
            "bookFoldRevPrinting",
            "bookFoldPrinting",
            "bookFoldPrintingSheets",
            "drawingGridHorizontalSpacing",
            "drawingGridVerticalSpacing",
            "displayHorizontalDrawingGridEvery",
            "displayVerticalDrawingGridEvery",
            "doNotUseMarginsForDrawingGridOrigin",
            "drawingGridHorizontalOrigin",
            "drawingGridVerticalOrigin",
            "doNotShadeFormData",
            "noPunctuationKerning",
            "characterSpacingControl",
            "printTwoOnOne",
            "strictFirstAndLastChars",
            "noLineBreaksAfter",
            "noLineBreaksBefore",
            "savePreviewPicture",
            "doNotValidateAgainstSchema",
            "saveInvalidXml",
            "ignoreMixedContent",
            "alwaysShowPlaceholderText",
            "doNotDemarcateInvalidXml",
            "saveXmlDataOnly",
            "useXSLTWhenSaving",
            "saveThroughXslt",
            "showXMLTags",
            "alwaysMergeEmptyNamespace",
            "updateFields",
            "hdrShapeDefaults",
            "footnotePr",
            "endnotePr",
            "compat",
            "docVars",
            "rsids",
            "mathPr",
            "attachedSchema",
            "themeFontLang",
            "clrSchemeMapping",
            "doNotIncludeSubdocsInStats",
            "doNotAutoCompressPictures",
            "forceUpgrade",
            "captions",
            "readModeInkLockDown",
            "smartTagType",
            "schemaLibrary",
            "shapeDefaults",
            "doNotEmbedSmartTags",
            "decimalSymbol",
            "listSeparator",
        ],
    ),
    (
        "tblPr",
        &[
            "tblStyle",
            "tblpPr",
            "tblOverlap",
            "bidiVisual",
            "tblStyleRowBandSize",
            "tblStyleColBandSize",
            "tblW",
            "jc",
            "tblCellSpacing",
            "tblInd",
            "tblBorders",
            "shd",
            "tblLayout",
            "tblCellMar",
            "tblLook",
            "tblCaption",
            "tblDescription",
            "tblPrChange",
        ],
    ),
    (
        "tcPr",
        &[
            "cnfStyle",
            "tcW",
            "gridSpan",
            "hMerge",
            "vMerge",
            "tcBorders",
            "shd",
            "noWrap",
            "tcMar",
            "textDirection",
            "tcFitText",
            "vAlign",
            "hideMark",
            "headers",
            "cellIns",
            "cellDel",
            "cellMerge",
            "tcPrChange",
        ],
    ),
    ("tblBorders", &["top", "start|left", "bottom", "end|right", "insideH", "insideV"]),
    ("tcBorders", &["top", "start|left", "bottom", "end|right", "insideH", "insideV", "tl2br", "tr2bl"]),
    ("tblCellMar", &["top", "start|left", "bottom", "end|right"]),
    ("tcMar", &["top", "start|left", "bottom", "end|right"]),
    ("tbl", &["bookmarkStart", "tblPr", "tblGrid", "tr"]),
    ("tr", &["tblPrEx", "trPr", "tc"]),
    ("tc", &["tcPr"]),
    ("docDefaults", &["rPrDefault", "pPrDefault"]),
];

/// Applies every mend and returns the package's parts in order.
pub fn finish(xml: docx_rs::XMLDocx, doc: &Document, style: &Style, options: &RenderOptions) -> Vec<Part> {
    // docx-rs numbers pictures from a process-wide counter: renumber them 1, 2, 3…
    // (the same draft gives the same bytes) and name each file by its format.
    let mut renames: Vec<(String, String)> = Vec::new();
    let mut media = Vec::new();
    for (i, (id, bytes)) in xml.media.into_iter().enumerate() {
        let ext = match picture::sniff(&bytes).map(|p| p.format) {
            Some(PictureFormat::Jpeg) => "jpg",
            _ => "png",
        };
        let n = i + 1;
        renames.push((format!("\"media/{id}.png\""), format!("\"media/image{n}.{ext}\"")));
        renames.push((format!("\"{id}\""), format!("\"rIdImage{n}\"")));
        media.push((format!("word/media/image{n}.{ext}"), bytes));
    }
    let rename = |bytes: Vec<u8>| -> Vec<u8> {
        let mut text = String::from_utf8(bytes).unwrap_or_default();
        // Through placeholders, so that a new name never meets an old one.
        for (i, (from, _)) in renames.iter().enumerate() {
            text = text.replace(from.as_str(), &format!("\"\u{1}{i}\u{1}\""));
        }
        for (i, (_, to)) in renames.iter().enumerate() {
            text = text.replace(&format!("\"\u{1}{i}\u{1}\""), to);
        }
        text.into_bytes()
    };
    let mut parts: Vec<Part> = vec![
        ("_rels/.rels".into(), word_parts::package_relationships()),
        ("docProps/app.xml".into(), word_parts::app_properties()),
        ("docProps/core.xml".into(), core_properties(doc, options)),
        ("word/_rels/document.xml.rels".into(), word_parts::document_relationships(&rename(xml.document_rels))),
        ("word/document.xml".into(), number_drawings(&reorder(&rename(xml.document)))),
        ("word/styles.xml".into(), general_paragraph_properties(&reorder(&word_parts::styles(&xml.styles)))),
        ("word/settings.xml".into(), reorder(&word_parts::settings(&xml.settings))),
        ("word/webSettings.xml".into(), word_parts::web_settings()),
        ("word/fontTable.xml".into(), word_parts::font_table(style)),
        ("word/theme/theme1.xml".into(), word_parts::theme(style)),
        ("word/comments.xml".into(), xml.comments),
        ("word/numbering.xml".into(), general_paragraph_properties(&reorder(&xml.numberings))),
        ("word/footnotes.xml".into(), reorder(&xml.footnotes)),
    ];
    for (i, footer) in xml.footers.iter().enumerate() {
        parts.push((format!("word/footer{}.xml", i + 1), reorder(footer)));
        if let Some(rels) = xml.footer_rels.get(i) {
            parts.push((format!("word/_rels/footer{}.xml.rels", i + 1), rels.clone()));
        }
    }
    for (i, header) in xml.headers.iter().enumerate() {
        parts.push((format!("word/header{}.xml", i + 1), reorder(header)));
        if let Some(rels) = xml.header_rels.get(i) {
            parts.push((format!("word/_rels/header{}.xml.rels", i + 1), rels.clone()));
        }
    }
    parts.extend(media);
    let mut parts = prune(parts);
    let types = word_parts::content_types(&parts);
    parts.insert(0, ("[Content_Types].xml".into(), types));
    parts
}

/// Drops the parts no relationship points at (docx-rs writes numbering, comments
/// and footnotes parts for every document) and empty relationship parts.
fn prune(parts: Vec<Part>) -> Vec<Part> {
    let mut targets: Vec<String> = Vec::new();
    for (path, bytes) in parts.iter().filter(|(p, _)| p.ends_with(".rels")) {
        // "word/_rels/document.xml.rels" holds targets relative to "word/".
        let base = path.split("_rels/").next().unwrap_or("");
        let Some((_, root)) = parse(bytes) else { continue };
        for rel in root.children.iter().filter_map(|c| match c {
            XmlNode::Element(e) if e.local() == "Relationship" => Some(e),
            _ => None,
        }) {
            let external = rel.attrs.iter().any(|(k, v)| k == "TargetMode" && v == "External");
            if let Some((_, target)) = rel.attrs.iter().find(|(k, _)| k == "Target").filter(|_| !external) {
                targets.push(match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_string(),
                    None => format!("{base}{target}"),
                });
            }
        }
    }
    let kept = |path: &str| {
        path == "_rels/.rels"
            || targets.iter().any(|t| t == path)
            || path.strip_suffix(".rels").is_some_and(|p| targets.iter().any(|t| *t == p.replacen("_rels/", "", 1)))
    };
    // A relationships part with no relationship (docx-rs writes one per footer)
    // is an empty part.
    let empty_rels = |path: &str, bytes: &[u8]| {
        path.ends_with(".rels") && parse(bytes).is_some_and(|(_, root)| !root.children.iter().any(|c| matches!(c, XmlNode::Element(_))))
    };
    parts.into_iter().filter(|(p, bytes)| kept(p) && !empty_rels(p, bytes)).collect()
}

/// Paragraph properties in styles and numbering are CT_PPrGeneral, which has no
/// w:rPr or w:sectPr; docx-rs writes an empty w:rPr there.
fn general_paragraph_properties(bytes: &[u8]) -> Vec<u8> {
    let Some((prolog, mut root)) = parse(bytes) else { return bytes.to_vec() };
    fn walk(e: &mut Element) {
        if e.local() == "pPr" {
            e.children.retain(|c| !matches!(c, XmlNode::Element(c) if c.local() == "rPr" || c.local() == "sectPr"));
        }
        for c in &mut e.children {
            if let XmlNode::Element(c) = c {
                walk(c);
            }
        }
    }
    walk(&mut root);
    write(&prolog, &root)
}

/// Puts the children of every element named in [`ORDER`] into schema order (and
/// drops the one attribute docx-rs writes where the schema has none).
fn reorder(bytes: &[u8]) -> Vec<u8> {
    match parse(bytes) {
        Some((prolog, mut root)) => {
            reorder_element(&mut root);
            write(&prolog, &root)
        }
        None => bytes.to_vec(),
    }
}

fn reorder_element(e: &mut Element) {
    // w:gridCol has only w:w; docx-rs adds a w:type.
    if e.local() == "gridCol" {
        e.attrs.retain(|(k, _)| k != "w:type");
    }
    // Paragraph ids come from a process-wide counter in docx-rs; they are optional.
    e.attrs.retain(|(k, _)| k != "w14:paraId" && k != "w14:textId");
    // A table's first row is its header, repeated on every page.
    if e.local() == "tbl" {
        if let Some(XmlNode::Element(tr)) = e.children.iter_mut().find(|c| matches!(c, XmlNode::Element(c) if c.local() == "tr")) {
            mark_header_row(tr);
        }
    }
    for child in &mut e.children {
        if let XmlNode::Element(c) = child {
            reorder_element(c);
        }
    }
    let Some((_, order)) = ORDER.iter().find(|(name, _)| *name == e.local()) else { return };
    let rank = |n: &XmlNode| match n {
        XmlNode::Element(c) => order.iter().position(|o| o.split('|').any(|alt| alt == c.local())).unwrap_or(order.len()),
        // Whitespace between elements stays with the element after it.
        XmlNode::Raw(_) => order.len(),
    };
    // A stable sort keeps the relative order of equal ranks (runs of footerReference).
    // Ranks are cached: the finishing pass is most of a render's time.
    e.children.sort_by_cached_key(rank);
}

fn mark_header_row(tr: &mut Element) {
    let header = XmlNode::Element(Element { name: "w:tblHeader".into(), attrs: Vec::new(), children: Vec::new() });
    match tr.children.iter_mut().find_map(|c| match c {
        XmlNode::Element(p) if p.local() == "trPr" => Some(p),
        _ => None,
    }) {
        Some(trpr) => trpr.children.insert(0, header),
        None => tr.children.insert(0, XmlNode::Element(Element { name: "w:trPr".into(), attrs: Vec::new(), children: vec![header] })),
    }
}

/// Gives every wp:docPr a unique id, as Word requires.
fn number_drawings(bytes: &[u8]) -> Vec<u8> {
    let Some((prolog, mut root)) = parse(bytes) else { return bytes.to_vec() };
    let mut next = 1;
    fn walk(e: &mut Element, next: &mut u32) {
        if e.name == "wp:docPr" {
            for (k, v) in &mut e.attrs {
                if k == "id" {
                    *v = next.to_string();
                }
            }
            *next += 1;
        }
        for c in &mut e.children {
            if let XmlNode::Element(c) = c {
                walk(c, next);
            }
        }
    }
    walk(&mut root, &mut next);
    write(&prolog, &root)
}

/// Core properties: the document's title and its author (the drafter).
pub(crate) fn core_properties(doc: &Document, options: &RenderOptions) -> Vec<u8> {
    let title = escape(&crate::xml::xml_safe(&doc.title));
    let author = escape(&crate::xml::xml_safe(&doc.author));
    let dates = options
        .created
        .as_deref()
        .map(|d| {
            let d = escape(d);
            format!(
                r#"<dcterms:created xsi:type="dcterms:W3CDTF">{d}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{d}</dcterms:modified>"#
            )
        })
        .unwrap_or_default();
    format!(
        r#"{XML_DECL}
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>{dates}</cp:coreProperties>"#
    )
    .into_bytes()
}
