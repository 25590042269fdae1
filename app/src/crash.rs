//! A panic is never a frozen screen: whatever fails inside the wasm, the page
//! says so in plain Chinese, says the drafts are safe (every change was stored in
//! IndexedDB as it was made) and offers a reload, which returns to where the
//! drafter was (the app reopens the last draft or template), or, when opening
//! is what fails, a way back to the start screen. The panic text goes to the
//! console, and into the message, for a bug report.
//!
//! Built with the DOM directly, not Leptos: after a panic the wasm instance is
//! dead (panic = abort), so nothing here may need it again — the reload is a
//! plain link to the page itself, which works under the page's CSP where an
//! inline handler would not.

use std::panic::PanicHookInfo;

use wasm_bindgen::JsCast;

/// The query (`?start`) of 回到开始页: the start screen, nothing reopened.
pub const START: &str = "start";

/// The element the message is in (tests and styles find it by this id).
pub const ID: &str = "wengao-crash";

/// Installs the hook, in both programs (start screen and full app).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(info);
    }));
}

fn show(info: &PanicHookInfo) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    // One message, however many panics: the first one is the cause.
    if document.get_element_by_id(ID).is_some() {
        return;
    }
    let Some(body) = document.body() else { return };
    // An element with its text, appended to `parent`.
    let add = |parent: &web_sys::Element, tag: &str, text: &str| -> Option<web_sys::Element> {
        let e = document.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        parent.append_child(&e).ok()?;
        Some(e)
    };
    let build = || -> Option<web_sys::Element> {
        let panel = document.create_element("div").ok()?;
        panel.set_id(ID);
        panel.set_attribute("role", "alertdialog").ok()?;
        panel.set_attribute("aria-modal", "true").ok()?;
        panel.set_attribute("aria-labelledby", "wengao-crash-title").ok()?;
        add(&panel, "h2", "程序出错了，刚才的操作没有完成")?.set_id("wengao-crash-title");
        add(&panel, "p", "草稿不会丢：每一次修改在做出时就已经保存在这个浏览器里。点“重新载入”，回到刚才的草稿或模板接着写。")?;
        let reload = add(&panel, "a", "重新载入")?;
        reload.set_attribute("href", "").ok()?;
        reload.set_attribute("class", "button").ok()?;
        // When opening the draft is what fails, reloading fails again: the start
        // screen, with nothing reopened (action::reopened reads it).
        let start = add(&panel, "p", "如果一打开它就出错：")?;
        let back = add(&start, "a", "回到开始页")?;
        back.set_attribute("href", &format!("?{START}")).ok()?;
        start.append_with_str_1("，从那里打开别的草稿，或把这份导出成草稿文件。").ok()?;
        add(&panel, "p", "如果再次出错，请把下面的错误信息复制下来，连同出错前做了什么，一起发给维护人员。")?;
        let details = add(&panel, "details", "")?;
        add(&details, "summary", "错误信息")?;
        add(&details, "pre", &info.to_string())?;
        Some(panel)
    };
    if let Some(panel) = build() {
        let _ = body.append_child(&panel);
        if let Some(link) = panel.query_selector("a").ok().flatten().and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = link.focus();
        }
    }
}
