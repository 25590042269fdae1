//! Editing a draft the way the form does: adding, removing and moving repeated
//! items within the template's limits, and filling each repeat up to its minimum.
//! The limits live here, not in the app, so that every front end enforces them alike.

use crate::document::{Owner, Step};
use crate::draft::{Draft, Item, Parts, Picture};
use crate::spec::{FormSpec, Node, NodeKind};

/// The node a path of (name, index) pairs ends at, with the spec's nodes walked by name.
pub fn node_at<'s>(spec: &'s FormSpec, path: &[Step]) -> Option<&'s Node> {
    let mut nodes = &spec.body;
    let mut found = None;
    for (id, _) in path {
        let node = nodes.iter().find(|n| &n.id == id)?;
        nodes = &node.children;
        found = Some(node);
    }
    found
}

/// The parts map an occurrence path points into (the draft's body for an empty path).
fn parts_mut<'d>(draft: &'d mut Draft, path: &[Step]) -> Option<&'d mut Parts> {
    let mut parts = &mut draft.body;
    for (id, i) in path {
        parts = &mut parts.get_mut(id)?.get_mut(*i)?.parts;
    }
    Some(parts)
}

/// The occurrence a path points at.
pub fn item_mut<'d>(draft: &'d mut Draft, path: &[Step]) -> Option<&'d mut Item> {
    let ((id, i), parent) = path.split_last()?;
    parts_mut(draft, parent)?.get_mut(id)?.get_mut(*i)
}

pub fn item<'d>(draft: &'d Draft, path: &[Step]) -> Option<&'d Item> {
    let mut parts = &draft.body;
    let ((last, li), parent) = path.split_last()?;
    for (id, i) in parent {
        parts = &parts.get(id)?.get(*i)?.parts;
    }
    parts.get(last)?.get(*li)
}

/// How many occurrences a node has under `parent`.
pub fn occurrences(draft: &Draft, parent: &[Step], node: &str) -> usize {
    let parts = if parent.is_empty() { Some(&draft.body) } else { item(draft, parent).map(|i| &i.parts) };
    parts.and_then(|p| p.get(node)).map_or(0, Vec::len)
}

/// What fitting a draft to its template moved, for the drafter to be told.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Fitted {
    /// Parts and fields the template no longer has, now in `orphaned`.
    pub orphaned: usize,
    /// Occurrences and table rows beyond the template's limits, now in `unplaced`.
    pub moved: usize,
}

/// A draft from outside the form (the store, a draft file, an import, another
/// tab) fitted to its template — what the template no longer has to
/// `orphaned`, what is beyond its limits to `unplaced`, then every minimum
/// filled — so that the form holds what the template allows and nothing is lost.
pub fn fit(spec: &FormSpec, draft: &mut Draft) -> Fitted {
    let orphaned = orphan_parts(spec, draft);
    let moved = clamp_repeats(spec, draft);
    fill_minimums(spec, draft);
    Fitted { orphaned, moved }
}

/// Gives every node its minimum number of occurrences (at least one, for nodes
/// that are not repeated), recursively, so that the form shows a slot for each.
pub fn fill_minimums(spec: &FormSpec, draft: &mut Draft) {
    fill(&spec.body, &mut draft.body);
}

fn fill(nodes: &[Node], parts: &mut Parts) {
    for node in nodes {
        let table = matches!(node.kind, NodeKind::Table { .. });
        // A table has one occurrence; its minimum counts rows.
        let want = if table { 1 } else { node.least_items() };
        let items = parts.entry(node.id.clone()).or_default();
        while items.len() < want {
            items.push(Item::default());
        }
        if table {
            // Tables keep their rows inside their one occurrence (a second one,
            // from a hand-edited draft, is left for clamp_repeats to move: never dropped).
            let rows = node.least_items();
            let rows_now = items[0].rows.len();
            items[0].rows.extend((rows_now..rows).map(|_| Default::default()));
        }
        for item in items.iter_mut() {
            fill(&node.children, &mut item.parts);
        }
    }
}

/// Adds an occurrence of `node` under `parent` (at the end); refused beyond the maximum.
pub fn add(spec: &FormSpec, draft: &mut Draft, parent: &[Step], node: &str) -> Result<usize, String> {
    let mut path: Owner = parent.to_vec();
    path.push((node.to_string(), 0));
    let spec_node = node_at(spec, &path).ok_or("模板里没有这一项")?;
    let n = occurrences(draft, parent, node);
    if let Some(max) = spec_node.repeat.and_then(|r| r.max) {
        if n >= max as usize {
            return Err(format!("最多{max}项，已经有{n}项了"));
        }
    }
    let parts = parts_mut(draft, parent).ok_or("草稿里找不到这一部分")?;
    let mut item = Item::default();
    fill(&spec_node.children, &mut item.parts);
    parts.entry(node.to_string()).or_default().push(item);
    Ok(n)
}

