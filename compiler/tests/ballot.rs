//! The 述职测评表 (issue #20): a row per person, a column per 测评指标 and 总体评价
//! with the template's grades; for 60 people it paginates as LibreOffice does,
//! the header row on every page.

mod common;

use common::{builtin_specs, libreoffice};
use wengao::ballot::{self, Person};
use wengao::spec::FormSpec;

fn report_spec(specs: &[FormSpec]) -> &FormSpec {
    specs.iter().find(|s| s.name == "党建工作述职报告").unwrap()
}

/// 60 people: units 第1…60社区党委, three-character names.
fn sixty() -> Vec<Person> {
    let (surnames, given) =
        (["王", "李", "张", "刘", "陈", "杨"], ["建国", "秀英", "志强", "海燕", "立新", "红梅", "文华", "国庆", "春生", "丽娟"]);
    (0..60).map(|i| Person { unit: format!("第{}社区党委", i + 1), name: format!("{}{}", surnames[i % 6], given[i / 6]) }).collect()
}

#[test]
fn the_sheet_has_a_row_per_person_and_a_column_per_item() {
    let specs = builtin_specs();
    let spec = report_spec(&specs);
    assert_eq!(spec.grades, ["好", "较好", "一般", "差"], "from 测评等次 in the template");
    let doc = ballot::document("党建述职测评表", spec, &sixty());
    let wengao::document::Block::Table(table) = &doc.blocks[2] else { panic!("the table") };
    let header: Vec<&str> = table.columns.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(header.len(), 3 + 5 + 1);
    assert_eq!(&header[..3], ["序号", "单位", "姓名"]);
    assert_eq!(header[3], "落实党建统领主体责任情况");
    assert_eq!(header[8], "总体评价");
    assert_eq!(table.rows.len(), 60);
    assert_eq!(table.rows[59][..3], ["60", "第60社区党委", "杨丽娟"]);
    assert_eq!(table.rows[0][3], "□好\n□较好\n□一般\n□差");
    // Another district's grades, from its template.
    let mut other = spec.clone();
    other.grades = wengao::values::grades("优秀、称职、基本称职、不称职").unwrap();
    let doc = ballot::document("测评表", &other, &sixty()[..1]);
    let wengao::document::Block::Table(table) = &doc.blocks[2] else { panic!("the table") };
    assert_eq!(table.rows[0][8], "□优秀\n□称职\n□基本称职\n□不称职");
}

#[test]
fn sixty_people_paginate_as_libreoffice_does() {
    let specs = builtin_specs();
    let spec = report_spec(&specs);
    let style = ballot::landscape(&spec.style);
    assert!(style.page.width > style.page.height);
    let doc = ballot::document("党建述职测评表", spec, &sixty());
    let model = wengao::layout::lay_out(&doc, &style).pages.len();
    assert!(model > 1, "{model} pages");
    let bytes = wengao::docx::render_document(&doc, &style, &Default::default());
    common::package::assert_word_accepts(&bytes);
    if !libreoffice() {
        return;
    }
    let pages = common::lay_out(&[("测评表".into(), bytes)]).remove(0);
    assert_eq!(pages.len(), model, "pages: LibreOffice against the page model");
    for (n, page) in pages.iter().enumerate() {
        assert!(page.width > page.height, "page {} is landscape", n + 1);
        let text: String = page.words.iter().map(|w| w.text.as_str()).collect();
        assert!(text.contains("序号") && text.contains("总体评价"), "the header row on page {}", n + 1);
    }
    let all: String = pages.iter().flat_map(|p| p.words.iter().map(|w| w.text.as_str())).collect();
    for p in sixty() {
        assert!(all.contains(&p.unit) && all.contains(&p.name), "{} {} on the sheet", p.unit, p.name);
    }
}
