//! A checked file as the desk keeps it: every figure of its row, its findings
//! and its text, in plain data (JSON between the checking worker and the page,
//! and in the browser's storage); the table, the workbook and the 修改意见 are
//! made from it.

use serde::{Deserialize, Serialize};

use super::{Finding, Report, Severity};
use crate::spec::Accompanies;

/// Files of another template that go with a file of this one: 1 to 2
/// 基层党建创新案例 with a 党建工作述职报告.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Companion {
    pub template: String,
    pub rule: Accompanies,
}

/// A part's 字数 against its budget: `“一、履职主要情况和特点”1443字（约1500字，合适）`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartLine {
    pub label: String,
    pub words: usize,
    /// The budget in words (`约1500字（1350–1650字）`), empty when there is none.
    pub budget: String,
    /// 不足 / 合适 / 超出, empty when there is no budget.
    pub state: String,
}

/// Why a file was not checked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SetAside {
    /// A file that may be the report but cannot be read (an old .doc, a PDF, a
    /// scan, a broken file): the reason says what to ask the unit for.
    #[default]
    Unreadable,
    /// Not a report at all: the mail's body, a text note.
    NotReport,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The file's name (`附件.zip/述职报告.docx` for one inside a zip).
    pub file: String,
    /// Why it was not checked; then nothing below is filled. (Stored batches
    /// before session 15 call it `unreadable`.)
    #[serde(alias = "unreadable")]
    pub unchecked: Option<String>,
    /// What kind of reason `unchecked` gives.
    #[serde(default)]
    pub set_aside: SetAside,
    /// The file's bytes, identified (`batch::fingerprint`): the same file sent
    /// twice, under two names or in two zips, is checked once.
    #[serde(default)]
    pub digest: String,
    /// The earlier row with the very same bytes, set by group.rs's `relate`:
    /// this one is left out of every count.
    #[serde(default)]
    pub duplicate_of: Option<String>,
    /// Why no template fits the file (its best guess, how far off): 未识别,
    /// no format verdict, left out of the meeting's papers until the clerk
    /// chooses a template for it. Its 字数 and 图片 are still the file's.
    #[serde(default)]
    pub unrecognised: Option<String>,
    pub template: String,
    pub unit: String,
    pub person: String,
    pub words: usize,
    pub budget: String,
    pub parts: Vec<PartLine>,
    /// `约9页`, or `约6–7页` when the two engines differ: the text laid out in the template's format.
    pub pages: String,
    /// The file's pages laid out in its own formatting (audit/pages.rs).
    #[serde(default)]
    pub own_pages: Option<u32>,
    /// The page count the file's producer saved with it (audit/saved.rs).
    #[serde(default)]
    pub saved_pages: Option<super::saved::SavedPages>,
    pub page_limit: Option<u32>,
    pub pictures: usize,
    pub picture_kb: usize,
    pub hints: usize,
    pub covered: usize,
    pub scored: usize,
    pub unplaced: usize,
    pub findings: Vec<Finding>,
    pub paragraphs: Vec<String>,
    /// The report template this file is sent with (a case), by its template.
    #[serde(default)]
    pub goes_with: Option<String>,
    /// The templates whose files are sent with this one (a report's cases).
    #[serde(default)]
    pub companions: Vec<Companion>,
    /// How the file stands with the rest of its unit's (`基层党建创新案例2篇`,
    /// `随党建工作述职报告`), set by group.rs's `relate`.
    #[serde(default)]
    pub pairing: String,
    /// Whether the template was chosen by the clerk rather than recognised.
    #[serde(default)]
    pub chosen: bool,
    /// Where the desk keeps the received file this row came from (empty in the CLI).
    #[serde(default)]
    pub source: String,
}

impl Summary {
    /// A row of `file` with nothing filled in.
    fn empty(file: &str) -> Summary {
        Summary {
            file: file.to_string(),
            unchecked: None,
            set_aside: SetAside::Unreadable,
            digest: String::new(),
            duplicate_of: None,
            unrecognised: None,
            template: String::new(),
            unit: String::new(),
            person: String::new(),
            words: 0,
            budget: String::new(),
            parts: Vec::new(),
            pages: String::new(),
            own_pages: None,
            saved_pages: None,
            page_limit: None,
            pictures: 0,
            picture_kb: 0,
            hints: 0,
            covered: 0,
            scored: 0,
            unplaced: 0,
            findings: Vec::new(),
            paragraphs: Vec::new(),
            goes_with: None,
            companions: Vec::new(),
            pairing: String::new(),
            chosen: false,
            source: String::new(),
        }
    }

