//! The form spec: what a template compiles to. Serialisable and versioned; the app
//! builds its form from this alone, the renderer and the page model read its style.

use serde::{Deserialize, Serialize};

pub const FORM_FORMAT: &str = "wengao-form";
pub const FORM_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormSpec {
    /// Always [`FORM_FORMAT`].
    pub format: String,
    /// [`FORM_VERSION`] of the compiler that wrote it.
    pub version: u32,
    /// The template's name, e.g. 党建工作述职报告.
    pub name: String,
    pub description: Option<String>,
    /// Budget of the whole document (everything Word would count in the body).
    pub budget: Option<Budget>,
    pub page_limit: Option<PageLimit>,
    pub prompt: Option<String>,
    /// Who the document is by (the .docx's author), e.g. `{姓名}`.
    pub author: Option<TemplateText>,
    pub fields: Vec<Field>,
    /// Title, subtitle and date lines, in document order.
    pub lines: Vec<FixedLine>,
    pub body: Vec<Node>,
    pub style: Style,
    /// The proofreading checks the form runs (校对：); all of them unless the
    /// template says otherwise.
    #[serde(default = "Check::all")]
    pub checks: Vec<Check>,
    /// The items readers score the report by (测评指标), for the coverage panel.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scoring: Vec<ScoringItem>,
    /// The report this one is sent with, and how many of it go with each (随附):
    /// the desk groups a unit's files by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accompanies: Option<Accompanies>,
    /// How long the 摘要 for publication may be (摘要：约600字): the office
    /// publishes an extract of each report built from its structure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extract_budget: Option<Budget>,
    /// The grades of the 测评表 built from the 测评指标 (测评等次：好、较好、一般、差),
    /// best first; empty when the template does not say.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grades: Vec<String>,
    /// How long the report may take read aloud (述职时长：15分钟, 语速：…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaking: Option<Speaking>,
}

/// Reading pace when the template does not say, 字 a minute: the seed pairs a
/// report of about 3000字 with a talk of 15 minutes (三(一)1 and 4), 200 a
/// minute — the pace of a report read from the page, slower than the news
/// (about 250 to 300).
pub const DEFAULT_PACE: u32 = 200;

/// A speaking-time budget: the time allowed (whole minutes, as a budget) and
/// the pace that turns 字数 into time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaking {
    pub minutes: Budget,
    pub pace: u32,
}

impl Speaking {
    /// Seconds to read `words` aloud.
    pub fn seconds(&self, words: usize) -> u64 {
        (words as u64 * 60).div_ceil(u64::from(self.pace.max(1)))
    }

    /// Reading `words` against the time allowed: exactly, as 字 × 60 against
    /// seconds × pace (13.5 minutes at 200 a minute is 2700字; 2699 is short).
    pub fn state(&self, words: usize) -> BudgetState {
        let spoken = words as u64 * 60;
        let pace = u64::from(self.pace.max(1));
        let (min, max) = match self.minutes.rule {
            // ±tolerance of the minutes, in seconds (not rounded to whole minutes).
            BudgetRule::About { target, tolerance_percent } => {
                let t = u64::from(tolerance_percent.min(100));
                (target as u64 * 60 * (100 - t), Some(target as u64 * 60 * (100 + t)))
            }
            _ => (self.minutes.min as u64 * 6000, self.minutes.max.map(|m| m as u64 * 6000)),
        };
        // Both sides in hundredths of a second × pace.
        if spoken * 100 < min * pace {
            BudgetState::Short
        } else if max.is_some_and(|m| spoken * 100 > m * pace) {
            BudgetState::Over
        } else {
            BudgetState::Fits
        }
    }

    /// The time to read `words`, to the half minute: 约14.5分钟 (不到半分钟 under 15 seconds).
    pub fn describe_time(&self, words: usize) -> String {
        match self.seconds(words) {
            0..15 => "不到半分钟".into(),
            seconds => format!("约{}", half_minutes(seconds)),
        }
    }

