//! Your own data sets: open by file picker (one JSON file, or a spreadsheet reading's CSV files
//! with its source text), by dropping a file on the page, or by `data=` in the URL (same origin
//! only). A data set is validated by the same loader as the built-in one;
//! its problems are shown in the page and the current view stays as it was. A valid one
//! replaces the view and is kept in storage (when there is any) so it survives a reload.

use crate::browser::{download, storage};
use crate::i18n;
use crate::state::{use_app, AppState, DataSource, Notice};
use atlas_core::precomputed::read_layout_block;
#[cfg(feature = "editor")]
use atlas_core::precomputed::ShownLayout;
use atlas_core::saved::{data_set_envelope, fingerprint, read_data_set_envelope, salvage_text, SavedDataSet};
use atlas_core::scene::{ForceLayout, Scene};
use atlas_core::view_state::Selected;
use atlas_core::{load_data_set, Lang, Limits, Problem, ProblemKind};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the page's `<script type="application/json">` block that carries the built-in
/// data set. `tools/postbuild.mjs` writes it from `www/data/lang-ping-2023.json`, so the first
/// view needs no request (and works from `file://`), and the data is not WebAssembly the browser
/// must compile: content stays out of the code.
const BUILT_IN_DATA_ID: &str = "atlas-data";

/// The id of the page's layout block: the built-in data set's force layout, settled at build
/// time (`atlas_core::precomputed`), so the start skips the simulation. Optional: without it,
/// or when it belongs to other data, the layout is settled here, to the same picture.
const BUILT_IN_LAYOUT_ID: &str = "atlas-layout";

/// The built-in data set, read from the page and validated, as a scene, with its data source
/// (which keeps the text as the page carries it).
pub fn load_built_in() -> Result<(Scene, DataSource), Vec<Problem>> {
    let text = crate::browser::dom::text_of_element(BUILT_IN_DATA_ID)
        .filter(|text| !text.trim().is_empty())
        .ok_or_else(|| vec![Problem::new("", ProblemKind::NoBuiltInData)])?;
    let model = load_data_set(&text)?;
    let key = fingerprint(&text);
    let ahead =
        crate::browser::dom::text_of_element(BUILT_IN_LAYOUT_ID).and_then(|block| read_layout_block(&block, &key));
    Ok((scene_of(model, ahead), DataSource::BuiltIn { key, text: Arc::from(text) }))
}

/// The storage key of the user's data set in this page: a data set chosen in one page (a saved
/// reading opened from a file, one of several readings on a course site) stays with that page.
fn saved_data_key() -> String {
    storage::page_scoped("v1:dataset")
}

/// What a draft shown from the editor is known by as a data set (its pins are kept under it):
/// one per editor page, whatever the draft's text.
#[cfg(feature = "editor")]
pub fn draft_source_key() -> String {
    storage::page_scoped("draft")
}

/// Where the editor keeps the map it last drew, as a layout block keyed by the draft's text:
/// a reload (or the draft shown again as it was) finds the map its author was looking at, not
/// one laid out anew.
#[cfg(feature = "editor")]
fn draft_layout_key() -> String {
    storage::page_scoped("draft-layout")
}

/// Where earlier versions kept the user's data set, one per origin: read when this page has
/// none of its own, and moved to the page's key once it loads.
const LEGACY_SAVED_DATA_KEY: &str = "v1:dataset";

/// Forgets the user's saved data set (the page's, and an earlier version's).
fn forget_saved() {
    storage::remove(&saved_data_key());
    storage::remove(LEGACY_SAVED_DATA_KEY);
}

/// The scene of a model, its labels measured as the browser renders them; `ahead` is its force
/// layout when one was computed at build time.
fn scene_of(model: atlas_core::Model, ahead: Option<ForceLayout>) -> Scene {
    let measure = crate::browser::text_measure::CanvasMeasure::new();
    Scene::with_layout_ahead(model, &measure, ahead)
}

