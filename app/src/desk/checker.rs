//! The page's side of the checking worker (app/desk-worker.js running the
//! wengao-audit program): files go in one message each, rows come back as
//! they are done (the desk sends the next file when a file's rows are back);
//! stopping terminates the worker, and the next batch starts a fresh one. A worker that fails (a bug in the checking) is replaced, and the
//! file it was on gets a row saying so.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wengao::audit::summary::Summary;

/// What the worker says.
pub enum Reply {
    /// The rows of one file (several for a zip).
    Checked(Vec<Summary>),
    /// A row checked again as another template, and its index in the table.
    Rechecked(usize, Box<Summary>),
    /// The names of the templates a file can be checked against.
    Templates(Vec<String>),
    /// The workbook's bytes.
    Workbook(Vec<u8>),
    /// A 修改意见 .docx, its file name and bytes.
    Notes(String, Vec<u8>),
    /// The worker is gone (a panic): nothing else asked of it will be answered.
    Lost,
    /// How far the 汇编 being made is: files read, of all.
    Progress(usize, usize),
    /// The 述职材料汇编: its plan (JSON, see wengao-audit's `booklet`) and,
    /// when it was asked to be built, its bytes.
    Booklet(String, Vec<u8>),
    /// The 述职测评表 (.docx; empty when no report has 测评指标).
    Ballot(Vec<u8>),
    /// The 摘要 of the batch's reports (JSON, see wengao-audit's `extracts`).
    Extracts(String),
    /// The 摘要 as edited, as a .docx.
    ExtractsDocx(Vec<u8>),
    /// What the 测评表 asks (JSON of wengao::tally::Setup; empty when no report has 测评指标).
    TallySetup(String),
    /// The 测评结果汇总, as a .docx (true) or a workbook.
    Tally(bool, Vec<u8>),
    /// Something other than checking a file failed: what to say.
    Failed(String),
}

struct Running {
    worker: web_sys::Worker,
    /// Dropped when the worker is replaced, never while it runs.
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    /// Whether the worker failed and was terminated.
    dead: Rc<Cell<bool>>,
}

/// The worker, started when first needed; `reply` hears every answer.
#[derive(Clone)]
pub struct Checker {
    running: Rc<RefCell<Option<Running>>>,
    reply: Rc<dyn Fn(Reply)>,
    /// The office's published templates, for every worker started.
    published: Rc<RefCell<Option<String>>>,
}

/// A message of string fields.
fn message(fields: &[(&str, String)]) -> Object {
    let message = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&message, &(*key).into(), &value.into());
    }
    message
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

impl Checker {
    pub fn new(reply: impl Fn(Reply) + 'static) -> Checker {
        Checker { running: Rc::new(RefCell::new(None)), reply: Rc::new(reply), published: Rc::new(RefCell::new(None)) }
    }

    /// The office's published templates (`[[file, text], …]` as JSON), for
    /// this worker and every one started after it (a stop or a crash).
    pub fn use_templates(&self, sources: String) {
        *self.published.borrow_mut() = Some(sources.clone());
        if let Some(r) = self.running.borrow().as_ref().filter(|r| !r.dead.get()) {
            let _ = r.worker.post_message(&message(&[("kind", "use_templates".into()), ("sources", sources)]));
        }
    }

