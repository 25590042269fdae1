//! The fonts report templates name, in one table: what Word needs to substitute
//! one (the .docx font table) and what a browser may show instead (the preview).

/// A font as Word describes it in the font table.
pub struct FontFacts {
    pub name: &'static str,
    /// What Word and WPS may substitute on a machine without the font.
    pub word_alt_name: Option<&'static str>,
    /// Panose and signature (usb0–3, csb0–1): None where no Word- or
    /// WPS-written file was at hand to take them from (never guessed).
    pub panose: Option<&'static str>,
    pub sig: Option<[&'static str; 6]>,
    pub family: &'static str,
    pub pitch: &'static str,
    /// What a browser may show instead, most alike first (the preview).
    pub css_fallbacks: &'static [&'static str],
}

/// Sources: docs/word-compat.md (font tables of files saved by Word 2007–2016
/// zh-CN and WPS 2019).
pub const FONTS: &[FontFacts] = &[
    FontFacts {
        name: "仿宋_GB2312",
        word_alt_name: Some("仿宋"),
        panose: Some("02010609030101010101"),
        sig: Some(["00000001", "080E0000", "00000000", "00000000", "00040000", "00000000"]),
        family: "modern",
        pitch: "fixed",
        css_fallbacks: &["仿宋", "FangSong", "STFangsong", "AR PL UMing CN", "Noto Serif CJK SC", "serif"],
    },
    FontFacts {
        name: "楷体_GB2312",
        word_alt_name: Some("楷体"),
        panose: Some("02010609030101010101"),
        sig: Some(["00000001", "080E0000", "00000000", "00000000", "00040000", "00000000"]),
        family: "modern",
        pitch: "fixed",
        css_fallbacks: &["楷体", "KaiTi", "STKaiti", "AR PL UKai CN", "serif"],
    },
    FontFacts {
        name: "仿宋",
        word_alt_name: Some("FangSong"),
        panose: Some("02010609060101010101"),
        sig: Some(["800002BF", "38CF7CFA", "00000016", "00000000", "00040001", "00000000"]),
        family: "modern",
        pitch: "fixed",
        css_fallbacks: &["FangSong", "STFangsong", "AR PL UMing CN", "Noto Serif CJK SC", "serif"],
    },
    FontFacts {
        name: "楷体",
        word_alt_name: Some("KaiTi"),
        panose: Some("02010609060101010101"),
        sig: Some(["800002BF", "38CF7CFA", "00000016", "00000000", "00040001", "00000000"]),
        family: "modern",
        pitch: "fixed",
        css_fallbacks: &["KaiTi", "STKaiti", "AR PL UKai CN", "serif"],
    },
    FontFacts {
        name: "黑体",
        word_alt_name: Some("SimHei"),
        panose: Some("02010609060101010101"),
        sig: Some(["800002BF", "38CF7CFA", "00000016", "00000000", "00040001", "00000000"]),
        family: "modern",
        pitch: "fixed",
        css_fallbacks: &["SimHei", "STHeiti", "Noto Sans CJK SC", "sans-serif"],
    },
    FontFacts {
        name: "宋体",
        word_alt_name: Some("SimSun"),
        panose: Some("02010600030101010101"),
        sig: Some(["00000003", "288F0000", "00000016", "00000000", "00040001", "00000000"]),
        family: "auto",
        pitch: "variable",
        css_fallbacks: &["SimSun", "Noto Serif CJK SC", "serif"],
    },
    FontFacts {
        name: "Times New Roman",
        word_alt_name: None,
        panose: Some("02020603050405020304"),
        sig: Some(["E0002AFF", "C0007841", "00000009", "00000000", "000001FF", "00000000"]),
        family: "roman",
        pitch: "variable",
        css_fallbacks: &["serif"],
    },
    FontFacts {
        name: "华文中宋",
        word_alt_name: Some("STZhongsong"),
        panose: None,
        sig: None,
        family: "auto",
        pitch: "variable",
        css_fallbacks: &["STZhongsong", "Noto Serif CJK SC", "serif"],
    },
    FontFacts {
        name: "方正小标宋简体",
        word_alt_name: Some("FZXiaoBiaoSong-B05S"),
        panose: None,
        sig: None,
        family: "auto",
        pitch: "variable",
        css_fallbacks: &["FZXiaoBiaoSong-B05S", "STZhongsong", "Noto Serif CJK SC", "serif"],
    },
];

/// What is known of a font, by the name a style sheet uses.
/// Other names files give the same face: English Word and WPS write
/// FangSong_GB2312 for 仿宋_GB2312, SimSun for 宋体.
const SPELLINGS: &[(&str, &str)] = &[
    ("仿宋_GB2312", "FangSong_GB2312"),
    ("楷体_GB2312", "KaiTi_GB2312"),
    ("仿宋", "FangSong"),
    ("楷体", "KaiTi"),
    ("黑体", "SimHei"),
    ("宋体", "SimSun"),
    ("华文中宋", "STZhongsong"),
    ("方正小标宋简体", "FZXiaoBiaoSong-B05S"),
];

/// Whether two font names are the same face (one a spelling of the other).
/// Not whether one may stand in for the other: 仿宋 is not 仿宋_GB2312.
pub fn same_face(a: &str, b: &str) -> bool {
    let canonical =
        |n: &str| SPELLINGS.iter().find(|(_, other)| other.eq_ignore_ascii_case(n)).map_or(n.to_string(), |(c, _)| c.to_string());
    canonical(a.trim()) == canonical(b.trim())
}

pub fn facts(name: &str) -> Option<&'static FontFacts> {
    FONTS.iter().find(|f| f.name == name)
}

/// A CSS font-family list for a font: the font itself, then what looks most like it.
pub fn css_family(name: &str) -> String {
    let fallbacks = facts(name).map_or(&["serif"][..], |f| f.css_fallbacks);
    std::iter::once(name).chain(fallbacks.iter().copied()).map(|f| format!("\"{f}\"")).collect::<Vec<_>>().join(",")
}
