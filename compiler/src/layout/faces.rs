//! The faces a received file's text is drawn in, as LibreOffice draws it on the
//! machine the tests run on (Debian's CJK fonts as tests/fonts/fonts.conf maps
//! the Chinese font names; Liberation and Carlito, metric-compatible with Times
//! New Roman, Arial and Calibri): each face's line height and its ASCII
//! advances, read from the font files (hhea ascender with its line gap, and
//! descender; hmtx).
//!
//! Measured against LibreOffice 7.4: a single-spaced line is as tall as the
//! largest ascent plus the largest descent of the faces on it, rounded to a
//! twip (35 sizes and faces: 29 to the twip, the rest one off either way); an
//! empty paragraph takes its mark's Latin face. A name not in the table falls
//! back as fontconfig chooses, by the name and the document's language: the
//! model takes Noto Sans CJK for Chinese text and DejaVu Sans for Latin, which
//! is not always LibreOffice's choice. A Chinese font on Windows (SimSun, FangSong_GB2312) has its own,
//! slightly different metrics; docs/desk.md says what that changes.

/// A font's vertical metrics, in hundred-thousandths of an em (the ascent
/// with the line gap), and ASCII advances, in thousandths.
#[derive(Debug, PartialEq, Eq)]
pub struct Face {
    pub name: &'static str,
    pub ascent: u32,
    pub descent: u32,
    /// Advances of U+0020..=U+007E; None: all half an em.
    ascii: Option<&'static [u16; 95]>,
}

impl Face {
    /// How far `c` advances the line at `em` twips: Chinese characters and
    /// full-width marks one em, ASCII by the face's table, other Latin half an em.
    pub fn advance(&self, c: char, wide: bool, em: u32) -> u32 {
        if wide {
            return em;
        }
        match (self.ascii, c as u32) {
            (Some(table), code @ 0x20..=0x7E) => (em * table[(code - 0x20) as usize] as u32 + 500) / 1000,
            _ => em / 2,
        }
    }
}