/// Shows a scene: a fresh view of it, nothing selected or hidden.
fn show(state: &AppState, scene: Scene, source: DataSource) {
    state.selection.set(Selected::Nothing);
    state.back_depth.set(0);
    state.hovered.set(None);
    state.hidden.set(Default::default());
    state.tour.set(None);
    state.show.set(Vec::new());
    state.search.set(String::new());
    state.time_span.set(None);
    state.load_problems.set(None);
    state.source.set(source);
    state.scene.set(Arc::new(scene));
    retell_quote_check(state, None);
}

/// What the page said of the quotes of the data set shown before, told again of the one shown
/// now (`checked`: its quotes and passages, when every quote was found in its text) or taken
/// away. Never said anew: a notice dismissed stays dismissed.
fn retell_quote_check(state: &AppState, checked: Option<(usize, usize)>) {
    let said = |n: &Notice| matches!(n, Notice::QuotesChecked { .. });
    if !state.notices.with_untracked(|list| list.iter().any(said)) {
        return;
    }
    state.notices.update(|list| match checked {
        Some((quotes, passages)) => {
            list.iter_mut().filter(|n| said(n)).for_each(|n| *n = Notice::QuotesChecked { quotes, passages })
        }
        None => list.retain(|n| !said(n)),
    });
}

/// Validates and, if valid, shows a user's data set; `persist` keeps it in storage.
pub fn load_user_text(state: &AppState, name: &str, text: &str, persist: bool) -> bool {
    match load_data_set(text) {
        Ok(model) => {
            // The loader checked every quote against the source text the reading carries: say so.
            let checked = model.source_text.as_ref().map(|source| (model.quote_count(), source.paragraphs.len()));
            show(
                state,
                scene_of(model, None),
                DataSource::User { name: name.to_string(), key: fingerprint(text), text: Arc::from(text) },
            );
            if let Some((quotes, passages)) = checked {
                state.notify(Notice::QuotesChecked { quotes, passages });
            }
            if persist {
                let envelope = data_set_envelope(&SavedDataSet { name: name.to_string(), text: text.to_string() });
                if storage::set(&saved_data_key(), &envelope).is_err() {
                    state.notify(Notice::text(
                        "无法在此浏览器中保存该数据集（此处没有存储空间或空间已满），仅在本次访问中保留。可在“更多”菜单中下载 JSON 保存。",
                        "This data set could not be saved in this browser (no storage here, or it is full): it stays for this visit only. Download it as JSON from the More menu to keep it.",
                    ));
                }
            }
            true
        }
        Err(problems) => {
            state.load_problems.set(Some((name.to_string(), problems)));
            false
        }
    }
}

