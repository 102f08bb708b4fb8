#!/usr/bin/env node
// The performance benchmark of Argument Atlas: one command, from the project folder,
//
//   node bench/run.mjs            full run (about 6 to 9 minutes on a 2-core machine)
//   node bench/run.mjs --quick    smoke run: small graphs, one repetition, no 20k (1 to 2 min)
//
// Options: --rebuild-app (run tools/build.sh even when pkg/ exists), --skip-build (reuse
// bench/out/ as it is), --no-readme (do not refresh the marked tables in the READMEs).
//
// It builds what it needs (the bench wasm in two optimisation levels, the page bundle, the
// baseline Leptos page; the app with tools/build.sh when pkg/ is missing), serves everything on
// loopback with tests/support/server.mjs, drives headless Chromium (playwright-core, the
// system's Chromium, found on PATH or in ATLAS_CHROMIUM) and writes bench/results.json and bench/RESULTS.md. When a README
// (README.md, bench/README.md) holds the markers <!-- bench:results:start --> and
// <!-- bench:results:end -->, the tables between them are replaced by the new ones.
// Definitions of every figure: bench/README.md.

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/support/server.mjs';
import { findProgram } from '../tests/support/webdriver.mjs';
import { graphToDataSet, randomGraph } from './page/graphs.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const OUT = join(HERE, 'out');
const PKG = join(ROOT, 'pkg');
const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const started = Date.now();
const env = {
  ...process.env,
  PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}`,
};
const WASM_OPT_FEATURES = [
  '--enable-bulk-memory', '--enable-bulk-memory-opt', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
];

const log = (...parts) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...parts);
const run = (command, commandArgs, options = {}) => {
  log('$', command, commandArgs.join(' '));
  execFileSync(command, commandArgs, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'], ...options });
};
const median = (values) => {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (values, p) => {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

// --- What is measured --------------------------------------------------------------------------

const SIZES = QUICK ? [1000] : [1000, 5000, 20000];
const GRAPHS = ['default', ...SIZES.flatMap((n) => [`random-${n}`, `scale-free-${n}`])];
const LIBS = ['d3', 'wasm', 'wasm-o3', 'ngraph', 'fa2'];
const TICKS = 300;
// Repetitions of the 300 ticks per case (the median of the per-run medians is reported). Fewer
// at 20k nodes, to keep the whole run near 10 minutes on a 2-core machine.
const repsFor = (graph) => (QUICK ? 1 : graph === 'default' ? 5 : graph.endsWith('-20000') ? 1 : graph.endsWith('-5000') ? 2 : 3);
const LOAD_RUNS = QUICK ? 2 : 7;
const EDIT_REPEATS = 7;
const DRAG_STEPS = 60;
const DRAG_NODES = 2000;
const LABELS = {
  d3: 'd3-force 3',
  wasm: 'atlas-core wasm (opt-level z, as shipped)',
  'wasm-o3': 'atlas-core wasm (opt-level 3)',
  ngraph: 'ngraph.forcelayout 3',
  fa2: 'graphology FA2 (Barnes–Hut)',
};

// --- Build -------------------------------------------------------------------------------------

// Why a build of the app into `dir` (pkg/, or the floor page) must be redone, or null when it
// is newer than every input of the app's build.
function buildReason(dir) {
  const wasm = join(dir, 'argument-atlas_bg.wasm');
  const name = dir.slice(ROOT.length + 1);
  if (!existsSync(join(dir, 'index.html')) || !existsSync(wasm)) return `${name}/ is missing`;
  // A build whose post-processing failed has no layout block (and no data block).
  if (!readFileSync(join(dir, 'index.html'), 'utf8').includes('id="atlas-layout"')) return `${name}/index.html has no layout block`;
  if (args.has('--rebuild-app')) return '--rebuild-app';
  const built = statSync(wasm).mtimeMs;
  const newer = (path) => {
    if (!existsSync(path)) return null;
    const info = statSync(path);
    if (!info.isDirectory()) return info.mtimeMs > built ? path : null;
    for (const name of readdirSync(path)) {
      const found = newer(join(path, name));
      if (found) return found;
    }
    return null;
  };
  for (const input of ['src', 'core/src', 'core/examples', 'core/Cargo.toml', 'www', 'Cargo.toml', 'Cargo.lock', 'Trunk.toml', '.cargo/config.toml', 'tools/build.sh', 'tools/postbuild.mjs', 'tools/data-block.mjs']) {
    const found = newer(join(ROOT, input));
    if (found) return `${found.slice(ROOT.length + 1)} is newer than ${name}/`;
  }
  return null;
}

// The baseline is built with the app's wasm-opt settings: copies them from www/index.html into
// bench/baseline/index.html when they differ.
function syncBaselineWasmOpt() {
  const attribute = (html, name) => new RegExp(`<link data-trunk rel="rust"[^>]*?\\s${name}="([^"]*)"`).exec(html)?.[1];
  const app = readFileSync(join(ROOT, 'www', 'index.html'), 'utf8');
  const file = join(HERE, 'baseline', 'index.html');
  const before = readFileSync(file, 'utf8');
  let html = before;
  for (const name of ['data-wasm-opt', 'data-wasm-opt-params']) {
    const wanted = attribute(app, name), have = attribute(html, name);
    if (wanted === undefined || wanted === have) continue;
    html = html.replace(`${name}="${have}"`, `${name}="${wanted}"`);
    log(`bench/baseline/index.html: ${name} set to the app's "${wanted}"`);
  }
  if (html !== before) writeFileSync(file, html);
}