    /// The time allowed, as the form shows it: 约15分钟（13.5–16.5分钟）, 不超过15分钟.
    pub fn describe(&self) -> String {
        match self.minutes.rule {
            BudgetRule::About { target, tolerance_percent } => {
                let low = target as u64 * 60 * u64::from(100 - tolerance_percent.min(100)) / 100;
                let high = target as u64 * 60 * u64::from(100 + tolerance_percent) / 100;
                // In tenths of a minute, inward (low up, high down): what is
                // shown is within what [`Speaking::state`] accepts.
                format!("约{target}分钟（{}–{}分钟）", tenths(low.div_ceil(6)), tenths(high / 6))
            }
            BudgetRule::AtLeast { target } => format!("不少于{target}分钟"),
            BudgetRule::AtMost { target } => format!("不超过{target}分钟"),
            BudgetRule::Between { from, to } => format!("{from}–{to}分钟"),
        }
    }
}

/// Tenths of a minute as the form writes them: 135 → 13.5, 150 → 15.
fn tenths(n: u64) -> String {
    match n % 10 {
        0 => format!("{}", n / 10),
        d => format!("{}.{d}", n / 10),
    }
}

/// Seconds as minutes to the nearest half (halves up): 870 → 14.5分钟.
fn half_minutes(seconds: u64) -> String {
    let halves = (seconds + 15) / 30;
    if halves.is_multiple_of(2) {
        format!("{}分钟", halves / 2)
    } else {
        format!("{}.5分钟", halves / 2)
    }
}

/// `随附：党建工作述职报告，1至2篇`: a case goes with a unit's report, one or two of
/// them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accompanies {
    /// The report template's name (its `模板：` line).
    pub report: String,
    pub min: u32,
    pub max: Option<u32>,
}

impl Accompanies {
    /// `1至2篇`, `至少1篇`.
    pub fn describe(&self) -> String {
        match self.max {
            Some(max) if max == self.min => format!("{max}篇"),
            Some(max) => format!("{}至{max}篇", self.min),
            None => format!("至少{}篇", self.min),
        }
    }
}

/// A proofreading check (GB/T 15834 标点符号用法, GB/T 15835 出版物上数字用法, as
/// they apply to 公文). `compiler/src/proof.rs` runs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Check {
    /// , . ; : ? ! ( ) in Chinese text.
    HalfWidthPunctuation,
    /// “” ‘’ 《》 （） unpaired, or straight quotes in Chinese text.
    Pairs,
    /// 。。 ，， and the like.
    DoubledPunctuation,
    /// Spaces between two Chinese characters.
    SpaceBetweenHan,
    /// Full-width digits and Latin letters: ２０２６, ＧＤＰ.
    FullWidthAlphanumeric,
    /// A 一是 lead sentence ending in another mark than 。.
    LeadStop,
    /// An abbreviated year: 26年度, 26年3月.
    ShortYear,
}

impl Check {
    pub const ALL: [Check; 7] = [
        Check::HalfWidthPunctuation,
        Check::Pairs,
        Check::DoubledPunctuation,
        Check::SpaceBetweenHan,
        Check::FullWidthAlphanumeric,
        Check::LeadStop,
        Check::ShortYear,
    ];

    pub fn all() -> Vec<Check> {
        Check::ALL.to_vec()
    }

