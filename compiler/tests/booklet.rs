//! The 述职材料汇编 (issue #20): the contents page's page numbers come from the
//! page model; LibreOffice must show each document's title on the page the
//! contents names, every document must start on a right-hand (odd) page, and
//! the page numbers must run on through the booklet.

mod common;

use common::{builtin_specs, fixture_draft, libreoffice};
use wengao::booklet::{self, Cover, Item};
use wengao::spec::FormSpec;

/// 16 units, each with a report (of two lengths) and a case (with its three
/// pictures, or none), given reports first, then the cases in reverse.
fn sixteen_units(specs: &[FormSpec]) -> Vec<Item<'_>> {
    let spec = |name: &str| specs.iter().find(|s| s.name == name).unwrap();
    let unit = |i: usize| format!("第{}社区党委", i + 1);
    let mut items = Vec::new();
    for i in 0..16 {
        let mut draft = fixture_draft(if i % 3 == 0 { "述职报告-六页" } else { "述职报告" });
        draft.fields.insert("单位".into(), unit(i));
        items.push(Item { source: format!("报告{i}"), spec: spec("党建工作述职报告"), draft });
    }
    for i in (0..16).rev() {
        let mut draft = fixture_draft("创新案例");
        draft.fields.insert("单位".into(), unit(i));
        if i % 2 == 1 {
            draft.body.remove("配图");
        }
        items.push(Item { source: format!("案例{i}"), spec: spec("基层党建创新案例"), draft });
    }
    items
}

/// The line of a page's text that tells a document: a report's subtitle
/// (“第3社区党委书记 张三”), a case's title (“第3社区党委基层党建创新案例”).
fn marker(item: &Item) -> String {
    let Some(unit) = item.draft.fields.get("单位") else {
        // A 台账 has no 单位: its title line.
        let title = wengao::document::assemble(item.spec, &item.draft).title_line(wengao::spec::Role::Title);
        return title.replace(' ', "");
    };
    if item.spec.accompanies.is_some() {
        format!("{unit}基层党建创新案例")
    } else {
        format!("{unit}书记")
    }
}

#[test]
fn each_case_follows_its_units_report() {
    let specs = builtin_specs();
    let items = sixteen_units(&specs);
    let order = booklet::order(&items);
    assert_eq!(order.len(), 32);
    for (n, pair) in order.chunks(2).enumerate() {
        assert_eq!(pair[0], (n, 0), "report {n} in the order given");
        assert_eq!(pair[1], (31 - n, 1), "its case after it");
    }
    // A case whose unit sent no report stays where it was given, at the top level.
    let lone = vec![items[16].clone(), items[0].clone()];
    assert_eq!(booklet::order(&lone), [(0, 0), (1, 0)]);
}

#[test]
fn the_contents_page_numbers_are_where_libreoffice_puts_each_title() {
    let specs = builtin_specs();
    booklet_in_libreoffice("汇编-16个单位", &sixteen_units(&specs));
}

/// #38 item 1: units with long names (the contents' lines wrap, or not), and
/// a landscape 台账 first (its paper is the booklet's, and the cover's): the
/// front matter is as long as laid out, so every document still starts on a
/// right-hand page.
#[test]
fn long_unit_names_and_a_landscape_document_first() {
    let specs = builtin_specs();
    let spec = |name: &str| specs.iter().find(|s| s.name == name).unwrap();
    let ledger = spec("发展党员工作台账");
    let mut items =
        vec![Item { source: "台账".into(), spec: ledger, draft: wengao::example::example(ledger, wengao::example::Length::Budgets) }];
    for (i, unit) in
        ["区卫生健康委员会机关党委", "区市场监督管理局机关党委", "区住房和城乡建设委员会机关党委", "区人力资源和社会保障局机关党委"]
            .iter()
            .enumerate()
    {
        let mut draft = fixture_draft("述职报告");
        draft.fields.insert("单位".into(), unit.to_string());
        draft.fields.insert("姓名".into(), format!("书记{}", i + 1));
        items.push(Item { source: format!("报告{i}"), spec: spec("党建工作述职报告"), draft });
    }
    booklet_in_libreoffice("汇编-台账在前", &items);
    // Sixteen units with long names, each with a case: contents lines that wrap.
    let long: Vec<Item> = sixteen_units(&specs)
        .into_iter()
        .map(|mut item| {
            let unit = item.draft.fields["单位"].replace("社区党委", "区卫生健康委员会机关党委");
            item.draft.fields.insert("单位".into(), unit);
            item
        })
        .collect();
    booklet_in_libreoffice("汇编-长单位名", &long);
}

