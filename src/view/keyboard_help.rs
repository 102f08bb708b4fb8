//! The keyboard help overlay, opened with `?` (or from the menu) and closed with Escape.

use crate::i18n;
use crate::state::use_app;
use atlas_core::Lang;
use leptos::prelude::*;

const KEYS: [(&str, &str, &str); 12] = [
    ("Tab / Shift+Tab", "在各区域与控件间移动", "Move between regions and controls"),
    (
        "← → ↑ ↓",
        "关系图中：移到相邻节点；时间线中：上一/下一事件",
        "Graph: move to a neighbour; timeline: previous/next event",
    ),
    ("Enter / Space", "选择", "Select"),
    ("Escape", "清除选择、关闭对话框或退出演示", "Clear the selection, close a dialog or leave the tour"),
    ("+ / −", "放大 / 缩小", "Zoom in / out"),
    ("0", "关系图适合窗口", "Fit the graph to the screen"),
    ("U", "取消固定节点", "Release a pinned node"),
    ("F5", "开始或结束演示导览", "Start or leave the tour"),
    ("PageDown / → / N", "演示时：下一步", "Tour: next step"),
    ("PageUp / ← / P", "演示时：上一步", "Tour: previous step"),
    ("B / .", "演示时：黑屏", "Tour: blank the screen"),
    ("F", "演示时：全屏", "Tour: fullscreen"),
];

/// The help dialog, opened from the menu or with `?` (see `tour::install_presenter_keys`).
#[component]
pub fn KeyboardHelp(
    /// Bumped to open the dialog.
    open: RwSignal<u32>,
) -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |previous: Option<u32>| {
        let count = open.get();
        if previous.is_some_and(|p| p != count) {
            if let Some(d) = dialog.get_untracked() {
                if !d.open() {
                    let _ = d.show_modal();
                }
            }
        }
        count
    });
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    view! {
        <dialog node_ref=dialog class="help-dialog" aria-labelledby="help-title">
            <h2 id="help-title">{t(i18n::KEYBOARD_HELP)}</h2>
            <dl class="key-list">
                {KEYS.iter().map(|(keys, zh, en)| view! {
                    <dt><kbd>{*keys}</kbd></dt>
                    <dd>{move || match lang.get() { Lang::Zh => *zh, Lang::En => *en }}</dd>
                }).collect_view()}
            </dl>
            <button type="button" on:click=move |_| { if let Some(d) = dialog.get_untracked() { d.close(); } }>{t(i18n::CLOSE)}</button>
        </dialog>
    }
}
