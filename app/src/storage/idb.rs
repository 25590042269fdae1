//! IndexedDB plumbing: one connection per tab, requests and transactions as
//! futures. Why IndexedDB for everything a drafter types: a transaction that has
//! fired `complete` survives a killed browser, where Chromium writes
//! localStorage to disk lazily (seen lost 15 s after the write; see
//! ../shared/notes/toolchain.md and the kill test in tests/e2e/durability.mjs).

use std::cell::RefCell;

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const NAME: &str = "wengao";
/// 1: picture bytes only. 2: drafts and templates too. 3: the desk's batches.
/// 4: the desk's received files. 5: what the desk prepares for the meeting.
const VERSION: u32 = 5;
/// Draft records, by draft id (see storage.rs).
pub const DRAFTS: &str = "drafts";
/// Picture bytes of a draft, an array of byte arrays, by draft id.
pub const PICTURES: &str = "pictures";
/// Custom template sources, by template key.
pub const TEMPLATES: &str = "templates";
/// The desk's batches (storage/desk.rs): a batch's record by its id.
pub const BATCHES: &str = "batches";
/// The desk's rows: a checked file's summary by `batch id/row number`.
pub const ROWS: &str = "rows";
/// The desk's received files (to check one again as another template): `[name,
/// bytes]` by `batch id/size-hash`.
pub const FILES: &str = "files";
/// What the desk prepares for the meeting (storage/meeting.rs): the edited
/// 摘要 by `batch id/extract/n`, the 测评结果汇总 by `batch id/tally/setup`,
/// `batch id/tally/current` and `batch id/tally/sheet/表号`.
pub const MEETING: &str = "meeting";

/// Why a storage operation failed, in the words the drafter reads.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The browser refuses storage altogether (some private modes).
    Unavailable,
    /// The quota is used up.
    Full,
    /// Aborted on purpose by the operation itself (e.g. another tab holds the draft).
    Refused,
    /// The write would replace what is there (another tab's, most often): why, in the clerk's words.
    Conflict(String),
    Other(String),
}

impl Failure {
    pub fn message(&self) -> String {
        match self {
            Failure::Unavailable => "浏览器不允许保存数据（可能是隐私模式）：草稿不会自动保存，请用“导出草稿”保存到文件".into(),
            Failure::Full => "浏览器的存储空间满了，最近的修改没能自动保存。页面里的内容都还在，请马上用“导出草稿”保存到文件；删掉用不着的草稿或图片后会恢复自动保存".into(),
            Failure::Refused => "另一个标签页已经接手了这份草稿".into(),
            Failure::Conflict(why) => why.clone(),
            Failure::Other(name) => format!("浏览器的存储出错（{name}），最近的修改没能自动保存；请用“导出草稿”保存到文件"),
        }
    }

    /// The failure a thrown DOMException (or a transaction's error) stands for.
    pub fn of(error: Option<web_sys::DomException>) -> Failure {
        match error.map(|e| e.name()).as_deref() {
            Some("QuotaExceededError") => Failure::Full,
            Some(name) => Failure::Other(name.to_string()),
            None => Failure::Other("AbortError".into()),
        }
    }
}

thread_local! {
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// Resolves with a request's result once it succeeds.
pub async fn request(request: &IdbRequest) -> Result<JsValue, Failure> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |e: web_sys::Event| {
            let result =
                e.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()).and_then(|r| r.result().ok()).unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::NULL, &result);
        });
        let failed = Closure::once_into_js(move |e: web_sys::Event| {
            let name = e.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()).and_then(|r| r.error().ok().flatten()).map(|e| e.name());
            let _ = reject.call1(&JsValue::NULL, &JsValue::from(name.unwrap_or_default()));
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(failed.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(|name| match name.as_string().as_deref() {
        Some("QuotaExceededError") => Failure::Full,
        Some(other) => Failure::Other(other.to_string()),
        None => Failure::Other(String::new()),
    })
}

/// Resolves when a transaction has committed (`complete`): only then is the
/// write durable. An abort reports why.
pub fn committed(transaction: &IdbTransaction) -> impl std::future::Future<Output = Result<(), Failure>> {
    let t = transaction.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        t.set_oncomplete(Some(ok.unchecked_ref()));
        t.set_onabort(Some(failed.unchecked_ref()));
    });
    let t = transaction.clone();
    async move { JsFuture::from(promise).await.map(|_| ()).map_err(|_| Failure::of(t.error())) }
}

