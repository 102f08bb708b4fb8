//! The "More" menu: what the top bar has no room for. Opening another reading, downloads and
//! exports, the graph as lists, the keyboard help, the projector theme, and (framed) a new tab.

use crate::browser::download;
use crate::i18n;
use crate::state::use_app;
use crate::view::data_loader::DataControls;
use crate::view::editor_entry::EditorMenuItems;
use crate::view::graph::runtime::Graph;
use atlas_core::view_state::GraphLayout;
use leptos::prelude::*;

/// The graph shown now, for exports (set by the graph view when it is built).
#[derive(Clone, Copy)]
pub struct CurrentGraph(pub StoredValue<Option<Graph>, LocalStorage>);

impl CurrentGraph {
    /// The map of `scene` as the graph draws it (a dragged node where it was put, the nodes the
    /// drag moved where they went), when the graph draws that scene.
    pub fn shown_layout_of(
        &self,
        scene: &std::sync::Arc<atlas_core::scene::Scene>,
    ) -> Option<atlas_core::precomputed::ShownLayout> {
        let graph = self.0.get_value()?;
        graph.with(|rt| std::sync::Arc::ptr_eq(&rt.scene, scene).then(|| rt.shown_layout()))
    }

    /// The map of `scene` as the graph draws it, for an edit made of it
    /// ([`crate::view::graph::runtime::GraphRuntime::take_for_edit`]), when the graph draws
    /// that scene.
    #[cfg(feature = "editor")]
    pub fn taken_for_edit(
        &self,
        scene: &std::sync::Arc<atlas_core::scene::Scene>,
    ) -> Option<atlas_core::precomputed::ShownLayout> {
        let graph = self.0.get_value()?;
        let mut rt = graph.borrow_mut();
        if !std::sync::Arc::ptr_eq(&rt.scene, scene) {
            return None;
        }
        rt.take_for_edit()
    }
}

/// Dialogs the menu opens, each by bumping its counter.
#[derive(Clone, Copy)]
pub struct Dialogs {
    pub help: RwSignal<u32>,
    pub lists: RwSignal<u32>,
}

/// The graph's SVG export as shown (visible nodes at their current positions, in the current
/// language), with its size.
fn current_svg(graph: &Graph) -> atlas_core::export::ExportedSvg {
    graph.with(|rt| {
        let (xs, ys) = match rt.mode {
            GraphLayout::Force => (&rt.world_xs, &rt.world_ys),
            GraphLayout::Argument => (&rt.scene.force_xs, &rt.scene.force_ys),
        };
        atlas_core::export::graph_svg(&rt.scene, xs, ys, &rt.visible, rt.lang)
    })
}

/// The menu button and its list.
#[component]
pub fn Menu() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    let open = RwSignal::new(false);
    let current = use_context::<CurrentGraph>();
    let dialogs = use_context::<Dialogs>();
    let close = move || open.set(false);
    let export = move |png: bool| {
        let graph = current.and_then(|c| c.0.get_value());
        if let Some(graph) = graph {
            let svg = current_svg(&graph);
            if png {
                download::png_from_svg("argument-atlas-graph.png", &svg.text, svg.width, svg.height, 2.0);
            } else {
                download::text_file("argument-atlas-graph.svg", "image/svg+xml", &svg.text);
            }
        }
        close();
    };
    let download_json = move |_| {
        let json = state.source.with_untracked(|source| source.text().to_string());
        download::text_file("argument-atlas-data.json", "application/json", &json);
        close();
    };
    view! {
        <div class="menu" on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Escape" && open.get_untracked() { ev.stop_propagation(); close(); }>
            <button type="button" class="menu-button" aria-expanded=move || open.get().to_string()
                aria-controls="main-menu" on:click=move |_| open.update(|o| *o = !*o)>{t(i18n::MENU)}</button>
            <div id="main-menu" class="menu-panel" hidden=move || !open.get() on:change=move |_| close()>
                <DataControls/>
                <EditorMenuItems close=Callback::new(move |()| close())/>
                <button type="button" on:click=download_json>{t(i18n::EXPORT_JSON)}</button>
                <button type="button" on:click=move |_| { crate::view::publish::save_as_one_file(state, false, current); close(); }>{t(i18n::SAVE_ONE_FILE)}</button>
                // Only a reading that carries its source text offers to let it travel.
                <Show when=move || state.scene.with(|s| s.model.source_text.is_some())>
                    <button type="button" on:click=move |_| { crate::view::publish::save_as_one_file(state, true, current); close(); }>{t(i18n::SAVE_ONE_FILE_WITH_SOURCE)}</button>
                </Show>
                <button type="button" on:click=move |_| export(false)>{t(i18n::EXPORT_SVG)}</button>
                <button type="button" on:click=move |_| export(true)>{t(i18n::EXPORT_PNG)}</button>
                <button type="button" on:click=move |_| { if let Some(d) = dialogs { d.lists.update(|n| *n += 1) }; close(); }>{t(i18n::READ_AS_LISTS)}</button>
                <button type="button" aria-keyshortcuts="?" on:click=move |_| { if let Some(d) = dialogs { d.help.update(|n| *n += 1) }; close(); }>{t(i18n::KEYBOARD_HELP)}</button>
                <button type="button" on:click=move |_| {
                    close();
                    if let Some(window) = web_sys::window() {
                        let _ = window.print();
                    }
                }>{t(i18n::PRINT_HANDOUT)}</button>
                <button type="button" aria-pressed=move || state.projector.get().to_string()
                    on:click=move |_| state.projector.update(|p| *p = !*p)>{t(i18n::PROJECTOR_THEME)}</button>
            </div>
        </div>
    }
}
