//! The shape of the code, drawn from its imports (#40): no module of the core
//! or the app uses one that uses it back, and the app's layers (lib.rs: each
//! uses only those listed before it) hold. A module is a file; a path
//! `crate::a::b` or `super::x` in a file is an edge to the deepest module it
//! names. A parent and its own children may use each other (a folder is one
//! stage); siblings may not go round in a circle.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::root;

/// Every module under `src` (`audit::group`, `form`, …; the crate root is ""), with its text.
fn modules(src: &Path) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                // Separate programs (bin/) are roots of their own.
                if path.file_name().is_some_and(|n| n != "bin") {
                    stack.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(src).unwrap().with_extension("");
            let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
            if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
                parts.pop();
            }
            found.insert(parts.join("::"), std::fs::read_to_string(&path).unwrap());
        }
    }
    found
}

/// The paths a file's code names (`crate::x::y`, `super::z`), comments left out.
fn paths(text: &str) -> Vec<Vec<String>> {
    let code: String = text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
    let mut out = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let word = |i: usize| -> (String, usize) {
        let mut j = i;
        while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
            j += 1;
        }
        (chars[i..j].iter().collect(), j)
    };
    let mut i = 0;
    while i < chars.len() {
        let starts = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_' || chars[i - 1] == ':');
        let (w, end) = word(i);
        if starts && (w == "crate" || w == "super") && chars.get(end) == Some(&':') && chars.get(end + 1) == Some(&':') {
            let mut path = vec![w];
            let mut j = end;
            while chars.get(j) == Some(&':') && chars.get(j + 1) == Some(&':') {
                let (next, after) = word(j + 2);
                if next.is_empty() {
                    break;
                }
                path.push(next);
                j = after;
            }
            out.push(path);
            i = j;
        } else {
            i = end.max(i + 1);
        }
    }
    out
}

/// The module a path in `from` names: the deepest existing one.
fn target(from: &str, path: &[String], known: &BTreeMap<String, String>) -> Option<String> {
    let mut base: Vec<String> = if from.is_empty() { Vec::new() } else { from.split("::").map(String::from).collect() };
    let mut rest = path;
    if rest.first().map(String::as_str) == Some("crate") {
        base.clear();
        rest = &rest[1..];
    } else {
        // `super` in a.rs, as in a/mod.rs, is a's parent.
        while rest.first().map(String::as_str) == Some("super") {
            base.pop();
            rest = &rest[1..];
        }
    }
    (0..=rest.len()).rev().map(|n| [base.clone(), rest[..n].to_vec()].concat().join("::")).find(|m| known.contains_key(m))
}

/// Edges between modules that are not a parent and its descendant.
fn edges(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let known = modules(src);
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, text) in &known {
        for path in paths(text) {
            let Some(to) = target(from, &path, &known) else { continue };
            let related = to == *from
                || to.is_empty()
                || from.is_empty()
                || to.starts_with(&format!("{from}::"))
                || from.starts_with(&format!("{to}::"));
            if !related {
                out.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    out
}

/// The circles among `edges` (each as its modules, sorted).
fn circles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    // Modules that reach themselves, grouped by what they reach each other through.
    let reach = |start: &String| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![start.clone()];
        while let Some(m) = stack.pop() {
            for next in edges.get(&m).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
        seen
    };
    let mut found: BTreeSet<Vec<String>> = BTreeSet::new();
    for m in edges.keys() {
        let from_m = reach(m);
        if from_m.contains(m) {
            let circle: Vec<String> = from_m.iter().filter(|o| reach(o).contains(m)).cloned().collect();
            found.insert(circle);
        }
    }
    found.into_iter().collect()
}

#[test]
fn no_module_of_the_core_uses_one_that_uses_it_back() {
    let edges = edges(&root().join("compiler/src"));
    assert!(edges.len() > 20, "the imports were read: {}", edges.len());
    assert_eq!(circles(&edges), Vec::<Vec<String>>::new());
}

#[test]
fn no_module_of_the_app_uses_one_that_uses_it_back() {
    let edges = edges(&root().join("app/src"));
    assert!(edges.len() > 20, "the imports were read: {}", edges.len());
    assert_eq!(circles(&edges), Vec::<Vec<String>>::new());
}

#[test]
fn the_apps_layers_use_only_those_below_them() {
    // app/src/lib.rs, from the bottom up.
    let layers = ["crash", "files", "storage", "templates", "action", "session", "form", "start", "studio", "perform", "view", "embed"];
    let below = |m: &str| layers.iter().position(|l| *l == m.split("::").next().unwrap_or(m));
    let mut up = Vec::new();
    for (from, tos) in edges(&root().join("app/src")) {
        for to in tos {
            if let (Some(f), Some(t)) = (below(&from), below(&to)) {
                // The desk (desk/) uses crash, files and storage only; it is checked by the circles above.
                if t > f {
                    up.push(format!("{from} uses {to}"));
                }
            }
        }
    }
    assert_eq!(up, Vec::<String>::new(), "an import that runs back up");
}

#[test]
fn the_reader_finds_paths_and_circles() {
    let found = paths("use crate::audit::summary::{Companion, Summary};\n// crate::not::this\nlet x = super::group::relate(&y);");
    assert_eq!(found, [vec!["crate", "audit", "summary"], vec!["super", "group", "relate"]]);
    let mut edges = BTreeMap::new();
    edges.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    edges.insert("b".to_string(), BTreeSet::from(["a".to_string(), "c".to_string()]));
    assert_eq!(circles(&edges), [vec!["a".to_string(), "b".to_string()]]);
}
