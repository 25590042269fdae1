//! Example pictures: flat PNG illustrations drawn in code (a meeting room with a
//! banner and rows of seats), so that example drafts need no picture files.

use std::io::Write;

use flate2::write::ZlibEncoder;
use flate2::Compression;

/// A PNG of the given size; `variant` changes the colours.
pub fn png(width: u32, height: u32, variant: u32) -> Vec<u8> {
    let palettes = [[0xB3, 0x26, 0x1E], [0x1E, 0x5A, 0xB3], [0x2E, 0x7D, 0x32]];
    let banner = palettes[variant as usize % palettes.len()];
    let mut raw = Vec::with_capacity(((width * 3 + 1) * height) as usize);
    for y in 0..height {
        raw.push(0); // filter: none
        for x in 0..width {
            let wall = y < height * 11 / 20;
            let in_banner = y > height / 10 && y < height / 4 && x > width / 8 && x < width * 7 / 8;
            let seat = !wall && (y - height * 11 / 20) % (height / 10).max(1) < height / 25 && x % (width / 12).max(1) > width / 60;
            let px = if in_banner {
                banner
            } else if wall {
                let shade = 235 - (y * 30 / height.max(1)) as u8;
                [shade, shade, shade.saturating_sub(8)]
            } else if seat {
                [0x33, 0x41, 0x55]
            } else {
                [0xC8, 0xB4, 0x96]
            };
            raw.extend_from_slice(&px);
        }
    }
    let mut z = ZlibEncoder::new(Vec::new(), Compression::default());
    z.write_all(&raw).expect("compressing into memory");
    let idat = z.finish().expect("compressing into memory");

    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB, deflate, no filter, no interlace
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(&mut png, b"IDAT", &idat);
    chunk(&mut png, b"IEND", &[]);
    png
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32fast::hash(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}
