//! The organizer's desk (审核台), a program of its own (`wengao-desk`, opened
//! by `?desk`, boot.js): the organization office drops in every report and
//! case it received, each is recognised as one of the templates and checked
//! against it off the page's main thread (checker.rs), and the table fills in
//! as results come (table.rs); a row opens its findings and the 修改意见 to
//! send back (detail.rs); the table goes out as an Excel workbook. Batches are
//! kept in the browser as rows come (batches.rs, storage/desk.rs), one tab
//! working on a batch at a time (access.rs). What is
//! checked, and the words of every finding, are the core's (wengao::audit).

mod access;
mod asked;
mod batches;
mod booklet;
mod checker;
mod detail;
mod table;
mod tally;

use std::collections::VecDeque;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wengao::audit::group;
use wengao::audit::summary::Summary;

use crate::storage::desk as stored;
use asked::{Asked, Pending};
use checker::{Checker, Reply};

/// Mounts the desk into `#wengao`.
pub fn run() {
    if let Some(root) = document().get_element_by_id("wengao").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        leptos::mount::mount_to(root, Desk).forget();
    }
}

/// The batch being checked: the table's rows and where checking stands.
#[derive(Clone, Copy)]
pub(crate) struct Batch {
    pub rows: RwSignal<Vec<Summary>>,
    /// Files of this round (zips count once), and how many are done.
    pub total: RwSignal<usize>,
    pub done: RwSignal<usize>,
    pub running: RwSignal<bool>,
    pub message: RwSignal<String>,
    /// The row whose details are open (its index in `rows`).
    pub open: RwSignal<Option<usize>>,
    /// The batch as stored (None until storage has been read).
    pub stored: RwSignal<Option<stored::Batch>>,
    /// The templates a file can be checked against (asked of the worker when a row opens).
    pub templates: RwSignal<Vec<String>>,
    /// The batch's 述职材料汇编 as last planned.
    pub booklet: RwSignal<Option<booklet::Planned>>,
    /// The 摘要 of its reports, as extracted and being edited.
    pub extracts: RwSignal<Option<booklet::Extracts>>,
    /// The 汇编 being made: files read, of all (None when none is).
    pub making: RwSignal<Option<(usize, usize)>>,
    /// Whether this tab works on the batch shown, and its lock while it does.
    pub access: RwSignal<access::Access>,
    pub hold: StoredValue<Option<crate::storage::tabs::Hold>, LocalStorage>,
    /// Counts the times the batch shown was read again from storage (another
    /// tab wrote it): what is shown beside the rows follows it.
    pub revision: RwSignal<u32>,
}

impl Batch {
    /// Shows a stored batch and its rows.
    pub fn show(self, batch: stored::Batch, mut rows: Vec<Summary>) {
        self.open.set(None);
        self.booklet.set(None);
        self.extracts.set(None);
        self.total.set(0);
        self.done.set(0);
        group::relate(&mut rows);
        self.rows.set(rows);
        booklet::load_extracts(self, batch.id.clone());
        let id = batch.id.clone();
        self.stored.set(Some(batch));
        access::hold(self, id, false);
    }

    /// What to say when a write to storage failed; when it was refused since
    /// another tab took the batch over, this tab shows it read-only from now.
    pub fn failed(self, f: &crate::storage::idb::Failure) -> String {
        if *f == crate::storage::idb::Failure::Refused {
            if let Some(id) = self.stored.with_untracked(|b| b.as_ref().map(|b| b.id.clone())) {
                access::taken_over(self, &id);
            }
        }
        unsaved(f)
    }
}

const WORD: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const SHEET: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Downloads a file the worker made; what to say: “已导出 name” and `more`, or why not.
fn saved(bytes: &[u8], name: &str, mime: &str, more: String) -> String {
    match crate::files::download(bytes, name, mime) {
        Ok(()) => format!("已导出 {name}{more}"),
        Err(e) => e,
    }
}

/// How often rows checked meanwhile are added to the table.
const SHOW_EVERY: std::time::Duration = std::time::Duration::from_millis(300);

