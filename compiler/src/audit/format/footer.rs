//! The page number in a footer: where it stands, its text around the number
//! (`— 1 —`), and how the number itself is formatted.

use super::{base_props, resolve, run_format, Alignment, PageNumberFormat, ParaProps, RunFormat, RunProps, Styles};
use crate::xml::Element;

/// Where a text box or frame puts what it holds, across the page's width.
#[derive(Clone, Copy)]
enum Place {
    Left,
    Center,
    Right,
    /// Toward the binding: left on odd pages, right on even ones.
    Inside,
    /// Away from it: right on odd pages, left on even ones (WPS's 插入页码 “外侧”).
    Outside,
}

impl Place {
    fn read(value: &str) -> Option<Place> {
        Some(match value {
            "left" => Place::Left,
            "center" => Place::Center,
            "right" => Place::Right,
            "inside" => Place::Inside,
            "outside" => Place::Outside,
            _ => return None,
        })
    }

    /// Its side on odd pages and on even ones.
    fn sides(self) -> (Alignment, Alignment) {
        match self {
            Place::Left => (Alignment::Left, Alignment::Left),
            Place::Center => (Alignment::Center, Alignment::Center),
            Place::Right => (Alignment::Right, Alignment::Right),
            Place::Inside => (Alignment::Left, Alignment::Right),
            Place::Outside => (Alignment::Right, Alignment::Left),
        }
    }
}

/// The page number in a footer: the first paragraph holding a PAGE field,
/// whether in the footer's own flow, in a frame (`w:framePr`), or in a text box
/// floating in it (DrawingML `wps:txbx` or VML `v:textbox`, as WPS's 插入页码 and
/// Word's page-number gallery put it).
pub(super) fn page_number(styles: &Styles, footer: &Element) -> Option<PageNumberFormat> {
    let mut all = Vec::new();
    paragraphs(footer, None, &mut all);
    all.into_iter().find_map(|(p, place)| numbered_paragraph(styles, p, place))
}

/// Every paragraph under `e`, with where its text box or frame places it.
fn paragraphs<'e>(e: &'e Element, place: Option<Place>, out: &mut Vec<(&'e Element, Option<Place>)>) {
    for c in e.elements() {
        match c.local() {
            "p" => {
                let frame = c.child("pPr").and_then(|p| p.child("framePr")).and_then(|f| f.attr("xAlign")).and_then(|a| Place::read(&a));
                out.push((c, frame.or(place)));
                paragraphs(c, place, out);
            }
            // DrawingML: wp:positionH/wp:align.
            "anchor" => {
                let align = c.child("positionH").and_then(|h| h.child("align")).and_then(|a| Place::read(a.text().trim()));
                paragraphs(c, align.or(place), out);
            }
            // VML: style="…;mso-position-horizontal:center;…".
            "shape" | "rect" => {
                let style = c.attr("style").unwrap_or_default();
                let align = style
                    .split(';')
                    .filter_map(|d| d.split_once(':'))
                    .find(|(k, _)| k.trim() == "mso-position-horizontal")
                    .and_then(|(_, v)| Place::read(v.trim()));
                paragraphs(c, align.or(place), out);
            }
            _ => paragraphs(c, place, out),
        }
    }
}

/// A footer paragraph with a PAGE field: its text with the field's result as
/// `{页码}`, and the formatting of the field's result; where it stands is its
/// box's or frame's place, else its own alignment.
fn numbered_paragraph(styles: &Styles, p: &Element, place: Option<Place>) -> Option<PageNumberFormat> {
    let ppr = p.child("pPr");
    let (_, para, base) = base_props(styles, ppr);
    let own = para.then(&ParaProps::read(ppr)).align.unwrap_or(Alignment::Left);
    let (align, even_align) = place.map_or((own, own), Place::sides);
    // Walk the runs again, this time keeping field codes to find PAGE.
    let mut text = String::new();
    let mut number_run = None;
    let mut state = Field::Outside;
    walk_footer(styles, &base, p, &mut state, &mut text, &mut number_run);
    let run = number_run?;
    Some(PageNumberFormat { text, align, even_align, run })
}

#[derive(Clone, PartialEq)]
enum Field {
    Outside,
    /// Reading a complex field's code; the code so far.
    Code(String),
    /// Showing a field's result; whether it is a PAGE field.
    Result(bool),
}

fn walk_footer(styles: &Styles, base: &RunProps, e: &Element, state: &mut Field, text: &mut String, number: &mut Option<RunFormat>) {
    for c in e.elements() {
        match c.local() {
            "fldSimple" => {
                let is_page = c.attr("instr").is_some_and(|i| is_page_code(&i));
                if is_page {
                    text.push_str("{页码}");
                    if number.is_none() {
                        let r = c.elements().find(|r| r.local() == "r");
                        *number = Some(run_format(styles, &resolve(styles, base, r.and_then(|r| r.child("rPr"))), "1".into()));
                    }
                } else {
                    walk_footer(styles, base, c, state, text, number);
                }
            }
            "r" => {
                let rpr = c.child("rPr");
                for part in c.elements() {
                    match (part.local(), &mut *state) {
                        ("fldChar", _) => match part.attr("fldCharType").as_deref() {
                            Some("begin") => *state = Field::Code(String::new()),
                            Some("separate") => {
                                let is_page = matches!(&*state, Field::Code(code) if is_page_code(code));
                                if is_page {
                                    text.push_str("{页码}");
                                }
                                *state = Field::Result(is_page);
                            }
                            Some("end") => {
                                // A PAGE field with no cached result still shows a number.
                                if let Field::Code(code) = &*state {
                                    if is_page_code(code) {
                                        text.push_str("{页码}");
                                        if number.is_none() {
                                            *number = Some(run_format(styles, &resolve(styles, base, rpr), "1".into()));
                                        }
                                    }
                                }
                                *state = Field::Outside;
                            }
                            _ => {}
                        },
                        ("instrText", Field::Code(code)) => code.push_str(&part.text()),
                        ("t", Field::Result(true)) if number.is_none() => {
                            *number = Some(run_format(styles, &resolve(styles, base, rpr), part.text()));
                        }
                        ("t", Field::Outside) => text.push_str(&part.text()),
                        ("tab" | "ptab", Field::Outside) => text.push('\t'),
                        _ => {}
                    }
                }
            }
            "hyperlink" | "ins" | "smartTag" | "sdt" | "sdtContent" | "customXml" => walk_footer(styles, base, c, state, text, number),
            _ => {}
        }
    }
}

fn is_page_code(code: &str) -> bool {
    code.split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case("PAGE"))
}
