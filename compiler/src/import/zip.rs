//! Reads entries of a zip package (a .docx) from bytes, defensively: the file may
//! be anything a drafter picks. Limits stop zip bombs (declared and actual sizes,
//! compression ratio, entry count), entry names that climb out of the package
//! (`../`, absolute paths) make the whole file suspect, and every entry's CRC is
//! checked. Only what the importer asks for is inflated. flate2 (already linked
//! for writing our own packages) inflates.
//!
//! Entry names are kept as stored. A Word package's are ASCII; a zip of e-mail
//! attachments made on a Chinese Windows (发送到 → 压缩文件夹, WinRAR) stores
//! them in GBK without the UTF-8 flag, and only the desk decodes those
//! ([`Archive::name_at`] with its decoder), so that the form's program carries no
//! code-page tables. Entries are read by index: two names that decode alike
//! are still two files.

use std::io::Read;

use super::ImportError;

/// More entries than any Word file has (a report with pictures has about 20).
const MAX_ENTRIES: usize = 5_000;
/// One part inflated: a 300-page document.xml is about 10 MB.
pub const MAX_ENTRY: u64 = 64 << 20;
/// One XML part parsed: a 300-page document.xml is about 10 MB, a 6-page
/// report's 100 KB. (A 60 MB document.xml took 16 s and 1.4 GB to read.)
pub const MAX_XML_PART: u64 = 12 << 20;
/// All parts read from one file together.
const MAX_TOTAL: u64 = 256 << 20;
/// Deflate reaches about 10:1 on XML and 1:1 on pictures; a bomb reaches 1000:1.
const MAX_RATIO: u64 = 200;

pub struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
    /// Bytes inflated so far.
    read: std::cell::Cell<u64>,
}

struct Entry {
    /// The name as stored (bytes: UTF-8, or the writer's code page).
    raw: Vec<u8>,
    /// The name as UTF-8 when the zip says so (general-purpose bit 11, or an
    /// Info-ZIP Unicode Path field 0x7075 for these very bytes) or the bytes are UTF-8.
    utf8: Option<String>,
    method: u16,
    encrypted: bool,
    crc: u32,
    compressed: u64,
    size: u64,
    offset: u64,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl<'a> Archive<'a> {
    /// Reads the central directory. The bytes must start with a zip signature.
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, ImportError> {
        // The end-of-central-directory record: in the last 22 + 65535 bytes.
        let from = bytes.len().saturating_sub(22 + 0xFFFF);
        let eocd =
            (from..bytes.len().saturating_sub(21)).rev().find(|&i| u32_at(bytes, i) == Some(0x0605_4b50)).ok_or(ImportError::Damaged)?;
        let count = u16_at(bytes, eocd + 10).ok_or(ImportError::Damaged)? as usize;
        let mut at = u32_at(bytes, eocd + 16).ok_or(ImportError::Damaged)? as usize;
        if count == 0xFFFF || at == 0xFFFF_FFFF {
            // Zip64: Word never writes it for a document of sane size.
            return Err(ImportError::TooLarge);
        }
        if count > MAX_ENTRIES {
            return Err(ImportError::TooLarge);
        }
        let mut entries = Vec::with_capacity(count);
        for _ in 0..count {
            if u32_at(bytes, at) != Some(0x0201_4b50) {
                return Err(ImportError::Damaged);
            }
            let field = |off: usize| u16_at(bytes, at + off).ok_or(ImportError::Damaged);
            let word = |off: usize| u32_at(bytes, at + off).ok_or(ImportError::Damaged);
            let (flags, method) = (field(8)?, field(10)?);
            let (crc, compressed, size) = (word(16)?, u64::from(word(20)?), u64::from(word(24)?));
            let (name_len, extra_len, comment_len) = (field(28)? as usize, field(30)? as usize, field(32)? as usize);
            let offset = u64::from(word(42)?);
            let raw = bytes.get(at + 46..at + 46 + name_len).ok_or(ImportError::Damaged)?.to_vec();
            let extra = bytes.get(at + 46 + name_len..at + 46 + name_len + extra_len).unwrap_or_default();
            let flagged = flags & 0x0800 != 0;
            let stored_utf8 = if flagged { Some(String::from_utf8_lossy(&raw).into_owned()) } else { written_as_utf8(&raw) };
            let utf8 = if flagged { stored_utf8.clone() } else { unicode_path(&raw, extra).or(stored_utf8.clone()) };
            // The stored bytes by their own encoding, and the name shown too.
            if unsafe_name(&raw, stored_utf8.is_some()) || utf8.as_deref().is_some_and(|n| unsafe_name(n.as_bytes(), true)) {
                return Err(ImportError::UnsafeName(utf8.unwrap_or_else(|| String::from_utf8_lossy(&raw).into_owned())));
            }
            entries.push(Entry { raw, utf8, method, encrypted: flags & 1 != 0, crc, compressed, size, offset });
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Archive { bytes, entries, read: std::cell::Cell::new(0) })
    }

    /// How many entries the central directory lists.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The name of entry `index`: UTF-8 when the zip says so or the bytes are,
    /// otherwise as `legacy` decodes the stored bytes (the desk: GB18030).
    pub fn name_at(&self, index: usize, legacy: impl FnOnce(&[u8]) -> String) -> String {
        let e = &self.entries[index];
        e.utf8.clone().unwrap_or_else(|| legacy(&e.raw))
    }

    /// The entry a package names (its names are ASCII).
    fn find(&self, name: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.utf8.as_deref() == Some(name))
    }

