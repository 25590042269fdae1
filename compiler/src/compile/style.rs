//! Style sheets: a named file of page and role settings that templates import with
//! `样式：名称`, or with a `样式 名称` block whose lines override single settings.

use super::context::Ctx;
use crate::diag::Kind;
use crate::source::Span;
use crate::spec::{Align, LineSpacing, Numbering, Page, PageNumberStyle, Role, RoleStyle, Style};
use crate::syntax::language::{Keyword, HEADING_ROLE_KEYS, PAGE_NUMBER_ROLE_KEYS};
use crate::syntax::{Block, Entry};
use crate::values;

/// Keys of a style sheet's top level (and of a template's `样式` block).
/// The smallest type area (版心) side a page may keep: 2.54 cm, in twips.
const MIN_TEXT_AREA: u32 = 1440;

#[derive(Default, Clone)]
struct RoleSettings {
    font: Option<String>,
    latin_font: Option<String>,
    size: Option<u32>,
    bold: Option<bool>,
    align: Option<Align>,
    indent: Option<u32>,
    line_spacing: Option<LineSpacing>,
    before: Option<u32>,
    after: Option<u32>,
    numbering: Option<Option<Numbering>>,
    number_format: Option<(String, String)>,
    position: Option<(Align, Align)>,
    below_text: Option<u32>,
    inset: Option<u32>,
}

/// Settings gathered from the style sheet, then from the template's overrides.
#[derive(Default)]
pub struct StyleBuilder {
    /// Keys whose value could not be read (already reported), so that finish()
    /// does not call them missing too.
    invalid: Vec<String>,
    paper: Option<(u32, u32)>,
    margins: [Option<u32>; 4],
    gutter: Option<u32>,
    line_spacing: Option<LineSpacing>,
    indent: Option<u32>,
    before: Option<u32>,
    after: Option<u32>,
    roles: Vec<(Role, RoleSettings)>,
}

impl StyleBuilder {
    /// Applies the settings of one layer (a style sheet file or a template's `样式` block).
    pub fn apply(&mut self, ctx: &mut Ctx, items: &[Entry], place: &str, extra_keys: &[&str]) {
        let keys: Vec<&str> = Keyword::Style.kind().keys.iter().chain(extra_keys).copied().collect();
        let table = ctx.table(items, &keys, Keyword::Style.kind().children, place);
        for p in &table.props {
            let reported = ctx.sink.items.len();
            match p.key.text.as_str() {
                "纸张" => self.paper = ctx.read(p, values::paper).or(self.paper),
                "页边距" => {
                    if let Some(m) = ctx.read(p, margins) {
                        for (slot, v) in self.margins.iter_mut().zip(m) {
                            *slot = v.or(*slot);
                        }
                    }
                }
                "装订线" => self.gutter = ctx.read(p, values::length).or(self.gutter),
                "行距" => self.line_spacing = ctx.read(p, values::line_spacing).or(self.line_spacing),
                "首行缩进" => self.indent = ctx.read(p, values::chars).or(self.indent),
                "段前" => self.before = ctx.read(p, values::length).or(self.before),
                "段后" => self.after = ctx.read(p, values::length).or(self.after),
                _ => {}
            }
            if matches!(p.key.text.as_str(), "纸张" | "页边距" | "装订线") && !self.type_area_fits(ctx, p.value.span) {
                self.margins = [None; 4];
            }
            if ctx.sink.items.len() > reported {
                self.invalid.push(p.key.text.clone());
            }
        }
        for b in &table.blocks {
            self.role(ctx, b);
        }
    }

    /// Once paper and all four margins are known, the type area must stay usable;
    /// reported at the setting that broke it (in the sheet or in an override).
    fn type_area_fits(&self, ctx: &mut Ctx, at: Span) -> bool {
        let (Some((width, height)), [Some(top), Some(bottom), Some(left), Some(right)]) = (self.paper, self.margins) else {
            return true;
        };
        let page = Page {
            width,
            height,
            margin_top: top,
            margin_bottom: bottom,
            margin_left: left,
            margin_right: right,
            gutter: self.gutter.unwrap_or(0),
        };
        if page.text_width() >= MIN_TEXT_AREA && page.text_height() >= MIN_TEXT_AREA {
            return true;
        }
        let cm = |twips: u32| f64::from(twips) * 2.54 / 1440.0;
        ctx.error(
            Kind::BadValue,
            at,
            format!("页边距太大：版心只剩{:.1}厘米宽、{:.1}厘米高", cm(page.text_width()), cm(page.text_height())),
            Some("请检查页边距和装订线，例如“左2.8厘米”是否写成了“左28厘米”".into()),
        );
        false
    }

