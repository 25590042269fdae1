//! Example drafts: a complete, realistic draft for any template, written to each
//! part's budget (and, where the template sets a page limit, scaled to fit it).
//! The CLI's `wengao example`, the docs and the tests use them.

mod bank;
mod image;

use std::collections::BTreeMap;

use bank::Topic;

use crate::count;
use crate::document;
use crate::draft::{Draft, Item, Parts, Picture};
use crate::layout;
use crate::spec::{BudgetRule, FieldKind, FormSpec, Node, NodeKind, PictureFormat};

/// Captions for example pictures.
const CAPTIONS: &[&str] = &[
    "2026年6月，社区党委组织党员志愿者入户走访，听取居民对小区治理的意见建议。",
    "小区党支部召开议事协商会，居民代表、物业企业和驻区单位共同商定停车改造方案。",
    "改造后的小区环境整洁有序，居民在新建的党群服务站参加活动。",
];

/// Lines an example leaves free on its last page, for what the page model misses.
const RESERVE_LINES: u32 = 2;

/// What an example draft is written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    /// Every part at its budget (约N字 at N, 不少于N字 a little above N).
    Budgets,
    /// The budgets scaled down until the page estimate fits the page limit.
    PageLimit,
}

/// A full example draft for the spec.
pub fn example(spec: &FormSpec, length: Length) -> Draft {
    let mut scale = 100;
    loop {
        let draft = write(spec, scale);
        // The estimate is rough: keep a few lines of the last page free.
        let fits = match spec.page_limit.filter(|_| length == Length::PageLimit) {
            Some(limit) => {
                let doc = document::assemble(spec, &draft);
                let estimate = layout::estimate(&doc, &spec.style);
                estimate.word_pages <= limit.max
                    && (estimate.pages < limit.max
                        || (estimate.pages == limit.max && estimate.last_page_lines + RESERVE_LINES <= estimate.lines_per_page))
            }
            None => true,
        };
        if fits || scale <= 50 {
            return draft;
        }
        scale -= 2;
    }
}

/// The words a budget aims at: its target, a little above a minimum, a little
/// under a maximum.
fn aim(rule: &BudgetRule) -> usize {
    match *rule {
        BudgetRule::About { target, .. } => target,
        BudgetRule::AtLeast { target } => target + target / 20,
        BudgetRule::AtMost { target } => target * 9 / 10,
        BudgetRule::Between { from, to } => (from + to) / 2,
    }
}

