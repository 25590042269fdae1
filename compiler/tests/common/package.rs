//! A .docx package read back with an independent unzipper (the zip crate) and
//! XML reader (quick-xml): its parts by name, each part as a tree.

use std::collections::BTreeMap;
use std::io::Read;

use quick_xml::events::Event;

#[derive(Debug, Clone)]
pub struct El {
    pub name: String,
    pub attrs: BTreeMap<String, String>,
    pub children: Vec<El>,
    pub text: String,
}

impl El {
    pub fn attr(&self, k: &str) -> Option<&str> {
        self.attrs.get(k).map(String::as_str)
    }
    pub fn child(&self, name: &str) -> Option<&El> {
        self.children.iter().find(|c| c.name == name)
    }
    pub fn all<'a>(&'a self, name: &str, out: &mut Vec<&'a El>) {
        if self.name == name {
            out.push(self);
        }
        for c in &self.children {
            c.all(name, out);
        }
    }
    pub fn find_all(&self, name: &str) -> Vec<&El> {
        let mut out = Vec::new();
        self.all(name, &mut out);
        out
    }
    /// The text of every w:t below, in order.
    pub fn texts(&self) -> String {
        self.find_all("w:t").iter().map(|t| t.text.as_str()).collect()
    }
    pub fn child_names(&self) -> Vec<&str> {
        self.children.iter().map(|c| c.name.as_str()).collect()
    }
}

pub fn parse_xml(bytes: &[u8]) -> El {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let decoder = reader.decoder();
    let mut stack = vec![El { name: String::new(), attrs: BTreeMap::new(), children: Vec::new(), text: String::new() }];
    let el = |e: &quick_xml::events::BytesStart| El {
        name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.unwrap();
                (
                    String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                    a.decoded_and_normalized_value(quick_xml::XmlVersion::Implicit1_0, decoder).unwrap().to_string(),
                )
            })
            .collect(),
        children: Vec::new(),
        text: String::new(),
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(el(&e)),
            Event::Empty(e) => stack.last_mut().unwrap().children.push(el(&e)),
            Event::End(_) => {
                let done = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(done);
            }
            Event::Text(t) => stack.last_mut().unwrap().text.push_str(&t.decode().unwrap()),
            Event::GeneralRef(r) => {
                let name = r.decode().unwrap();
                let c = match name.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity {other}"),
                };
                stack.last_mut().unwrap().text.push_str(c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unbalanced XML");
    stack.pop().unwrap().children.remove(0)
}

pub struct Package {
    pub files: BTreeMap<String, Vec<u8>>,
    pub deflated: bool,
}

impl Package {
    pub fn open(bytes: &[u8]) -> Package {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
        let mut files = BTreeMap::new();
        let mut deflated = true;
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            deflated &= f.compression() == zip::CompressionMethod::Deflated;
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            files.insert(f.name().to_string(), data);
        }
        Package { files, deflated }
    }
    pub fn xml(&self, name: &str) -> El {
        parse_xml(self.files.get(name).unwrap_or_else(|| panic!("no part {name}")))
    }
}

/// The schema's order of a run's properties (CT_RPr's sequence, ISO/IEC 29500-1
/// §17.3.2.28), written out here apart from the renderer's own table.
const RUN_PROPERTIES: &[&str] = &[
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
];

