// One adapter per layout library. Each `create(graph, start)` builds a layout of `graph`
// (see graphs.js) from the start positions `start` ({ xs, ys }) and returns
// { tick(): one step, positions(): { xs, ys } }. Settings are listed in bench/README.md.

import { forceSimulation, forceLink, forceManyBody, forceCenter } from 'd3-force';
import createNgraph from 'ngraph.graph';
import createNgraphLayout from 'ngraph.forcelayout';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import fa2Iterate from 'graphology-layout-forceatlas2/iterate.js';
import fa2Helpers from 'graphology-layout-forceatlas2/helpers.js';
import fa2Defaults from 'graphology-layout-forceatlas2/defaults.js';

/** d3-force 3 with d3's defaults: link (distance 30), many-body (-30, theta 0.9), center (0, 0). */
function d3(graph, start) {
  const nodes = Array.from({ length: graph.n }, (_, i) => ({ x: start.xs[i], y: start.ys[i] }));
  const links = Array.from(graph.sources, (s, k) => ({ source: s, target: graph.targets[k] }));
  const simulation = forceSimulation(nodes)
    .force('link', forceLink(links))
    .force('charge', forceManyBody().theta(0.9))
    .force('center', forceCenter(0, 0))
    .stop();
  return {
    tick: () => simulation.tick(),
    positions: () => ({ xs: Float64Array.from(nodes, (d) => d.x), ys: Float64Array.from(nodes, (d) => d.y) }),
  };
}

/** Our simulation (bench/wasm, atlas-core), configured like d3 above. */
function wasm(module) {
  return (graph, start) => {
    const layout = new module.BenchLayout(graph.sources, graph.targets, start.xs, start.ys);
    return {
      tick: () => layout.tick(1),
      positions: () => ({ xs: layout.xs(), ys: layout.ys() }),
      dispose: () => layout.free(),
    };
  };
}

/** ngraph.forcelayout 3 with its default physics (a multigraph, so no link is merged). */
function ngraph(graph, start) {
  const g = createNgraph({ multigraph: true });
  for (let i = 0; i < graph.n; ++i) g.addNode(i);
  for (let k = 0; k < graph.sources.length; ++k) g.addLink(graph.sources[k], graph.targets[k]);
  const layout = createNgraphLayout(g);
  for (let i = 0; i < graph.n; ++i) layout.setNodePosition(i, start.xs[i], start.ys[i]);
  return {
    tick: () => layout.step(),
    positions: () => {
      const xs = new Float64Array(graph.n), ys = new Float64Array(graph.n);
      for (let i = 0; i < graph.n; ++i) {
        const p = layout.getNodePosition(i);
        xs[i] = p.x;
        ys[i] = p.y;
      }
      return { xs, ys };
    },
  };
}

/**
 * graphology-layout-forceatlas2: `inferSettings(order)` (strong gravity 0.05, scaling ratio 10,
 * slow-down 1 + ln n) with Barnes–Hut always on (theta 0.5, its default). One `iterate` call
 * per tick on the library's own matrices: what `forceAtlas2(graph, {iterations})` runs in its
 * loop, without rebuilding the matrices on every call.
 */
function fa2(graph, start) {
  const g = new Graph({ type: 'undirected', multi: true });
  for (let i = 0; i < graph.n; ++i) g.addNode(i, { x: start.xs[i], y: start.ys[i] });
  for (let k = 0; k < graph.sources.length; ++k) g.addEdge(graph.sources[k], graph.targets[k]);
  const settings = Object.assign({}, fa2Defaults, forceAtlas2.inferSettings(graph.n), { barnesHutOptimize: true });
  const matrices = fa2Helpers.graphToByteArrays(g, () => 1);
  const PPN = 10;
  return {
    settings,
    tick: () => fa2Iterate(settings, matrices.nodes, matrices.edges),
    positions: () => {
      const xs = new Float64Array(graph.n), ys = new Float64Array(graph.n);
      for (let i = 0; i < graph.n; ++i) {
        xs[i] = matrices.nodes[i * PPN];
        ys[i] = matrices.nodes[i * PPN + 1];
      }
      return { xs, ys };
    },
  };
}

export function adapters(wasmModules) {
  const list = { d3 };
  for (const [name, module] of Object.entries(wasmModules)) list[name] = wasm(module);
  list.ngraph = ngraph;
  list.fa2 = fa2;
  return list;
}
