//! Picture bytes in IndexedDB: localStorage holds a few megabytes in all, a
//! single phone photo can be more. A draft's pictures are kept as one record (an
//! array of byte arrays, in the draft's order) under the draft's id; the draft
//! text in localStorage carries the pictures without their bytes.

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};
use wengao::document::Owner;
use wengao::draft::{Draft, Item, Picture};

const DB: &str = "wengao";
const STORE: &str = "pictures";

/// The picture lists of a draft with their items' paths, in a fixed order (parts
/// by name, items in order): the order of the stored byte arrays.
pub fn picture_lists(draft: &mut Draft) -> Vec<(Owner, &mut Vec<Picture>)> {
    fn walk<'a>(parts: &'a mut wengao::draft::Parts, path: &mut Owner, out: &mut Vec<(Owner, &'a mut Vec<Picture>)>) {
        for (name, items) in parts.iter_mut() {
            for (i, item) in items.iter_mut().enumerate() {
                path.push((name.clone(), i));
                let Item { pictures, parts, .. } = item;
                if !pictures.is_empty() {
                    out.push((path.clone(), pictures));
                }
                walk(parts, path, out);
                path.pop();
            }
        }
    }
    let mut out = Vec::new();
    walk(&mut draft.body, &mut Vec::new(), &mut out);
    out
}

/// Resolves when an IndexedDB request succeeds, with its result.
async fn done(request: &IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |e: web_sys::Event| {
            let result = e.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()).and_then(|r| r.result().ok()).unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::NULL, &result);
        });
        let failed = Closure::once_into_js(move |_e: web_sys::Event| {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("IndexedDB"));
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(failed.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(|_| "浏览器的图片存储（IndexedDB）出错".to_string())
}

async fn open() -> Result<IdbDatabase, String> {
    let unavailable = || "浏览器不允许保存图片（IndexedDB 不可用）：图片不会自动保存，请用“导出草稿”保存".to_string();
    let factory = leptos::prelude::window().indexed_db().ok().flatten().ok_or_else(unavailable)?;
    let request = factory.open_with_u32(DB, 1).map_err(|_| unavailable())?;
    let upgrade = Closure::once_into_js(move |e: web_sys::Event| {
        let db = e.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()).and_then(|r| r.result().ok()).and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            let _ = db.create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    done(&request).await?.dyn_into::<IdbDatabase>().map_err(|_| unavailable())
}

/// The bytes of every picture of the draft, in [`picture_lists`] order.
pub fn bytes_of(draft: &mut Draft) -> Array {
    let array = Array::new();
    for (_, list) in picture_lists(draft) {
        for p in list.iter() {
            array.push(&Uint8Array::from(p.data.as_slice()));
        }
    }
    array
}

/// Stores picture bytes (from [`bytes_of`]) under a draft's id.
pub async fn store(id: &str, bytes: Array) -> Result<(), String> {
    let db = open().await?;
    let store = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .and_then(|t| t.object_store(STORE))
        .map_err(|_| "浏览器的图片存储（IndexedDB）出错".to_string())?;
    let request = store.put_with_key(&bytes, &JsValue::from_str(id)).map_err(|_| "图片太大，浏览器存不下；请用“导出草稿”保存".to_string())?;
    done(&request).await.map(|_| ())
}

/// Puts stored bytes back into the pictures a draft was loaded with (which have
/// none); returns how many could not be restored.
pub fn fill(draft: &mut Draft, bytes: &[Vec<u8>]) -> usize {
    let mut lost = 0;
    let mut k = 0;
    for (_, list) in picture_lists(draft) {
        for p in list.iter_mut() {
            let stored = bytes.get(k).filter(|b| wengao::picture::sniff(b).is_some_and(|info| info.format == p.format));
            match stored {
                Some(b) if p.data.is_empty() => p.data = b.clone(),
                None if p.data.is_empty() => lost += 1,
                _ => {}
            }
            k += 1;
        }
    }
    lost
}

pub async fn delete(id: &str) {
    if let Ok(db) = open().await {
        if let Ok(store) = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite).and_then(|t| t.object_store(STORE)) {
            if let Ok(request) = store.delete(&JsValue::from_str(id)) {
                let _ = done(&request).await;
            }
        }
    }
}

/// The stored bytes of a draft's pictures, in [`picture_lists`] order.
pub async fn load(id: &str) -> Result<Vec<Vec<u8>>, String> {
    let db = open().await?;
    let store = db
        .transaction_with_str(STORE)
        .and_then(|t| t.object_store(STORE))
        .map_err(|_| "浏览器的图片存储（IndexedDB）出错".to_string())?;
    let request = store.get(&JsValue::from_str(id)).map_err(|_| "浏览器的图片存储（IndexedDB）出错".to_string())?;
    Ok(match done(&request).await?.dyn_into::<Array>() {
        Ok(a) => a.iter().map(|v| Uint8Array::new(&v).to_vec()).collect(),
        Err(_) => Vec::new(),
    })
}
