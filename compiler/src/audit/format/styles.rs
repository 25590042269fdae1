//! The chain a property is resolved along: document defaults, styles (with
//! those they are based on), and the theme's fonts; run and paragraph
//! properties as each level sets them.

use std::collections::HashMap;

use crate::xml::Element;

/// A font slot's value before the theme is looked up.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Font {
    Named(String),
    /// A theme font: `minorEastAsia`, `majorHAnsi`…
    Theme(String),
}

/// Run properties as one level of the chain sets them (None: not set there).
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct RunProps {
    pub(super) east_asia: Option<Font>,
    pub(super) latin: Option<Font>,
    pub(super) size: Option<u32>,
    pub(super) bold: Option<bool>,
    /// Whether its colour is a red (`w:color`).
    pub(super) red: Option<bool>,
    /// Horizontal scale in percent (`w:w`) and character spacing in twips (`w:spacing`).
    pub(super) scale: Option<u32>,
    pub(super) spacing: Option<i32>,
    /// The language of its East Asian text (`w:lang/@eastAsia`).
    pub(super) east_asian_lang: Option<String>,
}

impl RunProps {
    pub(super) fn read(rpr: Option<&Element>) -> RunProps {
        let Some(rpr) = rpr else { return RunProps::default() };
        let fonts = rpr.child("rFonts");
        // A theme attribute wins over the plain name beside it (ECMA-376 17.3.2.26).
        let font = |theme: &str, name: &str| {
            let f = fonts?;
            f.attr(theme).map(Font::Theme).or_else(|| f.attr(name).filter(|n| !n.is_empty()).map(Font::Named))
        };
        RunProps {
            east_asia: font("eastAsiaTheme", "eastAsia"),
            latin: font("asciiTheme", "ascii").or_else(|| font("hAnsiTheme", "hAnsi")),
            // Word's sizes run to 1638 pt (3276 half-points).
            size: rpr
                .child("sz")
                .and_then(|s| s.attr("val"))
                .and_then(|v| v.parse::<f64>().ok())
                .map(|v| v.round().clamp(0.0, 3276.0) as u32),
            bold: rpr.child("b").map(|b| toggle(Some(b))),
            red: rpr.child("color").and_then(|c| c.attr("val")).map(|v| crate::import::word::is_red(&v)),
            scale: rpr
                .child("w")
                .and_then(|w| w.attr("val"))
                .and_then(|v| v.trim_end_matches('%').parse::<f64>().ok())
                .map(|v| v.clamp(1.0, 600.0) as u32),
            spacing: rpr
                .child("spacing")
                .and_then(|s| s.attr("val"))
                .and_then(|v| v.parse::<f64>().ok())
                .map(|v| v.clamp(-31680.0, 31680.0) as i32),
            east_asian_lang: rpr.child("lang").and_then(|l| l.attr("eastAsia")),
        }
    }

    /// `self` with what `over` sets on top.
    pub(super) fn then(&self, over: &RunProps) -> RunProps {
        RunProps {
            east_asia: over.east_asia.clone().or_else(|| self.east_asia.clone()),
            latin: over.latin.clone().or_else(|| self.latin.clone()),
            size: over.size.or(self.size),
            bold: over.bold.or(self.bold),
            red: over.red.or(self.red),
            scale: over.scale.or(self.scale),
            spacing: over.spacing.or(self.spacing),
            east_asian_lang: over.east_asian_lang.clone().or_else(|| self.east_asian_lang.clone()),
        }
    }
}

/// Paragraph alignment as the file says it (`w:jc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alignment {
    Left,
    Center,
    Right,
    Justify,
    /// 分散对齐.
    Distribute,
}

/// Line spacing as the file says it (`w:spacing/@line`, `@lineRule`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spacing {
    /// 固定值, twips.
    Exact(u32),
    /// 最小值, twips.
    AtLeast(u32),
    /// 倍数, in 240ths of a line (240 = 单倍).
    Multiple(u32),
}

