//! Proofreading hints and the coverage of the items a report is scored by: what
//! a careful reader of a 公文 would mark, found while the drafter writes, each at
//! its exact place, with a fix where the fix is safe. Nothing is changed without
//! the drafter's click ([`apply`]). The checks follow GB/T 15834 (标点符号用法) and
//! GB/T 15835 (出版物上数字用法) where they apply to 公文; the template chooses
//! them (校对：) and marks the parts that must speak with numbers (数据：要).

use crate::document::Owner;
use crate::draft::{Draft, Item, Parts};
use crate::layout::is_ideograph as is_han;
use crate::spec::{Check, FormSpec, Node, NodeKind};

/// Which text of an occurrence a hint is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Slot {
    /// A heading's own title.
    Title,
    /// A 一是 point's lead sentence.
    Lead,
    /// The body text.
    Text,
}

/// One thing to look at, in one text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Mark {
    /// The marked characters: offset and length in characters (0 long for a
    /// remark about the whole text).
    pub start: usize,
    pub len: usize,
    /// None for a part that must speak with numbers and does not.
    pub check: Option<Check>,
    /// What and why, in one sentence.
    pub message: String,
    /// What the marked characters become when the drafter clicks the fix.
    pub fix: Option<String>,
}

fn mark(start: usize, len: usize, check: Check, message: String, fix: Option<String>) -> Mark {
    Mark { start, len, check: Some(check), message, fix }
}

/// One thing to look at in the draft: the occurrence, which of its texts, and the mark.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Hint {
    pub path: Owner,
    pub slot: Slot,
    #[serde(flatten)]
    pub mark: Mark,
}

const HALF_TO_FULL: &[(char, char)] =
    &[(',', '，'), ('.', '。'), (';', '；'), (':', '：'), ('?', '？'), ('!', '！'), ('(', '（'), (')', '）')];

fn is_full_width_mark(c: char) -> bool {
    "，。、；：？！（）《》“”‘’…—".contains(c)
}

/// Chinese on at least one side: a half-width mark there is a slip.
fn chinese_context(before: Option<char>, after: Option<char>) -> bool {
    before.is_some_and(|c| is_han(c) || is_full_width_mark(c)) || after.is_some_and(is_han)
}