    pub fn has(&self, name: &str) -> bool {
        self.find(name).is_some()
    }

    /// A package part's bytes, inflated and checked; `None` if there is no such entry.
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>, ImportError> {
        self.find(name).map(|i| self.read_at(i)).transpose()
    }

    /// A package part parsed as XML; `None` if there is no such entry. A part
    /// over [`MAX_XML_PART`] is refused before it is inflated: parsing costs
    /// about twenty times its size in memory, and a report's is far smaller.
    pub fn read_xml(&self, name: &str) -> Result<Option<crate::xml::Element>, ImportError> {
        let Some(i) = self.find(name) else { return Ok(None) };
        if self.entries[i].size > MAX_XML_PART {
            return Err(ImportError::TooLarge);
        }
        let bytes = self.read_at(i)?;
        Ok(Some(crate::xml::parse(&bytes).ok_or_else(|| ImportError::BrokenXml(name.to_string()))?.1))
    }

    /// Entry `index`'s bytes, inflated and checked.
    pub fn read_at(&self, index: usize) -> Result<Vec<u8>, ImportError> {
        let e = &self.entries[index];
        if e.encrypted {
            return Err(ImportError::Encrypted);
        }
        if e.size > MAX_ENTRY || self.read.get() + e.size > MAX_TOTAL || (e.size > 1 << 20 && e.size / e.compressed.max(1) > MAX_RATIO) {
            return Err(ImportError::TooLarge);
        }
        let local = usize::try_from(e.offset).map_err(|_| ImportError::Damaged)?;
        if u32_at(self.bytes, local) != Some(0x0403_4b50) {
            return Err(ImportError::Damaged);
        }
        let start = local
            + 30
            + u16_at(self.bytes, local + 26).ok_or(ImportError::Damaged)? as usize
            + u16_at(self.bytes, local + 28).ok_or(ImportError::Damaged)? as usize;
        let end = start.checked_add(usize::try_from(e.compressed).map_err(|_| ImportError::Damaged)?).ok_or(ImportError::Damaged)?;
        let data = self.bytes.get(start..end).ok_or(ImportError::Damaged)?;
        let mut out = Vec::with_capacity(e.size.min(MAX_ENTRY) as usize);
        match e.method {
            0 => out.extend_from_slice(data),
            // At most one byte more than declared: a lying header is caught.
            8 => {
                flate2::read::DeflateDecoder::new(data).take(e.size + 1).read_to_end(&mut out).map_err(|_| ImportError::Damaged)?;
            }
            _ => return Err(ImportError::Damaged),
        }
        if out.len() as u64 != e.size || crc32fast::hash(&out) != e.crc {
            return Err(ImportError::Damaged);
        }
        self.read.set(self.read.get() + e.size);
        Ok(out)
    }
}

/// A name stored without the UTF-8 flag, when it is UTF-8 all the same (7-Zip
/// and Linux's zip write it so): valid UTF-8 whose characters are ASCII or
/// take three or four bytes, as Chinese does. GBK pairs are often valid
/// two-byte UTF-8 as well (通知 is CD A8 D6 AA, read so “֪ͨ”), and a Chinese
/// name in UTF-8 has none.
fn written_as_utf8(raw: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(raw).ok()?;
    text.chars().all(|c| c.is_ascii() || c.len_utf8() >= 3).then(|| text.to_string())
}

/// The UTF-8 name of an Info-ZIP Unicode Path extra field (0x7075: version 1,
/// the CRC-32 of the stored name, the name), when it is for the stored name.
fn unicode_path(raw: &[u8], mut extra: &[u8]) -> Option<String> {
    while extra.len() >= 4 {
        let (id, len) = (u16_at(extra, 0)?, u16_at(extra, 2)? as usize);
        let data = extra.get(4..4 + len)?;
        if id == 0x7075 && data.len() > 5 && data[0] == 1 && u32_at(data, 1) == Some(crc32fast::hash(raw)) {
            return std::str::from_utf8(&data[5..]).ok().map(str::to_string);
        }
        extra = &extra[4 + len..];
    }
    None
}

/// Names a package never has: absolute, climbing up, drive letters, backslashes.
/// Read from the stored bytes: in a GBK name a byte from 0x81 starts a
/// character of two (or, in GB18030, four) bytes whose second may be 0x5C,
/// which is not a backslash there; in UTF-8 every byte of a multi-byte
/// character is over 0x7F.
fn unsafe_name(raw: &[u8], utf8: bool) -> bool {
    let mut ascii = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if !utf8 && raw[i] >= 0x81 {
            i += 2;
            continue;
        }
        ascii.push(raw[i]);
        i += 1;
    }
    raw.first() == Some(&b'/') || ascii.iter().any(|&b| b == b'\\' || b == b':' || b == 0) || raw.split(|&b| b == b'/').any(|s| s == b"..")
}
