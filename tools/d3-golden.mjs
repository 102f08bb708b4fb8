// Golden fixtures for the Rust force simulation, written by d3-force itself.
//
// Usage (dev only, from the repository root, after `npm install`):
//   node tools/d3-golden.mjs           writes core/tests/fixtures/d3/*.json
//   node tools/d3-golden.mjs --bench   prints d3-force's ms/tick on the benchmark graphs
//
// Each fixture describes a small simulation (node count, start positions, pinned nodes,
// simulation settings, forces in order) and the positions d3 computed after given numbers of
// ticks (as decimal strings, exact). `core/tests/layout_d3_golden.rs` rebuilds the same simulation from the description
// and compares. Start positions and settings are multiples of 1/16 or short decimals, so every
// JSON parser reads them back as exactly the same doubles.

import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide, forceX, forceY } from "d3-force";
import { lcg, randomGraph } from "../bench/page/graphs.js";

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const fixtureDirectory = join(repositoryRoot, "core", "tests", "fixtures", "d3");

// `lcg` (d3's own generator, from any start state) and the benchmark's graph generator are
// shared with bench/page/graphs.js; `lcg` makes fixture inputs and, for the `seed` setting, is
// the simulation's random source.

// Start positions on a 1/16 grid within ±spread, so they survive JSON exactly.
function gridPositions(count, spread, seed) {
  const random = lcg(seed);
  const snap = (value) => Math.round(value * 16) / 16;
  const xs = [], ys = [];
  for (let i = 0; i < count; ++i) {
    xs.push(snap((random() * 2 - 1) * spread));
    ys.push(snap((random() * 2 - 1) * spread));
  }
  return { x: xs, y: ys };
}

// The same graph generator as `atlas_core::layout::random_graph_links`, as [source, target] pairs.
function randomGraphLinks(count, linksPerNode, seed) {
  const graph = randomGraph(count, linksPerNode, seed);
  return Array.from(graph.sources, (source, k) => [source, graph.targets[k]]);
}

const valueOrPerItem = (value) => (Array.isArray(value) ? (_, i) => value[i] : value);

function buildD3Force(spec) {
  switch (spec.kind) {
    case "link": {
      const force = forceLink(spec.links.map(([source, target]) => ({ source, target })));
      if (spec.distance != null) force.distance(valueOrPerItem(spec.distance));
      if (spec.strength != null) force.strength(valueOrPerItem(spec.strength));
      if (spec.iterations != null) force.iterations(spec.iterations);
      return force;
    }
    case "many_body": {
      const force = forceManyBody();
      if (spec.strength != null) force.strength(valueOrPerItem(spec.strength));
      if (spec.theta != null) force.theta(spec.theta);
      if (spec.distance_min != null) force.distanceMin(spec.distance_min);
      if (spec.distance_max != null) force.distanceMax(spec.distance_max);
      return force;
    }
    case "center":
      return forceCenter(spec.x, spec.y).strength(spec.strength);
    case "collide": {
      const force = forceCollide(valueOrPerItem(spec.radius));
      if (spec.strength != null) force.strength(spec.strength);
      if (spec.iterations != null) force.iterations(spec.iterations);
      return force;
    }
    case "x":
      return forceX(valueOrPerItem(spec.target)).strength(valueOrPerItem(spec.strength));
    case "y":
      return forceY(valueOrPerItem(spec.target)).strength(valueOrPerItem(spec.strength));
    default:
      throw new Error(`unknown force kind ${spec.kind}`);
  }
}

// Runs d3 on one fixture description and returns the description plus the snapshots.
function runFixture(fixture) {
  const nodes = [];
  for (let i = 0; i < fixture.node_count; ++i) {
    const node = {};
    if (fixture.start) node.x = fixture.start.x[i], node.y = fixture.start.y[i];
    nodes.push(node);
  }
  for (const [index, fx, fy] of fixture.fixed ?? []) nodes[index].fx = fx, nodes[index].fy = fy;

  const params = fixture.params ?? {};
  const simulation = forceSimulation(nodes).stop();
  if (params.seed != null && params.seed !== 1) simulation.randomSource(lcg(params.seed));
  if (params.initial_alpha != null) simulation.alpha(params.initial_alpha);
  if (params.alpha_min != null) simulation.alphaMin(params.alpha_min);
  if (params.alpha_decay != null) simulation.alphaDecay(params.alpha_decay);
  if (params.alpha_target != null) simulation.alphaTarget(params.alpha_target);
  if (params.velocity_decay != null) simulation.velocityDecay(params.velocity_decay);
  fixture.forces.forEach((spec, index) => simulation.force(`force${index}`, buildD3Force(spec)));

  const snapshots = [];
  let ticksDone = 0;
  for (const ticks of fixture.snapshot_ticks) {
    simulation.tick(ticks - ticksDone);
    ticksDone = ticks;
    // Results as strings of JavaScript's shortest round-trip form: a correctly rounding
    // parser (Rust's `str::parse::<f64>`) reads back exactly d3's doubles, which lets the
    // tests check bit-identity; serde_json's default float parsing can be one ulp off.
    const exact = (value) => String(value);
    snapshots.push({ ticks, alpha: exact(simulation.alpha()), x: nodes.map((d) => exact(d.x)), y: nodes.map((d) => exact(d.y)) });
  }
  const { snapshot_ticks, ...description } = fixture;
  return { ...description, d3_force_version: "3.0.1", snapshots };
}

