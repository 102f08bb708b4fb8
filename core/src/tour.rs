//! The guided tour as a plan: each step's nodes in at most [`MAX_REVEALS`] reveals (one per
//! group of nodes, in the step's order), its events, and how the clicker's keys move through
//! reveals and steps. The view keeps only a [`TourPosition`].

use crate::model::{Lang, Model, Text};

/// The most presses a step's reveal takes.
pub const MAX_REVEALS: usize = 4;

/// Nodes shown together by one press, and what to call them on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Reveal {
    pub nodes: Vec<usize>,
    /// The group's name (or names, joined), or the kinds of ungrouped nodes.
    pub name: Text,
}

/// One step of the tour, planned.
#[derive(Clone, Debug, PartialEq)]
pub struct StepPlan {
    /// At least one reveal; a step that shows its nodes at once has exactly one.
    pub reveals: Vec<Reveal>,
    pub events: Vec<usize>,
}

/// Where the tour stands: the step, and how many of its reveals are shown (at least one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TourPosition {
    pub step: usize,
    pub revealed: usize,
}

/// The plans of every step of `model`'s tour.
pub fn plan(model: &Model) -> Vec<StepPlan> {
    model
        .tour
        .iter()
        .map(|step| {
            let nodes: Vec<usize> = step.nodes.iter().filter_map(|id| model.node_idx(id)).collect();
            let events = step.events.iter().filter_map(|id| model.event_idx(id)).collect();
            let reveals = if step.reveal && nodes.len() > 1 {
                reveals_by_group(model, &nodes)
            } else {
                vec![Reveal { nodes, name: step.title.clone() }]
            };
            StepPlan { reveals, events }
        })
        .collect()
}

/// Splits `nodes` (in the step's order) into runs by group, in order of first appearance, then
/// joins the two smallest neighbouring runs until at most [`MAX_REVEALS`] remain. Nodes that
/// all share one group (or none) are revealed one at a time instead (joined the same way), so a
/// revealing step of a reading without groups still reveals.
fn reveals_by_group(model: &Model, nodes: &[usize]) -> Vec<Reveal> {
    let mut keys: Vec<Option<&str>> = Vec::new();
    let mut buckets: Vec<Vec<usize>> = Vec::new();
    for &i in nodes {
        let key = model.nodes[i].group.as_deref();
        match keys.iter().position(|k| *k == key) {
            Some(b) => buckets[b].push(i),
            None => {
                keys.push(key);
                buckets.push(vec![i]);
            }
        }
    }
    if buckets.len() == 1 {
        let mut runs: Vec<(Vec<()>, Vec<usize>)> = nodes.iter().map(|&i| (vec![()], vec![i])).collect();
        join_smallest_runs(&mut runs);
        return runs.into_iter().map(|(_, nodes)| Reveal { name: labels_of(model, &nodes), nodes }).collect();
    }
    let mut runs: Vec<(Vec<Option<&str>>, Vec<usize>)> = keys.into_iter().map(|k| vec![k]).zip(buckets).collect();
    join_smallest_runs(&mut runs);
    runs.into_iter().map(|(keys, nodes)| Reveal { name: name_of(model, &keys, &nodes), nodes }).collect()
}

/// Joins the two smallest neighbouring runs (the earliest on ties) until at most
/// [`MAX_REVEALS`] remain; each run keeps what names it.
fn join_smallest_runs<K>(runs: &mut Vec<(Vec<K>, Vec<usize>)>) {
    while runs.len() > MAX_REVEALS {
        // The neighbouring pair with the fewest nodes together; the earliest on ties.
        let mut best = 0;
        for k in 1..runs.len() - 1 {
            if runs[k].1.len() + runs[k + 1].1.len() < runs[best].1.len() + runs[best + 1].1.len() {
                best = k;
            }
        }
        let (keys, nodes) = runs.remove(best + 1);
        runs[best].0.extend(keys);
        runs[best].1.extend(nodes);
    }
}

