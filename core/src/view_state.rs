//! The shareable view state and its URL form: language, selection, layout, filters, panes,
//! graph zoom, timeline span, tour step and embed mode.
//!
//! The URL is the first home of shareable state: a link reopens exactly what was shared. This
//! module turns a query string into a [`ViewState`] and back. Parsing never fails: whatever
//! cannot be read is ignored and reported as a [`UrlNotice`], so a garbage URL still opens the
//! app. Ids are checked against a model by the caller (the app), not here.
//!
//! A link names what to show, never the sharer's pixels: a selection, nodes to frame, or
//! (by default) the whole graph, so it reopens right in a frame of any size. The `zoom=` of
//! older links is ignored.
//!
//! | parameter | values | meaning |
//! |---|---|---|
//! | `lang` | `zh`, `en` | interface language |
//! | `node` / `event` / `group` | an id | the selected node, event or group |
//! | `layout` | `force`, `argument` (`columns`, an older name) | the graph layout |
//! | `show` | ids of nodes, comma-separated | frame these nodes (else the whole graph) |
//! | `hide` | `kind:threat,group:social,actor:eu,…` | legend filter: hidden kinds and groups; only what lies near the named actors |
//! | `view` | `both`, `graph`, `timeline` | which panes are shown |
//! | `span` | `all`, `2023`, `start..end` (days since 1970-01-01) | the timeline's span |
//! | `tour` | `1`…`n` | the guided tour's step (1-based) |
//! | `embed` | `1` | embed mode: no page chrome |
//! | `resize` | `0` | embed mode: do not post the frame's height to the parent |
//! | `presenter` | `1` | the presenter's window: current and next step, notes, time |
//! | `data` | a relative URL | load a data set from the same origin |

use crate::model::Lang;
use crate::number::{parse_number, Fixed};
use std::collections::BTreeSet;

/// What is selected, by id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum Selected {
    #[default]
    Nothing,
    Node(String),
    Event(String),
    Group(String),
    /// A link, by its [`crate::Model::link_key`].
    Link(String),
}

impl Selected {
    /// What is selected after an edit took `before` to `after`: the same item when an edit in
    /// place renamed it, otherwise as it was. In place means the lists kept their length and
    /// differ at the item alone: a link whose relation changed (or whose end was renamed with
    /// its node), a node or an event whose id changed. The editor changes a selected link's
    /// relation in its form, and the selection went with the old name; a draft replaced by
    /// another of the same lengths is not an edit in place, and nothing is followed into it.
    pub fn followed(&self, before: &crate::Model, after: &crate::Model) -> Selected {
        self.renamed(before, after).unwrap_or_else(|| self.clone())
    }

    /// The new name of what is selected, when an edit in place renamed it ([`Self::followed`]).
    fn renamed(&self, before: &crate::Model, after: &crate::Model) -> Option<Selected> {
        match self {
            Selected::Link(key) if after.link_idx(key).is_none() => {
                renamed_link(before, after, before.link_idx(key)?).map(Selected::Link)
            }
            Selected::Node(id) if after.node_idx(id).is_none() => {
                let i = only_difference(&before.nodes, &after.nodes, |a, b| a.id == b.id)?;
                (before.nodes[i].id == *id).then(|| Selected::Node(after.nodes[i].id.clone()))
            }
            Selected::Event(id) if after.event_idx(id).is_none() => {
                let i = only_difference(&before.events, &after.events, |a, b| a.id == b.id)?;
                (before.events[i].id == *id).then(|| Selected::Event(after.events[i].id.clone()))
            }
            _ => None,
        }
    }
}

/// The one place where two lists of the same length differ; `None` when they differ nowhere,
/// in more places, or in length.
fn only_difference<T>(before: &[T], after: &[T], same: impl Fn(&T, &T) -> bool) -> Option<usize> {
    if before.len() != after.len() {
        return None;
    }
    let mut differing = (0..before.len()).filter(|&i| !same(&before[i], &after[i]));
    let first = differing.next()?;
    differing.next().is_none().then_some(first)
}