/// A first-line indent: in 1/100 characters (`firstLineChars`), which Word
/// prefers when set, or in twips (`firstLine`); negative for a hanging indent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Indent {
    Chars(i32),
    Twips(i32),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct ParaProps {
    pub(super) align: Option<Alignment>,
    pub(super) spacing: Option<Spacing>,
    pub(super) indent: Option<Indent>,
    /// Space before and after, in twips (automatic spacing: 14 pt).
    pub(super) before: Option<u32>,
    pub(super) after: Option<u32>,
    /// Left, right and first-line indents in twips (negative: hanging), as
    /// the page model takes them.
    pub(super) left: Option<i32>,
    pub(super) right: Option<i32>,
    pub(super) first_line: Option<i32>,
    pub(super) contextual: Option<bool>,
    pub(super) keep_next: Option<bool>,
    pub(super) keep_lines: Option<bool>,
    pub(super) widow_control: Option<bool>,
    pub(super) page_break_before: Option<bool>,
    pub(super) snap_to_grid: Option<bool>,
}

/// Automatic (HTML) spacing before or after a paragraph, measured in LibreOffice.
pub(super) const AUTOMATIC_SPACING: u32 = 280;

impl ParaProps {
    pub(super) fn read(ppr: Option<&Element>) -> ParaProps {
        let Some(ppr) = ppr else { return ParaProps::default() };
        let align = ppr.child("jc").and_then(|j| j.attr("val")).and_then(|v| match v.as_str() {
            "left" | "start" => Some(Alignment::Left),
            "center" => Some(Alignment::Center),
            "right" | "end" => Some(Alignment::Right),
            "both" | "lowKashida" | "mediumKashida" | "highKashida" => Some(Alignment::Justify),
            "distribute" | "thaiDistribute" => Some(Alignment::Distribute),
            _ => None,
        });
        let spacing = ppr.child("spacing").and_then(|s| {
            // Twips or 240ths of a line, within Word's own limit (1584 pt).
            let line: u32 = s.attr("line")?.parse::<f64>().ok()?.round().clamp(0.0, 31680.0) as u32;
            Some(match s.attr("lineRule").as_deref() {
                Some("exact") => Spacing::Exact(line),
                Some("atLeast") => Spacing::AtLeast(line),
                _ => Spacing::Multiple(line),
            })
        });
        let indent = ppr.child("ind").and_then(|i| {
            let num = |k: &str| i.attr(k).and_then(|v| v.parse::<f64>().ok()).map(|v| v.round() as i32);
            // firstLineChars="0" beside a firstLine in twips: Word uses the twips.
            match (num("firstLineChars"), num("hangingChars"), num("firstLine"), num("hanging")) {
                (_, Some(h), _, _) if h != 0 => Some(Indent::Chars(-h)),
                (Some(c), _, _, _) if c != 0 => Some(Indent::Chars(c)),
                (_, _, _, Some(h)) if h != 0 => Some(Indent::Twips(-h)),
                (_, _, Some(t), _) => Some(Indent::Twips(t)),
                (Some(0), _, _, _) | (_, _, _, Some(0)) => Some(Indent::Twips(0)),
                _ => None,
            }
        });
        let spacing_element = ppr.child("spacing");
        let space = |side: &str| {
            let s = spacing_element?;
            if toggle_attr(s, &format!("{side}Autospacing")) {
                return Some(AUTOMATIC_SPACING);
            }
            s.attr(side).and_then(|v| v.parse::<f64>().ok()).map(|v| v.round().clamp(0.0, 31680.0) as u32)
        };
        // In twips, as LibreOffice 7.4 lays them out: it reads no *Chars
        // attribute (measured: firstLineChars="200" alone indents nothing).
        let twips = |names: &[&str]| {
            let i = ppr.child("ind")?;
            names.iter().find_map(|k| i.attr(k).and_then(|v| v.parse::<f64>().ok())).map(|v| v.round().clamp(-31680.0, 31680.0) as i32)
        };
        let flag = |name: &str| ppr.child(name).map(|e| toggle(Some(e)));
        ParaProps {
            align,
            spacing,
            indent,
            before: space("before"),
            after: space("after"),
            left: twips(&["left", "start"]),
            right: twips(&["right", "end"]),
            first_line: twips(&["hanging"]).filter(|h| *h != 0).map(|h| -h).or_else(|| twips(&["firstLine"])),
            contextual: flag("contextualSpacing"),
            keep_next: flag("keepNext"),
            keep_lines: flag("keepLines"),
            widow_control: flag("widowControl"),
            page_break_before: flag("pageBreakBefore"),
            snap_to_grid: flag("snapToGrid"),
        }
    }

