//! What the desk prepares for the meeting from a batch, in IndexedDB beside
//! it, written as it is typed so that a reload or a crash loses nothing: the
//! 摘要 as edited (one record per report, rewritten as its box is edited), and
//! the 测评结果汇总 being entered — the sheet's setup (who, which items, which
//! grades), every saved sheet (one record each, by 表号) and the sheet on the
//! screen (one record, rewritten at every mark). The writes that finish a
//! piece of work check that no other tab works on the batch (storage/desk.rs),
//! and a new sheet that its 表号 is not taken; those at every keystroke do
//! not ([`keep`]).

use js_sys::Array;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wengao::extract::Extract;
use wengao::tally::{Setup, Sheet};

use super::desk::guarded;
use super::idb::{self, Failure, MEETING};

fn key(batch: &str, what: &str) -> JsValue {
    JsValue::from_str(&format!("{batch}/{what}"))
}

fn sheet_key(batch: &str, number: u32) -> JsValue {
    key(batch, &format!("tally/sheet/{number:09}"))
}

fn json<T: serde::Serialize>(value: &T) -> JsValue {
    JsValue::from_str(&serde_json::to_string(value).unwrap_or_default())
}

/// Everything kept under `batch`'s prefix and then `what` (“tally/”, “extract/”, or all: “”).
fn range(batch: &str, what: &str) -> Result<JsValue, Failure> {
    web_sys::IdbKeyRange::bound(&key(batch, what), &key(batch, &format!("{what}\u{FFFF}"))).map(JsValue::from).map_err(idb::thrown)
}

/// The keys and values under a range, as strings.
async fn all(batch: &str, what: &str) -> Result<Vec<(String, String)>, Failure> {
    let (_, stores) = idb::transaction(&[MEETING], false).await?;
    let store = &stores[0];
    let keys = idb::request(&store.get_all_keys_with_key(&range(batch, what)?).map_err(idb::thrown)?).await?;
    let values = idb::request(&store.get_all_with_key(&range(batch, what)?).map_err(idb::thrown)?).await?;
    let (keys, values) = (keys.dyn_into::<Array>().unwrap_or_default(), values.dyn_into::<Array>().unwrap_or_default());
    Ok(keys.iter().zip(values.iter()).filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?))).collect())
}

/// A report's 摘要 as kept: the file, the 摘要 as extracted, the text as edited.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeptExtract {
    pub file: String,
    pub extract: Extract,
    pub text: String,
}

fn extract_key(batch: &str, n: usize) -> JsValue {
    key(batch, &format!("extract/{n:06}"))
}

/// The batch's 摘要 as last edited, in the order they were extracted.
pub async fn extracts(batch: &str) -> Result<Vec<KeptExtract>, Failure> {
    Ok(all(batch, "extract/").await?.into_iter().filter_map(|(_, v)| serde_json::from_str(&v).ok()).collect())
}

/// The 摘要 just extracted, in place of those kept.
pub async fn begin_extracts(batch: &str, extracts: &[KeptExtract]) -> Result<(), Failure> {
    guarded(batch, &[MEETING], |_, stores| {
        stores[1].delete(&range(batch, "extract/")?).map_err(idb::thrown)?;
        for (n, e) in extracts.iter().enumerate() {
            put(&stores[1], &json(e), &extract_key(batch, n))?;
        }
        Ok(())
    })
    .await
}

/// The `n`th 摘要 as edited now (at every keystroke: see [`keep`]).
pub async fn keep_extract(batch: &str, n: usize, extract: &KeptExtract) -> Result<(), Failure> {
    keep(batch, &json(extract), &extract_key(batch, n)).await
}

