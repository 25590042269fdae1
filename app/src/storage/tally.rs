//! The 测评结果汇总 being entered, in IndexedDB beside its batch, written as it
//! is typed: the sheet's setup (who, which items, which grades), every saved
//! sheet (one record each, by 表号) and the sheet on the screen (one record,
//! rewritten at every mark), so a reload or a crash loses no digit.

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wengao::tally::{Setup, Sheet};

use super::idb::{self, Failure, TALLIES};

fn key(batch: &str, what: &str) -> JsValue {
    JsValue::from_str(&format!("{batch}/{what}"))
}

fn sheet_key(batch: &str, number: u32) -> JsValue {
    key(batch, &format!("sheet/{number:09}"))
}

fn json<T: serde::Serialize>(value: &T) -> JsValue {
    JsValue::from_str(&serde_json::to_string(value).unwrap_or_default())
}

/// Everything kept under `batch`'s prefix.
fn range(batch: &str) -> Result<JsValue, Failure> {
    web_sys::IdbKeyRange::bound(&key(batch, ""), &key(batch, "\u{FFFF}")).map(JsValue::from).map_err(idb::thrown)
}

/// What is kept of a batch's tally: its setup, its saved sheets in 表号
/// order, and the sheet on the screen.
#[derive(Debug, Default)]
pub struct Kept {
    pub setup: Option<Setup>,
    pub sheets: Vec<Sheet>,
    pub current: Option<Sheet>,
}

pub async fn load(batch: &str) -> Result<Kept, Failure> {
    let (_, stores) = idb::transaction(&[TALLIES], false).await?;
    let store = &stores[0];
    let keys = idb::request(&store.get_all_keys_with_key(&range(batch)?).map_err(idb::thrown)?).await?;
    let values = idb::request(&store.get_all_with_key(&range(batch)?).map_err(idb::thrown)?).await?;
    let (keys, values) = (keys.dyn_into::<Array>().unwrap_or_default(), values.dyn_into::<Array>().unwrap_or_default());
    let mut kept = Kept::default();
    let prefix = format!("{batch}/");
    for (k, v) in keys.iter().zip(values.iter()) {
        let (Some(k), Some(v)) = (k.as_string(), v.as_string()) else { continue };
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
    let (t, stores) = idb::transaction(&[TALLIES], true).await?;
    stores[0].delete(&range(batch)?).map_err(idb::thrown)?;
    stores[0].put_with_key(&json(setup), &key(batch, "setup")).map_err(idb::thrown)?;
    idb::committed(&t).await
}

/// The sheet on the screen, as it is now.
pub async fn keep_current(batch: &str, sheet: &Sheet) -> Result<(), Failure> {
    let (t, stores) = idb::transaction(&[TALLIES], true).await?;
    stores[0].put_with_key(&json(sheet), &key(batch, "current")).map_err(idb::thrown)?;
    idb::committed(&t).await
}

/// A sheet saved (`replacing` the 表号 it had when it was opened to correct)
/// and `next` on the screen, in one transaction.
pub async fn save(batch: &str, sheet: &Sheet, replacing: Option<u32>, next: &Sheet) -> Result<(), Failure> {
    let (t, stores) = idb::transaction(&[TALLIES], true).await?;
    if let Some(old) = replacing.filter(|n| *n != sheet.number) {
        stores[0].delete(&sheet_key(batch, old)).map_err(idb::thrown)?;
    }
    stores[0].put_with_key(&json(sheet), &sheet_key(batch, sheet.number)).map_err(idb::thrown)?;
    stores[0].put_with_key(&json(next), &key(batch, "current")).map_err(idb::thrown)?;
    idb::committed(&t).await
}

/// Removes a saved sheet.
pub async fn remove(batch: &str, number: u32) -> Result<(), Failure> {
    let (t, stores) = idb::transaction(&[TALLIES], true).await?;
    stores[0].delete(&sheet_key(batch, number)).map_err(idb::thrown)?;
    idb::committed(&t).await
}

/// Removes a batch's tally altogether (with the batch).
pub fn remove_all(store: &web_sys::IdbObjectStore, batch: &str) -> Result<(), Failure> {
    store.delete(&range(batch)?).map_err(idb::thrown)?;
    Ok(())
}