const standardTicks = [0, 1, 10, 300];

function ringWithChords(count) {
  const links = [];
  for (let i = 0; i < count; ++i) links.push([i, (i + 1) % count]);
  for (let i = 0; i < count; i += 3) links.push([i, (i + count / 2) % count | 0]);
  return links;
}

const fixtures = [
  {
    name: "phyllotaxis_start",
    description: "No start positions and no forces: d3's sunflower start, unchanged by a tick.",
    node_count: 40, start: null, forces: [], snapshot_ticks: [0, 1],
  },
  {
    name: "link_default",
    description: "Link force alone with d3's defaults, a ring with chords and one duplicate link.",
    node_count: 12, start: gridPositions(12, 60, 11),
    forces: [{ kind: "link", links: [...ringWithChords(12), [2, 3]] }],
    snapshot_ticks: standardTicks,
  },
  {
    name: "link_custom_distance_strength_iterations",
    description: "Link force with per-link distances and strengths and three iterations.",
    node_count: 10, start: gridPositions(10, 40, 12),
    forces: [{
      kind: "link",
      links: [[0, 1], [1, 2], [2, 3], [3, 4], [4, 0], [5, 6], [6, 7], [7, 8], [8, 9], [9, 5], [0, 5]],
      distance: [10, 20, 30, 40, 50, 15, 25, 35, 45, 55, 80],
      strength: [1, 0.5, 0.25, 0.75, 1, 0.125, 0.5, 1, 0.5, 0.25, 0.0625],
      iterations: 3,
    }],
    snapshot_ticks: standardTicks,
  },
  {
    name: "many_body_exact_theta_0",
    description: "Many-body force alone, exact (theta 0).",
    node_count: 25, start: gridPositions(25, 50, 13),
    forces: [{ kind: "many_body", theta: 0 }],
    snapshot_ticks: standardTicks,
  },
  {
    name: "many_body_barnes_hut_theta_0_9",
    description: "Many-body force alone with d3's defaults (theta 0.9) on 60 nodes.",
    node_count: 60, start: gridPositions(60, 80, 14),
    forces: [{ kind: "many_body" }],
    snapshot_ticks: standardTicks,
  },
  {
    name: "many_body_mixed_strengths_and_distance_limits",
    description: "Many-body with per-node strengths of both signs, theta 0.5, distanceMin 4, distanceMax 60, plus centering.",
    node_count: 30, start: gridPositions(30, 70, 15),
    forces: [
      { kind: "many_body", strength: Array.from({ length: 30 }, (_, i) => (i % 4 === 0 ? 12 : -10 - (i % 7) * 5)), theta: 0.5, distance_min: 4, distance_max: 60 },
      { kind: "center", x: 0, y: 0, strength: 1 },
    ],
    snapshot_ticks: standardTicks,
  },
  {
    name: "center_only",
    description: "Centering force alone, towards (40, -25) with strength 0.3.",
    node_count: 8, start: gridPositions(8, 30, 16),
    forces: [{ kind: "center", x: 40, y: -25, strength: 0.3 }],
    snapshot_ticks: [0, 1, 10],
  },
  {
    name: "collide_varied_radii",
    description: "Collision alone: 30 crowded nodes with radii 3 to 12, strength 0.7, two iterations.",
    node_count: 30, start: gridPositions(30, 20, 17),
    forces: [{ kind: "collide", radius: Array.from({ length: 30 }, (_, i) => 3 + (i % 10)), strength: 0.7, iterations: 2 }],
    snapshot_ticks: standardTicks,
  },
  {
    name: "position_x_and_y",
    description: "forceX with per-node targets and strengths, forceY with one target and strength.",
    node_count: 10, start: gridPositions(10, 50, 18),
    forces: [
      { kind: "x", target: Array.from({ length: 10 }, (_, i) => (i % 3) * 40 - 40), strength: Array.from({ length: 10 }, (_, i) => 0.05 + 0.05 * (i % 4)) },
      { kind: "y", target: 15, strength: 0.1 },
    ],
    snapshot_ticks: standardTicks,
  },
  {
    name: "fixed_nodes_with_all_forces",
    description: "Link, many-body, centering and collision with nodes 0 and 5 pinned (fx, fy).",
    node_count: 16, start: gridPositions(16, 50, 19),
    fixed: [[0, 10, 20], [5, -30, -12.5]],
    forces: [
      { kind: "link", links: randomGraphLinks(16, 2, 5) },
      { kind: "many_body" },
      { kind: "center", x: 0, y: 0, strength: 1 },
      { kind: "collide", radius: 6 },
    ],
    snapshot_ticks: standardTicks,
  },
  {
    name: "coincident_points",
    description: "Eight nodes at one point and three at another, with link, many-body (theta 0.9) and collision: exercises jiggle and coincident quadtree leaves.",
    node_count: 11,
    start: { x: [5, 5, 5, 5, 5, 5, 5, 5, -20, -20, -20], y: [5, 5, 5, 5, 5, 5, 5, 5, 7.5, 7.5, 7.5] },
    forces: [
      { kind: "link", links: [[0, 1], [1, 2], [2, 8], [8, 9], [3, 4], [9, 10]] },
      { kind: "many_body" },
      { kind: "collide", radius: 4 },
    ],
    snapshot_ticks: standardTicks,
  },
  {
    name: "coincident_points_exact_seed_7",
    description: "All nodes at one point with exact many-body (theta 0) and collision, random generator seeded with 7.",
    node_count: 6,
    start: { x: [1, 1, 1, 1, 1, 1], y: [-2, -2, -2, -2, -2, -2] },
    params: { seed: 7 },
    forces: [{ kind: "many_body", theta: 0 }, { kind: "collide", radius: 2 }],
    snapshot_ticks: standardTicks,
  },
  {
    name: "all_forces_phyllotaxis_start",
    description: "A 50-node random graph from d3's phyllotaxis start with link, many-body, centering and collision.",
    node_count: 50, start: null,
    forces: [
      { kind: "link", links: randomGraphLinks(50, 2, 3) },
      { kind: "many_body" },
      { kind: "center", x: 0, y: 0, strength: 1 },
      { kind: "collide", radius: Array.from({ length: 50 }, (_, i) => 4 + (i % 5)) },
    ],
    snapshot_ticks: standardTicks,
  },
  {
    name: "custom_schedule",
    description: "Non-default alpha 0.8, alphaMin 0.01, alphaDecay 0.05, alphaTarget 0.2, velocityDecay 0.25.",
    node_count: 20, start: gridPositions(20, 40, 20),
    params: { initial_alpha: 0.8, alpha_min: 0.01, alpha_decay: 0.05, alpha_target: 0.2, velocity_decay: 0.25 },
    forces: [{ kind: "link", links: randomGraphLinks(20, 1, 9), distance: 25 }, { kind: "many_body", strength: -50 }],
    snapshot_ticks: [0, 1, 10, 100],
  },
  {
    name: "many_body_barnes_hut_200_nodes",
    description: "A deeper quadtree: 200 nodes, d3's default many-body and links, 30 ticks.",
    node_count: 200, start: gridPositions(200, 150, 21),
    forces: [{ kind: "link", links: randomGraphLinks(200, 1, 4) }, { kind: "many_body" }],
    snapshot_ticks: [1, 30],
  },
];

