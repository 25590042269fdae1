//! The desk's batches in IndexedDB, so that closing the tab or a crash loses
//! no checked file: a batch's record (its name, when it was begun, the
//! fingerprints of its files, to know a file dropped twice) and one record per
//! row, written as each file's rows come (a row is written once, never the
//! whole batch again, and again only when the clerk has it checked as another
//! template), and every received file's bytes, to check it again.
//!
//! One tab at a time works on a batch (desk/access.rs holds its Web Lock and
//! marks the record with the tab as its `holder`); every write here checks, in
//! its own transaction, that no other tab holds the batch, and a row's number
//! is the stored count at that moment, so that two tabs never write one row.

use js_sys::{Array, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wengao::audit::summary::Summary;

use web_sys::IdbObjectStore;

use super::idb::{self, Failure, Guarded, BATCHES, FILES, MEETING, ROWS};

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
    /// The tab working on it (`tabs::me()` of that tab), if any.
    #[serde(default)]
    pub holder: Option<String>,
}

/// The batch as a read inside a transaction found it; refused when another
/// tab holds it, and “not found” when it was deleted meanwhile.
pub(super) fn held_here(value: &JsValue) -> Result<Batch, Failure> {
    let batch: Batch = value.as_string().and_then(|s| serde_json::from_str(&s).ok()).ok_or(Failure::Other("NotFoundError".into()))?;
    match &batch.holder {
        Some(holder) if *holder != super::tabs::me() => Err(Failure::Refused),
        _ => Ok(batch),
    }
}

fn batch_key(id: &str) -> JsValue {
    JsValue::from_str(id)
}

fn batch_value(batch: &Batch) -> JsValue {
    JsValue::from_str(&serde_json::to_string(batch).unwrap_or_default())
}

