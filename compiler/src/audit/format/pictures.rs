//! What a picture, an embedded object or a drawn shape takes in a
//! paragraph: inline ones their size, floating ones that text cannot pass
//! beside a line of their own; and whether a drawing is a red rule.

use super::styles::{find, toggle_attr};
use super::MAX_TWIPS;
use crate::xml::Element;

/// The width a floating picture that text wraps above and below is given: more
/// than any line, so that it stands on a line of its own.
pub(super) const OWN_LINE: u32 = MAX_TWIPS as u32;

/// How wide a floating picture with text wrapped beside it must be to leave
/// no room for text there, in twips: two thirds of an A4 page's usual
/// 14.6 cm column (a real thesis's 14.6 cm Visio drawing, wrapped square,
/// stands alone; a 5 cm photo with text beside it is not modelled).
const NOTHING_BESIDE: u32 = 5500;

/// What a picture (or an OLE object's picture, or a shape) takes in the text.
pub(super) enum Picture {
    /// An inline one: its width and height in twips.
    Inline(u32, u32),
    /// A floating one with text above and below it: where it begins and ends
    /// below its paragraph's top, with its distances, in twips.
    Floating(i64, i64),
}

/// An inline picture (`wp:inline`, or a VML shape not positioned absolutely,
/// as Word writes OLE objects) takes its size; a floating one with text
/// above and below it (`wrapTopAndBottom`) a line of its own; other floating
/// ones nothing.
pub(super) fn picture_extent(drawing: &Element) -> Option<Picture> {
    let emu = |e: &Element, k: &str| {
        e.attr(k).and_then(|v| v.parse::<u64>().ok()).map(|v| (v / crate::geometry::EMU_PER_TWIP).min(MAX_TWIPS) as u32)
    };
    if let Some(inline) = find(drawing, "inline") {
        let extent = inline.child("extent")?;
        return Some(Picture::Inline(emu(extent, "cx")?, emu(extent, "cy")?));
    }
    if let Some(anchor) = find(drawing, "anchor") {
        let behind = toggle_attr(anchor, "behindDoc");
        let width = emu(anchor.child("extent")?, "cx")?;
        let beside = ["wrapSquare", "wrapTight", "wrapThrough"].iter().any(|w| anchor.child(w).is_some());
        if behind || !(anchor.child("wrapTopAndBottom").is_some() || beside && width >= NOTHING_BESIDE) {
            return None;
        }
        let height = emu(anchor.child("extent")?, "cy")? as i64;
        // Below the paragraph's top where it is placed from the paragraph or the line.
        let offset = anchor
            .child("positionV")
            .filter(|v| matches!(v.attr("relativeFrom").as_deref(), Some("paragraph" | "line")))
            .and_then(|v| v.child("posOffset"))
            .and_then(|o| o.text().trim().parse::<i64>().ok())
            .map_or(0, |o| (o / crate::geometry::EMU_PER_TWIP as i64).clamp(-(MAX_TWIPS as i64), MAX_TWIPS as i64));
        let top = offset - emu(anchor, "distT").unwrap_or(0) as i64;
        return Some(Picture::Floating(top, offset + height + emu(anchor, "distB").unwrap_or(0) as i64));
    }
    let shape = ["shape", "rect", "roundrect", "oval"].iter().find_map(|name| find(drawing, name))?;
    let style = shape.attr("style")?;
    let length =
        |key: &str| style.split(';').find_map(|d| d.split_once(':').filter(|(k, _)| k.trim() == key)).and_then(|(_, v)| css_twips(v));
    let (width, height) = (length("width")?, length("height")?);
    if !style.replace(' ', "").contains("position:absolute") {
        return Some(Picture::Inline(width, height));
    }
    let wrap = find(shape, "wrap").and_then(|w| w.attr("type"));
    let top = length("margin-top").unwrap_or(0) as i64;
    let stands_alone = match wrap.as_deref() {
        Some("topAndBottom") => true,
        Some("square" | "tight" | "through") => width >= NOTHING_BESIDE,
        _ => false,
    };
    stands_alone.then_some(Picture::Floating(top, top + height as i64))
}

/// A CSS length as VML styles write it (`357.45pt`, `2in`, `3cm`, `20mm`,
/// `96px`), in twips.
fn css_twips(value: &str) -> Option<u32> {
    let value = value.trim();
    let split = value.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(value.len());
    let number: f64 = value[..split].parse().ok()?;
    let per_unit = match &value[split..] {
        "pt" | "" => 20.0,
        "in" => 1440.0,
        "cm" => 1440.0 / 2.54,
        "mm" => 144.0 / 2.54,
        "px" => 15.0,
        "pc" => 240.0,
        _ => return None,
    };
    let twips = number * per_unit;
    (twips.is_finite() && twips >= 0.0).then(|| (twips.round() as u64).min(MAX_TWIPS) as u32)
}

/// Whether a drawing is a red line: a DrawingML shape drawn as a line (or a
/// connector) with a red outline, or a VML line stroked red.
pub(super) fn red_line(drawing: &Element) -> bool {
    let line_shape =
        find(drawing, "prstGeom").and_then(|g| g.attr("prst")).is_some_and(|p| p == "line" || p.starts_with("straightConnector"));
    let red_outline =
        find(drawing, "ln").and_then(|ln| find(ln, "srgbClr")).and_then(|c| c.attr("val")).is_some_and(|v| crate::import::word::is_red(&v));
    let vml = find(drawing, "line").and_then(|l| l.attr("strokecolor")).is_some_and(|c| crate::import::word::is_red(&c));
    line_shape && red_outline || vml
}
