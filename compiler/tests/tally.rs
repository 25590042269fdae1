//! 测评结果汇总 (issue #20): sheets entered as a file (.csv or the desk's
//! workbook) are counted per person and item as a count done here
//! independently says; bad cells and a sheet entered twice are named by row
//! and nothing is counted; 500 sheets of 60 people go through the CLI.

mod common;

use std::process::Command;

use common::builtin_specs;
use common::package::Package;
use wengao::ballot::Person;
use wengao::tally::{self, output, read, Setup, Sheet};

fn setup(persons: usize) -> Setup {
    let specs = builtin_specs();
    let spec = specs.iter().find(|s| s.name == "党建工作述职报告").unwrap();
    let people = (0..persons).map(|i| Person { unit: format!("第{}社区党委", i + 1), name: format!("书记{}", i + 1) }).collect();
    Setup::of(spec, people)
}

/// Marks of `sheets` sheets, pseudo-random (a fixed LCG), about one cell in 25 blank.
fn marks(setup: &Setup, sheets: usize) -> Vec<Vec<u8>> {
    let mut seed: u64 = 0x2026_1204;
    let mut next = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as u32
    };
    (0..sheets)
        .map(|_| {
            (0..setup.cells())
                .map(|_| match next() % 100 {
                    0..=3 => 0,
                    n => [1, 1, 1, 2, 2, 3, 4][n as usize % 7],
                })
                .collect()
        })
        .collect()
}

/// The counts [grade 1…4, blank] of person `p`, item `i`, counted here.
fn counted(setup: &Setup, marks: &[Vec<u8>], p: usize, i: usize) -> [u32; 5] {
    let mut c = [0; 5];
    for sheet in marks {
        let m = sheet[p * setup.items.len() + i];
        c[if m == 0 { 4 } else { usize::from(m) - 1 }] += 1;
    }
    c
}

/// A .csv as a clerk might keep it: digits in some rows, grade names in others,
/// an empty line, CRLF, a byte order mark, a quoted unit.
fn csv(setup: &Setup, marks: &[Vec<u8>]) -> String {
    let mut out = String::from("\u{FEFF}表号,序号,单位,姓名,");
    out.push_str(&setup.items.join(","));
    out.push_str("\r\n");
    for (s, sheet) in marks.iter().enumerate() {
        for (p, person) in setup.persons.iter().enumerate() {
            let cells: Vec<String> = sheet[p * setup.items.len()..(p + 1) * setup.items.len()]
                .iter()
                .map(|m| match m {
                    0 => String::new(),
                    m if s % 2 == 0 => m.to_string(),
                    m => setup.grades[usize::from(*m) - 1].clone(),
                })
                .collect();
            out.push_str(&format!("{},{},\"{}\",{},{}\r\n", s + 1, p + 1, person.unit, person.name, cells.join(",")));
        }
        if s == 0 {
            out.push_str("\r\n");
        }
    }
    out
}

#[test]
fn counts_agree_with_an_independent_count() {
    let setup = setup(7);
    let marks = marks(&setup, 40);
    let entered = read::sheets(&read::csv(&csv(&setup, &marks)), &setup.grades).unwrap();
    assert_eq!(entered.setup, setup, "people and items from the file");
    assert!(entered.notes.is_empty(), "{:?}", entered.notes);
    let sheets: Vec<Sheet> = marks.iter().enumerate().map(|(s, m)| Sheet { number: s as u32 + 1, marks: m.clone() }).collect();
    assert_eq!(entered.sheets, sheets);
    let rows = output::rows(&setup, &sheets);
    assert_eq!(rows.len(), 7 * setup.items.len());
    for p in 0..7 {
        for i in 0..setup.items.len() {
            let row = &rows[p * setup.items.len() + i];
            let c = counted(&setup, &marks, p, i);
            let got: Vec<u32> = row[4..9].iter().map(|n| n.parse().unwrap()).collect();
            assert_eq!(got, c, "{} {}", setup.persons[p].name, setup.items[i]);
            let valid = c[..4].iter().sum::<u32>();
            assert_eq!(row[9], format!("{:.1}%", (f64::from(c[0] + c[1]) * 100.0 / f64::from(valid) * 1e6).round() / 1e6));
            assert_eq!(row[3], setup.items[i]);
            assert_eq!(row[2], if i == 0 { setup.persons[p].name.clone() } else { String::new() });
        }
    }
}

