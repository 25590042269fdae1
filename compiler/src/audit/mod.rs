//! The organizer's desk (审核台): a received report checked against its
//! template, as the organization office does before it goes up (审核把关).
//! The file is recognised as one of the templates (by how much of it each
//! template's form takes in), imported with the importer, and checked: 字数 in
//! all and per part against the budgets, pages by the page model, missing parts
//! and paragraphs that fit nowhere, pictures ([`crate::review`]); proofreading
//! hints and Attachment 4 coverage, counted ([`crate::proof`]); and the
//! formatting read from the file itself against the template's style sheet
//! ([`format`] reads it, [`conform`] compares). [`batch`] takes e-mail
//! attachments as they come (zips opened), [`group`] puts a unit's report and
//! its cases together, [`workbook`] writes the table and [`notes`] a file's
//! 修改意见.

pub mod batch;
pub mod conform;
pub mod format;
pub mod group;
pub mod notes;
pub mod pages;
pub mod recognise;
pub mod saved;
pub mod summary;
pub mod workbook;

use serde::{Deserialize, Serialize};

use crate::document;
use crate::draft::Draft;
use crate::import::{self, ImportError, WordFile};
use crate::layout::{self, Estimate};
use crate::review::{self, Concern, PartCount};
use crate::spec::{FormSpec, NodeKind};

/// What a finding is about: the columns of the desk's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Words,
    Pages,
    Structure,
    Pictures,
    Format,
    /// A unit's report and the cases sent with it (group.rs).
    Set,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Words => "字数",
            Kind::Pages => "页数",
            Kind::Structure => "结构",
            Kind::Pictures => "图片",
            Kind::Format => "格式",
            Kind::Set => "配套",
        }
    }
}

/// Whether a finding stops the report going up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Against a rule: the report goes back.
    MustFix,
    /// Against a rule the template softens (原则上不超过6页): for the clerk to weigh.
    Note,
}

/// Something found in a received report, in a clerk's words: where (a
/// paragraph's first words, or a setting) and what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: Kind,
    pub severity: Severity,
    pub place: String,
    pub message: String,
}

impl Finding {
    pub fn must_fix(kind: Kind, place: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding { kind, severity: Severity::MustFix, place: place.into(), message: message.into() }
    }
}

/// One received file, checked.
#[derive(Debug, Clone)]
pub struct Report {
    /// The template's name (`模板：` line).
    pub template: String,
    /// 单位 and 姓名 as the title lines give them (empty when they do not).
    pub unit: String,
    pub person: String,
    /// The whole file first (its 字数 as Word counts it), then every part
    /// with a budget as the template placed the text.
    pub parts: Vec<PartCount>,
    pub estimate: Estimate,
    /// The file's pages laid out in its own formatting ([`pages`]).
    pub own_pages: u32,
    /// The page count the file's producer saved with it, and whether it is of this text.
    pub saved_pages: Option<saved::SavedPages>,
    pub page_limit: Option<u32>,
    /// The file's pictures, wherever they are, and their bytes together.
    pub pictures: usize,
    pub picture_bytes: usize,
    /// Proofreading hints (not findings: hints to read).
    pub hints: usize,
    /// Attachment 4's scored items the text speaks to, of all.
    pub covered: usize,
    pub scored: usize,
    /// Paragraphs the template has no place for.
    pub unplaced: Vec<String>,
    pub findings: Vec<Finding>,
    /// The file's body paragraphs with text, as read (for showing it).
    pub paragraphs: Vec<String>,
}

impl Report {
    /// The whole text's 字数.
    pub fn words(&self) -> usize {
        self.parts.first().map_or(0, |p| p.words)
    }
}

/// A file no template fits: what it is, for its row.
#[derive(Debug, Clone)]
pub struct Unrecognised {
    /// Its best guess and how far off it is.
    pub why: String,
    /// The file's own figures.
    pub words: usize,
    pub own_pages: u32,
    pub saved_pages: Option<saved::SavedPages>,
    pub pictures: usize,
    pub picture_bytes: usize,
    /// Its body paragraphs with text.
    pub paragraphs: Vec<String>,
}

/// What checking a received Word file gives.
#[derive(Debug, Clone)]
pub enum Checked {
    /// Checked against the template it is written for.
    Report(Box<Report>),
    /// No template fits well enough: not checked against any.
    Unrecognised(Unrecognised),
}

impl Checked {
    /// The report, when a template fitted.
    pub fn report(&self) -> Option<&Report> {
        match self {
            Checked::Report(r) => Some(r),
            Checked::Unrecognised(_) => None,
        }
    }
}

