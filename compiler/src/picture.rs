//! Recognising JPEG and PNG pictures and their pixel size from the file header,
//! without decoding them (no image crate: the bytes go into the .docx unchanged).

use crate::spec::PictureFormat;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PictureInfo {
    pub format: PictureFormat,
    pub width: u32,
    pub height: u32,
}

/// The largest side a picture may have, in pixels (JPEG's own limit).
pub const MAX_SIDE: u32 = 65_535;

/// The format and size of a JPEG or PNG file; None for anything else, for a size
/// beyond [`MAX_SIDE`], and for a file cut short (no end marker).
pub fn sniff(data: &[u8]) -> Option<PictureInfo> {
    let info = png(data).or_else(|| jpeg(data))?;
    let complete = match info.format {
        // The IEND chunk closes a PNG: length 0, "IEND", CRC.
        PictureFormat::Png => data.len() >= 12 && &data[data.len() - 8..data.len() - 4] == b"IEND",
        // EOI closes a JPEG; cameras may append a few bytes after it.
        PictureFormat::Jpeg => data[data.len().saturating_sub(64)..].windows(2).any(|w| w == [0xFF, 0xD9]),
    };
    (complete && info.width <= MAX_SIDE && info.height <= MAX_SIDE).then_some(info)
}

fn be16(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes(d.get(at..at + 2)?.try_into().ok()?)))
}

fn be32(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(d.get(at..at + 4)?.try_into().ok()?))
}

fn png(d: &[u8]) -> Option<PictureInfo> {
    // Signature, then the IHDR chunk: length, "IHDR", width, height.
    if !d.starts_with(b"\x89PNG\r\n\x1a\n") || d.get(12..16)? != b"IHDR" {
        return None;
    }
    let (width, height) = (be32(d, 16)?, be32(d, 20)?);
    (width > 0 && height > 0).then_some(PictureInfo { format: PictureFormat::Png, width, height })
}

fn jpeg(d: &[u8]) -> Option<PictureInfo> {
    if !d.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut at = 2;
    loop {
        // Skip fill bytes before a marker.
        while *d.get(at)? == 0xFF && *d.get(at + 1)? == 0xFF {
            at += 1;
        }
        if *d.get(at)? != 0xFF {
            return None;
        }
        let marker = *d.get(at + 1)?;
        match marker {
            // Markers without a length.
            0xD0..=0xD9 | 0x01 => at += 2,
            // Start of frame (not DHT C4, JPG C8, DAC CC): precision, height, width.
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                let (height, width) = (be16(d, at + 5)?, be16(d, at + 7)?);
                return (width > 0 && height > 0).then_some(PictureInfo { format: PictureFormat::Jpeg, width, height });
            }
            _ => at += 2 + be16(d, at + 2)? as usize,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_png_and_jpeg_sizes_and_refuses_other_bytes() {
        let png = |w: u32, h: u32, end: bool| {
            let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
            png.extend_from_slice(&w.to_be_bytes());
            png.extend_from_slice(&h.to_be_bytes());
            if end {
                png.extend_from_slice(b"\0\0\0\0IEND\xaeB`\x82");
            }
            png
        };
        assert_eq!(sniff(&png(640, 480, true)), Some(PictureInfo { format: PictureFormat::Png, width: 640, height: 480 }));
        assert_eq!(sniff(&png(640, 480, false)), None, "cut short");
        assert_eq!(sniff(&png(4_000_000_000, 480, true)), None, "too large");
        // SOI, an APP0 segment of length 4, then SOF0 with height 300 and width 400, EOI.
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 1, 44, 1, 144, 3, 0xFF, 0xD9];
        assert_eq!(sniff(&jpeg), Some(PictureInfo { format: PictureFormat::Jpeg, width: 400, height: 300 }));
        assert_eq!(sniff(&jpeg[..18]), None, "cut short");
        assert_eq!(sniff(b"GIF89a"), None);
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF]), None);
        assert_eq!(sniff(&[]), None);
    }
}
