//! 测评结果汇总: the 述职测评表 the members of the meeting filled in, entered
//! sheet by sheet (a digit per cell: the grade's place in 测评等次), and what
//! they add up to — per person and per item the sheets that chose each grade,
//! those left blank, and the share of the top two grades (好和较好). The rules
//! of entering (which keys are marks, which 表号 is taken) are here so that the
//! desk's grid, the CLI's reading of a file of entered sheets and the tests
//! agree. [`read`] reads such a file (.csv or .xlsx); [`output`] writes the
//! summary as a .docx table and as a workbook.

pub mod output;
pub mod read;

use serde::{Deserialize, Serialize};

use crate::ballot::{self, Person};
use crate::spec::FormSpec;

/// The last column of the 测评表, after the template's 测评指标.
pub const OVERALL: &str = "总体评价";

/// What a sheet asks: its grades, its items (the 测评指标 and 总体评价) and the
/// people, in the 述职 order — as the 测评表 printed them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Setup {
    pub grades: Vec<String>,
    pub items: Vec<String>,
    pub persons: Vec<Person>,
}

impl Setup {
    /// The sheet of `spec` (its 测评指标 and 测评等次) for `persons`.
    pub fn of(spec: &FormSpec, persons: Vec<Person>) -> Setup {
        let mut items: Vec<String> = spec.scoring.iter().map(|s| s.name.clone()).collect();
        items.push(OVERALL.to_string());
        Setup { grades: ballot::grades(spec), items, persons }
    }

    /// The 总体评价 item's place, where the sheet has one.
    pub fn overall(&self) -> Option<usize> {
        self.items.iter().position(|i| i == OVERALL)
    }

    /// Cells on one sheet: a row per person, a column per item.
    pub fn cells(&self) -> usize {
        self.persons.len() * self.items.len()
    }

    /// “1好 2较好 3一般 4差”: what each digit stands for.
    pub fn legend(&self) -> String {
        self.grades.iter().enumerate().map(|(i, g)| format!("{}{g}", i + 1)).collect::<Vec<_>>().join(" ")
    }

    /// The mark a typed character stands for: a digit from 1 to the number of
    /// grades (full-width digits too: a Chinese input method in full-width mode
    /// types １), or why it is none.
    pub fn mark_of(&self, typed: char) -> Result<u8, String> {
        let digit = match typed {
            '0'..='9' => typed as u32 - '0' as u32,
            '０'..='９' => typed as u32 - '０' as u32,
            _ => return Err(format!("只能填数字：{}；空着的格子按未评计", self.legend())),
        };
        if (1..=self.grades.len() as u32).contains(&digit) {
            Ok(digit as u8)
        } else {
            Err(format!("测评等次只有1至{}：{}", self.grades.len(), self.legend()))
        }
    }

    /// The names of the top grades whose share is reported: “好和较好”.
    pub fn top_names(&self) -> String {
        self.grades.iter().take(top(self.grades.len())).cloned().collect::<Vec<_>>().join("和")
    }
}

/// How many of the best grades make the share reported: the top two (好 and
/// 较好), but never every grade — of two grades (好、差) only the first, or the
/// share would be 100% whatever was marked.
pub fn top(grades: usize) -> usize {
    2.min(grades.saturating_sub(1)).max(1)
}

/// The highest 表号: six digits, as many as a meeting could print, and far
/// from where “one past the highest” would overflow.
pub const MAX_NUMBER: u32 = 999_999;

/// One returned sheet as entered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    /// The 表号 written on the paper, to notice a sheet entered twice.
    pub number: u32,
    /// A mark per cell, person by person and item by item: the grade's place
    /// (1 = the best), 0 when the cell was left blank.
    pub marks: Vec<u8>,
}

impl Sheet {
    /// An empty sheet of `setup`.
    pub fn blank(setup: &Setup, number: u32) -> Sheet {
        Sheet { number, marks: vec![0; setup.cells()] }
    }

    /// Cells left blank.
    pub fn blanks(&self) -> usize {
        self.marks.iter().filter(|m| **m == 0).count()
    }
}

/// The 表号 to offer for the next sheet: one past the highest entered (past
/// [`MAX_NUMBER`] only when it was reached, and [`taken`] then says so).
pub fn next_number(sheets: &[Sheet]) -> u32 {
    sheets.iter().map(|s| s.number).max().unwrap_or(0).saturating_add(1)
}

/// Why `number` cannot be given to a new sheet, when another has it.
pub fn taken(sheets: &[Sheet], number: u32) -> Option<String> {
    if number == 0 {
        return Some("表号从1开始".into());
    }
    if number > MAX_NUMBER {
        return Some(format!("表号最大是{MAX_NUMBER}"));
    }
    sheets
        .iter()
        .any(|s| s.number == number)
        .then(|| format!("第{number}号表已经录过了：同一张表不能录两次。请核对纸质表上的表号；要改那张表，在“已录的表”里打开它"))
}

