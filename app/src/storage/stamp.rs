//! When and which: the time now, and new ids.

/// Milliseconds since 1970.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// A new id, unique enough for one browser: time and a random part.
pub fn new_id() -> String {
    format!("{:x}-{:x}", now() as u64, (js_sys::Math::random() * 1e9) as u64)
}

/// A time of day as the drafter reads it: 10:21:05.
pub fn clock(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!("{:02}:{:02}:{:02}", d.get_hours(), d.get_minutes(), d.get_seconds())
}

/// Sorts `list` newest first by `updated`, by insertion: a list of drafts or
/// templates is a few hundred at most, and the start-screen program then links
/// no sort of the standard library (about 2 KB gzipped of its budget).
pub fn newest_first<T>(list: &mut [T], updated: impl Fn(&T) -> f64) {
    for i in 1..list.len() {
        let mut j = i;
        while j > 0 && updated(&list[j - 1]) < updated(&list[j]) {
            list.swap(j - 1, j);
            j -= 1;
        }
    }
}
