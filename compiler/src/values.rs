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

/// Full-width digits and punctuation folded to ASCII, blanks removed; 至 and 到
/// between digits become '-' ("2至4" = "2-4") but stay in words such as 至少.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        let folded = match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '－' | '–' | '—' | '～' | '~' => '-',
            '至' | '到' if out.ends_with(|p: char| p.is_ascii_digit()) => '-',
            '％' => '%',
            '，' | '、' | '；' | ';' => ',',
            _ => c,
        };
        out.push(folded);
    }
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

/// A count range: "2-4", "2至4项", "至少2项", "不少于2项，至多6项", "3".
pub fn count_range(s: &str, unit: &str) -> Result<(u32, Option<u32>)> {
    let hint = format!("例如“2-4”“至少2{unit}”“2至6{unit}”或“3”");
    let n = normalise(s).replace(unit, "");
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
        if let Some(rest) = ["至少", "不少于", "最少"].iter().find_map(|p| part.strip_prefix(p)) {
            min = Some(num(rest)?);
        } else if let Some(rest) = ["至多", "不超过", "最多", "不多于"].iter().find_map(|p| part.strip_prefix(p)) {
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

/// A 字数 budget: 约1500字, 1500字左右, 约800字，浮动15%, 不少于900字, 不超过600字, 800-1000字.
pub fn budget(s: &str) -> Result<Budget> {
    let hint = "可写：约1500字、1500字左右、约800字（浮动15%）、不少于900字、不超过600字、800-1000字";
    let err = || bad(format!("无法识别的字数要求“{s}”"), hint);
    let n = normalise(s).replace(['（', '）', '(', ')'], ",");
    let mut parts = n.split(',').filter(|p| !p.is_empty());
    let main = parts.next().ok_or_else(err)?;
    let mut tolerance = None;
    for extra in parts {
        let t = extra.trim_start_matches("浮动").trim_start_matches("上下").trim_start_matches('±');
        match t.strip_suffix('%').and_then(leading_number) {
            Some((v, "")) if v <= 100.0 && whole(v).is_some() => tolerance = Some(v as u32),
            _ => return Err(err()),
        }
    }
    let words = |t: &str| -> Option<usize> {
        let t = t.strip_suffix('字').unwrap_or(t);
        match leading_number(t) {
            Some((v, "")) => whole(v).map(|v| v as usize),
            _ => None,
        }
    };
    let about_target = main
        .strip_prefix('约')
        .map(|t| t.strip_suffix("左右").unwrap_or(t))
        .or_else(|| main.strip_suffix("左右"));
    let rule = if let Some(t) = about_target {
        BudgetRule::About { target: words(t).ok_or_else(err)?, tolerance_percent: tolerance.unwrap_or(10) }
    } else if tolerance.is_some() {
        return Err(bad(format!("“{s}”：只有“约N字”才能写浮动比例"), hint));
    } else if let Some(t) = ["不少于", "至少", "不低于"].iter().find_map(|p| main.strip_prefix(p)) {
        BudgetRule::AtLeast { target: words(t).ok_or_else(err)? }
    } else if let Some(t) = main.strip_suffix("以上") {
        BudgetRule::AtLeast { target: words(t).ok_or_else(err)? }
    } else if let Some(t) = ["不超过", "至多", "不多于"].iter().find_map(|p| main.strip_prefix(p)) {
        BudgetRule::AtMost { target: words(t).ok_or_else(err)? }
    } else if let Some(t) = main.strip_suffix("以内").or_else(|| main.strip_suffix("以下")) {
        BudgetRule::AtMost { target: words(t).ok_or_else(err)? }
    } else if let Some((a, b)) = main.split_once('-') {
        let (from, to) = (words(a).ok_or_else(err)?, words(b).ok_or_else(err)?);
        if from > to {
            return Err(ValueError {
                kind: Kind::MinAboveMax,
                message: format!("字数范围“{s}”的下限{from}大于上限{to}"),
                hint: Some("把小的数写在前面，例如 800-1000字".into()),
            });
        }
        BudgetRule::Between { from, to }
    } else {
        return Err(err());
    };
    Ok(Budget::new(rule))
}

/// 不超过6页 / 原则上不超过6页.
pub fn page_limit(s: &str) -> Result<PageLimit> {
    let n = normalise(s);
    let (in_principle, rest) = match n.strip_prefix("原则上") {
        Some(r) => (true, r),
        None => (false, n.as_str()),
    };
    let rest = ["不超过", "至多", "不多于"].iter().find_map(|p| rest.strip_prefix(p)).unwrap_or(rest);
    let rest = rest.strip_suffix('页').unwrap_or(rest);
    match leading_number(rest).and_then(|(v, tail)| if tail.is_empty() { whole(v) } else { None }) {
        Some(v) if v >= 1 => Ok(PageLimit { max: v as u32, in_principle }),
        _ => Err(bad(format!("无法识别的页数要求“{s}”"), "例如“不超过6页”或“原则上不超过6页”")),
    }
}

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
        "居中" | "中" => Ok(Align::Center),
        "左" | "左对齐" | "居左" => Ok(Align::Left),
        "右" | "右对齐" | "居右" => Ok(Align::Right),
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
    let t = n.strip_suffix("字符").or_else(|| n.strip_suffix('字')).unwrap_or(&n);
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
    let t = n.strip_suffix("倍行距").or_else(|| n.strip_suffix('倍')).ok_or_else(err)?;
    match leading_number(t) {
        Some((v, "")) if v > 0.0 && v <= 10.0 => Ok(LineSpacing::Multiple { percent: (v * 100.0).round() as u32 }),
        _ => Err(err()),
    }
}

/// Paper sizes in twips.
pub fn paper(s: &str) -> Result<(u32, u32)> {
    match normalise(s).to_uppercase().as_str() {
        "A4" => Ok((11906, 16838)),
        "A3" => Ok((16838, 23811)),
        "A5" => Ok((8391, 11906)),
        "B5" => Ok((10319, 14571)),
        _ => Err(bad(format!("未知的纸张“{s}”"), "纸张可写：A4、A3、A5、B5")),
    }
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
    }

    #[test]
    fn numbering_patterns() {
        let n = numbering("（一）").unwrap().unwrap();
        assert_eq!(n.label(12), "（十二）");
        assert_eq!(numbering("一是").unwrap().unwrap().label(3), "三是");
        assert_eq!(numbering("1.").unwrap().unwrap().label(3), "3.");
        assert!(numbering("甲、").is_err());
    }
}
