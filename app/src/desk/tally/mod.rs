//! 测评结果汇总 in the desk: the returned 测评表 entered one after another as
//! fast as the office can type (grid.rs: a digit a cell, Enter to the next
//! sheet, Ctrl+Z), each mark kept in the browser as it is typed
//! (storage/meeting.rs), and what they add up to, live and as .docx, .xlsx and
//! .csv (summary.rs). The rules — which key is a mark, which 表号 is taken,
//! how cells count — are the core's (wengao::tally).

mod grid;
mod summary;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wengao::tally::{self, Setup, Sheet};

use super::Batch;
use crate::storage::meeting as stored;

/// The tally of the batch on the screen.
#[derive(Clone, Copy)]
pub(crate) struct Entry {
    pub setup: RwSignal<Option<Setup>>,
    /// The saved sheets, in 表号 order.
    pub sheets: RwSignal<Vec<Sheet>>,
    /// The sheet on the screen.
    pub current: RwSignal<Sheet>,
    /// The 表号 field as typed; empty takes the screen sheet's own (shown as
    /// the field's placeholder: the next after the highest entered).
    pub number: RwSignal<String>,
    /// The 表号 of the saved sheet opened to correct, if one is.
    pub editing: RwSignal<Option<u32>>,
    /// What the tally says (beside the grid, where the clerk looks).
    pub message: RwSignal<String>,
    /// The marks changed on the screen's sheet: (cell, the mark before).
    pub undo: StoredValue<Vec<(usize, u8)>>,
    /// The desk's batch the tally belongs to.
    desk: Batch,
}

impl Entry {
    pub fn new(batch: &Batch) -> Entry {
        Entry {
            setup: RwSignal::new(None),
            sheets: RwSignal::new(Vec::new()),
            current: RwSignal::new(Sheet { number: 1, marks: Vec::new() }),
            number: RwSignal::new("1".into()),
            editing: RwSignal::new(None),
            message: RwSignal::new(String::new()),
            undo: StoredValue::new(Vec::new()),
            desk: *batch,
        }
    }

    fn batch_id(self) -> Option<String> {
        self.desk.stored.with_untracked(|b| b.as_ref().map(|b| b.id.clone()))
    }

    /// Runs a storage write; a failure is said beside the grid, and the tally
    /// shown again as stored (a 表号 entered in another tab, or the batch taken
    /// over: what is on the screen is what storage holds).
    fn store(self, write: impl std::future::Future<Output = Result<(), crate::storage::idb::Failure>> + 'static) {
        spawn_local(async move {
            if let Err(f) = write.await {
                let said = self.desk.failed(&f);
                if let Some(id) = self.batch_id() {
                    if let Ok(kept) = stored::load(&id).await {
                        self.show(kept);
                    }
                }
                self.message.set(said);
            }
        });
    }

    /// Whether the tally may be changed here; if not, says so beside the grid.
    fn editable(self) -> bool {
        let access = self.desk.access.get_untracked();
        if access.read_only() {
            self.message.set(format!("{}要在这里录，先点上面的“在这里审核”。", access.said()));
        }
        !access.read_only()
    }

    /// Shows what is kept of the batch's tally.
    fn show(self, kept: stored::Kept) {
        let mut sheets = kept.sheets;
        sheets.sort_by_key(|s| s.number);
        let (current, editing) = match (&kept.setup, kept.current) {
            (Some(setup), Some(on)) if on.sheet.marks.len() == setup.cells() => {
                // A saved sheet opened to correct is that sheet still, if it is still saved.
                let editing = on.editing.filter(|n| sheets.iter().any(|s| s.number == *n));
                (on.sheet, editing)
            }
            (Some(setup), _) => (Sheet::blank(setup, tally::next_number(&sheets)), None),
            (None, _) => (Sheet { number: 1, marks: Vec::new() }, None),
        };
        self.number.set(editing.map(|_| current.number.to_string()).unwrap_or_default());
        self.current.set(current);
        self.sheets.set(sheets);
        self.editing.set(editing);
        self.undo.set_value(Vec::new());
        self.setup.set(kept.setup);
    }

    /// Begins the tally of `setup` (the worker's answer to 开始录入).
    pub fn begin(self, setup: Setup) {
        let Some(id) = self.batch_id() else { return };
        if setup.persons.is_empty() {
            return self.message.set("这一批里没有带“测评指标”的述职报告，录不了测评结果".into());
        }
        let said = format!("可以录入了：{}位述职人，每人{}项；{}", setup.persons.len(), setup.items.len(), setup.legend());
        self.show(stored::Kept { setup: Some(setup.clone()), sheets: Vec::new(), current: None });
        self.message.set(said);
        self.store(async move { stored::begin(&id, &setup).await });
        focus("tally-number");
    }