function build() {
  mkdirSync(OUT, { recursive: true });
  const reason = buildReason(PKG);
  if (reason) {
    log(`building the app (${reason})`);
    run('bash', ['tools/build.sh']);
  }
  // The bench crate, with the workspace's release profile (opt-level "z", what the app ships)
  // and with the same profile at opt-level 3 (a cargo profile defined on the command line, so
  // the workspace's Cargo.toml and the app's build are untouched).
  const target = ['--offline', '--target', 'wasm32-unknown-unknown', '-p', 'atlas-bench'];
  run('cargo', ['build', '--release', ...target]);
  run('cargo', ['build', ...target, '--config', 'profile.bench-o3.inherits="release"', '--config', 'profile.bench-o3.opt-level=3', '--profile', 'bench-o3']);
  for (const [dir, profile, level] of [['pkg', 'release', '-Oz'], ['pkg-o3', 'bench-o3', '-O3']]) {
    rmSync(join(OUT, dir), { recursive: true, force: true });
    run('wasm-bindgen', ['--target', 'web', '--out-dir', join(OUT, dir), join(ROOT, 'target', 'wasm32-unknown-unknown', profile, 'atlas_bench.wasm')]);
    const wasm = join(OUT, dir, 'atlas_bench_bg.wasm');
    run('wasm-opt', [level, ...WASM_OPT_FEATURES, wasm, '-o', wasm]);
  }
  // The page: one esbuild bundle with d3-force, ngraph and graphology (dev-only packages).
  run('esbuild', [join(HERE, 'page', 'main.js'), '--bundle', '--format=esm', '--target=es2022', `--outfile=${join(OUT, 'bench.js')}`, '--log-level=warning']);
  copyFileSync(join(HERE, 'page', 'index.html'), join(OUT, 'index.html'));
  mkdirSync(join(OUT, 'data'), { recursive: true });
  copyFileSync(join(ROOT, 'www', 'data', 'lang-ping-2023.json'), join(OUT, 'data', 'default.json'));
  // The baseline: the smallest Leptos page, built by trunk with the app's profile and wasm-opt.
  syncBaselineWasmOpt();
  run('trunk', ['build', '--release', '--offline'], { cwd: join(HERE, 'baseline') });
  // The floor: the app's own page (data and layout blocks, CSS, glue) and whole WebAssembly,
  // mounting one paragraph instead of the app (feature bench-floor, src/main.rs). What no
  // start-up work can go below. Building it leaves target/ with the feature on, so the next app
  // build redoes the app crate (about half a minute): built only when older than the sources.
  const floorReason = buildReason(join(OUT, 'floor'));
  if (floorReason) {
    log(`building the floor page (${floorReason})`);
    run('trunk', ['build', '--release', '--offline', '--filehash', 'false', '--features', 'bench-floor', '--dist', join(OUT, 'floor')]);
    run('node', ['tools/postbuild.mjs', join(OUT, 'floor')]);
  }
}

function writeDragDataSet() {
  const base = JSON.parse(readFileSync(join(ROOT, 'www', 'data', 'lang-ping-2023.json'), 'utf8'));
  const dataSet = graphToDataSet(randomGraph(DRAG_NODES, 2, 42), base);
  const text = JSON.stringify(dataSet);
  mkdirSync(join(OUT, 'app-data'), { recursive: true });
  writeFileSync(join(OUT, 'app-data', `bench-${DRAG_NODES}.json`), text);
  return { text, nodes: dataSet.nodes.length, links: dataSet.links.length };
}

// --- Sizes -------------------------------------------------------------------------------------

function sizesOf(dir, pattern) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      return {
        file: name,
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    });
}

// --- Browser measurements ----------------------------------------------------------------------

const BROWSER_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--js-flags=--expose-gc'];

async function layoutBenchmarks(browser, benchServer) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => log('page error:', e.message));
  await page.goto(benchServer.url('index.html'));
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  const info = await page.evaluate((wasmBuilds) => globalThis.bench.init({ wasmBuilds }), { wasm: 'pkg', 'wasm-o3': 'pkg-o3' });
  log('bench page ready; crossOriginIsolated:', info.crossOriginIsolated);
  const cases = [];
  for (const graph of GRAPHS) {
    for (const lib of LIBS) {
      const result = await page.evaluate((spec) => globalThis.bench.runCase(spec), { graph, lib, ticks: TICKS, reps: repsFor(graph) });
      cases.push(result);
      log(
        `${graph.padEnd(17)} ${lib.padEnd(8)} ${result.msPerTickMedian.toFixed(3).padStart(8)} ms/tick (median; mean ${result.msPerTickMean.toFixed(3)})`,
        `edge/NN ${result.quality?.edgeToNearest.toFixed(3)} stress ${result.quality?.stress.toFixed(4)}`,
        result.maxAbsDiffVsD3 !== undefined ? `max|Δ| vs d3 ${result.maxAbsDiffVsD3.toExponential(2)}` : '',
      );
    }
  }
  const appCore = await page.evaluate(() => globalThis.bench.appCore());
  const appTick = await page.evaluate((graph) => globalThis.bench.appTick({ graph }), `random-${DRAG_NODES}`);
  log(`core share of the app start: load ${appCore.loadMs.toFixed(1)} ms, load + scene ${appCore.loadAndSceneMs.toFixed(1)} ms; app simulation at ${DRAG_NODES} nodes: ${appTick.msPerTickMedian.toFixed(2)} ms/tick`);
  const longTaskGraph = QUICK ? 'random-1000' : 'random-20000';
  const longTasks = [];
  for (const lib of ['wasm', 'd3']) {
    const probe = await page.evaluate((spec) => globalThis.bench.longTaskProbe(spec), { graph: longTaskGraph, lib, ticks: TICKS });
    longTasks.push(probe);
    log(`long tasks, ${lib} on ${longTaskGraph}: ${probe.longTasks} (max ${probe.longTaskMaxMs.toFixed(0)} ms); tick median ${probe.tickMsMedian.toFixed(2)} ms`);
  }
  await context.close();
  return { info, cases, longTasks, appCore, appTick };
}

