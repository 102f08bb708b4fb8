//! The editor's bar: undo and redo, the draft's state (problems, or shown in the views), the
//! draft as a file (save, open), publishing, and closing the editor.

use super::use_editor;
use crate::browser::download;
use crate::i18n;
use crate::state::use_app;
use atlas_core::Lang;
use leptos::prelude::*;

/// The draft's file name, from its English (or only) title.
fn draft_file_name(title: &str) -> String {
    format!("{}-draft.json", crate::view::publish::file_stem(title))
}

/// Goes to the first problem in the forms; one no form shows (a stage's groups, a passage's
/// locator) is said in the bar instead, with its path.
fn first_problem(editor: super::EditorState) {
    if super::item_list::show_first_problem(editor) {
        return;
    }
    if let Some(problem) = editor.problems.with_untracked(|all| all.first().cloned()) {
        editor.say_problem(&problem);
    }
}

#[component]
pub fn EditorBar() -> impl IntoView {
    let state = use_app();
    let editor = use_editor();
    let lang = state.lang;
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    let current_graph = use_context::<crate::view::menu::CurrentGraph>();
    let count_said = move || {
        let count = editor.problems.with(Vec::len);
        // A file just saved says where it went; "No problems" after it took a third line, cut
        // (trials 19 and 20 lost the end of the advice on the one HTML file).
        if count == 0 && editor.saved_as.with(Option::is_some) && editor.shown.get() != super::Shown::Earlier {
            return String::new();
        }
        if editor.shown.get() == super::Shown::Earlier {
            return match lang.get() {
                Lang::En => format!("{count} problems to fix. The views show an earlier version: this draft's languages or format are not understood."),
                Lang::Zh => format!("有 {count} 个问题待改。视图显示的是较早的版本：此草稿的语言或格式无法识别。"),
            };
        }
        match (lang.get(), count) {
            (Lang::En, 0) => "No problems: the graph and the timeline show this draft.".to_string(),
            (Lang::Zh, 0) => "没有问题：关系图和时间线显示的就是此草稿。".to_string(),
            (Lang::En, 1) => "1 problem to fix, at its field. Preview: … is not written yet.".to_string(),
            (Lang::En, n) => format!("{n} problems to fix, at their fields. Preview: … is not written yet."),
            (Lang::Zh, n) => format!("有 {n} 个问题待改（标在相应字段下）。预览中“…”表示尚未填写。"),
        }
    };
    // What the last save or edit did, said before the count.
    let lead = move || {
        let id_given = editor.id_given.with(|id| {
            id.as_ref().map(|id| match lang.get() {
                Lang::En => format!("Its id is now {id}, made from its name. "),
                Lang::Zh => format!("其 id 现为 {id}（由名称生成）。"),
            })
        });
        let saved_as = editor.saved_as.with(|saved| {
            saved.as_ref().map(|saved| match (saved, lang.get()) {
                (super::Saved::Draft(name), Lang::En) => {
                    format!("Draft saved as {name}, in your browser's downloads. ")
                }
                (super::Saved::Draft(name), Lang::Zh) => format!("草稿已保存为 {name}（在浏览器的下载中）。"),
                (super::Saved::Page(name), lang) => {
                    format!("{} ", crate::view::publish::saved_notice(name).describe(lang))
                }
            })
        });
        format!("{}{}", saved_as.unwrap_or_default(), id_given.unwrap_or_default())
    };
    // The words on screen, whole: the status shows two lines at most, and its title the rest.
    let said_whole =
        move || super::choosing::said(editor, lang.get()).unwrap_or_else(|| format!("{}{}", lead(), count_said()));
    let status = move || {
        if let Some(said) = super::choosing::said(editor, lang.get()) {
            return said.into_any();
        }
        let at_field = editor.field_problem.with(|said| {
            said.as_ref().map(|said| {
                let (label, problem) = (&said.label, said.problem.message(lang.get()));
                match lang.get() {
                    Lang::En => format!("{label}: {problem}. "),
                    Lang::Zh => format!("{label}：{problem}。"),
                }
            })
        });
        // The field an edit broke is said at the field, in red; here it is for a screen reader,
        // which hears the status change (on screen it made the bar a line taller).
        view! { {lead()}<span class="sr-only">{at_field}</span>{count_said()} }.into_any()
    };
    let draft_menu = NodeRef::<leptos::html::Details>::new();
    let save_draft = move |_| {
        super::bar_menu::close_to_summary(draft_menu);
        let title = editor.with_draft(|d| {
            let en = d.field("meta.title.en");
            if en.is_empty() {
                d.field(&format!("meta.title.{}", d.languages().source.code()))
            } else {
                en
            }
        });
        let name = draft_file_name(&title);
        download::text_file(&name, "application/json", &editor.draft_text());
        editor.saved_as.set(Some(super::Saved::Draft(name)));
    };
    let publish = move |_| {
        crate::view::publish::save_as_one_file_then(state, false, current_graph, move |saved| match saved {
            Ok(name) => {
                editor.refused.set(None);
                editor.saved_as.set(Some(super::Saved::Page(name)));
            }
            Err(why) => editor.refused.set(Some(why)),
        })
    };
    let open_draft = move |ev: web_sys::Event| {
        super::bar_menu::close_to_summary(draft_menu);
        super::open_files(state, editor, crate::view::data_loader::chosen_files(&ev));
    };
    let has_problems = move || editor.problems.with(|p| !p.is_empty());
    view! {
        <div class="editor-bar">
            // Named for screen readers (the panel is labelled by it); on screen its buttons say what
            // it is, and the forms under it need the room (trial 13 had 190 px of 768 for them).
            <h2 id="editor-heading" class="sr-only">{t(i18n::editor::EDITOR)}</h2>
            <div class="editor-actions" role="group" aria-label=t(i18n::editor::EDITOR)>
                <button type="button" aria-keyshortcuts="Control+Z" disabled=move || !editor.can_undo()
                    on:click=move |_| editor.undo()>{t(i18n::editor::UNDO)}</button>
                <button type="button" aria-keyshortcuts="Control+Y" disabled=move || !editor.can_redo()
                    on:click=move |_| editor.redo()>{t(i18n::editor::REDO)}</button>
                // The draft's file in a menu: the draft is kept in the browser as it is made, the
                // file is for another computer or a colleague, and the bar keeps to one row.
                <super::bar_menu::BarMenu menu=draft_menu class="draft-menu" label=t(i18n::editor::DRAFT_FILE)
                    list_name=t(i18n::editor::DRAFT_FILE)>
                    <li><button type="button" on:click=save_draft>{t(i18n::editor::SAVE_DRAFT)}</button></li>
                    <li><label class="file-button">
                        <span>{t(i18n::editor::OPEN_DRAFT)}</span>
                        <input type="file" accept=".json,application/json" class="file-input" on:change=open_draft/>
                    </label></li>
                </super::bar_menu::BarMenu>
                // Publishing waits for the problems to be mended: the way to the first is in
                // the status under it, beside the count.
                <button type="button" disabled=has_problems
                    on:click=publish>{t(i18n::SAVE_ONE_FILE)}</button>
                <super::jump::JumpMenu/>
                <button type="button" aria-label=t(i18n::editor::CLOSE_EDITOR)
                    on:click=move |_| editor.open.set(false)>{t(i18n::editor::CLOSE_EDITOR_SHORT)}</button>
            </div>
            // Lines kept whatever it says (see the style sheet).
            <div class="editor-status-lines">
                <p class="editor-status" role="status" title=said_whole class:has-problem=has_problems
                    class:choosing=move || editor.choosing.with(Option::is_some)>{status}</p>
                <Show when=move || has_problems() && editor.choosing.with(Option::is_none)>
                    // Short words on the button, the whole name for a screen reader; the words
                    // are part of the name.
                    <button type="button" class="first-problem" aria-label=t(i18n::editor::FIRST_PROBLEM)
                        on:click=move |_| first_problem(editor)>
                        {t(i18n::editor::FIRST_PROBLEM_SHORT)}
                    </button>
                </Show>
                <super::choosing::StopChoosingButton/>
            </div>
            <ReplaceDraft/>
            {move || editor.refused.get().map(|why| view! { <p class="editor-refused" role="alert">{why.describe(lang.get())}</p> })}
        </div>
    }
}

