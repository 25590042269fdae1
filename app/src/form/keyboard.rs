//! A phone's on-screen keyboard takes the lower half of the screen, and not
//! every browser scrolls the page for it (WeChat's, older WebViews). When the
//! visible part of the page shrinks (the keyboard opens) or a field gets the
//! focus, the line with the caret is brought between the bars on top and the
//! keyboard.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Follows the visual viewport while the form is shown (the listener goes with it).
pub(crate) fn keep_caret_in_sight() {
    let Some(viewport) = window().visual_viewport() else { return };
    let resized = Closure::<dyn Fn()>::new(bring_caret_into_sight);
    let _ = viewport.add_event_listener_with_callback("resize", resized.as_ref().unchecked_ref());
    let resized = send_wrapper::SendWrapper::new((viewport, resized));
    on_cleanup(move || {
        let (viewport, resized) = &*resized;
        let _ = viewport.remove_event_listener_with_callback("resize", resized.as_ref().unchecked_ref());
    });
}

/// Scrolls the page so that the focused field's caret line is in sight, if it is not.
pub(crate) fn bring_caret_into_sight() {
    let Some(field) = document().active_element() else { return };
    let (text, caret) = if let Some(t) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        (t.value(), t.selection_end().ok().flatten())
    } else if let Some(i) = field.dyn_ref::<web_sys::HtmlInputElement>() {
        (i.value(), i.selection_end().ok().flatten())
    } else {
        return;
    };
    if field.closest(".editor").ok().flatten().is_none() {
        return;
    }
    let Some(viewport) = window().visual_viewport() else { return };
    let rect = field.get_bounding_client_rect();
    // Where the caret is, roughly: as far down the field as it is into the text.
    // Both in UTF-16 units, as the browser counts the caret.
    let length = text.encode_utf16().count();
    let before = caret.map_or(length, |c| c as usize).min(length);
    let share = if length == 0 { 0.0 } else { before as f64 / length as f64 };
    let line = 28.0;
    let caret_y = (rect.top() + share * rect.height()).clamp(rect.top(), (rect.bottom() - line).max(rect.top()));
    // The bars on top: the toolbar and the summary, sticky.
    let bars = ["toolbar", "summary"]
        .iter()
        .filter_map(|c| document().query_selector(&format!(".editor .{c}")).ok().flatten())
        .map(|e| e.get_bounding_client_rect().bottom())
        .fold(viewport.offset_top(), f64::max);
    let bottom = viewport.offset_top() + viewport.height();
    let shift = if caret_y + line > bottom - line {
        caret_y + 2.0 * line - bottom
    } else if caret_y < bars {
        caret_y - bars - line
    } else {
        return;
    };
    window().scroll_by_with_x_and_y(0.0, shift);
}