    fn role(&mut self, ctx: &mut Ctx, b: &Block) {
        let Some(head) = &b.head else {
            ctx.error(Kind::MissingKey, b.keyword.span, "角色缺少名称", Some(role_hint()));
            return;
        };
        let Some(role) = Role::from_name(&head.text) else {
            ctx.error(Kind::UnknownRole, head.span, format!("未知的角色“{}”", head.text), Some(role_hint()));
            return;
        };
        let mut keys: Vec<&str> = Keyword::Role.kind().keys.to_vec();
        if matches!(role, Role::Heading1 | Role::Heading2 | Role::Heading3) {
            keys.extend(HEADING_ROLE_KEYS);
        }
        if role == Role::PageNumber {
            keys.extend(PAGE_NUMBER_ROLE_KEYS);
        }
        let place = format!("角色“{}”", role.name());
        let table = ctx.table(&b.items, &keys, &[], &place);
        let i = match self.roles.iter().position(|(r, _)| *r == role) {
            Some(i) => i,
            None => {
                self.roles.push((role, RoleSettings::default()));
                self.roles.len() - 1
            }
        };
        let s = &mut self.roles[i].1;
        for p in &table.props {
            let reported = ctx.sink.items.len();
            let text = || Some(p.value.text.clone()).filter(|t| !t.is_empty());
            match p.key.text.as_str() {
                "字体" => s.font = text().or(s.font.take()),
                "西文字体" => s.latin_font = text().or(s.latin_font.take()),
                "字号" => s.size = ctx.read(p, values::font_size).or(s.size),
                "加粗" => s.bold = ctx.read(p, values::yes_no).or(s.bold),
                "对齐" => s.align = ctx.read(p, values::align).or(s.align),
                "首行缩进" => s.indent = ctx.read(p, values::chars).or(s.indent),
                "行距" => s.line_spacing = ctx.read(p, values::line_spacing).or(s.line_spacing),
                "段前" => s.before = ctx.read(p, values::length).or(s.before),
                "段后" => s.after = ctx.read(p, values::length).or(s.after),
                "编号" => s.numbering = ctx.read(p, values::numbering).or(s.numbering.take()),
                "格式" => s.number_format = ctx.read(p, page_number_format).or(s.number_format.take()),
                "位置" => s.position = ctx.read(p, page_number_position).or(s.position),
                "距版心" => s.below_text = ctx.read(p, values::length).or(s.below_text),
                "缩进" => s.inset = ctx.read(p, values::chars).or(s.inset),
                _ => {}
            }
            if ctx.sink.items.len() > reported {
                self.invalid.push(format!("{}.{}", role.name(), p.key.text));
            }
        }
    }

    /// Resolves every role, reporting what a style sheet must say but does not.
    /// `at` is where to point for a missing setting (the style sheet's first line).
    pub fn finish(self, ctx: &mut Ctx, name: &str, at: Span) -> Option<Style> {
        let mut missing = Vec::new();
        let mut invalid = false;
        let body = self.roles.iter().find(|(r, _)| *r == Role::Body).map(|(_, s)| s.clone()).unwrap_or_default();
        let sides: Vec<&str> =
            ["上", "下", "左", "右"].into_iter().zip(self.margins).filter(|(_, m)| m.is_none()).map(|(n, _)| n).collect();
        let margins_missing = format!("页边距（{}）", sides.join("、"));
        let required = [
            ("纸张", self.paper.is_none(), "纸张"),
            ("页边距", !sides.is_empty(), margins_missing.as_str()),
            ("行距", self.line_spacing.is_none(), "行距"),
            ("正文.字体", body.font.is_none(), "角色 正文 的字体"),
            ("正文.字号", body.size.is_none(), "角色 正文 的字号"),
        ];
        for (key, absent, label) in required {
            if absent && self.invalid.iter().any(|w| w == key) {
                invalid = true;
            } else if absent {
                missing.push(label);
            }
        }
        if invalid && missing.is_empty() {
            return None;
        }
        if !missing.is_empty() {
            ctx.error(
                Kind::MissingKey,
                at,
                format!("样式表“{name}”缺少：{}", missing.join("、")),
                Some("样式表至少要写纸张、页边距、行距，以及“角色 正文”的字体和字号".into()),
            );
            return None;
        }
        let (width, height) = self.paper?;
        let [top, bottom, left, right] = self.margins;
        let page = Page {
            width,
            height,
            margin_top: top?,
            margin_bottom: bottom?,
            margin_left: left?,
            margin_right: right?,
            gutter: self.gutter.unwrap_or(0),
        };
        let line_spacing = self.line_spacing?;
        let indent = self.indent.unwrap_or(0);
        let settings = |role: Role| self.roles.iter().find(|(r, _)| *r == role).map(|(_, s)| s.clone()).unwrap_or_default();
        let body_font = body.font.clone().unwrap_or_default();
        let roles = Role::ALL
            .into_iter()
            .map(|role| {
                let s = settings(role);
                let font = s.font.clone().unwrap_or_else(|| body_font.clone());
                let centred = matches!(role, Role::Title | Role::Subtitle | Role::Date | Role::Caption);
                let indented = matches!(role, Role::Body | Role::Heading1 | Role::Heading2 | Role::Heading3);
                RoleStyle {
                    role,
                    latin_font: s.latin_font.clone().unwrap_or_else(|| font.clone()),
                    font,
                    size_half_points: s.size.or(body.size).unwrap_or(24),
                    bold: s.bold.unwrap_or(false),
                    align: s.align.unwrap_or(if centred { Align::Center } else { Align::Justify }),
                    first_line_indent_chars_x100: s.indent.unwrap_or(if indented { indent } else { 0 }),
                    line_spacing: s.line_spacing.unwrap_or(line_spacing),
                    space_before: s.before.or(self.before).unwrap_or(0),
                    space_after: s.after.or(self.after).unwrap_or(0),
                    numbering: s.numbering.clone().unwrap_or_else(|| default_numbering(role)),
                }
            })
            .collect::<Vec<_>>();
        let pn = settings(Role::PageNumber);
        let pn_role = roles.iter().find(|r| r.role == Role::PageNumber)?;
        let (prefix, suffix) = pn.number_format.clone().unwrap_or_default();
        let (odd, even) = pn.position.unwrap_or((Align::Center, Align::Center));
        let page_number = PageNumberStyle {
            prefix,
            suffix,
            font: pn_role.font.clone(),
            latin_font: pn_role.latin_font.clone(),
            size_half_points: pn_role.size_half_points,
            odd,
            even,
            below_text: pn.below_text.unwrap_or(0),
            inset_chars_x100: pn.inset.unwrap_or(0),
        };
        Some(Style { name: name.to_string(), page, line_spacing, roles, page_number })
    }
}