    pub(super) fn then(&self, over: &ParaProps) -> ParaProps {
        ParaProps {
            align: over.align.or(self.align),
            spacing: over.spacing.or(self.spacing),
            indent: over.indent.or(self.indent),
            before: over.before.or(self.before),
            after: over.after.or(self.after),
            left: over.left.or(self.left),
            right: over.right.or(self.right),
            first_line: over.first_line.or(self.first_line),
            contextual: over.contextual.or(self.contextual),
            keep_next: over.keep_next.or(self.keep_next),
            keep_lines: over.keep_lines.or(self.keep_lines),
            widow_control: over.widow_control.or(self.widow_control),
            page_break_before: over.page_break_before.or(self.page_break_before),
            snap_to_grid: over.snap_to_grid.or(self.snap_to_grid),
        }
    }
}

/// Whether a toggle property (w:b…) is on: present, and not "0"/"false".
pub(super) fn toggle(e: Option<&Element>) -> bool {
    e.is_some_and(|e| !matches!(e.attr("val").as_deref(), Some("0" | "false" | "off")))
}

/// Whether an on/off attribute is on.
pub(super) fn toggle_attr(e: &Element, name: &str) -> bool {
    e.attr(name).is_some_and(|v| matches!(v.as_str(), "1" | "true" | "on"))
}

pub(super) struct StyleDef {
    pub(super) name: String,
    pub(super) based_on: Option<String>,
    pub(super) run: RunProps,
    pub(super) para: ParaProps,
}

/// styles.xml and the theme's fonts: what every level of the chain sets.
pub(super) struct Styles {
    pub(super) run_defaults: RunProps,
    pub(super) para_defaults: ParaProps,
    pub(super) by_id: HashMap<String, StyleDef>,
    pub(super) default_paragraph: Option<String>,
    /// Theme font name (`minorEastAsia`…) → typeface.
    pub(super) theme: HashMap<String, String>,
    /// What each list's levels give their paragraphs, by `numId` and level
    /// (numbering.xml): their indents come between the paragraph style's and
    /// the paragraph's own (ECMA-376 17.9).
    pub(super) list_levels: HashMap<(String, u32), ParaProps>,
}

impl Styles {
    /// Reads numbering.xml's lists.
    pub(super) fn read_numbering(&mut self, root: Option<&Element>) {
        let Some(root) = root else { return };
        let abstracts: HashMap<String, &Element> =
            root.elements().filter(|e| e.local() == "abstractNum").filter_map(|a| a.attr("abstractNumId").map(|id| (id, a))).collect();
        for num in root.elements().filter(|e| e.local() == "num") {
            let (Some(id), Some(abstract_id)) = (num.attr("numId"), num.child("abstractNumId").and_then(|a| a.attr("val"))) else {
                continue;
            };
            let Some(definition) = abstracts.get(&abstract_id) else { continue };
            for lvl in definition.elements().filter(|e| e.local() == "lvl") {
                let Some(level) = lvl.attr("ilvl").and_then(|v| v.parse::<u32>().ok()) else { continue };
                self.list_levels.insert((id.clone(), level), ParaProps::read(lvl.child("pPr")));
            }
        }
    }

    /// What the list level a paragraph's own `numPr` names gives it.
    pub(super) fn list_level(&self, ppr: Option<&Element>) -> Option<&ParaProps> {
        let num = ppr?.child("numPr")?;
        let id = num.child("numId")?.attr("val")?;
        let level = num.child("ilvl").and_then(|l| l.attr("val")).and_then(|v| v.parse::<u32>().ok()).unwrap_or(0);
        self.list_levels.get(&(id, level))
    }