/// The new name of link `k` of `before` when `after` is an edit in place of it: its relation
/// changed and nothing else, or a node was renamed (every link keeps its place, with the new
/// id at its ends).
fn renamed_link(before: &crate::Model, after: &crate::Model, k: usize) -> Option<String> {
    if before.links.len() != after.links.len() || before.nodes.len() != after.nodes.len() {
        return None;
    }
    let node_renamed = only_difference(&before.nodes, &after.nodes, |a, b| a.id == b.id)
        .map(|i| (before.nodes[i].id.as_str(), after.nodes[i].id.as_str()));
    let new_id = |id: &'_ str| -> String {
        match node_renamed {
            Some((old, new)) if id == old => new.to_string(),
            _ => id.to_string(),
        }
    };
    let kept = |a: &crate::model::Link, b: &crate::model::Link| {
        crate::model::link_key_of(&new_id(&a.source), a.relation.code(), &new_id(&a.target)) == b.key()
    };
    let differing: Vec<usize> = (0..before.links.len()).filter(|&j| !kept(&before.links[j], &after.links[j])).collect();
    match differing.as_slice() {
        [] => after.link_key(k),
        [only] if *only == k => {
            let (a, b) = (&before.links[k], &after.links[k]);
            (new_id(&a.source) == b.source && new_id(&a.target) == b.target).then(|| after.link_key(k)).flatten()
        }
        _ => None,
    }
}

/// Which panes are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Panes {
    #[default]
    Both,
    Graph,
    Timeline,
}

/// The graph layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum GraphLayout {
    /// The force layout, groups gathered round a ring.
    #[default]
    Force,
    /// The argument layout: the article's flow in columns, stage by stage.
    Argument,
}

/// The timeline's span.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub enum TimeSpan {
    #[default]
    All,
    Year(i32),
    Days(f64, f64),
}

/// Everything a link carries.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ViewState {
    pub lang: Option<Lang>,
    pub selected: Selected,
    pub layout: GraphLayout,
    pub hidden: BTreeSet<String>,
    pub panes: Panes,
    /// Node ids to frame on opening (the whole graph when empty).
    pub show: Vec<String>,
    pub span: Option<TimeSpan>,
    /// The tour step, 0-based.
    pub tour_step: Option<usize>,
    pub embed: bool,
    /// Post the frame's height to the parent page when embedded.
    pub auto_resize: bool,
    /// This window is the presenter's view of a tour shown in another window.
    pub presenter: bool,
    pub data_url: Option<String>,
}

/// Something in the URL that was ignored, with the parameter it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlNotice {
    pub parameter: String,
    pub value: String,
}

impl UrlNotice {
    pub fn describe(&self, lang: Lang) -> String {
        let value: String = self.value.chars().take(40).collect();
        match lang {
            Lang::En => format!("Ignored the link's \"{}\" value {:?}: not understood.", self.parameter, value),
            Lang::Zh => format!("已忽略链接中无法识别的参数 \"{}\" 的值 {:?}。", self.parameter, value),
        }
    }
}

/// The longest value read from any parameter; longer ones are ignored.
const MAX_VALUE_CHARS: usize = 2000;

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~:,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Whether `key` has the shape of a [`crate::Model::link_key`]: two ids and a relation between
/// them, and for a second or later such link its number.
fn is_link_key(key: &str) -> bool {
    let parts: Vec<&str> = key.split('~').collect();
    let link = |source: &str, relation: &str, target: &str| {
        crate::load::is_kebab_id(source)
            && crate::Relation::parse(relation).is_some()
            && crate::load::is_kebab_id(target)
    };
    match parts.as_slice() {
        [source, relation, target] => link(source, relation, target),
        [source, relation, target, nth] => link(source, relation, target) && nth.parse::<u16>().is_ok_and(|n| n >= 2),
        _ => false,
    }
}

fn is_filter_key(key: &str) -> bool {
    let Some((prefix, id)) = key.split_once(':') else { return false };
    matches!(prefix, "kind" | "group" | "actor") && crate::load::is_kebab_id(id)
}

