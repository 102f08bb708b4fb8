// The benchmark page: runs the layout libraries on identical graphs from identical start
// positions, one case at a time, driven by bench/run.mjs through `window.bench`.

import { graphByName, phyllotaxis } from './graphs.js';
import { quality, stressPairs } from './quality.js';
import { adapters } from './libs.js';

const graphs = new Map();
const finalD3 = new Map();
let libs = null;
let shipped = null; // the opt-level z build of bench/wasm
let defaultDataSet = null;

function graph(name) {
  if (!graphs.has(name)) {
    const g = graphByName(name, defaultDataSet);
    g.start = phyllotaxis(g.n);
    g.pairs = stressPairs(g, g.n <= 256 ? g.n : 64); // all pairs for the default graph
    graphs.set(name, g);
  }
  return graphs.get(name);
}

const median = (values) => {
  const s = Float64Array.from(values).sort();
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (values, p) => {
  const s = Float64Array.from(values).sort();
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const collectGarbage = () => (typeof globalThis.gc === 'function' ? globalThis.gc() : undefined);

function maxDifference(a, b) {
  let max = 0;
  for (let i = 0; i < a.xs.length; ++i) max = Math.max(max, Math.abs(a.xs[i] - b.xs[i]), Math.abs(a.ys[i] - b.ys[i]));
  return max;
}

async function init({ wasmBuilds }) {
  const modules = {};
  for (const [name, dir] of Object.entries(wasmBuilds)) {
    const module = await import(new URL(`./${dir}/atlas_bench.js`, location.href).href);
    await module.default({ module_or_path: new URL(`./${dir}/atlas_bench_bg.wasm`, location.href) });
    modules[name] = module;
  }
  libs = adapters(modules);
  shipped = modules.wasm;
  defaultDataSet = await (await fetch('./data/default.json')).json();
  return {
    libraries: Object.keys(libs),
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    userAgent: navigator.userAgent,
  };
}

/** Runs `lib` on graph `graphName` for `ticks` ticks, `reps` times; times every tick. */
function runCase({ graph: graphName, lib, ticks = 300, reps = 1 }) {
  const g = graph(graphName);
  const runs = [];
  let final = null;
  for (let rep = 0; rep < reps; ++rep) {
    collectGarbage();
    const t0 = performance.now();
    const layout = libs[lib](g, g.start);
    const setupMs = performance.now() - t0;
    const tickMs = new Float64Array(ticks);
    for (let t = 0; t < ticks; ++t) {
      const a = performance.now();
      layout.tick();
      tickMs[t] = performance.now() - a;
    }
    const totalMs = performance.now() - t0;
    if (rep === 0) final = layout.positions();
    layout.dispose?.();
    runs.push({ setupMs, totalMs, median: median(tickMs), mean: tickMs.reduce((s, v) => s + v, 0) / ticks, p95: percentile(tickMs, 95) });
  }
  const finite = final.xs.every(Number.isFinite) && final.ys.every(Number.isFinite);
  const result = {
    graph: graphName, kind: g.kind, lib, nodes: g.n, links: g.sources.length, ticks, reps,
    msPerTickMedian: median(runs.map((r) => r.median)),
    msPerTickMean: median(runs.map((r) => r.mean)),
    msPerTickP95: median(runs.map((r) => r.p95)),
    setupMs: median(runs.map((r) => r.setupMs)),
    totalMs: median(runs.map((r) => r.totalMs)),
    runs,
    finite,
    quality: finite ? quality(final.xs, final.ys, g, g.pairs) : null,
    stressPairs: g.pairs.hops.length,
  };
  if (lib === 'd3') finalD3.set(graphName, final);
  else if (lib.startsWith('wasm') && finalD3.has(graphName)) result.maxAbsDiffVsD3 = maxDifference(final, finalD3.get(graphName));
  return result;
}

/**
 * Runs `lib` on `graphName` as an app would on the main thread: set-up in one task, then one
 * tick per animation frame. Reports every long task (> 50 ms) the browser saw meanwhile.
 */
async function longTaskProbe({ graph: graphName, lib, ticks = 300 }) {
  const g = graph(graphName);
  const entries = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) entries.push({ start: e.startTime, duration: e.duration });
  });
  observer.observe({ type: 'longtask' });
  collectGarbage();
  await new Promise((ok) => setTimeout(ok, 50));
  const begin = performance.now();
  const layout = await new Promise((ok) => setTimeout(() => ok(libs[lib](g, g.start)), 0));
  const setupMs = performance.now() - begin;
  const tickMs = [];
  const frameGaps = [];
  let last = null;
  await new Promise((done) => {
    let t = 0;
    const frame = (now) => {
      if (last !== null) frameGaps.push(now - last);
      last = now;
      const a = performance.now();
      layout.tick();
      tickMs.push(performance.now() - a);
      if (++t < ticks) requestAnimationFrame(frame);
      else done();
    };
    requestAnimationFrame(frame);
  });
  const durationMs = performance.now() - begin;
  layout.dispose?.();
  await new Promise((ok) => setTimeout(ok, 200)); // let the observer deliver the last entries
  observer.disconnect();
  const durations = entries.map((e) => e.duration);
  return {
    graph: graphName, lib, nodes: g.n, ticks, mode: 'main thread, one tick per animation frame',
    setupMs, durationMs,
    tickMsMedian: median(tickMs), tickMsMax: Math.max(...tickMs),
    frameGapMedian: frameGaps.length ? median(frameGaps) : null,
    frameGapP95: frameGaps.length ? percentile(frameGaps, 95) : null,
    longTasks: durations.length,
    longTaskMaxMs: durations.length ? Math.max(...durations) : 0,
    longTaskTotalMs: durations.reduce((s, v) => s + v, 0),
  };
}

/**
 * The core's share of the app's start, in the shipped build: loading the default data set
 * (parse and validate) and building its scene (labels, settled layout, columns); median of
 * `reps` runs each.
 */
async function appCore({ reps = 7 } = {}) {
  const text = await (await fetch('./data/default.json')).text();
  const load = [], scene = [];
  for (let i = 0; i < reps; ++i) {
    let t = performance.now();
    shipped.load_data_set(text);
    load.push(performance.now() - t);
    t = performance.now();
    const nodes = shipped.load_and_build_scene(text);
    scene.push(performance.now() - t);
    if (nodes <= 0) throw new Error('the default data set did not load in the bench build');
  }
  return { loadMs: median(load), loadAndSceneMs: median(scene) };
}

/** The app's own simulation set-up (collision included): median ms per tick on a graph. */
function appTick({ graph: graphName, ticks = 60 }) {
  const g = graph(graphName);
  const layout = shipped.BenchLayout.app(g.sources, g.targets, g.n);
  const times = [];
  for (let t = 0; t < ticks; ++t) {
    const a = performance.now();
    layout.tick(1);
    times.push(performance.now() - a);
  }
  layout.free();
  return { graph: graphName, nodes: g.n, ticks, msPerTickMedian: median(times) };
}

globalThis.bench = { init, runCase, longTaskProbe, appCore, appTick };
document.getElementById('status').textContent = 'ready';
