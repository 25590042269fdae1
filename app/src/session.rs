//! The form's link to storage and to the other tabs: every change saved at once
//! and durably (storage/), read-only while another tab edits the draft, taking
//! it over, and what the drafter is told when something went wrong. The rules
//! are in tabs.rs; this is their state for the view.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wengao::draft::Draft;
use wengao::spec::{FormSpec, Role};

use crate::storage::idb::Failure;
use crate::storage::tabs::{self, Hold};
use crate::storage::{self, DraftMeta};
use crate::templates::spec_for;

/// Who may change the draft in this tab.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Access {
    Editing,
    /// Another tab had it open first.
    ReadOnly,
    /// Another tab took it over from this one; everything typed here was saved.
    TakenOver,
    /// Another tab took it over while a change from here was on its way: that
    /// change is only in this page, which keeps it until exported.
    Refused,
}

/// A draft opened for the form: its template, content and lock.
pub struct Opened {
    pub meta: DraftMeta,
    pub spec: FormSpec,
    pub draft: Draft,
    hold: Option<Hold>,
    access: ArcRwSignal<Access>,
    /// What to tell the drafter on opening (restored after a crash, pictures lost).
    pub notice: String,
    /// The fields an import could not read from the file, marked 请确认 in the
    /// form until the drafter sets them.
    pub to_confirm: Vec<String>,
    storage: Storage,
}

/// Where an opened draft stands with the store.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Storage {
    /// The store has it as it opened.
    Saved,
    /// To be stored, but not there yet (its first save failed): autosave's
    /// first save sends everything, pictures too.
    Unsaved,
    /// Shown and filled, never stored: the studio's live form, a page that
    /// keeps its drafts itself.
    Never,
}

/// Opens a draft: takes its lock if no other tab has it (then marks this tab
/// as its holder), else opens it read-only. `notice` is shown on opening.
pub async fn open(meta: &DraftMeta, notice: String) -> Result<Opened, String> {
    // A published template being read from the server may have just changed.
    if crate::storage::published::is_published(&meta.template) {
        crate::storage::published::settled(std::time::Duration::from_secs(5)).await;
    }
    let spec = spec_for(&meta.template)?;
    let access = ArcRwSignal::new(Access::ReadOnly);
    let lost = access.clone();
    let hold = tabs::hold(&meta.id, false, move || taken_over(&lost)).await;
    let me = tabs::me();
    // On an error the lock is dropped, which releases it.
    let loaded = storage::load(&meta.id, hold.is_some().then_some(me.as_str())).await?;
    access.set(if hold.is_some() { Access::Editing } else { Access::ReadOnly });
    let mut draft = loaded.draft;
    // The template edited since: parts it no longer has keep their text apart.
    let version = crate::templates::template_version(&meta.template);
    let edited = !loaded.meta.template_version.is_empty() && loaded.meta.template_version != version;
    let mut notice = notice;
    if edited {
        notice.extend(crate::templates::changes_since(&meta.template, &loaded.meta.template_version, &spec));
    }
    notice.push_str(&fit(&spec, &mut draft, edited));
    if loaded.lost_pictures > 0 {
        notice.push_str(&format!("有{}幅图片没能从浏览器里恢复，请重新选择。", loaded.lost_pictures));
    }
    // Saved against this version from now on (computed once, not on every save).
    let meta = DraftMeta { template_version: version, ..loaded.meta };
    Ok(Opened { meta, spec, draft, hold, access, notice, to_confirm: Vec::new(), storage: Storage::Saved })
}

/// Fits a draft to its template before its form opens: the parts the template
/// no longer has and the items over a repeat's limit are kept apart, and the
/// items every repeat needs are added. Returns what to tell the drafter;
/// `edited` says the template changed since the draft was last saved.
fn fit(spec: &FormSpec, draft: &mut Draft, edited: bool) -> String {
    fitted_notice(wengao::edit::fit(spec, draft), edited)
}

