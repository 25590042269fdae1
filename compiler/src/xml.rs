//! A small XML tree that keeps text and attribute values exactly as written
//! (still escaped): the finishing pass rewrites our own parts with it, and the
//! .docx importer reads other producers' parts with it ([`unescape`] for text).
//! And text safety, in one place: what the drafter typed or pasted becomes text
//! that XML 1.0 can hold ([`xml_safe`]; docx-rs escapes `& < > " '` itself, and
//! the renderer turns line breaks and tabs into w:br and w:tab).
//!
//! A reader of its own rather than quick-xml's: that one, with the `encoding`
//! feature docx-rs turns on, links every legacy encoding's tables (a few hundred
//! kilobytes in the browser) for text that is always UTF-8 here.

use std::borrow::Cow;

/// How deep elements may nest: Word's own deepest paths (a table in a text box
/// in a table…) stay under 40.
pub const MAX_DEPTH: usize = 256;

#[derive(Debug, Clone)]
pub enum XmlNode {
    Element(Element),
    /// Text, comments, processing instructions: kept verbatim (still escaped).
    Raw(String),
}

#[derive(Debug, Clone)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<XmlNode>,
}

impl Element {
    pub fn local(&self) -> &str {
        // rfind on a char is a memrchr; this runs for every element of every part.
        self.name.rfind(':').map_or(&self.name, |i| &self.name[i + 1..])
    }
}

/// Parses a part; None if it is not well-formed UTF-8 XML, or nests deeper than
/// [`MAX_DEPTH`] (a hostile file; nothing real comes near it).
pub fn parse(bytes: &[u8]) -> Option<(String, Element)> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut prolog = String::new();
    let mut stack: Vec<Element> = vec![Element { name: String::new(), attrs: Vec::new(), children: Vec::new() }];
    let mut rest = text;
    while !rest.is_empty() {
        if !rest.starts_with('<') {
            let end = rest.find('<').unwrap_or(rest.len());
            if stack.len() > 1 {
                stack.last_mut()?.children.push(XmlNode::Raw(rest[..end].to_string()));
            }
            rest = &rest[end..];
            continue;
        }
        let (close, raw) = [("<?", "?>"), ("<!--", "-->"), ("<![CDATA[", "]]>")]
            .into_iter()
            .find(|(open, _)| rest.starts_with(open))
            .map(|(_, close)| (close, true))
            .unwrap_or((">", false));
        let end = if raw { rest.find(close)? + close.len() } else { tag_end(rest)? + 1 };
        let token = &rest[..end];
        rest = &rest[end..];
        if raw {
            match stack.len() {
                1 if token.starts_with("<?") => prolog.push_str(token),
                1 => {}
                _ => stack.last_mut()?.children.push(XmlNode::Raw(token.to_string())),
            }
        } else if token.starts_with("<!") {
            // A document type declaration: docx-rs writes none.
        } else if let Some(name) = token.strip_prefix("</") {
            let done = stack.pop()?;
            if done.name != name.trim_end_matches('>').trim() {
                return None;
            }
            stack.last_mut()?.children.push(XmlNode::Element(done));
        } else {
            let empty = token.ends_with("/>");
            let inner = token[1..token.len() - if empty { 2 } else { 1 }].trim();
            let element = start_tag(inner)?;
            if stack.len() > MAX_DEPTH {
                return None;
            }
            if empty {
                stack.last_mut()?.children.push(XmlNode::Element(element));
            } else {
                stack.push(element);
            }
        }
    }
    let mut top = stack.pop()?;
    if !stack.is_empty() {
        return None;
    }
    let root = top.children.drain(..).find_map(|n| match n {
        XmlNode::Element(e) => Some(e),
        XmlNode::Raw(_) => None,
    })?;
    Some((prolog, root))
}

/// The index of the `>` that ends the tag at the start of `s`, outside quotes.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// `w:p w14:paraId="1" w:rsidR="2"` → the element with its raw attribute values.
fn start_tag(inner: &str) -> Option<Element> {
    let name_end = inner.find(char::is_whitespace).unwrap_or(inner.len());
    let mut attrs = Vec::new();
    let mut rest = inner[name_end..].trim_start();
    while !rest.is_empty() {
        let eq = rest.find('=')?;
        let key = rest[..eq].trim().to_string();
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let close = after[1..].find(quote)? + 1;
        attrs.push((key, after[1..close].to_string()));
        rest = after[close + 1..].trim_start();
    }
    Some(Element { name: inner[..name_end].to_string(), attrs, children: Vec::new() })
}

pub fn write(prolog: &str, root: &Element) -> Vec<u8> {
    let mut out = String::from(prolog);
    if !prolog.is_empty() {
        out.push('\n');
    }
    write_element(root, &mut out);
    out.into_bytes()
}

fn write_element(e: &Element, out: &mut String) {
    out.push('<');
    out.push_str(&e.name);
    for (k, v) in &e.attrs {
        out.push_str(&format!(" {k}=\"{}\"", v.replace('"', "&quot;")));
    }
    if e.children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    for child in &e.children {
        match child {
            XmlNode::Element(c) => write_element(c, out),
            XmlNode::Raw(r) => out.push_str(r),
        }
    }
    out.push_str(&format!("</{}>", e.name));
}