/// Asks before a new reading, a reading to edit or a file replaces a draft with work in it: the
/// draft in place is kept in this browser only until it is replaced.
#[component]
fn ReplaceDraft() -> impl IntoView {
    let state = use_app();
    let editor = use_editor();
    let lang = state.lang;
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    let question = move || {
        let title = editor.with_draft(|d| {
            let shown = d.languages().shown(lang.get()).code();
            d.field(&format!("meta.title.{shown}"))
        });
        match lang.get() {
            Lang::En => format!("Replace your draft \"{title}\"? This browser keeps only one draft; save it as a file first to keep it."),
            Lang::Zh => format!("要替换你的草稿“{title}”吗？此浏览器只保存一份草稿；若要保留，请先将其保存为文件。"),
        }
    };
    let save = move |_| {
        download::text_file(
            &draft_file_name(&editor.with_draft(|d| d.field("meta.title.en"))),
            "application/json",
            &editor.draft_text(),
        );
    };
    view! {
        <Show when=move || editor.pending.with(Option::is_some)>
            <div class="replace-draft" role="group" aria-labelledby="replace-draft-question">
                <p id="replace-draft-question">{question}</p>
                <button type="button" on:click=save>{t(i18n::editor::SAVE_DRAFT)}</button>
                <button type="button" on:click=move |_| {
                    if let Some(draft) = editor.pending.get_untracked() {
                        editor.replace(draft);
                    }
                }>{t(i18n::editor::REPLACE_DRAFT)}</button>
                <button type="button" id="edit-keep-draft" on:click=move |_| editor.pending.set(None)>{t(i18n::editor::KEEP_DRAFT)}</button>
            </div>
        </Show>
    }
}
