//! One field of the draft: a labelled control bound to a path of the draft, committed as one
//! edit when the author leaves it (or picks a choice), with the loader's problems at that path
//! shown under it and tied to it for screen readers.

use super::use_editor;
use crate::state::use_app;
use atlas_core::draft::{problems_at, problems_of_field, DraftItem, Edit};
use atlas_core::{Lang, Problem};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The item a form shows (`nodes[2]`), read from the draft once for all of its fields (a context
/// for the fields made in the form). The draft then has one reader per item, not one per field:
/// with the built-in reading's two thousand fields each reading the whole draft, every edit spent
/// most of its time taking those readers off the draft and putting them back (about 0.6 s).
#[derive(Clone)]
pub struct ItemForm {
    at: Arc<str>,
    item: Memo<DraftItem>,
    problems: Memo<Vec<Problem>>,
}

impl ItemForm {
    /// Reads the item at `at` and offers it to the fields made after this, below the caller.
    pub fn provide(at: &str) -> Self {
        let editor = use_editor();
        let at: Arc<str> = Arc::from(at);
        let item = {
            let at = at.clone();
            Memo::new(move |_| editor.with_draft(|d| d.item(&at)))
        };
        let problems = {
            let at = at.clone();
            Memo::new(move |_| editor.problems.with(|all| problems_at(all, &at).into_iter().cloned().collect()))
        };
        let form = Self { at, item, problems };
        provide_context(form.clone());
        form
    }

    /// The form around the caller when it shows the item at `at`.
    pub fn of(at: &str) -> Option<Self> {
        use_context::<Self>().filter(|form| *form.at == *at)
    }

    /// The path of a field inside this item, when `path` is one of its fields.
    fn inner<'p>(&self, path: &'p str) -> Option<&'p str> {
        path.strip_prefix(&*self.at)?.strip_prefix('.')
    }

    /// The text of the item's field at `inner` (`label.en`).
    pub fn field(&self, inner: &str) -> String {
        self.item.with(|item| item.field(inner))
    }

    /// How many entries the item's list at `inner` has (`sources`).
    pub fn len(&self, inner: &str) -> usize {
        self.item.with(|item| item.len(inner))
    }

    /// The loader's problems in the item (at it or inside it).
    pub fn problem_count(&self) -> usize {
        self.problems.with(Vec::len)
    }
}

/// How a field is edited.
#[derive(Clone, Copy, Debug)]
pub enum FieldKind {
    /// One line of text.
    Line,
    /// Text that may run to a paragraph.
    Long,
    /// One of fixed choices: each a code and its name in the interface's language.
    Choice(fn(Lang) -> Vec<(&'static str, &'static str)>),
    /// One of the draft's nodes, chosen by its name (the field holds its id): a link's ends. An
    /// id typed in the form was a chance to misspell it.
    Node,
    /// An event's actor: a [`FieldKind::Node`] whose actors and persons come first, so the
    /// letters typed on it find them before other nodes of like name (trial 14 typed "wa" for
    /// the water board and got "Warm river and algae", a threat).
    Actor,
}

/// The draft's nodes and events as fields offer them: each id with its label (an event's title)
/// in the interface's language when the reading has it, in the order of the forms (a context of
/// the editor's panel).
#[derive(Clone, Copy)]
pub struct ItemChoices {
    pub nodes: Memo<Vec<(String, String)>>,
    pub events: Memo<Vec<(String, String)>>,
}

impl ItemChoices {
    /// The written name of the node `id` (reactive), if it has one.
    pub fn node_name(&self, id: &str) -> Option<String> {
        self.nodes.with(|nodes| name_in(nodes, id))
    }
}

/// The name a list of choices (ids with their names) gives `id`, when one is written.
pub fn name_in(choices: &[(String, String)], id: &str) -> Option<String> {
    choices.iter().find(|(i, _)| i == id).map(|(_, name)| name.clone()).filter(|name| !name.trim().is_empty())
}

