//! Graph questions the UI shows, answered with petgraph on a graph built once from the model:
//! node degree (drawn as node size), the responses that counter a threat and the threats a
//! response counters (directly or through intermediate nodes), and the threats nothing counters.
//!
//! The `id ↔ NodeIndex` map lives here and only here: petgraph node `i` is `model.nodes[i]`.

use crate::model::{Model, NodeKind, Relation};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, VecDeque};

/// The longest chain of links a countering path may take. Three: a chain of four or more
/// ("Shared stall via Lack of time → Market decline → Fewer shoppers", trial 10) reads to a
/// student like a claim the text makes, though it is drawn apart as the app's inference.
pub const MAX_COUNTER_PATH: usize = 3;

/// The model's nodes and links as a petgraph graph, plus the analyses the UI needs.
pub struct ArgumentGraph {
    graph: DiGraph<NodeKind, Relation>,
}

/// Where a countering walk stands: at a node, on the response's side or past the link that
/// crosses over to what the response deals with (see [`ArgumentGraph::counter_paths`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Step {
    node: usize,
    crossed: bool,
}

/// A response that counters a threat, and the node path between them (response first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CounterPath {
    pub response: usize,
    pub threat: usize,
    pub path: Vec<usize>,
}

impl ArgumentGraph {
    /// Builds the graph: node `i` of the graph is `model.nodes[i]`.
    pub fn new(model: &Model) -> ArgumentGraph {
        let mut graph = DiGraph::with_capacity(model.nodes.len(), model.links.len());
        for node in &model.nodes {
            graph.add_node(node.kind);
        }
        for link in &model.links {
            if let (Some(s), Some(t)) = (model.node_idx(&link.source), model.node_idx(&link.target)) {
                graph.add_edge(NodeIndex::new(s), NodeIndex::new(t), link.relation);
            }
        }
        ArgumentGraph { graph }
    }

    /// The number of links touching each node, in either direction (a self-link counts twice).
    ///
    /// ```text
    ///   a → b ← c      degree: a 1, b 2, c 1
    /// ```
    /// Complexity: O(V + E).
    pub fn degrees(&self) -> Vec<usize> {
        let mut degree = vec![0; self.graph.node_count()];
        for edge in self.graph.edge_references() {
            degree[edge.source().index()] += 1;
            degree[edge.target().index()] += 1;
        }
        degree
    }

    /// Node radii for drawing: `base + step * sqrt(degree)`, so that area grows with degree.
    pub fn radii(&self, base: f64, step: f64) -> Vec<f64> {
        self.degrees().into_iter().map(|d| base + step * (d as f64).sqrt()).collect()
    }

    /// Every (response, threat) pair where the response counters the threat, with the shortest
    /// path. A response counters a threat when, starting at the response, the threat is reached
    /// in at most [`MAX_COUNTER_PATH`] moves that run in two stretches:
    /// 1. on the response's side, down `part_of` links (a whole does what its parts do), until
    ///    one `addresses` or `mitigates` link crosses over;
    /// 2. on the far side, down `part_of` links (dealing with a whole deals with its parts) and
    ///    forward along `drives` or `aggravates` links (dealing with a cause deals with what it
    ///    drives), never onto a response (what a response brings about is not countered by it).
    ///
    /// Nothing else is followed: dealing with an effect does not deal with what drives it,
    /// dealing with one part of a threat does not deal with the whole or with the other parts,
    /// and one part of a response does not do what the whole or the other parts do. A response
    /// never counters a threat only by being driven by it or by naming it.
    ///
    /// ```text
    ///   r --addresses--> c --drives--> t        r counters t by [r, c, t]
    ///   r --addresses--> w <--part_of-- t       r counters t by [r, w, t]
    ///   r <--part_of-- p --addresses--> t       r counters t by [r, p, t]
    /// ```
    /// Complexity: O(R · (V + E)) for R responses.
    pub fn counter_paths(&self) -> Vec<CounterPath> {
        let mut found = Vec::new();
        for start in self.graph.node_indices() {
            if self.graph[start] != NodeKind::Response {
                continue;
            }
            let parents = self.bfs_counter(start);
            for target in self.graph.node_indices() {
                let far = Step { node: target.index(), crossed: true };
                if self.graph[target] != NodeKind::Threat || !parents.contains_key(&far) {
                    continue;
                }
                let mut path = vec![target.index()];
                let mut at = far;
                while let Some(Some(before)) = parents.get(&at) {
                    path.push(before.node);
                    at = *before;
                }
                path.reverse();
                found.push(CounterPath { response: start.index(), threat: target.index(), path });
            }
        }
        found
    }