/// Shows a draft from the editor (`model` is its reading, or its preview) as the user's data
/// set, with the draft's `text` as its text (what "Download JSON" saves and publishing checks):
/// what is selected stays where the draft still has it. With `keep` (a draft without problems)
/// it is kept like any opened data set (the editor says when storage refuses the draft itself).
#[cfg(feature = "editor")]
pub fn show_draft(
    state: &AppState,
    text: &str,
    model: atlas_core::Model,
    keep: bool,
    on_screen: Option<atlas_core::precomputed::ShownLayout>,
) {
    let title = model.meta.title.get(state.lang.get_untracked()).to_string();
    // An edit that keeps the same nodes and links (a label, a summary, a quote) keeps the map
    // where it was: the positions the author is looking at, without settling it again. One
    // that adds or takes away a node or a link settles near it: the nodes that were there start
    // where they were. A draft that is mostly new (another reading opened) is laid out anew.
    // The map drawn last for this very text (a reload) comes first: the page's start laid the
    // reading out anew (trial 19's map, reloaded, was another picture). Otherwise "where it
    // was" is where the graph draws it (`on_screen`: a drag moved the dragged node's
    // neighbours), or else where the reading shown laid it out.
    let text_key = fingerprint(text);
    let drawn = storage::get(&draft_layout_key()).and_then(|block| read_layout_block(&block, &text_key));
    let kept = drawn.or_else(|| {
        state.scene.with_untracked(|before| {
            let at = layout_as_drawn(before, on_screen);
            let same_nodes = before.model.nodes.len() == model.nodes.len()
                && before.model.nodes.iter().zip(&model.nodes).all(|(a, b)| a.id == b.id);
            let same_links = before.model.links.len() == model.links.len()
                && before
                    .model
                    .links
                    .iter()
                    .zip(&model.links)
                    .all(|(a, b)| a.source == b.source && a.target == b.target);
            if same_nodes && same_links {
                return Some(at);
            }
            atlas_core::scene::same_map(&before.model, &model)
                .then(|| atlas_core::scene::settled_near_drawn(&model, before, &at))
        })
    });
    let checked = model.source_text.as_ref().filter(|_| keep).map(|s| (model.quote_count(), s.paragraphs.len()));
    let scene = scene_of(model, kept);
    // Without storage the map is laid out anew on a reload, as before: nothing is lost.
    let block = atlas_core::precomputed::layout_block_of(&text_key, &scene.force_layout());
    let _ = storage::set(&draft_layout_key(), &block);
    if !crate::state::exists_in(&state.selection.get_untracked(), &scene) {
        state.selection.set(Selected::Nothing);
        state.back_depth.set(0);
    }
    state.hovered.set(None);
    state.tour.set(None);
    state.time_span.set(None);
    state.load_problems.set(None);
    state.data_url.set(None);
    let name = if title.trim().is_empty() { "draft".to_string() } else { title };
    // Every edit changes the text, so a draft's pins are kept under the page's draft, not under
    // its text's fingerprint: a node the author moved stays where it was put through edits and
    // reloads.
    state.source.set(DataSource::User { name: name.clone(), key: draft_source_key(), text: Arc::from(text) });
    state.scene.set(Arc::new(scene));
    // A draft without problems had every quote checked against its text; a preview's quotes
    // are those of the items that could be drawn, so nothing is said of them.
    retell_quote_check(state, checked);
    if keep {
        let _ = storage::set(&saved_data_key(), &data_set_envelope(&SavedDataSet { name, text: text.to_string() }));
    }
}

/// The layout of `before` where the graph draws it (`on_screen`, when it is a map of
/// `before`'s nodes: a drag moved the dragged node's neighbours), else as `before` laid it out;
/// at `before`'s heat, which the graph drawing it does not carry on to the next.
#[cfg(feature = "editor")]
fn layout_as_drawn(before: &Scene, on_screen: Option<ShownLayout>) -> ForceLayout {
    match on_screen {
        Some(shown) if shown.layout.fits(before.model.nodes.len()) => {
            ForceLayout { alpha: before.force_alpha, ..shown.layout }
        }
        _ => before.force_layout(),
    }
}

/// Shows node `id`'s label in `lang` as `text` (typed, not yet committed) in the views: the
/// reading shown with that label, its map where it is drawn (`on_screen`). Nothing when the
/// reading shown has no such node (its id changed meanwhile).
#[cfg(feature = "editor")]
pub fn show_typed_label(state: &AppState, id: &str, lang: Lang, text: &str, on_screen: Option<ShownLayout>) {
    // A large map settles on screen, its nodes named aloud as they are drawn: not for every
    // pause in typing.
    if state.scene.with_untracked(|s| s.model.nodes.len() > atlas_core::scene::LARGE_GRAPH_NODES) {
        return;
    }
    let shown = state.scene.get_untracked();
    if let Some(model) = shown.model.with_label(id, lang, text) {
        show_as_drawn(state, model, &shown, on_screen);
    }
}

/// Shows `model` (a reading much like `shown`, a label apart) where the graph draws `shown`'s
/// map (`on_screen`): a typed label, or the one put back, keeps the nodes a drag moved.
#[cfg(feature = "editor")]
pub fn show_as_drawn(state: &AppState, model: atlas_core::Model, shown: &Scene, on_screen: Option<ShownLayout>) {
    state.scene.set(Arc::new(scene_of(model, Some(layout_as_drawn(shown, on_screen)))));
}