    /// A file's summary: what checking it gave, or why it could not be checked.
    pub fn of(file: &str, result: &Result<Report, String>) -> Summary {
        let empty = Summary::empty(file);
        let r = match result {
            Ok(r) => r,
            Err(reason) => return Summary { unchecked: Some(reason.clone()), ..empty },
        };
        let line = |p: &crate::review::PartCount| PartLine {
            label: p.label.clone(),
            words: p.words,
            budget: p.budget.as_ref().map(|b| b.describe()).unwrap_or_default(),
            state: p.state.map(|s| s.label().to_string()).unwrap_or_default(),
        };
        Summary {
            template: r.template.clone(),
            unit: r.unit.clone(),
            person: r.person.clone(),
            words: r.words(),
            budget: r.parts.first().map(|p| line(p).budget).unwrap_or_default(),
            parts: r.parts.iter().skip(1).map(line).collect(),
            pages: r.estimate.pages_text(),
            own_pages: Some(r.own_pages),
            saved_pages: r.saved_pages.clone(),
            page_limit: r.page_limit,
            pictures: r.pictures,
            picture_kb: r.picture_bytes.div_ceil(1024),
            hints: r.hints,
            covered: r.covered,
            scored: r.scored,
            unplaced: r.unplaced.len(),
            findings: r.findings.clone(),
            paragraphs: r.paragraphs.clone(),
            ..empty
        }
    }

    /// A file no template fits: its own figures and why.
    pub fn unrecognised(file: &str, what: &super::Unrecognised) -> Summary {
        Summary {
            unrecognised: Some(what.why.clone()),
            words: what.words,
            own_pages: Some(what.own_pages),
            saved_pages: what.saved_pages.clone(),
            pictures: what.pictures,
            picture_kb: what.picture_bytes.div_ceil(1024),
            paragraphs: what.paragraphs.clone(),
            ..Summary::empty(file)
        }
    }

    /// A file that is no report: its row says so, and what it is.
    pub fn not_report(file: &str, what: &str) -> Summary {
        Summary { set_aside: SetAside::NotReport, ..Summary::of(file, &Err(what.to_string())) }
    }

    /// Whether the row is a checked report of its own (not unreadable, not a
    /// copy of another row): what the unit's set, the 汇编, 摘要 and 测评表 count.
    pub fn counts(&self) -> bool {
        self.unchecked.is_none() && self.duplicate_of.is_none() && self.unrecognised.is_none()
    }

    /// How many findings must be fixed.
    pub fn must_fix(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::MustFix).count()
    }

    /// 可以报送: read, and nothing must be fixed. A mail body or a second copy
    /// of a file stops nothing.
    pub fn passes(&self) -> bool {
        match &self.unchecked {
            _ if self.duplicate_of.is_some() => true,
            Some(_) => self.set_aside == SetAside::NotReport,
            None => self.unrecognised.is_none() && self.must_fix() == 0,
        }
    }

    /// 页数 for a table's cell (`9`, `9（保存时记下8页）`).
    pub fn pages_cell(&self) -> String {
        super::pages::pages_cell(self.own_pages, self.saved_pages.as_ref())
    }

    /// 页数 in full, for the file's detail.
    pub fn pages_detail(&self) -> String {
        super::pages::pages_detail(self.own_pages, self.saved_pages.as_ref())
    }

    /// 可以报送 / 可以报送（1条提醒） / 需要修改（3处） / 读不了 / 不是报告文件 / 重复.
    pub fn verdict(&self) -> String {
        match (&self.unchecked, self.set_aside) {
            _ if self.duplicate_of.is_some() => return "重复，不计".into(),
            (Some(_), SetAside::Unreadable) => return "读不了".into(),
            (Some(_), SetAside::NotReport) => return "不是报告文件".into(),
            (None, _) if self.unrecognised.is_some() => return "未识别".into(),
            (None, _) => {}
        }
        let notes = self.findings.len() - self.must_fix();
        match (self.must_fix(), notes) {
            (0, 0) => "可以报送".into(),
            (0, n) => format!("可以报送（{n}条提醒）"),
            (n, _) => format!("需要修改（{n}处）"),
        }
    }

    /// The 修改意见 for the e-mail back: what to change, numbered, by kind.
    pub fn revision_notes(&self) -> String {
        let who = [self.unit.as_str(), self.person.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" ");
        let title = if who.is_empty() { self.file.rsplit('/').next().unwrap_or(&self.file).to_string() } else { who };
        match (&self.unchecked, self.set_aside, &self.duplicate_of) {
            (_, _, Some(first)) => return format!("{title}：和“{first}”是同一个文件（内容完全相同），只按那一份检查。\n"),
            (Some(reason), SetAside::Unreadable, None) => return format!("{title}：文件读不了。{reason}。\n"),
            (Some(reason), SetAside::NotReport, None) => return format!("{title}：{reason}。\n"),
            (None, _, None) => {}
        }
        if let Some(why) = &self.unrecognised {
            return format!("{title}：这个文件{why}。请确认发来的是不是要求报送的材料。\n");
        }
        let mut out = format!("{title}的{}修改意见：\n", self.template);
        let mut n = 0;
        for f in self
            .findings
            .iter()
            .filter(|f| f.severity == Severity::MustFix)
            .chain(self.findings.iter().filter(|f| f.severity == Severity::Note))
        {
            n += 1;
            let note = if f.severity == Severity::Note { "（提醒）" } else { "" };
            let place = if f.place.is_empty() { String::new() } else { format!("{}：", f.place) };
            out.push_str(&format!("{n}. {note}[{}] {place}{}。\n", f.kind.name(), f.message.trim_end_matches('。')));
        }
        if n == 0 {
            out.push_str("对照模板检查，没有需要修改的地方。\n");
        }
        out
    }
}