/// What a field that holds a list of ids adds to it, chosen by name beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddFrom {
    Nodes,
    Events,
}

/// What a node's option says: its label, then its id (so two nodes of one name differ); the id
/// alone while it has no label. A select finds an option by the first letters typed, so the
/// label comes first.
fn node_option_text(id: &str, label: &str) -> String {
    if label.trim().is_empty() {
        id.to_string()
    } else {
        format!("{label} ({id})")
    }
}

/// Nodes in the order their lists offer them: by name (then id), so a name is where a reader
/// looks for it and letters typed find it (trial 13 typed "Water" for "Water board" and got
/// "Water-sharing compact", made before it).
fn by_name(mut nodes: Vec<(String, String)>) -> Vec<(String, String)> {
    let key = |(id, label): &(String, String)| node_option_text(id, label).to_lowercase();
    nodes.sort_by_cached_key(key);
    nodes
}

/// The element id of the control for `path` (ids allow only some characters in selectors).
pub fn field_id(path: &str) -> String {
    let safe: String = path.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    format!("edit-{safe}")
}

/// The value a control holds now (an input, a text area or a select).
fn control_value(ev: &web_sys::Event) -> Option<String> {
    let target = ev.target()?;
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some(input.value());
    }
    if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return Some(area.value());
    }
    target.dyn_ref::<web_sys::HtmlSelectElement>().map(web_sys::HtmlSelectElement::value)
}

