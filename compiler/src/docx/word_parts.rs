//! The package as Word writes it, beyond what docx-rs writes: every setting that
//! changes how Word, WPS and LibreOffice lay the text out is said explicitly, so
//! that no installation's defaults decide (docs/word-compat.md lists each one,
//! what it does in each program, and the source):
//!
//! * settings: `w:characterSpacingControl doNotCompress` (punctuation keeps its
//!   full width, as the page model assumes), `w:themeFontLang` zh-CN, and no
//!   `w:balanceSingleByteDoubleByteWidth` (docx-rs writes it; LibreOffice ignores
//!   it and the page model follows LibreOffice);
//! * the style defaults say the text is Chinese (`w:lang w:eastAsia="zh-CN"`);
//! * a font table whose entries carry the panose, charset, family, pitch and
//!   signature Word writes for these fonts: what Word and WPS use to choose a
//!   substitute on a machine without the font;
//! * a theme and a web settings part, which Word always writes and some Word
//!   builds repair a file for lacking; no empty parts (docx-rs's empty
//!   commentsExtended and custom properties are left out);
//! * the package's relationships and content types, written from the parts
//!   themselves, so every part has exactly one content type.

use crate::spec::{Role, Style};
use crate::xml::{escape, parse, write, Element, XmlNode};

/// A finished part: its path in the package and its bytes.
pub type Part = (String, Vec<u8>);

pub const XML_DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn element(name: &str, attrs: &[(&str, &str)]) -> XmlNode {
    XmlNode::Element(Element {
        name: name.into(),
        attrs: attrs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        children: Vec::new(),
    })
}

fn child_mut<'a>(e: &'a mut Element, local: &str) -> Option<&'a mut Element> {
    e.children.iter_mut().find_map(|c| match c {
        XmlNode::Element(c) if c.local() == local => Some(c),
        _ => None,
    })
}

/// docx-rs's settings with the layout settings said explicitly (the finishing
/// pass puts the children in schema order afterwards).
pub fn settings(bytes: &[u8]) -> Vec<u8> {
    let Some((prolog, mut root)) = parse(bytes) else { return bytes.to_vec() };
    if let Some(compat) = child_mut(&mut root, "compat") {
        compat.children.retain(|c| !matches!(c, XmlNode::Element(c) if c.local() == "balanceSingleByteDoubleByteWidth"));
    }
    root.children.retain(|c| !matches!(c, XmlNode::Element(c) if c.local() == "characterSpacingControl" || c.local() == "themeFontLang"));
    root.children.push(element("w:characterSpacingControl", &[("w:val", "doNotCompress")]));
    root.children.push(element("w:themeFontLang", &[("w:val", "en-US"), ("w:eastAsia", "zh-CN")]));
    write(&prolog, &root)
}

/// The style defaults' run properties say the text is Chinese: Word chooses
/// line-breaking rules, the proofing language and the font for ambiguous
/// characters by it.
pub fn styles(bytes: &[u8]) -> Vec<u8> {
    let Some((prolog, mut root)) = parse(bytes) else { return bytes.to_vec() };
    let rpr = child_mut(&mut root, "docDefaults").and_then(|d| child_mut(d, "rPrDefault")).and_then(|r| child_mut(r, "rPr"));
    if let Some(rpr) = rpr {
        rpr.children.retain(|c| !matches!(c, XmlNode::Element(c) if c.local() == "lang"));
        rpr.children.push(element("w:lang", &[("w:val", "en-US"), ("w:eastAsia", "zh-CN"), ("w:bidi", "ar-SA")]));
    }
    write(&prolog, &root)
}

