//! The .docx renderer: a compiled spec and a draft become a Word file, the same
//! code natively (CLI) and in wasm32 (browser). docx-rs builds the parts from the
//! [`Document`]; [`finish`] then brings them to what Word's schema requires and
//! [`package`] zips them. Every typographic value of Attachment 1 comes from the
//! style sheet; what Attachment 1 does not regulate is fixed here: the header
//! distance (1.5 cm, no header is written), table borders (docx-rs's thin single
//! lines) and the bold header row of tables.

mod finish;
pub(crate) mod package;
mod word_parts;

pub(crate) use finish::core_properties;
pub(crate) use package::pack as zip;

use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, InstrPAGE, InstrText, LineSpacingType, PageMargin, Pic, Run, RunFonts,
    SpecialIndentType, TableCell, TableLayoutType, TableRow, WidthType,
};

use crate::document::{self, Block, Document, Paragraph, Table};
use crate::draft::{Draft, Picture};
use crate::geometry::{column_widths, em, first_line_indent, picture_size, Engine, CELL_MARGIN};
use crate::spec::{Align, FormSpec, LineSpacing, Role, RoleStyle, Style};
use crate::xml;

/// Extra facts for the package that the spec and the draft do not hold.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// W3C date-time for the core properties (`2027-02-01T09:00:00Z`); the core
    /// crate reads no clock, so the caller passes it.
    pub created: Option<String>,
}

/// Renders a draft to the bytes of a .docx file.
pub fn render(spec: &FormSpec, draft: &Draft, options: &RenderOptions) -> Vec<u8> {
    render_document(&document::assemble(spec, draft), &spec.style, options)
}

/// Renders an assembled document (a draft's, or one the desk writes: the
/// 修改意见) in `style`.
pub fn render_document(doc: &Document, style: &Style, options: &RenderOptions) -> Vec<u8> {
    let mut docx = set_up(Docx::new(), style);
    for child in body(doc, style) {
        docx = child.add_to(docx);
    }
    pack(with_page_numbers(docx, style), doc, style, options, |document| document)
}

/// Builds the parts, brings them to Word's schema ([`finish`]) and zips them;
/// `document` may change word/document.xml first (the booklet's sections).
pub(crate) fn pack(
    docx: Docx,
    doc: &Document,
    style: &Style,
    options: &RenderOptions,
    document: impl FnOnce(Vec<u8>) -> Vec<u8>,
) -> Vec<u8> {
    let mut xml = docx.build();
    xml.document = document(xml.document);
    package::pack(finish::finish(xml, doc, style, options))
}

/// The paper, margins and default font of `style`.
pub(crate) fn set_up(docx: Docx, style: &Style) -> Docx {
    let page = &style.page;
    let body = style.role(Role::Body);
    let mut docx = docx.page_size(page.width, page.height);
    // Word turns the page only with the orientation said (w:orient).
    if page.width > page.height {
        docx = docx.page_orient(docx_rs::PageOrientationType::Landscape);
    }
    docx.page_margin(page_margin(style)).default_fonts(fonts(&body.font, &body.latin_font)).default_size(body.size_half_points as usize)
}

pub(crate) fn page_margin(style: &Style) -> PageMargin {
    let page = &style.page;
    PageMargin {
        top: page.margin_top as i32,
        bottom: page.margin_bottom as i32,
        left: page.margin_left as i32,
        right: page.margin_right as i32,
        header: 851,
        footer: style.page_number.footer_distance(&style.page) as i32,
        gutter: page.gutter as i32,
    }
}

/// The page numbers of `style` in the footers, odd and even pages apart.
pub(crate) fn with_page_numbers(docx: Docx, style: &Style) -> Docx {
    let pn = &style.page_number;
    docx.footer(page_number_footer(style, pn.odd)).even_footer(page_number_footer(style, pn.even))
}