/// What Word checks on opening a package and neither schema validation nor
/// LibreOffice does: panics with the first breach.
pub fn assert_word_accepts(bytes: &[u8]) {
    let pkg = Package::open(bytes);
    let types = pkg.xml("[Content_Types].xml");
    let overrides: Vec<&str> = types.children.iter().filter(|c| c.name == "Override").map(|c| c.attr("PartName").unwrap()).collect();
    let defaults: Vec<&str> = types.children.iter().filter(|c| c.name == "Default").map(|c| c.attr("Extension").unwrap()).collect();
    for name in pkg.files.keys().filter(|n| *n != "[Content_Types].xml") {
        let by_name = overrides.iter().filter(|o| o.trim_start_matches('/') == name).count();
        let ext = name.rsplit('.').next().unwrap();
        assert!(by_name == 1 || (by_name == 0 && defaults.contains(&ext)), "{name}: no content type, or more than one");
        // A generic XML type only for parts Word has no type of its own for: none.
        assert!(by_name == 1 || !name.ends_with(".xml"), "{name}: only the generic application/xml type");
    }
    for o in &overrides {
        assert!(pkg.files.contains_key(o.trim_start_matches('/')), "content type for a missing part {o}");
    }

    // Every relationship's target is there, and every part but the package's
    // own is the target of one.
    let mut reached = vec!["[Content_Types].xml".to_string(), "_rels/.rels".to_string()];
    for (name, data) in pkg.files.iter().filter(|(n, _)| n.ends_with(".rels")) {
        let base = name.split("_rels/").next().unwrap();
        let source = name.replacen("_rels/", "", 1).trim_end_matches(".rels").to_string();
        assert!(name == "_rels/.rels" || pkg.files.contains_key(&source), "{name}: relationships of a missing part");
        reached.push(name.clone());
        let rels = parse_xml(data);
        let mut ids = Vec::new();
        for rel in &rels.children {
            let id = rel.attr("Id").unwrap();
            assert!(!ids.contains(&id), "{name}: relationship id {id} twice");
            ids.push(id);
            if rel.attr("TargetMode") == Some("External") {
                continue;
            }
            let target = rel.attr("Target").unwrap();
            let path = target.strip_prefix('/').map_or(format!("{base}{target}"), str::to_string);
            assert!(pkg.files.contains_key(&path), "{name}: {id} points at missing {path}");
            reached.push(path);
        }
    }
    for name in pkg.files.keys() {
        assert!(reached.contains(name), "{name}: no relationship reaches it");
    }
    let doc_rels = parse_xml(&pkg.files["word/_rels/document.xml.rels"]);
    for kind in ["styles", "settings", "webSettings", "fontTable", "theme"] {
        let ty = format!("http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}");
        assert!(doc_rels.children.iter().any(|r| r.attr("Type") == Some(ty.as_str())), "the document has no {kind} part");
    }

    // No empty parts: every XML part's root has content.
    for (name, data) in pkg.files.iter().filter(|(n, _)| n.ends_with(".xml") || n.ends_with(".rels")) {
        assert!(!parse_xml(data).children.is_empty(), "{name} is empty");
    }

    // Drawing ids unique across the body, headers and footers.
    let mut drawing_ids = Vec::new();
    for (name, _) in pkg.files.iter().filter(|(n, _)| n.starts_with("word/") && n.ends_with(".xml")) {
        let part = pkg.xml(name);
        for d in part.find_all("wp:docPr") {
            let id = d.attr("id").unwrap().to_string();
            assert!(!drawing_ids.contains(&id), "{name}: drawing id {id} used twice");
            drawing_ids.push(id);
        }
        // Every table cell ends in a paragraph.
        for tc in part.find_all("w:tc") {
            assert_eq!(tc.children.last().map(|c| c.name.as_str()), Some("w:p"), "{name}: a table cell not ending in a paragraph");
        }
        // Line breaks and tabs are w:br and w:tab, never raw inside w:t.
        for t in part.find_all("w:t").iter().chain(&part.find_all("w:instrText")) {
            assert!(!t.text.contains(['\n', '\r', '\t']), "{name}: raw break or tab in {:?}", t.text);
        }
        for rpr in part.find_all("w:rPr") {
            let ranks: Vec<usize> =
                rpr.child_names().iter().map(|n| RUN_PROPERTIES.iter().position(|o| o == n).unwrap_or(usize::MAX)).collect();
            assert!(ranks.iter().all(|r| *r != usize::MAX), "{name}: unknown run property in {:?}", rpr.child_names());
            assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{name}: run properties out of schema order: {:?}", rpr.child_names());
        }
    }
}