/// What to tell the drafter of what fitting a draft moved.
pub(crate) fn fitted_notice(fitted: wengao::edit::Fitted, edited: bool) -> String {
    let wengao::edit::Fitted { orphaned, moved } = fitted;
    let mut notice = String::new();
    if orphaned > 0 {
        notice.push_str(&format!(
            "模板改过了：这份草稿里有{orphaned}个部分在新模板里已经没有了，它们的文字放在表单最后的“模板中已没有的部分”里，不会丢。"
        ));
    } else if edited {
        notice.push_str("模板改过了，草稿已按新模板打开，写过的内容都在。");
    }
    if moved > 0 {
        notice.push_str(&format!(
            "这份草稿里有{moved}项超出了模板允许的数目，它们已移到表单最后的“未归类的段落”（图片在“未归类的图片”）里。"
        ));
    }
    notice
}

/// Another tab took the lock: this tab shows the draft read-only from now on,
/// unless a change from here was refused (that state keeps the page as it is).
fn taken_over(access: &ArcRwSignal<Access>) {
    if access.get_untracked() == Access::Editing {
        access.set(Access::TakenOver);
    }
}

/// Opens a new draft: takes its lock and saves it durably, with this tab as its
/// holder, before its form opens, so that even a browser killed right after 新建
/// keeps it. Nothing is read back: the draft in hand is what was stored. When
/// it cannot be stored, it opens in this page only (the form's autosave says
/// why).
pub async fn create(template: String, spec: FormSpec, mut draft: Draft, notice: String) -> Opened {
    let mut notice = notice;
    notice.push_str(&fit(&spec, &mut draft, false));
    let meta = new_meta(storage::new_id(), template, &spec, &draft);
    let access = ArcRwSignal::new(Access::Editing);
    let lost = access.clone();
    // A new id: no other tab holds it, so the lock is granted at once.
    let hold = tabs::hold(&meta.id, false, move || taken_over(&lost)).await;
    let holder = hold.is_some().then(tabs::me);
    // When this first save fails (storage full), the form keeps the draft and
    // its lock, and autosave keeps trying, pictures and all (start).
    let saved = storage::save(storage::snapshot(&meta, &mut draft, true), holder).await;
    let storage = if saved.is_ok() { Storage::Saved } else { Storage::Unsaved };
    Opened { meta, spec, draft, hold, access, notice, to_confirm: Vec::new(), storage }
}

/// A new draft's list line, with the version of its template (to tell later
/// whether the template was edited since).
pub(crate) fn new_meta(id: String, template: String, spec: &FormSpec, draft: &Draft) -> DraftMeta {
    let version = crate::templates::template_version(&template);
    DraftMeta::new(id, template, version, spec, draft)
}

/// The session's state, for the view.
#[derive(Clone, Copy)]
pub struct Session {
    pub access: RwSignal<Access>,
    /// Why the last save failed (empty once a save succeeds).
    pub save_error: RwSignal<String>,
    /// When the draft was last saved.
    pub saved_at: RwSignal<Option<f64>>,
    /// Whether a save is on its way (the status says aria-busy meanwhile).
    pub saving: RwSignal<bool>,
    /// Takes the draft over from the tab that edits it.
    pub take_over: Callback<()>,
}

/// What of an open form a session saves and replaces: its content,
/// its title and title lines (what the draft list shows), and how the form
/// takes a whole new draft (fitted, with fresh keys, rebuilt).
#[derive(Clone, Copy)]
pub struct Content {
    pub draft: RwSignal<Draft>,
    pub titles: Memo<(String, Vec<(Role, String)>)>,
    pub replace: Callback<Draft>,
}