    /// The name a template writes after 校对：.
    pub fn name(self) -> &'static str {
        match self {
            Check::HalfWidthPunctuation => "半角标点",
            Check::Pairs => "引号括号配对",
            Check::DoubledPunctuation => "重复标点",
            Check::SpaceBetweenHan => "多余空格",
            Check::FullWidthAlphanumeric => "全角数字字母",
            Check::LeadStop => "一是句号",
            Check::ShortYear => "年份简写",
        }
    }

    pub fn from_name(name: &str) -> Option<Check> {
        Check::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// An item readers score the report by, with the words that show the text
/// speaks to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoringItem {
    pub name: String,
    pub description: Option<String>,
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub id: String,
    pub label: String,
    #[serde(flatten)]
    pub kind: FieldKind,
    pub default: Option<String>,
    pub required: bool,
    pub prompt: Option<String>,
    pub example: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FieldKind {
    Text,
    Year,
    YearMonth,
    Choice {
        options: Vec<String>,
    },
    /// A table column numbered 1, 2, 3… by row (类型：序号): never typed,
    /// renumbered whenever rows are added, moved or removed.
    RowNumber,
}

/// Text with placeholders, such as `{年度}年党建工作述职报告`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TemplateText {
    /// The text as written in the template.
    pub source: String,
    pub pieces: Vec<Piece>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Piece {
    Text { text: String },
    Field { field: String, part: Option<DatePart> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePart {
    Year,
    Month,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FixedLine {
    pub role: Role,
    pub text: TemplateText,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Unique in the template; drafts store their texts under it.
    pub id: String,
    #[serde(flatten)]
    pub kind: NodeKind,
    /// How many times the drafter may repeat this node (rows, for a table).
    pub repeat: Option<Repeat>,
    /// Budget of one occurrence, heading included.
    pub budget: Option<Budget>,
    pub prompt: Option<String>,
    pub example: Option<String>,
    /// Prompts shown only when a choice field has a given value.
    pub conditional_prompts: Vec<ConditionalPrompt>,
    /// Whether the drafter must fill the node's own text.
    pub required: bool,
    /// Whether the template asks this part to speak with numbers (数据：要).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub needs_data: bool,
    pub children: Vec<Node>,
}

impl Node {
    /// Occurrences (table rows, for a table) the template requires: the repeat
    /// minimum, which may be 0 (至少0项), else 1.
    pub fn required_items(&self) -> usize {
        self.repeat.map_or(1, |r| r.min as usize)
    }

    /// The most occurrences a draft may hold: a table has one (its repeat limits
    /// count rows, see [`Node::max_rows`]), a node without a repeat one, else the
    /// repeat's maximum (None: no limit).
    pub fn max_items(&self) -> Option<usize> {
        match (&self.kind, self.repeat) {
            (NodeKind::Table { .. }, _) | (_, None) => Some(1),
            (_, Some(r)) => r.max.map(|m| m as usize),
        }
    }

    /// The most rows a table's occurrence may hold (None: no limit, or not a table).
    pub fn max_rows(&self) -> Option<usize> {
        match self.kind {
            NodeKind::Table { .. } => self.repeat.and_then(|r| r.max).map(|m| m as usize),
            _ => None,
        }
    }

    /// Occurrences (table rows) a form keeps and an example writes: the required
    /// ones, and at least one, so that an optional part still has a place to type.
    pub fn least_items(&self) -> usize {
        self.required_items().max(1)
    }

    /// The fewest 字 this node's budgets ask for, repeats at their minimum: its own
    /// budget's minimum or its children's together, whichever is more.
    pub fn min_words(&self) -> usize {
        let children: usize = self.children.iter().map(Node::min_words).fold(0, usize::saturating_add);
        let times = self.required_items();
        self.budget.as_ref().map_or(0, |b| b.min).max(children).saturating_mul(times)
    }

    /// Heading lines at the minimum repeats (一、 and （一） take a line of their own).
    pub fn min_heading_lines(&self) -> u32 {
        let own = u32::from(matches!(self.kind, NodeKind::Heading { .. }));
        let children: u32 = self.children.iter().map(Node::min_heading_lines).fold(0, u32::saturating_add);
        own.saturating_add(children).saturating_mul(u32::try_from(self.required_items()).unwrap_or(u32::MAX))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NodeKind {
    /// 一、 or （一）: a heading line; `title` None means the drafter writes it.
    Heading {
        level: u8,
        title: Option<TemplateText>,
    },
    /// 一是……: a bold lead sentence and plain text, in one paragraph.
    Point {
        lead: Option<TemplateText>,
    },
    /// Body text: one paragraph, or several.
    Text {
        multiple_paragraphs: bool,
    },
    Pictures {
        min: u32,
        max: u32,
        formats: Vec<PictureFormat>,
        caption_label: String,
    },
    Table {
        title: Option<TemplateText>,
        columns: Vec<Column>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PictureFormat {
    Jpeg,
    Png,
}

impl PictureFormat {
    pub fn label(self) -> &'static str {
        match self {
            PictureFormat::Jpeg => "JPEG",
            PictureFormat::Png => "PNG",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub id: String,
    pub label: String,
    #[serde(flatten)]
    pub kind: FieldKind,
    pub prompt: Option<String>,
    /// Share of the table width, in percent; None shares the rest evenly.
    pub width_percent: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repeat {
    pub min: u32,
    pub max: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConditionalPrompt {
    pub field: String,
    pub equals: String,
    pub text: String,
}

/// A 字数 budget. `min`/`max` are the inclusive bounds of 合适.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Budget {
    #[serde(flatten)]
    pub rule: BudgetRule,
    pub min: usize,
    pub max: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum BudgetRule {
    /// 约N字 / N字左右, within ±tolerance percent.
    About {
        target: usize,
        tolerance_percent: u32,
    },
    AtLeast {
        target: usize,
    },
    AtMost {
        target: usize,
    },
    Between {
        from: usize,
        to: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetState {
    /// 不足
    Short,
    /// 合适
    Fits,
    /// 超出
    Over,
}

impl BudgetState {
    pub fn label(self) -> &'static str {
        match self {
            BudgetState::Short => "不足",
            BudgetState::Fits => "合适",
            BudgetState::Over => "超出",
        }
    }
}

impl Budget {
    pub fn new(rule: BudgetRule) -> Self {
        let (min, max) = match rule {
            BudgetRule::About { target, tolerance_percent } => {
                let delta = target * tolerance_percent as usize;
                // Rounded to the nearest whole 字, halves up.
                let down = (target * 100 - delta + 50) / 100;
                let up = (target * 100 + delta + 50) / 100;
                (down, Some(up))
            }
            BudgetRule::AtLeast { target } => (target, None),
            BudgetRule::AtMost { target } => (0, Some(target)),
            BudgetRule::Between { from, to } => (from, Some(to)),
        };
        Budget { rule, min, max }
    }

    pub fn state(&self, words: usize) -> BudgetState {
        if words < self.min {
            BudgetState::Short
        } else if self.max.is_some_and(|m| words > m) {
            BudgetState::Over
        } else {
            BudgetState::Fits
        }
    }

    /// The budget in words, as the form shows it: 约1500字（1350–1650字）.
    pub fn describe(&self) -> String {
        match self.rule {
            BudgetRule::About { target, .. } => {
                format!("约{target}字（{}–{}字）", self.min, self.max.unwrap_or(target))
            }
            BudgetRule::AtLeast { target } => format!("不少于{target}字"),
            BudgetRule::AtMost { target } => format!("不超过{target}字"),
            BudgetRule::Between { from, to } => format!("{from}–{to}字"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageLimit {
    pub max: u32,
    /// 原则上: a limit the drafter should keep, not one the form enforces.
    pub in_principle: bool,
}

/// Typographic roles a style sheet gives a style to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Title,
    Subtitle,
    Date,
    Heading1,
    Heading2,
    Heading3,
    Body,
    Caption,
    Table,
    PageNumber,
}

impl Role {
    pub const ALL: [Role; 10] = [
        Role::Title,
        Role::Subtitle,
        Role::Date,
        Role::Heading1,
        Role::Heading2,
        Role::Heading3,
        Role::Body,
        Role::Caption,
        Role::Table,
        Role::PageNumber,
    ];

    /// The role's name in templates and style sheets.
    pub fn name(self) -> &'static str {
        match self {
            Role::Title => "标题",
            Role::Subtitle => "副标题",
            Role::Date => "日期",
            Role::Heading1 => "一级标题",
            Role::Heading2 => "二级标题",
            Role::Heading3 => "三级标题",
            Role::Body => "正文",
            Role::Caption => "图片说明",
            Role::Table => "表格",
            Role::PageNumber => "页码",
        }
    }

    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }

    pub fn heading(level: u8) -> Role {
        match level {
            1 => Role::Heading1,
            2 => Role::Heading2,
            _ => Role::Heading3,
        }
    }
}

/// A resolved style sheet, all lengths in twips (1/20 pt) and sizes in half-points,
/// the units of WordprocessingML.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Style {
    pub name: String,
    pub page: Page,
    pub line_spacing: LineSpacing,
    pub roles: Vec<RoleStyle>,
    pub page_number: PageNumberStyle,
}

impl Style {
    pub fn role(&self, role: Role) -> &RoleStyle {
        self.roles.iter().find(|r| r.role == role).expect("every role is resolved")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    pub width: u32,
    pub height: u32,
    pub margin_top: u32,
    pub margin_bottom: u32,
    pub margin_left: u32,
    pub margin_right: u32,
    pub gutter: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum LineSpacing {
    /// 固定值 N 磅, in twips.
    Exact { twips: u32 },
    /// 最小值 N 磅, in twips.
    AtLeast { twips: u32 },
    /// N 倍行距, in 1/100 lines.
    Multiple { percent: u32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    Left,
    Center,
    Right,
    Justify,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleStyle {
    pub role: Role,
    /// East Asian font, e.g. 仿宋_GB2312.
    pub font: String,
    /// Font for Latin letters and digits.
    pub latin_font: String,
    pub size_half_points: u32,
    pub bold: bool,
    pub align: Align,
    /// First-line indent in 1/100 characters (Word's w:firstLineChars).
    pub first_line_indent_chars_x100: u32,
    pub line_spacing: LineSpacing,
    pub space_before: u32,
    pub space_after: u32,
    pub numbering: Option<Numbering>,
}

/// Automatic numbering: prefix, counter, suffix — 一、 / （一） / 一是 / 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Numbering {
    pub prefix: String,
    pub digits: Digits,
    pub suffix: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Digits {
    /// 一、二、……十一
    Chinese,
    /// 1, 2, 3
    Arabic,
}

impl Numbering {
    /// The label of the `n`-th item (1-based): `（三）`.
    pub fn label(&self, n: u32) -> String {
        let number = match self.digits {
            Digits::Chinese => chinese_number(n),
            Digits::Arabic => n.to_string(),
        };
        format!("{}{}{}", self.prefix, number, self.suffix)
    }
}

/// Chinese numerals as used in headings: 一 … 十、十一 … 九十九、一百、一百零一 … 九百九十九.
pub fn chinese_number(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", if n.is_multiple_of(10) { "" } else { D[(n % 10) as usize] }),
        20..=99 => format!("{}十{}", D[(n / 10) as usize], if n.is_multiple_of(10) { "" } else { D[(n % 10) as usize] }),
        100..=999 => {
            let rest = n % 100;
            let tail = match rest {
                0 => String::new(),
                1..=9 => format!("零{}", D[rest as usize]),
                // 一百一十, not 一百十.
                10..=19 => format!("一{}", chinese_number(rest)),
                _ => chinese_number(rest),
            };
            format!("{}百{tail}", D[(n / 100) as usize])
        }
        _ => n.to_string(),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageNumberStyle {
    /// Text before and after the number: "— " and " —".
    pub prefix: String,
    pub suffix: String,
    pub font: String,
    pub latin_font: String,
    pub size_half_points: u32,
    pub odd: Align,
    pub even: Align,
    /// Distance from the bottom of the type area to the number line, in twips.
    pub below_text: u32,
    /// Inset from the outer edge, in 1/100 characters (GB/T 9704: 空一字).
    pub inset_chars_x100: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn about_budget_rounds_to_whole_characters() {
        let b = Budget::new(BudgetRule::About { target: 1500, tolerance_percent: 10 });
        assert_eq!((b.min, b.max), (1350, Some(1650)));
        assert_eq!(b.state(1349), BudgetState::Short);
        assert_eq!(b.state(1350), BudgetState::Fits);
        assert_eq!(b.state(1651), BudgetState::Over);
        let b = Budget::new(BudgetRule::About { target: 805, tolerance_percent: 10 });
        assert_eq!((b.min, b.max), (725, Some(886)));
    }

    #[test]
    fn chinese_numerals() {
        let got: Vec<String> = [1, 9, 10, 11, 20, 21, 99, 100, 101, 110, 115, 120, 999].into_iter().map(chinese_number).collect();
        assert_eq!(
            got,
            ["一", "九", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零一", "一百一十", "一百一十五", "一百二十", "九百九十九"]
        );
    }
}
