//! Stable identities for the draft's occurrences, so that the app's form is
//! patched, not rebuilt: each list of occurrences (a node's items under one parent) has
//! a key per item that stays with the item when it moves, and the views are
//! keyed lists. The draft addresses items by position (`Owner`: node and index
//! at every level); a view holds its item's keys and asks for the position.

use std::collections::HashMap;

use crate::document::{Owner, Step};
use crate::draft::{Draft, Parts};

/// An occurrence by keys: node and key at every level.
pub type Keys = Vec<(String, u64)>;

/// The list names of an occurrence's table rows and pictures, beside its
/// children's node names (which can hold no `#`): rows and pictures have keys
/// too, so that moving one moves its view.
pub const ROWS: &str = "#行";
pub const PICTURES: &str = "#图";

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Identities {
    /// The keys of each list, by the parent's keys and the node.
    lists: HashMap<(Keys, String), Vec<u64>>,
    next: u64,
}

impl Identities {
    /// Fresh keys for every occurrence of `draft`.
    pub fn of(draft: &Draft) -> Identities {
        let mut ids = Identities::default();
        ids.sync(draft);
        ids
    }

    /// Gives lists that grew (an item added, its children filled in) keys for the
    /// new items at their end, and forgets those of lists that shrank.
    pub fn sync(&mut self, draft: &Draft) {
        self.sync_parts(&draft.body, Vec::new());
    }

    fn sync_parts(&mut self, parts: &Parts, parent: Keys) {
        for (node, items) in parts {
            let list = self.lists.entry((parent.clone(), node.clone())).or_default();
            list.truncate(items.len());
            while list.len() < items.len() {
                self.next += 1;
                list.push(self.next);
            }
            let keys = list.clone();
            for (item, key) in items.iter().zip(keys) {
                let mut keys = parent.clone();
                keys.push((node.clone(), key));
                self.sync_list(&keys, ROWS, item.rows.len());
                self.sync_list(&keys, PICTURES, item.pictures.len());
                self.sync_parts(&item.parts, keys);
            }
        }
    }

    /// Keys for a list of `len` rows or pictures under `parent`.
    fn sync_list(&mut self, parent: &Keys, name: &str, len: usize) {
        let list = self.lists.entry((parent.clone(), name.to_string())).or_default();
        list.truncate(len);
        while list.len() < len {
            self.next += 1;
            list.push(self.next);
        }
    }

    /// The keys of `node`'s items under `parent`, in order.
    pub fn list(&self, parent: &Keys, node: &str) -> Vec<u64> {
        self.lists.get(&(parent.clone(), node.to_string())).cloned().unwrap_or_default()
    }

    /// Where the occurrence `keys` is now; None once it is gone.
    pub fn path(&self, keys: &Keys) -> Option<Owner> {
        let mut parent = Vec::new();
        let mut path = Vec::new();
        for (node, key) in keys {
            let index = self.lists.get(&(parent.clone(), node.clone()))?.iter().position(|k| k == key)?;
            path.push((node.clone(), index));
            parent.push((node.clone(), *key));
        }
        Some(path)
    }

    /// The keys of the occurrence at `path`.
    pub fn keys(&self, path: &[Step]) -> Option<Keys> {
        let mut keys = Vec::new();
        for (node, index) in path {
            let key = *self.lists.get(&(keys.clone(), node.clone()))?.get(*index)?;
            keys.push((node.clone(), key));
        }
        Some(keys)
    }

    /// The list holding the occurrence at `path`, and its index there.
    fn list_mut(&mut self, path: &[Step]) -> Option<(&mut Vec<u64>, usize)> {
        let ((node, index), parent) = path.split_last()?;
        let parent = self.keys(parent)?;
        Some((self.lists.get_mut(&(parent, node.clone()))?, *index))
    }

    /// The occurrence at `path` moved one place up or down (edit::move_item).
    pub fn moved(&mut self, path: &[Step], up: bool) {
        if let Some((list, i)) = self.list_mut(path) {
            let j = if up { i.checked_sub(1) } else { Some(i + 1) };
            if let Some(j) = j.filter(|j| *j < list.len() && i < list.len()) {
                list.swap(i, j);
            }
        }
    }

    /// The occurrence at `path` removed (edit::remove).
    pub fn removed(&mut self, path: &[Step]) {
        if let Some((list, i)) = self.list_mut(path) {
            if i < list.len() {
                list.remove(i);
            }
        }
    }

    /// An occurrence put back at `path` (edit::restore): a new key there, so that
    /// the items after it keep theirs; its children get keys from `draft`.
    pub fn restored(&mut self, path: &[Step], draft: &Draft) {
        self.next += 1;
        let key = self.next;
        if let Some((list, i)) = self.list_mut(path) {
            list.insert(i.min(list.len()), key);
        }
        self.sync(draft);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Item;

    fn draft(n: usize) -> Draft {
        let mut d = Draft {
            format: crate::draft::DRAFT_FORMAT.into(),
            version: crate::draft::DRAFT_VERSION,
            template: "测试".into(),
            fields: Default::default(),
            body: Default::default(),
            unplaced: Vec::new(),
            unplaced_pictures: Vec::new(),
            orphaned: Vec::new(),
        };
        let items = (0..n)
            .map(|i| {
                let mut item = Item { text: format!("第{i}项"), ..Item::default() };
                item.parts.insert("要点".into(), vec![Item::default(), Item::default()]);
                item
            })
            .collect();
        d.body.insert("部分".into(), items);
        d
    }

    fn at(i: usize) -> Owner {
        vec![("部分".to_string(), i)]
    }

    #[test]
    fn a_moved_item_keeps_its_key_and_its_children_theirs() {
        let mut d = draft(3);
        let mut ids = Identities::of(&d);
        let first = ids.keys(&at(0)).unwrap();
        let child = ids.keys(&[("部分".into(), 0), ("要点".into(), 1)]).unwrap();
        assert!(crate::edit::move_item(&mut d, &at(0), false));
        ids.moved(&at(0), false);
        assert_eq!(ids.path(&first), Some(at(1)));
        assert_eq!(ids.path(&child), Some(vec![("部分".into(), 1), ("要点".into(), 1)]));
        assert_eq!(
            ids,
            {
                let mut s = ids.clone();
                s.sync(&d);
                s
            },
            "in step with the draft"
        );
    }

    #[test]
    fn removal_and_restore_keep_the_other_keys() {
        let mut d = draft(3);
        let mut ids = Identities::of(&d);
        let last = ids.keys(&at(2)).unwrap();
        let removed = ids.keys(&at(1)).unwrap();
        let item = d.body.get_mut("部分").unwrap().remove(1);
        ids.removed(&at(1));
        assert_eq!(ids.path(&removed), None);
        assert_eq!(ids.path(&last), Some(at(1)));
        assert!(crate::edit::restore(&mut d, &at(1), item));
        ids.restored(&at(1), &d);
        assert_eq!(ids.path(&last), Some(at(2)));
        assert_eq!(ids.list(&Vec::new(), "部分").len(), 3);
        let back = ids.keys(&at(1)).unwrap();
        assert_eq!(ids.list(&back, "要点").len(), 2, "the restored item's children have keys");
    }

    #[test]
    fn an_added_item_gets_a_new_key_at_the_end() {
        let mut d = draft(2);
        let mut ids = Identities::of(&d);
        let before = ids.list(&Vec::new(), "部分");
        d.body.get_mut("部分").unwrap().push(Item::default());
        ids.sync(&d);
        let after = ids.list(&Vec::new(), "部分");
        assert_eq!(after[..2], before[..]);
        assert!(!before.contains(&after[2]));
    }
}