/// A labelled field of the draft at `path`; `text_lang` marks a text written in one language.
#[component]
pub fn Field(
    path: String,
    label: Signal<String>,
    #[prop(default = FieldKind::Line)] kind: FieldKind,
    #[prop(optional)] text_lang: Option<Lang>,
    #[prop(optional)] hint: Option<Signal<String>>,
    /// The id of a `datalist` of values to offer (group ids).
    #[prop(optional)]
    suggest: Option<&'static str>,
    /// For a list of ids: the items offered by name beside it, each added at the list's end.
    #[prop(optional)]
    add_from: Option<AddFrom>,
) -> impl IntoView {
    let state = use_app();
    let editor = use_editor();
    let id = field_id(&path);
    let problem_id = format!("{id}-problem");
    let hint_id = format!("{id}-hint");
    // In an item's form, the field reads the item; elsewhere (the reading's own fields), the draft.
    let form =
        use_context::<ItemForm>().and_then(|form| form.inner(&path).map(|inner| (form.clone(), inner.to_string())));
    let value = {
        let (path, form) = (path.clone(), form.clone());
        move || match &form {
            Some((form, inner)) => form.field(inner),
            None => editor.field(&path),
        }
    };
    // The loader's problems this field shows, read from its item's (or the draft's) once: the
    // list under the field and the status after an edit here both read it.
    let problems = {
        let path = path.clone();
        Memo::new(move |_| {
            let own = |all: &[Problem]| problems_of_field(all, &path).into_iter().cloned().collect::<Vec<_>>();
            match &form {
                Some((form, _)) => form.problems.with(|all| own(all)),
                None => editor.problems.with(|all| own(all)),
            }
        })
    };
    // Typed and not yet committed: the problems are the last committed value's, so the field
    // hides them until the author leaves it (a new node's label said "must not be empty" under
    // the words being typed into it).
    let typing = RwSignal::new(false);
    let shown = move || !typing.get() && !problems.with(Vec::is_empty);
    // Words typed into this field's list, meant for another field (type_ahead): said under it
    // until the list is changed.
    let astray = {
        let id = id.clone();
        move || editor.typed_astray.with(|a| a.as_ref().is_some_and(|a| a.field == id))
    };
    let astray_said = move || {
        astray().then(|| {
            let label = label.get();
            match state.lang.get() {
                Lang::En => format!("{label} is a list: letters typed here choose from it. What you typed is not a choice; it was not kept, and the list is as it was."),
                Lang::Zh => format!("{label}是一个列表：在此输入字母用于选择。你输入的不是其中的选项，未被保留，列表保持原样。"),
            }
        })
    };
    // A node's label shows in the graph as it is typed.
    let label_at = atlas_core::draft::node_label_at(&path);
    let typed_label = super::typed_label::TypedLabel::new();
    let commit = {
        let (path, id) = (path.clone(), id.clone());
        move |ev: web_sys::Event| {
            typing.set(false);
            typed_label.committed();
            if editor.typed_astray.with_untracked(|a| a.as_ref().is_some_and(|a| a.field == id)) {
                editor.typed_astray.set(None);
            }
            if let Some(text) = control_value(&ev) {
                editor.edit(Edit::Set { path: path.clone(), text });
                let first = problems.with_untracked(|own| own.first().cloned());
                editor
                    .field_problem
                    .set(first.map(|problem| super::FieldProblem { label: label.get_untracked(), problem }));
            }
        }
    };
    let invalid = move || shown().to_string();
    let on_typed = move |ev: web_sys::Event| {
        if !typing.get_untracked() {
            typing.set(true);
        }
        if let (Some((node, lang)), Some(text)) = (label_at, control_value(&ev)) {
            typed_label.typed(state, editor, node, lang, text);
        }
    };
    // Left unchanged (typed, then typed back), a field gets no change event: its problems stand.
    // The window left (another application) blurs the field too, which keeps the keyboard.
    let on_left = move |ev: web_sys::FocusEvent| {
        let field = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
        let still_focused = matches!((field, active), (Some(f), Some(a)) if f.is_same_node(Some(&a)));
        if !still_focused {
            typing.set(false);
            // Left unchanged: a label shown as typed gives way to the draft's (a change event,
            // which comes first, has committed it otherwise).
            typed_label.put_back(state);
        }
    };
    let described = {
        let (problem_id, hint_id) = (problem_id.clone(), hint_id.clone());
        let has_hint = hint.is_some();
        move || {
            let mut ids = Vec::new();
            if shown() {
                ids.push(problem_id.clone());
            }
            if has_hint {
                ids.push(hint_id.clone());
            }
            ids.join(" ")
        }
    };
    let lang_attr = text_lang.map(Lang::tag);
    let list_value = value.clone();
    let control = match kind {
        FieldKind::Line => view! {
            <input type="text" id=id.clone() data-path=path.clone() lang=lang_attr list=suggest prop:value=value aria-invalid=invalid
                aria-describedby=described on:input=on_typed on:blur=on_left on:change=commit/>
        }
        .into_any(),
        FieldKind::Long => view! {
            <textarea id=id.clone() data-path=path.clone() rows="2" lang=lang_attr prop:value=value aria-invalid=invalid
                aria-describedby=described on:input=on_typed on:blur=on_left on:change=commit></textarea>
        }
        .into_any(),
        FieldKind::Choice(choices) => {
            let chosen = value.clone();
            view! {
                <select id=id.clone() prop:value=value aria-invalid=invalid aria-describedby=described on:change=commit>
                    // A value the choices do not have (a typo in a file) stays visible, and wrong.
                    {move || {
                        let now = chosen();
                        let list = choices(state.lang.get());
                        let unknown = !list.iter().any(|(code, _)| *code == now);
                        let known = list.into_iter().map(|(code, name)| view! { <option value=code selected=code == now>{name}</option> });
                        let typo = unknown.then(|| view! { <option value=now.clone() selected=true>{now.clone()}</option> });
                        view! { {typo} {known.collect_view()} }
                    }}
                </select>
            }
            .into_any()
        }
        FieldKind::Node => node_select(id.clone(), value, invalid, described, commit, false),
        FieldKind::Actor => node_select(id.clone(), value, invalid, described, commit, true),
    };
    view! {
        <div class="field" class:has-problem=shown>
            <label for=id>{move || label.get()}</label>
            {control}
            {add_from.map(|from| add_to_list(path.clone(), from, label, list_value))}
            // Polite: a hint that changes with the field (a link read as its sentence, an actor
            // that is not one) is heard once the choice is made.
            {hint.map(|hint| view! { <p class="field-hint" id=hint_id aria-live="polite">{move || hint.get()}</p> })}
            {move || astray_said().map(|said| view! { <p class="field-problems" role="alert">{said}</p> })}
            <Show when=shown>
                <ul class="field-problems" id=problem_id.clone()>
                    {move || {
                        let lang = state.lang.get();
                        problems.with(|own| {
                            own.iter().map(|p| view! { <li>{format!("{} — {}", p.message(lang), p.hint(lang))}</li> }).collect_view()
                        })
                    }}
                </ul>
            </Show>
        </div>
    }
}

