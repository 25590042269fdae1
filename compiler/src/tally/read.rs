//! A file of entered sheets (录入明细): what the desk's workbook carries on its
//! sheet 录入, and what an office may keep in Excel or as .csv — a header row
//! 表号, 序号, 单位, 姓名, then a column per item (测评指标…, 总体评价); a row
//! per person per sheet; each item's cell the grade's digit or its name, empty
//! when the member left it blank. Read strictly: a value that is not a grade,
//! or one person of one sheet entered twice with different marks, is an error
//! naming its row, and nothing is counted until it is corrected.

use std::collections::HashMap;

use super::{Setup, Sheet, MAX_NUMBER};
use crate::ballot::Person;
use crate::import::zip::Archive;
use crate::xml::Element;

/// Excel's last row: a row number past it is not believed.
const EXCEL_ROWS: usize = 1 << 20;

/// The widest file read: 4 columns and an item per column, far more items than
/// a 测评表 has, and a bound on the memory a crafted workbook can ask for (a
/// cell at column XFD of every row would otherwise make 16,384 cells a row).
const MAX_COLUMNS: usize = 256;

/// The columns before the items, as the desk writes them.
pub const HEADER: [&str; 4] = ["表号", "序号", "单位", "姓名"];

/// The most people one file may name: a meeting hears tens of 述职, never
/// this many; a file past it is no 录入明细 (each row its own person).
pub const MAX_PERSONS: usize = 500;

/// The most sheets one file may hold: more members than any meeting has.
pub const MAX_SHEETS: usize = 20_000;

/// The most marks all sheets together may hold (a byte each): what reading a
/// file may ask of memory, 20 MB, whatever it holds.
pub const MAX_MARKS: usize = 20 << 20;

/// How many names a note lists before “等N人”.
const NAMES_SHOWN: usize = 10;

/// The sheets of a file, with what was noticed but counted anyway.
#[derive(Debug, Clone, PartialEq)]
pub struct Entered {
    pub setup: Setup,
    pub sheets: Vec<Sheet>,
    /// Sheets entered twice alike (counted once), people missing from a sheet
    /// (counted as blank).
    pub notes: Vec<String>,
}

/// The rows of a .csv (RFC 4180: quoted fields may hold commas, quotes and
/// line breaks; a UTF-8 byte order mark, as Excel writes one, is dropped).
pub fn csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n' | '\r') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// The rows of a workbook's sheet named 录入, or of its first sheet.
pub fn xlsx(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    let not_a_workbook = || "不是 Excel 工作簿（.xlsx）".to_string();
    let zip = Archive::open(bytes).map_err(|_| not_a_workbook())?;
    let part = |name: &str| {
        zip.read_xml(name).map_err(|e| match e {
            crate::import::ImportError::BrokenXml(part) => format!("{part} 不是完好的 XML"),
            e => e.to_string(),
        })
    };
    let workbook = part("xl/workbook.xml")?.ok_or_else(not_a_workbook)?;
    let sheets: Vec<(String, String)> = workbook
        .child("sheets")
        .map(|s| s.elements().map(|e| (e.attr("name").unwrap_or_default(), e.attr("id").unwrap_or_default())).collect())
        .unwrap_or_default();
    let (_, id) = sheets.iter().find(|(name, _)| name == "录入").or(sheets.first()).ok_or("工作簿里没有工作表")?;
    let rels = part("xl/_rels/workbook.xml.rels")?.ok_or_else(not_a_workbook)?;
    let target = rels.elements().find(|r| r.attr("Id").as_deref() == Some(id)).and_then(|r| r.attr("Target")).ok_or_else(not_a_workbook)?;
    let path = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("xl/{target}"),
    };
    let strings: Vec<String> = part("xl/sharedStrings.xml")?.map(|s| s.elements().map(shared_string).collect()).unwrap_or_default();
    let sheet = part(&path)?.ok_or_else(not_a_workbook)?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    for row in sheet.child("sheetData").iter().flat_map(|d| d.elements()) {
        let at = row.attr("r").and_then(|r| r.parse::<usize>().ok()).filter(|r| (1..=EXCEL_ROWS).contains(r)).unwrap_or(rows.len() + 1);
        rows.resize(at.max(rows.len()), Vec::new());
        let cells = &mut rows[at - 1];
        // A cell without a reference is the one after the previous.
        let mut next = 0;
        for c in row.elements().filter(|c| c.local() == "c") {
            let column = c.attr("r").map(|r| column_of(&r)).unwrap_or(next);
            next = column + 1;
            let value = c.child("v").map(Element::text).unwrap_or_default();
            let text = match c.attr("t").as_deref() {
                Some("s") => value.trim().parse::<usize>().ok().and_then(|i| strings.get(i).cloned()).unwrap_or_default(),
                Some("inlineStr") => c.child("is").map(shared_string).unwrap_or_default(),
                Some(_) => value,
                None => whole_number(&value),
            };
            // Empty cells (formatting only) take no room.
            if text.is_empty() {
                continue;
            }
            if column >= MAX_COLUMNS {
                return Err(format!("第{at}行有第{}列：录入明细最多{MAX_COLUMNS}列（表号、序号、单位、姓名和各项测评指标）", column + 1));
            }
            if cells.len() <= column {
                cells.resize(column + 1, String::new());
            }
            cells[column] = text;
        }
    }
    Ok(rows)
}