/// The font table: every font the style sheet names, in the order it names
/// them, each with what Word knows of it.
pub fn font_table(style: &Style) -> Vec<u8> {
    let mut names: Vec<&str> = Vec::new();
    let pn = &style.page_number;
    for name in style.roles.iter().flat_map(|r| [r.font.as_str(), r.latin_font.as_str()]).chain([pn.font.as_str(), pn.latin_font.as_str()])
    {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let mut fonts = String::new();
    for name in names {
        let facts = crate::fonts::facts(name);
        let chinese = name.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
        fonts.push_str(&format!(r#"<w:font w:name="{}">"#, escape(name)));
        if let Some(alt) = facts.and_then(|f| f.word_alt_name) {
            fonts.push_str(&format!(r#"<w:altName w:val="{}"/>"#, escape(alt)));
        }
        if let Some(panose) = facts.and_then(|f| f.panose) {
            fonts.push_str(&format!(r#"<w:panose1 w:val="{panose}"/>"#));
        }
        let charset = if chinese { "86" } else { "00" };
        let family = facts.map_or(if chinese { "auto" } else { "roman" }, |f| f.family);
        let pitch = facts.map_or("variable", |f| f.pitch);
        fonts.push_str(&format!(r#"<w:charset w:val="{charset}"/><w:family w:val="{family}"/><w:pitch w:val="{pitch}"/>"#));
        if let Some([u0, u1, u2, u3, c0, c1]) = facts.and_then(|f| f.sig) {
            fonts.push_str(&format!(r#"<w:sig w:usb0="{u0}" w:usb1="{u1}" w:usb2="{u2}" w:usb3="{u3}" w:csb0="{c0}" w:csb1="{c1}"/>"#));
        }
        fonts.push_str("</w:font>");
    }
    format!("{XML_DECL}\n<w:fonts xmlns:w=\"{W}\">{fonts}</w:fonts>").into_bytes()
}

/// Word's Office theme, with the style sheet's fonts as the theme fonts (only
/// text without fonts of its own would use them: none that we write).
pub fn theme(style: &Style) -> Vec<u8> {
    include_str!("theme1.xml")
        .replace("{latin}", &escape(&style.role(Role::Body).latin_font))
        .replace("{major}", &escape(&style.role(Role::Heading1).font))
        .replace("{minor}", &escape(&style.role(Role::Body).font))
        .into_bytes()
}

/// What Word 2016 writes for a document never saved as a web page.
pub fn web_settings() -> Vec<u8> {
    format!("{XML_DECL}\n<w:webSettings xmlns:w=\"{W}\"><w:optimizeForBrowser/><w:allowPNG/></w:webSettings>").into_bytes()
}

/// The application properties: which program wrote the file.
pub fn app_properties() -> Vec<u8> {
    format!(
        "{XML_DECL}\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
         xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>wengao</Application></Properties>"
    )
    .into_bytes()
}

/// The package relationships: core and application properties, the document.
pub fn package_relationships() -> Vec<u8> {
    format!(
        "{XML_DECL}\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{REL}/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>"
    )
    .into_bytes()
}

/// The document's relationships without docx-rs's empty commentsExtended part,
/// with the theme and the web settings.
pub fn document_relationships(bytes: &[u8]) -> Vec<u8> {
    let Some((prolog, mut root)) = parse(bytes) else { return bytes.to_vec() };
    let type_of = |c: &XmlNode| match c {
        XmlNode::Element(e) => e.attrs.iter().find(|(k, _)| k == "Type").map(|(_, v)| v.clone()),
        XmlNode::Raw(_) => None,
    };
    root.children.retain(|c| !type_of(c).is_some_and(|t| t.ends_with("/commentsExtended")));
    for (id, kind, target) in [("rIdTheme1", "theme", "theme/theme1.xml"), ("rIdWebSettings1", "webSettings", "webSettings.xml")] {
        let kind = format!("{REL}/{kind}");
        root.children.push(element("Relationship", &[("Id", id), ("Type", &kind), ("Target", target)]));
    }
    write(&prolog, &root)
}

/// The content type of a part, by its path; None for a part Word would not know.
pub fn content_type(path: &str) -> Option<&'static str> {
    let file = path.rsplit('/').next().unwrap_or(path);
    let stem = file.trim_end_matches(".xml").trim_end_matches(char::is_numeric);
    Some(match (path.split('/').next().unwrap_or(""), stem) {
        ("word", "document") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        ("word", "styles") => "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
        ("word", "settings") => "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
        ("word", "webSettings") => "application/vnd.openxmlformats-officedocument.wordprocessingml.webSettings+xml",
        ("word", "fontTable") => "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
        ("word", "numbering") => "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
        ("word", "footnotes") => "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        ("word", "comments") => "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
        ("word", "footer") => "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
        ("word", "header") => "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
        ("word", "theme") => "application/vnd.openxmlformats-officedocument.theme+xml",
        ("docProps", "core") => "application/vnd.openxmlformats-package.core-properties+xml",
        ("docProps", "app") => "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        _ => return None,
    })
}

/// `[Content_Types].xml` for these parts: relationships and pictures by
/// extension, every other part by name.
pub fn content_types(parts: &[Part]) -> Vec<u8> {
    let mut defaults = vec![("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml")];
    for (ext, mime) in [("png", "image/png"), ("jpg", "image/jpeg")] {
        if parts.iter().any(|(path, _)| path.starts_with("word/media/") && path.ends_with(&format!(".{ext}"))) {
            defaults.push((ext, mime));
        }
    }
    let mut types = String::new();
    for (ext, mime) in defaults {
        types.push_str(&format!(r#"<Default Extension="{ext}" ContentType="{mime}"/>"#));
    }
    for (path, _) in parts {
        if let Some(mime) = content_type(path) {
            types.push_str(&format!(r#"<Override PartName="/{}" ContentType="{mime}"/>"#, escape(path)));
        }
    }
    format!("{XML_DECL}\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">{types}</Types>").into_bytes()
}