struct Writer {
    /// Next sentence, lead and heading to use, per topic.
    cursors: BTreeMap<(u8, &'static str), usize>,
    pictures: u32,
}

fn write(spec: &FormSpec, scale: usize) -> Draft {
    let mut draft = Draft::new(spec);
    for f in &spec.fields {
        let value = f.default.clone().or_else(|| f.example.clone()).unwrap_or_else(|| match &f.kind {
            FieldKind::Year => "2026".into(),
            FieldKind::YearMonth => "2027年2月".into(),
            FieldKind::Choice { options } => options[0].clone(),
            FieldKind::Text => "XX街道党工委".into(),
            FieldKind::RowNumber => String::new(),
        });
        draft.fields.insert(f.id.clone(), value);
    }
    let mut w = Writer { cursors: BTreeMap::new(), pictures: 0 };
    // Parts without a budget of their own share what the document's budget leaves.
    let fixed: usize = spec.lines.iter().map(|l| count::words(&l.text.source)).sum();
    let budgeted: usize = spec.body.iter().filter_map(|n| n.budget.as_ref().map(|b| aim(&b.rule))).sum();
    let open: Vec<&Node> = spec.body.iter().filter(|n| n.budget.is_none() && takes_text(n)).collect();
    let share = spec.budget.as_ref().map(|b| {
        aim(&b.rule).saturating_sub(budgeted + fixed + examples_words(&open)) / open.iter().filter(|n| n.example.is_none()).count().max(1)
    });
    draft.body = w.parts(&spec.body, share, Topic::Work, scale);
    draft
}

/// How many times an example writes a node: its minimum, at least once.
fn occurrences(n: &Node) -> usize {
    n.least_items()
}

fn takes_text(n: &Node) -> bool {
    !matches!(n.kind, NodeKind::Pictures { .. } | NodeKind::Table { .. })
}

fn examples_words(nodes: &[&Node]) -> usize {
    nodes.iter().filter_map(|n| n.example.as_deref()).map(count::words).sum()
}

impl Writer {
    fn next(&mut self, topic: Topic, kind: &'static str, list: &'static [&'static str]) -> &'static str {
        let cursor = self.cursors.entry((topic as u8, kind)).or_insert(0);
        let s = list[*cursor % list.len()];
        *cursor += 1;
        s
    }

    /// The topic's next sentence that has a number in it.
    fn data_sentence(&mut self, topic: Topic) -> &'static str {
        let bank = topic.sentences();
        for _ in 0..bank.len() {
            let s = self.next(topic, "data", bank);
            if s.chars().any(|c| c.is_ascii_digit()) {
                return s;
            }
        }
        bank[0]
    }

    /// Whole sentences of the topic, about `target` 字 in all, at least one.
    fn sentences(&mut self, topic: Topic, target: usize) -> String {
        let mut text = String::new();
        let mut words = 0;
        let bank = topic.sentences();
        for _ in 0..bank.len() * 2 {
            if words > 0 && words + 12 >= target {
                break;
            }
            let s = self.next(topic, "sentence", bank);
            let n = count::words(s);
            if words + n <= target + 12 || words == 0 {
                text.push_str(s);
                words += n;
            } else {
                // Too long for what is left: skip it this time round.
                continue;
            }
        }
        text
    }

    /// The items of each node; a node without a budget gets `share` 字 per occurrence.
    fn parts(&mut self, nodes: &[Node], share: Option<usize>, topic: Topic, scale: usize) -> Parts {
        let mut parts = Parts::new();
        for node in nodes {
            let topic = match &node.kind {
                NodeKind::Heading { title: Some(t), .. } => Topic::of_title(&t.source).unwrap_or(topic),
                _ => topic,
            };
            // A text with an example and no budget of its own is written as the example.
            let share = if node.example.is_some() && matches!(node.kind, NodeKind::Text { .. }) { None } else { share };
            let target = node.budget.as_ref().map(|b| aim(&b.rule)).or(share).map(|t| t * scale / 100);
            let items = self.items(node, target, topic, scale);
            if !items.is_empty() {
                parts.insert(node.id.clone(), items);
            }
        }
        parts
    }

    /// The node's occurrences, each written to `target` 字.
    fn items(&mut self, node: &Node, target: Option<usize>, topic: Topic, scale: usize) -> Vec<Item> {
        let times = occurrences(node);
        match &node.kind {
            NodeKind::Pictures { max, .. } => {
                let pictures = (0..*max).map(|_| self.picture()).collect();
                vec![Item { pictures, ..Item::default() }]
            }
            NodeKind::Table { columns, .. } => {
                let rows = (0..times.max(3))
                    .map(|i| {
                        columns
                            .iter()
                            .map(|c| {
                                let value = match &c.kind {
                                    FieldKind::Choice { options } => options[i % options.len()].clone(),
                                    FieldKind::YearMonth => format!("2027年{}月", 6 + i % 6),
                                    FieldKind::Year => "2027".into(),
                                    FieldKind::RowNumber => String::new(),
                                    FieldKind::Text if c.label.contains("措施") => {
                                        self.next(Topic::Measures, "sentence", Topic::Measures.sentences()).to_string()
                                    }
                                    // People: 责任人, 姓名, 入党介绍人, 联系人…
                                    FieldKind::Text if c.label.contains("责任") || c.label.contains("姓名") || c.label.ends_with('人') => {
                                        ["张三", "李四", "王五"][i % 3].to_string()
                                    }
                                    FieldKind::Text => self.next(Topic::Problems, "sentence", Topic::Problems.sentences()).to_string(),
                                };
                                (c.id.clone(), value)
                            })
                            .collect()
                    })
                    .collect();
                vec![Item { rows, ..Item::default() }]
            }
            _ => (0..times).map(|_| self.item(node, target, topic, scale)).collect(),
        }
    }

    fn item(&mut self, node: &Node, target: Option<usize>, topic: Topic, scale: usize) -> Item {
        match &node.kind {
            NodeKind::Heading { title, .. } => {
                let title = if title.is_none() { self.next(topic, "heading", topic.headings()).to_string() } else { String::new() };
                let own = count::words(&title) + 4;
                // Children without a budget share what is left, each occurrence alike.
                let occurrences: usize = node.children.iter().filter(|c| c.budget.is_none()).map(occurrences).sum();
                let share = target.map(|t| t.saturating_sub(own) / occurrences.max(1));
                Item { title, parts: self.parts(&node.children, share, topic, scale), ..Item::default() }
            }
            NodeKind::Point { lead } => {
                let lead = if lead.is_none() { self.next(topic, "lead", topic.leads()).to_string() } else { String::new() };
                let rest = target.map_or(80, |t| t.saturating_sub(count::words(&lead) + 3));
                let mut text = self.sentences(topic, rest);
                // The template asks this point to speak with numbers (数据：要): so does the example.
                if node.needs_data && !text.chars().any(|c| c.is_ascii_digit()) {
                    text = format!("{}{text}", self.data_sentence(topic));
                }
                Item { lead, text, ..Item::default() }
            }
            NodeKind::Text { multiple_paragraphs } => {
                let text = match (target, &node.example) {
                    (None, Some(example)) => example.clone(),
                    // The template's own example fits its budget: use it.
                    (Some(t), Some(example)) if count::words(example) <= t + t / 5 => example.clone(),
                    _ => {
                        let total = target.unwrap_or(150);
                        if *multiple_paragraphs && total > 200 {
                            let n = total.div_ceil(180);
                            (0..n).map(|_| self.sentences(topic, total / n)).collect::<Vec<_>>().join("\n")
                        } else {
                            self.sentences(topic, total)
                        }
                    }
                };
                Item { text, ..Item::default() }
            }
            NodeKind::Pictures { .. } | NodeKind::Table { .. } => Item::default(),
        }
    }

    fn picture(&mut self) -> Picture {
        let n = self.pictures;
        self.pictures += 1;
        let (width, height) = [(1200, 800), (1000, 750), (1280, 720)][n as usize % 3];
        drawn_picture(width, height, n, CAPTIONS[n as usize % CAPTIONS.len()])
    }
}

/// Puts the given pictures (in order) into the example's picture slots, in place of
/// drawn ones, keeping the example captions.
pub fn use_pictures(draft: &mut Draft, mut given: Vec<Picture>) {
    fn walk(parts: &mut Parts, given: &mut Vec<Picture>) {
        for item in parts.values_mut().flatten() {
            for p in &mut item.pictures {
                if given.is_empty() {
                    return;
                }
                let caption = std::mem::take(&mut p.caption);
                *p = given.remove(0);
                p.caption = caption;
            }
            walk(&mut item.parts, given);
        }
    }
    walk(&mut draft.body, &mut given);
}

/// A drawn picture of the given size (for examples and test corpora).
pub fn drawn_picture(width: u32, height: u32, n: u32, caption: &str) -> Picture {
    Picture {
        name: format!("示例图片{}.png", n + 1),
        format: PictureFormat::Png,
        width,
        height,
        caption: caption.to_string(),
        data: image::png(width, height, n),
    }
}
