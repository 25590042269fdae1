//! The draft: a filled form. The app saves and loads exactly this; the renderer
//! turns a compiled spec and a draft into a .docx. Described in docs/draft-format.md.

use std::collections::BTreeMap;

use base64::Engine;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::picture;
use crate::spec::{FormSpec, PictureFormat};

pub const DRAFT_FORMAT: &str = "wengao-draft";
/// More text than any report holds (about 500 pages): a draft beyond it is refused,
/// so that the form and the page model never have to carry it.
pub const MAX_TEXT_CHARS: usize = 1_000_000;
/// Version written by this build; older versions are migrated when loading.
pub const DRAFT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// Always [`DRAFT_FORMAT`].
    pub format: String,
    pub version: u32,
    /// The name of the template (`模板：…`) the draft was written for.
    pub template: String,
    /// Field values by field name, as typed (年月 as “2027年2月”).
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    /// The document's parts by node name, each a list of occurrences in order.
    #[serde(default)]
    pub body: Parts,
    /// Paragraphs an import (a Word file, a pasted text) could not place, in
    /// order: kept and shown until the drafter moves or deletes them; never exported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<String>,
    /// Pictures with nowhere to go (an imported file's pictures where the
    /// template has no picture slot; a slot the template no longer has, or
    /// pictures beyond its limit), with their captions: kept in the draft and
    /// its file until the drafter moves them into a slot or deletes them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unplaced_pictures: Vec<Picture>,
    /// Text of parts (and fields) the template no longer has, after the template
    /// was edited: kept and shown until the drafter moves or deletes it; never exported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orphaned: Vec<String>,
}

/// Occurrences of each node, by node name.
pub type Parts = BTreeMap<String, Vec<Item>>;

/// One occurrence of a node: a part, a （一）-item, a 一是-item, a text, a picture
/// slot or a table. Only the members its kind uses are present.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// A heading the drafter writes (（一）-items).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The bold lead sentence of a 一是-item.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lead: String,
    /// Body text; in a 多段 text each line is a paragraph.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub parts: Parts,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pictures: Vec<Picture>,
    /// Table rows: column name → cell text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<BTreeMap<String, String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Picture {
    /// The file name the picture came from.
    pub name: String,
    pub format: PictureFormat,
    /// Size in pixels, read from the file's header.
    pub width: u32,
    pub height: u32,
    #[serde(default)]
    pub caption: String,
    /// The file's bytes, unchanged; base64 in JSON.
    #[serde(serialize_with = "to_base64", deserialize_with = "from_base64")]
    pub data: Vec<u8>,
}

fn to_base64<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(bytes))
}

/// Base64 as other tools write it too: line breaks and spaces are allowed.
fn from_base64<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
    let text: String = String::deserialize(d)?.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    base64::engine::general_purpose::STANDARD
        .decode(text.as_bytes())
        .map_err(|_| serde::de::Error::custom("图片数据不是有效的 base64 编码"))
}

impl Picture {
    /// A picture from a file's bytes; Err with a message in Chinese when the bytes
    /// are not a JPEG or PNG picture.
    pub fn from_bytes(name: &str, data: Vec<u8>) -> Result<Picture, String> {
        let info = picture::check(name, &data)?;
        Ok(Picture { name: name.to_string(), format: info.format, width: info.width, height: info.height, caption: String::new(), data })
    }
}

/// Why a draft file could not be loaded. Loading never changes anything.
#[derive(Debug, Clone, PartialEq)]
pub enum DraftError {
    NotJson(String),
    NotADraft,
    Newer(u32),
    Invalid(String),
}

impl std::fmt::Display for DraftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DraftError::NotJson(e) => write!(f, "这不是文稿的草稿文件：内容不是 JSON（{e}）"),
            DraftError::NotADraft => write!(f, "这不是文稿的草稿文件：缺少“format: {DRAFT_FORMAT}”"),
            DraftError::Newer(v) => {
                write!(f, "这个草稿是更新版本的文稿保存的（草稿格式第{v}版，本程序只认到第{DRAFT_VERSION}版），请换用新版本打开")
            }
            DraftError::Invalid(e) => write!(f, "草稿文件内容有误：{e}"),
        }
    }
}

/// Where and why a text is not JSON, in Chinese (serde_json says it in English).
fn json_problem(e: &serde_json::Error) -> String {
    if e.to_string().contains("recursion limit") {
        return "括号嵌套超过128层，不是文稿写出的草稿".into();
    }
    match e.classify() {
        serde_json::error::Category::Eof => format!("在第{}行第{}列意外结束，文件可能不完整", e.line(), e.column()),
        _ => format!("第{}行第{}列不合 JSON 的写法", e.line(), e.column()),
    }
}

/// What in a JSON draft has the wrong shape, in Chinese.
fn shape_problem(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let quoted = text.split('`').nth(1).unwrap_or_default();
    if text.starts_with("missing field") {
        format!("缺少“{quoted}”")
    } else if text.starts_with("unknown variant") {
        format!("不认识的值“{quoted}”")
    } else {
        "有一项内容的类型不对（例如该写文字的地方写成了数字或列表）".into()
    }
}

impl Draft {
    /// An empty draft for a template, with its fields' defaults.
    pub fn new(spec: &FormSpec) -> Draft {
        Draft {
            format: DRAFT_FORMAT.into(),
            version: DRAFT_VERSION,
            template: spec.name.clone(),
            fields: spec.fields.iter().filter_map(|f| Some((f.id.clone(), f.default.clone()?))).collect(),
            body: Parts::new(),
            unplaced: Vec::new(),
            unplaced_pictures: Vec::new(),
            orphaned: Vec::new(),
        }
    }