/// What the desk says when a batch cannot be kept in the browser.
fn unsaved(f: &crate::storage::idb::Failure) -> String {
    let why = match f {
        crate::storage::idb::Failure::Refused => {
            return "另一个标签页接手了这一批，这里的这次改动没有保存；这一批以那边为准".to_string();
        }
        crate::storage::idb::Failure::Conflict(why) => return why.clone(),
        crate::storage::idb::Failure::Full => "浏览器的存储空间满了".to_string(),
        crate::storage::idb::Failure::Unavailable => "浏览器不允许保存数据（可能是隐私模式）".to_string(),
        other => format!("浏览器的存储出错（{other:?}）"),
    };
    format!("{why}：审核结果没能保存在这台电脑上，关掉页面就没有了；表格还在，请用“导出 Excel”留底")
}

/// Notes a file in the batch; false when it was there already.
fn first_time(batch: Batch, print: (usize, u64)) -> bool {
    batch
        .stored
        .try_update(|b| match b {
            Some(b) if b.seen.contains(&print) => false,
            Some(b) => {
                b.seen.push(print);
                true
            }
            None => true,
        })
        .unwrap_or(true)
}

#[component]
fn Desk() -> impl IntoView {
    let batch = Batch {
        rows: RwSignal::new(Vec::new()),
        total: RwSignal::new(0),
        done: RwSignal::new(0),
        running: RwSignal::new(false),
        message: RwSignal::new(String::new()),
        open: RwSignal::new(None),
        stored: RwSignal::new(None),
        templates: RwSignal::new(Vec::new()),
        booklet: RwSignal::new(None),
        extracts: RwSignal::new(None),
        making: RwSignal::new(None),
        access: RwSignal::new(access::Access::Asking),
        hold: StoredValue::new_local(None),
        revision: RwSignal::new(0),
    };
    access::follow(batch);
    let entry = tally::Entry::new(&batch);
    let queue = StoredValue::new_local(VecDeque::<gloo_file::File>::new());
    // Files of this round that were not sent (unreadable, already in the batch): said at its end.
    let passed_over = StoredValue::new(Vec::<String>::new());
    // The next file of the queue to the worker, or the round is over.
    let next: StoredValue<Option<Callback<()>>, LocalStorage> = StoredValue::new_local(None);
    // The batch each request about a batch was sent for.
    let pending = Pending::new();
    let shown_id = move || batch.stored.with_untracked(|b| b.as_ref().map(|b| b.id.clone()));
    // Whether an answer of `kind` belongs to the batch shown; if not, said.
    let here = move |kind: Asked| match pending.set_aside(kind, shown_id().as_deref()) {
        Some(said) => {
            batch.message.set(said);
            false
        }
        None => true,
    };
    // The file name the booklet being built will be saved as.
    let booklet_name = StoredValue::new(String::new());
    // The file the worker is checking, with where it will be kept.
    let current = StoredValue::new_local(None::<(stored::Received, String, (usize, u64))>);
    // Rows checked but not yet in the table: shown together at most every
    // SHOW_EVERY, since each showing lays the whole table out again (one per
    // file made 300 files take twice as long).
    let arrived = StoredValue::new(Vec::<Summary>::new());
    let show_arrived = move || {
        let rows = arrived.try_update_value(std::mem::take).unwrap_or_default();
        if !rows.is_empty() {
            batch.rows.update(|r| {
                r.extend(rows);
                group::relate(r);
            });
        }
    };
    let checker = Checker::new(move |reply| match reply {
        Reply::Checked(mut rows) => {
            let file = current.try_update_value(Option::take).flatten();
            // Kept as it comes: a closed tab or a crash loses no checked file.
            if let (Some((file, source, print)), Some(id)) = (file, shown_id()) {
                rows.iter_mut().for_each(|r| r.source = source.clone());
                let rows = rows.clone();
                spawn_local(async move {
                    match stored::add(&id, rows, file, print).await {
                        // The count and the files as stored (the rows are numbered on from it).
                        Ok(kept) => batch.stored.update(|b| {
                            if let Some(b) = b.as_mut().filter(|b| b.id == kept.id) {
                                b.rows = b.rows.max(kept.rows);
                                b.seen.extend(kept.seen.into_iter().filter(|p| !b.seen.contains(p)).collect::<Vec<_>>());
                            }
                        }),
                        Err(f) => batch.message.set(batch.failed(&f)),
                    }
                });
            }
            let first = arrived.try_update_value(|a| {
                let first = a.is_empty();
                a.extend(rows);
                first
            });
            if first == Some(true) {
                set_timeout(show_arrived, SHOW_EVERY);
            }
            batch.done.update(|d| *d += 1);
            if let Some(next) = next.get_value() {
                next.run(());
            }
        }
        Reply::Rechecked(..) if !here(Asked::Recheck) => {}
        Reply::Rechecked(index, row) => {
            let mut row = *row;
            let Some(old) = batch.rows.with_untracked(|rows| rows.get(index).cloned()) else { return };
            row.source = old.source;
            let verdict = format!("已按“{}”重新检查：{}", row.template, row.verdict());
            batch.rows.update(|rows| {
                rows[index] = row.clone();
                group::relate(rows);
            });
            batch.message.set(verdict);
            if let Some(id) = batch.stored.with_untracked(|b| b.as_ref().map(|b| b.id.clone())) {
                spawn_local(async move {
                    if let Err(f) = stored::replace(&id, index, &row).await {
                        batch.message.set(batch.failed(&f));
                    }
                });
            }
        }
        Reply::Templates(names) => batch.templates.set(names),
        Reply::Extracts(_) if !here(Asked::Extracts) => {}
        Reply::Extracts(json) => match serde_json::from_str::<booklet::Extracted>(&json) {
            Ok(extracted) => {
                batch.message.set(format!("摘出了{}份报告的摘要，可以在下面修改", extracted.extracts.len()));
                booklet::extracted(batch, booklet::Extracts::from(extracted));
            }
            Err(_) => batch.message.set("摘要没能摘出来".into()),
        },
        Reply::Ballot(_) if !here(Asked::Ballot) => {}
        Reply::Ballot(bytes) if bytes.is_empty() => batch.message.set("这一批里没有带“测评指标”的报告，做不了测评表".into()),
        Reply::Ballot(bytes) => batch.message.set(saved(&bytes, "党建述职测评表.docx", WORD, String::new())),
        Reply::ExtractsDocx(bytes) if bytes.is_empty() => batch.message.set("摘要没能生成 Word 文件".into()),
        Reply::ExtractsDocx(bytes) => batch.message.set(saved(&bytes, "摘要.docx", WORD, String::new())),
        Reply::Booklet(..) if !here(Asked::Booklet) => batch.making.set(None),
        Reply::Booklet(plan, bytes) => {
            batch.making.set(None);
            let planned: Option<booklet::Planned> = serde_json::from_str(&plan).ok();
            let Some(planned) = planned else { return batch.message.set("汇编没能排出来".into()) };
            let name = booklet_name.get_value();
            let documents = format!("{}份材料", planned.entries.len());
            batch.message.set(if bytes.is_empty() {
                format!("目录排好了：{documents}")
            } else {
                saved(&bytes, &name, WORD, format!("：{documents}"))
            });
            batch.booklet.set(Some(planned));
        }
        Reply::TallySetup(_) if !here(Asked::TallySetup) => {}
        Reply::TallySetup(json) => match serde_json::from_str(&json) {
            Ok(setup) => entry.begin(setup),
            Err(_) => entry.message.set("这一批里没有带“测评指标”的述职报告，录不了测评结果".into()),
        },
        Reply::Tally(_, bytes) if bytes.is_empty() => entry.message.set("汇总没能生成".into()),
        Reply::Tally(true, bytes) => entry.message.set(saved(&bytes, "测评结果汇总.docx", WORD, String::new())),
        Reply::Tally(false, bytes) => entry.message.set(saved(&bytes, "测评结果汇总.xlsx", SHEET, String::new())),
        Reply::Notes(_, bytes) if bytes.is_empty() => batch.message.set("修改意见没能生成".into()),
        Reply::Notes(name, bytes) => batch.message.set(saved(&bytes, &name, WORD, String::new())),
        Reply::Lost => {
            pending.clear();
            batch.making.set(None);
        }
        Reply::Progress(done, total) => batch.making.set(Some((done, total))),
        Reply::Failed(message) => batch.message.set(message),
        Reply::Workbook(bytes) if bytes.is_empty() => batch.message.set("工作簿没能生成".into()),
        Reply::Workbook(bytes) => batch.message.set(saved(&bytes, "审核表.xlsx", SHEET, String::new())),
    });
    let worker = StoredValue::new_local(checker);
    // The templates the office published (kept by the start screen): checked against too.
    spawn_local(async move {
        if crate::storage::library::load().await.is_ok() {
            let sources: Vec<(String, String)> = crate::storage::published::offered()
                .into_iter()
                .filter(|t| t.error.is_none() && !t.source.is_empty())
                .map(|t| (t.file, t.source))
                .collect();
            if !sources.is_empty() {
                worker.with_value(|w| w.use_templates(serde_json::to_string(&sources).unwrap_or_default()));
            }
        }
    });
    next.set_value(Some(Callback::new(move |_| {
        if !batch.running.get_untracked() {
            return;
        }
        let Some(file) = queue.try_update_value(VecDeque::pop_front).flatten() else {
            show_arrived();
            batch.running.set(false);
            let (done, rows) = (batch.done.get_untracked(), batch.rows.with_untracked(Vec::len));
            let notes = passed_over.try_update_value(std::mem::take).unwrap_or_default();
            let notes = if notes.is_empty() { String::new() } else { format!("。{}", notes.join("；")) };
            return batch.message.set(format!("检查完了：{done}个文件，表里共{rows}行{notes}"));
        };
        spawn_local(async move {
            let name = file.name();
            let sent = match gloo_file::futures::read_as_bytes(&file).await {
                Err(_) => Err(format!("{name}：读不了这个文件")),
                Ok(bytes) => {
                    let print = wengao::audit::batch::fingerprint(&bytes);
                    if first_time(batch, print) {
                        let sent = worker.with_value(|w| w.check(&name, &bytes));
                        current.set_value(Some((
                            stored::Received { name: name.clone(), bytes },
                            wengao::audit::batch::fingerprint_text(print),
                            print,
                        )));
                        sent
                    } else {
                        Err(format!("{name} 和这一批里已有的一个文件完全相同，跳过了"))
                    }
                }
            };
            if let Err(e) = sent {
                batch.message.set(e.clone());
                passed_over.update_value(|n| n.push(e));
                batch.done.update(|d| *d += 1);
                if let Some(next) = next.get_value() {
                    next.run(());
                }
            }
        });
    })));
    let add = move |files: Vec<gloo_file::File>| {
        if files.is_empty() || !access::editable(batch) {
            return;
        }
        if !batch.running.get_untracked() {
            batch.total.set(0);
            batch.done.set(0);
        }
        batch.total.update(|t| *t += files.len());
        queue.update_value(|q| q.extend(files));
        batch.message.set(String::new());
        if !batch.running.get_untracked() {
            batch.running.set(true);
            if let Some(next) = next.get_value() {
                next.run(());
            }
        }
    };
    let stop = move |_| {
        worker.with_value(Checker::stop);
        pending.clear();
        batch.making.set(None);
        current.set_value(None);
        queue.update_value(VecDeque::clear);
        passed_over.update_value(Vec::clear);
        show_arrived();
        batch.running.set(false);
        batch.message.set(format!("已停止：{}个文件里检查了{}个", batch.total.get_untracked(), batch.done.get_untracked()));
    };
    // The 汇编 being made, stopped: the worker goes with what it was doing (a
    // fresh one takes the next request).
    let stop_making = Callback::new(move |_: ()| {
        worker.with_value(Checker::stop);
        pending.clear();
        batch.making.set(None);
        batch.message.set("已停止编排汇编".into());
    });
    let export = move |_| {
        let sent = batch.rows.with_untracked(|rows| worker.with_value(|w| w.workbook(rows)));
        if let Err(e) = sent {
            batch.message.set(e);
        }
    };
    // A row checked again as another template: its file from storage to the worker.
    let recheck = Callback::new(move |(index, template): (usize, String)| {
        let Some(row) = batch.rows.with_untracked(|rows| rows.get(index).cloned()) else { return };
        let Some(id) = batch.stored.with_untracked(|b| b.as_ref().map(|b| b.id.clone())) else { return };
        if !access::editable(batch) {
            return;
        }
        batch.message.set(format!("正在按“{template}”重新检查 {}……", row.file));
        spawn_local(async move {
            let sent = match stored::file(&id, &row.source).await {
                Ok(Some(file)) => worker.with_value(|w| w.check_as(index, &file.name, file.bytes, &row.file, &template)),
                Ok(None) => Err("这个文件没有保存在浏览器里（是更早的版本检查的），请重新拖入这个文件".into()),
                Err(f) => Err(batch.failed(&f)),
            };
            match sent {
                Ok(()) => pending.sent(Asked::Recheck, id),
                Err(e) => batch.message.set(e),
            }
        });
    });
    let export_notes = Callback::new(move |index: usize| {
        let sent = batch
            .rows
            .with_untracked(|rows| rows.get(index).map(|r| worker.with_value(|w| w.notes(r, &wengao::audit::notes::file_name(r, false)))));
        if let Some(Err(e)) = sent {
            batch.message.set(e);
        }
    });
    // The batch's readable rows with their files from storage (each received
    // file once), for the booklet and the 摘要; None when storage failed or a
    // file is missing (said).
    let batch_files = move || async move {
        let id = batch.stored.with_untracked(|b| b.as_ref().map(|b| b.id.clone()))?;
        let rows: Vec<(String, String, String)> = batch.rows.with_untracked(|rows| {
            rows.iter().filter(|r| r.counts()).map(|r| (r.source.clone(), r.file.clone(), r.template.clone())).collect()
        });
        let mut sources: Vec<String> = Vec::new();
        let mut out = checker::BatchFiles::default();
        let mut missing = 0;
        for (source, entry, template) in rows {
            let at = match sources.iter().position(|s| *s == source) {
                Some(at) => at,
                None => match stored::file(&id, &source).await {
                    Ok(Some(file)) => {
                        sources.push(source);
                        out.files.push((file.name, file.bytes));
                        out.files.len() - 1
                    }
                    Ok(None) => {
                        missing += 1;
                        continue;
                    }
                    Err(f) => {
                        batch.message.set(batch.failed(&f));
                        return None;
                    }
                },
            };
            out.entries.push((at, entry, template));
        }
        if missing > 0 {
            batch.message.set(format!("{missing}个文件没有保存在浏览器里（是更早的版本检查的），没有编入；请重新放入这些文件"));
        }
        Some(out)
    };
    let make_booklet = Callback::new(move |ask: booklet::Ask| {
        if ask.kind == booklet::Making::Tally && !(access::editable(batch) && entry.may_begin()) {
            return;
        }
        booklet_name.set_value(format!("{}.docx", wengao::audit::notes::safe_file_name(ask.title.trim())));
        batch.message.set(match ask.kind {
            booklet::Making::Contents => "正在排目录……".into(),
            booklet::Making::Booklet => "正在编排汇编……".into(),
            booklet::Making::Ballot => "正在做测评表……".into(),
            booklet::Making::Tally => "正在读出述职人……".into(),
        });
        let Some(id) = shown_id() else { return };
        spawn_local(async move {
            let Some(files) = batch_files().await else { return };
            let (kind, sent) = match ask.kind {
                booklet::Making::Ballot => (Asked::Ballot, worker.with_value(|w| w.ballot(&files, "党建述职测评表", &ask.list))),
                booklet::Making::Tally => (Asked::TallySetup, worker.with_value(|w| w.tally_setup(&files, &ask.list))),
                booklet::Making::Contents | booklet::Making::Booklet => (
                    Asked::Booklet,
                    worker.with_value(|w| w.booklet(&files, (&ask.title, &ask.date), &ask.list, ask.kind == booklet::Making::Booklet)),
                ),
            };
            match sent {
                Ok(()) => pending.sent(kind, id),
                Err(e) => batch.message.set(e),
            }
        });
    });
    let make_extracts = Callback::new(move |_: ()| {
        if !access::editable(batch) {
            return;
        }
        batch.message.set("正在摘录摘要……".into());
        let Some(id) = shown_id() else { return };
        spawn_local(async move {
            let Some(files) = batch_files().await else { return };
            match worker.with_value(|w| w.extracts(&files)) {
                Ok(()) => pending.sent(Asked::Extracts, id),
                Err(e) => batch.message.set(e),
            }
        });
    });
    let export_extracts = Callback::new(move |extracts: Vec<wengao::extract::Extract>| {
        if let Err(e) = worker.with_value(|w| w.extracts_docx(&extracts)) {
            batch.message.set(e);
        }
    });
    let export_tally = Callback::new(move |word: bool| {
        let (Some(setup), sheets) = (entry.setup.get_untracked(), entry.sheets.get_untracked()) else { return };
        if let Err(e) = worker.with_value(|w| w.tally(&setup, &sheets, "党建述职测评结果汇总", word)) {
            entry.message.set(e);
        }
    });
    let ask_templates = Callback::new(move |_: ()| {
        if batch.templates.with_untracked(Vec::is_empty) {
            if let Err(e) = worker.with_value(Checker::templates) {
                batch.message.set(e);
            }
        }
    });
    let on_pick = move |ev: leptos::ev::Event| add(crate::files::input_files(&ev));
    let take_over = move |_| {
        if let Some(id) = shown_id() {
            access::hold(batch, id, true);
        }
    };
    let read_only = move || batch.access.get().read_only();
    // A picker of whole folders (webkitdirectory: every browser has it, the view macro does not know it).
    let folder = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = folder.get() {
            let _ = input.set_attribute("webkitdirectory", "");
        }
    });
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        add(crate::files::files_of(ev.data_transfer().and_then(|d| d.files())));
    };
    view! {
        <header class="bar">
            <h1>"文稿 · 审核台"</h1>
            <p>"对照模板检查收到的述职报告和创新案例：字数、页数、结构、格式，一个文件一行"</p>
        </header>
        <main class="desk" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
            <nav class="toolbar" aria-label="审核台操作">
                <a class="button" href="./">"← 返回开始页"</a>
                <label class="file-button">"选择文件（.docx、.zip、草稿 .json）"
                    <input type="file" multiple disabled=read_only accept=".docx,.zip,.json,application/zip,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document" on:change=on_pick/>
                </label>
                <label class="file-button">"选择文件夹"
                    <input type="file" multiple disabled=read_only node_ref=folder on:change=on_pick/>
                </label>
                <button type="button" on:click=export disabled=move || batch.rows.with(Vec::is_empty)>"导出 Excel（.xlsx）"</button>
            </nav>
            <p class="hint">"可以一次选很多个文件，或者把邮件附件的压缩包、整个文件夹拖进来。文件只在这台电脑上检查，不会上传。"</p>
            <Show when=move || { batch.running.get() || batch.total.get() > 0 }>
                <div class="progress" role="status" aria-live="polite">
                    <progress max=move || batch.total.get().max(1) value=move || batch.done.get() aria-label="检查进度"></progress>
                    <span>{move || format!("已检查 {} / {} 个文件", batch.done.get(), batch.total.get())}</span>
                    <Show when=move || batch.running.get()>
                        <button type="button" class="small" on:click=stop>"停止"</button>
                    </Show>
                </div>
            </Show>
            <p class="message" role="status">{move || batch.message.get()}</p>
            <Show when=move || batch.access.get().read_only()>
                <div class="notice desk-elsewhere" role="status">
                    <span>{move || batch.access.get().said()}</span>
                    <button type="button" class="small" on:click=take_over>"在这里审核"</button>
                </div>
            </Show>
            <batches::Batches batch/>
            <table::Table batch/>
            <detail::Detail batch recheck export_notes ask_templates/>
            <booklet::Booklet batch planned=batch.booklet ask=make_booklet stop=stop_making/>
            <booklet::Summaries batch make=make_extracts export=export_extracts/>
            <tally::Tally entry export=export_tally/>
        </main>
    }
}
