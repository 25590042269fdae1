//! Which tab works on the batch shown. One tab at a time holds a batch
//! (storage/tabs.rs: its Web Lock; storage/desk.rs: the record's holder,
//! checked by every write): that tab adds files, checks again, edits the 摘要
//! and enters the tally. Another tab showing the same batch shows it
//! read-only, follows what the working tab writes (a BroadcastChannel message
//! after each write) and can take the batch over.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{booklet, Batch};
use crate::storage::desk as stored;
use crate::storage::tabs;

/// Whether this tab may change the batch shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Asking for the batch's lock.
    Asking,
    Working,
    /// Another tab was working on it when it was shown here.
    Elsewhere,
    /// Another tab took it over from this one.
    TakenOver,
}

impl Access {
    /// Whether this tab only shows the batch (another tab works on it).
    pub fn read_only(self) -> bool {
        matches!(self, Access::Elsewhere | Access::TakenOver)
    }

    /// What the read-only banner says.
    pub fn said(self) -> &'static str {
        match self {
            Access::Asking | Access::Working => "",
            Access::Elsewhere => "这一批正在另一个标签页里审核。这里只能查看，那边的改动会自动显示在这里。",
            Access::TakenOver => "另一个标签页接手了这一批，这里只能查看了；这里没保存的改动以那边为准。",
        }
    }
}

/// Asks for the lock of the batch shown (`steal`: taken from the tab that has
/// it); the batch shown before is let go.
pub(super) fn hold(batch: Batch, id: String, steal: bool) {
    batch.hold.set_value(None);
    batch.access.set(Access::Asking);
    spawn_local(async move {
        let lost = id.clone();
        let held = tabs::hold_batch(&id, steal, move || taken_over(batch, &lost)).await;
        if shown(batch).as_deref() != Some(id.as_str()) {
            return;
        }
        let Some(held) = held else { return batch.access.set(Access::Elsewhere) };
        batch.hold.set_value(Some(held));
        if let Err(f) = stored::claim(&id).await {
            batch.message.set(batch.failed(&f));
        }
        batch.access.set(Access::Working);
        if steal {
            // What the other tab wrote up to now.
            reload(batch, id);
        }
    });
}

fn shown(batch: Batch) -> Option<String> {
    batch.stored.with_untracked(|b| b.as_ref().map(|b| b.id.clone()))
}

/// Another tab has taken the batch (its lock, or the record's holder).
pub(super) fn taken_over(batch: Batch, id: &str) {
    if shown(batch).as_deref() == Some(id) {
        batch.hold.set_value(None);
        batch.access.set(Access::TakenOver);
    }
}

/// Whether this tab may change the batch; if not, says so. While the lock is
/// being asked for (a few milliseconds after the batch is shown), yes: files
/// dropped at once are not turned away, and should another tab hold the
/// batch, storage refuses the write (the holder check) and says so.
pub(super) fn editable(batch: Batch) -> bool {
    let access = batch.access.get_untracked();
    if access.read_only() {
        batch.message.set(format!("{}要在这里改，先点“在这里审核”。", access.said()));
    }
    !access.read_only()
}

/// Shows the batch again as stored (what the working tab wrote).
pub(super) fn reload(batch: Batch, id: String) {
    spawn_local(async move {
        let (record, rows) = match (stored::batch(&id).await, stored::rows(&id).await) {
            (Ok(record), Ok(rows)) => (record, rows),
            (Err(f), _) | (_, Err(f)) => return batch.message.set(batch.failed(&f)),
        };
        if shown(batch).as_deref() != Some(id.as_str()) {
            return;
        }
        let Some(record) = record else {
            return batch.message.set("这一批已经在另一个标签页里删除了".into());
        };
        batch.rows.set({
            let mut rows = rows;
            wengao::audit::group::relate(&mut rows);
            rows
        });
        batch.stored.set(Some(record));
        batch.revision.update(|r| *r += 1);
        booklet::load_extracts(batch, id);
    });
}

/// Follows the other tabs' writes to the batch shown while it is read-only
/// here (at most one reload a SETTLE: the tally writes at every mark).
pub(super) fn follow(batch: Batch) {
    const SETTLE: std::time::Duration = std::time::Duration::from_millis(400);
    let scheduled = StoredValue::new(false);
    let channel = tabs::on_batch_written(move |id| {
        if !batch.access.get_untracked().read_only() || shown(batch).as_deref() != Some(id.as_str()) || scheduled.get_value() {
            return;
        }
        scheduled.set_value(true);
        set_timeout(
            move || {
                scheduled.set_value(false);
                if let Some(id) = shown(batch) {
                    reload(batch, id);
                }
            },
            SETTLE,
        );
    });
    // Kept open as long as the desk is.
    std::mem::forget(channel);
}