/// A shared string's text: its runs' `t`, not the phonetic guides (`rPh`).
fn shared_string(si: &Element) -> String {
    si.elements()
        .map(|e| match e.local() {
            "t" => e.text(),
            "r" => e.child("t").map(Element::text).unwrap_or_default(),
            _ => String::new(),
        })
        .collect()
}

/// “C12” → 2; at most Excel's last column, XFD.
fn column_of(reference: &str) -> usize {
    let letters = reference.chars().take_while(char::is_ascii_alphabetic).take(3);
    letters.fold(0, |n, c| n * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1)).saturating_sub(1)
}

/// A number cell as a clerk reads it: 3 rather than 3.0.
fn whole_number(value: &str) -> String {
    match value.parse::<f64>() {
        Ok(n) if n.fract() == 0.0 && n.abs() < 1e9 => format!("{}", n as i64),
        _ => value.to_string(),
    }
}

/// The sheets in `rows` (a header row, then a row per person per sheet), with
/// `grades` the 测评等次; or every row that cannot be counted, said.
pub fn sheets(rows: &[Vec<String>], grades: &[String]) -> Result<Entered, Vec<String>> {
    // Trimmed, full-width digits (an input method in full-width mode types １) as ASCII.
    let cell = |row: &Vec<String>, c: Option<usize>| {
        let text = c.and_then(|c| row.get(c)).map(|s| s.trim()).unwrap_or_default();
        text.chars()
            .map(|ch| if ('０'..='９').contains(&ch) { char::from(b'0' + (ch as u32 - '０' as u32) as u8) } else { ch })
            .collect::<String>()
    };
    let Some(header_at) = rows.iter().position(|r| r.iter().any(|c| !c.trim().is_empty())) else {
        return Err(vec!["文件是空的".into()]);
    };
    let header: Vec<String> = rows[header_at].iter().map(|h| h.trim().to_string()).collect();
    let column = |name: &str| header.iter().position(|h| h == name);
    let (number_at, seq_at, unit_at, name_at) = (column("表号"), column("序号"), column("单位"), column("姓名"));
    let missing: Vec<&str> =
        [("表号", number_at), ("单位", unit_at), ("姓名", name_at)].iter().filter(|(_, c)| c.is_none()).map(|(n, _)| *n).collect();
    let items: Vec<(usize, String)> =
        header.iter().enumerate().filter(|(_, h)| !h.is_empty() && !HEADER.contains(&h.as_str())).map(|(i, h)| (i, h.clone())).collect();
    if items.len() > MAX_COLUMNS {
        return Err(vec![format!(
            "第{}行的表头有{}列，测评表没有这么多项（最多{MAX_COLUMNS}列）：请检查是不是选错了文件",
            header_at + 1,
            items.len()
        )]);
    }
    // Columns without a header: a mark under one would be dropped unseen.
    let unnamed = |c: usize| header.get(c).is_none_or(|h| h.is_empty());
    if !missing.is_empty() || items.is_empty() {
        return Err(vec![format!(
            "第{}行应是表头：{}，后面每项测评指标一列、最后是总体评价{}",
            header_at + 1,
            HEADER.join("、"),
            if missing.is_empty() { String::new() } else { format!("（没有找到“{}”）", missing.join("”“")) }
        )]);
    }
    let setup_grades = grades.to_vec();
    let legend = grades.iter().enumerate().map(|(i, g)| format!("{}{g}", i + 1)).collect::<Vec<_>>().join(" ");
    let mut errors = Vec::new();
    let mut persons: Vec<Person> = Vec::new();
    // A person is the one of their 序号 where the file has one (two people of
    // one name and unit stay two; a name mistyped on one row is caught), else
    // the one of their 单位 and 姓名.
    let mut by_seq: HashMap<usize, usize> = HashMap::new();
    // Each person's 序号 where a row gave one: a person first entered without
    // one takes the 序号 a later row of the same 单位 and 姓名 gives.
    let mut seq_of: Vec<Option<usize>> = Vec::new();
    // Per 表号, in the order they come: (person, marks, row) as entered.
    let mut order: Vec<u32> = Vec::new();
    let mut entered: HashMap<u32, Vec<(usize, Vec<u8>, usize)>> = HashMap::new();
    for (i, row) in rows.iter().enumerate().skip(header_at + 1) {
        let line = i + 1;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if let Some((c, value)) = row.iter().enumerate().find(|(c, v)| unnamed(*c) && !v.trim().is_empty()) {
            errors.push(format!(
                "第{line}行第{}列填了“{}”，这一列没有表头：请在表头写上它是哪项测评指标，或者删掉这一列",
                c + 1,
                value.trim()
            ));
            continue;
        }
        let raw_number = cell(row, number_at);
        let number = match whole_number(&raw_number).parse::<u32>() {
            Ok(n) if (1..=MAX_NUMBER).contains(&n) => n,
            _ => {
                errors.push(format!("第{line}行：表号“{raw_number}”不是1至{MAX_NUMBER}的整数"));
                continue;
            }
        };
        let person = Person { unit: cell(row, unit_at), name: cell(row, name_at) };
        if person.unit.is_empty() && person.name.is_empty() {
            errors.push(format!("第{line}行：没有单位和姓名"));
            continue;
        }
        let seq = whole_number(&cell(row, seq_at)).parse::<usize>().ok().filter(|n| *n > 0);
        let known = match seq {
            Some(n) => by_seq.get(&n).copied().or_else(|| (0..persons.len()).find(|&at| seq_of[at].is_none() && persons[at] == person)),
            None => persons.iter().position(|p| *p == person),
        };
        let who = match known {
            Some(at) if persons[at] == person => {
                if let (Some(n), None) = (seq, seq_of[at]) {
                    seq_of[at] = Some(n);
                    by_seq.insert(n, at);
                }
                at
            }
            Some(at) => {
                let (before, here) = (&persons[at], &person);
                errors.push(format!(
                    "第{line}行：序号{}前面是{}（{}），这一行却是{}（{}）：请核对序号或姓名",
                    seq.unwrap_or_default(),
                    before.name,
                    before.unit,
                    here.name,
                    here.unit
                ));
                continue;
            }
            None if persons.len() == MAX_PERSONS => {
                errors.push(format!(
                    "第{line}行：已经有{MAX_PERSONS}位述职人了，一次述职会没有这么多人：这个文件不像是录入明细（每行一个人？），没有读下去"
                ));
                break;
            }
            None => {
                persons.push(person.clone());
                seq_of.push(seq);
                if let Some(n) = seq {
                    by_seq.insert(n, persons.len() - 1);
                }
                persons.len() - 1
            }
        };
        let mut marks = Vec::with_capacity(items.len());
        for (c, item) in &items {
            let value = cell(row, Some(*c));
            let mark = if value.is_empty() {
                Some(0)
            } else if let Some(at) = grades.iter().position(|g| *g == value) {
                Some(at as u8 + 1)
            } else {
                let digit = whole_number(&value).parse::<usize>().ok().filter(|d| (1..=grades.len()).contains(d));
                digit.map(|d| d as u8)
            };
            match mark {
                Some(m) => marks.push(m),
                None => {
                    errors.push(format!(
                        "第{line}行（第{number}号表，{}）“{item}”填的是“{value}”：只能是 {legend}，或空着（未评）",
                        person.name
                    ));
                    marks.push(0);
                }
            }
        }
        if !entered.contains_key(&number) {
            if order.len() == MAX_SHEETS {
                errors.push(format!("第{line}行：已经有{MAX_SHEETS}张表了，没有读下去：请检查表号一列"));
                break;
            }
            order.push(number);
        }
        entered.entry(number).or_default().push((who, marks, line));
    }
    if persons.len() * items.len() * order.len() > MAX_MARKS {
        errors.push(format!(
            "{}位述职人、{}项、{}张表，汇总要{}个格子，太多了：这个文件不像是录入明细，请检查表头和表号",
            persons.len(),
            items.len(),
            order.len(),
            persons.len() * items.len() * order.len()
        ));
        return Err(errors);
    }
    let setup = Setup { grades: setup_grades, items: items.into_iter().map(|(_, h)| h).collect(), persons };
    let width = setup.items.len();
    let mut notes = Vec::new();
    let mut sheets = Vec::new();
    for number in order {
        let mut sheet = Sheet::blank(&setup, number);
        let mut at_line: Vec<Option<usize>> = vec![None; setup.persons.len()];
        let mut twice = Vec::new();
        for (who, marks, line) in &entered[&number] {
            let name = &setup.persons[*who].name;
            let place = &mut sheet.marks[who * width..(who + 1) * width];
            match at_line[*who] {
                None => {
                    place.copy_from_slice(marks);
                    at_line[*who] = Some(*line);
                }
                Some(first) if place == marks.as_slice() => twice.push(format!("{name}（第{first}、{line}行）")),
                Some(first) => {
                    errors.push(format!("第{number}号表的{name}录了两次而且不一样（第{first}行和第{line}行）：请对照纸质表改正其中一行"))
                }
            }
        }
        if !twice.is_empty() {
            notes.push(format!("第{number}号表这几行录了两次，内容一样，只计一次：{}", twice.join("、")));
        }
        let absent: Vec<&str> = at_line.iter().zip(&setup.persons).filter(|(l, _)| l.is_none()).map(|(_, p)| p.name.as_str()).collect();
        if !absent.is_empty() {
            let shown = absent[..absent.len().min(NAMES_SHOWN)].join("、");
            let more = if absent.len() > NAMES_SHOWN { format!("等{}人", absent.len()) } else { String::new() };
            notes.push(format!("第{number}号表没有{shown}{more}的行，按未评计"));
        }
        sheets.push(sheet);
    }
    if errors.is_empty() {
        Ok(Entered { setup, sheets, notes })
    } else {
        Err(errors)
    }
}

