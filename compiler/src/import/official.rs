//! The parts of a 公文 around its text (GB/T 9704—2012): the 版头 at the top
//! (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人, and the red rule under
//! them) and the 版记 at the end (抄送, 印发机关和印发日期). A report sent on an
//! office's red-head paper carries them; they are not its title or its text.
//! One rule for the importer (which keeps them aside), recognition (which
//! looks for the title under them) and the desk's format check (which names
//! them instead of checking them as 标题 and 正文).

use super::word::{WordBlock, WordParagraph};

/// A part of a 公文's 版头 or 版记.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficialPart {
    CopyNumber,
    Secrecy,
    Urgency,
    IssuerMark,
    DocumentNumber,
    Signer,
    RedRule,
    CopyTo,
    Printed,
}

impl OfficialPart {
    /// The part's name in GB/T 9704.
    pub fn name(self) -> &'static str {
        match self {
            OfficialPart::CopyNumber => "份号",
            OfficialPart::Secrecy => "密级",
            OfficialPart::Urgency => "紧急程度",
            OfficialPart::IssuerMark => "发文机关标志",
            OfficialPart::DocumentNumber => "发文字号",
            OfficialPart::Signer => "签发人",
            OfficialPart::RedRule => "红色分隔线",
            OfficialPart::CopyTo => "抄送",
            OfficialPart::Printed => "印发机关和印发日期",
        }
    }
}

/// The longest line taken for a part of the 版头 (a 发文机关标志 of a joint
/// issue runs long; a title or a sentence is no part).
const MAX_PART_CHARS: usize = 40;

/// What a line at the top of a file is in a 版头, if anything; `red` when
/// most of its characters are red (a 发文机关标志 need not end in 文件: a
/// letter's is the office's name alone).
pub fn head_part(text: &str, red: bool) -> Option<OfficialPart> {
    let line: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let chars = line.chars().count();
    if chars == 0 || chars > MAX_PART_CHARS {
        return None;
    }
    if line.starts_with("签发人") {
        return Some(OfficialPart::Signer);
    }
    if document_number(&line) {
        return Some(OfficialPart::DocumentNumber);
    }
    if (3..=8).contains(&chars) && line.chars().all(|c| c.is_ascii_digit()) {
        return Some(OfficialPart::CopyNumber);
    }
    if ["绝密", "机密", "秘密"].iter().any(|s| line.starts_with(s)) && chars <= 12 {
        return Some(OfficialPart::Secrecy);
    }
    if ["特急", "加急", "平急", "特提"].contains(&line.as_str()) {
        return Some(OfficialPart::Urgency);
    }
    let sentence = line.contains(['，', '。', '：', '；', '、', '“', '（', '(']);
    if !sentence && !line.starts_with("关于") && (red || line.ends_with("文件")) {
        return Some(OfficialPart::IssuerMark);
    }
    None
}

/// `XX党发〔2027〕3号` (any of the brackets people type for 〔〕), with a
/// 签发人 after it on the same line or not.
fn document_number(line: &str) -> bool {
    let line = line.split("签发人").next().unwrap_or(line);
    let Some(open) = line.find(['〔', '[', '［', '(', '（', '【']) else { return false };
    let (agency, rest) = line.split_at(open);
    let rest: Vec<char> = rest.chars().skip(1).collect();
    let year = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    let after: String = rest.iter().skip(year + 1).collect();
    let closes = rest.get(year).is_some_and(|c| ['〕', ']', '］', ')', '）', '】'].contains(c));
    let serial = after.strip_suffix('号').is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    !agency.is_empty() && agency.chars().count() <= 12 && year == 4 && closes && serial
}

/// What a line at the end of a file is in a 版记, if anything.
pub fn record_part(text: &str) -> Option<OfficialPart> {
    let line: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if line.chars().count() > 2 * MAX_PART_CHARS {
        return None;
    }
    if line.starts_with("抄送：") || line.starts_with("抄送:") {
        return Some(OfficialPart::CopyTo);
    }
    let dated = line.strip_suffix("印发").is_some_and(|l| l.ends_with('日') && l.contains('年') && l.contains('月'));
    dated.then_some(OfficialPart::Printed)
}

/// How many lines at the top of `lines` (a file's paragraphs with text, as
/// text and whether red) make a 版头, with what each is: none unless one of
/// them is a 发文机关标志 or a 发文字号 (a 特急 alone makes no 公文).
pub fn head<'t>(lines: impl IntoIterator<Item = (&'t str, bool)>) -> Vec<OfficialPart> {
    let parts: Vec<OfficialPart> = lines.into_iter().map_while(|(text, red)| head_part(text, red)).collect();
    let is_head = parts.iter().any(|p| matches!(p, OfficialPart::IssuerMark | OfficialPart::DocumentNumber));
    if is_head {
        parts
    } else {
        Vec::new()
    }
}

/// How many lines at the end of `lines` (in order) make a 版记, with what
/// each is, in order: none unless one is the 印发 line.
pub fn record<'t>(lines: impl DoubleEndedIterator<Item = &'t str>) -> Vec<OfficialPart> {
    let mut parts: Vec<OfficialPart> = lines.rev().map_while(record_part).collect();
    parts.reverse();
    if parts.contains(&OfficialPart::Printed) {
        parts
    } else {
        Vec::new()
    }
}

/// The blocks of a file that are its 版头 and its 版记 (by index in `blocks`).
pub fn official_blocks(blocks: &[WordBlock]) -> Vec<usize> {
    let lines: Vec<(usize, &WordParagraph)> = blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b {
            WordBlock::Paragraph(p) if !p.text.trim().is_empty() => Some((i, p)),
            _ => None,
        })
        .collect();
    let head = head(lines.iter().map(|(_, p)| (p.text.as_str(), p.red))).len();
    let rest = &lines[head..];
    let record = record(rest.iter().map(|(_, p)| p.text.as_str())).len();
    lines[..head].iter().chain(&rest[rest.len() - record..]).map(|(i, _)| *i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_by_their_text() {
        assert_eq!(head_part("X组发〔2026〕12号", false), Some(OfficialPart::DocumentNumber));
        assert_eq!(head_part("京组发[2026]3号      签发人：张三", false), Some(OfficialPart::DocumentNumber));
        assert_eq!(head_part("中共XX区委组织部文件", false), Some(OfficialPart::IssuerMark));
        assert_eq!(head_part("中共XX区委组织部", true), Some(OfficialPart::IssuerMark));
        assert_eq!(head_part("中共XX区委组织部", false), None);
        assert_eq!(head_part("关于印发《工作要点》的通知", true), None);
        assert_eq!(head_part("000123", false), Some(OfficialPart::CopyNumber));
        assert_eq!(head_part("机密★1年", false), Some(OfficialPart::Secrecy));
        assert_eq!(head_part("2026年党建工作述职报告", false), None);
        assert_eq!(head_part("（2027年2月）", false), None);
        assert_eq!(record_part("抄送：区委组织部。"), Some(OfficialPart::CopyTo));
        assert_eq!(record_part("XX办公室　　2026年1月5日印发"), Some(OfficialPart::Printed));
        assert_eq!(record_part("经研究，决定印发"), None);
    }

    #[test]
    fn a_head_needs_a_mark_or_a_number() {
        assert_eq!(head([("特急", false), ("2026年党建工作述职报告", false)]), []);
        assert_eq!(
            head([("特急", false), ("X组发〔2026〕12号", false), ("关于…的报告", false)]),
            [OfficialPart::Urgency, OfficialPart::DocumentNumber]
        );
        assert_eq!(record(["正文。", "抄送：区委组织部。"].into_iter()), []);
    }
}
