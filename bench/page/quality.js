// Layout quality figures, computed the same way for every library's final positions. Both are
// scale-free (multiplying all coordinates by a constant leaves them unchanged), so libraries
// with different natural scales compare directly. Lower is better for both.
//
// - edgeToNearest: mean link length / mean nearest-neighbour distance. About 1 to 2 for a
//   readable layout (linked nodes about as far apart as any two neighbours); large when links
//   are stretched or when nodes pile up (nearest neighbours very close).
// - stress: normalised stress against graph (hop) distance on sampled pairs. Take up to 64
//   source nodes (seeded; all nodes for small graphs), their BFS hop distances d to every node
//   reached, layout distances e; with the best scale s = Σ(e/d) / Σ(e/d)², stress =
//   mean over pairs of (s·e/d − 1)², i.e. Σ d⁻²(s·e − d)² / pairs. 0 means layout distances
//   proportional to hop distances.

import { lcg } from './graphs.js';

/** Mean nearest-neighbour distance, with a uniform grid (about one point per cell). */
export function meanNearestNeighbour(xs, ys) {
  const n = xs.length;
  if (n < 2) return NaN;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; ++i) {
    minX = Math.min(minX, xs[i]); maxX = Math.max(maxX, xs[i]);
    minY = Math.min(minY, ys[i]); maxY = Math.max(maxY, ys[i]);
  }
  const side = Math.max(maxX - minX, maxY - minY, 1e-9);
  const g = Math.max(1, Math.ceil(Math.sqrt(n)));
  const cell = side / g;
  const cellOf = (v, min) => Math.min(g - 1, Math.floor((v - min) / cell));
  const counts = new Uint32Array(g * g + 1);
  const cx = new Int32Array(n), cy = new Int32Array(n);
  for (let i = 0; i < n; ++i) {
    cx[i] = cellOf(xs[i], minX); cy[i] = cellOf(ys[i], minY);
    counts[cy[i] * g + cx[i] + 1]++;
  }
  for (let c = 1; c <= g * g; ++c) counts[c] += counts[c - 1];
  const order = new Uint32Array(n), fill = counts.slice(0, g * g);
  for (let i = 0; i < n; ++i) order[fill[cy[i] * g + cx[i]]++] = i;
  let sum = 0;
  for (let i = 0; i < n; ++i) {
    let best = Infinity;
    for (let r = 0; r <= g; ++r) {
      // Every point in ring r is at least (r - 1)·cell away.
      if (r > 0 && (r - 1) * cell > Math.sqrt(best)) break;
      for (let gy = cy[i] - r; gy <= cy[i] + r; ++gy) {
        if (gy < 0 || gy >= g) continue;
        const edge = gy === cy[i] - r || gy === cy[i] + r;
        for (let gx = cx[i] - r; gx <= cx[i] + r; gx += edge ? 1 : 2 * r || 1) {
          if (gx < 0 || gx >= g) continue;
          const c = gy * g + gx;
          for (let k = counts[c]; k < counts[c + 1]; ++k) {
            const j = order[k];
            if (j === i) continue;
            const dx = xs[j] - xs[i], dy = ys[j] - ys[i];
            const d2 = dx * dx + dy * dy;
            if (d2 < best) best = d2;
          }
        }
      }
    }
    sum += Math.sqrt(best);
  }
  return sum / n;
}

export function meanEdgeLength(xs, ys, graph) {
  const m = graph.sources.length;
  let sum = 0;
  for (let k = 0; k < m; ++k) {
    const s = graph.sources[k], t = graph.targets[k];
    sum += Math.hypot(xs[s] - xs[t], ys[s] - ys[t]);
  }
  return sum / m;
}

/** The adjacency of a graph in compressed form, undirected. */
function adjacency(graph) {
  const { n, sources, targets } = graph;
  const start = new Uint32Array(n + 1);
  for (let k = 0; k < sources.length; ++k) { start[sources[k] + 1]++; start[targets[k] + 1]++; }
  for (let i = 0; i < n; ++i) start[i + 1] += start[i];
  const fill = start.slice(0, n), neighbours = new Uint32Array(start[n]);
  for (let k = 0; k < sources.length; ++k) {
    neighbours[fill[sources[k]]++] = targets[k];
    neighbours[fill[targets[k]]++] = sources[k];
  }
  return { start, neighbours };
}

/** The sampled pairs for stress: [source, node, hops] flattened, the same for every library. */
export function stressPairs(graph, maxSources = 64, seed = 7) {
  const { n } = graph;
  const { start, neighbours } = adjacency(graph);
  let chosen;
  if (n <= maxSources) chosen = Array.from({ length: n }, (_, i) => i);
  else {
    const random = lcg(seed), set = new Set();
    while (set.size < maxSources) set.add(Math.min(n - 1, Math.floor(random() * n)));
    chosen = [...set];
  }
  const a = [], b = [], hops = [];
  const dist = new Int32Array(n), queue = new Uint32Array(n);
  for (const source of chosen) {
    dist.fill(-1);
    dist[source] = 0;
    let head = 0, tail = 0;
    queue[tail++] = source;
    while (head < tail) {
      const u = queue[head++];
      for (let k = start[u]; k < start[u + 1]; ++k) {
        const v = neighbours[k];
        if (dist[v] < 0) { dist[v] = dist[u] + 1; queue[tail++] = v; }
      }
    }
    for (let v = 0; v < n; ++v) {
      if (dist[v] > 0 && (n > maxSources || v > source)) { a.push(source); b.push(v); hops.push(dist[v]); }
    }
  }
  return { a: Uint32Array.from(a), b: Uint32Array.from(b), hops: Float64Array.from(hops) };
}

export function normalisedStress(xs, ys, pairs) {
  const { a, b, hops } = pairs;
  const ratios = new Float64Array(hops.length);
  let sum = 0, sumSq = 0;
  for (let k = 0; k < hops.length; ++k) {
    const r = Math.hypot(xs[a[k]] - xs[b[k]], ys[a[k]] - ys[b[k]]) / hops[k];
    ratios[k] = r;
    sum += r;
    sumSq += r * r;
  }
  if (!(sumSq > 0)) return NaN;
  const scale = sum / sumSq;
  let stress = 0;
  for (let k = 0; k < ratios.length; ++k) stress += (scale * ratios[k] - 1) ** 2;
  return stress / ratios.length;
}

export function quality(xs, ys, graph, pairs) {
  const edge = meanEdgeLength(xs, ys, graph);
  const nearest = meanNearestNeighbour(xs, ys);
  return {
    meanEdge: edge,
    meanNearest: nearest,
    edgeToNearest: edge / nearest,
    stress: normalisedStress(xs, ys, pairs),
  };
}