/// How one cell's sheets add up: per grade, and those left blank.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Count {
    pub grades: Vec<u32>,
    pub blank: u32,
}

impl Count {
    /// Sheets that chose a grade.
    pub fn valid(&self) -> u32 {
        self.grades.iter().sum()
    }

    /// The share of the top grades among those that chose one; None when none did.
    pub fn top_share(&self) -> Option<f64> {
        let valid = self.valid();
        (valid > 0).then(|| f64::from(self.top()) / f64::from(valid))
    }

    /// Sheets that chose one of the [`top`] grades.
    fn top(&self) -> u32 {
        self.grades.iter().take(top(self.grades.len())).sum()
    }

    /// The top grades' share as the summary prints it: “93.3%” (rounded half
    /// up, in integers: the desk's page then carries no float formatting), or
    /// “—” when no sheet chose a grade.
    pub fn percent(&self) -> String {
        let (top, valid) = (self.top(), self.valid());
        if valid == 0 {
            return "—".into();
        }
        let tenths = (u64::from(top) * 2000 + u64::from(valid)) / (2 * u64::from(valid));
        format!("{}.{}%", tenths / 10, tenths % 10)
    }
}

/// The counts of every cell (person by person, item by item) over `sheets`.
/// A mark out of range (not possible from the grid or [`read`]) counts as blank.
pub fn count(setup: &Setup, sheets: &[Sheet]) -> Vec<Count> {
    let mut counts = vec![Count { grades: vec![0; setup.grades.len()], blank: 0 }; setup.cells()];
    for sheet in sheets {
        for (cell, count) in counts.iter_mut().enumerate() {
            match sheet.marks.get(cell).map(|m| usize::from(*m)) {
                Some(m) if (1..=setup.grades.len()).contains(&m) => count.grades[m - 1] += 1,
                _ => count.blank += 1,
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> Setup {
        Setup {
            grades: ["好", "较好", "一般", "差"].map(String::from).to_vec(),
            items: vec!["政治建设".into(), OVERALL.into()],
            persons: vec![Person { unit: "甲".into(), name: "张".into() }, Person { unit: "乙".into(), name: "李".into() }],
        }
    }

    #[test]
    fn keys_are_digits_within_the_grades() {
        let s = setup();
        assert_eq!(s.mark_of('1'), Ok(1));
        assert_eq!(s.mark_of('４'), Ok(4));
        assert!(s.mark_of('5').unwrap_err().contains("只有1至4"));
        assert!(s.mark_of('0').is_err());
        assert!(s.mark_of('好').unwrap_err().contains("1好 2较好 3一般 4差"));
    }

    #[test]
    fn counts_per_cell_with_blanks_and_the_top_share() {
        let s = setup();
        let sheets = [Sheet { number: 1, marks: vec![1, 2, 0, 4] }, Sheet { number: 2, marks: vec![1, 3, 0, 4] }];
        let c = count(&s, &sheets);
        assert_eq!(c[0], Count { grades: vec![2, 0, 0, 0], blank: 0 });
        assert_eq!(c[1].top_share(), Some(0.5));
        assert_eq!(c[2], Count { grades: vec![0; 4], blank: 2 });
        assert_eq!(c[2].percent(), "—");
        assert_eq!(c[1].percent(), "50.0%");
        let share = |top: u32, rest: u32| Count { grades: vec![top, 0, rest, 0], blank: 0 }.percent();
        assert_eq!(share(14, 1), "93.3%");
        assert_eq!(share(2, 1), "66.7%");
        assert_eq!(share(1, 7), "12.5%", "half up");
        assert_eq!(share(3, 0), "100.0%");
        let two = Count { grades: vec![3, 1], blank: 0 };
        assert_eq!(two.percent(), "75.0%", "of 好、差 only 好 is the top");
        assert_eq!((top(2), top(3), top(4), top(6)), (1, 2, 2, 2));
    }

    #[test]
    fn a_number_is_given_once() {
        let sheets = [Sheet { number: 3, marks: vec![] }];
        assert!(taken(&sheets, 3).unwrap().contains("第3号表已经录过了"));
        assert_eq!(taken(&sheets, 4), None);
        assert!(taken(&sheets, 0).is_some());
        assert!(taken(&sheets, MAX_NUMBER + 1).unwrap().contains("最大"));
        assert_eq!(taken(&sheets, MAX_NUMBER), None);
        assert_eq!(next_number(&sheets), 4);
        assert_eq!(next_number(&[Sheet { number: u32::MAX, marks: vec![] }]), u32::MAX, "no overflow");
        assert_eq!(next_number(&[]), 1);
    }
}