/// A block of the body as docx-rs builds it.
pub(crate) enum BodyChild {
    Paragraph(Box<docx_rs::Paragraph>),
    Table(Box<docx_rs::Table>),
}

impl BodyChild {
    pub(crate) fn add_to(self, docx: Docx) -> Docx {
        match self {
            BodyChild::Paragraph(p) => docx.add_paragraph(*p),
            BodyChild::Table(t) => docx.add_table(*t),
        }
    }
}

/// The document's blocks, in order.
pub(crate) fn body(doc: &Document, style: &Style) -> Vec<BodyChild> {
    doc.blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(p) => BodyChild::Paragraph(Box::new(paragraph(p, style))),
            Block::Picture { picture, .. } => BodyChild::Paragraph(Box::new(picture_paragraph(picture, style))),
            Block::Table(t) => BodyChild::Table(Box::new(table(t, style))),
        })
        .collect()
}

/// The hint makes Word set the characters that both scripts share (quotes,
/// dashes, the ellipsis, the middle dot) in the Chinese font, full width, as the
/// page model and LibreOffice do; without it Word takes the Latin font for them.
fn fonts(east_asian: &str, latin: &str) -> RunFonts {
    RunFonts::new().hint("eastAsia").east_asia(east_asian).ascii(latin).hi_ansi(latin).cs(latin)
}

fn alignment(a: Align) -> AlignmentType {
    match a {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
        Align::Justify => AlignmentType::Both,
    }
}

pub(crate) fn spacing(rs: &RoleStyle) -> docx_rs::LineSpacing {
    let base = docx_rs::LineSpacing::new().before(rs.space_before).after(rs.space_after);
    match rs.line_spacing {
        LineSpacing::Exact { twips } => base.line_rule(LineSpacingType::Exact).line(twips as i32),
        LineSpacing::AtLeast { twips } => base.line_rule(LineSpacingType::AtLeast).line(twips as i32),
        LineSpacing::Multiple { percent } => base.line_rule(LineSpacingType::Auto).line((percent * 240 / 100) as i32),
    }
}

pub(crate) fn styled_paragraph(rs: &RoleStyle) -> docx_rs::Paragraph {
    let p = docx_rs::Paragraph::new().align(alignment(rs.align)).line_spacing(spacing(rs));
    match first_line_indent(rs) as i32 {
        0 => p,
        indent => p.indent(None, Some(SpecialIndentType::FirstLine(indent)), None, None),
    }
}

fn paragraph(p: &Paragraph, style: &Style) -> docx_rs::Paragraph {
    let mut out = styled_paragraph(style.role(p.role));
    if let Some(level) = p.outline_level {
        // A heading stays on the page of the text it heads.
        out = out.outline_lvl(usize::from(level)).keep_next(true).keep_lines(true);
    }
    if p.keep_with_next {
        out = out.keep_next(true);
    }
    for run in &p.runs {
        out = out.add_run(text_run(&run.text, style.role(run.role)));
    }
    out
}

/// A run of text in a role's font: line breaks become w:br, tabs w:tab, and
/// characters XML cannot hold are dropped (see [`text`]).
pub(crate) fn text_run(s: &str, rs: &RoleStyle) -> Run {
    let mut run = Run::new().fonts(fonts(&rs.font, &rs.latin_font)).size(rs.size_half_points as usize);
    if rs.bold {
        run = run.bold();
    }
    for (i, line) in xml::xml_safe(s).split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                run = run.add_tab();
            }
            if !piece.is_empty() {
                run = run.add_text(piece);
            }
        }
    }
    run
}