/// Checks a .docx file against the template among `specs` it is written for,
/// if one fits ([`recognise`]); the reason when it cannot be read.
pub fn docx(bytes: &[u8], specs: &[FormSpec]) -> Result<Checked, ImportError> {
    let archive = import::open(bytes)?;
    let file = import::word::read(&archive)?;
    let guess = recognise::recognise(&file, specs).ok_or(ImportError::NotWord)?;
    let formatting = format::read(&archive)?;
    let saved_pages = saved::read(&archive).map(|s| s.against(&file.counts()));
    if !guess.recognised() {
        return Ok(Checked::Unrecognised(Unrecognised {
            why: guess.why_not(),
            words: file.words(),
            own_pages: pages::own_pages(&formatting).count(),
            saved_pages,
            pictures: file.pictures,
            picture_bytes: file.picture_bytes,
            paragraphs: texts(&formatting),
        }));
    }
    Ok(Checked::Report(Box::new(check(guess.spec, file, &formatting, saved_pages))))
}

/// A file's body paragraphs with text, trimmed (for showing it).
fn texts(formatting: &format::Formatting) -> Vec<String> {
    formatting.paragraphs.iter().map(|p| p.text.trim().to_string()).filter(|t| !t.is_empty()).collect()
}

/// Checks a .docx file against `spec`, recognised or not.
pub fn docx_as(bytes: &[u8], spec: &FormSpec) -> Result<Report, ImportError> {
    let archive = import::open(bytes)?;
    let file = import::word::read(&archive)?;
    let formatting = format::read(&archive)?;
    let saved_pages = saved::read(&archive).map(|s| s.against(&file.counts()));
    Ok(check(spec, file, &formatting, saved_pages))
}

/// Checks a draft file (the app's 导出草稿) as the Word file it makes: rendered
/// with its template, then read like any received file; the reason when it
/// cannot be.
/// The paragraphs the draft keeps in 未归类 are not in that file: they are
/// said as a Word file's would be.
pub fn draft_file(bytes: &[u8], specs: &[FormSpec]) -> Result<Report, String> {
    let (spec, draft) = read_draft(bytes, specs)?;
    let bytes = crate::docx::render(spec, &draft, &crate::docx::RenderOptions::default());
    let mut report = docx_as(&bytes, spec).map_err(|e| e.to_string())?;
    report.findings.extend(unplaced_finding(&draft.unplaced));
    report.findings.extend(unplaced_pictures_finding(&draft.unplaced_pictures));
    report.findings.sort_by_key(|f| f.kind);
    report.unplaced = draft.unplaced;
    Ok(report)
}

/// The finding for paragraphs the template has no place for, if any.
fn unplaced_finding(unplaced: &[String]) -> Option<Finding> {
    let first = unplaced.first()?;
    Some(Finding::must_fix(
        Kind::Structure,
        conform::opening(first),
        format!("{}段放不进模板的任何部分（不是模板要求的内容，或者标题、编号和模板的对不上）", unplaced.len()),
    ))
}

/// The finding for pictures the template has no place for (or no room), if any.
fn unplaced_pictures_finding(pictures: &[crate::draft::Picture]) -> Option<Finding> {
    let first = pictures.first()?;
    Some(Finding::must_fix(
        Kind::Pictures,
        format!("图片 {}", first.name),
        format!("{}幅图片放不进模板（模板里没有放图片的地方，或者已经放满）", pictures.len()),
    ))
}

/// A draft file (UTF-8 JSON, a BOM allowed) and the template among `specs` it
/// is written for; the reason when it cannot be read.
pub fn read_draft<'s>(bytes: &[u8], specs: &'s [FormSpec]) -> Result<(&'s FormSpec, Draft), String> {
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        .map_err(|_| "这个文件不是文稿的草稿文件（不是 UTF-8 文本）".to_string())?;
    let draft = Draft::from_json(text).map_err(|e| e.to_string())?;
    let spec =
        specs.iter().find(|s| s.name == draft.template).ok_or_else(|| format!("这是“{}”的草稿文件，审核台没有这个模板", draft.template))?;
    Ok((spec, draft))
}

