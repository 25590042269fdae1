//! The booklet as a .docx: one Word section for the cover and contents (no
//! page numbers), one for the documents, numbered from 1 in the first
//! document's page-number style. Each document starts on a new page; before one
//! that the page model puts on an odd page after a document ending on an odd
//! page comes a blank page, written out. Odd-page section breaks would leave
//! that to each program, but LibreOffice then gives the first page of such a
//! section a taller type area (a 9-page report took 8, and every number after
//! it was off) and leaves its blank pages out of PDFs. The front matter is
//! padded to an even number of pages, so page 1 is a right-hand sheet.

use docx_rs::{Docx, PageNumType, PageOrientationType, PageSize, SectionProperty, SectionType, Tab, TabLeaderType, TabValueType};

use super::{Cover, Item, Plan};
use crate::document::{self, Document};
use crate::docx::{body, pack, page_margin, set_up, styled_paragraph, text_run, with_page_numbers, BodyChild, RenderOptions};
use crate::spec::{Role, Style};

/// Empty lines above the cover's title and between it and the date.
const COVER_LINES_ABOVE: usize = 5;
const COVER_LINES_BETWEEN: usize = 9;

/// The booklet's bytes; None when it has no document.
pub fn render(cover: &Cover, items: &[Item], plan: &Plan, options: &RenderOptions) -> Option<Vec<u8>> {
    let base = &items[plan.entries.first()?.item].spec.style;
    let mut docx = set_up(Docx::new(), base).page_num_type(PageNumType::new().start(1));
    let mut front = front_matter(cover, plan, base);
    if let Some(BodyChild::Paragraph(p)) = front.last_mut() {
        **p = p.as_ref().clone().section_property(section(base));
    }
    for child in front {
        docx = child.add_to(docx);
    }
    let mut next_free = 1;
    for (n, entry) in plan.entries.iter().enumerate() {
        let item = &items[entry.item];
        let style = super::style_in(base, item.spec);
        let mut children = body(&document::assemble(item.spec, &item.draft), &style);
        if n > 0 {
            if entry.first_page > next_free {
                docx = docx.add_paragraph(styled_paragraph(style.role(Role::Body)).page_break_before(true));
            }
            match children.first_mut() {
                Some(BodyChild::Paragraph(p)) => **p = p.as_ref().clone().page_break_before(true),
                _ => docx = docx.add_paragraph(docx_rs::Paragraph::new().page_break_before(true)),
            }
        }
        next_free = entry.first_page + entry.pages;
        for child in children {
            docx = child.add_to(docx);
        }
    }
    let doc = Document { title: cover.title.clone(), author: String::new(), blocks: Vec::new(), labels: Vec::new(), title_lines: 0 };
    Some(pack(with_page_numbers(docx, base), &doc, base, options, |xml| xml))
}

/// The front matter's section: `style`'s paper and margins, no page numbers.
fn section(style: &Style) -> SectionProperty {
    let page = &style.page;
    let mut size = PageSize::new().size(page.width, page.height);
    if page.width > page.height {
        size = size.orient(PageOrientationType::Landscape);
    }
    let mut s = SectionProperty::new().page_size(size).page_margin(page_margin(style));
    s.section_type = Some(SectionType::NextPage);
    s
}

/// The empty lines above the cover's title and between it and the date: as
/// many as fit on the page with the title's lines and the date's, at most
/// the portrait page's 5 and 9, so that the cover is one page on any paper
/// (on a landscape 台账's, 16 lines ran onto a second page and every document
/// after it started on a left-hand page).
fn cover_spacing(cover: &Cover, style: &Style) -> (usize, usize) {
    let lines_of = |role: Role, text: &str| {
        let size = style.role(role).size_half_points;
        let ems: u32 = text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum::<u32>().div_ceil(2);
        let per_line = (style.page.text_width() / crate::geometry::em(size).max(1)).max(1);
        ems.div_ceil(per_line).max(1) as usize
    };
    let lines = crate::geometry::Capacity::of(style).lines_per_page as usize;
    // One line spare: the title's own line is taller than the body's pitch where its size is.
    let free = lines.saturating_sub(lines_of(Role::Title, &cover.title) + lines_of(Role::Date, &cover.date) + 1);
    let above = COVER_LINES_ABOVE.min(free / 3);
    (above, COVER_LINES_BETWEEN.min(free - above))
}

/// The cover, its blank back, the contents and, when the contents end on a
/// right-hand page, a blank page after them.
fn front_matter(cover: &Cover, plan: &Plan, style: &Style) -> Vec<BodyChild> {
    let line = |role: Role, text: &str| {
        let rs = style.role(role);
        let mut p = styled_paragraph(rs);
        if !text.is_empty() {
            p = p.add_run(text_run(text, rs));
        }
        p
    };
    let empty = || line(Role::Body, "");
    let mut out: Vec<docx_rs::Paragraph> = Vec::new();
    let (above, between) = cover_spacing(cover, style);
    out.extend((0..above).map(|_| empty()));
    out.push(line(Role::Title, &cover.title));
    out.extend((0..between).map(|_| empty()));
    out.push(line(Role::Date, &cover.date));
    // The cover's back.
    out.push(empty().page_break_before(true));
    out.push(line(Role::Title, "目  录").page_break_before(true));
    out.push(empty());
    let body = style.role(Role::Body);
    let width = style.page.text_width() as usize;
    for entry in &plan.entries {
        let indent = crate::geometry::em(body.size_half_points) as i32 * 2 * i32::from(entry.level);
        let p = docx_rs::Paragraph::new()
            .line_spacing(crate::docx::spacing(body))
            .indent(Some(indent), None, None, None)
            .add_tab(Tab::new().val(TabValueType::Right).leader(TabLeaderType::Dot).pos(width))
            .add_run(text_run(&format!("{}\t{}", entry.line, entry.first_page), body));
        out.push(p);
    }
    if plan.contents_pages % 2 == 1 {
        // The blank page holds a paragraph of its own: LibreOffice drops an
        // empty paragraph that only ends a section, page break and all.
        out.push(empty().page_break_before(true));
        out.push(empty());
    }
    out.into_iter().map(|p| BodyChild::Paragraph(Box::new(p))).collect()
}
