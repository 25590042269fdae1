//! A small XML tree that keeps text and attribute values exactly as written
//! (still escaped): the finishing pass rewrites our own parts with it, and the
//! .docx importer reads other producers' parts with it ([`unescape`] for text).
//!
//! A reader of its own rather than quick-xml's: that one, with the `encoding`
//! feature docx-rs turns on, links every legacy encoding's tables (a few hundred
//! kilobytes in the browser) for text that is always UTF-8 here.

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
        let end = rest[..rest.len().min(12)].find(';');
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes_entities_and_keeps_the_rest() {
        assert_eq!(unescape("a &amp; b &lt;c&gt; &#x4E00;&#19968; &quot;&apos; & &bogus;"), "a & b <c> 一一 \"' & &bogus;");
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