/// Whether a received file is a draft file (JSON) rather than a Word file.
pub fn is_draft_file(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Whether a field is printed in the document (a title line or the author),
/// and so must be in a received file; a field that only steers the form's
/// prompts (单位类型) is not.
fn printed(spec: &FormSpec, field: &str) -> bool {
    spec.lines
        .iter()
        .map(|l| &l.text)
        .chain(&spec.author)
        .flat_map(|t| &t.pieces)
        .any(|p| matches!(p, crate::spec::Piece::Field { field: f, .. } if f == field))
}

/// Every check of a file read as `file` and formatted as `formatting`, against `spec`.
///
/// 字数 and 图片 are the file's own, whatever the template could place (text it
/// has no place for still counts, and a picture anywhere in the file is one);
/// the parts' 字数, the structure and the page estimate are the draft's, as the
/// template lays it out.
fn check(spec: &FormSpec, file: WordFile, formatting: &format::Formatting, saved_pages: Option<saved::SavedPages>) -> Report {
    let (words, pictures, picture_bytes) = (file.words(), file.pictures, file.picture_bytes);
    let imported = import::map(spec, file);
    // A 公文's 版头 and 版记 are named by the format check, not said to fit nowhere.
    let unplaced: Vec<String> = imported.draft.unplaced.iter().filter(|u| !imported.official.contains(u)).cloned().collect();
    let draft = imported.draft;
    let doc = document::assemble(spec, &draft);
    let counts = review::counts_by_path(&doc);
    let estimate = layout::estimate(&doc, &spec.style);
    let whole_text = |p: &review::Problem| p.concern == Concern::Words && p.path.is_empty() && p.field.is_none();
    let placed = review::problems(spec, &draft, &doc, &counts, &estimate).into_iter().filter(|p| !whole_text(p));
    let mut findings: Vec<Finding> = review::whole_text_problem(spec, words)
        .into_iter()
        .chain(placed)
        .filter(|p| p.field.as_deref().is_none_or(|f| printed(spec, f)))
        .map(|p| Finding {
            kind: match p.concern {
                Concern::Words => Kind::Words,
                Concern::Pages => Kind::Pages,
                Concern::Missing | Concern::TooMany => Kind::Structure,
                Concern::Pictures => Kind::Pictures,
            },
            severity: if p.concern == Concern::Pages && spec.page_limit.is_some_and(|l| l.in_principle) {
                Severity::Note
            } else {
                Severity::MustFix
            },
            place: if p.path.is_empty() && p.field.is_none() { "全文".into() } else { String::new() },
            message: p.message,
        })
        .collect();
    // The file's own pages and the estimate in the template's format are one finding.
    let own_pages = pages::own_pages(formatting).count();
    let own = pages_over_limit(spec, own_pages, saved_pages.as_ref());
    match (findings.iter().position(|f| f.kind == Kind::Pages).map(|i| findings.remove(i)), own) {
        (Some(estimate), Some(own)) => {
            findings.push(Finding { message: format!("{}（按模板的格式重排：{}）", own.message, estimate.message), ..own })
        }
        (Some(estimate), None) => findings
            .push(Finding { message: format!("{}（文件按自己的格式排是{own_pages}页）", estimate.message), ..estimate }),
        (None, own) => findings.extend(own),
    }
    findings.extend(missing_parts(spec, &draft));
    findings.extend(unplaced_finding(&unplaced));
    findings.extend(unplaced_pictures_finding(&draft.unplaced_pictures));
    findings.extend(conform::findings(spec, formatting));
    findings.sort_by_key(|f| f.kind);
    let field = |id: &str| draft.fields.get(id).cloned().unwrap_or_default();
    let coverage = crate::proof::coverage(spec, &draft);
    let mut parts = review::budgets(spec, &draft);
    if let Some(whole) = parts.first_mut() {
        whole.words = words;
        whole.state = whole.budget.as_ref().map(|b| b.state(words));
    }
    Report {
        template: spec.name.clone(),
        unit: field("单位"),
        person: field("姓名"),
        parts,
        estimate,
        own_pages,
        saved_pages,
        page_limit: spec.page_limit.map(|l| l.max),
        pictures,
        picture_bytes,
        hints: crate::proof::hints(spec, &draft).len(),
        covered: coverage.iter().filter(|c| !c.found.is_empty()).count(),
        scored: coverage.len(),
        unplaced: draft.unplaced.clone(),
        findings,
        paragraphs: texts(formatting),
    }
}

/// The file's pages over the template's limit, whatever the estimate in the
/// template's format says: its own pages, or the count its producer saved
/// when that is believed and over (what the drafter saw in Word or WPS).
fn pages_over_limit(spec: &FormSpec, own: u32, saved: Option<&saved::SavedPages>) -> Option<Finding> {
    let limit = spec.page_limit?;
    let saved = saved.filter(|s| s.fresh);
    let message = match saved {
        Some(s) if s.pages > limit.max && own <= limit.max => {
            format!("文件是{}，超过上限{}页（按文件自己的格式排是{own}页）", s.describe(), limit.max)
        }
        _ if own > limit.max => {
            let saved = saved.filter(|s| s.pages != own).map(|s| format!("（{}）", s.describe())).unwrap_or_default();
            format!("文件按自己的格式排是{own}页{saved}，超过上限{}页", limit.max)
        }
        _ => return None,
    };
    Some(Finding {
        kind: Kind::Pages,
        severity: if limit.in_principle { Severity::Note } else { Severity::MustFix },
        place: "全文".into(),
        message,
    })
}

/// Headed parts the template requires that the file does not have at all
/// (review's checks look inside the parts a draft has).
fn missing_parts(spec: &FormSpec, draft: &Draft) -> Vec<Finding> {
    fn walk(nodes: &[crate::spec::Node], parts: &crate::draft::Parts, out: &mut Vec<Finding>) {
        for node in nodes {
            let items = parts.get(&node.id).map_or(&[][..], Vec::as_slice);
            let required = node.repeat.as_ref().is_none_or(|r| r.min > 0);
            if items.is_empty() && required {
                if let NodeKind::Heading { title: Some(title), .. } = &node.kind {
                    out.push(Finding::must_fix(Kind::Structure, "", format!("缺少“{}”这一部分", title.source)));
                }
            }
            for item in items {
                walk(&node.children, &item.parts, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(&spec.body, &draft.body, &mut out);
    out
}