/// Reads a query string (with or without the leading `?`, or a hash with `#`).
pub fn parse_query(query: &str) -> (ViewState, Vec<UrlNotice>) {
    let mut state = ViewState { auto_resize: true, ..ViewState::default() };
    let mut notices = Vec::new();
    let query = query.trim_start_matches(['?', '#']);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let (Some(key), Some(value)) = (percent_decode(raw_key), percent_decode(raw_value)) else {
            notices.push(UrlNotice {
                parameter: raw_key.chars().take(40).collect(),
                value: raw_value.chars().take(40).collect(),
            });
            continue;
        };
        let ignore =
            |notices: &mut Vec<UrlNotice>| notices.push(UrlNotice { parameter: key.clone(), value: value.clone() });
        if value.chars().count() > MAX_VALUE_CHARS {
            ignore(&mut notices);
            continue;
        }
        match key.as_str() {
            "lang" => match Lang::parse(&value) {
                Some(lang) => state.lang = Some(lang),
                None => ignore(&mut notices),
            },
            "node" if crate::load::is_kebab_id(&value) => state.selected = Selected::Node(value),
            "event" if crate::load::is_kebab_id(&value) => state.selected = Selected::Event(value),
            "group" if crate::load::is_kebab_id(&value) => state.selected = Selected::Group(value),
            "link" if is_link_key(&value) => state.selected = Selected::Link(value),
            "layout" => match value.as_str() {
                "force" => state.layout = GraphLayout::Force,
                "argument" | "columns" => state.layout = GraphLayout::Argument,
                _ => ignore(&mut notices),
            },
            "show" => {
                for id in value.split(',').filter(|s| !s.is_empty()) {
                    if crate::load::is_kebab_id(id) && state.show.len() < 200 {
                        state.show.push(id.to_string());
                    } else {
                        notices.push(UrlNotice { parameter: key.clone(), value: id.to_string() });
                    }
                }
            }
            "hide" => {
                for item in value.split(',').filter(|s| !s.is_empty()) {
                    if is_filter_key(item) {
                        state.hidden.insert(item.to_string());
                    } else {
                        notices.push(UrlNotice { parameter: key.clone(), value: item.to_string() });
                    }
                }
            }
            "view" => match value.as_str() {
                "both" => state.panes = Panes::Both,
                "graph" => state.panes = Panes::Graph,
                "timeline" => state.panes = Panes::Timeline,
                _ => ignore(&mut notices),
            },
            // Older links carried the sharer's pan and zoom; a link now names what to show.
            "zoom" => {}
            "span" => {
                let parsed = if value == "all" {
                    Some(TimeSpan::All)
                } else if let Some((a, b)) = value.split_once("..") {
                    match (parse_number(a), parse_number(b)) {
                        (Some(a), Some(b))
                            if b - a >= crate::timeline::MIN_SPAN_DAYS
                                && b - a <= crate::timeline::MAX_SPAN_DAYS
                                && a.abs() < 1e7 =>
                        {
                            Some(TimeSpan::Days(a, b))
                        }
                        _ => None,
                    }
                } else {
                    value.parse::<i32>().ok().filter(|y| (1..=9999).contains(y)).map(TimeSpan::Year)
                };
                match parsed {
                    Some(span) => state.span = Some(span),
                    None => ignore(&mut notices),
                }
            }
            "tour" => match value.parse::<usize>() {
                Ok(step) if (1..=10_000).contains(&step) => state.tour_step = Some(step - 1),
                _ => ignore(&mut notices),
            },
            "embed" => match value.as_str() {
                "1" | "true" => state.embed = true,
                "0" | "false" => state.embed = false,
                _ => ignore(&mut notices),
            },
            "presenter" => match value.as_str() {
                "1" | "true" => state.presenter = true,
                _ => ignore(&mut notices),
            },
            "resize" => match value.as_str() {
                "1" | "true" => state.auto_resize = true,
                "0" | "false" => state.auto_resize = false,
                _ => ignore(&mut notices),
            },
            "data" => match safe_relative_url(&value) {
                Some(url) => state.data_url = Some(url),
                None => ignore(&mut notices),
            },
            _ => ignore(&mut notices),
        }
    }
    (state, notices)
}

/// Accepts only a relative path on the same origin (no scheme, no `//host`, no backslashes or
/// control characters), so `data=` can never make the app fetch from another host.
pub fn safe_relative_url(value: &str) -> Option<String> {
    let v = value.trim();
    let bad = v.is_empty()
        || v.starts_with("//")
        || v.contains('\\')
        || v.chars().any(|c| c.is_control())
        || v.split(['/', '?', '#']).next().is_some_and(|first| first.contains(':'));
    (!bad).then(|| v.to_string())
}