/// A picture in its own centred paragraph, scaled down to fit the type width and
/// part of its height. Its line spacing is single: an exact 32 pt line would clip
/// the picture to one line.
fn picture_paragraph(picture: &Picture, style: &Style) -> docx_rs::Paragraph {
    let (w, h) = picture_size(picture.width, picture.height, &style.page);
    // docx-rs converts the pixel size to EMU in u32 arithmetic: keep it in range
    // (the size written is `size`, computed above).
    let side = |v: u32| v.clamp(1, crate::picture::MAX_SIDE);
    let pic = Pic::new_with_dimensions(picture.data.clone(), side(picture.width), side(picture.height)).size(w, h);
    docx_rs::Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(docx_rs::LineSpacing::new().line_rule(LineSpacingType::Auto).line(240).before(0).after(0))
        // The caption follows on the same page.
        .keep_next(true)
        .add_run(Run::new().add_image(pic))
}

fn table(t: &Table, style: &Style) -> docx_rs::Table {
    let rs = style.role(Role::Table);
    let grid: Vec<usize> = column_widths(&t.columns, &style.page).into_iter().map(|w| w as usize).collect();
    let cell = |text: &str, w: usize, bold: bool| {
        let mut cell_style = rs.clone();
        cell_style.bold |= bold;
        let p = styled_paragraph(&cell_style).add_run(text_run(text, &cell_style));
        TableCell::new().width(w, WidthType::Dxa).add_paragraph(p)
    };
    // The header row repeats on every page (w:tblHeader, added in finish.rs, which
    // docx-rs cannot write); no row that fits on a page breaks across pages; widths are fixed, so Word
    // and WPS lay the table out as LibreOffice does.
    let header = TableRow::new(t.columns.iter().zip(&grid).map(|((label, _), w)| cell(label, *w, true)).collect()).cant_split();
    // A row taller than a page under the header is let split: with w:cantSplit,
    // LibreOffice clips what does not fit on the page. Word's wider gaps before
    // Latin words make the taller rows of the two.
    let heights = crate::layout::table_row_heights(t, style, Engine::Word);
    let room = style.page.text_height().saturating_sub(heights[0]);
    let rows = t.rows.iter().zip(heights.iter().skip(1)).map(|(row, &h)| {
        let row = TableRow::new(row.iter().zip(&grid).map(|(text, w)| cell(text, *w, false)).collect());
        if h <= room {
            row.cant_split()
        } else {
            row
        }
    });
    docx_rs::Table::new(std::iter::once(header).chain(rows).collect())
        .set_grid(grid.clone())
        .layout(TableLayoutType::Fixed)
        .margins(docx_rs::TableCellMargins::new().margin(0, CELL_MARGIN as usize, 0, CELL_MARGIN as usize))
        .width(grid.iter().sum(), WidthType::Dxa)
}

/// `— N —` with N a PAGE field, in the page-number role's font; aligned to one
/// side with the inset of GB/T 9704 (单页码居右空一字，双页码居左空一字).
fn page_number_footer(style: &Style, align: Align) -> Footer {
    let pn = &style.page_number;
    let run = |r: Run| r.fonts(fonts(&pn.font, &pn.latin_font)).size(pn.size_half_points as usize);
    let inset = pn.inset_twips() as i32;
    let line = docx_rs::LineSpacing::new().line_rule(LineSpacingType::Exact).line(em(pn.size_half_points) as i32).before(0).after(0);
    let mut p = docx_rs::Paragraph::new().align(alignment(align)).line_spacing(line);
    p = match align {
        Align::Right => p.indent(None, None, Some(inset), None),
        Align::Left => p.indent(Some(inset), None, None, None),
        _ => p,
    };
    let p = p
        .add_run(run(Run::new().add_text(xml::xml_safe(&pn.prefix))))
        .add_run(run(Run::new().add_field_char(FieldCharType::Begin, false)))
        .add_run(run(Run::new().add_instr_text(InstrText::PAGE(InstrPAGE::new()))))
        .add_run(run(Run::new().add_field_char(FieldCharType::Separate, false)))
        .add_run(run(Run::new().add_text("1")))
        .add_run(run(Run::new().add_field_char(FieldCharType::End, false)))
        .add_run(run(Run::new().add_text(xml::xml_safe(&pn.suffix))));
    Footer::new().add_paragraph(p)
}
