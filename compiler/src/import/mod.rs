//! Import: last year's report as a Word file (.docx), or a whole text pasted at
//! once, mapped onto a template's form. Phases: [`zip`] (the package, with
//! limits), [`word`] (paragraphs, tables, pictures as Word shows them), [`map`]
//! (onto the template: fields from the title lines, parts by heading, points,
//! texts, pictures with captions, tables; the rest kept as unplaced). Every 字 read
//! is accounted for: placed, the template's own heading text, hand-typed
//! numbering the template replaces, or unplaced.

mod map;
pub mod official;
pub(crate) mod word;
pub(crate) mod zip;

pub use map::Accounting;
pub(crate) use map::{centred_by_spaces, is_contents_line, map, typed_label, Level};
pub(crate) use word::{main_part, part_named, relationships};
pub use word::{Origin, WordBlock, WordFile, WordParagraph};

use crate::draft::Draft;
use crate::spec::FormSpec;

/// A file or text mapped onto a template.
#[derive(Debug)]
pub struct Imported {
    /// The draft, with what could not be placed in `draft.unplaced`.
    pub draft: Draft,
    pub accounting: Accounting,
    /// The fields the file did not give (by id, in the template's order): left
    /// empty rather than set to the template's default, for the drafter to fill
    /// in or confirm (a default such as 单位类型's first choice would otherwise
    /// pass for what the report says).
    pub unread_fields: Vec<String>,
    /// The lines of a 公文's 版头 and 版记 the file carries ([`official`]):
    /// kept in `draft.unplaced`, but no part of the report for the desk.
    pub official: Vec<String>,
}

impl Imported {
    /// One line for the drafter: where every 字 went, and which fields to confirm.
    pub fn summary(&self, spec: &FormSpec) -> String {
        let mut out = self.accounting.summary();
        if !self.unread_fields.is_empty() {
            let labels: Vec<&str> = self
                .unread_fields
                .iter()
                .map(|id| spec.fields.iter().find(|f| &f.id == id).map_or(id.as_str(), |f| f.label.as_str()))
                .collect();
            out.push_str(&format!("；文件里没有{}项基本信息，请确认：{}", labels.len(), labels.join("、")));
        }
        out
    }
}

/// What of a draft fits nowhere, counted: `3段`, `2幅图片`, `3段和2幅图片`;
/// None when nothing. The import's notice and the 汇编's note both say it.
pub fn unplaced_count(draft: &Draft) -> Option<String> {
    match (draft.unplaced.len(), draft.unplaced_pictures.len()) {
        (0, 0) => None,
        (n, 0) => Some(format!("{n}段")),
        (0, m) => Some(format!("{m}幅图片")),
        (n, m) => Some(format!("{n}段和{m}幅图片")),
    }
}

/// What the drafter is told of an imported draft's loose paragraphs and
/// pictures, if it has any: where they are and what to do.
pub fn unplaced_notice(draft: &Draft) -> Option<String> {
    let what = unplaced_count(draft)?;
    let where_ = match (draft.unplaced.is_empty(), draft.unplaced_pictures.is_empty()) {
        (false, true) => "“未归类的段落”",
        (true, false) => "“未归类的图片”",
        _ => "“未归类的段落”和“未归类的图片”",
    };
    Some(format!("{what}没能对上模板，放在表单最后的{where_}里，可以逐个移到该去的地方"))
}