/// The hints in one text.
pub fn check_text(text: &str, checks: &[Check], lead: bool) -> Vec<Mark> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let on = |c: Check| checks.contains(&c);
    for (i, &c) in chars.iter().enumerate() {
        // Most characters are Chinese, and no check below starts at one.
        if is_han(c) {
            continue;
        }
        let before = i.checked_sub(1).map(|k| chars[k]);
        let after = chars.get(i + 1).copied();
        if on(Check::HalfWidthPunctuation) {
            if let Some((_, full)) = HALF_TO_FULL.iter().find(|(h, _)| *h == c) {
                let between_digits = before.is_some_and(|b| b.is_ascii_digit()) && after.is_some_and(|a| a.is_ascii_digit());
                let in_latin = before.is_some_and(|b| b.is_ascii_alphanumeric()) && after.is_some_and(|a| a.is_ascii_alphanumeric());
                if !between_digits && !in_latin && chinese_context(before, after) {
                    out.push(mark(
                        i,
                        1,
                        Check::HalfWidthPunctuation,
                        format!("中文里的标点要用全角：“{c}”应为“{full}”"),
                        Some(full.to_string()),
                    ));
                }
            }
            if c == '"' && chinese_context(before, after) {
                out.push(mark(i, 1, Check::HalfWidthPunctuation, "中文里的引号要用全角的“”".into(), None));
            }
        }
        if on(Check::DoubledPunctuation) && "，。、；：".contains(c) && after == Some(c) {
            let mut n = 2;
            while chars.get(i + n) == Some(&c) {
                n += 1;
            }
            if before != Some(c) {
                out.push(mark(i, n, Check::DoubledPunctuation, format!("“{c}”重复了"), Some(c.to_string())));
            }
        }
        if on(Check::SpaceBetweenHan) && before.is_some_and(is_han) && (c == ' ' || c == '\u{3000}') {
            let n = chars[i..].iter().take_while(|&&s| s == ' ' || s == '\u{3000}').count();
            if chars.get(i + n).copied().is_some_and(is_han) {
                out.push(mark(i, n, Check::SpaceBetweenHan, "汉字之间多了空格".into(), Some(String::new())));
            }
        }
        if on(Check::FullWidthAlphanumeric) && is_full_width_alnum(c) && before.is_none_or(|b| !is_full_width_alnum(b)) {
            let n = chars[i..].iter().take_while(|&&x| is_full_width_alnum(x)).count();
            let half: String = chars[i..i + n].iter().map(|&x| char::from_u32(x as u32 - 0xFEE0).unwrap_or(x)).collect();
            out.push(mark(i, n, Check::FullWidthAlphanumeric, format!("数字和字母要用半角：应为“{half}”"), Some(half)));
        }
    }
    if on(Check::Pairs) {
        out.extend(unpaired(&chars));
    }
    if on(Check::ShortYear) {
        out.extend(short_years(&chars));
    }
    if lead && on(Check::LeadStop) {
        let end = chars.iter().rposition(|c| !c.is_whitespace());
        if let Some(k) = end.filter(|&k| "，；：、".contains(chars[k])) {
            out.push(mark(k, 1, Check::LeadStop, "“一是”这一句要以句号结尾".into(), Some("。".into())));
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

fn is_full_width_alnum(c: char) -> bool {
    ('０'..='９').contains(&c) || ('Ａ'..='Ｚ').contains(&c) || ('ａ'..='ｚ').contains(&c)
}

/// Quotes, book-title marks and brackets that open without closing or close
/// without opening.
fn unpaired(chars: &[char]) -> Vec<Mark> {
    const PAIRS: &[(char, char, &str)] = &[('“', '”', "引号"), ('‘', '’', "单引号"), ('《', '》', "书名号"), ('（', '）', "括号")];
    let mut out = Vec::new();
    let mut open: Vec<(usize, char)> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if let Some((o, _, _)) = PAIRS.iter().find(|(o, _, _)| *o == c) {
            open.push((i, *o));
        } else if let Some((o, _, what)) = PAIRS.iter().find(|(_, close, _)| *close == c) {
            if open.last().is_some_and(|(_, top)| top == o) {
                open.pop();
            } else if let Some(k) = open.iter().rposition(|(_, top)| top == o) {
                // Closes an outer one: what was opened inside stays unclosed.
                for (at, ch) in open.drain(k + 1..) {
                    out.push(unclosed(at, ch));
                }
                open.pop();
            } else {
                out.push(mark(i, 1, Check::Pairs, format!("这个{what}的右半边前面没有左半边“{o}”"), None));
            }
        }
    }
    out.extend(open.into_iter().map(|(at, ch)| unclosed(at, ch)));
    out
}

fn unclosed(at: usize, open: char) -> Mark {
    let close = match open {
        '“' => '”',
        '‘' => '’',
        '《' => '》',
        _ => '）',
    };
    mark(at, 1, Check::Pairs, format!("“{open}”没有对应的“{close}”"), None)
}

/// Two-digit years: 26年度, 26年3月, 26年底 (not 26年来, a span of years).
fn short_years(chars: &[char]) -> Vec<Mark> {
    let mut out = Vec::new();
    for i in 0..chars.len().saturating_sub(2) {
        let two = chars[i].is_ascii_digit() && chars[i + 1].is_ascii_digit() && chars[i + 2] == '年';
        let starts = i == 0 || !chars[i - 1].is_ascii_digit() && chars[i - 1] != '.';
        if !two || !starts {
            continue;
        }
        let rest: String = chars[i + 3..].iter().take(3).collect();
        let dated = rest.starts_with('度')
            || rest.starts_with("初")
            || rest.starts_with("底")
            || rest.starts_with("末")
            || rest.chars().next().is_some_and(|c| c.is_ascii_digit()) && rest.contains('月');
        if dated {
            let year: String = chars[i..i + 2].iter().collect();
            out.push(mark(i, 2, Check::ShortYear, format!("年份要写全：“{year}年”应为“20{year}年”"), Some(format!("20{year}"))));
        }
    }
    out
}

/// Every hint in the draft, in form order.
pub fn hints(spec: &FormSpec, draft: &Draft) -> Vec<Hint> {
    let mut out = Vec::new();
    walk(spec, &spec.body, &draft.body, &mut Vec::new(), &mut out);
    out
}

fn walk(spec: &FormSpec, nodes: &[Node], parts: &Parts, path: &mut Owner, out: &mut Vec<Hint>) {
    for node in nodes {
        let Some(items) = parts.get(&node.id) else { continue };
        for (i, item) in items.iter().enumerate() {
            path.push((node.id.clone(), i));
            let slots: &[(Slot, &str)] = match node.kind {
                NodeKind::Heading { title: None, .. } => &[(Slot::Title, item.title.as_str())],
                NodeKind::Point { lead: None } => &[(Slot::Lead, item.lead.as_str()), (Slot::Text, item.text.as_str())],
                NodeKind::Point { .. } | NodeKind::Text { .. } => &[(Slot::Text, item.text.as_str())],
                _ => &[],
            };
            for &(slot, text) in slots {
                for mark in check_text(text, &spec.checks, slot == Slot::Lead) {
                    out.push(Hint { path: path.clone(), slot, mark });
                }
            }
            // Said once something is written: an empty point is flagged as empty elsewhere.
            let written = [&item.title, &item.lead, &item.text].iter().any(|t| !t.trim().is_empty());
            if node.needs_data && written && !speaks_with_numbers(item) {
                let message = "这一点还没有数据：方案要求“注重用数据和事例说话”".to_string();
                out.push(Hint { path: path.clone(), slot: Slot::Text, mark: Mark { start: 0, len: 0, check: None, message, fix: None } });
            }
            walk(spec, &node.children, &item.parts, path, out);
            path.pop();
        }
    }
}

/// Whether an occurrence's texts (its own and below) hold a number.
fn speaks_with_numbers(item: &Item) -> bool {
    let own = [&item.title, &item.lead, &item.text].iter().any(|t| t.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)));
    own || item.parts.values().flatten().any(speaks_with_numbers)
}

