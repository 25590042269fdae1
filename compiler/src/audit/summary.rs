//! A checked file as the desk keeps it: every figure of its row, its findings
//! and its text, in plain data (JSON between the checking worker and the page,
//! and in the browser's storage); the table, the workbook and the 修改意见 are
//! made from it.

use serde::{Deserialize, Serialize};

use super::group::Companion;
use super::{Finding, Report, Severity};

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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The file's name (`附件.zip/述职报告.docx` for one inside a zip).
    pub file: String,
    /// Why it could not be checked; then nothing below is filled.
    pub unreadable: Option<String>,
    pub template: String,
    pub unit: String,
    pub person: String,
    pub words: usize,
    pub budget: String,
    pub parts: Vec<PartLine>,
    /// `约9页`, or `约6–7页` when the two engines differ.
    pub pages: String,
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
    /// `随党建工作述职报告`), set by [`super::group::relate`].
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
    /// A file's summary: what checking it gave, or why it could not be checked.
    pub fn of(file: &str, result: &Result<Report, String>) -> Summary {
        let empty = Summary {
            file: file.to_string(),
            unreadable: None,
            template: String::new(),
            unit: String::new(),
            person: String::new(),
            words: 0,
            budget: String::new(),
            parts: Vec::new(),
            pages: String::new(),
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
        };
        let r = match result {
            Ok(r) => r,
            Err(reason) => return Summary { unreadable: Some(reason.clone()), ..empty },
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

    /// How many findings must be fixed.
    pub fn must_fix(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::MustFix).count()
    }

    /// 可以报送: read, and nothing must be fixed.
    pub fn passes(&self) -> bool {
        self.unreadable.is_none() && self.must_fix() == 0
    }

    /// 可以报送 / 可以报送（1条提醒） / 需要修改（3处） / 读不了.
    pub fn verdict(&self) -> String {
        if self.unreadable.is_some() {
            return "读不了".into();
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
        if let Some(reason) = &self.unreadable {
            return format!("{title}：文件读不了。{reason}。\n");
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