    /// Whether a new tally may begin without losing what was typed (asked
    /// when sheets are saved or the screen's sheet has marks not saved).
    pub fn may_begin(self) -> bool {
        let entered = self.sheets.with_untracked(Vec::len);
        let mut lost: Vec<String> = Vec::new();
        if entered > 0 {
            lost.push(format!("已经录了{entered}张测评表"));
        }
        lost.extend(self.unsaved_on_screen());
        lost.is_empty()
            || window()
                .confirm_with_message(&format!("{}。按现在的述职名单重新开始，会把这些都清空。确定吗？", lost.join("；")))
                .unwrap_or(false)
    }

    /// What the screen's sheet holds that is not saved: marks on a new sheet,
    /// or changes to a saved sheet opened to correct.
    fn unsaved_on_screen(self) -> Option<String> {
        let current = self.current.get_untracked();
        match self.editing.get_untracked() {
            None => {
                let marked = current.marks.len() - current.blanks();
                (marked > 0).then(|| format!("屏幕上第{}号表录了{marked}格还没保存", current.number))
            }
            Some(n) => {
                let saved = self.sheets.with_untracked(|all| all.contains(&current));
                (!saved).then(|| format!("第{n}号表改的还没保存"))
            }
        }
    }

    /// Sets a cell of the screen's sheet (remembered for undo, kept at once).
    fn mark(self, cell: usize, mark: u8) {
        if !self.editable() {
            return;
        }
        let before = self.current.with_untracked(|s| s.marks.get(cell).copied());
        let Some(before) = before.filter(|b| *b != mark) else { return };
        self.undo.update_value(|u| u.push((cell, before)));
        self.current.update(|s| s.marks[cell] = mark);
        self.keep_current();
    }

    fn keep_current(self) {
        let Some(id) = self.batch_id() else { return };
        let on_screen = stored::OnScreen { sheet: self.current.get_untracked(), editing: self.editing.get_untracked() };
        self.store(async move { stored::keep_current(&id, &on_screen).await });
    }

    /// Takes back the last change on the screen's sheet; the cell it was in.
    fn undo(self) -> Option<usize> {
        if !self.editable() {
            return None;
        }
        let Some((cell, mark)) = self.undo.try_update_value(Vec::pop).flatten() else {
            self.message.set("这张表上没有可以撤销的了（改已录的表：在“已录的表”里打开它）".into());
            return None;
        };
        self.current.update(|s| s.marks[cell] = mark);
        self.keep_current();
        Some(cell)
    }

    /// The 表号 typed, if it may be this sheet's; else says why not.
    fn checked_number(self) -> Option<u32> {
        if !self.editable() {
            return None;
        }
        let typed = self.number.get_untracked();
        let proposed = self.current.with_untracked(|s| s.number);
        let n = if typed.trim().is_empty() { Ok(proposed) } else { typed.trim().parse::<u32>() };
        let Ok(n) = n else {
            self.message.set(format!("表号“{}”要是数字：抄纸质表右上角的编号", typed.trim()));
            return None;
        };
        let editing = self.editing.get_untracked();
        let others: Vec<Sheet> = self.sheets.with_untracked(|s| s.iter().filter(|s| Some(s.number) != editing).cloned().collect());
        match tally::taken(&others, n) {
            Some(why) => {
                self.message.set(why);
                None
            }
            None => {
                self.current.update(|s| s.number = n);
                self.keep_current();
                Some(n)
            }
        }
    }

    /// Saves the screen's sheet and puts the next one up; false when it could not be.
    fn save(self) -> bool {
        if !self.editable() {
            return false;
        }
        let (Some(id), Some(setup)) = (self.batch_id(), self.setup.get_untracked()) else { return false };
        let Some(number) = self.checked_number() else {
            focus("tally-number");
            return false;
        };
        let sheet = self.current.get_untracked();
        if sheet.blanks() == sheet.marks.len() {
            self.message.set(format!("第{number}号表一格也没有填，没有保存"));
            return false;
        }
        let replacing = self.editing.get_untracked();
        self.sheets.update(|all| {
            all.retain(|s| Some(s.number) != replacing && s.number != number);
            let at = all.partition_point(|s| s.number < number);
            all.insert(at, sheet.clone());
        });
        let next = Sheet::blank(&setup, self.sheets.with_untracked(|s| tally::next_number(s)));
        let blanks = match sheet.blanks() {
            0 => String::new(),
            n => format!("，{n}格空着按未评计"),
        };
        let total = self.sheets.with_untracked(Vec::len);
        self.message.set(format!("第{number}号表已保存{blanks}。共{total}张；接着录第{}号（表号不对就改，按回车）", next.number));
        self.number.set(String::new());
        self.current.set(next.clone());
        self.editing.set(None);
        self.undo.set_value(Vec::new());
        self.store(async move { stored::save(&id, &sheet, replacing, &next).await });
        focus("tally-number");
        true
    }

