//! Which batch each of the worker's answers about a batch belongs to. The
//! clerk may switch batches while the worker reads files for a 汇编, 摘要,
//! 测评表, the 测评 setup or a recheck; the answer must not land in the batch
//! shown when it arrives. The worker answers each kind of request in the
//! order asked, so a queue per kind of the batch each was asked in tells.

use std::collections::{HashMap, VecDeque};

use leptos::prelude::*;

/// The requests whose answers belong to a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Asked {
    Recheck,
    Booklet,
    Ballot,
    Extracts,
    TallySetup,
}

impl Asked {
    /// What the answer is, for the message when it is set aside.
    fn what(self) -> &'static str {
        match self {
            Asked::Recheck => "重新检查的结果",
            Asked::Booklet => "汇编",
            Asked::Ballot => "测评表",
            Asked::Extracts => "摘要",
            Asked::TallySetup => "测评录入的名单",
        }
    }
}

/// The batches requests were sent for, by kind, oldest first.
#[derive(Clone, Copy)]
pub struct Pending(StoredValue<HashMap<Asked, VecDeque<String>>>);

impl Pending {
    pub fn new() -> Pending {
        Pending(StoredValue::new(HashMap::new()))
    }

    /// A request of `kind` was sent for the batch `id`.
    pub fn sent(self, kind: Asked, id: String) {
        self.0.update_value(|p| p.entry(kind).or_default().push_back(id));
    }

    /// The answer of `kind` arriving now: None when it belongs to the batch
    /// shown (`current`), else what to say. An answer nobody waits for (the
    /// worker was stopped meanwhile) is taken as the batch's own.
    pub fn set_aside(self, kind: Asked, current: Option<&str>) -> Option<String> {
        let asked_in = self.0.try_update_value(|p| p.get_mut(&kind).and_then(VecDeque::pop_front)).flatten()?;
        (Some(asked_in.as_str()) != current)
            .then(|| format!("换到这一批之前要的{}到了，没有放进这一批：请回到原来那一批再做一次", kind.what()))
    }

    /// The worker was stopped: no answer will come.
    pub fn clear(self) {
        self.0.update_value(HashMap::clear);
    }
}