#[test]
fn the_workbook_reads_back_to_the_same_sheets() {
    let setup = setup(5);
    let sheets: Vec<Sheet> = marks(&setup, 12).into_iter().enumerate().map(|(s, m)| Sheet { number: 3 * s as u32 + 2, marks: m }).collect();
    let bytes = output::workbook(&setup, &sheets).unwrap();
    let rows = read::xlsx(&bytes).unwrap();
    assert_eq!(rows[0][..4], read::HEADER);
    let entered = read::sheets(&rows, &setup.grades).unwrap();
    assert_eq!(entered.sheets, sheets);
    assert_eq!(entered.setup, setup);
}

fn errors(text: &str) -> Vec<String> {
    read::sheets(&read::csv(text), &setup(1).grades).unwrap_err()
}

#[test]
fn bad_cells_and_twice_entered_sheets_are_named_by_row() {
    let head = "表号,序号,单位,姓名,政治,总体评价\n";
    let e = errors(&format!("{head}1,1,甲,张三,5,1\n1,2,乙,李四,好,优\n"));
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(e[0].starts_with("第2行（第1号表，张三）“政治”填的是“5”：只能是 1好 2较好 3一般 4差"), "{e:?}");
    assert!(e[1].contains("第3行") && e[1].contains("“总体评价”填的是“优”"), "{e:?}");
    let e = errors(&format!("{head}2,1,甲,张三,1,1\n2,1,甲,张三,１,２\n"));
    assert_eq!(e, ["第2号表的张三录了两次而且不一样（第2行和第3行）：请对照纸质表改正其中一行"]);
    let e = errors(&format!("{head}x,1,甲,张三,1,1\n0,1,甲,张三,1,1\n"));
    assert!(e[0].contains("第2行：表号“x”") && e[1].contains("第3行：表号“0”"), "{e:?}");
    let e = errors(&format!("{head}1000000,1,甲,张三,1,1\n4294967296,1,甲,张三,1,1\n"));
    assert!(e.len() == 2 && e.iter().all(|e| e.contains("不是1至999999的整数")), "{e:?}");
    // People are their 序号: a name mistyped on one row is named, not a new person.
    let e = errors(&format!("{head}1,1,甲,张三,1,1\n2,1,甲,张山,1,1\n"));
    assert_eq!(e, ["第3行：序号1前面是张三（甲），这一行却是张山（甲）：请核对序号或姓名"]);
    assert!(errors("单位,姓名,政治\n")[0].contains("没有找到“表号”"));
    assert_eq!(errors(""), ["文件是空的"]);
    // Alike twice: counted once, said. A person missing from a sheet: blank, said.
    let entered =
        read::sheets(&read::csv(&format!("{head}4,1,甲,张三,1,2\n4,2,乙,李四,2,2\n4,1,甲,张三,1,2\n5,1,甲,张三,3,\n")), &setup(1).grades)
            .unwrap();
    assert_eq!(entered.sheets, [Sheet { number: 4, marks: vec![1, 2, 2, 2] }, Sheet { number: 5, marks: vec![3, 0, 0, 0] }]);
    assert_eq!(entered.notes, ["第4号表这几行录了两次，内容一样，只计一次：张三（第2、4行）", "第5号表没有李四的行，按未评计"]);
    let counts = tally::count(&entered.setup, &entered.sheets);
    assert_eq!(counts[0].grades, [1, 0, 1, 0], "张三 政治: 好 on 4, 一般 on 5");
    assert_eq!(counts[3].blank, 1);
    // Two people of one name and unit, told apart by their 序号.
    let twins = read::sheets(&read::csv(&format!("{head}1,1,甲,王芳,1,1\n1,2,甲,王芳,4,4\n")), &setup(1).grades).unwrap();
    assert_eq!(twins.setup.persons.len(), 2);
    assert_eq!(twins.sheets[0].marks, [1, 1, 4, 4]);
}

#[test]
fn a_workbook_cannot_ask_for_unbounded_columns() {
    use rust_xlsxwriter::{Format, Workbook};
    // Empty styled cells out to Excel's last column (XFD) on every row take no room.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let styled = Format::new().set_bold();
    for r in 0..3 {
        sheet.write_string(r, 0, "表号").unwrap();
        sheet.write_blank(r, 16_383, &styled).unwrap();
    }
    let rows = read::xlsx(&book.save_to_buffer().unwrap()).unwrap();
    assert!(rows.iter().all(|r| r.len() == 1), "{:?}", rows.iter().map(Vec::len).collect::<Vec<_>>());
    // A value past the widest 测评表 is refused, by row and column.
    let mut book = Workbook::new();
    book.add_worksheet().write_string(1, 300, "1").unwrap();
    let e = read::xlsx(&book.save_to_buffer().unwrap()).unwrap_err();
    assert!(e.contains("第2行有第301列") && e.contains("最多256列"), "{e}");
}