// Installed before any page script: notes when `selector` matches at least `count` elements,
// then when two animation frames have passed since (the first frame showing them is rendered),
// and every long task.
function paintProbe({ selector, count }) {
  window.__bench = { longTasks: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const check = () => {
    if (window.__bench.present || document.querySelectorAll(selector).length < count) return;
    window.__bench.present = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => (window.__bench.painted = performance.now())));
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}

async function loadOnce(browser, url, selector, count) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.addInitScript(paintProbe, { selector, count });
  await page.goto(url);
  await page.waitForFunction(() => window.__bench?.painted !== undefined, null, { timeout: 60_000 });
  // Chromium reports first-contentful-paint once the frame is presented, a little later.
  await page
    .waitForFunction(() => performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint'), null, { timeout: 5_000 })
    .catch(() => {});
  const timing = await page.evaluate(() => {
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      paintedMs: window.__bench.painted,
      presentMs: window.__bench.present,
      firstContentfulPaintMs: paint['first-contentful-paint'] ?? null,
      domContentLoadedMs: nav?.domContentLoadedEventEnd ?? null,
      longTasks: window.__bench.longTasks,
    };
  });
  await context.close();
  return timing;
}

async function loadTimes(browser, appServer, baselineServer, floorServer, defaultNodes) {
  const app = [], baseline = [], floor = [];
  for (let i = 0; i < LOAD_RUNS; ++i) {
    // Alternate, so all pages see the same background load.
    app.push(await loadOnce(browser, appServer.url('index.html?lang=en'), 'svg g.node', defaultNodes));
    baseline.push(await loadOnce(browser, baselineServer.url('index.html'), '#hello', 1));
    floor.push(await loadOnce(browser, floorServer.url('index.html?lang=en'), '#hello', 1));
  }
  const summary = (runs) => ({
    runs: runs.length,
    paintedMsMedian: median(runs.map((r) => r.paintedMs)),
    paintedMsMin: Math.min(...runs.map((r) => r.paintedMs)),
    firstContentfulPaintMsMedian: median(runs.map((r) => r.firstContentfulPaintMs).filter((v) => v !== null)),
    longTaskMaxMsMedian: median(runs.map((r) => Math.max(0, ...r.longTasks.map((t) => t.duration)))),
    paintedMs: runs.map((r) => r.paintedMs),
  });
  const result = { app: summary(app), baseline: summary(baseline), floor: summary(floor) };
  result.ratio = result.app.paintedMsMedian / result.baseline.paintedMsMedian;
  result.floorRatio = result.floor.paintedMsMedian / result.baseline.paintedMsMedian;
  log(`load: app ${result.app.paintedMsMedian.toFixed(0)} ms, baseline ${result.baseline.paintedMsMedian.toFixed(0)} ms, ratio ${result.ratio.toFixed(2)}; floor ${result.floor.paintedMsMedian.toFixed(0)} ms, ratio ${result.floorRatio.toFixed(2)}`);
  return result;
}

// Records, for every animation frame: the gap since the previous frame (rAF timestamps) and the
// main-thread time from the frame's start until its rendering work is done (a message posted
// from the rAF callback is delivered after style, layout and paint of that frame).
function startFrameRecorder() {
  const rec = (window.__frames = { gaps: [], busy: [], running: true });
  const channel = new MessageChannel();
  const starts = [];
  channel.port1.onmessage = () => rec.busy.push(performance.now() - starts.shift());
  let last = null;
  const loop = (now) => {
    if (!rec.running) return;
    if (last !== null) rec.gaps.push(now - last);
    last = now;
    starts.push(now);
    channel.port2.postMessage(0);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}

async function dragOnce(browser, appServer, query, nodeCount, label) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (e) => log('app page error:', e.message));
  // Graphs over the app's large-graph threshold (600 nodes) are painted on a canvas.
  const canvasMode = nodeCount > 600;
  await page.addInitScript(paintProbe, canvasMode ? { selector: 'canvas.graph-canvas', count: 1 } : { selector: 'svg g.node', count: nodeCount });
  await page.goto(appServer.url(`index.html?${query}`));
  await page.waitForFunction(() => window.__bench?.painted !== undefined, null, { timeout: 120_000 });
  const load = await page.evaluate(() => ({
    paintedMs: window.__bench.painted,
    longTasks: window.__bench.longTasks.length,
    longTaskMaxMs: Math.max(0, ...window.__bench.longTasks.map((t) => t.duration)),
  }));
  // Bring the graph into view (it sits below the timeline), then let the page settle.
  await page.evaluate(() => document.querySelector('svg.graph-svg, canvas.graph-canvas').scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(canvasMode ? 6000 : 500);
  if (canvasMode) return dragCanvas(page, context, nodeCount, label, load);
  // The node nearest the centre of the graph's drawing area, fully visible.
  const target = await page.evaluate(() => {
    const svg = document.querySelector('svg.graph-svg');
    const box = svg.getBoundingClientRect();
    const area = {
      left: Math.max(0, box.left), top: Math.max(0, box.top),
      right: Math.min(innerWidth, box.right), bottom: Math.min(innerHeight, box.bottom),
    };
    area.width = area.right - area.left;
    area.height = area.bottom - area.top;
    const cx = area.left + area.width / 2, cy = area.top + area.height / 2;
    let best = null;
    for (const [i, g] of [...svg.querySelectorAll('g[role=button]')].entries()) {
      const shape = g.querySelector('path, circle, rect') ?? g;
      const r = shape.getBoundingClientRect();
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      if (r.width === 0 || x < area.left + 20 || x > area.right - 120 || y < area.top + 20 || y > area.bottom - 80) continue;
      if (document.elementFromPoint(x, y)?.closest('g[role=button]') !== g) continue;
      const d = Math.hypot(x - cx, y - cy);
      if (!best || d < best.d) best = { i, x, y, d, transform: g.getAttribute('transform') };
    }
    return best;
  });
  if (!target) throw new Error(`${label}: no node to drag`);
  const frames = await recordDrag(page, target);
  const moved = await page.evaluate(
    ({ i, transform }) => document.querySelectorAll('svg g[role=button]')[i].getAttribute('transform') !== transform,
    target,
  );
  await context.close();
  return dragResult(label, nodeCount, moved, frames, load);
}