/// Starts autosave and the watch on other tabs for the form of `opened`.
pub fn start(opened_meta: DraftMeta, hold: Option<Hold>, access: ArcRwSignal<Access>, content: Content, stored: Storage) -> Session {
    let Content { draft, titles, replace } = content;
    let id = opened_meta.id.clone();
    let opened_id = id.clone();
    let access = RwSignal::from(access);
    let session = Session {
        access,
        save_error: RwSignal::new(String::new()),
        saved_at: RwSignal::new(None),
        saving: RwSignal::new(false),
        take_over: Callback::new(|_| ()),
    };
    // Nothing stored (the studio's live form, a page keeping its drafts): no other tab to watch.
    if stored == Storage::Never {
        return session;
    }
    let hold = StoredValue::new_local(hold);
    let meta = StoredValue::new(opened_meta);
    // The pictures whose bytes were last sent to the store; None after a save
    // that carried bytes failed, so that the next save carries them again.
    let pictures =
        StoredValue::new((stored == Storage::Saved).then(|| draft.try_update_untracked(storage::pictures_fingerprint)).flatten());
    let me = tabs::me();
    // Saves on their way, and whether a reload waits for them: the page's content
    // is replaced only once its own changes are either stored or refused.
    let pending = StoredValue::new(0u32);
    let reload_waiting = StoredValue::new(false);
    let reload_now = move || {
        let id = meta.with_value(|m| m.id.clone());
        spawn_local(async move {
            if let Ok(loaded) = storage::load(&id, None).await {
                // The form may have closed meanwhile: every access is a try_.
                if matches!(access.try_get_untracked(), Some(Access::ReadOnly | Access::TakenOver)) {
                    replace.try_run(loaded.draft);
                }
            }
        });
    };
    let reload = move || {
        if pending.get_value() > 0 {
            reload_waiting.set_value(true);
        } else {
            reload_now();
        }
    };

    // Autosave: every change, at once, in order; a full storage keeps the draft
    // in this page and says so.
    Effect::new(move |_| {
        draft.track();
        if access.get_untracked() != Access::Editing {
            return;
        }
        let mut m = meta.get_value();
        m.updated = storage::now();
        titles.with_untracked(|(title, lines)| m.describe(title, lines));
        // Untracked and in place: no copy of the pictures on each keystroke.
        let Some((snapshot, with_bytes)) = draft.try_update_untracked(|d| {
            let now = storage::pictures_fingerprint(d);
            let changed = pictures.with_value(|p| p.as_ref() != Some(&now));
            if changed {
                pictures.set_value(Some(now));
            }
            (storage::snapshot(&m, d, changed), changed)
        }) else {
            return;
        };
        meta.set_value(m);
        let (id, me) = (id.clone(), me.clone());
        pending.update_value(|n| *n += 1);
        session.saving.set(true);
        let saving = storage::save(snapshot, Some(me));
        spawn_local(async move {
            let result = saving.await;
            match result {
                Ok(()) => tabs::announce_saved(&id),
                Err(Failure::Refused) => {
                    reload_waiting.try_set_value(false);
                    access.try_set(Access::Refused);
                }
                // The store does not have these pictures: the next save sends them.
                Err(_) if with_bytes => {
                    pictures.try_set_value(None);
                }
                Err(_) => {}
            }
            // The form may have closed meanwhile: every access is a try_.
            session.save_error.try_set(result.as_ref().err().filter(|f| **f != Failure::Refused).map(Failure::message).unwrap_or_default());
            if result.is_ok() {
                session.saved_at.try_set(Some(storage::now()));
            }
            let idle = pending.try_update_value(|n| {
                *n -= 1;
                *n == 0
            });
            if idle == Some(true) {
                session.saving.try_set(false);
            }
            if idle == Some(true) && reload_waiting.try_get_value() == Some(true) {
                reload_waiting.set_value(false);
                reload_now();
            }
        });
    });
    let watched = opened_id.clone();
    let channel = tabs::on_saved(move |saved| {
        if saved == watched && matches!(access.get_untracked(), Access::ReadOnly | Access::TakenOver) {
            reload();
        }
    });
    // Taken over: show what the other tab has from now on.
    Effect::new(move |previous: Option<Access>| {
        let now = access.get();
        if now == Access::TakenOver && previous == Some(Access::Editing) {
            reload();
        }
        now
    });

    let take_over = Callback::new(move |_| {
        let id = meta.with_value(|m| m.id.clone());
        let me = tabs::me();
        spawn_local(async move {
            let Some(h) = tabs::hold(&id, true, move || {
                if access.try_get_untracked() == Some(Access::Editing) {
                    access.try_set(Access::TakenOver);
                }
            })
            .await
            else {
                return;
            };
            match storage::load(&id, Some(&me)).await {
                Ok(loaded) => {
                    // The form may have closed meanwhile: the lock is then dropped
                    // here, and the holder mark cleared at the next start.
                    if hold.try_update_value(|held| *held = Some(h)).is_none() {
                        return;
                    }
                    access.try_set(Access::Editing);
                    // What the store holds: if fitting the draft moves a picture,
                    // the next save sends the bytes again.
                    let mut stored = loaded.draft;
                    pictures.try_set_value(Some(storage::pictures_fingerprint(&mut stored)));
                    replace.try_run(stored);
                }
                Err(e) => {
                    drop(h);
                    session.save_error.try_set(e);
                }
            }
        });
    });

    // A normal close (reload, tab closed, navigation) leaves a mark, so that the
    // next start can tell it from a crash (tabs::ended_uncleanly).
    let closing_id = opened_id.clone();
    let hide = window_event_listener(leptos::ev::pagehide, move |_| {
        if access.get_untracked() == Access::Editing {
            tabs::mark_closed(&closing_id);
        }
    });
    let showing_id = opened_id.clone();
    let show = window_event_listener(leptos::ev::pageshow, move |_| tabs::unmark_closed(&showing_id));
    let id = opened_id;
    on_cleanup(move || {
        hide.remove();
        show.remove();
        if let Some(c) = channel {
            c.close();
        }
        let editing = access.try_get_untracked() == Some(Access::Editing);
        // Dropping the lock releases it.
        hold.try_update_value(Option::take);
        if editing {
            spawn_local(async move {
                let _ = storage::release(&id, &tabs::me()).await;
            });
        }
    });
    Session { take_over, ..session }
}