    /// Reads a draft file of this or an older version.
    pub fn from_json(text: &str) -> Result<Draft, DraftError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| DraftError::NotJson(json_problem(&e)))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(DRAFT_FORMAT) {
            return Err(DraftError::NotADraft);
        }
        let version = match value.get("version") {
            None => return Err(DraftError::Invalid("缺少版本号 version".into())),
            Some(v) => v.as_u64().ok_or(DraftError::Invalid(format!("版本号 version 应是整数，而不是 {v}")))?,
        };
        let version = u32::try_from(version).map_err(|_| DraftError::Newer(u32::MAX))?;
        if version > DRAFT_VERSION {
            return Err(DraftError::Newer(version));
        }
        let value = migrate(value, version)?;
        let mut draft: Draft = serde_json::from_value(value).map_err(|e| DraftError::Invalid(shape_problem(&e)))?;
        let chars = draft.text_chars();
        if chars > MAX_TEXT_CHARS {
            return Err(DraftError::Invalid(format!(
                "文字有{}万字，远远超过任何报告（{}万字约500页），不像是文稿写出的草稿",
                chars / 10_000,
                MAX_TEXT_CHARS / 10_000
            )));
        }
        for p in draft.body.values_mut().flatten().flat_map(all_pictures) {
            match picture::check(&p.name, &p.data) {
                // The size is the file's own, whatever the draft says.
                Ok(info) if info.format == p.format => (p.width, p.height) = (info.width, info.height),
                Ok(_) => return Err(DraftError::Invalid(format!("图片“{}”的数据不是完整的 {} 图片", p.name, p.format.label()))),
                Err(why) => return Err(DraftError::Invalid(why)),
            }
        }
        Ok(draft)
    }

    /// How many characters of text the draft holds: fields, every item's title,
    /// lead, text and table cells, picture captions, unplaced paragraphs.
    pub fn text_chars(&self) -> usize {
        fn of(item: &Item) -> usize {
            let own = [&item.title, &item.lead, &item.text].iter().map(|t| t.chars().count()).sum::<usize>();
            let rows: usize = item.rows.iter().flat_map(|r| r.values()).map(|v| v.chars().count()).sum();
            let captions: usize = item.pictures.iter().map(|p| p.caption.chars().count()).sum();
            own + rows + captions + item.parts.values().flatten().map(of).sum::<usize>()
        }
        self.fields.values().map(|v| v.chars().count()).sum::<usize>()
            + self.body.values().flatten().map(of).sum::<usize>()
            + self.unplaced.iter().chain(&self.orphaned).map(|p| p.chars().count()).sum::<usize>()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a draft always serialises")
    }
}

fn all_pictures(item: &mut Item) -> Vec<&mut Picture> {
    let mut out: Vec<&mut Picture> = item.pictures.iter_mut().collect();
    for child in item.parts.values_mut().flatten() {
        out.extend(all_pictures(child));
    }
    out
}

/// Brings an older draft up to [`DRAFT_VERSION`], one version at a time.
fn migrate(value: serde_json::Value, from: u32) -> Result<serde_json::Value, DraftError> {
    match from {
        DRAFT_VERSION => Ok(value),
        // Version 1 is the first; each later version adds an arm `n => migrate(upgrade_n(value), n + 1)`.
        other => Err(DraftError::Invalid(format!("不认识的草稿格式版本{other}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn foreign_newer_and_broken_files_are_refused_with_a_reason() {
        assert!(matches!(Draft::from_json("<xml/>"), Err(DraftError::NotJson(_))));
        // Every message in Chinese, none with serde's English.
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let english = |e: DraftError| e.to_string().chars().filter(char::is_ascii_alphabetic).collect::<String>();
        assert_eq!(english(Draft::from_json(&deep).unwrap_err()), "JSON");
        assert_eq!(english(Draft::from_json("{\"format\": ").unwrap_err()), "JSON");
        let wrong_type = r#"{"format":"wengao-draft","version":1,"template":"x","body":{"a":[{"text":5}]}}"#;
        assert_eq!(english(Draft::from_json(wrong_type).unwrap_err()), "");
        let huge = format!(
            r#"{{"format":"wengao-draft","version":1,"template":"x","body":{{"a":[{{"text":"{}"}}]}}}}"#,
            "党".repeat(MAX_TEXT_CHARS + 1)
        );
        assert!(Draft::from_json(&huge).unwrap_err().to_string().contains("文字有100万字"));
        let no_template = r#"{"format":"wengao-draft","version":1}"#;
        assert!(Draft::from_json(no_template).unwrap_err().to_string().contains("缺少“template”"));
        assert_eq!(Draft::from_json(r#"{"format":"other"}"#), Err(DraftError::NotADraft));
        assert_eq!(Draft::from_json(r#"{"format":"wengao-draft","version":7,"template":"x"}"#), Err(DraftError::Newer(7)));
        let broken = r#"{"format":"wengao-draft","version":1,"template":"x","body":{"配图":[{"pictures":[{"name":"a.png","format":"png","width":1,"height":1,"data":"aGVsbG8="}]}]}}"#;
        assert!(matches!(Draft::from_json(broken), Err(DraftError::Invalid(m)) if m.contains("a.png")));
        let wrapped = broken.replace("aGVsbG8=", "aGVs\\nbG8=");
        assert!(matches!(Draft::from_json(&wrapped), Err(DraftError::Invalid(m)) if m.contains("a.png")), "wrapped base64 is read");
        let text_version = r#"{"format":"wengao-draft","version":"1","template":"x"}"#;
        assert!(matches!(Draft::from_json(text_version), Err(DraftError::Invalid(m)) if m.contains("整数")));
    }
}