/// Applies a hint's fix to the draft; false if the text changed since the hint
/// was found (nothing is changed then).
pub fn apply(draft: &mut Draft, hint: &Hint) -> bool {
    let Some(fix) = &hint.mark.fix else { return false };
    let Some(item) = crate::edit::item_mut(draft, &hint.path) else { return false };
    let text = match hint.slot {
        Slot::Title => &mut item.title,
        Slot::Lead => &mut item.lead,
        Slot::Text => &mut item.text,
    };
    let chars: Vec<char> = text.chars().collect();
    let (start, len) = (hint.mark.start, hint.mark.len);
    if start + len > chars.len() {
        return false;
    }
    let mut fixed: String = chars[..start].iter().collect();
    fixed.push_str(fix);
    fixed.extend(&chars[start + len..]);
    *text = fixed;
    true
}

/// Where the text already speaks to a scored item.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Coverage {
    pub item: String,
    /// The keywords found, each with the first occurrence that has it.
    pub found: Vec<(String, Owner)>,
}

/// For each scored item, which of its words the draft already uses, and where.
pub fn coverage(spec: &FormSpec, draft: &Draft) -> Vec<Coverage> {
    let mut texts: Vec<(Owner, String)> = Vec::new();
    collect(&spec.body, &draft.body, &mut Vec::new(), &mut texts);
    spec.scoring
        .iter()
        .map(|s| Coverage {
            item: s.name.clone(),
            found: s
                .keywords
                .iter()
                .filter_map(|k| texts.iter().find(|(_, t)| t.contains(k.as_str())).map(|(path, _)| (k.clone(), path.clone())))
                .collect(),
        })
        .collect()
}

fn collect(nodes: &[Node], parts: &Parts, path: &mut Owner, out: &mut Vec<(Owner, String)>) {
    for node in nodes {
        let Some(items) = parts.get(&node.id) else { continue };
        for (i, item) in items.iter().enumerate() {
            path.push((node.id.clone(), i));
            out.push((path.clone(), format!("{}\n{}\n{}", item.title, item.lead, item.text)));
            collect(&node.children, &item.parts, path, out);
            path.pop();
        }
    }
}

/// Where a hint is, in the words of the form: “一、（一）一是 首句”.
pub fn place(doc: &crate::document::Document, hint: &Hint) -> String {
    let mut out = String::new();
    for n in 1..=hint.path.len() {
        let prefix = &hint.path[..n];
        match doc.labels.iter().find(|(o, _)| o.as_slice() == prefix) {
            Some((_, label)) => out.push_str(label),
            None if n == hint.path.len() => out.push_str(&prefix[n - 1].0),
            None => {}
        }
    }
    let slot = match hint.slot {
        Slot::Title => "标题",
        Slot::Lead => "首句",
        Slot::Text => "正文",
    };
    format!("{out} {slot}")
}

/// The marked characters with a few around them, in three pieces: before, marked, after.
pub fn excerpt_parts(text: &str, mark: &Mark) -> (String, String, String) {
    let chars: Vec<char> = text.chars().collect();
    let start = mark.start.min(chars.len());
    let end = (mark.start + mark.len).min(chars.len());
    let from = start.saturating_sub(8);
    let to = (end + 8).min(chars.len());
    (chars[from..start].iter().collect(), chars[start..end].iter().collect(), chars[end..to].iter().collect())
}

/// The marked characters with a few around them: “召开会议【,】研究部署”.
pub fn excerpt(text: &str, mark: &Mark) -> String {
    let (before, marked, after) = excerpt_parts(text, mark);
    format!("{before}【{marked}】{after}")
}

/// The text a hint is in.
pub fn text_of<'d>(draft: &'d Draft, hint: &Hint) -> Option<&'d str> {
    let item = crate::edit::item(draft, &hint.path)?;
    Some(match hint.slot {
        Slot::Title => &item.title,
        Slot::Lead => &item.lead,
        Slot::Text => &item.text,
    })
}
