//! The shipped templates carry what the seed work plan asks for: every number and
//! phrase below is copied from the seed (../shared/seed), not from the templates.

use wengao::builtin::{BuiltinStyles, TEMPLATES};
use wengao::spec::*;

fn spec(name: &str) -> FormSpec {
    let t = TEMPLATES.iter().find(|t| t.name() == name).unwrap();
    let c = wengao::compile(&t.source_file(), &BuiltinStyles);
    let diagnostics = c.render_diagnostics();
    c.spec.unwrap_or_else(|| panic!("{name}:\n{diagnostics}"))
}

fn heading<'a>(s: &'a FormSpec, title: &str) -> &'a Node {
    s.body
        .iter()
        .find(|n| matches!(&n.kind, NodeKind::Heading { title: Some(t), .. } if t.source == title))
        .unwrap_or_else(|| panic!("no heading {title}"))
}

fn all_prompts(n: &Node) -> String {
    let mut s = n.prompt.clone().unwrap_or_default();
    for c in &n.children {
        s += &all_prompts(c);
    }
    s
}

fn fixed(s: &FormSpec, role: Role) -> &str {
    &s.lines.iter().find(|l| l.role == role).unwrap().text.source
}

#[test]
fn report_has_the_seed_structure_budgets_and_prompts() {
    let s = spec("述职报告");
    assert_eq!(fixed(&s, Role::Title), "{年度}年党建工作述职报告");
    assert_eq!(fixed(&s, Role::Subtitle), "{单位}书记 {姓名}");
    assert_eq!(fixed(&s, Role::Date), "（{成文日期}）");
    assert_eq!(s.budget.as_ref().unwrap().rule, BudgetRule::About { target: 3000, tolerance_percent: 10 });
    assert_eq!(s.page_limit, Some(PageLimit { max: 6, in_principle: true }));
    assert!(matches!(s.body[0].kind, NodeKind::Text { multiple_paragraphs: false }), "导语 is one paragraph");

    let parts = [
        ("履职主要情况和特点", BudgetRule::About { target: 1500, tolerance_percent: 10 }),
        ("存在的主要问题及原因", BudgetRule::AtLeast { target: 900 }),
        ("下一步工作思路和措施", BudgetRule::About { target: 600, tolerance_percent: 10 }),
    ];
    for (title, rule) in parts {
        let part = heading(&s, title);
        assert_eq!(part.budget.as_ref().unwrap().rule, rule, "{title}");
        let item = &part.children[0];
        assert!(matches!(item.kind, NodeKind::Heading { level: 2, title: None }), "{title}: （一）-items");
        assert!(item.repeat.unwrap().min >= 2, "{title}: at least two （一）-items");
        let point = &item.children[0];
        assert!(matches!(point.kind, NodeKind::Point { lead: None }), "{title}: 一是-items");
        assert!(point.repeat.unwrap().min >= 3, "{title}: at least three 一是-items");
    }

    let writing = s.prompt.clone().unwrap() + &all_prompts(heading(&s, "履职主要情况和特点"));
    for phrase in [
        "真正把自己摆进去",
        "聚焦工作实际、突出自身特点、体现本人责任",
        "注重用数据和事例说话",
        "推进和落实党建统领情况",
        "基层党建工作进展情况",
        "抓党建取得的成效",
    ] {
        assert!(writing.contains(phrase), "part one prompts lack {phrase}");
    }
    let problems = all_prompts(heading(&s, "存在的主要问题及原因"));
    {
        let phrase = "查找问题要有深度，不能只找工作层面的问题，多用数字和事例列举，分析原因要透彻";
        assert!(problems.contains(phrase), "part two prompts lack {phrase}");
    }
    assert!(all_prompts(heading(&s, "下一步工作思路和措施")).contains("思路和举措"));

    let kind = s.fields.iter().find(|f| f.id == "单位类型").unwrap();
    let FieldKind::Choice { options } = &kind.kind else { panic!("单位类型 is a choice") };
    assert_eq!(options.len(), 5);
    let conditional = &heading(&s, "履职主要情况和特点").conditional_prompts;
    assert_eq!(conditional.len(), 5, "one focus prompt per 单位类型");
    for (option, phrase) in [
        ("街道（鲁谷社区）党工委", "发挥街道社区党组织领导核心作用"),
        ("区直机关", "“灯下黑”"),
        ("区国资委党委及区属国企", "全国国有企业党的建设工作会议精神"),
        ("其他行业党工委、区委直属党委", "推进“两个覆盖”"),
        ("基层党支部", "加强支部和党员队伍建设"),
    ] {
        assert!(options.iter().any(|o| o == option), "option {option}");
        let c = conditional.iter().find(|c| c.equals == option).unwrap();
        assert!(c.text.contains(phrase), "{option}: {}", c.text);
    }
}

