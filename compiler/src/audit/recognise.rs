//! Which template a received file is written for, if any. Each template's
//! form takes the file in (the importer's mapping) and the fit is measured in
//! parts a clerk can read: how much of the first line is the template's title,
//! how many of the template's headings the file names by their words, how many
//! fields the title lines give, and how much of the file the form takes in.
//! The best fit is the guess; it is the file's template only when it fits well
//! enough ([`Fit::fits`]), so that a 入党申请书 or a supplier's notice is
//! 未识别 rather than forced onto the nearest template. The threshold was
//! chosen on a labelled set (compiler/tests/recognition.rs prints its table).

use crate::import::{self, WordBlock, WordFile};
use crate::spec::{FormSpec, Node, NodeKind, Piece, Role};

/// How well a file fits one template.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// How much the file's first line (or its first two, joined) is the template's title words (0–1).
    pub title: f64,
    /// The template's headings the file names by their words, and how many it has.
    pub headings: (usize, usize),
    /// Fields read from the title lines (单位, 姓名…), at most two counted.
    pub fields: usize,
    /// The share of the file's 字 the form takes in (placed, or the template's own words).
    pub taken: f64,
    /// The share left over (未归类).
    pub left: f64,
}

impl Fit {
    /// One figure to rank templates by.
    pub fn score(&self) -> f64 {
        let headings = if self.headings.1 == 0 { 0.0 } else { self.headings.0 as f64 / self.headings.1 as f64 };
        self.title + headings + 0.2 * self.fields.min(2) as f64 + 0.5 * self.taken - 0.5 * self.left
    }

    /// Whether the file is written for the template: its title, or most of
    /// its headings, are the template's.
    pub fn fits(&self) -> bool {
        self.score() >= THRESHOLD
    }

    /// The fit in a clerk's words: `标题对上了90%，模板的3个小标题找到3个，标题行里读到2项`
    /// (how much text the form could take is left out: a form with a free
    /// text takes in any letter, so it tells nothing).
    pub fn describe(&self) -> String {
        let mut out = format!("标题对上了{}%", (self.title * 100.0).round());
        if self.headings.1 > 0 {
            out.push_str(&format!("，模板的{}个小标题找到{}个", self.headings.1, self.headings.0));
        }
        out.push_str(&format!("，标题行里读到{}项", self.fields));
        out
    }
}

/// The score a file must reach to be taken as written for a template. Chosen
/// on the labelled set (tests/fixtures/recognition/fits.txt), between the
/// highest document that is no report (0.71: a 会议纪要, against
/// 发展党员工作台账) and the lowest report (1.19: python-docx's 整改清单, whose
/// title lacks the unit and the year). A 红头 通知 on 发展党员工作 reached
/// 1.04 once its 版头 was read as such, until a title naming another kind
/// (通知) stopped matching.
pub const THRESHOLD: f64 = 1.0;

/// The template a file fits best, and how well.
#[derive(Debug, Clone)]
pub struct Recognition<'s> {
    pub spec: &'s FormSpec,
    pub fit: Fit,
}

impl Recognition<'_> {
    /// Whether the best guess is good enough to check the file as it.
    pub fn recognised(&self) -> bool {
        self.fit.fits()
    }

    /// Why a file was not recognised: its best guess and how far off it is.
    pub fn why_not(&self) -> String {
        format!("不像是任何一种要求报送的材料：最像“{}”，但{}", self.spec.name, self.fit.describe())
    }
}