/// Returns to the built-in article and forgets the saved user data set.
pub fn back_to_built_in(state: &AppState) {
    // The page's own data set loaded when the app started, so this fails only on a page that
    // changed under us; the user's saved copy is forgotten only once the switch has worked.
    match load_built_in() {
        Ok((scene, source)) => {
            forget_saved();
            state.data_url.set(None);
            show(state, scene, source);
        }
        Err(problems) => state.load_problems.set(Some((String::new(), problems))),
    }
}

/// On start: a saved user data set, if any, replaces the built-in one. A damaged or invalid
/// saved copy is reported and offered for download, never silently dropped.
pub fn restore_saved(state: &AppState) {
    let (text, legacy) = match storage::get(&saved_data_key()) {
        Some(text) => (text, false),
        None => match storage::get(LEGACY_SAVED_DATA_KEY) {
            Some(text) => (text, true),
            None => return,
        },
    };
    match read_data_set_envelope(&text) {
        Ok(saved) => {
            if load_user_text(state, &saved.name, &saved.text, legacy) {
                // Saved again under this page's key just now; the copy made for the origin goes.
                if legacy && storage::get(&saved_data_key()).is_some() {
                    storage::remove(LEGACY_SAVED_DATA_KEY);
                }
            } else {
                state.salvage.set(Some(saved.text));
                state.notify(Notice::text(
                    format!("已保存的数据集“{}”无法加载，现显示内置文章。", saved.name),
                    format!("Your saved data set \"{}\" no longer loads; the built-in article is shown.", saved.name),
                ));
            }
        }
        Err(problem) => {
            state.salvage.set(Some(salvage_text(&text)));
            state.notify(Notice::text(
                format!("无法读取已保存的数据集：{}。现显示内置文章。", problem.describe(Lang::Zh)),
                format!(
                    "Your saved data set could not be read: {}. The built-in article is shown.",
                    problem.describe(Lang::En)
                ),
            ));
        }
    }
}

fn too_large(name: &str, bytes: f64) -> (String, Vec<Problem>) {
    let limit = Limits::default().max_bytes;
    (name.to_string(), vec![Problem::new("", ProblemKind::FileTooLarge { bytes: bytes as usize, limit })])
}

/// Reads a chosen or dropped file and loads it; files over the size limit are refused unread.
#[cfg(not(feature = "editor"))]
pub fn load_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    if file.size() > Limits::default().max_bytes as f64 {
        state.load_problems.set(Some(too_large(&name, file.size())));
        return;
    }
    read_text(&file, move |text| {
        // A file from this computer: no link can carry it (Share says so).
        if load_user_text(&state, &name, &text, true) {
            state.data_url.set(None);
        }
    });
}

/// The files chosen in a file input, from its `change`; the input is emptied, so choosing the
/// same file again is a change too.
pub fn chosen_files(ev: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        return Vec::new();
    };
    let list = input.files();
    let files =
        (0..list.as_ref().map_or(0, |l| l.length())).filter_map(|i| list.as_ref().and_then(|l| l.get(i))).collect();
    input.set_value("");
    files
}

/// Reads `file` as text and hands it to `then` (an unreadable file gives "").
fn read_text(file: &web_sys::File, then: impl FnOnce(String) + 'static) {
    let Ok(reader) = web_sys::FileReader::new() else { return };
    let reader_in = reader.clone();
    let onload = Closure::once_into_js(move || {
        then(reader_in.result().ok().and_then(|r| r.as_string()).unwrap_or_default());
    });
    reader.set_onload(Some(onload.unchecked_ref()));
    let _ = reader.read_as_text(file);
}