/// Writes what is typed, at every keystroke: without the holder check. A
/// check is a read whose answer the page must see before the write commits,
/// and writes one after another then fall behind the typing (measured: 13–20
/// marks pending 100–120 ms after fast typing, where a reload loses them); the
/// batch's Web Lock already keeps other tabs read-only, and the writes that
/// finish a piece of work (a sheet saved, 摘要 begun) are checked.
async fn keep(batch: &str, value: &JsValue, key: &JsValue) -> Result<(), Failure> {
    let (t, stores) = idb::transaction(&[MEETING], true).await?;
    put(&stores[0], value, key)?;
    idb::committed(&t).await?;
    super::tabs::announce_batch(batch);
    Ok(())
}

fn put(store: &web_sys::IdbObjectStore, value: &JsValue, key: &JsValue) -> Result<(), Failure> {
    store.put_with_key(value, key).map(|_| ()).map_err(idb::thrown)
}

/// The sheet on the screen, and the 表号 it had when saved if it is a saved
/// sheet opened to correct (so that after a reload it is still that sheet, not
/// a new one whose 表号 is taken).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OnScreen {
    #[serde(flatten)]
    pub sheet: Sheet,
    #[serde(default)]
    pub editing: Option<u32>,
}

/// What is kept of a batch's tally: its setup, its saved sheets in 表号
/// order, and the sheet on the screen.
#[derive(Debug, Default)]
pub struct Kept {
    pub setup: Option<Setup>,
    pub sheets: Vec<Sheet>,
    pub current: Option<OnScreen>,
}

pub async fn load(batch: &str) -> Result<Kept, Failure> {
    let mut kept = Kept::default();
    let prefix = format!("{batch}/tally/");
    for (k, v) in all(batch, "tally/").await? {
        match k.strip_prefix(&prefix) {
            Some("setup") => kept.setup = serde_json::from_str(&v).ok(),
            Some("current") => kept.current = serde_json::from_str(&v).ok(),
            Some(s) if s.starts_with("sheet/") => kept.sheets.extend(serde_json::from_str::<Sheet>(&v).ok()),
            _ => {}
        }
    }
    Ok(kept)
}

/// Starts a tally: its setup, and nothing entered.
pub async fn begin(batch: &str, setup: &Setup) -> Result<(), Failure> {
    guarded(batch, &[MEETING], |_, stores| {
        stores[1].delete(&range(batch, "tally/")?).map_err(idb::thrown)?;
        put(&stores[1], &json(setup), &key(batch, "tally/setup"))
    })
    .await
}

/// The sheet on the screen, as it is now (at every mark: see [`keep`]).
pub async fn keep_current(batch: &str, on_screen: &OnScreen) -> Result<(), Failure> {
    keep(batch, &json(on_screen), &key(batch, "tally/current")).await
}

/// A sheet saved (`replacing` the 表号 it had when it was opened to correct)
/// and `next` on the screen, in one transaction; refused when its 表号 is
/// another sheet's already (entered in another tab, or before a reload).
pub async fn save(batch: &str, sheet: &Sheet, replacing: Option<u32>, next: &Sheet) -> Result<(), Failure> {
    let number = sheet.number;
    guarded(batch, &[MEETING], |guard, stores| {
        let store = &stores[1];
        // Read before the writes below, and checked when it is answered.
        let there = store.get(&sheet_key(batch, number)).map_err(idb::thrown)?;
        guard.on(&there, move |_, there| match there.is_undefined() || replacing == Some(number) {
            true => Ok(()),
            false => Err(Failure::Conflict(format!(
                "第{number}号表已经录过了（可能是在另一个标签页里录的）：请换一个表号，或者打开第{number}号表修改"
            ))),
        });
        if let Some(old) = replacing.filter(|n| *n != number) {
            store.delete(&sheet_key(batch, old)).map_err(idb::thrown)?;
        }
        put(store, &json(sheet), &sheet_key(batch, number))?;
        put(store, &json(&OnScreen { sheet: next.clone(), editing: None }), &key(batch, "tally/current"))
    })
    .await
}

/// Removes a saved sheet.
pub async fn remove(batch: &str, number: u32) -> Result<(), Failure> {
    guarded(batch, &[MEETING], |_, stores| stores[1].delete(&sheet_key(batch, number)).map(|_| ()).map_err(idb::thrown)).await
}