/**
 * Edit latency in the editor on a large reading: the built-in reading (the default graph's
 * nodes and links) made the draft with "Edit this reading", then a node's label changed as a
 * field is committed (its change event) and timed until the graph shows the new label; and a
 * node added ("Add a node") until its form has the keyboard. Each edit validates the whole
 * draft and rebuilds the scene the views draw. Times are from the event to the first animation
 * frame after the result is in the page.
 */
async function editLatency(browser, appServer, nodeCount) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (e) => log('editor page error:', e.message));
  // The reader hands its reading to the editor's page ("Edit this reading" in its menu).
  await page.goto(appServer.url('index.html?lang=en'));
  await page.getByRole('button', { name: 'More', exact: true }).click();
  await page.getByRole('link', { name: 'Edit this reading', exact: true }).click();
  const nodes = page.locator('.editor-pane details.editor-section').filter({ has: page.getByRole('heading', { name: 'Nodes', exact: true }) });
  await page.waitForFunction((n) => document.querySelectorAll('svg.graph-svg g[role=button]').length === n, nodeCount, { timeout: 60_000 });
  await nodes.locator('ol.items > li').nth(nodeCount - 1).waitFor({ timeout: 60_000 });
  await nodes.locator('ol.items > li summary').first().click();
  // The label the graph shows in the English interface (the reading is in Chinese and English).
  const label = nodes.getByRole('textbox', { name: 'Label (en)', exact: true }).first();
  await label.waitFor();
  await page.waitForTimeout(1000);
  const relabel = [];
  for (let i = 0; i < EDIT_REPEATS; i++) {
    const text = `Edited label ${i}`;
    relabel.push(await label.evaluate((input, text) => new Promise((done, fail) => {
      const t0 = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      const shown = () => [...document.querySelectorAll('svg.graph-svg g[role=button]')].some((g) => (g.getAttribute('aria-label') ?? '').startsWith(`${text},`));
      const poll = () => {
        if (shown()) done(performance.now() - t0);
        else if (performance.now() - t0 > 20_000) fail(new Error(`the graph does not show the label ${text}`));
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    }), text));
  }
  const add = [];
  const addButton = page.getByRole('button', { name: 'Add a node', exact: true });
  for (let i = 0; i < EDIT_REPEATS; i++) {
    add.push(await addButton.evaluate((button, before) => new Promise((done, fail) => {
      const t0 = performance.now();
      button.click();
      const list = button.closest('details.editor-section').querySelector('ol.items');
      const ready = () => list.children.length === before + 1 && list.lastElementChild.contains(document.activeElement);
      const poll = () => {
        if (ready()) done(performance.now() - t0);
        else if (performance.now() - t0 > 20_000) fail(new Error('the new node\'s form does not have the keyboard'));
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    }), nodeCount + i));
  }
  await context.close();
  const summary = (times) => ({ msMedian: median(times), msMax: Math.max(...times), times });
  return { nodes: nodeCount, relabel: summary(relabel), addNode: summary(add) };
}

/**
 * The canvas view has no element per node: find a node by short test drags from points spiralling
 * out of the canvas centre until one pins a node (the app then saves its pins in localStorage),
 * then measure the drag from there.
 */
async function dragCanvas(page, context, nodeCount, label, load) {
  const box = await page.evaluate(() => {
    const r = document.querySelector('canvas.graph-canvas').getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: Math.min(r.height, innerHeight - r.top) };
  });
  const pinned = () => page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('argument-atlas:v1:pins:')));
  let target = null;
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  for (let k = 0; k < 300 && !target; ++k) {
    const angle = k * 2.4, radius = 4 * Math.sqrt(k) * 4;
    const x = cx + radius * Math.cos(angle), y = cy + radius * Math.sin(angle);
    if (x < box.x + 10 || x > box.x + box.width - 10 || y < box.y + 10 || y > box.y + box.height - 10) continue;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 6, y + 6, { steps: 2 });
    await page.mouse.up();
    if (await pinned()) target = { x: x + 6, y: y + 6 };
  }
  if (!target) throw new Error(`${label}: no node found on the canvas to drag`);
  await page.waitForTimeout(1500);
  const frames = await recordDrag(page, target);
  await context.close();
  // The test drag above pinned a node, so this one moves a node too.
  return dragResult(`${label}, canvas`, nodeCount, true, frames, load);
}

