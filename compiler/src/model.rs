//! The form's model: a draft and the keys of its occurrences ([`Identities`]),
//! changed together. Every operation the form offers — add, remove, undo a
//! removal, move, replace the whole draft — goes through [`Form`], which keeps
//! the keys in step with the draft and fits a replacing draft to its template
//! ([`edit::fit`]), so that no view can forget a step. Typing into a text or a
//! field changes no occurrence and needs no keys.

use crate::document::{Owner, Step};
use crate::draft::{Draft, Item, Picture};
use crate::edit::{self, Fitted};
use crate::identity::{Identities, PICTURES, ROWS};
use crate::spec::FormSpec;

/// A draft and its keys, borrowed together for one operation.
pub struct Form<'a> {
    pub draft: &'a mut Draft,
    pub ids: &'a mut Identities,
}

impl Form<'_> {
    /// Adds an occurrence of `node` under `parent` (edit::add), with keys for it
    /// and the children it comes with.
    pub fn add(&mut self, spec: &FormSpec, parent: &[Step], node: &str) -> Result<usize, String> {
        let index = edit::add(spec, self.draft, parent, node)?;
        self.ids.sync(self.draft);
        Ok(index)
    }

    /// Removes the occurrence at `path` (edit::remove); the item, for undo.
    pub fn remove(&mut self, spec: &FormSpec, path: &[Step]) -> Result<Item, String> {
        let item = edit::remove(spec, self.draft, path)?;
        self.ids.removed(path);
        Ok(item)
    }

    /// Puts a removed occurrence back at `path` (edit::restore).
    pub fn restore(&mut self, path: &Owner, item: Item) -> bool {
        let restored = edit::restore(self.draft, path, item);
        if restored {
            self.ids.restored(path, self.draft);
        }
        restored
    }

    /// Moves the occurrence at `path` one place up or down (edit::move_item).
    pub fn move_item(&mut self, path: &[Step], up: bool) -> bool {
        let moved = edit::move_item(self.draft, path, up);
        if moved {
            self.ids.moved(path, up);
        }
        moved
    }

    /// Adds an empty row to the table at `path` (edit::add_row).
    pub fn add_row(&mut self, spec: &FormSpec, path: &[Step]) -> Result<(), String> {
        edit::add_row(spec, self.draft, path)?;
        self.ids.sync(self.draft);
        Ok(())
    }

    /// Removes row `row` of the table at `path` (edit::remove_row).
    pub fn remove_row(&mut self, spec: &FormSpec, path: &[Step], row: usize) -> Result<(), String> {
        edit::remove_row(spec, self.draft, path, row)?;
        self.ids.removed(&within(path, ROWS, row));
        Ok(())
    }

    /// Moves row `row` of the table at `path` one place up or down (edit::move_row).
    pub fn move_row(&mut self, path: &[Step], row: usize, up: bool) -> bool {
        let moved = edit::move_row(self.draft, path, row, up);
        if moved {
            self.ids.moved(&within(path, ROWS, row), up);
        }
        moved
    }

    /// Adds a picture to the slot at `path`, within `max` (edit::add_picture).
    pub fn add_picture(&mut self, path: &[Step], picture: Picture, max: usize) -> Result<(), String> {
        edit::add_picture(self.draft, path, picture, max)?;
        self.ids.sync(self.draft);
        Ok(())
    }

    /// Removes picture `index` of the slot at `path` (edit::remove_picture).
    pub fn remove_picture(&mut self, path: &[Step], index: usize) -> bool {
        let removed = edit::remove_picture(self.draft, path, index);
        if removed {
            self.ids.removed(&within(path, PICTURES, index));
        }
        removed
    }

    /// Moves picture `index` of the slot at `path` one place up or down (edit::move_picture).
    pub fn move_picture(&mut self, path: &[Step], index: usize, up: bool) -> bool {
        let moved = edit::move_picture(self.draft, path, index, up);
        if moved {
            self.ids.moved(&within(path, PICTURES, index), up);
        }
        moved
    }

    /// Moves unplaced picture `index` into the slot at `path` (edit::place_loose_picture).
    pub fn place_loose_picture(&mut self, path: &[Step], index: usize, max: usize) -> Result<(), String> {
        edit::place_loose_picture(self.draft, index, path, max)?;
        self.ids.sync(self.draft);
        Ok(())
    }

    /// The whole draft replaced (an import, a draft file, another tab's save):
    /// fitted to the template, with fresh keys. What the fit moved, to be said.
    pub fn replace(&mut self, spec: &FormSpec, draft: Draft) -> Fitted {
        *self.draft = draft;
        let fitted = edit::fit(spec, self.draft);
        *self.ids = Identities::of(self.draft);
        fitted
    }
}

/// The path of row or picture `index` of the occurrence at `path`, as the keys
/// address it.
fn within(path: &[Step], list: &str, index: usize) -> Owner {
    let mut p = path.to_vec();
    p.push((list.to_string(), index));
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::{BuiltinStyles, TEMPLATES};

    #[test]
    fn keys_follow_every_operation() {
        let spec = crate::compile(&TEMPLATES[0].source_file(), &BuiltinStyles).spec.unwrap();
        let (mut draft, mut ids) = (Draft::new(&spec), Identities::default());
        let mut form = Form { draft: &mut draft, ids: &mut ids };
        assert_eq!(form.replace(&spec, Draft::new(&spec)), Fitted::default());
        let part = vec![("履职情况".to_string(), 0)];
        let list = |f: &Form| f.ids.list(&f.ids.keys(&part).unwrap(), "履职方面");
        let before = list(&form);
        assert_eq!(before.len(), 2);
        form.add(&spec, &part, "履职方面").unwrap();
        let added = list(&form);
        assert_eq!(&added[..2], &before[..], "the others keep their keys");
        let second = vec![part[0].clone(), ("履职方面".to_string(), 1)];
        assert!(form.move_item(&second, true));
        assert_eq!(list(&form), [added[1], added[0], added[2]]);
        let item = form.remove(&spec, &second).unwrap();
        assert_eq!(list(&form), [added[1], added[2]]);
        assert!(form.restore(&second, item));
        let restored = list(&form);
        assert_eq!((restored[0], restored[2]), (added[1], added[2]), "a restored item gets a key of its own");
        // Rows: a moved row keeps its key, a removed one takes its key away.
        let table = TEMPLATES.iter().find(|t| t.name() == "整改清单").unwrap();
        let spec = crate::compile(&table.source_file(), &BuiltinStyles).spec.unwrap();
        let mut form = Form { draft: &mut draft, ids: &mut ids };
        form.replace(&spec, Draft::new(&spec));
        let path = vec![("清单".to_string(), 0)];
        let rows = |f: &Form| f.ids.list(&f.ids.keys(&path).unwrap(), ROWS);
        let before = rows(&form);
        assert_eq!(before.len(), 3, "the minimum");
        assert!(form.move_row(&path, 0, false));
        assert_eq!(rows(&form), [before[1], before[0], before[2]]);
        assert!(!form.move_row(&path, 2, false), "the last row goes no further");
        form.add_row(&spec, &path).unwrap();
        form.remove_row(&spec, &path, 0).unwrap();
        assert_eq!(&rows(&form)[..2], &[before[0], before[2]]);
        // The keys and the draft agree on every list after each step.
        assert_eq!(*form.ids, {
            let mut fresh = form.ids.clone();
            fresh.sync(form.draft);
            fresh
        });
    }
}
