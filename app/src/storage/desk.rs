//! The desk's batches in IndexedDB, so that closing the tab or a crash loses
//! no checked file: a batch's record (its name, when it was begun, the
//! fingerprints of its files, to know a file dropped twice) and one record per
//! row, written as each file's rows come (a row is written once, never the
//! whole batch again, and again only when the clerk has it checked as another
//! template), and every received file's bytes, to check it again.

use js_sys::{Array, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wengao::audit::summary::Summary;

use super::idb::{self, Failure, BATCHES, FILES, MEETING, ROWS};

/// A batch: 区级 this year, one 工委's 基层…
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Batch {
    pub id: String,
    pub name: String,
    /// When it was begun (ms since the epoch).
    pub created: f64,
    /// Its rows so far.
    pub rows: usize,
    /// (size, FNV-1a hash) of every file checked in it.
    pub seen: Vec<(usize, u64)>,
}

fn row_key(batch: &str, n: usize) -> String {
    format!("{batch}/{n:06}")
}

/// Every batch, newest first.
pub async fn batches() -> Result<Vec<Batch>, Failure> {
    let (_, stores) = idb::transaction(&[BATCHES], false).await?;
    let all = idb::request(&stores[0].get_all().map_err(idb::thrown)?).await?;
    let mut out: Vec<Batch> =
        all.dyn_into::<Array>().map(|a| a.iter().filter_map(|v| serde_json::from_str(&v.as_string()?).ok()).collect()).unwrap_or_default();
    out.sort_by(|a, b| b.created.total_cmp(&a.created));
    Ok(out)
}

/// A batch's rows, in the order they came.
pub async fn rows(batch: &str) -> Result<Vec<Summary>, Failure> {
    let (_, stores) = idb::transaction(&[ROWS], false).await?;
    let range = web_sys::IdbKeyRange::bound(&JsValue::from_str(&format!("{batch}/")), &JsValue::from_str(&format!("{batch}/\u{FFFF}")))
        .map_err(idb::thrown)?;
    let all = idb::request(&stores[0].get_all_with_key(&range).map_err(idb::thrown)?).await?;
    Ok(all.dyn_into::<Array>().map(|a| a.iter().filter_map(|v| serde_json::from_str(&v.as_string()?).ok()).collect()).unwrap_or_default())
}

/// Stores a batch's record alone (a new batch, a new name).
pub async fn save(batch: &Batch) -> Result<(), Failure> {
    let (t, stores) = idb::transaction(&[BATCHES], true).await?;
    let value = JsValue::from_str(&serde_json::to_string(batch).unwrap_or_default());
    stores[0].put_with_key(&value, &JsValue::from_str(&batch.id)).map_err(idb::thrown)?;
    idb::committed(&t).await
}

/// A received file as kept: its name and bytes.
pub struct Received {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Adds a file and its rows to a batch (`batch` as it is with them: its count
/// and fingerprints), in one transaction. Each row's `source` names the file.
pub async fn add(batch: &Batch, rows: &[Summary], file: &Received) -> Result<(), Failure> {
    let (t, stores) = idb::transaction(&[BATCHES, ROWS, FILES], true).await?;
    let first = batch.rows - rows.len();
    for (i, row) in rows.iter().enumerate() {
        put_row(&stores[1], &batch.id, first + i, row)?;
    }
    let value = JsValue::from_str(&serde_json::to_string(batch).unwrap_or_default());
    stores[0].put_with_key(&value, &JsValue::from_str(&batch.id)).map_err(idb::thrown)?;
    if let Some(source) = rows.first().map(|r| r.source.as_str()).filter(|s| !s.is_empty()) {
        let value = Array::of2(&JsValue::from_str(&file.name), &Uint8Array::from(file.bytes.as_slice()));
        stores[2].put_with_key(&value, &JsValue::from_str(&format!("{}/{source}", batch.id))).map_err(idb::thrown)?;
    }
    idb::committed(&t).await
}

fn put_row(store: &web_sys::IdbObjectStore, batch: &str, n: usize, row: &Summary) -> Result<(), Failure> {
    let value = JsValue::from_str(&serde_json::to_string(row).unwrap_or_default());
    store.put_with_key(&value, &JsValue::from_str(&row_key(batch, n))).map_err(idb::thrown)?;
    Ok(())
}

/// Puts a row checked again in its place.
pub async fn replace(batch: &str, n: usize, row: &Summary) -> Result<(), Failure> {
    let (t, stores) = idb::transaction(&[ROWS], true).await?;
    put_row(&stores[0], batch, n, row)?;
    idb::committed(&t).await
}

/// A received file of a batch, by its row's `source`.
pub async fn file(batch: &str, source: &str) -> Result<Option<Received>, Failure> {
    let (_, stores) = idb::transaction(&[FILES], false).await?;
    let value = idb::request(&stores[0].get(&JsValue::from_str(&format!("{batch}/{source}"))).map_err(idb::thrown)?).await?;
    let Ok(pair) = value.dyn_into::<Array>() else { return Ok(None) };
    Ok(Some(Received { name: pair.get(0).as_string().unwrap_or_default(), bytes: Uint8Array::new(&pair.get(1)).to_vec() }))
}

/// Removes a batch, its rows, its files and its papers for the meeting.
pub async fn remove(batch: &str) -> Result<(), Failure> {
    let (t, stores) = idb::transaction(&[BATCHES, ROWS, FILES, MEETING], true).await?;
    stores[0].delete(&JsValue::from_str(batch)).map_err(idb::thrown)?;
    let range = web_sys::IdbKeyRange::bound(&JsValue::from_str(&format!("{batch}/")), &JsValue::from_str(&format!("{batch}/\u{FFFF}")))
        .map_err(idb::thrown)?;
    stores[1].delete(&range).map_err(idb::thrown)?;
    stores[2].delete(&range).map_err(idb::thrown)?;
    super::meeting::remove_all(&stores[3], batch)?;
    idb::committed(&t).await
}