/** Drags from `target` over DRAG_STEPS pointer moves 16 ms apart, recording the frames. */
async function recordDrag(page, target) {
  await page.mouse.move(target.x, target.y);
  await page.evaluate(startFrameRecorder);
  await page.mouse.down();
  for (let step = 1; step <= DRAG_STEPS; ++step) {
    await page.mouse.move(target.x + step * 2.5, target.y + step * 1.5);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  return page.evaluate(() => {
    window.__frames.running = false;
    return { gaps: window.__frames.gaps, busy: window.__frames.busy };
  });
}

/** The figures of one drag, logged as they are returned. */
function dragResult(graph, nodeCount, moved, frames, load) {
  const result = {
    graph, nodes: nodeCount, steps: DRAG_STEPS, moved, frames: frames.gaps.length,
    frameGapMsMedian: median(frames.gaps), frameGapMsP95: percentile(frames.gaps, 95),
    frameWorkMsMedian: median(frames.busy), frameWorkMsP95: percentile(frames.busy, 95),
    load,
  };
  log(`drag ${graph}: frame gap median ${result.frameGapMsMedian?.toFixed(1)} p95 ${result.frameGapMsP95?.toFixed(1)} ms; frame work median ${result.frameWorkMsMedian?.toFixed(1)} p95 ${result.frameWorkMsP95?.toFixed(1)} ms; moved ${moved}`);
  return result;
}

// --- Report ------------------------------------------------------------------------------------

function machine(chromiumVersion) {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    if (execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT }).toString().trim()) commit += ' (with uncommitted changes)';
  } catch {}
  return {
    cpu: model,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg().map((v) => Number(v.toFixed(2))),
    chromium: chromiumVersion,
    node: process.version,
    date: new Date().toISOString(),
    commit,
  };
}