/// Removes an occurrence; refused at the minimum, with the reason.
pub fn remove(spec: &FormSpec, draft: &mut Draft, path: &[Step]) -> Result<Item, String> {
    let spec_node = node_at(spec, path).ok_or("模板里没有这一项")?;
    let ((id, i), parent) = path.split_last().ok_or("没有指明要删除哪一项")?;
    let n = occurrences(draft, parent, id);
    let min = spec_node.least_items();
    if n <= min {
        return Err(format!("至少要有{min}项，不能再删了"));
    }
    let items = parts_mut(draft, parent).and_then(|p| p.get_mut(id)).ok_or("草稿里找不到这一项")?;
    if *i >= items.len() {
        return Err("草稿里找不到这一项".into());
    }
    Ok(items.remove(*i))
}

/// Puts a removed occurrence back where it was (undo).
pub fn restore(draft: &mut Draft, path: &[Step], item: Item) -> bool {
    let Some(((id, i), parent)) = path.split_last() else { return false };
    let Some(parts) = parts_mut(draft, parent) else { return false };
    let items = parts.entry(id.clone()).or_default();
    items.insert((*i).min(items.len()), item);
    true
}

/// Moves an occurrence one place up (towards the start) or down; false at an end.
pub fn move_item(draft: &mut Draft, path: &[Step], up: bool) -> bool {
    let Some(((id, i), parent)) = path.split_last() else { return false };
    parts_mut(draft, parent).and_then(|p| p.get_mut(id)).is_some_and(|items| swap_with_next(items, *i, up))
}

/// Adds an empty row to the table occurrence at `path`; refused beyond the maximum.
pub fn add_row(spec: &FormSpec, draft: &mut Draft, path: &[Step]) -> Result<(), String> {
    let max = node_at(spec, path).and_then(|n| n.repeat).and_then(|r| r.max);
    let item = item_mut(draft, path).ok_or("草稿里找不到这个表格")?;
    if let Some(max) = max {
        if item.rows.len() >= max as usize {
            return Err(format!("最多{max}行，已经有{}行了", item.rows.len()));
        }
    }
    item.rows.push(Default::default());
    Ok(())
}

/// Removes a row of the table occurrence at `path`; refused at the minimum.
pub fn remove_row(spec: &FormSpec, draft: &mut Draft, path: &[Step], row: usize) -> Result<(), String> {
    let min = node_at(spec, path).map_or(1, Node::least_items);
    let item = item_mut(draft, path).ok_or("草稿里找不到这个表格")?;
    if item.rows.len() <= min {
        return Err(format!("至少要有{min}行，不能再删了"));
    }
    if row < item.rows.len() {
        item.rows.remove(row);
    }
    Ok(())
}

/// Moves row `row` of the table occurrence at `path` one place up or down.
pub fn move_row(draft: &mut Draft, path: &[Step], row: usize, up: bool) -> bool {
    item_mut(draft, path).is_some_and(|item| swap_with_next(&mut item.rows, row, up))
}

/// Adds a picture to the picture slot at `path`; refused beyond `max`.
pub fn add_picture(draft: &mut Draft, path: &[Step], picture: Picture, max: usize) -> Result<(), String> {
    let item = item_mut(draft, path).ok_or("草稿里找不到图片位")?;
    if item.pictures.len() >= max {
        return Err(format!("最多{max}幅图片，“{}”没有加入", picture.name));
    }
    item.pictures.push(picture);
    Ok(())
}

/// Removes picture `index` of the picture slot at `path`.
pub fn remove_picture(draft: &mut Draft, path: &[Step], index: usize) -> bool {
    item_mut(draft, path).is_some_and(|item| {
        index < item.pictures.len() && {
            item.pictures.remove(index);
            true
        }
    })
}

/// Moves picture `index` of the picture slot at `path` one place up or down.
pub fn move_picture(draft: &mut Draft, path: &[Step], index: usize, up: bool) -> bool {
    item_mut(draft, path).is_some_and(|item| swap_with_next(&mut item.pictures, index, up))
}

