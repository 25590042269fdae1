//! The page number in a footer: where it stands, its text around the number
//! (`— 1 —`), and how the number itself is formatted.

use super::{base_props, resolve, run_format, Alignment, PageNumberFormat, ParaProps, RunFormat, RunProps, Styles};
use crate::xml::Element;

/// The page number in a footer: the first paragraph holding a PAGE field.
pub(super) fn page_number(styles: &Styles, footer: &Element) -> Option<PageNumberFormat> {
    fn paragraphs<'e>(e: &'e Element, out: &mut Vec<&'e Element>) {
        for c in e.elements() {
            match c.local() {
                "p" => out.push(c),
                _ => paragraphs(c, out),
            }
        }
    }
    let mut all = Vec::new();
    paragraphs(footer, &mut all);
    all.into_iter().find_map(|p| numbered_paragraph(styles, p))
}

/// A footer paragraph with a PAGE field: its text with the field's result as
/// `{页码}`, and the formatting of the field's result.
fn numbered_paragraph(styles: &Styles, p: &Element) -> Option<PageNumberFormat> {
    let ppr = p.child("pPr");
    let (_, para, base) = base_props(styles, ppr);
    let align = para.then(&ParaProps::read(ppr)).align.unwrap_or(Alignment::Left);
    // Walk the runs again, this time keeping field codes to find PAGE.
    let mut text = String::new();
    let mut number_run = None;
    let mut state = Field::Outside;
    walk_footer(styles, &base, p, &mut state, &mut text, &mut number_run);
    let run = number_run?;
    Some(PageNumberFormat { text, align, run })
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