const LIBERATION_SERIF: Face = Face {
    name: "Liberation Serif",
    ascent: 93359,
    descent: 21631,
    ascii: Some(&[
        250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500,
        278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556,
        611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778,
        500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
    ]),
};
const LIBERATION_SERIF_BOLD: Face = Face {
    name: "Liberation Serif Bold",
    ascent: 93359,
    descent: 21631,
    ascii: Some(&[
        250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500,
        333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556,
        667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833,
        556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
    ]),
};
const LIBERATION_SANS: Face = Face {
    name: "Liberation Sans",
    ascent: 93799,
    descent: 21191,
    ascii: Some(&[
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556,
        278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,
        611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,
        556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ]),
};
const LIBERATION_SANS_BOLD: Face = Face {
    name: "Liberation Sans Bold",
    ascent: 93799,
    descent: 21191,
    ascii: Some(&[
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556,
        333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667,
        611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889,
        611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ]),
};
const CARLITO: Face = Face {
    name: "Carlito",
    ascent: 97070,
    descent: 25000,
    ascii: Some(&[
        226, 326, 401, 498, 507, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386, 507, 507, 507, 507, 507, 507, 507, 507, 507, 507,
        268, 268, 498, 498, 498, 463, 894, 579, 544, 533, 615, 488, 459, 631, 623, 252, 319, 520, 420, 855, 646, 662, 517, 673, 543, 459,
        487, 642, 567, 890, 519, 487, 468, 307, 386, 307, 498, 498, 291, 479, 525, 423, 525, 498, 305, 471, 525, 229, 239, 455, 229, 799,
        525, 527, 525, 525, 349, 391, 335, 525, 452, 715, 433, 453, 395, 314, 460, 314, 498,
    ]),
};
const CARLITO_BOLD: Face = Face {
    name: "Carlito Bold",
    ascent: 97070,
    descent: 25000,
    ascii: Some(&[
        226, 326, 438, 498, 507, 729, 705, 233, 312, 312, 498, 498, 258, 306, 267, 430, 507, 507, 507, 507, 507, 507, 507, 507, 507, 507,
        276, 276, 498, 498, 498, 463, 898, 606, 561, 529, 630, 488, 459, 637, 631, 267, 331, 547, 423, 874, 659, 676, 532, 686, 563, 473,
        495, 653, 591, 906, 551, 520, 478, 325, 430, 325, 498, 498, 300, 494, 537, 418, 537, 503, 316, 474, 537, 246, 255, 480, 246, 813,
        537, 538, 537, 537, 355, 399, 347, 537, 473, 745, 459, 474, 397, 344, 475, 344, 498,
    ]),
};
const DEJAVU_SANS: Face = Face {
    name: "DejaVu Sans",
    ascent: 92822,
    descent: 23584,
    ascii: Some(&[
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636,
        337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635,
        611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974,
        634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ]),
};
const DEJAVU_SERIF: Face = Face {
    name: "DejaVu Serif",
    ascent: 92822,
    descent: 23584,
    ascii: Some(&[
        318, 402, 460, 838, 636, 950, 890, 275, 390, 390, 500, 838, 318, 338, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636,
        337, 337, 838, 838, 838, 536, 1000, 722, 735, 765, 802, 730, 694, 799, 872, 395, 401, 747, 664, 1024, 875, 820, 673, 820, 753, 685,
        667, 843, 722, 1028, 712, 660, 695, 390, 337, 390, 838, 500, 500, 596, 640, 560, 640, 592, 370, 640, 644, 320, 310, 606, 320, 948,
        644, 602, 640, 640, 478, 513, 402, 644, 565, 856, 564, 565, 527, 636, 337, 636, 838,
    ]),
};
const NOTO_SERIF_CJK: Face = Face {
    name: "Noto Serif CJK SC",
    ascent: 115100,
    descent: 28600,
    ascii: Some(&[
        256, 308, 376, 574, 550, 923, 779, 196, 364, 364, 478, 580, 327, 346, 327, 352, 557, 471, 558, 557, 555, 558, 558, 549, 558, 562,
        327, 327, 580, 580, 580, 432, 912, 718, 670, 691, 770, 652, 629, 741, 853, 405, 402, 731, 625, 975, 796, 767, 641, 767, 715, 567,
        659, 797, 714, 1053, 700, 687, 605, 344, 352, 344, 580, 563, 435, 557, 638, 538, 629, 546, 388, 566, 663, 332, 311, 607, 334, 974,
        661, 596, 638, 607, 462, 473, 367, 653, 548, 838, 564, 552, 498, 374, 316, 374, 580,
    ]),
};
const NOTO_SANS_CJK: Face = Face {
    name: "Noto Sans CJK SC",
    ascent: 116000,
    descent: 28800,
    ascii: Some(&[
        224, 323, 474, 555, 555, 921, 680, 278, 338, 338, 467, 555, 278, 347, 278, 392, 555, 555, 555, 555, 555, 555, 555, 555, 555, 555,
        278, 278, 555, 555, 555, 474, 946, 608, 657, 638, 688, 589, 552, 689, 728, 293, 535, 646, 543, 812, 723, 742, 633, 742, 635, 596,
        599, 721, 575, 878, 573, 531, 603, 338, 392, 338, 555, 559, 606, 563, 618, 510, 620, 554, 325, 564, 607, 275, 275, 552, 284, 926,
        610, 606, 620, 620, 388, 468, 377, 607, 521, 802, 498, 521, 475, 338, 270, 338, 555,
    ]),
};
const DEJAVU_SANS_MONO: Face = Face { name: "DejaVu Sans Mono", ascent: 92822, descent: 23584, ascii: Some(&[602; 95]) };
const LIBERATION_MONO: Face = Face { name: "Liberation Mono", ascent: 83252, descent: 30029, ascii: Some(&[600; 95]) };
const DEJAVU_MATH: Face = Face {
    name: "DejaVu Math TeX Gyre",
    ascent: 99200,
    descent: 20800,
    ascii: Some(&[
        317, 401, 459, 837, 636, 950, 890, 274, 424, 424, 500, 788, 317, 337, 317, 452, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636,
        336, 336, 795, 788, 795, 536, 1000, 722, 734, 765, 801, 729, 693, 798, 872, 395, 400, 747, 664, 1023, 875, 819, 672, 819, 752, 685,
        666, 842, 722, 1027, 711, 660, 694, 419, 452, 419, 837, 500, 500, 596, 640, 560, 640, 591, 370, 640, 644, 319, 310, 605, 319, 948,
        644, 602, 640, 640, 478, 513, 401, 644, 564, 855, 563, 564, 526, 418, 224, 418, 837,
    ]),
};
const UMING: Face = Face { name: "AR PL UMing CN", ascent: 90137, descent: 15137, ascii: None };
const UKAI: Face = Face { name: "AR PL UKai CN", ascent: 97949, descent: 12988, ascii: None };