#[cfg(feature = "editor")]
/// The chosen files' names and texts, in the order chosen, handed to `then` once every one is
/// read; `None` (and the problem shown) when together they are over the size limit. `name`
/// says what they are called together: "reading.csv +5".
pub fn read_all(
    state: AppState,
    files: Vec<web_sys::File>,
    then: impl FnOnce(String, Vec<(String, String)>) + 'static,
) {
    let limit = Limits::default().max_bytes;
    let total: f64 = files.iter().map(|f| f.size()).sum();
    let names: Vec<String> = files.iter().map(web_sys::File::name).collect();
    let first = names.iter().find(|n| n.to_ascii_lowercase().ends_with("reading.csv")).or(names.first());
    let name = match (first, names.len()) {
        (Some(first), n) if n > 1 => format!("{first} +{}", n - 1),
        (first, _) => first.cloned().unwrap_or_default(),
    };
    if total > limit as f64 {
        state.load_problems.set(Some(too_large(&name, total)));
        return;
    }
    let count = files.len();
    // Each file's name and text, as its reader finishes; the last one read hands them over.
    use std::{cell::RefCell, rc::Rc};
    type Read = Vec<Option<(String, String)>>;
    type Then = Option<Box<dyn FnOnce(String, Vec<(String, String)>)>>;
    let read: Rc<RefCell<Read>> = Rc::new(RefCell::new(vec![None; count]));
    let then: Rc<RefCell<Then>> = Rc::new(RefCell::new(Some(Box::new(then))));
    for (i, file) in files.into_iter().enumerate() {
        let (read, name, then) = (read.clone(), name.clone(), then.clone());
        let file_name = file.name();
        read_text(&file, move |text| {
            read.borrow_mut()[i] = Some((file_name, text));
            let all: Option<Vec<(String, String)>> = read.borrow().iter().cloned().collect();
            // Taken only once every file is read: the first reads must leave it for the last.
            let Some(all) = all else { return };
            if let Some(then) = then.borrow_mut().take() {
                then(name, all);
            }
        });
    }
}

/// Whether chosen files are a spreadsheet reading (any `.csv` among them).
pub fn is_spreadsheet(files: &[web_sys::File]) -> bool {
    files.iter().any(|f| f.name().to_ascii_lowercase().ends_with(".csv"))
}

/// Loads `data=<relative URL>` from the same origin, then applies the link's view to it. On
/// failure the link's data set is dropped from the address (the built-in reading stays).
pub fn load_from_url(state: AppState, relative: String, view: atlas_core::view_state::ViewState) {
    let Some(window) = web_sys::window() else { return };
    let failure = |url: &str, detail: &str| {
        Notice::text(
            format!("无法加载数据集 {url:?}：{detail}。（从本地文件打开的页面无法读取其他文件；请通过服务器访问，或使用“打开数据集”。）"),
            format!("Could not load the data set {url:?}: {detail}. (A page opened from a file cannot fetch other files; serve the folder, or use \"Open a data set\".)"),
        )
    };
    let url = relative.clone();
    let on_response = Closure::once(move |response: JsValue| {
        let Ok(response) = response.dyn_into::<web_sys::Response>() else { return };
        if !response.ok() {
            state.data_url.set(None);
            state.notify(failure(&url, &format!("HTTP {}", response.status())));
            return;
        }
        let Ok(text_promise) = response.text() else { return };
        let url_in = url.clone();
        let on_text = Closure::once(move |text: JsValue| {
            let text = text.as_string().unwrap_or_default();
            if text.len() > Limits::default().max_bytes {
                state.data_url.set(None);
                state.load_problems.set(Some(too_large(&url_in, text.len() as f64)));
            } else if load_user_text(&state, &url_in, &text, false) {
                state.apply_view_state(&view);
            } else {
                state.data_url.set(None);
            }
        });
        let _ = text_promise.then(&on_text);
        on_text.forget();
    });
    let url_err = relative.clone();
    let on_error = Closure::once(move |_: JsValue| {
        state.data_url.set(None);
        state.notify(failure(&url_err, "network error"));
    });
    let _ = window.fetch_with_str(&relative).then2(&on_response, &on_error);
    on_response.forget();
    on_error.forget();
}

/// What "Open a data set…" takes: in the reader one JSON file; in the editor's page also a
/// spreadsheet reading (its CSV files and the source's text, chosen together).
#[cfg(not(feature = "editor"))]
const OPEN_ACCEPTS: &str = ".json,application/json,.csv,text/csv";
#[cfg(feature = "editor")]
const OPEN_ACCEPTS: &str = ".json,application/json,.csv,text/csv,.txt,.md";