const fmt = (v, digits = 3) => (v === null || v === undefined || Number.isNaN(v) ? '–' : v.toFixed(digits));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function markdown(results) {
  const { machine: m, layout, sizes, load, drag } = results;
  const lines = [];
  lines.push(`Measured ${m.date.slice(0, 10)} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, headless Chromium ${m.chromium}, Node ${m.node}; commit ${m.commit}; load average ${m.loadAverageAtStart.join(' ')} at the start${m.loadAverageAtEnd ? `, ${m.loadAverageAtEnd.join(' ')} at the end` : ''}${m.durationS ? `; the run took ${m.durationS} s` : ''}.${results.quick ? ' **Quick run** (`--quick`): not the full benchmark.' : ''}`);
  if (busy(m)) lines.push('', `**Other work was running on the machine** (1-minute load average ${m.loadAverageAtStart[0]} at the start, ${m.cores} cores): absolute times are inflated and noisy; the ratios, measured side by side, are steadier.`);
  lines.push('');
  lines.push(`**Layout speed and quality**: ${TICKS} ticks (iterations) per case, every library in the same page on the same graph from the same start positions; ms per tick is the median over the ${TICKS} ticks (median of the repetitions: ${[...new Set(GRAPHS.map(repsFor))].join('/')} runs for the default/1k/5k/20k graphs). Ratio = ms per tick ÷ d3's. Quality (lower is better): edge/NN = mean link length ÷ mean nearest-neighbour distance; stress = normalised stress against hop distance on sampled pairs (bench/README.md).`);
  lines.push('');
  lines.push('| graph | nodes | links | library | ms/tick | ratio to d3 | edge/NN | stress | stress vs d3 |');
  lines.push('|---|---:|---:|---|---:|---:|---:|---:|---:|');
  for (const graph of GRAPHS) {
    const d3 = layout.cases.find((c) => c.graph === graph && c.lib === 'd3');
    for (const c of layout.cases.filter((c) => c.graph === graph)) {
      const ratio = c.msPerTickMedian / d3.msPerTickMedian;
      const stressVs = c.quality && d3.quality ? c.quality.stress / d3.quality.stress : null;
      lines.push(`| ${c.graph} | ${c.nodes} | ${c.links} | ${LABELS[c.lib]} | ${fmt(c.msPerTickMedian)} | ${fmt(ratio, 2)} | ${fmt(c.quality?.edgeToNearest, 2)} | ${fmt(c.quality?.stress, 4)} | ${fmt(stressVs, 2)} |`);
    }
  }
  const diffs = layout.cases.filter((c) => c.maxAbsDiffVsD3 !== undefined);
  if (diffs.length) {
    const worst = Math.max(...diffs.map((c) => c.maxAbsDiffVsD3));
    lines.push('');
    lines.push(`Same layout as d3: the largest difference of any final coordinate between atlas-core and d3-force over all graphs is ${worst.toExponential(1)} (world units).`);
  }
  lines.push('');
  lines.push(`**Long tasks while a ${layout.longTasks[0].nodes.toLocaleString('en')}-node layout runs**: on the main thread (no worker), set-up in one task, then one tick per animation frame for ${TICKS} frames.`);
  lines.push('');
  lines.push('| library | set-up ms | ms/tick (median, max) | long tasks > 50 ms | longest |');
  lines.push('|---|---:|---:|---:|---:|');
  for (const p of layout.longTasks) lines.push(`| ${LABELS[p.lib]} | ${fmt(p.setupMs, 0)} | ${fmt(p.tickMsMedian, 1)}, ${fmt(p.tickMsMax, 1)} | ${p.longTasks} | ${fmt(p.longTaskMaxMs, 0)} ms |`);
  lines.push('');
  lines.push('**Built sizes** (gzip level 9, brotli quality 11):');
  lines.push('');
  lines.push('| file | raw | gzip | brotli |');
  lines.push('|---|---:|---:|---:|');
  for (const [group, list] of Object.entries(sizes)) for (const s of list) lines.push(`| ${group}/${s.file} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`);
  lines.push('');
  lines.push(`**Load**: navigation start to the settled default graph painted (all ${load.defaultNodes} nodes in the DOM, then two animation frames), beside the smallest Leptos page (mounts "hello") built with the same release profile and wasm-opt; median of ${load.app.runs} fresh loads each from a loopback server, no cache.`);
  lines.push('');
  lines.push('| page | painted (median) | fastest | first contentful paint | longest task |');
  lines.push('|---|---:|---:|---:|---:|');
  lines.push(`| app, default data set | ${fmt(load.app.paintedMsMedian, 0)} ms | ${fmt(load.app.paintedMsMin, 0)} ms | ${fmt(load.app.firstContentfulPaintMsMedian, 0)} ms | ${fmt(load.app.longTaskMaxMsMedian, 0)} ms |`);
  lines.push(`| baseline Leptos page | ${fmt(load.baseline.paintedMsMedian, 0)} ms | ${fmt(load.baseline.paintedMsMin, 0)} ms | ${fmt(load.baseline.firstContentfulPaintMsMedian, 0)} ms | ${fmt(load.baseline.longTaskMaxMsMedian, 0)} ms |`);
  if (load.floor) lines.push(`| floor: the app's page and whole WebAssembly, mounting one paragraph | ${fmt(load.floor.paintedMsMedian, 0)} ms | ${fmt(load.floor.paintedMsMin, 0)} ms | ${fmt(load.floor.firstContentfulPaintMsMedian, 0)} ms | ${fmt(load.floor.longTaskMaxMsMedian, 0)} ms |`);
  lines.push(`| ratio app ÷ baseline | ${fmt(load.ratio, 2)} | | | |`);
  if (load.floor) lines.push(`| ratio floor ÷ baseline | ${fmt(load.floorRatio, 2)} | | | |`);
  lines.push('');
  lines.push(`Where the app's start goes: its wasm is ${kb(results.sizes.app.find((s) => s.file.endsWith('.wasm'))?.raw ?? 0)} raw against the baseline's ${kb(results.sizes.baseline.find((s) => s.file.endsWith('.wasm'))?.raw ?? 0)}, and its start runs as one long task (median longest task above). The core's share of it, timed in the bench page in the same build profile: loading the default data set ${fmt(layout.appCore.loadMs, 1)} ms; loading it and building its scene (labels with estimated widths, the settled layout, the columns) ${fmt(layout.appCore.loadAndSceneMs, 1)} ms, of which the app skips the settling: the built page carries the layout, settled at build time (its layout block). The rest is compiling and instantiating the wasm, measuring Latin label words on a canvas, and Leptos building the DOM (about 1,300 elements), then style and layout.`);
  lines.push('');
  lines.push(`**Dragging a node** in the app (${DRAG_STEPS} pointer moves, 16 ms apart): frame gap = time between animation frames (the display runs at 60 Hz, so 16.7 ms is every frame on time); frame work = main-thread time from a frame's start until its rendering is done.`);
  lines.push('');
  lines.push('| graph | nodes | frames | frame gap median | gap p95 | frame work median | work p95 | node moved |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const d of drag) lines.push(`| ${d.graph} | ${d.nodes} | ${d.frames} | ${fmt(d.frameGapMsMedian, 1)} ms | ${fmt(d.frameGapMsP95, 1)} ms | ${fmt(d.frameWorkMsMedian, 1)} ms | ${fmt(d.frameWorkMsP95, 1)} ms | ${d.moved ? 'yes' : 'no'} |`);
  const big = drag.find((d) => d.nodes === DRAG_NODES);
  if (big) {
    lines.push('');
    lines.push(`While a node is dragged, each frame runs one tick of the app's simulation (collision included) and draws every node and link: by moving SVG elements at the default size, by painting the canvas above the app's 600-node threshold. The tick alone, on the ${DRAG_NODES.toLocaleString('en')}-node graph in the bench page: ${fmt(layout.appTick.msPerTickMedian, 2)} ms; the rest of a frame's work is drawing (DOM writes, style and layout for SVG; raster for the canvas, in software in this headless Chromium).`);
    lines.push('');
    lines.push(`Loading the ${DRAG_NODES.toLocaleString('en')}-node data set (\`?data=\`, layout computed before first paint): painted after ${fmt(big.load.paintedMs, 0)} ms, ${big.load.longTasks} long task(s), the longest ${fmt(big.load.longTaskMaxMs, 0)} ms.`);
  }
  if (results.edit) {
    const e = results.edit;
    lines.push('');
    lines.push(`**Editing** the built-in reading in the editor (${e.nodes} nodes, made the draft with "Edit this reading"; ${EDIT_REPEATS} times each): a node's label committed, until the graph shows it, median ${fmt(e.relabel.msMedian, 0)} ms (slowest ${fmt(e.relabel.msMax, 0)} ms); "Add a node", until its form has the keyboard, median ${fmt(e.addNode.msMedian, 0)} ms (slowest ${fmt(e.addNode.msMax, 0)} ms). Each edit validates the whole draft and rebuilds the scene the views draw.`);
  }
  lines.push('');
  lines.push('**Targets** (reported, not asserted):');
  lines.push('');
  lines.push('| target | measured | met |');
  lines.push('|---|---|---|');
  for (const t of results.targets) lines.push(`| ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`);
  return lines.join('\n');
}

// The run itself keeps about one core busy; more than that at the start means other work.
const busy = (m) => m.loadAverageAtStart[0] > 0.75 * m.cores;

// A short version for the top-level README: one row per graph, one line per other figure.
function summaryMarkdown(results) {
  const { machine: m, layout, sizes, load, drag } = results;
  const at = (graph, lib) => layout.cases.find((c) => c.graph === graph && c.lib === lib);
  const lines = [];
  lines.push(`Latest run (\`node bench/run.mjs\`, ${m.date.slice(0, 10)}): ${m.cpu}, ${m.cores} cores, headless Chromium ${m.chromium}. ms per tick, median over 300 ticks, same graphs and start positions for all; stress = normalised stress (lower is better). Full tables and definitions: \`bench/RESULTS.md\`, \`bench/README.md\`.${busy(m) ? ` Other work was running on the machine during this run (load average ${m.loadAverageAtStart[0]} on ${m.cores} cores): absolute times are inflated, ratios are steadier.` : ''}`);
  lines.push('');
  lines.push('| graph | nodes | atlas-core (wasm) | d3-force | ratio to d3 | ngraph | FA2 | stress: ours / d3 / ngraph / FA2 |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const graph of GRAPHS) {
    const [w, d, n, f] = ['wasm', 'd3', 'ngraph', 'fa2'].map((lib) => at(graph, lib));
    lines.push(`| ${graph} | ${w.nodes} | ${fmt(w.msPerTickMedian)} | ${fmt(d.msPerTickMedian)} | ${fmt(w.msPerTickMedian / d.msPerTickMedian, 2)} | ${fmt(n.msPerTickMedian)} | ${fmt(f.msPerTickMedian)} | ${[w, d, n, f].map((c) => fmt(c.quality?.stress, 3)).join(' / ')} |`);
  }
  lines.push('');
  const app = (ext) => sizes.app.filter((s) => s.file.endsWith(ext)).reduce((sum, s) => sum + s.gzip, 0);
  const editor = (ext) => (sizes.editor ?? []).filter((s) => s.file.endsWith(ext)).reduce((sum, s) => sum + s.gzip, 0);
  lines.push(`- Built app, gzip: the reader's wasm ${kb(app('.wasm'))}, JS ${kb(app('.js'))}, CSS ${kb(app('.css'))}; the page itself, which carries the built-in data set as a JSON block, ${kb(app('.html'))}. The editor's page (editor.html, never loaded by readers): wasm ${kb(editor('.wasm'))}, JS ${kb(editor('.js'))}.`);
  lines.push(`- Default graph painted ${fmt(load.app.paintedMsMedian, 0)} ms after navigation; the smallest Leptos page with the same profile: ${fmt(load.baseline.paintedMsMedian, 0)} ms (${fmt(load.ratio, 2)}×)${load.floor ? `; this app's own page and WebAssembly mounting one paragraph instead of the app (the floor): ${fmt(load.floor.paintedMsMedian, 0)} ms (${fmt(load.floorRatio, 2)}×)` : ''}.`);
  lines.push(`- Dragging a node, main-thread work per frame, median / 95th percentile: ${drag.map((d) => `${fmt(d.frameWorkMsMedian, 1)} / ${fmt(d.frameWorkMsP95, 1)} ms at ${d.nodes.toLocaleString('en')} nodes`).join('; ')}.`);
  if (results.edit) lines.push(`- Editing the built-in reading (${results.edit.nodes} nodes): a label committed shows in the graph after ${fmt(results.edit.relabel.msMedian, 0)} ms (median); "Add a node" has its form ready after ${fmt(results.edit.addNode.msMedian, 0)} ms.`);
  const probe = layout.longTasks.find((p) => p.lib === 'wasm');
  lines.push(`- A ${probe.nodes.toLocaleString('en')}-node layout on the main thread, one tick per frame: ${probe.longTasks} long task(s) over 50 ms (ticks ${fmt(probe.tickMsMedian, 1)} ms); d3-force the same way: ${layout.longTasks.find((p) => p.lib === 'd3')?.longTasks ?? '–'}.`);
  return lines.join('\n');
}

function targets(results) {
  const { layout, sizes, load, drag } = results;
  const list = [];
  const at = (graph, lib) => layout.cases.find((c) => c.graph === graph && c.lib === lib);
  const ratio = (graph, lib) => at(graph, lib).msPerTickMedian / at(graph, 'd3').msPerTickMedian;
  const sized = GRAPHS.filter((g) => g !== 'default');
  const bigOnes = sized.filter((g) => /-(5000|20000)$/.test(g));
  if (bigOnes.length) {
    const rs = bigOnes.map((g) => `${g} ${ratio(g, 'wasm').toFixed(2)}`);
    list.push({ target: 'wasm ≥ 3× faster than d3 at 5k and 20k (ratio ≤ 0.33)', measured: rs.join(', '), met: bigOnes.every((g) => ratio(g, 'wasm') <= 0.33) });
  }
  const ones = sized.filter((g) => g.endsWith('-1000'));
  list.push({ target: 'wasm not slower than d3 at 1k (ratio ≤ 1)', measured: ones.map((g) => `${g} ${ratio(g, 'wasm').toFixed(2)}`).join(', '), met: ones.every((g) => ratio(g, 'wasm') <= 1) });
  const slowerThanOthers = GRAPHS.flatMap((g) => ['ngraph', 'fa2'].filter((lib) => at(g, 'wasm').msPerTickMedian >= at(g, lib).msPerTickMedian).map((lib) => `${g} vs ${lib}`));
  list.push({ target: 'wasm faster than ngraph and FA2 at every size', measured: slowerThanOthers.length ? `slower: ${slowerThanOthers.join(', ')}` : 'faster everywhere', met: !slowerThanOthers.length });
  const worstQuality = Math.max(...GRAPHS.map((g) => at(g, 'wasm').quality.stress / at(g, 'd3').quality.stress));
  list.push({ target: 'layout quality within 5% of d3 (stress)', measured: `worst stress ratio ${worstQuality.toFixed(3)}`, met: worstQuality <= 1.05 });
  const wasmGzip = sizes.app.filter((s) => s.file.endsWith('.wasm')).reduce((sum, s) => sum + s.gzip, 0);
  list.push({ target: 'app WebAssembly ≤ 300 KB gzip', measured: kb(wasmGzip), met: wasmGzip <= 300 * 1024 });
  const floorNote = load.floor ? ` (the floor, this app's page and WebAssembly mounting one paragraph: ${load.floorRatio.toFixed(2)}×)` : '';
  list.push({ target: 'default graph painted within 1.5× the baseline page load', measured: `${load.ratio.toFixed(2)}×${floorNote}`, met: load.ratio <= 1.5 });
  for (const d of drag) list.push({ target: `drag p95 frame < 16 ms (${d.graph})`, measured: `work p95 ${d.frameWorkMsP95?.toFixed(1)} ms; gap p95 ${d.frameGapMsP95?.toFixed(1)} ms`, met: d.frameWorkMsP95 < 16 });
  // An edit felt as immediate: about 100 ms from the field left to the graph redrawn.
  if (results.edit) list.push({ target: `an edit of the built-in reading (${results.edit.nodes} nodes) shows in the graph within 100 ms (median)`, measured: `${results.edit.relabel.msMedian.toFixed(0)} ms`, met: results.edit.relabel.msMedian <= 100 });
  const probe = layout.longTasks.find((p) => p.lib === 'wasm');
  list.push({ target: `no long task > 50 ms while a ${probe.nodes}-node layout runs (main thread, a tick per frame)`, measured: `${probe.longTasks} long task(s), longest ${probe.longTaskMaxMs.toFixed(0)} ms`, met: probe.longTasks === 0 });
  return list;
}

// Replaces what lies between <!-- bench:NAME:start --> and <!-- bench:NAME:end --> in the
// READMEs that have such markers: NAME "results" gets the full tables, "summary" the short one.
function refreshReadmes(blocks) {
  for (const file of [join(ROOT, 'README.md'), join(HERE, 'README.md')]) {
    if (!existsSync(file)) continue;
    let text = readFileSync(file, 'utf8');
    const before = text;
    for (const [name, block] of Object.entries(blocks)) {
      const start = `<!-- bench:${name}:start -->`, end = `<!-- bench:${name}:end -->`;
      const a = text.indexOf(start), b = text.indexOf(end);
      if (a < 0 || b < a) continue;
      text = `${text.slice(0, a + start.length)}\n${block}\n${text.slice(b)}`;
    }
    if (text !== before) {
      writeFileSync(file, text);
      log('refreshed the results in', file);
    }
  }
}

// --- Main --------------------------------------------------------------------------------------

async function measure() {
  if (!args.has('--skip-build')) build();
  const dragData = writeDragDataSet();
  const defaultNodes = JSON.parse(readFileSync(join(ROOT, 'www', 'data', 'lang-ping-2023.json'), 'utf8')).nodes.length;
  const sizes = {
    // What a reader downloads, and apart from it, the editor's page (readers never load it).
    app: sizesOf(PKG, /^(?!argument-atlas-editor).*\.(wasm|js|css)$|^index\.html$/),
    editor: sizesOf(PKG, /^argument-atlas-editor.*\.(wasm|js)$|^editor\.html$/),
    'bench crate, opt z': sizesOf(join(OUT, 'pkg'), /\.wasm$/),
    'bench crate, opt 3': sizesOf(join(OUT, 'pkg-o3'), /\.wasm$/),
    baseline: sizesOf(join(OUT, 'baseline'), /\.(wasm|js|css)$/),
  };

  // Cross-origin isolation gives the bench page performance.now() at 5 µs instead of 100 µs.
  const isolation = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
  const benchServer = await startServer({ root: OUT, headers: isolation });
  const appServer = await startServer({
    root: PKG,
    routes: { [`/bench-${DRAG_NODES}.json`]: { type: 'application/json; charset=utf-8', body: dragData.text } },
  });
  const baselineServer = await startServer({ root: join(OUT, 'baseline') });
  const floorServer = await startServer({ root: join(OUT, 'floor') });
  const browser = await chromium.launch({ executablePath: findProgram('ATLAS_CHROMIUM', ['chromium', 'chromium-browser']), args: BROWSER_ARGS, timeout: 60_000 });
  const machineInfo = machine(browser.version());
  let results;
  try {
    const layout = await layoutBenchmarks(browser, benchServer);
    const load = { defaultNodes, ...(await loadTimes(browser, appServer, baselineServer, floorServer, defaultNodes)) };
    const drag = [
      await dragOnce(browser, appServer, 'lang=en', defaultNodes, 'default'),
      await dragOnce(browser, appServer, `lang=en&data=bench-${DRAG_NODES}.json`, DRAG_NODES, `random-${DRAG_NODES} (${dragData.links} links)`),
    ];
    const edit = await editLatency(browser, appServer, defaultNodes);
    results = { quick: QUICK, machine: machineInfo, layout, sizes, load, drag, edit };
  } finally {
    await browser.close();
    await Promise.all([benchServer.close(), appServer.close(), baselineServer.close(), floorServer.close()]);
  }
  return results;
}

const REPORT_ONLY = args.has('--report-only');
let results;
if (REPORT_ONLY) {
  results = JSON.parse(readFileSync(join(HERE, 'results.json'), 'utf8'));
} else {
  results = await measure();
  results.machine.loadAverageAtEnd = loadavg().map((v) => Number(v.toFixed(2)));
  results.machine.durationS = Math.round((Date.now() - started) / 1000);
}
results.targets = targets(results);
const table = markdown(results);
const summary = summaryMarkdown(results);
const resultsFile = QUICK ? 'results.quick.json' : 'results.json';
const markdownFile = QUICK ? 'RESULTS.quick.md' : 'RESULTS.md';
if (!REPORT_ONLY) writeFileSync(join(HERE, resultsFile), JSON.stringify(results, null, 2) + '\n');
writeFileSync(join(HERE, markdownFile), `# Benchmark results\n\nWritten by \`node bench/run.mjs\` (definitions: [README.md](README.md)).\n\n## Summary\n\n${summary}\n\n## All figures\n\n${table}\n`);
if (!QUICK && !args.has('--no-readme')) refreshReadmes({ results: table, summary });
console.log(`${summary}\n\n${table}`);
log(REPORT_ONLY ? `wrote bench/${markdownFile} from bench/${resultsFile}` : `wrote bench/${resultsFile} and bench/${markdownFile} in ${results.machine.durationS} s`);
