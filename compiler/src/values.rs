//! Reading property values: numbers, ranges, lengths, font sizes, budgets, switches.
//! Each reader accepts the ways an office worker is likely to write a value
//! (全角 digits, 厘米 or cm, 小二 or 小二号) and explains what it expected otherwise.

use crate::diag::Kind;
use crate::spec::{Align, Budget, BudgetRule, Digits, LineSpacing, Numbering, PageLimit, PictureFormat};

/// Why a value could not be read; the checker attaches the span.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueError {
    pub kind: Kind,
    pub message: String,
    pub hint: Option<String>,
}

fn bad(message: impl Into<String>, hint: impl Into<String>) -> ValueError {
    ValueError { kind: Kind::BadValue, message: message.into(), hint: Some(hint.into()) }
}

pub type Result<T> = std::result::Result<T, ValueError>;

/// The largest number a template may use; keeps arithmetic far from overflow.
const MAX_NUMBER: u64 = 10_000_000;

/// Full-width digits and punctuation folded to ASCII, ASCII letters lowercased,
/// blanks and thousands separators ("1,500") removed; 至 and 到 between digits
/// become '-' ("2至4" = "2-4") but stay in words such as 至少.
pub fn normalise(s: &str) -> String {
    let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let thousands = c == ','
            && out.ends_with(|p: char| p.is_ascii_digit())
            && chars.get(i + 1..i + 4).is_some_and(|d| d.iter().all(char::is_ascii_digit))
            && !chars.get(i + 4).is_some_and(char::is_ascii_digit);
        if thousands {
            continue;
        }
        let folded = match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 'Ａ' as u32 + 'A' as u32).unwrap_or(c),
            '．' => '.',
            '－' | '–' | '—' | '～' | '~' => '-',
            '至' | '到' if out.ends_with(|p: char| p.is_ascii_digit()) => '-',
            '％' => '%',
            '，' | '、' | '；' | ';' => ',',
            '（' => '(',
            '）' => ')',
            '：' => ':',
            '㎝' => {
                out.push_str("cm");
                continue;
            }
            '㎜' => {
                out.push_str("mm");
                continue;
            }
            _ => c,
        };
        out.push(folded.to_ascii_lowercase());
    }
    out
}

