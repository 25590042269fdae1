//! Files in and out of the browser: downloads through a Blob, uploads read from a
//! file picker or a drop.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub const DOCX_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Starts a download of `bytes` named `name`.
pub fn download(bytes: &[u8], name: &str, mime: &str) -> Result<(), String> {
    let url = start_download(bytes, name, mime)?;
    // The URL must outlive the click; the browser has the file by the next tick.
    set_timeout(move || drop(url), std::time::Duration::from_secs(10));
    Ok(())
}

/// Starts a download and gives its address, for a link to the same file
/// (revoked when dropped): where a phone's browser does not download, the
/// drafter long-presses the link to save or share the file.
pub fn start_download(bytes: &[u8], name: &str, mime: &str) -> Result<gloo_file::ObjectUrl, String> {
    let blob = gloo_file::Blob::new_with_options(bytes, Some(mime));
    let url = gloo_file::ObjectUrl::from(blob);
    let anchor =
        document().create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok()).ok_or("浏览器不支持下载")?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    Ok(url)
}

/// Whether the browser's own decoder can decode the picture: it catches broken
/// JPEG data that the core's bounded check cannot. Without createImageBitmap
/// (old browsers) the core's check stands alone.
pub async fn browser_decodes(data: &[u8], format: wengao::spec::PictureFormat) -> bool {
    let mime = if format == wengao::spec::PictureFormat::Jpeg { "image/jpeg" } else { "image/png" };
    let blob = gloo_file::Blob::new_with_options(data, Some(mime));
    let Ok(promise) = window().create_image_bitmap_with_blob(blob.as_ref()) else { return true };
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(bitmap) => {
            if let Ok(b) = bitmap.dyn_into::<web_sys::ImageBitmap>() {
                b.close();
            }
            true
        }
        Err(_) => false,
    }
}

/// Downloads a template's source as `name.wg`: UTF-8 with a BOM, so that
/// Notepad on older Windows opens it as UTF-8.
pub fn download_template(name: &str, source: &str) -> Result<(), String> {
    let bytes = [b"\xEF\xBB\xBF".as_slice(), source.as_bytes()].concat();
    download(&bytes, &format!("{name}.wg"), "text/plain;charset=utf-8")
}

/// The files of a file input's change event or of a drop.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<gloo_file::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).map(gloo_file::File::from).collect()
}

pub fn input_files(ev: &leptos::ev::Event) -> Vec<gloo_file::File> {
    let input = event_target::<web_sys::HtmlInputElement>(ev);
    let files = files_of(input.files());
    // Let the same file be picked again later.
    input.set_value("");
    files
}