/// Renders `items` as a booklet and checks it in LibreOffice: the front
/// matter has the planned pages and no number, the numbers run on, each
/// document is on the page the contents name, on a right-hand page.
fn booklet_in_libreoffice(name: &str, items: &[Item]) {
    let plan = booklet::plan(items);
    let cover = Cover { title: "XX区2026年党建述职材料汇编".into(), date: "2027年1月".into() };
    let bytes = booklet::render(&cover, items, &plan, &Default::default()).unwrap();
    common::package::assert_word_accepts(&bytes);
    for e in &plan.entries {
        assert_eq!(e.first_page % 2, 1, "{} starts on an odd page", e.line);
    }
    let last = plan.entries.last().unwrap();
    if !libreoffice() {
        return;
    }
    let pages = common::lay_out(&[(name.into(), bytes)]).remove(0);
    let text = |p: &common::Page| p.words.iter().map(|w| w.text.as_str()).collect::<String>();
    // The number printed in a page's footer (“— 7 —”, read as words).
    let printed = |p: &common::Page| -> Option<u32> {
        // Under the type area (3.5 cm = 99 pt from the bottom edge), on any paper.
        p.words.iter().filter(|w| w.y_min > p.height - 95.0).find_map(|w| w.text.trim_matches('—').parse().ok())
    };
    // The front matter: as many pages as planned, none numbered; then every
    // page numbered in turn (blank pages before odd starts included).
    let front = pages.iter().take_while(|p| printed(p).is_none()).count() as u32;
    assert_eq!(front, plan.front_pages, "front matter");
    let numbers: Vec<Option<u32>> = pages[front as usize..].iter().map(printed).collect();
    let expected: Vec<Option<u32>> = (1..=numbers.len() as u32).map(Some).collect();
    assert_eq!(numbers, expected, "page numbers run on");
    let contents: String = pages[2..2 + plan.contents_pages as usize].iter().map(text).collect();
    let mut wrong = Vec::new();
    for e in &plan.entries {
        let line = format!("{}{}", e.line.replace(' ', ""), e.first_page);
        if !contents.replace(['.', '…'], "").contains(&line) {
            wrong.push(format!("contents: no “{line}”"));
        }
        let marker = marker(&items[e.item]);
        let found = pages.iter().skip(front as usize).find(|p| text(p).contains(&marker));
        let number = found.and_then(printed);
        if number != Some(e.first_page) {
            wrong.push(format!("{marker}: the contents say page {}, LibreOffice shows it on page {number:?}", e.first_page));
        }
        // On a right-hand page: the number on the right.
        if let Some(page) = found {
            let right = page.words.iter().filter(|w| w.y_min > page.height - 95.0).all(|w| w.x_min > page.width / 2.0);
            if !right {
                wrong.push(format!("{marker}: its first page's number is not on the right"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(pages.len() as u32, plan.sheet_page(last.first_page + last.pages - 1), "pages in all");
}

#[test]
fn the_list_of_units_pasted_sets_the_order() {
    let specs = builtin_specs();
    let mut items: Vec<Item> = sixteen_units(&specs)
        .into_iter()
        .filter(|i| ["第2社区党委", "第5社区党委", "第9社区党委"].contains(&i.draft.fields["单位"].as_str()))
        .collect();
    // Given: reports 2, 5, 9, then cases 9, 5, 2.
    booklet::arrange(&mut items, "述职顺序：\n中共第9社区党委\n\n第 2 社区党委  （书记 张三）\n");
    let units: Vec<&str> = items.iter().map(|i| i.draft.fields["单位"].as_str()).collect();
    // 9 and 2 as listed (a line holding the name counts), 5 after them, each unit's files in the order given.
    assert_eq!(units, ["第9社区党委", "第9社区党委", "第2社区党委", "第2社区党委", "第5社区党委", "第5社区党委"]);
    let lines: Vec<String> = booklet::plan(&items).entries.iter().map(|e| e.line.clone()).collect();
    assert_eq!(lines[0], "第9社区党委书记 张三  2026年党建工作述职报告");
    assert_eq!(lines[1], "第9社区党委基层党建创新案例");
}

/// The 述职 list matches whole unit names (#38 item 2): 城关镇党委 is not
/// ranked by the line of 新城关镇党委, whose name holds it; a line with two
/// units, or with none of this batch's, is said.
#[test]
fn the_order_list_matches_whole_unit_names() {
    let specs = builtin_specs();
    let spec = specs.iter().find(|s| s.name == "党建工作述职报告").unwrap();
    let item = |unit: &str| {
        let mut draft = fixture_draft("述职报告");
        draft.fields.insert("单位".into(), unit.into());
        Item { source: unit.to_string(), spec, draft }
    };
    let mut items = vec![item("城关镇党委"), item("新城关镇党委"), item("中共东坡街道工委")];
    let notes = booklet::arrange(&mut items, "1. 东坡街道工委  王五\n2. 新城关镇党委 李四\n3. 城关镇党委 张三\n4. 西湖乡党委\n");
    let order: Vec<&str> = items.iter().map(|i| i.source.as_str()).collect();
    assert_eq!(order, ["中共东坡街道工委", "新城关镇党委", "城关镇党委"]);
    assert_eq!(notes, ["述职顺序第4行“4. 西湖乡党委”：这一批里没有这个单位的材料"]);
    let notes = booklet::arrange(&mut items, "城关镇党委、新城关镇党委\n");
    assert_eq!(notes, ["述职顺序第1行“城关镇党委、新城关镇党委”同时写了新城关镇党委和城关镇党委，没有按这一行排"]);
}