/// Why a file could not be imported; nothing is changed when this happens.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// Word 97–2003 (.doc) or WPS (.wps): an OLE compound file.
    OldFormat,
    /// A password-protected Office file (encrypted inside an OLE compound file).
    Encrypted,
    /// OpenDocument (.odt).
    OpenDocument,
    Rtf,
    /// A PDF: the printed result, not the document.
    Pdf,
    /// A picture (a photo or a scan of the printed report).
    Picture,
    /// A RAR or 7z archive (only zips are opened).
    OtherArchive,
    /// A zip, but not a Word document.
    NotWord,
    /// Not a zip at all.
    NotDocx,
    /// The zip or a part of it is broken.
    Damaged,
    /// A part is not well-formed XML (its name).
    BrokenXml(String),
    /// Beyond the limits: a zip bomb or a document far larger than any report.
    TooLarge,
    /// An entry name that climbs out of the package (its name).
    UnsafeName(String),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let resave = "请在 Word 或 WPS 里打开它，用“另存为”保存成“Word 文档（*.docx）”后再导入";
        match self {
            ImportError::OldFormat => write!(f, "这是旧的 Word 97-2003 文档（.doc）或 WPS 文档（.wps），文稿只能读 .docx：{resave}"),
            ImportError::Encrypted => {
                write!(f, "这个文件设了打开密码，文稿读不了：请在 Word 或 WPS 里打开，去掉密码（文件→信息→保护文档）后另存一份再导入")
            }
            ImportError::OpenDocument => write!(f, "这是 OpenDocument 文档（.odt）：{resave}"),
            ImportError::Rtf => write!(f, "这是 RTF 文档：{resave}"),
            ImportError::Pdf => write!(f, "这是 PDF 文件，看不出原来的文字和格式，文稿读不了：请找到它的 Word 原文件（.docx）"),
            ImportError::Picture => {
                write!(f, "这是图片（照片或扫描件），不是 Word 文档，读不出文字：请找到它的 Word 原文件（.docx）")
            }
            ImportError::OtherArchive => write!(f, "这是 RAR 或 7z 压缩包，文稿只能拆开 .zip：请先解压，再选里面的文件"),
            ImportError::NotWord => write!(f, "这是一个压缩包，但不是 Word 文档（里面没有 word/document.xml）"),
            ImportError::NotDocx => write!(f, "这不是 Word 文档（.docx）：请选 Word 或 WPS 保存的 .docx 文件"),
            ImportError::Damaged => write!(f, "文件已损坏（压缩包的内容对不上），读不了：请在 Word 或 WPS 里打开它，另存一份再导入"),
            ImportError::BrokenXml(part) => write!(f, "文件里的 {part} 不是完好的 XML，读不了：请在 Word 或 WPS 里打开它，另存一份再导入"),
            ImportError::TooLarge => {
                write!(f, "文件的内容大得不正常（解压后超过限制），为安全起见没有读：报告正文不会这么大，请检查是不是选错了文件")
            }
            ImportError::UnsafeName(name) => write!(f, "文件里有不安全的路径“{name}”，不像是 Word 保存的文件，为安全起见没有读"),
        }
    }
}

/// What kind of file the bytes are, by their first bytes.
fn check_kind(bytes: &[u8]) -> Result<(), ImportError> {
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(OLE) {
        // Encrypted Office files are OLE files holding a stream "EncryptedPackage".
        let name: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let encrypted = bytes.windows(name.len()).any(|w| w == name.as_slice());
        return Err(if encrypted { ImportError::Encrypted } else { ImportError::OldFormat });
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(ImportError::Rtf);
    }
    if bytes.starts_with(b"%PDF-") {
        return Err(ImportError::Pdf);
    }
    const PICTURES: [&[u8]; 6] = [b"\xFF\xD8\xFF", b"\x89PNG", b"GIF8", b"BM", b"II*\0", b"MM\0*"];
    if PICTURES.iter().any(|m| bytes.starts_with(m)) {
        return Err(ImportError::Picture);
    }
    if bytes.starts_with(b"Rar!\x1A\x07") || bytes.starts_with(b"7z\xBC\xAF\x27\x1C") {
        return Err(ImportError::OtherArchive);
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(ImportError::NotDocx);
    }
    Ok(())
}

/// Opens a .docx file's package, or says why it is not one.
pub(crate) fn open(bytes: &[u8]) -> Result<zip::Archive<'_>, ImportError> {
    check_kind(bytes)?;
    let archive = zip::Archive::open(bytes)?;
    if archive.has("content.xml") && archive.has("mimetype") {
        return Err(ImportError::OpenDocument);
    }
    Ok(archive)
}

/// Reads a .docx file's bytes.
pub fn read_docx(bytes: &[u8]) -> Result<WordFile, ImportError> {
    word::read(&open(bytes)?)
}

/// Imports a .docx file onto the template.
pub fn docx(spec: &FormSpec, bytes: &[u8]) -> Result<Imported, ImportError> {
    let imported = map::map(spec, read_docx(bytes)?);
    if imported.draft.text_chars() > crate::draft::MAX_TEXT_CHARS {
        return Err(ImportError::TooLarge);
    }
    Ok(imported)
}

/// Imports a whole text (pasted at once): each line a paragraph.
pub fn text(spec: &FormSpec, text: &str) -> Imported {
    let blocks = text.lines().map(|line| WordBlock::Paragraph(WordParagraph::plain(line.trim_end_matches('\r')))).collect();
    map::map(spec, WordFile { blocks, ..WordFile::default() })
}
