//! Reads entries of a zip package (a .docx) from bytes, defensively: the file may
//! be anything a drafter picks. Limits stop zip bombs (declared and actual sizes,
//! compression ratio, entry count), entry names that climb out of the package
//! (`../`, absolute paths) make the whole file suspect, and every entry's CRC is
//! checked. Only what the importer asks for is inflated. flate2 (already linked
//! for writing our own packages) inflates.

use std::io::Read;

use super::ImportError;

/// More entries than any Word file has (a report with pictures has about 20).
const MAX_ENTRIES: usize = 5_000;
/// One part inflated: a 300-page document.xml is about 10 MB.
pub const MAX_ENTRY: u64 = 64 << 20;
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
    name: String,
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
            let name_bytes = bytes.get(at + 46..at + 46 + name_len).ok_or(ImportError::Damaged)?;
            let name = String::from_utf8_lossy(name_bytes).into_owned();
            if unsafe_name(&name) {
                return Err(ImportError::UnsafeName(name));
            }
            entries.push(Entry { name, method, encrypted: flags & 1 != 0, crc, compressed, size, offset });
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Archive { bytes, entries, read: std::cell::Cell::new(0) })
    }

    /// Every entry's name, in the order of the central directory.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.name.as_str())
    }

    pub fn has(&self, name: &str) -> bool {
        self.entries.iter().any(|e| e.name == name)
    }

    /// An entry's bytes, inflated and checked; `None` if there is no such entry.
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>, ImportError> {
        let Some(e) = self.entries.iter().find(|e| e.name == name) else { return Ok(None) };
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
        Ok(Some(out))
    }
}

/// Names a package never has: absolute, climbing up, drive letters, backslashes.
fn unsafe_name(name: &str) -> bool {
    name.starts_with('/') || name.contains('\\') || name.contains(':') || name.split('/').any(|s| s == "..") || name.contains('\0')
}