/// The ids of the draft's actors and persons (reactive).
fn actors_and_persons(editor: super::EditorState) -> std::collections::BTreeSet<String> {
    editor.with_draft(|d| {
        (0..d.len("nodes"))
            .filter(|i| {
                atlas_core::NodeKind::parse(&d.field(&format!("nodes[{i}].kind")))
                    .is_some_and(atlas_core::NodeKind::acts)
            })
            .map(|i| d.field(&format!("nodes[{i}].id")))
            .collect()
    })
}

/// The select of a [`FieldKind::Node`] field: "no node chosen" first (a new link's ends), then
/// an id no node has (a typo in a file stays visible, and wrong), then the draft's nodes.
fn node_select(
    id: String,
    value: impl Fn() -> String + Clone + Send + Sync + 'static,
    invalid: impl Fn() -> String + Send + Sync + 'static,
    described: impl Fn() -> String + Send + Sync + 'static,
    commit: impl Fn(web_sys::Event) + 'static,
    actors_first: bool,
) -> AnyView {
    let state = use_app();
    let editor = use_editor();
    let nodes = use_context::<ItemChoices>().map(|choices| choices.nodes);
    let chosen = value.clone();
    let options = move || {
        let now = chosen();
        let list = by_name(nodes.map(|nodes| nodes.get()).unwrap_or_default());
        let unknown = !now.is_empty() && !list.iter().any(|(node, _)| *node == now);
        let lang = state.lang.get();
        let none = view! {
            <option value="" selected=now.is_empty()>{crate::i18n::editor::NO_NODE.get(lang)}</option>
        };
        let typo = unknown.then(|| view! { <option value=now.clone() selected=true>{now.clone()}</option> });
        let option = |(node, label): (String, String)| {
            let selected = node == now;
            view! { <option value=node.clone() selected=selected>{node_option_text(&node, &label)}</option> }
        };
        let known = if actors_first {
            let acting = actors_and_persons(editor);
            let (actors, others): (Vec<_>, Vec<_>) = list.into_iter().partition(|(node, _)| acting.contains(node));
            view! {
                <optgroup label=crate::i18n::editor::ACTORS_AND_PERSONS.get(lang)>{actors.into_iter().map(option).collect_view()}</optgroup>
                <optgroup label=crate::i18n::editor::OTHER_NODES.get(lang)>{others.into_iter().map(option).collect_view()}</optgroup>
            }
            .into_any()
        } else {
            list.into_iter().map(option).collect_view().into_any()
        };
        view! { {none} {typo} {known} }
    };
    // The options are drawn again by position when the nodes change (one removed, one renamed):
    // an option a person picked keeps its selectedness whatever it then says, so once they are
    // drawn the select is set to the draft's value again (an effect runs after the drawing).
    let select = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        let now = value();
        if let Some(nodes) = nodes {
            nodes.track();
        }
        if let Some(select) = select.get() {
            select.set_value(&now);
        }
    });
    view! {
        <select id=id node_ref=select aria-invalid=invalid aria-describedby=described on:change=commit>{options}</select>
    }
    .into_any()
}

