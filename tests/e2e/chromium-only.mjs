// Chromium-only checks with playwright-core (the system Chromium, nothing downloaded): the
// page loads without console errors or warnings and without page errors, makes no request to
// any host but the loopback server, passes axe-core's serious/critical rules, and the README
// screenshot is taken.
//
//   node tests/e2e/chromium-only.mjs
//
// Environment: ATLAS_SITE (default pkg/ in the project folder), ATLAS_DATA (default
// www/data/lang-ping-2023.json), ATLAS_SCREENSHOT (default docs/screenshot.png).
// Ends with the line "N passed, N failed"; exits 1 on any failure.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../support/server.mjs';
import { checkRunner } from '../support/checks.mjs';
import { findProgram } from '../support/webdriver.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const SITE = resolve(process.env.ATLAS_SITE || join(REPO, 'pkg'));
const DATA = resolve(process.env.ATLAS_DATA || join(REPO, 'www/data/lang-ping-2023.json'));
const SHOT = resolve(process.env.ATLAS_SCREENSHOT || join(REPO, 'docs/screenshot.png'));
const SEMINAR = join(dirname(SHOT), 'seminar.png');
const require = createRequire(import.meta.url);

if (!existsSync(join(SITE, 'index.html'))) {
  console.error(`no built site at ${SITE} (set ATLAS_SITE, or build with: bash tools/build.sh)`);
  process.exit(2);
}
const data = JSON.parse(readFileSync(DATA, 'utf8'));
const usEvent = data.events.find((e) => e.title.en.includes('National Cybersecurity Strategy')) ?? null;

const { check, fail, finish } = checkRunner('chromium-only');

/**
 * Waits (at most 15 s) until the graph's nodes stand still for a picture: the first 20 nodes'
 * positions the same twice, 150 ms apart.
 */
async function graphStandsStill(page) {
  let last = '';
  for (let i = 0; i < 100; i++) {
    const now = await page.evaluate(() => [...document.querySelectorAll('svg.graph-svg g.node')].slice(0, 20).map((g) => g.getAttribute('transform')).join(' '));
    if (now === last && now) return;
    last = now;
    await new Promise((r) => setTimeout(r, 150));
  }
}

const server = await startServer({ root: SITE });
const origin = new URL(server.url()).origin;
const browser = await chromium.launch({
  executablePath: findProgram('ATLAS_CHROMIUM', ['chromium', 'chromium-browser']),
  args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update'],
  timeout: 60_000,
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const consoleProblems = [];
  const pageErrors = [];
  const foreign = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => {
    const url = r.url();
    if (/^(data|blob|about):/.test(url)) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  page.on('requestfailed', (r) => consoleProblems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));

  await check('page loads and renders', async () => {
    await page.goto(server.url('?lang=en'), { waitUntil: 'load' });
    await page.getByRole('region', { name: 'Graph', exact: true }).waitFor();
    const nodes = await page.getByRole('group', { name: 'Graph', exact: true }).getByRole('button').count();
    if (nodes !== data.nodes.length) fail(`the graph shows ${nodes} nodes, the data set has ${data.nodes.length}`);
    if (await page.getByRole('alert').count()) fail('an error alert is shown');
    // Chromium reports a preload the page did not use 3 s after the load event: wait until that
    // moment has passed (measured from the load event, not from now).
    await page.waitForFunction(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return nav && nav.loadEventEnd > 0 && performance.now() - nav.loadEventEnd > 3_200;
    }, null, { timeout: 15_000 });
  });

  await check('no console errors', async () => {
    const errors = consoleProblems.filter((p) => !p.startsWith('warning:'));
    if (errors.length) fail(errors.join(' | '));
  });

  await check('no console warnings', async () => {
    const warnings = consoleProblems.filter((p) => p.startsWith('warning:'));
    if (warnings.length) fail(warnings.join(' | '));
  });

  const firstLoad = new Set([...consoleProblems, ...pageErrors, ...foreign]);

  await check('no page errors', async () => {
    if (pageErrors.length) fail(pageErrors.join(' | '));
  });

  await check('no requests to other hosts', async () => {
    if (foreign.length) fail(`requests off the loopback server: ${[...new Set(foreign)].join(', ')}`);
  });

  await check('no serious accessibility violations (axe-core)', async () => {
    // Evaluated through the DevTools protocol, not added as a <script>: the page's CSP forbids
    // inline scripts (rightly), and the test must not loosen it.
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const run = () => page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}${v.nodes.length > 3 ? ` +${v.nodes.length - 3}` : ''}`);
    });
    const problems = (await run()).map((p) => `initial: ${p}`);
    if (usEvent) {
      await page.getByRole('list', { name: 'Timeline', exact: true }).getByRole('button', { name: usEvent.title.en }).click();
      problems.push(...(await run()).map((p) => `event selected: ${p}`));
    }
    if (problems.length) fail(problems.join(' | '));
  });

  await check(`README screenshot (${SHOT})`, async () => {
    await page.goto(server.url('?lang=en'), { waitUntil: 'load' });
    await page.getByRole('region', { name: 'Graph', exact: true }).waitFor();
    if (usEvent) {
      const button = page.getByRole('list', { name: 'Timeline', exact: true }).getByRole('button', { name: usEvent.title.en });
      await button.click();
      await page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: usEvent.title.en, exact: true }).waitFor();
    }
    await page.mouse.move(1, 1);
    // A laptop's window: the app fills it, graph, timeline strip and details at once.
    await page.setViewportSize({ width: 1366, height: 768 });
    // The graph refits to the new size: wait until its nodes stand still.
    await graphStandsStill(page);
    mkdirSync(dirname(SHOT), { recursive: true });
    await page.screenshot({ path: SHOT });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await check(`README seminar picture (${SEMINAR})`, async () => {
    // The stage on a 1280×720 projector, step 2 whole.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(server.url('?lang=en&tour=2'), { waitUntil: 'load' });
    await page.getByRole('progressbar').waitFor();
    await page.mouse.move(1, 1);
    await graphStandsStill(page);
    await page.screenshot({ path: SEMINAR });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await check('no new errors after interacting', async () => {
    // Only what the first load did not already show (that is reported above).
    const problems = [...consoleProblems, ...pageErrors, ...foreign].filter((p) => !firstLoad.has(p));
    if (problems.length) fail([...new Set(problems)].join(' | '));
  });
} finally {
  await browser.close().catch(() => {});
  await server.close();
}
finish();