/// Swaps element `i` with the one before it (`up`) or after it; false at an end.
fn swap_with_next<T>(list: &mut [T], i: usize, up: bool) -> bool {
    let j = if up { i.checked_sub(1) } else { i.checked_add(1) };
    match j.filter(|j| *j < list.len() && i < list.len()) {
        Some(j) => {
            list.swap(i, j);
            true
        }
        None => false,
    }
}

/// Every occurrence in the draft, in document order, with its path and the
/// name the form gives it (its labels and those above it, `一、（一）一是`),
/// kept where `pick` makes something of it.
fn targets<T>(spec: &FormSpec, draft: &Draft, pick: impl Fn(&Node, &Owner, String) -> Option<T>) -> Vec<T> {
    let labels: std::collections::HashMap<Owner, String> = crate::document::assemble(spec, draft).labels.into_iter().collect();
    fn walk<T>(
        nodes: &[Node],
        draft: &Draft,
        parent: &mut Owner,
        labels: &std::collections::HashMap<Owner, String>,
        pick: &dyn Fn(&Node, &Owner, String) -> Option<T>,
        out: &mut Vec<T>,
    ) {
        for node in nodes {
            for i in 0..occurrences(draft, parent, &node.id) {
                parent.push((node.id.clone(), i));
                let named: String = (1..=parent.len()).filter_map(|n| labels.get(&parent[..n])).map(String::as_str).collect();
                out.extend(pick(node, parent, named));
                walk(&node.children, draft, parent, labels, pick, out);
                parent.pop();
            }
        }
    }
    let mut out = Vec::new();
    walk(&spec.body, draft, &mut Vec::new(), &labels, &pick, &mut out);
    out
}

/// The texts an unplaced paragraph (see [`Draft::unplaced`]) can be moved into,
/// in document order: every text occurrence and every point's text, named as the
/// form names their boxes (`导语`, `一、（一）一是 正文`).
pub fn text_targets(spec: &FormSpec, draft: &Draft) -> Vec<(Owner, String)> {
    targets(spec, draft, |node, path, named| match node.kind {
        NodeKind::Text { .. } => Some((path.clone(), node.id.clone())),
        NodeKind::Point { .. } => Some((path.clone(), format!("{named} 正文"))),
        _ => None,
    })
}

/// The picture slots an unplaced picture can be moved into, in document
/// order, named as the form names their parts (`二、（一）图片`), with how
/// many pictures each takes at most.
pub fn picture_targets(spec: &FormSpec, draft: &Draft) -> Vec<(Owner, String, usize)> {
    targets(spec, draft, |node, path, named| match node.kind {
        NodeKind::Pictures { max, .. } => Some((path.clone(), format!("{named}{}", node.id), max as usize)),
        _ => None,
    })
}

/// Moves unplaced picture `index` into the slot at `path` (within `max`);
/// refused, and nothing changed, when either is not there or the slot is full.
pub fn place_loose_picture(draft: &mut Draft, index: usize, path: &[Step], max: usize) -> Result<(), String> {
    let Some(picture) = draft.unplaced_pictures.get(index) else { return Err("这幅图片已经不在未归类里了".into()) };
    let held = item(draft, path).ok_or("草稿里找不到图片位")?.pictures.len();
    if held >= max {
        return Err(format!("那里最多{max}幅图片，已经满了，“{}”没有移过去", picture.name));
    }
    let picture = draft.unplaced_pictures.remove(index);
    add_picture(draft, path, picture, max)
}

/// Removes unplaced picture `index`; returns it.
pub fn remove_loose_picture(draft: &mut Draft, index: usize) -> Option<Picture> {
    (index < draft.unplaced_pictures.len()).then(|| draft.unplaced_pictures.remove(index))
}

/// The two lists of loose paragraphs a draft may hold: what an import could not
/// place, and what a template edit left without a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loose {
    Unplaced,
    Orphaned,
}

pub fn loose(draft: &Draft, which: Loose) -> &Vec<String> {
    match which {
        Loose::Unplaced => &draft.unplaced,
        Loose::Orphaned => &draft.orphaned,
    }
}

fn loose_mut(draft: &mut Draft, which: Loose) -> &mut Vec<String> {
    match which {
        Loose::Unplaced => &mut draft.unplaced,
        Loose::Orphaned => &mut draft.orphaned,
    }
}

