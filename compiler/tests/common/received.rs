//! Files as the organization office receives them: zips written the way
//! Windows' 压缩文件夹, WinRAR, 7-Zip and macOS write them (entry names in GBK
//! without the UTF-8 flag, or UTF-8 with it, or with Info-ZIP's Unicode Path
//! field), and our own exports with another 单位. The zip writer here is the
//! tests' own: the reader under test is the package's.

use wengao::docx::{render, RenderOptions};
use wengao::spec::FormSpec;

/// How an entry's name is stored.
#[derive(Clone, Copy)]
pub enum Names {
    /// UTF-8 with general-purpose bit 11 (7-Zip, macOS, our own).
    Utf8,
    /// GBK bytes, no flag (Windows' 发送到 → 压缩(zipped)文件夹, WinRAR on a Chinese system).
    Gbk,
    /// GBK bytes, no flag, and an Info-ZIP Unicode Path extra field (0x7075) with the UTF-8 name.
    GbkWithUnicodePath,
}

/// A zip of `files` (stored, no compression) with names written as `names` says.
pub fn zip_with(names: Names, files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = out.len() as u32;
        let crc = crc32fast::hash(data);
        let (stored, flags) = match names {
            Names::Utf8 => (name.as_bytes().to_vec(), 0x0800u16),
            Names::Gbk | Names::GbkWithUnicodePath => (encoding_rs::GBK.encode(name).0.into_owned(), 0),
        };
        let extra = match names {
            Names::GbkWithUnicodePath => {
                let mut e = Vec::new();
                e.extend(0x7075u16.to_le_bytes());
                e.extend((5 + name.len() as u16).to_le_bytes());
                e.push(1);
                e.extend(crc32fast::hash(&stored).to_le_bytes());
                e.extend(name.as_bytes());
                e
            }
            _ => Vec::new(),
        };
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend(sig.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes());
            }
            h.extend(20u16.to_le_bytes());
            h.extend(flags.to_le_bytes());
            h.extend(0u16.to_le_bytes()); // stored
            h.extend([0u8; 4]); // time, date
            h.extend(crc.to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((stored.len() as u16).to_le_bytes());
            h.extend((extra.len() as u16).to_le_bytes());
            if central {
                h.extend([0u8; 6]); // comment length, disk, internal attributes
                h.extend(0u32.to_le_bytes()); // external attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(&stored);
            h.extend(&extra);
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(*data);
        central.extend(header(0x0201_4b50, true));
    }
    let at = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((files.len() as u16).to_le_bytes());
    out.extend((files.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// A zip with UTF-8 names, flagged.
pub fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    zip_with(Names::Utf8, files)
}

/// Our export of the fixture draft `name` (tests/fixtures/drafts) with its 单位 changed.
pub fn export_of(name: &str, template: &str, unit: &str, specs: &[FormSpec]) -> Vec<u8> {
    let spec = specs.iter().find(|s| s.name == template).unwrap();
    let mut d = super::fixture_draft(name);
    d.fields.insert("单位".into(), unit.into());
    render(spec, &d, &RenderOptions::default())
}
