//! Diagnostics: errors and warnings as values, each with a kind, a span and a hint,
//! rendered in Chinese with file:line:column, the source line and a caret.

use crate::source::{SourceFile, Span};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Severity {
    Error,
    Warning,
}

/// Every distinct thing the compiler can complain about. The code is stable and
/// printed with the message so that users can look it up in the guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Kind {
    /// A line that is neither `键：值` nor `关键字 名称`.
    Syntax,
    /// Indentation that does not line up with an enclosing block.
    Indent,
    /// A full-width space or other invisible character used for indentation.
    IndentCharacter,
    /// `{` without `}` or the reverse.
    Brace,
    /// A key that this block does not take (misspelt, or belonging to another block).
    UnknownKey,
    /// The same key twice in one block.
    DuplicateKey,
    /// Something a block requires is missing: a field's type, a choice's options, a table's columns, a picture slot's count, a style sheet's margins.
    MissingKey,
    /// Two fields, parts or columns of one table with the same name.
    DuplicateName,
    /// A name that starts with a digit or holds spaces or punctuation.
    InvalidName,
    /// A `{placeholder}` that names no field (or no part of one).
    UnknownPlaceholder,
    /// A style sheet that cannot be found.
    UnknownStyle,
    /// A role name a style sheet does not know.
    UnknownRole,
    /// A font size name that is not one of 初号…八号 (or a size in 磅).
    UnknownFontSize,
    /// A picture format other than JPEG or PNG.
    BadPictureFormat,
    /// A range whose lower end is above its upper end (重复：5-2).
    MinAboveMax,
    /// Budgets that cannot all be met: the parts' minima add up to more than the whole's maximum.
    BudgetConflict,
    /// The budgets' minima fill more pages than the page limit allows (a warning under 原则上).
    PageLimit,
    /// A value that cannot be read: a 字数, length, line spacing, type or yes/no written otherwise.
    BadValue,
    /// A block where it cannot stand (二级 at the top, 列 outside a table).
    Misplaced,
    /// A default or condition that is not one of the field's options; an unknown 校对 item.
    UnknownOption,
    /// A 当 condition on a field that is not a single choice.
    NotAChoice,
    /// A style sheet compiled as a template.
    WrongFileKind,
    /// A 当 condition on a field that does not exist.
    UnknownField,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Syntax => "E01",
            Kind::Indent => "E02",
            Kind::IndentCharacter => "E03",
            Kind::Brace => "E04",
            Kind::UnknownKey => "E05",
            Kind::DuplicateKey => "E06",
            Kind::MissingKey => "E07",
            Kind::DuplicateName => "E08",
            Kind::InvalidName => "E09",
            Kind::UnknownPlaceholder => "E10",
            Kind::UnknownStyle => "E11",
            Kind::UnknownRole => "E12",
            Kind::UnknownFontSize => "E13",
            Kind::BadPictureFormat => "E14",
            Kind::MinAboveMax => "E15",
            Kind::BudgetConflict => "E16",
            Kind::PageLimit => "E17",
            Kind::BadValue => "E18",
            Kind::Misplaced => "E19",
            Kind::UnknownOption => "E20",
            Kind::NotAChoice => "E21",
            Kind::WrongFileKind => "E22",
            Kind::UnknownField => "E23",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub kind: Kind,
    /// Name of the file the span points into.
    pub file: String,
    pub span: Span,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic like a compiler would, for a terminal or a `<pre>`:
    ///
    /// ```text
    /// 错误[E05]：未知的键“字号大小”
    ///  --> 述职报告.wg:12:5
    ///    |
    /// 12 |     字号大小：小二
    ///    |     ^^^^^^^^
    ///    = 提示：……
    /// ```
    pub fn render(&self, file: &SourceFile) -> String {
        let (line, col) = file.line_col(self.span.start);
        let label = match self.severity {
            Severity::Error => "错误",
            Severity::Warning => "警告",
        };
        let mut out = format!("{label}[{}]：{}\n", self.kind.code(), self.message);
        let gutter = line.to_string().len();
        let pad = " ".repeat(gutter);
        out.push_str(&format!("{pad}--> {}:{line}:{col}\n", file.name));
        let text = file.line_text(line);
        out.push_str(&format!("{pad} |\n{line} | {}\n", text.replace('\t', "    ")));
        let line_start = file.line_start(line);
        let from = self.span.start - line_start;
        let to = (self.span.end.max(self.span.start) - line_start).min(text.len()).max(from);
        let lead: usize = text.get(..from.min(text.len())).map_or(0, |s| s.chars().map(display_width).sum());
        let marked: usize = text.get(from..to).map_or(0, |s| s.chars().map(display_width).sum());
        out.push_str(&format!("{pad} | {}{}\n", " ".repeat(lead), "^".repeat(marked.max(1))));
        if let Some(hint) = &self.hint {
            for (i, h) in hint.lines().enumerate() {
                let head = if i == 0 { "= 提示：" } else { "        " };
                out.push_str(&format!("{pad} {head}{h}\n"));
            }
        }
        out
    }
}

/// Columns a character takes in a terminal: wide for CJK, so carets line up.
fn display_width(c: char) -> usize {
    match c as u32 {
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x3FFFD => 2,
        0x200B..=0x200D | 0x2060 | 0xFEFF => 0,
        // Tabs are shown as four spaces.
        0x09 => 4,
        _ => 1,
    }
}

/// Collects diagnostics for one compilation.
#[derive(Debug, Default)]
pub struct Sink {
    pub items: Vec<Diagnostic>,
}

impl Sink {
    pub fn push(&mut self, kind: Kind, file: &str, span: Span, message: String, hint: Option<String>) {
        self.emit(Severity::Error, kind, file, span, message, hint);
    }

    pub fn warn(&mut self, kind: Kind, file: &str, span: Span, message: String, hint: Option<String>) {
        self.emit(Severity::Warning, kind, file, span, message, hint);
    }

    fn emit(&mut self, severity: Severity, kind: Kind, file: &str, span: Span, message: String, hint: Option<String>) {
        self.items.push(Diagnostic { severity, kind, file: file.to_string(), span, message, hint });
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }
}