/// Moves loose paragraph `index` to the end of the text at `path`, as a
/// paragraph of its own. False (and nothing changed) if either is not there.
pub fn place_loose(draft: &mut Draft, which: Loose, index: usize, path: &[Step]) -> bool {
    if index >= loose(draft, which).len() || item(draft, path).is_none() {
        return false;
    }
    let text = loose_mut(draft, which).remove(index);
    let item = item_mut(draft, path).expect("checked above");
    if !item.text.trim().is_empty() {
        item.text.push('\n');
    }
    item.text.push_str(&text);
    true
}

/// Removes loose paragraph `index`; returns it.
pub fn remove_loose(draft: &mut Draft, which: Loose, index: usize) -> Option<String> {
    let list = loose_mut(draft, which);
    (index < list.len()).then(|| list.remove(index))
}

/// What an item and all below it hold, taken out: its text a paragraph a
/// string into `out`, its pictures (with their captions) into `pictures`.
fn contents_of(item: Item, out: &mut Vec<String>, pictures: &mut Vec<Picture>) {
    for t in [&item.title, &item.lead, &item.text] {
        if !t.trim().is_empty() {
            out.push(t.trim().to_string());
        }
    }
    for row in item.rows.iter().filter(|r| r.values().any(|v| !v.trim().is_empty())) {
        out.push(row.values().map(String::as_str).collect::<Vec<_>>().join("\t"));
    }
    pictures.extend(item.pictures);
    for child in item.parts.into_values().flatten() {
        contents_of(child, out, pictures);
    }
}

/// Parts and fields a draft holds that its template no longer has (renamed or
/// removed since the draft was written) are taken out, their text kept in the
/// draft's `orphaned` list, the first paragraph of each marked with the old name.
/// Returns how many parts and fields were taken out.
pub fn orphan_parts(spec: &FormSpec, draft: &mut Draft) -> usize {
    fn walk(nodes: &[Node], parts: &mut Parts, out: &mut Vec<String>, pictures: &mut Vec<Picture>) -> usize {
        let mut taken = 0;
        let gone: Vec<String> = parts.keys().filter(|k| !nodes.iter().any(|n| &n.id == *k)).cloned().collect();
        for name in gone {
            let mut texts = Vec::new();
            for item in parts.remove(&name).unwrap_or_default() {
                contents_of(item, &mut texts, pictures);
            }
            if let Some(first) = texts.first_mut() {
                *first = format!("【原“{name}”】{first}");
            }
            out.extend(texts);
            taken += 1;
        }
        for node in nodes {
            for item in parts.get_mut(&node.id).into_iter().flatten() {
                taken += walk(&node.children, &mut item.parts, out, pictures);
            }
        }
        taken
    }
    let mut out = Vec::new();
    let mut taken = walk(&spec.body, &mut draft.body, &mut out, &mut draft.unplaced_pictures);
    let gone: Vec<String> = draft.fields.keys().filter(|k| !spec.fields.iter().any(|f| &f.id == *k)).cloned().collect();
    for name in gone {
        if let Some(value) = draft.fields.remove(&name).filter(|v| !v.trim().is_empty()) {
            out.push(format!("【原字段“{name}”】{}", value.trim()));
        }
        taken += 1;
    }
    draft.orphaned.extend(out);
    taken
}

