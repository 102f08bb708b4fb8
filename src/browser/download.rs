//! Downloads made in the page: a text file (SVG, JSON) or a PNG rendered from an SVG. Nothing
//! leaves the machine; a frame that forbids downloads simply gets no file (reported by the
//! caller's notice where possible).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn blob_of(text: &str, mime: &str) -> Option<web_sys::Blob> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()
}

fn save_blob(blob: &web_sys::Blob, file_name: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else { return false };
    let Some(anchor) = document.create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    anchor.set_href(&url);
    anchor.set_download(file_name);
    if let Some(body) = document.body() {
        let _ = body.append_child(&anchor);
        anchor.click();
        let _ = body.remove_child(&anchor);
    }
    // Revoke later: some engines start the download after the click handler returns.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    true
}

/// Offers `text` as a file download.
pub fn text_file(file_name: &str, mime: &str, text: &str) -> bool {
    blob_of(text, mime).is_some_and(|blob| save_blob(&blob, file_name))
}

/// Renders an SVG document to a PNG at `scale` and offers it as a download.
pub fn png_from_svg(file_name: &str, svg: &str, width: f64, height: f64, scale: f64) -> bool {
    let Some(blob) = blob_of(svg, "image/svg+xml") else { return false };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return false };
    let Ok(image) = web_sys::HtmlImageElement::new() else { return false };
    let name = file_name.to_string();
    let image_for_load = image.clone();
    let url_for_load = url.clone();
    let onload = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url_for_load);
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Some(canvas) =
            document.create_element("canvas").ok().and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        canvas.set_width((width * scale).ceil().min(16_000.0) as u32);
        canvas.set_height((height * scale).ceil().min(16_000.0) as u32);
        let Some(context) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = context.scale(scale, scale);
        let _ = context.draw_image_with_html_image_element_and_dw_and_dh(&image_for_load, 0.0, 0.0, width, height);
        let on_blob = Closure::once_into_js(move |png: JsValue| {
            if let Ok(png) = png.dyn_into::<web_sys::Blob>() {
                save_blob(&png, &name);
            }
        });
        let _ = canvas.to_blob_with_type(on_blob.unchecked_ref(), "image/png");
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
    true
}