/// Small Chinese numerals written out (两, 六, 十二) turned into digits, for counts
/// and page limits: "不超过六页" → "不超过6页". Not used for 字号 names (二号).
fn chinese_digits(s: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.is_empty() {
            return;
        }
        let digit = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c).or((c == '两').then_some(2)).or((c == '零').then_some(0));
        let value = match run.split_once('十') {
            Some((tens, ones)) => {
                let t = if tens.is_empty() { Some(1) } else { tens.chars().next().and_then(digit) };
                let o = if ones.is_empty() { Some(0) } else { ones.chars().next().and_then(digit) };
                t.zip(o).map(|(t, o)| t * 10 + o)
            }
            None if run.chars().count() == 1 => run.chars().next().and_then(digit),
            None => None,
        };
        match value {
            Some(v) => out.push_str(&v.to_string()),
            None => out.push_str(run),
        }
        run.clear();
    };
    for c in s.chars() {
        if "〇零一二两三四五六七八九十".contains(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Splits a number off the front: "3.7厘米" → (3.7, "厘米").
fn leading_number(s: &str) -> Option<(f64, &str)> {
    let end = s.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(s.len());
    let n: f64 = s[..end].parse().ok()?;
    (n <= MAX_NUMBER as f64).then_some((n, &s[end..]))
}

fn whole(n: f64) -> Option<u64> {
    (n.fract() == 0.0 && n >= 0.0 && n <= MAX_NUMBER as f64).then_some(n as u64)
}

/// A whole number: "2", "２", "2项".
pub fn number(s: &str, unit: &str) -> Result<u64> {
    let n = normalise(s);
    let n = n.strip_suffix(unit).unwrap_or(&n);
    match leading_number(n) {
        Some((v, "")) => whole(v).ok_or_else(|| bad(format!("“{s}”不是整数"), "这里要写一个整数，例如 2")),
        _ => Err(bad(format!("“{s}”不是数字"), format!("这里要写一个整数，例如 2{unit}"))),
    }
}

/// Words that mean "at least" and "at most", in budgets, counts and page limits.
const AT_LEAST: &[&str] = &["不得少于", "不应少于", "不少于", "不低于", "至少", "最少"];
const AT_MOST: &[&str] = &["不得超过", "不应超过", "不宜超过", "不超过", "不多于", "至多", "最多"];

fn strip_any<'a>(s: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    prefixes.iter().find_map(|p| s.strip_prefix(p))
}

/// A count range: "2-4", "2至4项", "至少2项", "2项以上", "不少于2项，至多6项", "两至四项", "3".
pub fn count_range(s: &str, unit: &str) -> Result<(u32, Option<u32>)> {
    let hint = format!("例如“2-4”“至少2{unit}”“2至6{unit}”或“3”");
    let mut n = normalise(&chinese_digits(s));
    for u in [unit, "项", "个", "条", "幅", "张", "行", "段", "次"] {
        n = n.replace(u, "");
    }
    let err = || bad(format!("无法识别的数量范围“{s}”"), hint.clone());
    let num = |t: &str| -> Result<u32> {
        match leading_number(t) {
            Some((v, "")) => whole(v).map(|v| v as u32).ok_or_else(err),
            _ => Err(err()),
        }
    };
    let mut min = None;
    let mut max = None;
    for part in n.split(',').filter(|p| !p.is_empty()) {
        if let Some(rest) = strip_any(part, AT_LEAST).or_else(|| part.strip_suffix("以上")) {
            min = Some(num(rest)?);
        } else if let Some(rest) = strip_any(part, AT_MOST).or_else(|| part.strip_suffix("以内")) {
            max = Some(num(rest)?);
        } else if let Some((a, b)) = part.split_once('-') {
            min = Some(num(a)?);
            max = Some(num(b)?);
        } else {
            let v = num(part)?;
            min = Some(v);
            max = Some(v);
        }
    }
    if min.is_none() && max.is_none() {
        return Err(err());
    }
    Ok((min.unwrap_or(0), max))
}

/// One clause of a 字数 requirement.
enum Clause {
    About(usize),
    AtLeast(usize),
    AtMost(usize),
    Between(usize, usize),
    Tolerance(u32),
}

/// A 字数 budget: 约1500字, 1500字左右, 约800字，浮动15%, 不少于900字, 不超过600字,
/// 800-1000字, 不少于800字，不超过1000字, 控制在600字以内; a bare 1500字 means 约1500字.
pub fn budget(s: &str) -> Result<Budget> {
    let hint = "可写：约1500字、1500字左右、约800字（浮动15%）、不少于900字、不超过600字、800-1000字";
    if s.trim().is_empty() {
        return Err(bad("“字数”后面没有写要求", hint));
    }
    let err = || bad(format!("无法识别的字数要求“{s}”"), hint);
    let n = normalise(s)
        .trim_end_matches(['。', '.'])
        .replace("个字", "字")
        .replace("字-", "-")
        .replace("字至", "-")
        .replace("字到", "-")
        .replace(['(', ')'], ",");
    let words = |t: &str| -> Option<usize> {
        let t = t.strip_suffix('字').unwrap_or(t);
        match leading_number(t) {
            Some((v, "")) => whole(v).map(|v| v as usize),
            _ => None,
        }
    };
    let clause = |part: &str| -> Option<Clause> {
        let part = part.strip_prefix("控制在").unwrap_or(part);
        if part.ends_with('%') {
            let t = part.trim_end_matches('%');
            let t = ["上下浮动", "浮动不超过", "浮动", "上下", "±", "+-"].iter().find_map(|p| t.strip_prefix(p)).unwrap_or(t);
            return match leading_number(t) {
                Some((v, "")) if v <= 100.0 => whole(v).map(|v| Clause::Tolerance(v as u32)),
                _ => None,
            };
        }
        if let Some(t) = strip_any(part, AT_LEAST).or_else(|| part.strip_suffix("以上")) {
            return words(t).map(Clause::AtLeast);
        }
        if let Some(t) = strip_any(part, AT_MOST).or_else(|| part.strip_suffix("以内")).or_else(|| part.strip_suffix("以下")) {
            return words(t).map(Clause::AtMost);
        }
        if let Some((a, b)) = part.split_once('-') {
            return Some(Clause::Between(words(a)?, words(b)?));
        }
        let t = part.strip_prefix("大约").or_else(|| part.strip_prefix('约')).unwrap_or(part);
        let t = t.strip_suffix("左右").or_else(|| t.strip_suffix("上下")).unwrap_or(t);
        words(t).map(Clause::About)
    };
    let (mut about, mut least, mut most, mut between, mut tolerance) = (None, None, None, None, None);
    for part in n.split(',').filter(|p| !p.is_empty()) {
        match clause(part).ok_or_else(err)? {
            Clause::About(v) => about = Some(v),
            Clause::AtLeast(v) => least = Some(v),
            Clause::AtMost(v) => most = Some(v),
            Clause::Between(a, b) => between = Some((a, b)),
            Clause::Tolerance(t) => tolerance = Some(t),
        }
    }
    if tolerance.is_some() && about.is_none() {
        return Err(bad(format!("“{s}”：只有“约N字”才能写浮动比例"), hint));
    }
    let rule = match (about, least, most, between) {
        (Some(target), None, None, None) => BudgetRule::About { target, tolerance_percent: tolerance.unwrap_or(10) },
        (None, Some(target), None, None) => BudgetRule::AtLeast { target },
        (None, None, Some(target), None) => BudgetRule::AtMost { target },
        (None, Some(from), Some(to), None) | (None, None, None, Some((from, to))) => {
            if from > to {
                return Err(ValueError {
                    kind: Kind::MinAboveMax,
                    message: format!("字数范围“{s}”的下限{from}大于上限{to}"),
                    hint: Some("把小的数写在前面，例如 800-1000字".into()),
                });
            }
            BudgetRule::Between { from, to }
        }
        _ => return Err(err()),
    };
    Ok(Budget::new(rule))
}

/// 不超过6页 / 原则上不超过6页 / 6页以内 / 不超过六页（含附件）.
pub fn page_limit(s: &str) -> Result<PageLimit> {
    let n = normalise(&chinese_digits(s));
    let n = n.split('(').next().unwrap_or("");
    let (in_principle, rest) = match n.strip_prefix("原则上") {
        Some(r) => (true, r),
        None => (false, n),
    };
    let rest = strip_any(rest, AT_MOST).unwrap_or(rest);
    let rest = rest.strip_suffix("以内").unwrap_or(rest);
    let rest = rest.strip_suffix('页').unwrap_or(rest);
    match leading_number(rest).and_then(|(v, tail)| if tail.is_empty() { whole(v) } else { None }) {
        Some(v) if v >= 1 => Ok(PageLimit { max: v as u32, in_principle }),
        _ => Err(bad(format!("无法识别的页数要求“{s}”"), "例如“不超过6页”或“原则上不超过6页”")),
    }
}

/// `党建工作述职报告，1至2篇`: the report a template goes with, and how many go
/// with one (no number: at least one).
pub fn accompanies(s: &str) -> Result<crate::spec::Accompanies> {
    let (report, count) = match s.split_once(['，', ',']) {
        Some((report, count)) => (report.trim(), Some(count.trim())),
        None => (s.trim(), None),
    };
    let report = report.trim_matches(['“', '”', '"', '《', '》']).to_string();
    if report.is_empty() {
        return Err(bad(format!("“{s}”没有写随附的报告"), "写成“随附：党建工作述职报告，1至2篇”，报告的名称是它的“模板：”一行"));
    }
    let (min, max) = match count {
        Some(c) => count_range(c, "篇")?,
        None => (1, None),
    };
    Ok(crate::spec::Accompanies { report, min, max })
}

/// The grades of the 测评表, best first: `好、较好、一般、差` or
/// `优秀 / 称职 / 基本称职 / 不称职`; two to six of them, each once.
pub fn grades(s: &str) -> Result<Vec<String>> {
    let hint = "写成“测评等次：好、较好、一般、差”，两到六个等次，好的在前，用顿号隔开";
    let grades: Vec<String> =
        s.split(['、', '，', ',', '/', '／', ' ', '　']).map(str::trim).filter(|g| !g.is_empty()).map(String::from).collect();
    if !(2..=6).contains(&grades.len()) {
        return Err(bad(format!("“{s}”里有{}个等次，测评表要两到六个", grades.len()), hint));
    }
    if let Some(twice) = grades.iter().enumerate().find_map(|(i, g)| grades[..i].contains(g).then_some(g)) {
        return Err(bad(format!("等次“{twice}”写了两遍"), hint));
    }
    Ok(grades)
}

/// 述职时长：15分钟 / 约15分钟 / 不超过15分钟 / 12-15分钟: the time a talk may
/// take, as a budget of whole minutes (a bare 15分钟 is 约15分钟, ±10%: 按15分钟把握).
pub fn speaking_time(s: &str) -> Result<Budget> {
    let hint = "写成“述职时长：15分钟”（约15分钟，上下10%），或“不超过15分钟”“12-15分钟”";
    let n = normalise(&chinese_digits(s));
    if !n.contains("分钟") || n.contains('字') {
        return Err(bad(format!("无法识别的述职时长“{s}”"), hint));
    }
    match budget(&n.replace("分钟", "字")) {
        Ok(b) if b.min > 0 || b.max.is_some_and(|m| m > 0) => Ok(b),
        Ok(_) => Err(bad(format!("述职时长“{s}”是0分钟"), hint)),
        Err(e) if e.kind == Kind::MinAboveMax => Err(ValueError { message: format!("述职时长“{s}”的下限大于上限"), ..e }),
        Err(_) => Err(bad(format!("无法识别的述职时长“{s}”"), hint)),
    }
}

/// 语速：每分钟200字 / 200字每分钟 / 200字/分钟: 字 read aloud a minute.
pub fn pace(s: &str) -> Result<u32> {
    let hint = "写成“语速：每分钟200字”；照稿念的述职一般每分钟180至220字";
    let n = normalise(&chinese_digits(s));
    let digits: String = n.chars().filter(char::is_ascii_digit).collect();
    let rest: String = n.chars().filter(|c| !c.is_ascii_digit()).collect();
    if !["每分钟字", "字每分钟", "字/分钟", "字/分"].contains(&rest.as_str()) {
        return Err(bad(format!("无法识别的语速“{s}”"), hint));
    }
    match digits.parse::<u32>() {
        Ok(v) if (60..=500).contains(&v) => Ok(v),
        _ => Err(bad(format!("语速“{s}”不在每分钟60至500字之间"), hint)),
    }
}

/// A normalised year-month, “2026年2月”, “2026-02”, “2026.2” → (2026, 2).
pub fn year_month(n: &str) -> Option<(u32, u32)> {
    let n = n.trim_end_matches('月');
    let (y, m) = n.split_once(['年', '-', '.', '/'])?;
    let y: u32 = y.parse().ok().filter(|y| (1900..=2200).contains(y))?;
    let m: u32 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
    Some((y, m))
}

/// A year-month as typed (“２０２６.２”, “2026-02”) → as the document prints it
/// and the form shows it, “2026年2月”; None when it is not one.
pub fn year_month_text(raw: &str) -> Option<String> {
    year_month(&normalise(raw)).map(year_month_written)
}

/// A year and month as the document prints them, “2026年2月”.
pub fn year_month_written((y, m): (u32, u32)) -> String {
    format!("{y}年{m}月")
}

/// What a year-month may look like: said under a 年月 box the form cannot
/// read, and by the compiler for a 年月 default it cannot read.
pub const YEAR_MONTH_HINT: &str = "年月写成“2026年2月”或“2026-02”";

/// 是/否.
pub fn yes_no(s: &str) -> Result<bool> {
    match normalise(s).as_str() {
        "是" | "要" | "需要" | "加粗" | "必填" => Ok(true),
        "否" | "不" | "不要" | "不需要" | "不加粗" | "选填" => Ok(false),
        _ => Err(bad(format!("这里要写“是”或“否”，而不是“{s}”"), "写“是”或“否”")),
    }
}

pub fn align(s: &str) -> Result<Align> {
    match normalise(s).as_str() {
        "居中" | "中" | "居中对齐" => Ok(Align::Center),
        "左" | "左对齐" | "居左" | "居左对齐" => Ok(Align::Left),
        "右" | "右对齐" | "居右" | "居右对齐" => Ok(Align::Right),
        "两端对齐" | "两端" => Ok(Align::Justify),
        _ => Err(bad(format!("无法识别的对齐方式“{s}”"), "可写：居中、左对齐、右对齐、两端对齐")),
    }
}

/// Chinese font-size names (字号) in half-points, as Word defines them.
pub const FONT_SIZES: &[(&str, u32)] = &[
    ("初号", 84),
    ("小初", 72),
    ("一号", 52),
    ("小一", 48),
    ("二号", 44),
    ("小二", 36),
    ("三号", 32),
    ("小三", 30),
    ("四号", 28),
    ("小四", 24),
    ("五号", 21),
    ("小五", 18),
    ("六号", 15),
    ("小六", 13),
    ("七号", 11),
    ("八号", 10),
];

/// A font size: a 字号 name (二号, 小二, 小二号, 4号) or points (18磅, 18pt).
pub fn font_size(s: &str) -> Result<u32> {
    let n = normalise(s);
    let digits_to_chinese = |t: &str| -> String {
        t.chars()
            .map(|c| match c.to_digit(10) {
                Some(d @ 1..=8) => ["", "一", "二", "三", "四", "五", "六", "七", "八"][d as usize].chars().next().unwrap_or(c),
                _ => c,
            })
            .collect()
    };
    let n = n.strip_suffix('字').unwrap_or(&n).to_string();
    let name = digits_to_chinese(&n);
    let name = if name.starts_with('小') { name.strip_suffix('号').unwrap_or(&name).to_string() } else { name };
    if let Some((_, hp)) = FONT_SIZES.iter().find(|(k, _)| *k == name) {
        return Ok(*hp);
    }
    for unit in ["磅", "pt", "点"] {
        if let Some(t) = n.strip_suffix(unit) {
            if let Some((v, "")) = leading_number(t) {
                let hp = v * 2.0;
                if hp.fract() == 0.0 && (2.0..=3276.0).contains(&hp) {
                    return Ok(hp as u32);
                }
            }
        }
    }
    let names: Vec<&str> = FONT_SIZES.iter().map(|(k, _)| *k).collect();
    Err(ValueError {
        kind: Kind::UnknownFontSize,
        message: format!("未知的字号“{s}”"),
        hint: Some(format!("字号可写：{}；或写磅值，例如“18磅”", names.join("、"))),
    })
}

/// A length in twips: 3.7厘米, 37毫米, 32磅, 0; `char_twips` turns 字 into twips when given.
pub fn length(s: &str) -> Result<u32> {
    let n = normalise(s);
    let err = || bad(format!("无法识别的长度“{s}”"), "长度可写：3.7厘米、37毫米、32磅（也可写 cm、mm、pt）");
    let (v, unit) = leading_number(&n).ok_or_else(err)?;
    let twips = match unit {
        "厘米" | "cm" | "公分" => v * 1440.0 / 2.54,
        "毫米" | "mm" => v * 144.0 / 2.54,
        "磅" | "pt" | "点" => v * 20.0,
        "" if v == 0.0 => 0.0,
        _ => return Err(err()),
    };
    Ok(twips.round() as u32)
}

/// A length in characters (字), in 1/100 characters: "2字" → 200.
pub fn chars(s: &str) -> Result<u32> {
    let n = normalise(s);
    let t = ["个字符", "个字", "字符", "字"].iter().find_map(|u| n.strip_suffix(u)).unwrap_or(&n);
    match leading_number(t) {
        Some((v, "")) if v <= 100.0 => Ok((v * 100.0).round() as u32),
        _ => Err(bad(format!("无法识别的字数宽度“{s}”"), "例如“2字”（首行缩进两个字）")),
    }
}

/// 固定值32磅, 最小值20磅, 1.5倍.
pub fn line_spacing(s: &str) -> Result<LineSpacing> {
    let n = normalise(s);
    let err = || bad(format!("无法识别的行距“{s}”"), "可写：固定值32磅、最小值20磅、1.5倍");
    if let Some(t) = n.strip_prefix("固定值").or_else(|| n.strip_prefix("固定")) {
        return Ok(LineSpacing::Exact { twips: length(t).map_err(|_| err())? });
    }
    if let Some(t) = n.strip_prefix("最小值").or_else(|| n.strip_prefix("至少")) {
        return Ok(LineSpacing::AtLeast { twips: length(t).map_err(|_| err())? });
    }
    match n.as_str() {
        "单倍" | "单倍行距" => return Ok(LineSpacing::Multiple { percent: 100 }),
        "双倍" | "双倍行距" => return Ok(LineSpacing::Multiple { percent: 200 }),
        _ => {}
    }
    // A bare point value is what 公文 specifications mean by 行距: 固定值.
    if let Ok(twips) = length(&n) {
        if twips > 0 {
            return Ok(LineSpacing::Exact { twips });
        }
    }
    let t = n.strip_suffix("倍行距").or_else(|| n.strip_suffix('倍')).ok_or_else(err)?;
    match leading_number(t) {
        Some((v, "")) if v > 0.0 && v <= 10.0 => Ok(LineSpacing::Multiple { percent: (v * 100.0).round() as u32 }),
        _ => Err(err()),
    }
}

/// Paper sizes in twips.
/// Paper size in twips, width first: `A4`, or `A4横向` for landscape (also
/// written `A4 横向`, `A4（横向）`, `横向A4`); `纵向`/`竖向` is the default.
pub fn paper(s: &str) -> Result<(u32, u32)> {
    let n = normalise(s).to_uppercase().replace(['（', '）', '(', ')', ' '], "");
    let landscape = ["横向", "横版", "横排"].iter().any(|w| n.contains(w));
    let name = ["横向", "横版", "横排", "纵向", "竖向", "竖版"].iter().fold(n.clone(), |n, w| n.replace(w, ""));
    let (width, height) = match name.strip_suffix('纸').unwrap_or(&name) {
        "A4" => (11906, 16838),
        "A3" => (16838, 23811),
        "A5" => (8391, 11906),
        "B5" => (10319, 14571),
        _ => return Err(bad(format!("未知的纸张“{s}”"), "纸张可写：A4、A3、A5、B5，横着用写“A4横向”")),
    };
    Ok(if landscape { (height, width) } else { (width, height) })
}

/// A numbering pattern: 一、 / （一） / 一是 / 1. / （1） / 无.
pub fn numbering(s: &str) -> Result<Option<Numbering>> {
    let t = s.trim();
    if t == "无" || t == "不编号" {
        return Ok(None);
    }
    let hint = "编号样式里写一个“一”（中文数字）或“1”（阿拉伯数字），例如：一、 （一） 一是 1. （1）；不编号写“无”";
    let found: Vec<(usize, char)> = t.char_indices().filter(|(_, c)| *c == '一' || *c == '1').collect();
    match found.as_slice() {
        [(at, c)] => Ok(Some(Numbering {
            prefix: t[..*at].to_string(),
            digits: if *c == '一' { Digits::Chinese } else { Digits::Arabic },
            suffix: t[at + c.len_utf8()..].to_string(),
        })),
        _ => Err(bad(format!("无法识别的编号样式“{s}”"), hint)),
    }
}

/// Picture formats: JPEG、PNG.
pub fn picture_formats(s: &str) -> Result<Vec<PictureFormat>> {
    let mut out = Vec::new();
    for item in normalise(s).split(',').filter(|p| !p.is_empty()) {
        let f = match item.to_uppercase().trim_start_matches('.') {
            "JPEG" | "JPG" => PictureFormat::Jpeg,
            "PNG" => PictureFormat::Png,
            other => {
                return Err(ValueError {
                    kind: Kind::BadPictureFormat,
                    message: format!("不支持的图片格式“{other}”"),
                    hint: Some("可用的格式：JPEG（JPG）、PNG；Word 和 WPS 都能直接显示，导出时不会重新压缩".into()),
                })
            }
        };
        if !out.contains(&f) {
            out.push(f);
        }
    }
    if out.is_empty() {
        return Err(bad("没有写图片格式", "例如“JPEG、PNG”"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_template_goes_with() {
        let a = |report: &str, min, max| Ok(crate::spec::Accompanies { report: report.into(), min, max });
        assert_eq!(accompanies("党建工作述职报告，1至2篇"), a("党建工作述职报告", 1, Some(2)));
        assert_eq!(accompanies("“党建工作述职报告”, 至少1篇"), a("党建工作述职报告", 1, None));
        assert_eq!(accompanies("党建工作述职报告，两篇"), a("党建工作述职报告", 2, Some(2)));
        assert_eq!(accompanies("党建工作述职报告"), a("党建工作述职报告", 1, None));
        assert!(accompanies("，1至2篇").is_err());
        assert_eq!(accompanies("党建工作述职报告，1至2篇").unwrap().describe(), "1至2篇");
        assert_eq!(grades("好、较好、一般、差").unwrap(), ["好", "较好", "一般", "差"]);
        assert_eq!(grades("优秀 / 称职 / 基本称职 / 不称职").unwrap(), ["优秀", "称职", "基本称职", "不称职"]);
        assert!(grades("好").is_err());
        assert!(grades("好、好、差").is_err());
    }

    #[test]
    fn a_year_month_as_typed_is_written_the_documents_way() {
        for typed in ["2026年2月", "2026-02", "2026.2", "２０２６年２月", " 2026 / 2 ", "2026年02月"] {
            assert_eq!(year_month_text(typed).as_deref(), Some("2026年2月"), "{typed}");
        }
        for typed in ["", "明年二月", "2026年13月", "2026", "26-02", "2026年2月3日"] {
            assert_eq!(year_month_text(typed), None, "{typed}");
        }
    }

    #[test]
    fn lengths_in_twips_match_word() {
        assert_eq!(length("3.7厘米"), Ok(2098));
        assert_eq!(length("3.5cm"), Ok(1984));
        assert_eq!(length("2.8 厘米"), Ok(1587));
        assert_eq!(length("2.6厘米"), Ok(1474));
        assert_eq!(length("7毫米"), Ok(397));
        assert_eq!(length("0"), Ok(0));
        assert!(length("3.7里米").is_err());
    }

    #[test]
    fn font_sizes_by_name_and_points() {
        assert_eq!(font_size("二号"), Ok(44));
        assert_eq!(font_size("小二号"), Ok(36));
        assert_eq!(font_size("小二"), Ok(36));
        assert_eq!(font_size("4号"), Ok(28));
        assert_eq!(font_size("18磅"), Ok(36));
        assert_eq!(font_size("大二号").unwrap_err().kind, Kind::UnknownFontSize);
    }

    #[test]
    fn budgets_in_the_ways_people_write_them() {
        let b = budget("约1500字").unwrap();
        assert_eq!((b.min, b.max), (1350, Some(1650)));
        assert_eq!(budget("1500字左右").unwrap(), b);
        let b = budget("约800字，浮动15%").unwrap();
        assert_eq!((b.min, b.max), (680, Some(920)));
        assert_eq!(budget("不少于900字").unwrap().max, None);
        assert_eq!(budget("不超过６００字").unwrap().max, Some(600));
        assert_eq!(budget("800～1000字").unwrap().min, 800);
        assert_eq!(budget("1000-800字").unwrap_err().kind, Kind::MinAboveMax);
        assert!(budget("很多字").is_err());
    }

    #[test]
    fn ranges() {
        assert_eq!(count_range("2-4", "项"), Ok((2, Some(4))));
        assert_eq!(count_range("至少2项", "项"), Ok((2, None)));
        assert_eq!(count_range("至少2项，至多6项", "项"), Ok((2, Some(6))));
        assert_eq!(count_range("3", "项"), Ok((3, Some(3))));
        assert!(count_range("若干", "项").is_err());
        assert_eq!(count_range("2项以上", "项"), Ok((2, None)));
        assert_eq!(count_range("3-5个", "项"), Ok((3, Some(5))));
        assert_eq!(count_range("两至四项", "项"), Ok((2, Some(4))));
    }

    #[test]
    fn page_limits() {
        for s in ["不超过6页", "6页以内", "最多6页", "不超过六页", "不得超过6页", "不超过6页（含附件）"] {
            assert_eq!(page_limit(s), Ok(PageLimit { max: 6, in_principle: false }), "{s}");
        }
        assert!(page_limit("原则上不超过6页").unwrap().in_principle);
    }

    #[test]
    fn budgets_as_office_workers_write_them() {
        let about = |t| Budget::new(BudgetRule::About { target: t, tolerance_percent: 10 });
        for s in
            ["1500字", "１５００字", "约1,500字", "约1500字，上下浮动10%", "1500字上下", "约1500个字", "约1500字。", "控制在1500字左右"]
        {
            assert_eq!(budget(s), Ok(about(1500)), "{s}");
        }
        let between = Budget::new(BudgetRule::Between { from: 1000, to: 1500 });
        for s in ["1000字至1500字", "1000-1500字", "不少于1000字，不超过1500字"] {
            assert_eq!(budget(s), Ok(between.clone()), "{s}");
        }
        for s in ["不得超过600字", "控制在600字以内", "最多600字"] {
            assert_eq!(budget(s).unwrap().rule, BudgetRule::AtMost { target: 600 }, "{s}");
        }
        assert_eq!(budget("最少900字").unwrap().rule, BudgetRule::AtLeast { target: 900 });
        assert_eq!(budget("").unwrap_err().message, "“字数”后面没有写要求");
    }

    #[test]
    fn units_in_any_case() {
        assert_eq!(length("3.7CM"), Ok(2098));
        assert_eq!(length("3.7㎝"), Ok(2098));
        assert_eq!(font_size("12PT"), Ok(24));
        assert_eq!(font_size("二号字"), Ok(44));
        assert_eq!(paper("A4纸"), Ok((11906, 16838)));
        assert_eq!(line_spacing("28磅"), Ok(LineSpacing::Exact { twips: 560 }));
        assert_eq!(line_spacing("单倍行距"), Ok(LineSpacing::Multiple { percent: 100 }));
        assert_eq!(chars("2个字符"), Ok(200));
        assert_eq!(align("居中对齐"), Ok(Align::Center));
    }

    #[test]
    fn numbering_patterns() {
        let n = numbering("（一）").unwrap().unwrap();
        assert_eq!(n.label(12), "（十二）");
        assert_eq!(numbering("一是").unwrap().unwrap().label(3), "三是");
        assert_eq!(numbering("1.").unwrap().unwrap().label(3), "3.");
        assert!(numbering("甲、").is_err());
    }

    #[test]
    fn speaking_time_and_pace() {
        use crate::spec::{BudgetState, Speaking};
        let minutes = speaking_time("15分钟").unwrap();
        assert_eq!(minutes.rule, BudgetRule::About { target: 15, tolerance_percent: 10 });
        assert_eq!(speaking_time("不超过十五分钟").unwrap().rule, BudgetRule::AtMost { target: 15 });
        assert_eq!(speaking_time("12-15分钟").unwrap().rule, BudgetRule::Between { from: 12, to: 15 });
        assert!(speaking_time("一刻钟").is_err());
        assert!(speaking_time("3000字").is_err());
        assert!(speaking_time("0分钟").is_err());
        assert_eq!(pace("每分钟200字"), Ok(200));
        assert_eq!(pace("220字/分钟"), Ok(220));
        assert!(pace("每分钟900字").is_err());
        assert!(pace("很快").is_err());
        let talk = Speaking { minutes, pace: 200 };
        assert_eq!(talk.describe(), "约15分钟（13.5–16.5分钟）");
        assert_eq!((talk.seconds(3000), talk.state(3000)), (900, BudgetState::Fits));
        assert_eq!(talk.describe_time(3000), "约15分钟");
        assert_eq!(talk.describe_time(1530), "约7.5分钟", "459 s");
        assert_eq!(talk.describe_time(43), "不到半分钟");
        assert_eq!(talk.describe_time(50), "约0.5分钟");
        assert_eq!(talk.state(2699), BudgetState::Short, "13.5 minutes is 2700字");
        assert_eq!(talk.state(2700), BudgetState::Fits);
        assert_eq!(talk.state(3300), BudgetState::Fits, "16.5 minutes");
        assert_eq!(talk.state(3301), BudgetState::Over);
        let eight = Speaking { minutes: speaking_time("8分钟").unwrap(), pace: 200 };
        assert_eq!(eight.describe(), "约8分钟（7.2–8.8分钟）", "exact, not to the half minute");
        let odd = Speaking { minutes: speaking_time("约7分钟").unwrap(), pace: 200 };
        assert_eq!(odd.describe(), "约7分钟（6.3–7.7分钟）");
        let at_most = Speaking { minutes: speaking_time("不超过15分钟").unwrap(), pace: 250 };
        assert_eq!((at_most.describe(), at_most.state(10)), ("不超过15分钟".to_string(), BudgetState::Fits));
    }
}
