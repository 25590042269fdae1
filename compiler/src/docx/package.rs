//! Zips the finished parts: deflate-compressed entries (docx-rs stores them
//! uncompressed), no directory entries, a fixed timestamp so that the same draft
//! with the same options (the creation date is one) always gives the same bytes.
//!
//! A zip writer of its own (about sixty lines of the PKWARE format: local headers,
//! data, central directory) rather than the zip crate: the crate's deflate path
//! links zopfli and more into the browser build, for no use here.

use std::io::Write;

use flate2::write::DeflateEncoder;
use flate2::Compression;

use super::word_parts::Part;

/// 1980-01-01 00:00 in MS-DOS date and time, the earliest zip can say.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;

pub fn pack(parts: Vec<Part>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (path, data) in &parts {
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::default());
        // Compressing into memory cannot fail.
        encoder.write_all(data).expect("deflate into memory");
        let compressed = encoder.finish().expect("deflate into memory");
        let crc = crc32fast::hash(data);
        let offset = out.len() as u32;
        let name = path.as_bytes();
        // Local file header; bit 11 of the flags: the name is UTF-8.
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        let common = |v: &mut Vec<u8>| {
            v.extend_from_slice(&20u16.to_le_bytes()); // version needed: 2.0 (deflate)
            v.extend_from_slice(&(1u16 << 11).to_le_bytes());
            v.extend_from_slice(&8u16.to_le_bytes()); // deflate
            v.extend_from_slice(&DOS_TIME.to_le_bytes());
            v.extend_from_slice(&DOS_DATE.to_le_bytes());
            v.extend_from_slice(&crc.to_le_bytes());
            v.extend_from_slice(&(compressed.len() as u32).to_le_bytes());
            v.extend_from_slice(&(data.len() as u32).to_le_bytes());
            v.extend_from_slice(&(name.len() as u16).to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes()); // extra field length
        };
        common(&mut out);
        out.extend_from_slice(name);
        out.extend_from_slice(&compressed);
        // Its central directory entry.
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // made by: 2.0, MS-DOS
        common(&mut central);
        central.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name);
    }
    let start = out.len() as u32;
    out.extend_from_slice(&central);
    // End of central directory.
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]); // this disk, disk with the directory
    out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
    out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    out
}
