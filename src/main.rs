//! Argument Atlas: the browser entry point. Installs the panic hook (which shows a readable
//! error card instead of a blank page) and mounts the app.

mod browser;
mod i18n;
mod state;
mod view;

fn main() {
    browser::panic_card::install();
    // Search lower-cases with the browser's own Unicode rules (the core then carries none).
    atlas_core::scene::set_lowercase(|text| String::from(js_sys::JsString::from(text).to_lower_case()));
    #[cfg(feature = "bench-floor")]
    if bench_floor::mounted_instead() {
        return;
    }
    leptos::mount::mount_to_body(view::app::App);
    browser::dom::hide_start_up_message();
}

/// The benchmark's floor page (`--features bench-floor`): what loading this app costs before it
/// does any work of its own. It mounts one paragraph, like the minimal Leptos page, but the app
/// stays in the module: the branch depends on the clock, which the compiler cannot know, so the
/// page fetches, decodes and instantiates the app's whole WebAssembly. (Chromium compiles wasm
/// functions lazily, on first call: compiling the code the app runs counts in the app's share.)
#[cfg(feature = "bench-floor")]
mod bench_floor {
    use leptos::prelude::*;

    pub fn mounted_instead() -> bool {
        if js_sys::Date::now() <= 0.0 {
            return false;
        }
        leptos::mount::mount_to_body(|| view! { <p id="hello">"hello"</p> });
        true
    }
}