fn role_hint() -> String {
    let names: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
    format!("角色有：{}", names.join("、"))
}

fn default_numbering(role: Role) -> Option<Numbering> {
    let pattern = match role {
        Role::Heading1 => "一、",
        Role::Heading2 => "（一）",
        Role::Heading3 => "一是",
        _ => return None,
    };
    values::numbering(pattern).ok().flatten()
}

/// 上3.7厘米，下3.5厘米，左2.8厘米，右2.6厘米 → [top, bottom, left, right]; each side
/// starts at its letter, so commas, spaces and 边距 are all optional.
fn margins(s: &str) -> values::Result<[Option<u32>; 4]> {
    let hint = "写成“上3.7厘米，下3.5厘米，左2.8厘米，右2.6厘米”（可只写要改的几边）";
    let n = values::normalise(s);
    let mut out = [None; 4];
    let mut sides: Vec<(usize, String)> = Vec::new();
    for c in n.chars() {
        match "上下左右".chars().position(|x| x == c) {
            Some(i) => sides.push((i, String::new())),
            None => match sides.last_mut() {
                Some((_, text)) => text.push(c),
                None => {
                    return Err(values::ValueError {
                        kind: Kind::BadValue,
                        message: format!("无法识别的页边距“{s}”"),
                        hint: Some(hint.into()),
                    })
                }
            },
        }
    }
    if sides.is_empty() {
        return Err(values::ValueError {
            kind: Kind::BadValue, message: format!("无法识别的页边距“{s}”"), hint: Some(hint.into())
        });
    }
    for (i, text) in sides {
        let t = text.trim_end_matches(',');
        let t = t.trim_start_matches(['边', '距', ':', '为']);
        out[i] = Some(values::length(t)?);
    }
    Ok(out)
}

/// “— {页码} —” → ("— ", " —").
fn page_number_format(s: &str) -> values::Result<(String, String)> {
    match s.split_once("{页码}") {
        Some((a, b)) if !b.contains("{页码}") => Ok((a.to_string(), b.to_string())),
        _ => Err(values::ValueError {
            kind: Kind::BadValue,
            message: format!("页码格式“{s}”里要有一个“{{页码}}”"),
            hint: Some("例如“— {页码} —”：数字左右各一条一字线".into()),
        }),
    }
}

/// 单页居右，双页居左 / 居中 → (odd, even).
fn page_number_position(s: &str) -> values::Result<(Align, Align)> {
    let err = || values::ValueError {
        kind: Kind::BadValue,
        message: format!("无法识别的页码位置“{s}”"),
        hint: Some("例如“单页居右，双页居左”或“居中”".into()),
    };
    let n = values::normalise(s);
    let mut odd = None;
    let mut even = None;
    for part in n.split(',').filter(|p| !p.is_empty()) {
        let after = |prefixes: &[&str]| prefixes.iter().find_map(|p| part.strip_prefix(p));
        if let Some(a) = after(&["单页码", "单页", "奇数页"]) {
            odd = Some(values::align(a).map_err(|_| err())?);
        } else if let Some(a) = after(&["双页码", "双页", "偶数页"]) {
            even = Some(values::align(a).map_err(|_| err())?);
        } else {
            let a = values::align(part).map_err(|_| err())?;
            odd = Some(a);
            even = Some(a);
        }
    }
    match (odd, even) {
        (Some(o), Some(e)) => Ok((o, e)),
        (Some(a), None) | (None, Some(a)) => Ok((a, a)),
        _ => Err(err()),
    }
}