    /// Opens a saved sheet to correct it (not while the screen's sheet has
    /// marks or corrections not saved: they would be lost).
    fn open(self, number: u32) {
        if !self.editable() {
            return;
        }
        if let Some(unsaved) = self.unsaved_on_screen() {
            let way_out =
                if self.editing.get_untracked().is_some() { "按回车保存，或点“不改了”" } else { "先录完按回车保存" };
            return self.message.set(format!("{unsaved}：{way_out}，再打开别的表"));
        }
        let Some(sheet) = self.sheets.with_untracked(|all| all.iter().find(|s| s.number == number).cloned()) else { return };
        self.number.set(number.to_string());
        self.current.set(sheet);
        self.editing.set(Some(number));
        self.undo.set_value(Vec::new());
        self.keep_current();
        self.message.set(format!("正在改第{number}号表：改好按回车保存"));
        focus("tally-cell-0");
    }

    /// Deletes the saved sheet being corrected.
    fn delete(self) {
        if !self.editable() {
            return;
        }
        let (Some(id), Some(number), Some(setup)) = (self.batch_id(), self.editing.get_untracked(), self.setup.get_untracked()) else {
            return;
        };
        if !window().confirm_with_message(&format!("删除第{number}号表？它不再计入汇总。")).unwrap_or(false) {
            return;
        }
        self.sheets.update(|all| all.retain(|s| s.number != number));
        self.fresh(&setup);
        self.message.set(format!("第{number}号表已删除"));
        self.store(async move { stored::remove(&id, number).await });
    }

    /// Leaves the saved sheet being corrected as it was.
    fn cancel(self) {
        if !self.editable() {
            return;
        }
        let (Some(number), Some(setup)) = (self.editing.get_untracked(), self.setup.get_untracked()) else { return };
        self.fresh(&setup);
        self.message.set(format!("第{number}号表没有改动"));
    }

    /// A blank sheet with the next 表号 on the screen.
    fn fresh(self, setup: &Setup) {
        let next = Sheet::blank(setup, self.sheets.with_untracked(|s| tally::next_number(s)));
        self.number.set(String::new());
        self.current.set(next);
        self.editing.set(None);
        self.undo.set_value(Vec::new());
        self.keep_current();
        focus("tally-number");
    }
}

/// Focuses an input by its id and selects its text, so typing replaces it —
/// once the signals just set have reached the page (their effects run first,
/// in the same turn, before any key the clerk types next).
fn focus(id: &str) {
    let id = id.to_string();
    spawn_local(async move {
        if let Some(input) = document().get_element_by_id(&id).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            let _ = input.focus();
            input.select();
        }
    });
}

/// The tally panel: the grid while a tally is set up, the sheets entered and
/// the summary; loads what is kept whenever another batch is shown.
#[component]
pub(crate) fn Tally(entry: Entry, export: Callback<bool>) -> impl IntoView {
    // Loaded when another batch is shown, not when the batch's files change.
    let batch_id = Memo::new(move |_| entry.desk.stored.with(|b| b.as_ref().map(|b| b.id.clone())));
    Effect::new(move |_| {
        // And again when another tab wrote the batch (read-only here).
        entry.desk.revision.track();
        let Some(id) = batch_id.get() else { return };
        spawn_local(async move {
            match stored::load(&id).await {
                Ok(kept) => entry.show(kept),
                Err(f) => entry.message.set(entry.desk.failed(&f)),
            }
        });
    });
    view! {
        <section class="desk-booklet desk-tally" aria-labelledby="tally-heading">
            <h2 id="tally-heading">"测评结果汇总"</h2>
            <Show
                when=move || entry.setup.with(Option::is_some)
                fallback=|| view! { <p class="hint">"会后把收回的测评表录进来：在上面“述职材料汇编”里排好述职顺序，点“开始录入测评结果”。"</p> }
            >
                <p class="hint">"先填表号按回车，再照着纸质表，每格按一个数字；空着的格子按 → 跳过。一张录完按回车保存，接着录下一张；Ctrl+Z 撤销。录的每一格随时保存在这台电脑上，刷新、关掉页面都不会丢。"</p>
                <grid::Grid entry/>
                <summary::Sheets entry/>
                <summary::Summary entry export/>
            </Show>
        </section>
    }
}
