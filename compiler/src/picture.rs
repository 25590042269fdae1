//! Recognising JPEG and PNG pictures and their pixel size from the file header,
//! without decoding them (no image crate: the bytes go into the .docx unchanged);
//! and [`check`], for a picture a drafter adds: a pixel ceiling that stops
//! decompression bombs, a PNG's image data inflated (streamed, never held) and
//! checked against its size, a JPEG's segments walked to its scan. The app also
//! lets the browser decode the picture, which catches what these cannot.

use std::io::Read;

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

/// More pixels than any camera gives (a 50-megapixel phone photo is 8160×6120);
/// a 65535×65535 PNG of a few kilobytes is a decompression bomb.
pub const MAX_PIXELS: u64 = 100_000_000;

/// Pictures with a long side below this print blurred at a third of a page.
pub const MIN_PRINT_SIDE: u32 = 300;

/// A picture checked for what it claims to be; Err says why not, in Chinese.
pub fn check(name: &str, data: &[u8]) -> Result<PictureInfo, String> {
    let info = sniff(data).ok_or_else(|| format!("“{name}”不是完整的 JPEG 或 PNG 图片"))?;
    let pixels = u64::from(info.width) * u64::from(info.height);
    if pixels > MAX_PIXELS {
        return Err(format!(
            "“{name}”有{}×{}像素，大得不正常（照片一般不超过5000万像素），可能是做坏的文件；请换一幅，或缩小后再加",
            info.width, info.height
        ));
    }
    let sound = match info.format {
        PictureFormat::Png => png_data_sound(data, &info),
        PictureFormat::Jpeg => jpeg_has_scan(data),
    };
    if !sound {
        return Err(format!("“{name}”的图像数据是坏的（文件头和结尾都在，中间的内容对不上），Word 也显示不了；请换一幅"));
    }
    Ok(info)
}

/// Said (without refusing) about a picture too small to print well.
pub fn print_warning(name: &str, info: &PictureInfo) -> Option<String> {
    (info.width.max(info.height) < MIN_PRINT_SIDE).then(|| {
        format!(
            "“{name}”只有{}×{}像素，印出来会模糊；有原图的话请换原图（长边最好在{}像素以上）",
            info.width,
            info.height,
            MIN_PRINT_SIDE * 4
        )
    })
}

/// Inflates a PNG's IDAT data as a stream and checks it has exactly the bytes its
/// size, colour type and bit depth call for, with a valid filter byte on each row
/// (non-interlaced; an interlaced picture is checked for its total length).
fn png_data_sound(d: &[u8], info: &PictureInfo) -> bool {
    let (Some(&depth), Some(&colour), Some(&interlace)) = (d.get(24), d.get(25), d.get(28)) else { return false };
    let channels: u64 = match colour {
        0 | 3 => 1,
        2 => 3,
        4 => 2,
        6 => 4,
        _ => return false,
    };
    let row_bytes = |w: u64| (w * channels * u64::from(depth)).div_ceil(8);
    let (w, h) = (u64::from(info.width), u64::from(info.height));
    let expected: u64 = if interlace == 1 {
        // Adam7: seven passes over the pixel grid.
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
            .iter()
            .map(|&(x0, y0, dx, dy)| {
                let (pw, ph) = ((w + dx - 1 - x0) / dx, (h + dy - 1 - y0) / dy);
                if pw == 0 || ph == 0 {
                    0
                } else {
                    ph * (1 + row_bytes(pw))
                }
            })
            .sum()
    } else {
        h * (1 + row_bytes(w))
    };
    // The IDAT chunks, in order.
    let mut idat = Vec::new();
    let mut at = 8;
    while let Some(len) = be32(d, at) {
        let Some(kind) = d.get(at + 4..at + 8) else { return false };
        let Some(body) = d.get(at + 8..at + 8 + len as usize) else { return false };
        if kind == b"IDAT" {
            idat.extend_from_slice(body);
        }
        at += 12 + len as usize;
    }
    let mut stream = flate2::read::ZlibDecoder::new(idat.as_slice());
    let mut buffer = vec![0u8; 64 * 1024];
    let (mut total, row) = (0u64, 1 + row_bytes(w));
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => {
                if interlace == 0 {
                    // Each row starts with its filter type, 0 to 4.
                    let mut offset = (row - total % row) % row;
                    while offset < n as u64 {
                        if buffer[offset as usize] > 4 {
                            return false;
                        }
                        offset += row;
                    }
                }
                total += n as u64;
                if total > expected {
                    return false;
                }
            }
            Err(_) => return false,
        }
    }
    total == expected
}

