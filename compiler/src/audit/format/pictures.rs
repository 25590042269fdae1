//! What a picture, an embedded object or a drawn shape takes in a
//! paragraph: inline ones their size, floating ones that text cannot pass
//! beside a line of their own; and whether a drawing is a red rule.

use super::styles::find;
use super::MAX_TWIPS;
use crate::layout::flow::FloatFrom;
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
    /// A floating one that text cannot pass beside: what it is placed from,
    /// where it begins and ends below that, with its distances, in twips, and
    /// where the file wraps text beside it (square, tight or through) its left
    /// and right edges from the column's left (when placed from the column).
    Floating { from: FloatFrom, top: i64, bottom: i64, beside: Option<(i64, i64)> },
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
        // Behind the text or not, a wrapped picture keeps text off its lines
        // (measured: a picture behindDoc with wrapTopAndBottom takes its height).
        let width = emu(anchor.child("extent")?, "cx")?;
        let beside = ["wrapSquare", "wrapTight", "wrapThrough"].iter().any(|w| anchor.child(w).is_some());
        if !(anchor.child("wrapTopAndBottom").is_some() || beside && width >= NOTHING_BESIDE) {
            return None;
        }
        let height = emu(anchor.child("extent")?, "cy")? as i64;
        // A position's offset in twips (None where it is aligned instead).
        let offset_of = |position: &Element| {
            position
                .child("posOffset")
                .and_then(|o| o.text().trim().parse::<i64>().ok())
                .map(|o| (o / crate::geometry::EMU_PER_TWIP as i64).clamp(-(MAX_TWIPS as i64), MAX_TWIPS as i64))
        };
        // An offset from the paragraph (or its line), the margin or the page;
        // one aligned instead stands at its paragraph's top.
        let vertical = anchor.child("positionV");
        let (from, offset) = match vertical.as_ref().and_then(|v| Some((v.attr("relativeFrom"), offset_of(v)?))) {
            Some((relative, offset)) => match relative.as_deref() {
                Some("margin") => (FloatFrom::Margin, offset),
                Some("page") => (FloatFrom::Page, offset),
                _ => (FloatFrom::Paragraph, offset),
            },
            None => (FloatFrom::Paragraph, 0),
        };
        let top = offset - emu(anchor, "distT").unwrap_or(0) as i64;
        let bottom = offset + height + emu(anchor, "distB").unwrap_or(0) as i64;
        let left = anchor
            .child("positionH")
            .filter(|h| matches!(h.attr("relativeFrom").as_deref(), Some("column" | "margin" | "character")))
            .and_then(offset_of);
        let beside = left.filter(|_| beside).map(|l| (l, l + width as i64));
        return Some(Picture::Floating { from, top, bottom, beside });
    }
    let shape = ["shape", "rect", "roundrect", "oval"].iter().find_map(|name| find(drawing, name))?;
    let style = shape.attr("style")?;
    let declared = |key: &str| style.split(';').find_map(|d| d.split_once(':').filter(|(k, _)| k.trim() == key)).map(|(_, v)| v.trim());
    let length = |key: &str| declared(key).and_then(css_twips);
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
    let from_column = declared("mso-position-horizontal-relative").is_none_or(|r| r == "text" || r == "margin");
    let beside = (matches!(wrap.as_deref(), Some("square" | "tight" | "through")) && from_column).then(|| {
        let left = declared("margin-left").map_or(0, |v| match v.strip_prefix('-') {
            Some(negative) => -(css_twips(negative).unwrap_or(0) as i64),
            None => css_twips(v).unwrap_or(0) as i64,
        });
        (left, left + width as i64)
    });
    stands_alone.then_some(Picture::Floating { from: FloatFrom::Paragraph, top, bottom: top + height as i64, beside })
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