    fn worker(&self) -> Result<web_sys::Worker, String> {
        if let Some(r) = self.running.borrow().as_ref().filter(|r| !r.dead.get()) {
            return Ok(r.worker.clone());
        }
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options("desk-worker.js", &options)
            .map_err(|_| "这个浏览器不能在后台检查文件（不支持模块 Worker），请换用新版的 Chrome、Edge 或 Firefox".to_string())?;
        let reply = self.reply.clone();
        let dead = Rc::new(Cell::new(false));
        let (died, terminated) = (dead.clone(), worker.clone());
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            match get(&data, "kind").as_string().as_deref() {
                Some("checked") => {
                    let rows = get(&data, "rows").as_string().and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default();
                    reply(Reply::Checked(rows));
                }
                Some("rechecked") => {
                    let index = get(&data, "index").as_f64().unwrap_or(-1.0);
                    let row = get(&data, "row").as_string().and_then(|j| serde_json::from_str(&j).ok());
                    match (row, index >= 0.0) {
                        (Some(row), true) => reply(Reply::Rechecked(index as usize, Box::new(row))),
                        _ => {
                            // An answer that cannot be read leaves the queue of who asked what behind.
                            reply(Reply::Lost);
                            reply(Reply::Failed("重新检查的结果读不了，没有改动".into()));
                        }
                    }
                }
                Some("templates") => {
                    let names = get(&data, "names").as_string().and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default();
                    reply(Reply::Templates(names));
                }
                Some("workbook") => reply(Reply::Workbook(Uint8Array::new(&get(&data, "bytes")).to_vec())),
                Some("notes") => {
                    reply(Reply::Notes(get(&data, "name").as_string().unwrap_or_default(), Uint8Array::new(&get(&data, "bytes")).to_vec()))
                }
                Some("booklet") => reply(Reply::Booklet(
                    get(&data, "plan").as_string().unwrap_or_default(),
                    Uint8Array::new(&get(&data, "bytes")).to_vec(),
                )),
                Some("ballot") => reply(Reply::Ballot(Uint8Array::new(&get(&data, "bytes")).to_vec())),
                Some("progress") => {
                    let number = |k: &str| get(&data, k).as_f64().unwrap_or(0.0) as usize;
                    reply(Reply::Progress(number("done"), number("total")));
                }
                Some("extracts") => reply(Reply::Extracts(get(&data, "extracts").as_string().unwrap_or_default())),
                Some("extracts_docx") => reply(Reply::ExtractsDocx(Uint8Array::new(&get(&data, "bytes")).to_vec())),
                Some("tally_setup") => reply(Reply::TallySetup(get(&data, "setup").as_string().unwrap_or_default())),
                Some("tally") => reply(Reply::Tally(get(&data, "word").is_truthy(), Uint8Array::new(&get(&data, "bytes")).to_vec())),
                Some("failed") => {
                    // The wasm instance is gone after a panic: the next file gets a new worker.
                    terminated.terminate();
                    died.set(true);
                    // What else was asked of it will not be answered.
                    reply(Reply::Lost);
                    let name = get(&data, "name").as_string().unwrap_or_default();
                    let error = get(&data, "error").as_string().unwrap_or_default();
                    if get(&data, "of").as_string().as_deref() == Some("check") {
                        let reason = format!("检查这个文件时程序出错了（{error}），没有结果；请把这个文件发给维护文稿的同事");
                        reply(Reply::Checked(vec![Summary::of(&name, &Err(reason))]));
                    } else {
                        reply(Reply::Failed(format!("程序出错了（{error}），没有做完；请把这个文件发给维护文稿的同事")));
                    }
                }
                _ => {}
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        *self.running.borrow_mut() = Some(Running { worker: worker.clone(), _on_message: on_message, dead });
        // A fresh worker knows the built-in templates only: the published ones first.
        if let Some(sources) = self.published.borrow().clone() {
            let _ = worker.post_message(&message(&[("kind", "use_templates".into()), ("sources", sources)]));
        }
        Ok(worker)
    }

    /// Sends a file to be checked (its bytes copied once, then handed over).
    pub fn check(&self, name: &str, bytes: &[u8]) -> Result<(), String> {
        let worker = self.worker()?;
        let buffer = Uint8Array::from(bytes).buffer();
        let message = message(&[("kind", "check".into()), ("name", name.into())]);
        let _ = Reflect::set(&message, &"bytes".into(), &buffer);
        worker.post_message_with_transfer(&message, &Array::of1(&buffer)).map_err(|_| "文件没能交给后台检查".to_string())
    }

    /// Sends the file `entry` of a received file, to be checked as `template`;
    /// the answer names the row by `index`.
    pub fn check_as(&self, index: usize, name: &str, bytes: Vec<u8>, entry: &str, template: &str) -> Result<(), String> {
        let worker = self.worker()?;
        let buffer = Uint8Array::from(bytes.as_slice()).buffer();
        let message =
            message(&[("kind", "check_as".into()), ("name", name.into()), ("entry", entry.into()), ("template", template.into())]);
        let _ = Reflect::set(&message, &"index".into(), &(index as f64).into());
        let _ = Reflect::set(&message, &"bytes".into(), &buffer);
        worker.post_message_with_transfer(&message, &Array::of1(&buffer)).map_err(|_| "文件没能交给后台检查".to_string())
    }

    /// Asks for the templates' names.
    pub fn templates(&self) -> Result<(), String> {
        self.worker()?.post_message(&message(&[("kind", "templates".into())])).map_err(|_| "没能读出模板的名称".to_string())
    }

    /// Asks for the workbook of `rows`.
    pub fn workbook(&self, rows: &[Summary]) -> Result<(), String> {
        let rows = serde_json::to_string(rows).unwrap_or_default();
        self.worker()?.post_message(&message(&[("kind", "workbook".into()), ("rows", rows)])).map_err(|_| "没能生成工作簿".to_string())
    }

    /// Asks for a row's 修改意见 as a .docx, to be saved as `name`.
    pub fn notes(&self, row: &Summary, name: &str) -> Result<(), String> {
        let row = serde_json::to_string(row).unwrap_or_default();
        let message = message(&[("kind", "notes".into()), ("row", row), ("name", name.into())]);
        self.worker()?.post_message(&message).map_err(|_| "没能生成修改意见".to_string())
    }

    /// Asks for the 述职材料汇编 of `files` in the order of `list`: its plan,
    /// and its bytes when `build`.
    pub fn booklet(&self, files: &BatchFiles, cover: (&str, &str), list: &str, build: bool) -> Result<(), String> {
        let (message, buffers) = files.message("booklet");
        let _ = Reflect::set(&message, &"title".into(), &cover.0.into());
        let _ = Reflect::set(&message, &"date".into(), &cover.1.into());
        let _ = Reflect::set(&message, &"list".into(), &list.into());
        let _ = Reflect::set(&message, &"build".into(), &build.into());
        self.worker()?.post_message_with_transfer(&message, &buffers).map_err(|_| "文件没能交给后台编排".to_string())
    }

    /// Asks for the 述职测评表 of the people whose reports are among `files`,
    /// in the order of `list`, under `title`.
    pub fn ballot(&self, files: &BatchFiles, title: &str, list: &str) -> Result<(), String> {
        let (message, buffers) = files.message("ballot");
        let _ = Reflect::set(&message, &"title".into(), &title.into());
        let _ = Reflect::set(&message, &"list".into(), &list.into());
        self.worker()?.post_message_with_transfer(&message, &buffers).map_err(|_| "文件没能交给后台".to_string())
    }

    /// Asks for the 摘要 of the reports among `files`.
    pub fn extracts(&self, files: &BatchFiles) -> Result<(), String> {
        let (message, buffers) = files.message("extracts");
        self.worker()?.post_message_with_transfer(&message, &buffers).map_err(|_| "文件没能交给后台摘录".to_string())
    }

    /// Asks for the .docx of `extracts` (as edited).
    pub fn extracts_docx(&self, extracts: &[wengao::extract::Extract]) -> Result<(), String> {
        let extracts = serde_json::to_string(extracts).unwrap_or_default();
        self.worker()?
            .post_message(&message(&[("kind", "extracts_docx".into()), ("extracts", extracts)]))
            .map_err(|_| "没能生成摘要".to_string())
    }

    /// Asks what the 测评表 of the people whose reports are among `files`
    /// asks, in the order of `list`.
    pub fn tally_setup(&self, files: &BatchFiles, list: &str) -> Result<(), String> {
        let (message, buffers) = files.message("tally_setup");
        let _ = Reflect::set(&message, &"list".into(), &list.into());
        self.worker()?.post_message_with_transfer(&message, &buffers).map_err(|_| "文件没能交给后台".to_string())
    }

    /// Asks for the 测评结果汇总 of `sheets`: a .docx under `title` when `word`, else a workbook.
    pub fn tally(&self, setup: &wengao::tally::Setup, sheets: &[wengao::tally::Sheet], title: &str, word: bool) -> Result<(), String> {
        let (setup, sheets) = (serde_json::to_string(setup).unwrap_or_default(), serde_json::to_string(sheets).unwrap_or_default());
        let message = message(&[("kind", "tally".into()), ("setup", setup), ("sheets", sheets), ("title", title.into())]);
        let _ = Reflect::set(&message, &"word".into(), &word.into());
        self.worker()?.post_message(&message).map_err(|_| "没能生成汇总".to_string())
    }

    /// Stops whatever the worker is doing; files sent and not yet answered are dropped.
    pub fn stop(&self) {
        if let Some(r) = self.running.borrow_mut().take() {
            r.worker.terminate();
        }
    }
}

/// Rows of a batch with their received files: each file once (`name`,
/// bytes), and each row as the file it is in (by index), its entry there and
/// its template (recognised or chosen).
#[derive(Default)]
pub struct BatchFiles {
    pub files: Vec<(String, Vec<u8>)>,
    pub entries: Vec<(usize, String, String)>,
}

impl BatchFiles {
    /// A message of `kind` carrying the files (their buffers handed over).
    fn message(&self, kind: &str) -> (Object, Array) {
        let sent = Array::new();
        let buffers = Array::new();
        for (name, bytes) in &self.files {
            let buffer = Uint8Array::from(bytes.as_slice());
            let file = message(&[("name", name.clone())]);
            let _ = Reflect::set(&file, &"bytes".into(), &buffer);
            sent.push(&file);
            buffers.push(&buffer.buffer());
        }
        let entries = serde_json::to_string(&self.entries).unwrap_or_default();
        let message = message(&[("kind", kind.into()), ("entries", entries)]);
        let _ = Reflect::set(&message, &"files".into(), &sent);
        (message, buffers)
    }
}
