// Each test crate uses part of this module.
#![allow(dead_code)]

//! What the tests share: the repository root, and LibreOffice laying .docx files
//! out into PDF pages whose words are read back with `pdftotext -bbox`.

pub mod package;
pub mod prose;
pub mod received;
pub mod wordml;

use std::path::{Path, PathBuf};
use std::process::Command;

/// Cases per property test: `WENGAO_FUZZ_CASES` (scripts/fuzz), else `default`.
pub fn cases(default: u32) -> u32 {
    std::env::var("WENGAO_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// Every built-in template, compiled.
pub fn builtin_specs() -> Vec<wengao::spec::FormSpec> {
    wengao::builtin::TEMPLATES.iter().map(|t| wengao::compile(&t.source_file(), &wengao::builtin::BuiltinStyles).spec.unwrap()).collect()
}

/// A draft of tests/fixtures/drafts, by its name.
pub fn fixture_draft(name: &str) -> wengao::draft::Draft {
    wengao::draft::Draft::from_json(&std::fs::read_to_string(root().join(format!("tests/fixtures/drafts/{name}.json"))).unwrap()).unwrap()
}

/// Whether golden files are being rewritten (`WENGAO_BLESS=1 cargo test`).
pub fn bless() -> bool {
    std::env::var_os("WENGAO_BLESS").is_some()
}

/// Compares `actual` with the golden file, or rewrites it when blessing; returns a failure line.
pub fn compare(expected_path: &Path, actual: &str) -> Option<String> {
    if bless() {
        std::fs::write(expected_path, actual).unwrap();
        return None;
    }
    let expected = std::fs::read_to_string(expected_path).unwrap_or_default();
    (expected != actual).then(|| format!("{} differs:\n--- expected\n{expected}\n--- actual\n{actual}", expected_path.display()))
}

/// A word on a PDF page: its box in points and its text.
#[derive(Debug, Clone)]
pub struct Word {
    pub x_min: f64,
    pub y_min: f64,
    pub x_max: f64,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub words: Vec<Word>,
}

/// Whether LibreOffice and pdftotext are there; without them the layout tests
/// skip, unless WENGAO_REQUIRE_LIBREOFFICE says they must run (as in CI).
pub fn libreoffice() -> bool {
    let have = |tool: &str| Command::new("sh").args(["-c", &format!("command -v {tool}")]).output().is_ok_and(|o| o.status.success());
    if have("soffice") && have("pdftotext") {
        return true;
    }
    assert!(std::env::var_os("WENGAO_REQUIRE_LIBREOFFICE").is_none(), "LibreOffice and poppler are required");
    eprintln!("skipped: LibreOffice or pdftotext not installed");
    false
}

/// Converts .docx files (bytes by name; a name with an extension is that kind of file) to PDF in one LibreOffice run, with the
/// Attachment 1 fonts mapped by tests/fonts/fonts.conf; returns each file's pages.
pub fn lay_out(files: &[(String, Vec<u8>)]) -> Vec<Vec<Page>> {
    in_libreoffice(files, "pdf", |paths| paths.iter().map(|p| pdf_pages(p)).collect())
}

/// Converts .docx files to another format (`fodt`…) in one LibreOffice run; each file's bytes.
pub fn convert(files: &[(String, Vec<u8>)], to: &str) -> Vec<Vec<u8>> {
    in_libreoffice(files, to, |paths| paths.iter().map(|p| std::fs::read(p).unwrap()).collect())
}

/// Writes the files to a directory of their own, converts them there with
/// LibreOffice, and gives `read` the converted files' paths, in order.
fn in_libreoffice<T>(files: &[(String, Vec<u8>)], to: &str, read: impl FnOnce(&[PathBuf]) -> T) -> T {
    let dir = std::env::temp_dir().join(format!("wengao-lo-{}-{}-{to}", std::process::id(), files.first().map_or("", |(n, _)| n.as_str())));
    std::fs::create_dir_all(&dir).unwrap();
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|(name, bytes)| {
            // A name without an extension is a .docx.
            let path = dir.join(if name.contains('.') { name.clone() } else { format!("{name}.docx") });
            std::fs::write(&path, bytes).unwrap();
            path
        })
        .collect();
    let status = Command::new("soffice")
        .args(["--headless", &format!("-env:UserInstallation=file://{}/profile", dir.display()), "--convert-to", to, "--outdir"])
        .arg(&dir)
        .args(&paths)
        .env("FONTCONFIG_FILE", root().join("tests/fonts/fonts.conf"))
        .env("HOME", &dir)
        .output()
        .unwrap();
    assert!(status.status.success(), "soffice: {}", String::from_utf8_lossy(&status.stderr));
    let converted: Vec<PathBuf> = paths.iter().map(|p| p.with_extension(to)).collect();
    let out = read(&converted);
    let _ = std::fs::remove_dir_all(&dir);
    out
}

fn pdf_pages(pdf: &Path) -> Vec<Page> {
    let out = Command::new("pdftotext").arg("-bbox").arg(pdf).arg("-").output().unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    let num = |s: &str, key: &str| -> f64 {
        let at = s.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
        s[at..at + s[at..].find('"').unwrap()].parse().unwrap()
    };
    html.split("<page ")
        .skip(1)
        .map(|page| Page {
            width: num(page, "width"),
            height: num(page, "height"),
            words: page
                .split("<word ")
                .skip(1)
                .map(|w| Word {
                    x_min: num(w, "xMin"),
                    y_min: num(w, "yMin"),
                    x_max: num(w, "xMax"),
                    text: w[w.find('>').unwrap() + 1..w.find("</word>").unwrap()].to_string(),
                })
                .collect(),
        })
        .collect()
}