function writeFixtures() {
  mkdirSync(fixtureDirectory, { recursive: true });
  let totalBytes = 0;
  for (const fixture of fixtures) {
    const text = JSON.stringify(runFixture(structuredClone(fixture))) + "\n";
    writeFileSync(join(fixtureDirectory, `${fixture.name}.json`), text);
    totalBytes += text.length;
    console.log(`${fixture.name}.json  ${text.length} bytes`);
  }
  console.log(`${fixtures.length} fixtures, ${totalBytes} bytes in ${fixtureDirectory}`);
}

// d3's ms/tick on the same graphs and forces as core/examples/layout_bench.rs.
function bench() {
  for (const [nodeCount, ticks] of [[1000, 100], [5000, 40], [20000, 15]]) {
    const links = randomGraphLinks(nodeCount, 2, 42).map(([source, target]) => ({ source, target }));
    const nodes = Array.from({ length: nodeCount }, () => ({}));
    const simulation = forceSimulation(nodes).stop()
      .force("link", forceLink(links))
      .force("charge", forceManyBody())
      .force("center", forceCenter(0, 0))
      .force("collide", forceCollide(5));
    simulation.tick(3); // warm up the JIT
    const start = performance.now();
    simulation.tick(ticks);
    const perTick = (performance.now() - start) / ticks;
    console.log(`d3-force ${nodeCount} nodes, ${links.length} links: ${perTick.toFixed(2)} ms/tick (${ticks} ticks, node ${process.version})`);
  }
}

if (process.argv.includes("--bench")) bench();
else writeFixtures();