/// Beside a list of ids: a select of the draft's nodes (or events) by name not in the list yet,
/// and a button that adds the one chosen at the list's end as one edit. The button, not the
/// choice, adds: a closed select changes its choice with each arrow key or letter typed, so a
/// keyboard user looking for a name would add every one passed. Typing ids stays possible.
fn add_to_list(
    path: String,
    from: AddFrom,
    label: Signal<String>,
    value: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app();
    let editor = use_editor();
    let choices = use_context::<ItemChoices>().map(|c| match from {
        AddFrom::Nodes => c.nodes,
        AddFrom::Events => c.events,
    });
    let ui = move |text: crate::i18n::Ui| text.get(state.lang.get());
    let prompt = move || match from {
        AddFrom::Nodes => ui(crate::i18n::editor::CHOOSE_NODE_TO_ADD),
        AddFrom::Events => ui(crate::i18n::editor::CHOOSE_EVENT_TO_ADD),
    };
    let value = Arc::new(value);
    let options = {
        let value = value.clone();
        move || {
            let held = value();
            let held = atlas_core::draft::ids_in_text(&held);
            let list = choices.map(|c| c.get()).unwrap_or_default();
            // Events stay in the order they were made (a reading's are usually in date order).
            let list = if from == AddFrom::Nodes { by_name(list) } else { list };
            let offered = list
                .into_iter()
                .filter(|(id, _)| !held.contains(&id.as_str()))
                .map(|(id, label)| {
                    let text = node_option_text(&id, &label);
                    view! { <option value=id>{text}</option> }
                })
                .collect_view();
            view! { <option value="">{prompt}</option> {offered} }
        }
    };
    // The list read back by name (trial 8: a one-line field of long ids, cut off, did not say
    // who was in a tour step, and a node was left out). Said while empty too: the line that
    // appeared with the first name pushed what follows 24 px down under the pointer (trial 19).
    let names = {
        let value = value.clone();
        move || {
            let held = value();
            let ids = atlas_core::draft::ids_in_text(&held);
            if ids.is_empty() {
                return ui(crate::i18n::editor::NONE_IN_LIST).to_string();
            }
            let name =
                |id: &str| choices.and_then(|c| c.with(|list| name_in(list, id))).unwrap_or_else(|| id.to_string());
            ids.iter().map(|id| name(id)).collect::<Vec<_>>().join(" · ")
        }
    };
    let none_held = {
        let value = value.clone();
        move || atlas_core::draft::ids_in_text(&value()).is_empty()
    };
    let select = NodeRef::<leptos::html::Select>::new();
    // Back to the prompt whenever the list changes (the one added is no longer offered).
    Effect::new({
        let value = value.clone();
        move |_| {
            value();
            if let Some(choices) = choices {
                choices.track();
            }
            if let Some(select) = select.get() {
                select.set_value("");
            }
        }
    });
    let list = path.clone();
    let add = move |_| {
        let Some(chosen) = select.get_untracked().map(|s| s.value()).filter(|id| !id.is_empty()) else { return };
        editor.edit(Edit::Set { path: path.clone(), text: atlas_core::draft::id_list_with(&value(), &chosen) });
    };
    view! {
        // Polite live region: a node added by choosing it in the graph is heard here.
        <p class="field-names" class:is-empty=none_held aria-live="polite">{names}</p>
        <div class="add-to-list">
            <select aria-label=move || format!("{} ({})", prompt(), label.get()) node_ref=select>{options}</select>
            <button type="button" aria-label=move || format!("{} ({})", ui(crate::i18n::editor::ADD_TO_LIST), label.get())
                on:click=add>{move || ui(crate::i18n::editor::ADD_TO_LIST)}</button>
            <super::choosing::ChooseInViewsButton list=list.clone() label=label events=from == AddFrom::Events/>
        </div>
    }
}
