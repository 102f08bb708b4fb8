//! Argument Atlas: the browser entry point. Installs the panic hook (which shows a readable
//! error card instead of a blank page) and mounts the app.

mod browser;
mod i18n;
mod state;
mod view;

fn main() {
    browser::panic_card::install();
    leptos::mount::mount_to_body(view::app::App);
}
