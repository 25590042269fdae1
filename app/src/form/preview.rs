//! The paged preview: the pages as the core's page model lays them out, drawn
//! with the style sheet's fonts (with fallbacks), page numbers odd right / even left.

use leptos::prelude::*;
use wengao::spec::Align;

use super::ctx::{Ctx, Derived};

/// A4 pages drawn from the page model, with the page numbers where they print.
#[component]
pub fn Preview() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let derived = expect_context::<Derived>();
    let style = ctx.spec.with_value(|s| s.style.clone());
    // Pixels per twip: an A4 page 400 px wide.
    let scale = 400.0 / f64::from(style.page.width);
    let px = move |twips: u32| format!("{:.2}px", f64::from(twips) * scale);
    let page = style.page;
    let pn = style.page_number.clone();
    view! {
        <aside class="preview" aria-label="分页预览">
            {move || {
                let view = derived.checked.with(|l| l.view.clone());
                let total = view.len();
                view.into_iter()
                    .enumerate()
                    .map(|(n, items)| {
                        let number = n + 1;
                        let odd = number % 2 == 1;
                        let align = if odd { pn.odd } else { pn.even };
                        let inset = pn.inset_twips();
                        let number_style = format!(
                            "top:{};left:{};width:{};text-align:{};font-family:{};font-size:{};{}",
                            px(pn.line_top(&page)),
                            px(page.margin_left),
                            px(page.text_width()),
                            css_align(align),
                            wengao::fonts::css_family(&pn.font),
                            px(wengao::geometry::em(pn.size_half_points)),
                            match align {
                                Align::Right => format!("padding-right:{}", px(inset)),
                                Align::Left => format!("padding-left:{}", px(inset)),
                                _ => String::new(),
                            }
                        );
                        let lines = items
                            .into_iter()
                            .map(|item| {
                                let position = format!(
                                    "top:{};left:{};width:{};height:{};line-height:{};text-indent:{};text-align:{};text-align-last:{}",
                                    px(page.margin_top + item.top),
                                    px(page.margin_left),
                                    px(page.text_width()),
                                    px(item.height),
                                    px(item.height),
                                    px(item.indent),
                                    css_align(item.align),
                                    // A paragraph's last line is not spread out.
                                    match (item.full, item.align) {
                                        (true, _) => "justify",
                                        (false, Align::Justify) => "left",
                                        (false, a) => css_align(a),
                                    }
                                );
                                if item.picture {
                                    return view! { <div class="pv-picture" style=position>"图片"</div> }.into_any();
                                }
                                let runs = item
                                    .runs
                                    .into_iter()
                                    .map(|(role, text)| {
                                        let rs = style.role(role);
                                        let font = format!(
                                            "font-family:{};font-size:{};font-weight:{}",
                                            wengao::fonts::css_family(&rs.font),
                                            px(wengao::geometry::em(rs.size_half_points)),
                                            if rs.bold { 700 } else { 400 }
                                        );
                                        // The gap between Chinese and Latin letters or digits, as
                                        // the page model counts it (browsers put none).
                                        let gap = format!("margin-left:{}em", f64::from(wengao::geometry::Engine::LibreOffice.autospace_percent()) / 100.0);
                                        let pieces = wengao::layout::autospaced(&text)
                                            .into_iter()
                                            .map(|(piece, spaced)| {
                                                let piece = piece.to_string();
                                                if spaced {
                                                    view! { <span style=gap.clone()>{piece}</span> }.into_any()
                                                } else {
                                                    piece.into_any()
                                                }
                                            })
                                            .collect_view();
                                        view! { <span style=font>{pieces}</span> }
                                    })
                                    .collect_view();
                                view! { <div class="pv-line" style=position>{runs}</div> }.into_any()
                            })
                            .collect_view();
                        view! {
                            <div class="pv-page" role="figure" style=format!("width:{};height:{}", px(page.width), px(page.height))
                                aria-label=format!("第{number}页，共{total}页")>
                                {lines}
                                <div class="pv-number" style=number_style>{format!("{}{number}{}", pn.prefix, pn.suffix)}</div>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </aside>
    }
}

fn css_align(a: Align) -> &'static str {
    match a {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Justify => "justify",
    }
}