async fn connect() -> Result<IdbDatabase, Failure> {
    if let Some(db) = DB.with_borrow(Clone::clone) {
        return Ok(db);
    }
    let factory = leptos::prelude::window().indexed_db().ok().flatten().ok_or(Failure::Unavailable)?;
    let open = factory.open_with_u32(NAME, VERSION).map_err(|_| Failure::Unavailable)?;
    let upgrade = Closure::once_into_js(move |e: web_sys::Event| {
        let db = e
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            let names = db.object_store_names();
            for store in [DRAFTS, PICTURES, TEMPLATES, BATCHES, ROWS, FILES, MEETING] {
                if !names.contains(store) {
                    let _ = db.create_object_store(store);
                }
            }
        }
    });
    open.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db = request(&open).await.map_err(|_| Failure::Unavailable)?.dyn_into::<IdbDatabase>().map_err(|_| Failure::Unavailable)?;
    // A newer version of the app in another tab wants to upgrade: let it.
    let stale = db.clone();
    let on_version_change = Closure::<dyn FnMut()>::new(move || {
        stale.close();
        DB.with_borrow_mut(|d| *d = None);
    });
    db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
    on_version_change.forget();
    DB.with_borrow_mut(|d| *d = Some(db.clone()));
    Ok(db)
}

/// A transaction over `stores`, and those stores in the same order.
pub async fn transaction(stores: &[&str], write: bool) -> Result<(IdbTransaction, Vec<IdbObjectStore>), Failure> {
    let db = connect().await?;
    let names = js_sys::Array::from_iter(stores.iter().map(|s| JsValue::from_str(s)));
    let mode = if write { IdbTransactionMode::Readwrite } else { IdbTransactionMode::Readonly };
    let t = db.transaction_with_str_sequence_and_mode(&names, mode).map_err(|_| Failure::Unavailable)?;
    let handles = stores.iter().map(|s| t.object_store(s)).collect::<Result<Vec<_>, _>>().map_err(|_| Failure::Unavailable)?;
    Ok((t, handles))
}

/// A read-write transaction whose writes depend on what it reads: each
/// read's result is handled inside the transaction, in its success event, so
/// that nothing another tab writes can come between the check and the write;
/// a handler's error aborts the whole transaction and is what
/// [`Guarded::committed`] reports.
#[derive(Clone)]
pub struct Guarded {
    transaction: IdbTransaction,
    refusal: std::rc::Rc<RefCell<Option<Failure>>>,
}

impl Guarded {
    pub fn new(transaction: &IdbTransaction) -> Guarded {
        Guarded { transaction: transaction.clone(), refusal: Default::default() }
    }

    /// Handles `request`'s result (its value, `undefined` when there is none)
    /// with `then`, which may read and write on.
    pub fn on(&self, request: &IdbRequest, then: impl FnOnce(&Guarded, JsValue) -> Result<(), Failure> + 'static) {
        let guard = self.clone();
        let handler = Closure::once_into_js(move |e: web_sys::Event| {
            let value =
                e.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()).and_then(|r| r.result().ok()).unwrap_or(JsValue::UNDEFINED);
            if let Err(f) = then(&guard, value) {
                *guard.refusal.borrow_mut() = Some(f);
                let _ = guard.transaction.abort();
            }
        });
        request.set_onsuccess(Some(handler.unchecked_ref()));
    }

    /// Resolves once every write has committed, or with why it did not.
    pub async fn committed(self) -> Result<(), Failure> {
        committed(&self.transaction).await.map_err(|f| self.refusal.take().unwrap_or(f))
    }
}

/// The failure an IndexedDB call that threw stands for.
pub fn thrown(error: JsValue) -> Failure {
    Failure::of(error.dyn_into().ok())
}
