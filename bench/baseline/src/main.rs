//! The load-time baseline: the smallest Leptos (CSR) page, built with the app's release profile.
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| view! { <p id="hello">"hello"</p> });
}