/// Every template's fit with the file, best first by [`Fit::score`]; the first is the guess.
pub fn recognise<'s>(file: &WordFile, specs: &'s [FormSpec]) -> Option<Recognition<'s>> {
    // The first line, and the first two joined (a title set over two lines),
    // under a 公文's 版头 if the file has one.
    let official = import::official::official_blocks(&file.blocks);
    let mut lines = file.blocks.iter().enumerate().filter_map(|(at, b)| match b {
        WordBlock::Paragraph(p) if !p.text.trim().is_empty() && !official.contains(&at) => Some(p.text.trim()),
        _ => None,
    });
    let first_line = lines.next();
    // A first line that names its kind is a whole title: the next is no more of it.
    let two_lines = first_line.filter(|line| kind(line).is_none()).zip(lines.next()).map(|(a, b)| format!("{a}{b}"));
    let title = |words: &str| {
        let one = first_line.map_or(0.0, |line| title_match(words, line));
        two_lines.as_deref().map_or(one, |two| one.max(title_match(words, two)))
    };
    specs
        .iter()
        .map(|spec| {
            let imported = import::map(spec, file.clone());
            let a = &imported.accounting;
            let read = a.read.max(1) as f64;
            let fit = Fit {
                title: title(&title_words(spec)),
                headings: (a.headings, titled_headings(&spec.body)),
                fields: spec.fields.len() - imported.unread_fields.len(),
                taken: (a.placed + a.template + a.numbering) as f64 / read,
                left: a.unplaced as f64 / read,
            };
            Recognition { spec, fit }
        })
        .max_by(|a, b| a.fit.score().total_cmp(&b.fit.score()))
}

/// A template's title without its fields: `年党建工作述职报告`.
pub(crate) fn title_words(spec: &FormSpec) -> String {
    spec.lines
        .iter()
        .filter(|l| l.role == Role::Title)
        .flat_map(|l| &l.text.pieces)
        .filter_map(|p| match p {
            Piece::Text { text } => Some(text.as_str()),
            Piece::Field { .. } => None,
        })
        .collect()
}

/// How much a first line is a template's title words, both ways (the F-measure
/// of the share of the line's characters in the title and of the title's in the
/// line), digits aside (a year is a field): 1 for “2026年党建工作述职报告”,
/// 0.83 for “述职评议问题整改清单” against 年度党建述职评议问题整改清单.
pub(crate) fn title_match(title: &str, line: &str) -> f64 {
    // A title names its document's kind last (its 文种): a line that ends in
    // another kind than the template's is another document, whatever its words
    // (关于做好发展党员工作的通知 is no 发展党员工作台账).
    if kind(line).is_some_and(|kind| !title.ends_with(kind)) {
        return 0.0;
    }
    let keep = |c: &char| c.is_alphanumeric() && !c.is_ascii_digit() && *c != '的';
    let title: Vec<char> = title.chars().filter(keep).collect();
    let line: Vec<char> = line.chars().filter(keep).collect();
    if title.is_empty() || line.is_empty() {
        return 0.0;
    }
    let precision = line.iter().filter(|c| title.contains(c)).count() as f64 / line.len() as f64;
    let recall = title.iter().filter(|c| line.contains(c)).count() as f64 / title.len() as f64;
    if precision + recall == 0.0 {
        return 0.0;
    }
    2.0 * precision * recall / (precision + recall)
}

/// The kinds of document a title ends with (公文's 文种 and the like).
const KINDS: [&str; 25] = [
    "通知",
    "通报",
    "意见",
    "决定",
    "决议",
    "请示",
    "批复",
    "函",
    "纪要",
    "方案",
    "办法",
    "规定",
    "细则",
    "申请书",
    "汇报",
    "总结",
    "讲话",
    "公告",
    "通告",
    "命令",
    "报告",
    "清单",
    "台账",
    "案例",
    "计划",
];

/// The kind a title line ends with, if it names one (a date in brackets after it aside).
fn kind(line: &str) -> Option<&'static str> {
    let end = line.trim_end_matches(|c: char| c.is_whitespace() || "（）()〔〕0123456789年月日".contains(c));
    KINDS.iter().copied().find(|kind| end.ends_with(kind))
}

/// The headings with a fixed title (not the drafter's own, repeated ones).
fn titled_headings(nodes: &[Node]) -> usize {
    nodes.iter().map(|n| usize::from(matches!(n.kind, NodeKind::Heading { title: Some(_), .. })) + titled_headings(&n.children)).sum()
}
