//! Argument Atlas: the browser entry point. Installs the panic hook (which shows a readable
//! error card instead of a blank page) and mounts the app.

mod browser;
mod i18n;
mod state;
mod view;

fn main() {
    reserve_heap();
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

/// Grows the WebAssembly memory once, by what the app needs, before anything else allocates.
///
/// Rust's allocator on wasm32 takes memory only by growing it, a few pages at a time as it needs
/// them: the app's memory went from 17 to about 60 pages of 64 KiB in many small growths while
/// it started and was used. WebKitGTK 2.50 failed now and then in that time, and only there: an
/// out-of-bounds trap in the start or in an event handler, or a heap the allocator found
/// inconsistent (tests/e2e/README.md, "WebKit and memory growth"; growing a memory is the likely
/// trigger, not a proven one). A block taken and given back at once stays with the allocator as
/// free space (on wasm32 it never returns memory), so the start and reading grow nothing more.
/// A reserve that cannot be had is skipped: the app then grows its memory as before.
fn reserve_heap() {
    const HEAP_RESERVE: usize = 8 * 1024 * 1024;
    let mut reserve = Vec::<u8>::new();
    if reserve.try_reserve_exact(HEAP_RESERVE).is_ok() {
        // black_box: an allocation freed unused may otherwise be optimised away.
        drop(std::hint::black_box(reserve));
    }
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