/// Items beyond what the template allows (a hostile or hand-edited draft, an
/// import with more points than the template takes) go, with their text, to the
/// draft's unplaced paragraphs, and their pictures to its unplaced pictures:
/// the form then holds what the template allows, and nothing is lost. Table
/// rows beyond the limit go the same way, a line a row, and pictures beyond a
/// slot's limit to the unplaced pictures. Returns how many items, rows and
/// pictures were moved.
pub fn clamp_repeats(spec: &FormSpec, draft: &mut Draft) -> usize {
    fn walk(nodes: &[Node], parts: &mut Parts, out: &mut Vec<String>, pictures: &mut Vec<Picture>) -> usize {
        let mut moved = 0;
        for node in nodes {
            let Some(items) = parts.get_mut(&node.id) else { continue };
            if let Some(max) = node.max_items().filter(|m| items.len() > *m) {
                for extra in items.drain(max..) {
                    contents_of(extra, out, pictures);
                    moved += 1;
                }
            }
            for item in items.iter_mut() {
                if let Some(max) = node.max_rows() {
                    if item.rows.len() > max {
                        for row in item.rows.drain(max..) {
                            out.push(row.values().map(String::as_str).collect::<Vec<_>>().join("\t"));
                            moved += 1;
                        }
                    }
                }
                if let NodeKind::Pictures { max, .. } = node.kind {
                    if item.pictures.len() > max as usize {
                        moved += item.pictures.len() - max as usize;
                        pictures.extend(item.pictures.drain(max as usize..));
                    }
                }
                moved += walk(&node.children, &mut item.parts, out, pictures);
            }
        }
        moved
    }
    let mut out = Vec::new();
    let moved = walk(&spec.body, &mut draft.body, &mut out, &mut draft.unplaced_pictures);
    draft.unplaced.extend(out);
    moved
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::{BuiltinStyles, TEMPLATES};

    fn report() -> (FormSpec, Draft) {
        let spec = crate::compile(&TEMPLATES[0].source_file(), &BuiltinStyles).spec.unwrap();
        let mut draft = Draft::new(&spec);
        fill_minimums(&spec, &mut draft);
        (spec, draft)
    }

    #[test]
    fn minimums_are_filled_and_limits_hold() {
        let (spec, mut draft) = report();
        let part = vec![("履职情况".to_string(), 0)];
        assert_eq!(occurrences(&draft, &part, "履职方面"), 2);
        let first = vec![("履职情况".to_string(), 0), ("履职方面".to_string(), 0)];
        assert_eq!(occurrences(&draft, &first, "履职要点"), 3);
        let mut last = first.clone();
        last.push(("履职要点".to_string(), 2));
        assert_eq!(remove(&spec, &mut draft, &last).unwrap_err(), "至少要有3项，不能再删了");
        for _ in 0..3 {
            add(&spec, &mut draft, &part, "履职方面").unwrap();
        }
        assert_eq!(add(&spec, &mut draft, &part, "履职方面").unwrap_err(), "最多5项，已经有5项了");
        // A new （一）-item comes with its three 一是-items.
        let fifth = vec![("履职情况".to_string(), 0), ("履职方面".to_string(), 4)];
        assert_eq!(occurrences(&draft, &fifth, "履职要点"), 3);
    }

    #[test]
    fn a_second_table_occurrence_goes_to_unplaced_with_its_rows() {
        let template = TEMPLATES.iter().find(|t| t.name() == "整改清单").unwrap();
        let spec = crate::compile(&template.source_file(), &BuiltinStyles).spec.unwrap();
        let mut draft = Draft::new(&spec);
        fill_minimums(&spec, &mut draft);
        let row = |problem: &str| [("问题".to_string(), problem.to_string())].into_iter().collect();
        let table = draft.body.get_mut("清单").unwrap();
        table[0].rows = vec![row("第一张表的问题")];
        table.push(Item { rows: vec![row("第二张表的问题甲"), row("第二张表的问题乙")], ..Item::default() });
        // Filling minimums drops nothing (it once kept only the first occurrence).
        fill_minimums(&spec, &mut draft);
        assert_eq!(draft.body["清单"].len(), 2);
        let fitted = fit(&spec, &mut draft);
        assert_eq!(fitted, Fitted { orphaned: 0, moved: 1 });
        assert_eq!(draft.body["清单"].len(), 1);
        assert_eq!(draft.body["清单"][0].rows[0], row("第一张表的问题"));
        assert_eq!(draft.unplaced, ["第二张表的问题甲", "第二张表的问题乙"]);
        assert_eq!(fit(&spec, &mut draft), Fitted::default(), "once is enough");
    }

    #[test]
    fn moving_and_undoing_a_removal_keep_the_order() {
        let (spec, mut draft) = report();
        let part = vec![("履职情况".to_string(), 0)];
        add(&spec, &mut draft, &part, "履职方面").unwrap();
        for (i, t) in ["甲", "乙", "丙"].iter().enumerate() {
            item_mut(&mut draft, &[part[0].clone(), ("履职方面".into(), i)]).unwrap().title = t.to_string();
        }
        let second = vec![part[0].clone(), ("履职方面".to_string(), 1)];
        assert!(move_item(&mut draft, &second, true));
        let titles = |d: &Draft| d.body["履职情况"][0].parts["履职方面"].iter().map(|i| i.title.clone()).collect::<Vec<_>>();
        assert_eq!(titles(&draft), ["乙", "甲", "丙"]);
        let removed = remove(&spec, &mut draft, &second).unwrap();
        assert_eq!(titles(&draft), ["乙", "丙"]);
        assert!(restore(&mut draft, &second, removed));
        assert_eq!(titles(&draft), ["乙", "甲", "丙"]);
        assert!(!move_item(&mut draft, &[part[0].clone(), ("履职方面".into(), 2)], false));
    }
}