/// Writes the state as a query string (without `?`), leaving out what is at its default.
pub fn to_query(state: &ViewState) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(lang) = state.lang {
        parts.push(format!("lang={}", lang.code()));
    }
    match &state.selected {
        Selected::Nothing => {}
        Selected::Node(id) => parts.push(format!("node={}", percent_encode(id))),
        Selected::Event(id) => parts.push(format!("event={}", percent_encode(id))),
        Selected::Group(id) => parts.push(format!("group={}", percent_encode(id))),
        Selected::Link(key) => parts.push(format!("link={}", percent_encode(key))),
    }
    if state.layout == GraphLayout::Argument {
        parts.push("layout=argument".into());
    }
    if !state.show.is_empty() {
        parts.push(format!("show={}", state.show.iter().map(|id| percent_encode(id)).collect::<Vec<_>>().join(",")));
    }
    if !state.hidden.is_empty() {
        parts.push(format!("hide={}", state.hidden.iter().map(|h| percent_encode(h)).collect::<Vec<_>>().join(",")));
    }
    match state.panes {
        Panes::Both => {}
        Panes::Graph => parts.push("view=graph".into()),
        Panes::Timeline => parts.push("view=timeline".into()),
    }
    match state.span {
        None | Some(TimeSpan::All) => {}
        Some(TimeSpan::Year(y)) => parts.push(format!("span={y}")),
        Some(TimeSpan::Days(a, b)) => parts.push(format!("span={a:.1}..{b:.1}", a = Fixed(a), b = Fixed(b))),
    }
    if let Some(step) = state.tour_step {
        parts.push(format!("tour={}", step + 1));
    }
    if state.embed {
        parts.push("embed=1".into());
        if !state.auto_resize {
            parts.push("resize=0".into());
        }
    }
    if state.presenter {
        parts.push("presenter=1".into());
    }
    if let Some(url) = &state.data_url {
        parts.push(format!("data={}", percent_encode(url)));
    }
    parts.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(query: &str, expect_query: &str, expect_notices: &[&str]) {
        let (state, notices) = parse_query(query);
        assert_eq!(to_query(&state), expect_query, "{query}");
        let got: Vec<String> = notices.iter().map(|n| format!("{}={}", n.parameter, n.value)).collect();
        assert_eq!(got, expect_notices, "{query}");
    }

    #[test]
    fn round_trips_every_parameter() {
        check("", "", &[]);
        check("?lang=en&node=ai-risk", "lang=en&node=ai-risk", &[]);
        check("lang=zh&event=us-ncs-2023&layout=argument", "lang=zh&event=us-ncs-2023&layout=argument", &[]);
        check("group=social&show=a,b-c", "group=social&show=a,b-c", &[]);
        check("link=cyber-risk~drives~security-dilemma", "link=cyber-risk~drives~security-dilemma", &[]);
        check("link=eu~part_of~west&lang=en", "lang=en&link=eu~part_of~west", &[]);
        check("link=a~drives~b~2", "link=a~drives~b~2", &[]);
        check("hide=kind:threat,group:social&view=graph", "hide=group:social,kind:threat&view=graph", &[]);
        check("span=2023&tour=3", "span=2023&tour=3", &[]);
        // Older links: the columns layout is now the argument layout; a zoom is not carried.
        check("layout=columns&zoom=1.5,10,-20", "layout=argument", &[]);
        check("span=19000..19365&embed=1&resize=0", "span=19000.0..19365.0&embed=1&resize=0", &[]);
        check("tour=2&presenter=1", "tour=2&presenter=1", &[]);
        check("data=data%2Fother.json", "data=data%2Fother.json", &[]);
        check("#lang=en", "lang=en", &[]);
    }

    #[test]
    fn garbage_is_ignored_with_notices() {
        check("lang=fr", "", &["lang=fr"]);
        check("node=%3Cscript%3E", "", &["node=<script>"]);
        check("layout=spiral&tour=0&tour=abc", "", &["layout=spiral", "tour=0", "tour=abc"]);
        check("show=ok,Bad_Id", "show=ok", &["show=Bad_Id"]);
        check("group=<b>", "", &["group=<b>"]);
        check(
            "link=a~loves~b&link=a~drives&link=A~drives~b",
            "",
            &["link=a~loves~b", "link=a~drives", "link=A~drives~b"],
        );
        check("hide=kind:threat,<b>", "hide=kind:threat", &["hide=<b>"]);
        check("span=2023-13&span=5..6", "", &["span=2023-13", "span=5..6"]);
        check("%ZZ=1&x", "", &["%ZZ=1", "x="]);
        check("embed=maybe", "", &["embed=maybe"]);
    }

    #[test]
    fn data_urls_must_stay_on_the_same_origin() {
        for ok in ["data/other.json", "./x.json", "../readings/a.json", "/abs/path.json", "x.json?v=2"] {
            assert_eq!(safe_relative_url(ok).as_deref(), Some(ok), "{ok}");
        }
        for bad in [
            "https://evil.example/x.json",
            "//evil.example/x.json",
            "javascript:alert(1)",
            "data:application/json,{}",
            "\\\\evil",
            "a\u{0}b",
            "",
        ] {
            assert_eq!(safe_relative_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn very_long_values_are_ignored() {
        let long = "a".repeat(MAX_VALUE_CHARS + 1);
        let (state, notices) = parse_query(&format!("node={long}"));
        assert_eq!(state.selected, Selected::Nothing);
        assert_eq!(notices.len(), 1);
        // The longest value allowed is read.
        let longest = format!("{}.json", "a".repeat(MAX_VALUE_CHARS - 5));
        let (state, notices) = parse_query(&format!("data={longest}"));
        assert_eq!(state.data_url, Some(longest));
        assert!(notices.is_empty());
    }

    #[test]
    fn each_value_a_parameter_knows_is_read_and_a_neighbour_is_not() {
        // The values that set a default explicitly: read, so the query is empty or the same.
        check("layout=force", "", &[]);
        check("view=both", "", &[]);
        check("view=timeline", "view=timeline", &[]);
        check("embed=1", "embed=1", &[]);
        check("embed=1&resize=1", "embed=1", &[]);
        check("embed=true&resize=true", "embed=1", &[]);
        check("embed=0&embed=false", "", &[]);
        check("presenter=true", "presenter=1", &[]);
        // Only a filter of a known prefix with a kebab id.
        check(
            "hide=kind:Threat,place:x,kind:,actor:us",
            "hide=actor:us",
            &["hide=kind:Threat", "hide=place:x", "hide=kind:"],
        );
        check("event=Not_An_Id", "", &["event=Not_An_Id"]);
        // At most 200 nodes to show.
        let ids: Vec<String> = (0..201).map(|k| format!("n{k}")).collect();
        let (state, notices) = parse_query(&format!("show={}", ids.join(",")));
        assert_eq!(state.show.len(), 200);
        assert_eq!(notices.len(), 1);
        // Spans: at least the shortest span, at most the longest, starting within range.
        check("span=100..114", "span=100.0..114.0", &[]);
        check("span=100..113", "", &["span=100..113"]);
        check("span=0..73050", "span=0.0..73050.0", &[]);
        check("span=0..73051", "", &["span=0..73051"]);
        check("span=-9999999..-9999900", "span=-9999999.0..-9999900.0", &[]);
        check("span=10000000..10000100", "", &["span=10000000..10000100"]);
    }

    #[test]
    fn a_notice_says_which_value_was_ignored_in_both_languages() {
        let notice = UrlNotice { parameter: "layout".into(), value: "spiral".into() };
        assert_eq!(notice.describe(Lang::En), "Ignored the link's \"layout\" value \"spiral\": not understood.");
        assert_eq!(notice.describe(Lang::Zh), "已忽略链接中无法识别的参数 \"layout\" 的值 \"spiral\"。");
        let long = UrlNotice { parameter: "node".into(), value: "x".repeat(100) };
        assert!(
            long.describe(Lang::En).contains(&format!("\"{}\"", "x".repeat(40)))
                && !long.describe(Lang::En).contains(&"x".repeat(41))
        );
    }

    #[test]
    fn percent_escapes_decode_byte_by_byte() {
        assert_eq!(percent_decode("a%20b+c%E4%B8%AD").as_deref(), Some("a b c中"));
        assert_eq!(percent_decode("%4"), None);
        assert_eq!(percent_decode("%C3"), None);
    }
}