/// Which face LibreOffice draws a font name in here, by spelling (the names of
/// tests/fonts/fonts.conf, and the faces fontconfig substitutes for Windows' Latin fonts).
const NAMES: &[(&[&str], &Face, &Face)] = &[
    (&["仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312"], &UMING, &UMING),
    (&["楷体_GB2312", "楷体", "KaiTi", "KaiTi_GB2312"], &UKAI, &UKAI),
    (&["黑体", "SimHei", "微软雅黑", "Microsoft YaHei", "等线", "DengXian"], &NOTO_SANS_CJK, &NOTO_SANS_CJK),
    (&["宋体", "SimSun", "华文中宋", "STZhongsong", "方正小标宋简体", "FZXiaoBiaoSong-B05S"], &NOTO_SERIF_CJK, &NOTO_SERIF_CJK),
    (&["Times New Roman"], &LIBERATION_SERIF, &LIBERATION_SERIF_BOLD),
    (&["Arial", "Helvetica"], &LIBERATION_SANS, &LIBERATION_SANS_BOLD),
    (&["Calibri"], &CARLITO, &CARLITO_BOLD),
    (&["DejaVu Serif", "Cambria", "ＭＳ 明朝"], &DEJAVU_SERIF, &DEJAVU_SERIF),
    // Program listings: the monospaced faces fontconfig gives (measured: 14.0 and 13.6 pt lines at 12 pt).
    (&["Consolas", "DejaVu Sans Mono"], &DEJAVU_SANS_MONO, &DEJAVU_SANS_MONO),
    (&["Courier New", "Liberation Mono"], &LIBERATION_MONO, &LIBERATION_MONO),
    // Word's equation font, whose stand-in has a line gap (measured: 14.4 pt lines at 12 pt).
    (&["Cambria Math"], &DEJAVU_MATH, &DEJAVU_MATH),
];

/// The face for Chinese text in a font `name` (None: the file names none, and
/// LibreOffice takes 宋体, measured).
pub fn east_asian(name: Option<&str>) -> &'static Face {
    named(name.unwrap_or("宋体"), false).unwrap_or(&NOTO_SANS_CJK)
}

/// The face for Latin text in a font `name` (None: LibreOffice's default for a
/// .docx, Times New Roman, measured).
pub fn latin(name: Option<&str>, bold: bool) -> &'static Face {
    named(name.unwrap_or("Times New Roman"), bold).unwrap_or(&DEJAVU_SANS)
}

/// Every spelling the table knows and the face it draws in (for checking the
/// table against the fonts LibreOffice finds: compiler/tests/file_pages.rs).
pub fn spellings() -> impl Iterator<Item = (&'static str, &'static str)> {
    NAMES.iter().flat_map(|(spellings, face, _)| spellings.iter().map(move |s| (*s, face.name)))
}

fn named(name: &str, bold: bool) -> Option<&'static Face> {
    let name = name.trim();
    NAMES.iter().find(|(spellings, _, _)| spellings.iter().any(|s| s.eq_ignore_ascii_case(name))).map(|(_, regular, bold_face)| {
        if bold {
            *bold_face
        } else {
            *regular
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faces_give_the_line_heights_libreoffice_drew_at_12_pt() {
        // Measured in PDFs of single-spaced paragraphs at 12 pt (points).
        for (name, chinese, points) in [
            ("仿宋_GB2312", true, 12.6),
            ("宋体", true, 17.25),
            ("黑体", true, 17.4),
            ("Times New Roman", false, 13.8),
            ("Calibri", false, 14.65),
        ] {
            let face = if chinese { east_asian(Some(name)) } else { latin(Some(name), false) };
            let height = (face.ascent + face.descent) as f64 * 12.0 / 100_000.0;
            assert!((height - points).abs() < 0.1, "{name}: {height} pt, measured {points}");
        }
    }
}
