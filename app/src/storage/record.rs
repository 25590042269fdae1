//! Plain JavaScript objects for what is stored (a draft's list line, a studio
//! template) and what the start screen hands over (an action), written and read
//! with the browser's own JSON. Serde and serde_json added 19.5 KB gzipped
//! (of 120.5) to the start-screen program, which has to stay small (docs/architecture.md,
//! “文件”); the full app keeps serde for drafts themselves (the core crate's).

use js_sys::{Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};

/// A JavaScript object read and written by field name.
pub struct Record(Object);

impl Record {
    pub fn new() -> Record {
        Record(Object::new())
    }

    /// The value as a record, when it is an object.
    pub fn of(value: &JsValue) -> Option<Record> {
        value.dyn_ref::<Object>().filter(|_| !value.is_null()).cloned().map(Record)
    }

    /// JSON text as a record; None for anything but an object.
    pub fn parse(json: &str) -> Option<Record> {
        Record::of(&JSON::parse(json).ok()?)
    }

    pub fn to_json(&self) -> String {
        JSON::stringify(&self.0).ok().and_then(|s| s.as_string()).unwrap_or_default()
    }

    pub fn value(&self) -> &JsValue {
        &self.0
    }

    fn get(&self, key: &str) -> JsValue {
        Reflect::get(&self.0, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    pub fn str(&self, key: &str) -> Option<String> {
        self.get(key).as_string()
    }

    pub fn num(&self, key: &str) -> Option<f64> {
        self.get(key).as_f64()
    }

    /// A true/false field; false when it is not there.
    pub fn flag(&self, key: &str) -> bool {
        self.get(key).as_bool().unwrap_or(false)
    }

    pub fn record(&self, key: &str) -> Option<Record> {
        Record::of(&self.get(key))
    }

    pub fn set(&self, key: &str, value: impl Into<JsValue>) -> &Record {
        let _ = Reflect::set(&self.0, &JsValue::from_str(key), &value.into());
        self
    }
}

impl Default for Record {
    fn default() -> Self {
        Self::new()
    }
}

/// A value written to and read from a [`Record`].
pub trait Recorded: Sized {
    fn to_record(&self) -> Record;
    fn from_record(record: &Record) -> Option<Self>;

    fn to_json(&self) -> String {
        self.to_record().to_json()
    }

    fn from_json(json: &str) -> Option<Self> {
        Self::from_record(&Record::parse(json)?)
    }
}

impl From<Record> for JsValue {
    fn from(record: Record) -> JsValue {
        record.0.into()
    }
}
