//! A unit's files together: each 述职报告 with the 创新案例 sent with it (the
//! template of a case says which report it goes with and how many, `随附：`).
//! A report with too few or too many cases, and a case whose 单位 has no report
//! in the batch, get a finding of their own; the batch is related again
//! whenever a file comes in, so these findings follow the batch.

use std::collections::HashMap;

use super::summary::{Companion, Summary};
use super::{Finding, Kind, Severity};
use crate::spec::FormSpec;

/// What `template`'s files go with (a case: the report) and what goes with them
/// (a report: its cases), as the templates among `specs` say.
pub fn relations(template: &str, specs: &[FormSpec]) -> (Option<String>, Vec<Companion>) {
    let goes_with = specs.iter().find(|s| s.name == template).and_then(|s| s.accompanies.as_ref()).map(|a| a.report.clone());
    let companions = specs
        .iter()
        .filter_map(|s| {
            s.accompanies.as_ref().filter(|a| a.report == template).map(|a| Companion { template: s.name.clone(), rule: a.clone() })
        })
        .collect();
    (goes_with, companions)
}

/// A 单位 as written in different files of one unit: without spaces, and
/// without a leading 中共.
pub fn unit_key(unit: &str) -> String {
    let bare: String = unit.chars().filter(|c| !c.is_whitespace()).collect();
    bare.strip_prefix("中共").map(str::to_string).unwrap_or(bare)
}

/// Marks every file whose bytes an earlier row already has (the same
/// attachment sent twice, `案例(1).docx`, or in a zip and loose) as that row's copy.
/// The one kept is the first that was checked as a report (say, the copy
/// the clerk chose a template for), else the first.
fn mark_copies(rows: &mut [Summary]) {
    for r in rows.iter_mut() {
        r.duplicate_of = None;
    }
    let mut kept: HashMap<String, usize> = HashMap::new();
    for (i, r) in rows.iter().enumerate().filter(|(_, r)| !r.digest.is_empty()) {
        let better = |k: &usize| !rows[*k].counts() && r.counts();
        match kept.get(&r.digest) {
            Some(k) if !better(k) => {}
            _ => {
                kept.insert(r.digest.clone(), i);
            }
        }
    }
    let names: Vec<String> = rows.iter().map(|r| r.file.clone()).collect();
    for (i, r) in rows.iter_mut().enumerate() {
        if let Some(&k) = kept.get(&r.digest).filter(|&&k| k != i) {
            r.duplicate_of = Some(names[k].clone());
        }
    }
}

/// Relates every file of a batch to the others of its unit: marks copies of
/// one file, sets each row's `pairing` and replaces its 配套 findings.
pub fn relate(rows: &mut [Summary]) {
    mark_copies(rows);
    // (template, unit) → how many checked files of that template the unit sent.
    let mut sent: HashMap<(&str, String), usize> = HashMap::new();
    for r in rows.iter().filter(|r| r.counts() && !r.unit.trim().is_empty()) {
        *sent.entry((r.template.as_str(), unit_key(&r.unit))).or_default() += 1;
    }
    let verdicts: Vec<(String, Vec<Finding>)> = rows
        .iter()
        .map(|r| {
            if !r.counts() || r.unit.trim().is_empty() {
                return (String::new(), Vec::new());
            }
            let unit = unit_key(&r.unit);
            let mut findings = Vec::new();
            let mut pairing = Vec::new();
            let own = sent.get(&(r.template.as_str(), unit.clone())).copied().unwrap_or(0);
            if r.goes_with.is_none() && own > 1 {
                // One report a unit: a second is a resend (a corrected
                // version, most often) or a misnamed unit, for the clerk to weigh.
                findings.push(Finding {
                    kind: Kind::Set,
                    severity: Severity::Note,
                    place: String::new(),
                    message: format!(
                        "这一批里有{}的{}{own}份，每个单位应只有一份（核对是不是发了两个版本，或者单位名称写错了）",
                        r.unit, r.template
                    ),
                });
            }
            for c in &r.companions {
                let n = sent.get(&(c.template.as_str(), unit.clone())).copied().unwrap_or(0);
                pairing.push(format!("{}{n}篇", c.template));
                let (min, max) = (c.rule.min as usize, c.rule.max.map(|m| m as usize));
                if n < min || max.is_some_and(|max| n > max) {
                    let message = if n == 0 {
                        format!("这一批里没有{}的{}（每份{}要随附{}）", r.unit, c.template, r.template, c.rule.describe())
                    } else {
                        format!("{}的{}有{n}篇，要求{}", r.unit, c.template, c.rule.describe())
                    };
                    findings.push(Finding::must_fix(Kind::Set, "", message));
                }
            }
            if let Some(report) = &r.goes_with {
                if sent.contains_key(&(report.as_str(), unit.clone())) {
                    pairing.push(format!("随{report}"));
                } else {
                    pairing.push("没有对应的报告".into());
                    findings.push(Finding::must_fix(
                        Kind::Set,
                        "",
                        format!("这一批里没有{}的{report}，这篇{}对不上报告（核对单位名称是否写得一致）", r.unit, r.template),
                    ));
                }
            }
            (pairing.join("，"), findings)
        })
        .collect();
    for (r, (pairing, findings)) in rows.iter_mut().zip(verdicts) {
        r.findings.retain(|f| f.kind != Kind::Set);
        r.findings.extend(findings);
        r.pairing = pairing;
    }
}
