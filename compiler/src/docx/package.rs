//! Zips the finished parts: deflate-compressed entries (docx-rs stores them
//! uncompressed), no directory entries, a fixed timestamp so that the same draft
//! with the same options (the creation date is one) always gives the same bytes.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::finish::Part;

pub fn pack(parts: Vec<Part>) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).compression_level(Some(6));
    for (path, bytes) in parts {
        // Writing into memory cannot fail but for a bug in the zip crate.
        zip.start_file(path, options).expect("a zip entry in memory");
        zip.write_all(&bytes).expect("writing into memory");
    }
    zip.finish().expect("finishing a zip in memory").into_inner()
}
