//! Measures label text as the browser renders it, with a canvas in the page's own font, so
//! label boxes fit the text in every engine and with whatever system fonts are installed.
//! Falls back to the core's per-character estimate when no canvas is available. Wide (CJK)
//! characters are not measured: they are one em wide in every CJK font, and measuring them
//! made the browser load its CJK fonts before the first paint even for an English view.

use atlas_core::label::{char_width, text_width, TextMeasure, LABEL_FONT_PX};
use atlas_core::number::Fixed;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// A [`TextMeasure`] backed by a 2D canvas context, with a cache of measured strings. Every
/// measure of the page shares one context and one cache: the body's font is the same for the
/// page's life (one `--font`), and reading it asks the browser for its computed style, which
/// costs a style pass over the whole page; the editor builds a scene on every edit.
#[derive(Clone)]
pub struct CanvasMeasure {
    shared: Rc<Shared>,
}

struct Shared {
    context: Option<web_sys::CanvasRenderingContext2d>,
    cache: RefCell<HashMap<String, f64>>,
}

thread_local! {
    static PAGE_MEASURE: RefCell<Option<Rc<Shared>>> = const { RefCell::new(None) };
}

impl CanvasMeasure {
    /// A measure in the page's body font at the label size.
    pub fn new() -> CanvasMeasure {
        let shared = PAGE_MEASURE.with(|page| page.borrow_mut().get_or_insert_with(|| Rc::new(Shared::new())).clone());
        CanvasMeasure { shared }
    }
}

impl Shared {
    fn new() -> Shared {
        let context = (|| {
            let window = web_sys::window()?;
            let document = window.document()?;
            let family = document
                .body()
                .and_then(|body| window.get_computed_style(&body).ok().flatten())
                .and_then(|style| style.get_property_value("font-family").ok())
                .filter(|f| !f.trim().is_empty())
                .unwrap_or_else(|| "sans-serif".to_string());
            let canvas = document.create_element("canvas").ok()?.dyn_into::<web_sys::HtmlCanvasElement>().ok()?;
            let context = canvas.get_context("2d").ok()??.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()?;
            context.set_font(&format!("{:.0}px {family}", Fixed(LABEL_FONT_PX)));
            Some(context)
        })();
        Shared { context, cache: RefCell::new(HashMap::new()) }
    }
}

impl TextMeasure for CanvasMeasure {
    fn width(&self, text: &str) -> f64 {
        if !text.is_empty() && text.chars().all(|c| char_width(c, 1.0) >= 1.0) {
            return text_width(text, LABEL_FONT_PX);
        }
        let Shared { context, cache } = &*self.shared;
        if let Some(w) = cache.borrow().get(text) {
            return *w;
        }
        let measured = context
            .as_ref()
            .and_then(|c| c.measure_text(text).ok())
            .map(|m| m.width())
            .filter(|w| w.is_finite() && *w >= 0.0)
            .unwrap_or_else(|| text_width(text, LABEL_FONT_PX));
        cache.borrow_mut().insert(text.to_string(), measured);
        measured
    }
}