/// The rows of the sheets as [`sheets`] reads them: the header, then a row per
/// person per sheet, each mark as its grade's name.
pub fn rows(setup: &Setup, sheets: &[Sheet]) -> Vec<Vec<String>> {
    let mut out = vec![HEADER.iter().map(|h| h.to_string()).chain(setup.items.iter().cloned()).collect::<Vec<_>>()];
    for sheet in sheets {
        for (n, person) in setup.persons.iter().enumerate() {
            let mut row = vec![sheet.number.to_string(), (n + 1).to_string(), person.unit.clone(), person.name.clone()];
            let marks = sheet.marks.iter().skip(n * setup.items.len()).take(setup.items.len());
            row.extend(marks.map(|m| setup.grades.get(usize::from(*m).wrapping_sub(1)).cloned().unwrap_or_default()));
            out.push(row);
        }
    }
    out
}

/// `rows` as .csv text (quoted where a field needs it), with the byte order
/// mark Excel needs to read UTF-8.
pub fn to_csv(rows: &[Vec<String>]) -> String {
    let field = |f: &String| {
        if f.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", f.replace('"', "\"\""))
        } else {
            f.clone()
        }
    };
    let mut out = String::from('\u{FEFF}');
    for row in rows {
        out.push_str(&row.iter().map(field).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}