#[test]
fn csv_fields_may_be_quoted() {
    let rows = read::csv("a,\"b,\"\"c\"\"\nd\",e\r\nf");
    assert_eq!(rows, [vec!["a", "b,\"c\"\nd", "e"], vec!["f"]]);
    let setup = setup(2);
    let mut odd = setup.clone();
    odd.persons[0].unit = "中共“东城”街道,党工委".into();
    let sheets = [Sheet { number: 1, marks: vec![1; setup.cells()] }];
    let text = read::to_csv(&read::rows(&odd, &sheets));
    assert_eq!(read::sheets(&read::csv(&text), &setup.grades).unwrap().setup.persons, odd.persons);
}

#[test]
fn the_cli_reads_grades_as_a_template_does() {
    for (grades, said) in [("好,好,差", "等次“好”写了两遍"), ("好", "有1个等次")] {
        let out = Command::new(env!("CARGO_BIN_EXE_wengao")).args(["tally", "x.csv", "-o", "y.docx", "--grades", grades]).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains(said), "{}", String::from_utf8_lossy(&out.stderr));
    }
}

/// 500 sheets of 60 people through `wengao tally`: the summary .docx and .xlsx
/// hold the independent counts; a broken file writes nothing.
#[test]
fn the_cli_tallies_500_sheets_of_60_people() {
    let setup = setup(60);
    let marks = marks(&setup, 500);
    let dir = std::env::temp_dir().join(format!("wengao-tally-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("录入.csv");
    std::fs::write(&input, csv(&setup, &marks)).unwrap();
    let (docx, xlsx) = (dir.join("汇总.docx"), dir.join("汇总.xlsx"));
    let out =
        Command::new(env!("CARGO_BIN_EXE_wengao")).arg("tally").arg(&input).arg("-o").arg(&docx).arg("--xlsx").arg(&xlsx).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("共录入测评表500张"), "{stdout}");
    // The workbook's 汇总: a row per person and item, the counts as numbers.
    let rows = read::xlsx(&std::fs::read(&xlsx).unwrap()).unwrap();
    let summary = rows_of_sheet(&std::fs::read(&xlsx).unwrap(), "汇总");
    assert_eq!(summary.len(), 1 + 60 * setup.items.len());
    for (r, row) in summary.iter().skip(1).enumerate() {
        let (p, i) = (r / setup.items.len(), r % setup.items.len());
        let got: Vec<u32> = row[4..9].iter().map(|n| n.parse().unwrap()).collect();
        assert_eq!(got, counted(&setup, &marks, p, i), "row {r}");
    }
    // Its 录入 is the sheets again.
    assert_eq!(read::sheets(&rows, &setup.grades).unwrap().sheets.len(), 500);
    // The .docx: landscape, the table's header repeated, every person there.
    let package = Package::open(&std::fs::read(&docx).unwrap());
    let document = package.xml("word/document.xml");
    let text = document.texts();
    assert!(setup.persons.iter().all(|p| text.contains(&p.name)));
    let size = document.find_all("w:pgSz");
    assert!(size.iter().all(|s| s.attr("w:orient") == Some("landscape")));
    assert_eq!(document.find_all("w:tblHeader").len(), 1);
    // A wrong cell: named, nothing written.
    let broken = dir.join("错.csv");
    std::fs::write(&broken, csv(&setup, &marks).replacen(",1,1,", ",1,7,", 1)).unwrap();
    let (docx2, xlsx2) = (dir.join("不该有.docx"), dir.join("不该有.xlsx"));
    let out = Command::new(env!("CARGO_BIN_EXE_wengao"))
        .arg("tally")
        .arg(&broken)
        .arg("-o")
        .arg(&docx2)
        .arg("--xlsx")
        .arg(&xlsx2)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("填的是“7”") && stderr.contains("1处要改正"), "{stderr}");
    assert!(!docx2.exists() && !xlsx2.exists());
    std::fs::remove_dir_all(&dir).ok();
}