/// Opens chosen (or dropped) files in the reader: one JSON data set is shown; a spreadsheet
/// reading is sent to the editor's page (the CSV import is authoring, which readers do not
/// download). The editor's page opens files as its draft instead (`editor::open_files`).
#[cfg(not(feature = "editor"))]
pub fn open_in_reader(state: AppState, files: Vec<web_sys::File>) {
    if is_spreadsheet(&files) {
        state.notify(Notice::text(
            "电子表格（CSV）文件在编辑器中打开：“更多 → 新建解读”，再在编辑器页面中选择这些文件（“更多 → 打开数据集…”）。",
            "Spreadsheet (CSV) files open in the editor: More → New reading, then choose them there (More → Open a data set…).",
        ));
    } else if let Some(file) = files.into_iter().next() {
        load_file(state, file);
    }
}

/// The "Open a data set" control, the load-problems panel, and "Back to the built-in article".
#[component]
pub fn DataControls() -> impl IntoView {
    let state = use_app();
    let open = crate::view::editor_entry::file_opener(state);
    let lang = state.lang;
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    let on_change = move |ev: web_sys::Event| open(chosen_files(&ev));
    view! {
        <div class="data-controls">
            <label class="file-button">
                <span>{t(i18n::OPEN_DATA)}</span>
                <input type="file" multiple=cfg!(feature = "editor") accept=OPEN_ACCEPTS class="file-input" on:change=on_change/>
            </label>
        </div>
    }
}

/// While the user's own data set is shown: which file, and the way back, always in sight.
#[component]
pub fn OwnDataNote() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    let file_name = move || match state.source.get() {
        DataSource::User { name, .. } => Some(name),
        DataSource::BuiltIn { .. } => None,
    };
    view! {
        <Show when=move || file_name().is_some()>
            <p class="own-data">
                <span>{t(i18n::SHOWING_OWN_DATA)}": "<span class="file-name">{move || file_name().unwrap_or_default()}</span></span>
                <button type="button" on:click=move |_| back_to_built_in(&state)>{t(i18n::BACK_TO_BUILT_IN)}</button>
            </p>
        </Show>
    }
}

/// The problems of a data set that did not load, and the download of salvaged text.
#[component]
pub fn LoadProblems() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    let problems = move || {
        state.load_problems.get().filter(|(_, list)| !list.is_empty()).map(|(name, list)| {
            let lang = lang.get();
            let heading = match lang {
                Lang::En => format!("\"{name}\" was not loaded: {} problem(s). The view is unchanged.", list.len()),
                Lang::Zh => format!("“{name}”未加载：共 {} 个问题。当前视图保持不变。", list.len()),
            };
            view! {
                <section class="load-problems" role="alert" aria-labelledby="load-problems-title">
                    <h2 id="load-problems-title">{heading}</h2>
                    <ul>{list.iter().take(200).map(|p| view! { <li><code>{Some(p.place(lang)).filter(|place| !place.is_empty()).unwrap_or_else(|| "—".to_string())}</code>" "{p.message(lang)}<span class="hint">" — "{p.hint(lang)}</span></li> }).collect_view()}</ul>
                    {(list.len() > 200).then(|| view! { <p>{format!("… +{}", list.len() - 200)}</p> })}
                    <button type="button" on:click=move |_| state.load_problems.set(None)>{t(i18n::DISMISS)}</button>
                </section>
            }
        })
    };
    let salvage = move || {
        state.salvage.get().map(|text| {
            let text2 = text.clone();
            view! {
                <div class="salvage" role="status">
                    <button type="button" on:click=move |_| { download::text_file("argument-atlas-saved-copy.json", "application/json", &text2); }>
                        {t(i18n::DOWNLOAD_SAVED)}
                    </button>
                    <button type="button" on:click=move |_| { forget_saved(); state.salvage.set(None); }>
                        {t(i18n::FORGET_SAVED)}
                    </button>
                    <span class="sr-only">{text.len()}</span>
                </div>
            }
        })
    };
    view! { {problems} {salvage} }
}