/// Nodes named by their labels: the first three, then "…".
fn labels_of(model: &Model, nodes: &[usize]) -> Text {
    let more = if nodes.len() > 3 { "…" } else { "" };
    let names = |lang: Lang, sep: &str| {
        nodes.iter().take(3).map(|&i| model.nodes[i].label.get(lang)).collect::<Vec<_>>().join(sep) + more
    };
    Text { zh: names(Lang::Zh, "、"), en: names(Lang::En, ", ") }
}

/// The name of a reveal: its groups' names, joined; nodes without a group are named by their
/// own labels (the first three, then "…"), which says more on a slide than their kinds.
fn name_of(model: &Model, keys: &[Option<&str>], nodes: &[usize]) -> Text {
    let mut zh: Vec<String> = Vec::new();
    let mut en: Vec<String> = Vec::new();
    for key in keys {
        match key.and_then(|g| model.group(g)) {
            // `get`: a one-language reading's names stand in for the other language.
            Some(group) => {
                zh.push(group.label.get(Lang::Zh).to_string());
                en.push(group.label.get(Lang::En).to_string());
            }
            None => {
                let loose: Vec<usize> = nodes.iter().copied().filter(|&i| model.nodes[i].group.is_none()).collect();
                let names = labels_of(model, &loose);
                zh.push(names.zh);
                en.push(names.en);
            }
        }
    }
    Text { zh: zh.join("；"), en: en.join("; ") }
}

/// The position one press later: the step's next reveal, else the next step's first reveal;
/// the last state stays.
pub fn next(plan: &[StepPlan], at: Option<TourPosition>) -> Option<TourPosition> {
    let Some(at) = at else { return (!plan.is_empty()).then_some(TourPosition { step: 0, revealed: 1 }) };
    let step = plan.get(at.step)?;
    if at.revealed < step.reveals.len() {
        return Some(TourPosition { revealed: at.revealed + 1, ..at });
    }
    if at.step + 1 < plan.len() {
        return Some(TourPosition { step: at.step + 1, revealed: 1 });
    }
    Some(at)
}

/// The position one press back: the previous step, whole (its nodes were all seen); the first
/// step stays.
pub fn previous(plan: &[StepPlan], at: TourPosition) -> TourPosition {
    if at.step == 0 || plan.is_empty() {
        return TourPosition { step: 0, revealed: at.revealed.max(1) };
    }
    let step = (at.step - 1).min(plan.len() - 1);
    TourPosition { step, revealed: plan[step].reveals.len() }
}

/// A step shown whole (Home, End, a link to a step).
pub fn whole(plan: &[StepPlan], step: usize) -> Option<TourPosition> {
    plan.get(step).map(|s| TourPosition { step, revealed: s.reveals.len() })
}

/// Every node of `step`, whatever has been revealed: what the stage's camera frames from the
/// first press, so reveals add nodes without moving the others.
pub fn step_nodes(plan: &[StepPlan], step: usize) -> Vec<usize> {
    plan.get(step).map(|s| s.reveals.iter().flat_map(|r| r.nodes.iter().copied()).collect()).unwrap_or_default()
}

/// How much each shown node's label matters on the stage, by node index (0 for the rest): the
/// nodes the last press revealed first (the caption is about them), then the step's nodes in the
/// order the data set lists them (its author's order of importance).
pub fn label_boosts(plan: &[StepPlan], at: TourPosition, node_count: usize) -> Vec<f64> {
    let mut boosts = vec![0.0; node_count];
    let Some(step) = plan.get(at.step) else { return boosts };
    let latest = at.revealed.checked_sub(1).and_then(|k| step.reveals.get(k));
    for (k, &i) in step.reveals.iter().take(at.revealed).flat_map(|r| r.nodes.iter()).enumerate() {
        if let Some(slot) = boosts.get_mut(i) {
            let fresh = latest.is_some_and(|r| r.nodes.contains(&i));
            *slot = 5_000.0 - 10.0 * k as f64 + if fresh { 3_000.0 } else { 0.0 };
        }
    }
    boosts
}

/// The nodes shown at `at`: those of the reveals so far, in order.
pub fn shown_nodes(plan: &[StepPlan], at: TourPosition) -> Vec<usize> {
    plan.get(at.step)
        .map(|s| s.reveals.iter().take(at.revealed).flat_map(|r| r.nodes.iter().copied()).collect())
        .unwrap_or_default()
}