impl Opened {
    /// Splits off what the session needs from what the form shows.
    pub fn into_parts(self) -> (DraftMeta, FormSpec, Draft, Option<Hold>, ArcRwSignal<Access>, String, Storage) {
        (self.meta, self.spec, self.draft, self.hold, self.access, self.notice, self.storage)
    }
}

/// The banner for the access state, and whether it offers 在这里编辑.
pub fn access_message(access: Access) -> Option<(&'static str, &'static str)> {
    match access {
        Access::Editing => None,
        Access::ReadOnly => Some(("这份草稿正在另一个标签页里编辑，这里只能查看（那边每次保存，这里跟着更新）。", "在这里编辑")),
        Access::TakenOver => Some(("另一个标签页接着编辑这份草稿了；这里写的内容在那之前都已保存。这里现在只能查看。", "在这里编辑")),
        Access::Refused => Some((
            "另一个标签页接手了这份草稿，这边最后的修改没能保存，只在这个页面里。请先用“导出草稿”把这边的版本存成文件，再决定用哪一份。",
            "放弃这边的修改，在这里编辑",
        )),
    }
}

/// Opens a draft that could not be stored (storage full or refused): the form
/// works in this page, and its autosave, tried at once and on every change,
/// says why it fails (one message) until it succeeds; 导出草稿 keeps the work.
pub fn in_memory(template: String, spec: FormSpec, mut draft: Draft) -> Opened {
    wengao::edit::fill_minimums(&spec, &mut draft);
    let meta = new_meta(storage::new_id(), template, &spec, &draft);
    unlocked(meta, spec, draft, Storage::Unsaved)
}

/// A draft shown and editable, never stored: the studio's live form (an
/// example), or the form of a page that keeps its drafts itself (embed/).
pub fn unstored(template: String, spec: FormSpec, draft: Draft) -> Opened {
    let meta = new_meta(storage::new_id(), template, &spec, &draft);
    unlocked(meta, spec, draft, Storage::Never)
}

/// A draft open in this page only, with no lock (none is needed: it is not stored
/// under a key another tab could open).
fn unlocked(meta: DraftMeta, spec: FormSpec, draft: Draft, storage: Storage) -> Opened {
    Opened {
        meta,
        spec,
        draft,
        hold: None,
        access: ArcRwSignal::new(Access::Editing),
        notice: String::new(),
        to_confirm: Vec::new(),
        storage,
    }
}