/// Marks this tab as the one working on the batch (once it holds its lock).
pub async fn claim(id: &str) -> Result<(), Failure> {
    let (t, stores) = idb::transaction(&[BATCHES], true).await?;
    let store = stores[0].clone();
    let guard = Guarded::new(&t);
    guard.on(&stores[0].get(&batch_key(id)).map_err(idb::thrown)?, move |_, value| {
        let Some(mut batch) = value.as_string().and_then(|s| serde_json::from_str::<Batch>(&s).ok()) else { return Ok(()) };
        batch.holder = Some(super::tabs::me());
        store.put_with_key(&batch_value(&batch), &batch_key(&batch.id)).map_err(idb::thrown)?;
        Ok(())
    });
    guard.committed().await
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

/// A batch's record as stored now (None: deleted).
pub async fn batch(id: &str) -> Result<Option<Batch>, Failure> {
    let (_, stores) = idb::transaction(&[BATCHES], false).await?;
    let value = idb::request(&stores[0].get(&batch_key(id)).map_err(idb::thrown)?).await?;
    Ok(value.as_string().and_then(|s| serde_json::from_str(&s).ok()))
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
    stores[0].put_with_key(&batch_value(batch), &batch_key(&batch.id)).map_err(idb::thrown)?;
    idb::committed(&t).await
}

/// A received file as kept: its name and bytes.
pub struct Received {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Adds a file (`print` its fingerprint) and its rows to a batch, in one
/// transaction, numbered on from the rows stored; the batch as it is then.
/// Each row's `source` names the file.
pub async fn add(batch: &str, rows: Vec<Summary>, file: Received, print: (usize, u64)) -> Result<Batch, Failure> {
    let (t, stores) = idb::transaction(&[BATCHES, ROWS, FILES], true).await?;
    let (batches, row_store, files) = (stores[0].clone(), stores[1].clone(), stores[2].clone());
    let added = std::rc::Rc::new(std::cell::RefCell::new(None));
    let kept = added.clone();
    let guard = Guarded::new(&t);
    guard.on(&stores[0].get(&batch_key(batch)).map_err(idb::thrown)?, move |_, value| {
        let mut stored = held_here(&value)?;
        for (i, row) in rows.iter().enumerate() {
            put_row(&row_store, &stored.id, stored.rows + i, row)?;
        }
        stored.rows += rows.len();
        if !stored.seen.contains(&print) {
            stored.seen.push(print);
        }
        batches.put_with_key(&batch_value(&stored), &batch_key(&stored.id)).map_err(idb::thrown)?;
        if let Some(source) = rows.first().map(|r| r.source.as_str()).filter(|s| !s.is_empty()) {
            let value = Array::of2(&JsValue::from_str(&file.name), &Uint8Array::from(file.bytes.as_slice()));
            files.put_with_key(&value, &JsValue::from_str(&format!("{}/{source}", stored.id))).map_err(idb::thrown)?;
        }
        *kept.borrow_mut() = Some(stored);
        Ok(())
    });
    guard.committed().await?;
    super::tabs::announce_batch(batch);
    added.take().ok_or(Failure::Other("NotFoundError".into()))
}

/// Writes in one transaction with the check that no other tab holds `batch`:
/// `write` gets the batches' store, then those asked for (`stores`), and may
/// check more ([`Guarded::on`]). Its writes are queued at once, behind the
/// read of the batch's record; should the record name another tab, the
/// transaction is aborted and nothing of them stays (one round trip, not two:
/// the tally writes at every mark).
pub(super) async fn guarded(
    batch: &str,
    stores: &[&str],
    write: impl FnOnce(&Guarded, &[IdbObjectStore]) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let names: Vec<&str> = std::iter::once(BATCHES).chain(stores.iter().copied()).collect();
    let (t, handles) = idb::transaction(&names, true).await?;
    let guard = Guarded::new(&t);
    guard.on(&handles[0].get(&batch_key(batch)).map_err(idb::thrown)?, |_, value| held_here(&value).map(|_| ()));
    if let Err(f) = write(&guard, &handles) {
        let _ = t.abort();
        return Err(f);
    }
    guard.committed().await?;
    super::tabs::announce_batch(batch);
    Ok(())
}

fn put_row(store: &web_sys::IdbObjectStore, batch: &str, n: usize, row: &Summary) -> Result<(), Failure> {
    let value = JsValue::from_str(&serde_json::to_string(row).unwrap_or_default());
    store.put_with_key(&value, &JsValue::from_str(&row_key(batch, n))).map_err(idb::thrown)?;
    Ok(())
}

/// Puts a row checked again in its place.
pub async fn replace(batch: &str, n: usize, row: &Summary) -> Result<(), Failure> {
    guarded(batch, &[ROWS], |_, stores| put_row(&stores[1], batch, n, row)).await
}

/// A received file of a batch, by its row's `source`.
pub async fn file(batch: &str, source: &str) -> Result<Option<Received>, Failure> {
    let (_, stores) = idb::transaction(&[FILES], false).await?;
    let value = idb::request(&stores[0].get(&JsValue::from_str(&format!("{batch}/{source}"))).map_err(idb::thrown)?).await?;
    let Ok(pair) = value.dyn_into::<Array>() else { return Ok(None) };
    Ok(Some(Received { name: pair.get(0).as_string().unwrap_or_default(), bytes: Uint8Array::new(&pair.get(1)).to_vec() }))
}

/// Removes a batch, its rows, its files and its papers for the meeting (not
/// while another tab works on it): every store of a batch keys its records
/// `<batch>/…` (meeting.rs too).
pub async fn remove(batch: &str) -> Result<(), Failure> {
    guarded(batch, &[ROWS, FILES, MEETING], |_, stores| {
        stores[0].delete(&batch_key(batch)).map_err(idb::thrown)?;
        let range = web_sys::IdbKeyRange::bound(&JsValue::from_str(&format!("{batch}/")), &JsValue::from_str(&format!("{batch}/\u{FFFF}")))
            .map_err(idb::thrown)?;
        for store in &stores[1..] {
            store.delete(&range).map_err(idb::thrown)?;
        }
        Ok(())
    })
    .await
}