    /// The steps one countering move takes from `at` (see [`ArgumentGraph::counter_paths`]).
    fn counter_moves(&self, at: Step) -> Vec<Step> {
        let node = NodeIndex::new(at.node);
        let mut next = Vec::new();
        for edge in self.graph.edges_directed(node, Direction::Outgoing) {
            let crosses = match edge.weight() {
                Relation::Addresses | Relation::Mitigates => !at.crossed,
                Relation::Drives | Relation::Aggravates => at.crossed,
                _ => false,
            };
            if crosses {
                next.push(Step { node: edge.target().index(), crossed: true });
            }
        }
        // Down part_of links, on either side: from a whole to its parts.
        for edge in self.graph.edges_directed(node, Direction::Incoming) {
            if *edge.weight() == Relation::PartOf {
                next.push(Step { node: edge.source().index(), crossed: at.crossed });
            }
        }
        next.retain(|step| !step.crossed || self.graph[NodeIndex::new(step.node)] != NodeKind::Response);
        next
    }

    /// Breadth-first search over countering moves from `start`; each reached [`Step`] maps to the
    /// step before it on a shortest path (`None` for `start` itself).
    fn bfs_counter(&self, start: NodeIndex) -> HashMap<Step, Option<Step>> {
        let first = Step { node: start.index(), crossed: false };
        let mut parents = HashMap::from([(first, None)]);
        let mut queue = VecDeque::from([(first, 0usize)]);
        while let Some((at, depth)) = queue.pop_front() {
            if depth >= MAX_COUNTER_PATH {
                continue;
            }
            for step in self.counter_moves(at) {
                if let Entry::Vacant(entry) = parents.entry(step) {
                    entry.insert(Some(at));
                    queue.push_back((step, depth + 1));
                }
            }
        }
        parents
    }

    /// The threats no response counters (see [`ArgumentGraph::counter_paths`]), in node order.
    pub fn uncountered_threats(&self) -> Vec<usize> {
        let countered: std::collections::HashSet<usize> = self.counter_paths().iter().map(|p| p.threat).collect();
        self.graph
            .node_indices()
            .filter(|&i| self.graph[i] == NodeKind::Threat && !countered.contains(&i.index()))
            .map(|i| i.index())
            .collect()
    }