#[test]
fn innovation_case_has_three_parts_and_two_to_three_pictures() {
    let s = spec("创新案例");
    assert_eq!(fixed(&s, Role::Title), "{单位}基层党建创新案例");
    assert!(fixed(&s, Role::Subtitle).starts_with("——"));
    assert_eq!(s.budget.as_ref().unwrap().rule, BudgetRule::About { target: 800, tolerance_percent: 10 });
    let subtitle = s.fields.iter().find(|f| f.id == "亮点").unwrap();
    assert!(subtitle.prompt.as_ref().unwrap().contains("副标题要鲜明醒目、突出亮点"));
    for (title, phrase) in
        [("工作背景", "直奔需要解决的问题"), ("主要举措", "推进工作的做法和可供借鉴的方法"), ("取得成效", "务实精炼，避免泛泛而谈")]
    {
        assert!(all_prompts(heading(&s, title)).contains(phrase), "{title}");
    }
    let measures = heading(&s, "主要举措");
    assert!(matches!(measures.children[0].kind, NodeKind::Heading { level: 2, .. }));
    assert!(matches!(measures.children[0].children[0].kind, NodeKind::Point { .. }));
    assert!(matches!(heading(&s, "取得成效").children[0].kind, NodeKind::Point { .. }));
    let pictures = s.body.iter().find_map(|n| match &n.kind {
        NodeKind::Pictures { min, max, formats, caption_label } => Some((*min, *max, formats.clone(), caption_label.clone())),
        _ => None,
    });
    assert_eq!(pictures, Some((2, 3, vec![PictureFormat::Jpeg, PictureFormat::Png], "案例图片说明".to_string())));
}

#[test]
fn attachment_one_typography_reaches_every_spec() {
    for t in TEMPLATES {
        let s = spec(t.name());
        let st = &s.style;
        // The ledger is landscape A4 (纸张：A4横向), with margins of its own.
        if st.page.width > st.page.height {
            continue;
        }
        // A4, margins 3.7 / 3.5 / 2.8 / 2.6 cm in twips (1 cm = 1440 / 2.54 twips), gutter 0.
        assert_eq!((st.page.width, st.page.height), (11906, 16838));
        assert_eq!(
            (st.page.margin_top, st.page.margin_bottom, st.page.margin_left, st.page.margin_right, st.page.gutter),
            (2098, 1984, 1587, 1474, 0)
        );
        assert_eq!(st.line_spacing, LineSpacing::Exact { twips: 32 * 20 });
        let expect = [
            (Role::Title, "华文中宋", 22 * 2, true, Some(Align::Center)),
            (Role::Subtitle, "楷体_GB2312", 18 * 2, false, Some(Align::Center)),
            (Role::Date, "楷体_GB2312", 18 * 2, false, Some(Align::Center)),
            (Role::Heading1, "黑体", 36, false, None),
            (Role::Heading2, "楷体_GB2312", 36, false, None),
            (Role::Heading3, "仿宋_GB2312", 36, true, None),
            (Role::Body, "仿宋_GB2312", 36, false, None),
        ];
        for (role, font, size, bold, align) in expect {
            let r = st.role(role);
            assert_eq!((r.font.as_str(), r.size_half_points, r.bold), (font, size, bold), "{} {role:?}", t.name());
            if let Some(a) = align {
                assert_eq!(r.align, a);
            }
        }
        assert_eq!(st.role(Role::Body).first_line_indent_chars_x100, 200);
        let labels: Vec<String> =
            [Role::Heading1, Role::Heading2, Role::Heading3].iter().map(|r| st.role(*r).numbering.as_ref().unwrap().label(2)).collect();
        assert_eq!(labels, ["二、", "（二）", "二是"]);
        let pn = &st.page_number;
        assert_eq!((pn.font.as_str(), pn.latin_font.as_str(), pn.size_half_points), ("宋体", "宋体", 28));
        assert_eq!((pn.prefix.as_str(), pn.suffix.as_str()), ("— ", " —"));
        assert_eq!((pn.odd, pn.even), (Align::Right, Align::Left));
        assert_eq!(pn.below_text, 397, "7 mm");
        assert_eq!(pn.inset_chars_x100, 100, "单页码居右空一字");
    }
}

#[test]
fn rectification_list_is_a_table_with_the_four_columns() {
    let s = spec("整改清单");
    let table = s.body.iter().find(|n| matches!(n.kind, NodeKind::Table { .. })).unwrap();
    let NodeKind::Table { columns, .. } = &table.kind else { unreachable!() };
    let labels: Vec<&str> = columns.iter().map(|c| c.label.as_str()).collect();
    for want in ["问题", "整改措施", "责任人", "完成时限"] {
        assert!(labels.contains(&want), "{labels:?}");
    }
    assert_eq!(table.repeat, Some(Repeat { min: 3, max: Some(30) }));
    // The template overrides the style sheet's table role.
    assert_eq!(s.style.role(Role::Table).size_half_points, 28);
    assert_eq!(s.style.role(Role::Table).line_spacing, LineSpacing::Exact { twips: 480 });
}
