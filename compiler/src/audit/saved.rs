//! The page count a file's producer saved with it (`docProps/app.xml`): Word,
//! WPS and LibreOffice write their own count of pages, words and characters at
//! every save. It is the file's 页数 as the drafter saw it, when it is of this
//! text: a program that filled a Word template (python-docx, docxtpl) keeps
//! the template's figures, sometimes a third of the real ones. So the count is
//! trusted only when the characters saved with it agree with the file's own.

use serde::{Deserialize, Serialize};

use crate::count::Counts;
use crate::import::zip::Archive;

/// What the producer saved: its name and counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// `WPS Office_11.1.0…`, `Microsoft Office Word`, `LibreOffice/7.4…` (empty when none is named).
    pub producer: String,
    pub pages: u32,
    pub words: Option<usize>,
    pub characters: Option<usize>,
    pub characters_with_spaces: Option<usize>,
}

/// The saved page count as a row keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedPages {
    pub pages: u32,
    /// Who saved it, shortly: `WPS`, `Word`, `LibreOffice`, or the name as written.
    pub producer: String,
    /// Whether the counts saved with it are of this file's text.
    pub fresh: bool,
}

impl SavedPages {
    /// For a table's cell: `8`, or `不可信（记着8页）`.
    pub fn short(&self) -> String {
        if self.fresh {
            self.pages.to_string()
        } else {
            format!("不可信（记着{}页）", self.pages)
        }
    }

    /// `8页（WPS保存时记下的）`, or why it is not believed.
    pub fn describe(&self) -> String {
        let by = if self.producer.is_empty() { "保存文件的程序".to_string() } else { self.producer.clone() };
        if self.fresh {
            format!("{}页（{by}保存时记下的）", self.pages)
        } else {
            format!("文件里记着{}页，但和这份文件的字数对不上（可能是套用模板生成、没有在 Word 或 WPS 里保存过），不可信", self.pages)
        }
    }
}

/// Reads `docProps/app.xml`: None when there is none, or it gives no pages.
pub fn read(archive: &Archive) -> Option<Saved> {
    let props = archive.read_xml("docProps/app.xml").ok().flatten()?;
    let number = |name: &str| props.child(name).and_then(|e| e.text().trim().parse::<usize>().ok());
    let pages = number("Pages").and_then(|p| u32::try_from(p).ok()).filter(|p| *p > 0)?;
    Some(Saved {
        producer: props.child("Application").map(|e| e.text().trim().to_string()).unwrap_or_default(),
        pages,
        words: number("Words"),
        characters: number("Characters"),
        characters_with_spaces: number("CharactersWithSpaces"),
    })
}

impl Saved {
    /// Whether a count saved agrees with the file's own, within what the
    /// producers' rules differ by (Word counts text boxes and notes as the
    /// desk does; WPS and LibreOffice differ by a few characters): 2 %, and at
    /// least 10 characters.
    pub fn fresh(&self, file: &Counts) -> bool {
        let near = |saved: Option<usize>, actual: usize| saved.is_some_and(|s| s.abs_diff(actual) <= (actual / 50).max(10));
        near(self.words, file.words)
            || near(self.characters, file.chars_no_spaces)
            || near(self.characters, file.chars_with_spaces)
            || near(self.characters_with_spaces, file.chars_with_spaces)
    }

    /// As a row keeps it, checked against the file's counts.
    pub fn against(&self, file: &Counts) -> SavedPages {
        SavedPages { pages: self.pages, producer: producer_name(&self.producer), fresh: self.fresh(file) }
    }
}

/// The producer's name as the desk says it.
fn producer_name(application: &str) -> String {
    let known = [("WPS", "WPS"), ("Microsoft", "Word"), ("LibreOffice", "LibreOffice"), ("OpenOffice", "OpenOffice")];
    known
        .iter()
        .find(|(mark, _)| application.contains(mark))
        .map_or_else(|| application.chars().take(20).collect(), |(_, name)| (*name).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(words: Option<usize>, characters: Option<usize>) -> Saved {
        Saved { producer: "WPS Office_11.1.0.11664".into(), pages: 7, words, characters, characters_with_spaces: None }
    }

    #[test]
    fn fresh_only_when_a_saved_count_is_the_files() {
        let file = Counts { words: 3000, chars_no_spaces: 3100, chars_with_spaces: 3150 };
        assert!(saved(Some(3020), None).fresh(&file));
        assert!(saved(None, Some(3105)).fresh(&file));
        assert!(!saved(Some(1020), Some(1100)).fresh(&file), "a template's figures");
        assert!(!saved(None, None).fresh(&file), "nothing to check it by");
        let short = Counts { words: 40, chars_no_spaces: 45, chars_with_spaces: 50 };
        assert!(saved(Some(48), None).fresh(&short), "a few characters either way");
    }

    #[test]
    fn producers_by_their_names() {
        assert_eq!(producer_name("WPS Office_11.1.0.11664_F1E327BC"), "WPS");
        assert_eq!(producer_name("Microsoft Office Word"), "Word");
        assert_eq!(producer_name("LibreOffice/7.4.7.2$Linux_X86_64"), "LibreOffice");
    }
}