/// The rows of a named sheet of a workbook, read with the test's own unzipper.
fn rows_of_sheet(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
    let package = Package::open(bytes);
    let workbook = package.xml("xl/workbook.xml");
    let index = workbook.find_all("sheet").iter().position(|s| s.attr("name") == Some(name)).unwrap();
    let strings: Vec<String> = package
        .xml("xl/sharedStrings.xml")
        .find_all("si")
        .iter()
        .map(|s| s.find_all("t").iter().map(|t| t.text.as_str()).collect())
        .collect();
    let sheet = package.xml(&format!("xl/worksheets/sheet{}.xml", index + 1));
    sheet
        .find_all("row")
        .iter()
        .map(|row| {
            let mut cells = vec![String::new(); 10];
            for c in row.find_all("c") {
                let column = usize::from(c.attr("r").unwrap().as_bytes()[0] - b'A');
                let v = c.child("v").map(|v| v.text.clone()).unwrap_or_default();
                cells[column] = if c.attr("t") == Some("s") { strings[v.parse::<usize>().unwrap()].clone() } else { v };
            }
            cells
        })
        .collect()
}

/// #38 item 4: a person whose 序号 is blank on one sheet and filled on the
/// next is one person (before: two, 100 % and 0 %); a mark under a column
/// without a header is said, not dropped.
#[test]
fn a_person_is_one_whether_or_not_a_row_gives_the_number() {
    let head = "表号,序号,单位,姓名,政治,总体评价\n";
    for rows in ["1,,甲,张三,1,1\n2,1,甲,张三,4,4\n", "1,1,甲,张三,1,1\n2,,甲,张三,4,4\n"] {
        let entered = read::sheets(&read::csv(&format!("{head}{rows}")), &setup(1).grades).unwrap();
        assert_eq!(entered.setup.persons.len(), 1, "{rows}");
        let counts = tally::count(&entered.setup, &entered.sheets);
        assert_eq!(counts[1].grades, [1, 0, 0, 1], "{rows}");
        assert_eq!(counts[1].percent(), "50.0%", "{rows}");
    }
    let e = errors(&format!("{head}1,1,甲,张三,1,1,2\n"));
    assert_eq!(e, ["第2行第7列填了“2”，这一列没有表头：请在表头写上它是哪项测评指标，或者删掉这一列"]);
    let wide = format!("表号,序号,单位,姓名,{}\n1,1,甲,张三,1\n", (0..300).map(|i| format!("项{i}")).collect::<Vec<_>>().join(","));
    assert_eq!(errors(&wide), ["第1行的表头有300列，测评表没有这么多项（最多256列）：请检查是不是选错了文件"]);
    let e = errors("表号,序号,单位,姓名,政治,,总体评价\n1,1,甲,张三,1,3,1\n");
    assert_eq!(e, ["第2行第6列填了“3”，这一列没有表头：请在表头写上它是哪项测评指标，或者删掉这一列"]);
}

/// #38 item 3: a file in which every row is its own 表号 and person (547 KB,
/// which took all memory before) is refused with its reason after 500 people;
/// a note of absent people lists ten names and a count.
#[test]
fn a_hostile_file_is_refused_within_bounded_memory() {
    let mut text = String::from("表号,序号,单位,姓名,政治,总体评价\n");
    for i in 1..=20_000 {
        text.push_str(&format!("{i},{i},第{i}单位,某{i},1,2\n"));
    }
    assert!(text.len() > 500_000);
    let e = errors(&text);
    assert_eq!(
        e.last().unwrap(),
        "第502行：已经有500位述职人了，一次述职会没有这么多人：这个文件不像是录入明细（每行一个人？），没有读下去"
    );
    // 40 people on sheet 1, one of them on sheet 2: the note names ten and counts 39.
    let mut text = String::from("表号,序号,单位,姓名,政治,总体评价\n");
    for i in 1..=40 {
        text.push_str(&format!("1,{i},第{i}单位,某{i},1,2\n"));
    }
    text.push_str("2,1,第1单位,某1,1,1\n");
    let entered = read::sheets(&read::csv(&text), &setup(1).grades).unwrap();
    assert_eq!(entered.notes, ["第2号表没有某2、某3、某4、某5、某6、某7、某8、某9、某10、某11等39人的行，按未评计"]);
}

/// The CLI prints each person's 总体评价 by the column's name, wherever it stands.
#[test]
fn the_cli_prints_the_overall_column_by_its_name() {
    let dir = std::env::temp_dir().join(format!("wengao-tally-overall-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("录入.csv");
    std::fs::write(&input, "表号,序号,单位,姓名,总体评价,政治\n1,1,甲,张三,好,差\n2,1,甲,张三,好,差\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_wengao")).arg("tally").arg(&input).arg("-o").arg(dir.join("汇总.docx")).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("1 甲 张三：好2 较好0 一般0 差0 未评0，好和较好占比100.0%"), "{stdout}");
    std::fs::remove_dir_all(&dir).ok();
}
