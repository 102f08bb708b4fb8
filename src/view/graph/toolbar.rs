//! The graph's toolbar, over its top corner: zoom, fit, the layout switch and the filter.

use super::input::zoom_by;
use super::runtime::Graph;
use crate::i18n;
use crate::state::use_app;
use atlas_core::view_state::GraphLayout;
use leptos::prelude::*;

/// Zoom in and out, fit, force or argument layout, and the button that opens the filter.
#[component]
pub fn GraphToolbar(
    /// The graph the buttons act on.
    graph: Graph,
    /// Whether the legend and filter panel is open.
    filter_open: RwSignal<bool>,
) -> impl IntoView {
    let state = use_app();
    let t = move |ui: i18n::Ui| move || ui.get(state.lang.get());
    let (zoom_in, zoom_out, fit) = (graph.clone(), graph.clone(), graph);
    let layout_button = move |layout: GraphLayout, name: i18n::Ui| {
        view! {
            <button type="button" aria-pressed=move || (state.layout.get() == layout).to_string()
                on:click=move |_| state.layout.set(layout)>{t(name)}</button>
        }
    };
    view! {
        <div class="graph-toolbar" role="toolbar" aria-label=t(i18n::GRAPH)>
            <button type="button" class="icon" on:click=move |_| zoom_by(&zoom_in, 1.25) aria-label=t(i18n::ZOOM_IN) title=t(i18n::ZOOM_IN)>"+"</button>
            <button type="button" class="icon" on:click=move |_| zoom_by(&zoom_out, 0.8) aria-label=t(i18n::ZOOM_OUT) title=t(i18n::ZOOM_OUT)>"−"</button>
            <button type="button" on:click=move |_| fit.fit(None, true)>{t(i18n::FIT)}</button>
            <div class="layout-switch" role="group" aria-label=t(i18n::LAYOUT)>
                {layout_button(GraphLayout::Force, i18n::LAYOUT_FORCE)}
                {layout_button(GraphLayout::Argument, i18n::LAYOUT_ARGUMENT)}
            </div>
            <button type="button" aria-expanded=move || filter_open.get().to_string() aria-controls="graph-filter"
                on:click=move |_| filter_open.update(|o| *o = !*o)>{t(i18n::LEGEND)}</button>
        </div>
    }
}