    /// The nodes one link away from `node`, in either direction, without repeats.
    pub fn neighbours(&self, node: usize) -> Vec<usize> {
        if node >= self.graph.node_count() {
            return Vec::new();
        }
        let mut out: Vec<usize> = self.graph.neighbors_undirected(NodeIndex::new(node)).map(|n| n.index()).collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Which nodes lie within `hops` links of `start`, either direction, given each node's
/// neighbours (`start` itself included).
///
/// ```text
///   a ― b ― c ― d      within_hops(a, 2): a, b, c
/// ```
/// Complexity: O(V + E) (breadth-first).
pub fn within_hops(neighbours: &[Vec<usize>], start: usize, hops: usize) -> Vec<bool> {
    let mut reached = vec![false; neighbours.len()];
    let Some(first) = reached.get_mut(start) else { return reached };
    *first = true;
    let mut frontier = vec![start];
    for _ in 0..hops {
        let mut next = Vec::new();
        for &at in &frontier {
            for &nb in &neighbours[at] {
                if nb < reached.len() && !reached[nb] {
                    reached[nb] = true;
                    next.push(nb);
                }
            }
        }
        frontier = next;
    }
    reached
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_data_set;

    /// Builds a model from `kind:id` node specs and `source relation target` link specs.
    fn model(nodes: &[&str], links: &[&str]) -> Model {
        let src = r#"[{"para":"P01","quote":"数字时代","translation":{"lang":"en","text":"the digital age","basis":"ours"}}]"#;
        let nodes: Vec<String> = nodes
            .iter()
            .map(|spec| {
                let (kind, id) = spec.split_once(':').unwrap();
                format!(r#"{{"id":"{id}","kind":"{kind}","label":{{"zh":"{id}","en":"{id}"}},"summary":{{"zh":"s","en":"s"}},"sources":{src}}}"#)
            })
            .collect();
        let links: Vec<String> = links
            .iter()
            .map(|spec| {
                let parts: Vec<&str> = spec.split(' ').collect();
                format!(
                    r#"{{"source":"{}","relation":"{}","target":"{}","note":{{"zh":"n","en":"n"}},"sources":{src}}}"#,
                    parts[0], parts[1], parts[2]
                )
            })
            .collect();
        let text = format!(
            r#"{{"format":"argument-atlas/1","meta":{{"title":{{"zh":"t","en":"t"}},"author":{{"zh":"a","en":"a"}},"year":2023,"citation":{{"zh":"c","en":"c"}}}},
            "nodes":[{}],"links":[{}],"argument":{{"thesis":{{"text":{{"zh":"t","en":"t"}},"sources":{src}}},"principles":[],"models":[]}}}}"#,
            nodes.join(","),
            links.join(",")
        );
        load_data_set(&text).unwrap_or_else(|p| panic!("{p:?}"))
    }

    fn check_counters(nodes: &[&str], links: &[&str], expect: &[(&str, &str, &[&str])]) {
        let m = model(nodes, links);
        let g = ArgumentGraph::new(&m);
        let got: Vec<(String, String, Vec<String>)> = g
            .counter_paths()
            .into_iter()
            .map(|p| {
                (
                    m.nodes[p.response].id.clone(),
                    m.nodes[p.threat].id.clone(),
                    p.path.iter().map(|&i| m.nodes[i].id.clone()).collect(),
                )
            })
            .collect();
        let want: Vec<(String, String, Vec<String>)> = expect
            .iter()
            .map(|(r, t, p)| (r.to_string(), t.to_string(), p.iter().map(|s| s.to_string()).collect()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn direct_address_counters() {
        check_counters(&["response:r", "threat:t"], &["r addresses t"], &[("r", "t", &["r", "t"])]);
    }

    #[test]
    fn addressing_a_cause_counters_what_it_drives_but_not_the_other_way() {
        check_counters(
            &["response:r", "threat:cause", "threat:effect"],
            &["r addresses cause", "cause drives effect"],
            &[("r", "cause", &["r", "cause"]), ("r", "effect", &["r", "cause", "effect"])],
        );
        check_counters(
            &["response:r", "concept:c", "threat:t"],
            &["r addresses c", "c aggravates t"],
            &[("r", "t", &["r", "c", "t"])],
        );
        // Trial 9: a market that gives time back does not answer the paperwork that eats it.
        check_counters(
            &["response:market", "concept:time", "threat:paperwork"],
            &["market addresses time", "paperwork drives time"],
            &[],
        );
    }

    #[test]
    fn parts_count_from_the_whole_down_on_either_side() {
        check_counters(
            &["response:r", "threat:whole", "threat:part"],
            &["r mitigates whole", "part part_of whole"],
            &[("r", "whole", &["r", "whole"]), ("r", "part", &["r", "whole", "part"])],
        );
        // Dealing with one part is not dealing with the whole, nor with the other parts.
        check_counters(
            &["response:r", "threat:whole", "threat:one", "threat:other"],
            &["r addresses one", "one part_of whole", "other part_of whole"],
            &[("r", "one", &["r", "one"])],
        );
        // A plan does what its pieces do; a piece does not do what the plan or the other
        // pieces do.
        check_counters(
            &["response:plan", "response:piece", "response:other", "threat:t", "threat:u"],
            &["piece part_of plan", "other part_of plan", "piece addresses t", "plan addresses u"],
            &[("plan", "t", &["plan", "piece", "t"]), ("plan", "u", &["plan", "u"]), ("piece", "t", &["piece", "t"])],
        );
        // A threat that is part of the response is not countered by it.
        check_counters(&["response:r", "threat:t"], &["t part_of r"], &[]);
    }

    #[test]
    fn a_chain_never_comes_back_through_a_response() {
        // r deals with t1, which drives r, which aggravates t2: r does not counter t2.
        check_counters(
            &["response:r", "threat:t1", "threat:t2"],
            &["r addresses t1", "t1 drives r", "r aggravates t2"],
            &[("r", "t1", &["r", "t1"])],
        );
        // Nor through another response that t drives.
        check_counters(
            &["response:r", "threat:t1", "response:s", "threat:t2"],
            &["r addresses t1", "t1 drives s", "s aggravates t2"],
            &[("r", "t1", &["r", "t1"])],
        );
    }

    #[test]
    fn being_driven_by_a_threat_is_not_countering_it() {
        check_counters(&["response:r", "threat:t"], &["t drives r"], &[]);
        check_counters(&["response:r", "threat:t"], &["r names t"], &[]);
    }

    #[test]
    fn paths_longer_than_the_limit_are_not_followed() {
        check_counters(
            &["response:r", "threat:a", "threat:b", "threat:c", "threat:t"],
            &["r addresses a", "b part_of a", "c part_of b", "t part_of c"],
            &[("r", "a", &["r", "a"]), ("r", "b", &["r", "a", "b"]), ("r", "c", &["r", "a", "b", "c"])],
        );
        check_counters(
            &["response:r", "concept:a", "concept:b", "threat:c", "threat:t"],
            &["r addresses a", "a drives b", "b drives c", "c drives t"],
            &[("r", "c", &["r", "a", "b", "c"])],
        );
    }

    #[test]
    fn degrees_uncountered_and_neighbours() {
        let m = model(
            &["response:r", "threat:t", "threat:lonely", "actor:a"],
            &["r addresses t", "a proposes r", "a names lonely"],
        );
        let g = ArgumentGraph::new(&m);
        assert_eq!(g.degrees(), vec![2, 1, 1, 2]);
        assert_eq!(g.uncountered_threats(), vec![2]);
        assert_eq!(g.neighbours(0), vec![1, 3]);
        assert_eq!(g.neighbours(99), Vec::<usize>::new());
        let radii = g.radii(10.0, 2.0);
        assert!((radii[0] - (10.0 + 2.0 * 2f64.sqrt())).abs() < 1e-12);
    }

    #[test]
    fn within_hops_reaches_as_far_as_asked_and_ignores_indices_out_of_range() {
        // a ― b ― c ― d, and a neighbour list that names nodes the graph does not have.
        let chain = vec![vec![1], vec![0, 2], vec![1, 3], vec![2]];
        let check = |neighbours: &[Vec<usize>], start: usize, hops: usize, expect: &[bool]| {
            assert_eq!(within_hops(neighbours, start, hops), expect, "from {start} in {hops} hops");
        };
        check(&chain, 0, 0, &[true, false, false, false]);
        check(&chain, 0, 2, &[true, true, true, false]);
        check(&chain, 1, 1, &[true, true, true, false]);
        check(&chain, 9, 2, &[false, false, false, false]);
        check(&[vec![1], vec![0, 2]], 0, 3, &[true, true]);
        check(&[vec![5]], 0, 1, &[true]);
    }
}