/// Walks a JPEG's segments: tables and a frame, then a scan with entropy-coded
/// data before the end marker.
fn jpeg_has_scan(d: &[u8]) -> bool {
    let mut at = 2;
    while at + 4 <= d.len() {
        if d[at] != 0xFF {
            return false;
        }
        match d[at + 1] {
            0xFF => at += 1,
            0xD0..=0xD7 | 0x01 => at += 2,
            0xD9 => return false,
            0xDA => {
                let Some(len) = be16(d, at + 2) else { return false };
                let data = at + 2 + len as usize;
                // Some entropy-coded bytes, then EOI near the end.
                return d.len() > data + 2;
            }
            _ => match be16(d, at + 2) {
                Some(len) if len >= 2 => at += 2 + len as usize,
                _ => return false,
            },
        }
    }
    false
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

    /// A real PNG: IHDR, IDAT with `raw` deflated, IEND.
    fn png_file(w: u32, h: u32, raw: &[u8]) -> Vec<u8> {
        let chunk = |kind: &[u8], body: &[u8]| {
            let mut c = (body.len() as u32).to_be_bytes().to_vec();
            c.extend_from_slice(kind);
            c.extend_from_slice(body);
            c.extend_from_slice(&crc32fast::hash(&[kind, body].concat()).to_be_bytes());
            c
        };
        let mut ihdr = w.to_be_bytes().to_vec();
        ihdr.extend_from_slice(&h.to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut z, raw).unwrap();
        [b"\x89PNG\r\n\x1a\n".to_vec(), chunk(b"IHDR", &ihdr), chunk(b"IDAT", &z.finish().unwrap()), chunk(b"IEND", &[])].concat()
    }

    #[test]
    fn check_refuses_bombs_and_garbage_and_warns_about_tiny_pictures() {
        let rows = |w: usize, h: usize, filter: u8| {
            (0..h).flat_map(|_| std::iter::once(filter).chain(std::iter::repeat_n(7u8, w * 3))).collect::<Vec<u8>>()
        };
        let good = png_file(400, 300, &rows(400, 300, 0));
        assert_eq!(check("好.png", &good).map(|i| (i.width, i.height)), Ok((400, 300)));
        assert_eq!(print_warning("好.png", &check("好.png", &good).unwrap()), None);
        // Garbage image data that still ends with IEND.
        let mut garbage = good.clone();
        let idat = garbage.windows(4).position(|w| w == b"IDAT").unwrap();
        for b in &mut garbage[idat + 6..idat + 40] {
            *b = 0x5A;
        }
        assert!(check("坏.png", &garbage).unwrap_err().contains("图像数据是坏的"));
        assert!(check("短.png", &png_file(400, 300, &rows(400, 299, 0))).is_err(), "too few rows");
        assert!(check("滤波.png", &png_file(40, 30, &rows(40, 30, 9))).is_err(), "filter byte out of range");
        // 65535×65535 declared: refused before anything is inflated.
        let bomb = png_file(65_535, 65_535, &[0; 16]);
        assert!(check("炸弹.png", &bomb).unwrap_err().contains("65535×65535像素"));
        let tiny = png_file(1, 1, &rows(1, 1, 0));
        let info = check("小.png", &tiny).unwrap();
        assert!(print_warning("小.png", &info).unwrap().contains("1×1像素"));
        // A JPEG with no scan after its header: refused.
        let header_only = [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 1, 44, 1, 144, 3, 0, 0, 0, 0, 0xFF, 0xD9];
        assert!(check("头.jpg", &header_only).is_err());
        let photo = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/pictures/案例首页.jpg")).unwrap();
        assert!(check("案例首页.jpg", &photo).is_ok());
    }
}