    pub(super) fn read(root: Option<&Element>, theme: Option<&Element>, east_asian_script: &str) -> Styles {
        let mut styles = Styles {
            run_defaults: RunProps::default(),
            para_defaults: ParaProps::default(),
            by_id: HashMap::new(),
            default_paragraph: None,
            theme: theme.map(|t| theme_fonts(t, east_asian_script)).unwrap_or_default(),
            list_levels: HashMap::new(),
        };
        let Some(root) = root else { return styles };
        if let Some(defaults) = root.child("docDefaults") {
            styles.run_defaults = RunProps::read(defaults.child("rPrDefault").and_then(|d| d.child("rPr")));
            styles.para_defaults = ParaProps::read(defaults.child("pPrDefault").and_then(|d| d.child("pPr")));
        }
        for s in root.elements().filter(|s| s.local() == "style") {
            let Some(id) = s.attr("styleId") else { continue };
            if s.attr("type").as_deref() == Some("paragraph") && matches!(s.attr("default").as_deref(), Some("1" | "true" | "on")) {
                styles.default_paragraph = Some(id.clone());
            }
            let def = StyleDef {
                name: s.child("name").and_then(|n| n.attr("val")).unwrap_or_else(|| id.clone()),
                based_on: s.child("basedOn").and_then(|b| b.attr("val")),
                run: RunProps::read(s.child("rPr")),
                para: ParaProps::read(s.child("pPr")),
            };
            styles.by_id.insert(id, def);
        }
        styles
    }

    /// A style and those it is based on, the farthest ancestor first (loops cut).
    pub(super) fn chain(&self, id: Option<&str>) -> Vec<&StyleDef> {
        let mut out = Vec::new();
        let mut next = id.map(str::to_string);
        while let Some(id) = next.take() {
            let Some(s) = self.by_id.get(&id) else { break };
            if out.len() >= 20 || out.iter().any(|o: &&StyleDef| std::ptr::eq(*o, s)) {
                break;
            }
            out.push(s);
            next = s.based_on.clone();
        }
        out.reverse();
        out
    }

    pub(super) fn typeface(&self, font: &Option<Font>) -> Option<String> {
        match font.as_ref()? {
            Font::Named(n) => Some(n.clone()),
            Font::Theme(t) => self.theme.get(t).cloned(),
        }
    }
}

/// The theme's script for the document's East Asian language
/// (settings.xml `themeFontLang/@eastAsia`); simplified Chinese when it names none.
pub(super) fn east_asian_script(settings: Option<&Element>) -> &'static str {
    let lang = settings.and_then(|s| s.child("themeFontLang")).and_then(|l| l.attr("eastAsia")).unwrap_or_default().to_ascii_lowercase();
    match lang.as_str() {
        "ja-jp" | "ja" => "Jpan",
        "ko-kr" | "ko" => "Hang",
        "zh-tw" | "zh-hk" | "zh-mo" => "Hant",
        _ => "Hans",
    }
}

/// The theme's major and minor fonts under the names rFonts uses for them.
pub(super) fn theme_fonts(theme: &Element, east_asian_script: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let scheme = find(theme, "fontScheme");
    for (kind, prefix) in [("majorFont", "major"), ("minorFont", "minor")] {
        let Some(f) = scheme.and_then(|s| s.child(kind)) else { continue };
        let face = |e: Option<&Element>| e.and_then(|e| e.attr("typeface")).filter(|t| !t.is_empty());
        // The face for the document's East Asian script first, then the
        // theme's general East Asian one (as LibreOffice resolves them, after Word).
        let script = f.elements().find(|e| e.local() == "font" && e.attr("script").as_deref() == Some(east_asian_script));
        if let Some(ea) = face(script).or_else(|| face(f.child("ea"))) {
            out.insert(format!("{prefix}EastAsia"), ea);
        }
        if let Some(latin) = face(f.child("latin")) {
            for slot in ["HAnsi", "Ascii", "Bidi"] {
                out.insert(format!("{prefix}{slot}"), latin.clone());
            }
        }
    }
    out
}

/// The first descendant with this local name.
pub(super) fn find<'e>(e: &'e Element, local: &str) -> Option<&'e Element> {
    e.elements().find_map(|c| if c.local() == local { Some(c) } else { find(c, local) })
}