impl Element {
    /// The value of an attribute by its local name (`w:val` → `val`), unescaped.
    pub fn attr(&self, local: &str) -> Option<String> {
        self.attrs.iter().find(|(k, _)| k.rsplit(':').next() == Some(local)).map(|(_, v)| unescape(v))
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            XmlNode::Element(e) => Some(e),
            XmlNode::Raw(_) => None,
        })
    }

    /// The first child element with this local name.
    pub fn child(&self, local: &str) -> Option<&Element> {
        self.elements().find(|e| e.local() == local)
    }

    /// The element's text content, unescaped (CDATA kept, comments dropped).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for c in &self.children {
            match c {
                XmlNode::Raw(r) if r.starts_with("<![CDATA[") => out.push_str(r.trim_start_matches("<![CDATA[").trim_end_matches("]]>")),
                XmlNode::Raw(r) if r.starts_with("<!--") || r.starts_with("<?") => {}
                XmlNode::Raw(r) => out.push_str(&unescape(r)),
                XmlNode::Element(e) => out.push_str(&e.text()),
            }
        }
        out
    }
}

/// Characters → text or an attribute value as written (the inverse of [`unescape`]).
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The longest reference [`unescape`] reads, `&` and `;` included:
/// `&#x10FFFF;` and `&#1114111;` are 10 bytes.
const MAX_ENTITY_LEN: usize = 12;

/// Text or an attribute value as written → the characters it stands for: the
/// five named entities and numeric references; anything else is kept as written.
pub fn unescape(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // The `;` is looked for among the next bytes, not sliced at a byte count:
        // `;` is ASCII, so where it is found is a character boundary, while a cut at
        // byte 12 can fall inside the Chinese after “&amp;” and panic.
        let end = rest.bytes().take(MAX_ENTITY_LEN).position(|b| b == b';');
        let decoded = end.and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok().and_then(char::from_u32),
                    None => name.strip_prefix('#').and_then(|d| d.parse().ok()).and_then(char::from_u32),
                },
            };
            c.map(|c| (c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Characters XML 1.0 forbids: U+0000–U+0008, U+000B, U+000C, U+000E–U+001F,
/// U+FFFE, U+FFFF (LibreOffice refuses a file that has one; Word "repairs" it).
/// Carriage returns are dropped too: a pasted "\r\n" is one line break. So are
/// the bidirectional embedding, override and isolate controls (U+202A–U+202E,
/// U+2066–U+2069): invisible, and able to make Word show a line reversed.
pub fn is_forbidden(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{D}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// The text without the characters XML cannot hold; borrowed when there are none.
pub fn xml_safe(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_forbidden) {
        Cow::Owned(s.chars().filter(|c| !is_forbidden(*c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_go_line_breaks_and_tabs_stay() {
        assert_eq!(xml_safe("a\u{0}b\u{B}c\u{1F}d\u{FFFE}\r\ne\tf"), "abcd\ne\tf");
        assert!(matches!(xml_safe("普通文字"), Cow::Borrowed(_)));
        assert_eq!(xml_safe("付款\u{202E}0001\u{202C}元\u{2066}甲\u{2069}"), "付款0001元甲");
    }

    #[test]
    fn unescapes_entities_and_keeps_the_rest() {
        assert_eq!(unescape("a &amp; b &lt;c&gt; &#x4E00;&#19968; &quot;&apos; & &bogus;"), "a & b <c> 一一 \"' & &bogus;");
    }

    #[test]
    fn references_followed_by_any_text() {
        let after = ["业务融合发展", "👍🏽党建", "e\u{301}\u{301}x", "ＡＢＣ", "\u{10FFFF}", "", ";"];
        let named = [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'")];
        let numeric = [("&#38;", "&"), ("&#x4E00;", "一"), ("&#X1F600;", "😀"), ("&#1114111;", "\u{10FFFF}")];
        for (reference, char) in named.into_iter().chain(numeric) {
            for text in after {
                assert_eq!(unescape(&format!("{reference}{text}")), format!("{char}{text}"), "{reference}{text}");
                assert_eq!(unescape(&format!("推动党建{reference}{text}")), format!("推动党建{char}{text}"));
            }
        }
        // Unknown or unfinished references are kept as written, wherever they stop.
        for kept in ["&", "&业务融合发展", "R&D投入", "&amp", "&amp业务融合发展；", "&#x110000;", "&#xD800;", "&bogus;", "&#;", "&&amp"]
        {
            assert_eq!(unescape(kept), kept);
        }
        assert_eq!(unescape("&&amp;"), "&&");
        // The `;` of a reference longer than any real one is not looked for.
        assert_eq!(unescape("&#x000000000041;"), "&#x000000000041;");
        assert_eq!(unescape("&#x00041;"), "A");
    }

    #[test]
    fn escape_then_unescape_is_the_identity() {
        for s in ["推动党建&业务融合发展，R&D投入", "a<b>c", "<img src=\"x\">2026年党建工作述职报告", "&amp;", "'&#38;'", ""]
        {
            assert_eq!(unescape(&escape(s)), s);
        }
    }

    #[test]
    fn refuses_deep_nesting_and_broken_xml() {
        let deep = "<a>".repeat(MAX_DEPTH + 2) + &"</a>".repeat(MAX_DEPTH + 2);
        assert!(parse(deep.as_bytes()).is_none());
        assert!(parse(b"<a><b></a>").is_none());
        let (_, root) = parse("<w:p><w:t xml:space=\"preserve\"> x &amp; y</w:t></w:p>".as_bytes()).unwrap();
        assert_eq!(root.text(), " x & y");
        assert_eq!(root.child("t").and_then(|t| t.attr("space")).as_deref(), Some("preserve"));
    }
}
