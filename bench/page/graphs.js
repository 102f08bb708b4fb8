// Graphs and start positions shared by every library in the benchmark (bench/run.mjs), and by
// run.mjs itself (to write the 2,000-node data set for the app). Plain ES module: runs in the
// browser (bundled by esbuild) and in Node.
//
// Every graph is { name, kind, n, sources: Uint32Array, targets: Uint32Array }; links are
// index pairs, never self-links. Every library starts from the same positions, d3's
// phyllotaxis spiral (node i at radius 10·sqrt(0.5 + i), angle i·π(3 − √5)), which is also
// what d3 and atlas-core use when given none.

/** d3-force's linear congruential generator (same constants), from any start state. */
export function lcg(seed) {
  let state = seed >>> 0;
  return () => (state = (1664525 * state + 1013904223) % 4294967296) / 4294967296;
}

function toGraph(name, kind, n, pairs) {
  const sources = new Uint32Array(pairs.length);
  const targets = new Uint32Array(pairs.length);
  pairs.forEach(([s, t], k) => {
    sources[k] = s;
    targets[k] = t;
  });
  return { name, kind, n, sources, targets };
}

/**
 * "random": the same generator as `atlas_core::layout::random_graph_links` (and
 * tools/d3-golden.mjs --bench): node i links to a uniformly drawn earlier node (a random tree,
 * so the graph is connected), then uniform random pairs (self-pairs redrawn) until there are
 * linksPerNode·n links. Duplicate pairs may occur (rarely), as in the native benchmark.
 */
export function randomGraph(n, linksPerNode = 2, seed = 42) {
  const random = lcg(seed);
  const below = (bound) => Math.min(Math.floor(random() * bound), bound - 1);
  const pairs = [];
  for (let node = 1; node < n; ++node) pairs.push([node, below(node)]);
  if (n >= 2) {
    while (pairs.length < linksPerNode * n) {
      const s = below(n), t = below(n);
      if (s !== t) pairs.push([s, t]);
    }
  }
  return toGraph(`random-${n}`, 'random', n, pairs);
}

/**
 * "scale-free": Barabási–Albert preferential attachment with m links per new node. Starts from
 * m + 1 nodes in a clique; each later node links to m distinct earlier nodes drawn with
 * probability proportional to their degree (the repeated-endpoints list). Connected, about
 * m·n links, a few hubs of high degree.
 */
export function scaleFreeGraph(n, m = 2, seed = 42) {
  const random = lcg(seed);
  const pairs = [];
  const endpoints = []; // every link end, so a uniform pick is degree-proportional
  const core = Math.min(n, m + 1);
  for (let i = 0; i < core; ++i) {
    for (let j = 0; j < i; ++j) {
      pairs.push([i, j]);
      endpoints.push(i, j);
    }
  }
  for (let node = core; node < n; ++node) {
    const chosen = new Set();
    while (chosen.size < Math.min(m, node)) {
      chosen.add(endpoints[Math.min(Math.floor(random() * endpoints.length), endpoints.length - 1)]);
    }
    for (const t of chosen) {
      pairs.push([node, t]);
      endpoints.push(node, t);
    }
  }
  return toGraph(`scale-free-${n}`, 'scale-free', n, pairs);
}

/** The graph of an `argument-atlas/1` data set: its nodes in file order, links by id. */
export function dataSetGraph(dataSet, name = 'default') {
  const index = new Map(dataSet.nodes.map((node, i) => [node.id, i]));
  const pairs = (dataSet.links ?? [])
    .map((link) => [index.get(link.source), index.get(link.target)])
    .filter(([s, t]) => s !== undefined && t !== undefined && s !== t);
  return toGraph(name, 'data set', dataSet.nodes.length, pairs);
}

/** d3's phyllotaxis start positions. */
export function phyllotaxis(n) {
  const xs = new Float64Array(n), ys = new Float64Array(n);
  const angle = Math.PI * (3 - Math.sqrt(5));
  for (let i = 0; i < n; ++i) {
    const radius = 10 * Math.sqrt(0.5 + i), a = i * angle;
    xs[i] = radius * Math.cos(a);
    ys[i] = radius * Math.sin(a);
  }
  return { xs, ys };
}

/** The graphs of the benchmark, by name: default, random-N, scale-free-N. */
export function graphByName(name, defaultDataSet) {
  if (name === 'default') return dataSetGraph(defaultDataSet);
  const match = /^(random|scale-free)-(\d+)$/.exec(name);
  if (!match) throw new Error(`unknown graph ${name}`);
  const n = Number(match[2]);
  return match[1] === 'random' ? randomGraph(n, 2, 42) : scaleFreeGraph(n, 2, 42);
}

/**
 * A valid `argument-atlas/1` data set of `graph.n` nodes for the app's drag benchmark: the
 * built-in data set `base` (its nodes, links, events, tour and argument, unchanged) grown with
 * generated nodes (short labels, one placeholder source each) to `graph.n` nodes, plus the links
 * of `graph` over all of them (node i of `graph` is the base's node i while i < its node count).
 * Pairs already linked are skipped, so no pair is linked twice.
 *
 * The base's events and tour are kept because the app, at the time of writing, panics ("Tried to
 * access a reactive value that has already been disposed") when a data set with a different set
 * of timeline events replaces the built-in one; see bench/README.md.
 */
export function graphToDataSet(graph, base) {
  const kinds = ['threat', 'response', 'actor', 'document', 'event', 'concept', 'claim', 'person'];
  const source = [{ para: 'P01', quote: '数字时代国家安全', translation: { lang: 'en', text: 'digital-age national security', basis: 'ours' } }];
  const nodes = base.nodes.slice(0, graph.n);
  for (let i = nodes.length; i < graph.n; ++i) {
    nodes.push({
      id: `bench-${i}`, kind: kinds[i % kinds.length],
      label: { zh: `节点${i}`, en: `N${i}` },
      summary: { zh: '生成的节点。', en: 'A generated node.' },
      sources: source,
    });
  }
  const keep = new Set(nodes.map((node) => node.id));
  const links = (base.links ?? []).filter((link) => keep.has(link.source) && keep.has(link.target));
  const pairKey = (a, b) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);
  const seen = new Set(links.map((link) => pairKey(link.source, link.target)));
  for (let k = 0; k < graph.sources.length; ++k) {
    const s = nodes[graph.sources[k]].id, t = nodes[graph.targets[k]].id;
    if (s === t || seen.has(pairKey(s, t))) continue;
    seen.add(pairKey(s, t));
    links.push({ source: s, target: t, relation: 'cites', note: { zh: '基准', en: 'bench' }, sources: source });
  }
  return { ...base, nodes, links };
}
