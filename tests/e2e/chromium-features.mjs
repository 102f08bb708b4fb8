// Chromium-only checks of issues 5, 6, 8 and 13 that need more than WebDriver offers, with
// playwright-core (the system Chromium, nothing downloaded):
//   - the one-file build from file:// makes no network request at all;
//   - the SVG and PNG exports and the JSON download, captured as real downloads;
//   - the one-file build in <iframe sandbox="allow-scripts"> and the served build under the
//     strict CSP header log no error from the first byte on (WebDriver can only listen after load);
//   - axe-core (serious and critical, as chromium-only.mjs) in both languages, with a selection,
//     in embed mode, during the tour, with the Share dialog, the keyboard help, the list
//     alternative, a load-problems alert and URL notices shown.
//
//   node tests/e2e/chromium-features.mjs [--grep TEXT]
//
// Environment: ATLAS_SITE (default pkg/ in the project folder), ATLAS_DATA (default
// www/data/lang-ping-2023.json). Ends with the line "N passed, N failed"; exits 1 on
// any failure.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer, strictPolicy } from '../support/server.mjs';
import { startCourseSite } from '../support/course.mjs';
import { checkRunner } from '../support/checks.mjs';
import { findProgram } from '../support/webdriver.mjs';
import { englishReading, hostileDataSet, invalidDataSet, smallDataSet, tempDir } from '../support/datasets.mjs';
import { DATA_BLOCK, LAYOUT_BLOCK, withDataAndLayoutBlocks, withDataBlock, withLayoutBlock } from '../../tools/data-block.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const SITE = resolve(process.env.ATLAS_SITE || join(REPO, 'pkg'));
const DATA = resolve(process.env.ATLAS_DATA || join(REPO, 'www/data/lang-ping-2023.json'));
const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const args = process.argv.slice(2);
const grepAt = args.indexOf('--grep');
const grep = grepAt >= 0 ? args[grepAt + 1] ?? '' : (args.find((a) => a.startsWith('--grep='))?.slice(7) ?? '');

for (const file of ['index.html', 'argument-atlas.html', 'csp.txt']) {
  if (!existsSync(join(SITE, file))) {
    console.error(`no ${file} in ${SITE} (set ATLAS_SITE, or build with: bash tools/build.sh)`);
    process.exit(2);
  }
}
const data = JSON.parse(readFileSync(DATA, 'utf8'));
const nodeName = (n, lang = 'en') => `${n.label[lang]}, ${{ threat: ['Threat', '威胁'], response: ['Response', '应对'], actor: ['Actor', '行为体'], document: ['Document', '文件'], event: ['Event', '事件'], concept: ['Concept', '概念'], claim: ['Claim', '论断'], person: ['Person', '人物'] }[n.kind][lang === 'en' ? 0 : 1]}`;
const usEvent = data.events.find((e) => e.title.en.includes('National Cybersecurity Strategy')) ?? data.events[0];
const firstThreat = data.nodes.find((n) => n.kind === 'threat');

const { check, fail, finish } = checkRunner('chromium-features', { only: grep });

const browser = await chromium.launch({
  executablePath: findProgram('ATLAS_CHROMIUM', ['chromium', 'chromium-browser']),
  args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update'],
  timeout: 60_000,
});

/**
 * A fresh context and page that record console errors and warnings, page errors (of every
 * frame) and every request. Returns { context, page, log } where log = { console, errors, requests }.
 */
async function freshPage({ viewport = { width: 1280, height: 800 }, acceptDownloads = false } = {}) {
  const context = await browser.newContext({ viewport, locale: 'en-US', deviceScaleFactor: 1, acceptDownloads });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const log = { console: [], errors: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log.console.push(`${m.type()}: ${m.text().slice(0, 300)}${m.location()?.url ? ` (${m.location().url})` : ''}`);
  });
  page.on('pageerror', (e) => log.errors.push(e.message));
  context.on('request', (r) => log.requests.push(r.url()));
  return { context, page, log };
}

const graphButtons = (scope) => scope.getByRole('group', { name: /^(Graph|关系图)$/ }).getByRole('button');

/**
 * The number of events the timeline shows, once it has laid them out: its cards are placed only
 * after the strip knows its width, a frame or more after the pane is shown, so the count waits
 * for the first card.
 */
async function timelineEvents(scope) {
  const buttons = scope.getByRole('list', { name: 'Timeline', exact: true }).getByRole('button');
  await buttons.first().waitFor();
  return buttons.count();
}

/**
 * Polls `read` until two reads 150 ms apart agree (the view has settled), at most `timeout` ms;
 * returns the settled value.
 */
async function settled(read, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last = JSON.stringify(await read());
  for (;;) {
    await new Promise((r) => setTimeout(r, 150));
    const value = await read();
    const now = JSON.stringify(value);
    if (now === last) return value;
    if (Date.now() > deadline) fail(`the view did not settle within ${timeout} ms (last: ${now.slice(0, 200)})`);
    last = now;
  }
}

/** Polls `fn` until it returns a truthy value (returned), at most `timeout` ms; fails naming `what`. */
async function until(fn, what, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) fail(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let markers = 0;
/**
 * Waits until everything `scope` (a page or frame) has logged so far has reached `log`: logs a
 * marker and waits for it to arrive (a browser delivers one document's messages in order), then
 * drops the marker. A barrier instead of a pause before checking that nothing went wrong.
 */
async function drain(scope, log) {
  const marker = `atlas-drain-marker-${++markers}`;
  await scope.evaluate((m) => setTimeout(() => console.warn(m), 0), marker);
  await until(() => log.console.some((c) => c.includes(marker)), `the console marker ${marker}`);
  log.console = log.console.filter((c) => !c.includes(marker));
}

/** The "More" menu's item named `name`, the menu opened first when it is closed. */
async function menuItem(page, name) {
  const more = page.getByRole('button', { name: 'More', exact: true });
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  return page.locator('#main-menu').getByRole('button', { name, exact: true });
}

/** Runs axe-core in `frame` (a Page or Frame); returns serious/critical violations as text. */
async function axe(frame, label) {
  if (!(await frame.evaluate(() => !!window.axe))) await frame.evaluate(AXE);
  const found = await frame.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}${v.nodes.length > 3 ? ` +${v.nodes.length - 3}` : ''}`);
  });
  return found.map((f) => `${label}: ${f}`);
}

/** The console lines in which the browser reports a Content-Security-Policy violation. */
const cspViolations = (log) => log.console.filter((c) => /Content Security Policy|Refused to/i.test(c));

/** The built index.html, and the same with `pattern`'s JSON block removed (failing, as a control, when it has none). */
function builtPageWithout(pattern, id) {
  const shell = readFileSync(join(SITE, 'index.html'), 'utf8');
  const without = shell.replace(pattern, '');
  if (without === shell) fail(`the built index.html has no ${id} block to remove (control)`);
  return { shell, without };
}

/**
 * Serves the build and `routes` under the strict CSP header and runs `body` in a fresh page;
 * then fails on any CSP violation or page error.
 */
async function underStrictPolicy(routes, body) {
  const pages = await startServer({ root: SITE, routes, headers: { 'content-security-policy': strictPolicy(SITE) } });
  const { context, page, log } = await freshPage();
  try {
    await body(page, (path) => pages.url(path));
    const csp = cspViolations(log);
    if (csp.length) fail(`CSP violations: ${csp.join(' | ')}`);
    if (log.errors.length) fail(`page errors: ${log.errors.join(' | ')}`);
  } finally {
    await context.close();
    await pages.close();
  }
}

try {
  // ------------------------------------------------------------------------------------------
  await check('one-file build from file:// makes no network request', async () => {
    const { context, page, log } = await freshPage();
    try {
      const url = pathToFileURL(join(SITE, 'argument-atlas.html')).href;
      // Every request is routed through here: anything but the page's own file is refused.
      const refused = [];
      await context.route('**/*', (route) => {
        const u = route.request().url();
        if (u.split('?')[0] === url) return route.continue();
        refused.push(u);
        return route.abort();
      });
      await page.goto(`${url}?lang=en`, { waitUntil: 'load' });
      await page.getByRole('region', { name: 'Graph', exact: true }).waitFor();
      const nodes = await graphButtons(page).count();
      if (nodes !== data.nodes.length) fail(`file://: the graph shows ${nodes} of ${data.nodes.length} nodes`);
      const events = await timelineEvents(page);
      if (events !== data.events.length) fail(`file://: the timeline shows ${events} of ${data.events.length} events`);
      await page.getByRole('list', { name: 'Timeline', exact: true }).getByRole('button', { name: usEvent.title.en }).click();
      await page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: usEvent.title.en, exact: true }).waitFor();
      await page.getByRole('button', { name: '中文', exact: true }).click();
      await page.getByRole('heading', { name: data.meta.title.zh, exact: true }).waitFor();
      await page.keyboard.press('F5');
      await page.getByRole('progressbar').waitFor();
      await page.keyboard.press('Escape');
      // The handout is the last thing the page builds on its own (after 600 ms).
      await page.locator('section.handout').waitFor({ state: 'attached' });
      await drain(page, log);
      const network = log.requests.filter((u) => !/^(data|blob):/.test(u) && u.split('?')[0] !== url);
      if (network.length || refused.length) fail(`the one-file build made requests: ${[...new Set([...network, ...refused])].slice(0, 5).join(', ')}`);
      if (log.errors.length) fail(`page errors: ${log.errors.join(' | ')}`);
      const errors = log.console.filter((c) => c.startsWith('error'));
      if (errors.length) fail(`console errors: ${errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  });

  // ------------------------------------------------------------------------------------------
  await check('the editor in one file, from file://: a draft file opens, publishes the reader (not the editor) as one file, with no request', async () => {
    const { context, page, log } = await freshPage({ acceptDownloads: true });
    const tmp = tempDir();
    try {
      const url = pathToFileURL(join(SITE, 'argument-atlas-editor.html')).href;
      const refused = [];
      await context.route('**/*', (route) => {
        const u = route.request().url();
        if (u.split('?')[0] === url) return route.continue();
        refused.push(u);
        return route.abort();
      });
      await page.goto(`${url}?lang=en`, { waitUntil: 'load' });
      const pane = page.getByRole('complementary', { name: 'Editor', exact: true });
      await pane.waitFor();
      const set = englishReading();
      await pane.getByLabel('Open a draft file…').setInputFiles(tmp.write('trust-draft.json', set));
      await pane.getByRole('status').filter({ hasText: /^No problems/ }).waitFor();
      await page.getByRole('heading', { name: set.meta.title.en, exact: true }).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), pane.getByRole('button', { name: 'Save as one HTML file', exact: true }).click()]);
      const path = await download.path();
      if (!path) fail(`the download failed: ${await download.failure()}`);
      const published = readFileSync(path, 'utf8');
      if (published.includes('atlas-reader-page')) fail('the published file carries the reader page block: it is the editor, not the reader');
      if (published.length > 2.5 * 1024 * 1024) fail(`the published file has ${published.length} bytes: more than a reader's page`);
      const file = tmp.write('published.html', published);
      const fileUrl = pathToFileURL(file).href;
      await context.unroute('**/*');
      await context.route('**/*', (route) => {
        const u = route.request().url();
        if (u.split('?')[0] === fileUrl) return route.continue();
        refused.push(u);
        return route.abort();
      });
      await page.goto(`${fileUrl}?lang=en`, { waitUntil: 'load' });
      await page.getByRole('heading', { name: set.meta.title.en, exact: true }).waitFor();
      const nodes = await graphButtons(page).count();
      if (nodes !== set.nodes.length) fail(`the published file shows ${nodes} of ${set.nodes.length} nodes`);
      if (await page.getByRole('complementary', { name: 'Editor', exact: true }).count()) fail('the published file opens an editor');
      await drain(page, log);
      if (refused.length) fail(`requests were made: ${[...new Set(refused)].slice(0, 5).join(', ')}`);
      if (log.errors.length) fail(`page errors: ${log.errors.join(' | ')}`);
    } finally {
      tmp.remove();
      await context.close();
    }
  });

  // ------------------------------------------------------------------------------------------
  const server = await startServer({ root: SITE });
  try {
    await check('a start that is slow says so, and the message goes once the app is drawn', async () => {
      const { context, page } = await freshPage();
      try {
        // The WebAssembly never arrives: the page says it is loading, in both languages.
        let held = null;
        await context.route('**/*.wasm', (route) => { held = route; });
        await page.goto(server.url('?lang=en'), { waitUntil: 'domcontentloaded' });
        const status = page.getByRole('status').filter({ hasText: 'Loading the argument map' });
        await status.waitFor();
        const text = await status.innerText();
        if (!/正在载入论证地图/.test(text) || !/reload the page/.test(text)) fail(`the start-up message reads ${JSON.stringify(text)}`);
        // Let it arrive: the app is drawn and the message is gone (for screen readers too).
        await until(() => held, 'the WebAssembly request');
        await held.continue();
        await page.getByRole('region', { name: 'Graph', exact: true }).waitFor();
        await status.waitFor({ state: 'hidden' });
        const left = await page.getByText('Loading the argument map', { exact: false }).filter({ visible: true }).count();
        if (left) fail('the start-up message is still shown after the app was drawn');
      } finally {
        await context.close();
      }
    });

    await check('a start that fails says why, in the page', async () => {
      const { context, page } = await freshPage();
      try {
        // WebAssembly that is not WebAssembly: the start-up message says the app could not start.
        await context.route('**/*.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: 'not wasm' }));
        await page.goto(server.url('?lang=en'), { waitUntil: 'domcontentloaded' });
        const status = page.getByRole('status').filter({ hasText: 'The app could not start' });
        await status.waitFor();
        const start = await page.evaluate(() => document.documentElement.dataset.start);
        if (start !== 'failed') fail(`<html data-start> reads ${JSON.stringify(start)} after a failed start`);
        const text = await status.innerText();
        if (!/本应用无法启动/.test(text) || !/CompileError|WebAssembly/.test(text)) fail(`the failed start reads ${JSON.stringify(text)}`);
      } finally {
        await context.close();
      }
      // A start that succeeds says so (what the suite's diagnostics read).
      const { context: ok, page: okPage } = await freshPage();
      try {
        await okPage.goto(server.url('?lang=en'), { waitUntil: 'load' });
        await okPage.getByRole('region', { name: 'Graph', exact: true }).waitFor();
        const start = await okPage.evaluate(() => document.documentElement.dataset.start);
        if (start !== 'started') fail(`<html data-start> reads ${JSON.stringify(start)} once the app is drawn`);
      } finally {
        await ok.close();
      }
    });

    await check('exports: SVG, PNG and JSON are real downloads of the view', async () => {
      const { context, page, log } = await freshPage({ acceptDownloads: true });
      try {
        await page.goto(server.url('?lang=en'), { waitUntil: 'load' });
        await page.getByRole('region', { name: 'Graph', exact: true }).waitFor();
        const download = async (name) => {
          const button = await menuItem(page, name);
          const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
          const path = await d.path();
          if (!path) fail(`the download of ${d.suggestedFilename()} failed: ${await d.failure()}`);
          return { name: d.suggestedFilename(), bytes: readFileSync(path) };
        };
        const svgIds = (text) => page.evaluate((t) => {
          const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
          if (doc.getElementsByTagName('parsererror').length) return { error: doc.getElementsByTagName('parsererror')[0].textContent.slice(0, 200) };
          const root = doc.documentElement;
          return {
            root: `${root.namespaceURI} ${root.localName}`,
            ids: Array.from(root.getElementsByTagNameNS('http://www.w3.org/2000/svg', 'g')).filter((g) => (g.getAttribute('class') || '').split(/\s+/).includes('node')).map((g) => g.getAttribute('data-id')),
            scripts: root.getElementsByTagName('script').length,
          };
        }, text);

        const all = await download('Export SVG');
        if (!all.name.endsWith('.svg')) fail(`the SVG download is named ${all.name}`);
        const parsed = await svgIds(all.bytes.toString('utf8'));
        if (parsed.error) fail(`the downloaded SVG is not well-formed: ${parsed.error}`);
        if (parsed.root !== 'http://www.w3.org/2000/svg svg') fail(`the downloaded SVG's root is ${parsed.root}`);
        if (parsed.scripts) fail('the downloaded SVG contains a script');
        const want = data.nodes.map((n) => n.id).sort();
        if (JSON.stringify([...parsed.ids].sort()) !== JSON.stringify(want)) fail(`the downloaded SVG has ${parsed.ids.length} nodes (g.node[data-id]), the graph ${want.length}`);

        await page.getByRole('button', { name: 'Legend and filter', exact: true }).click();
        await page.getByRole('checkbox', { name: /^Threat\s*\d*$/ }).click();
        await page.waitForFunction(() => ![...document.querySelectorAll('svg.graph-svg g.node')].some((g) => getComputedStyle(g).display !== 'none' && /, Threat(,|$)/.test(g.getAttribute('aria-label') || '')));
        const visible = await graphButtons(page).evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== 'none').length);
        const filtered = await svgIds((await download('Export SVG')).bytes.toString('utf8'));
        const threats = new Set(data.nodes.filter((n) => n.kind === 'threat').map((n) => n.id));
        const leaked = filtered.ids.filter((id) => threats.has(id));
        if (leaked.length) fail(`with threats hidden the SVG still has ${leaked.length} threats`);
        if (filtered.ids.length !== visible) fail(`with threats hidden the SVG has ${filtered.ids.length} nodes, the graph shows ${visible}`);

        const png = await download('Export PNG');
        if (!png.name.endsWith('.png')) fail(`the PNG download is named ${png.name}`);
        if (png.bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') fail('the PNG download is not a PNG');
        const w = png.bytes.readUInt32BE(16);
        const h = png.bytes.readUInt32BE(20);
        if (!(w >= 640 && h > 100)) fail(`the PNG is ${w}×${h}`);

        const json = await download('Download data set (JSON)');
        const set = JSON.parse(json.bytes.toString('utf8'));
        if (set.format !== 'argument-atlas/1' || set.nodes.length !== data.nodes.length || set.events.length !== data.events.length) fail(`the JSON download is not the data set: ${json.bytes.toString('utf8').slice(0, 120)}`);
        if (log.errors.length) fail(`page errors: ${log.errors.join(' | ')}`);
      } finally {
        await context.close();
      }
    });

    // ----------------------------------------------------------------------------------------
    await check('axe-core: no serious violations in any state', async () => {
      const problems = [];
      const { context, page } = await freshPage();
      try {
        const open = async (query) => {
          await page.goto(server.url(query), { waitUntil: 'load' });
          await page.getByRole('region', { name: /^(Graph|关系图)$/ }).waitFor();
          await page.mouse.move(1, 1);
        };
        await open('?lang=en');
        problems.push(...await axe(page, 'en'));
        await open('?lang=zh');
        problems.push(...await axe(page, 'zh'));
        await open(`?lang=en&node=${firstThreat.id}`);
        problems.push(...await axe(page, 'node selected'));
        await open(`?lang=zh&event=${usEvent.id}`);
        problems.push(...await axe(page, 'zh, event selected'));
        await page.keyboard.press('F5');
        await page.getByRole('progressbar').waitFor();
        problems.push(...await axe(page, 'tour step 1'));
        await page.keyboard.press('End');
        problems.push(...await axe(page, 'tour, last step'));
        await page.keyboard.press('b');
        problems.push(...await axe(page, 'tour, blank screen'));
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
        await open('?lang=en');
        await page.getByRole('button', { name: 'Share', exact: true }).click();
        await page.getByRole('dialog', { name: 'Share this view' }).waitFor();
        problems.push(...await axe(page, 'Share dialog open'));
        await page.keyboard.press('Escape');
        await page.keyboard.press('?');
        await page.getByRole('dialog', { name: 'Keyboard help (?)' }).waitFor();
        problems.push(...await axe(page, 'keyboard help open'));
        await page.keyboard.press('Escape');
        await (await menuItem(page, 'Read as lists')).click();
        await page.getByRole('list', { name: 'Threats and the responses that address them' }).waitFor();
        problems.push(...await axe(page, 'list alternative open'));
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'More', exact: true }).click();
        await page.locator('#main-menu').waitFor();
        problems.push(...await axe(page, 'menu open'));
        await page.keyboard.press('Escape');
        await open('?lang=en&layout=argument');
        problems.push(...await axe(page, 'argument layout'));
        await page.getByRole('button', { name: 'Legend and filter', exact: true }).click();
        problems.push(...await axe(page, 'legend and filter open'));
        await open('?lang=en&layout=spiral&foo=bar');
        await page.getByRole('status', { name: 'Notices' }).waitFor();
        problems.push(...await axe(page, 'URL notices shown'));
        // Embed mode, top-level and phone-sized.
        await page.setViewportSize({ width: 360, height: 640 });
        await open('?lang=en&embed=1');
        problems.push(...await axe(page, 'embed mode, 360×640'));
        await page.getByRole('button', { name: 'Present the tour', exact: true }).click();
        await page.getByRole('progressbar').waitFor();
        problems.push(...await axe(page, 'embed mode, presenting'));
        await page.setViewportSize({ width: 1280, height: 800 });
        // The dark theme (prefers-color-scheme) and the projector theme must keep AA contrast too.
        await page.emulateMedia({ colorScheme: 'dark' });
        await open(`?lang=en&event=${usEvent.id}`);
        problems.push(...await axe(page, 'dark theme, event selected'));
        await open('?lang=zh');
        problems.push(...await axe(page, 'dark theme, zh'));
        await page.emulateMedia({ colorScheme: 'light' });
        await open(`?lang=en&node=${firstThreat.id}`);
        await page.keyboard.press('F5');
        await page.getByRole('progressbar').waitFor();
        await page.getByRole('button', { name: 'Projector theme', exact: true }).click();
        problems.push(...await axe(page, 'projector theme, presenting'));
        // The editor's page: a new reading with problems at its fields, light and dark, and in
        // Chinese.
        await page.goto(server.url('editor.html?lang=en#new-reading'), { waitUntil: 'load' });
        const pane = page.getByRole('complementary', { name: 'Editor', exact: true });
        await pane.waitFor();
        await pane.getByLabel(/^Paste the source text/).fill('The first passage.\n\nThe second passage.');
        await pane.getByLabel(/^Paste the source text/).blur();
        await pane.getByRole('button', { name: 'Add a node', exact: true }).click();
        await pane.locator('.field-problems li').first().waitFor();
        problems.push(...await axe(page, 'editor: a new reading with problems at its fields'));
        await page.emulateMedia({ colorScheme: 'dark' });
        problems.push(...await axe(page, 'editor, dark theme'));
        await page.emulateMedia({ colorScheme: 'light' });
        await page.goto(server.url('editor.html?lang=zh'), { waitUntil: 'load' });
        await page.getByRole('complementary', { name: '编辑器', exact: true }).locator('.field-problems li').first().waitFor();
        problems.push(...await axe(page, 'editor, zh'));
      } finally {
        await context.close();
      }
      // The load-problems alert (needs a served data set).
      const { data: invalid } = invalidDataSet();
      const routes = { '/invalid.json': { type: 'application/json', body: JSON.stringify(invalid) } };
      const own = await startServer({ root: SITE, routes });
      const fresh = await freshPage();
      try {
        await fresh.page.goto(own.url('?lang=en&data=invalid.json'), { waitUntil: 'load' });
        await fresh.page.getByRole('alert').waitFor();
        problems.push(...await axe(fresh.page, 'load-problems alert'));
      } finally {
        await fresh.context.close();
        await own.close();
      }
      if (problems.length) fail(problems.join(' | '));
    });
    // ----------------------------------------------------------------------------------------
    await check('a frame that starts hidden (a closed tab) lays itself out when shown, and reports its state', async () => {
      const routes = {};
      const course = await startServer({ root: SITE, routes });
      routes['/tabs.html'] = {
        body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Course</title><link rel="icon" href="data:,">
<script>window.__messages = []; addEventListener('message', (e) => window.__messages.push(e.data));</script></head>
<body><h1>Week 3</h1><button type="button" id="show">Show the atlas tab</button>
<div id="tab" hidden><iframe title="Atlas" src="http://localhost:${course.port}/?embed=1&lang=en" width="800" height="640"></iframe></div>
<script>document.getElementById('show').onclick = () => { document.getElementById('tab').hidden = false; };</script></body></html>`,
      };
      const { context, page } = await freshPage();
      try {
        await page.goto(`http://127.0.0.1:${course.port}/tabs.html`, { waitUntil: 'load' });
        const frame = page.frameLocator('iframe[title="Atlas"]');
        await frame.getByRole('region', { name: 'Graph', exact: true, includeHidden: true }).waitFor({ state: 'attached' });
        // The app has started while hidden (it reports its state) before the tab is shown.
        await until(() => page.evaluate(() => window.__messages.some((m) => m && m.source === 'argument-atlas' && m.type === 'state')), 'the hidden frame\'s first state message');
        await page.getByRole('button', { name: 'Show the atlas tab' }).click();
        const measure = () => frame.locator('body').evaluate(() => {
          const svg = document.querySelector('svg[role="group"]');
          const box = svg.getBoundingClientRect();
          const nodes = [...svg.querySelectorAll('[role="button"]')].map((n) => n.getBoundingClientRect());
          const within = nodes.filter((r) => r.width > 0 && r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1);
          return { width: box.width, nodes: nodes.length, within: within.length };
        });
        const inside = await settled(measure);
        if (!(inside.width > 0)) fail('the graph has no width after the tab is shown');
        if (inside.within !== inside.nodes) fail(`after the tab is shown, ${inside.within} of ${inside.nodes} nodes lie inside the graph`);
        await frame.getByRole('list', { name: 'Timeline', exact: true }).getByRole('button', { name: usEvent.title.en }).click();
        const lastState = () => page.evaluate(() => window.__messages.filter((m) => m && m.source === 'argument-atlas' && m.type === 'state').pop() ?? null);
        const told = (m) => m && String(m.query).includes(`event=${usEvent.id}`) && String(m.href).includes(`event=${usEvent.id}`);
        await until(async () => told(await lastState()), 'the parent page to be told the selection', 5_000).catch(async () => {
          fail(`the parent page was not told the selection: ${JSON.stringify(await lastState())}`);
        });
      } finally {
        await context.close();
        await course.close();
      }
    });

    // ----------------------------------------------------------------------------------------
    await check('320 px wide and 200% zoom: no sideways scrolling, every control reachable', async () => {
      // 200% browser zoom of a 640 px window lays the page out at 320 CSS px, as a 320 px phone does.
      for (const [label, viewport, scale] of [['320 px phone', { width: 320, height: 640 }, 1], ['640 px at 200%', { width: 320, height: 400 }, 2]]) {
        const context = await browser.newContext({ viewport, deviceScaleFactor: scale, locale: 'en-US' });
        const page = await context.newPage();
        try {
          await page.goto(server.url('?lang=en'), { waitUntil: 'load' });
          await page.getByRole('region', { name: 'Graph', exact: true }).waitFor();
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (overflow > 0) fail(`${label}: the page scrolls sideways by ${overflow} px`);
          // Every button can be scrolled to and lies within the page's width.
          const outside = await page.evaluate(() => [...document.querySelectorAll('button')]
            .filter((b) => b.offsetParent !== null)
            .filter((b) => { const r = b.getBoundingClientRect(); return r.left < -1 || r.right > document.documentElement.clientWidth + 1; })
            .map((b) => b.textContent.trim().slice(0, 30)));
          if (outside.length) fail(`${label}: buttons out of reach sideways: ${outside.slice(0, 5).join(', ')}`);
          // One pane at a time: the timeline is a press away.
          await page.getByRole('group', { name: 'Show', exact: true }).getByRole('button', { name: 'Timeline', exact: true }).click();
          const events = await timelineEvents(page);
          if (events !== data.events.length) fail(`${label}: the timeline shows ${events} of ${data.events.length} events`);
          const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (over > 0) fail(`${label}: with the timeline shown the page scrolls sideways by ${over} px`);
        } finally {
          await context.close();
        }
      }
    });
  } finally {
    await server.close();
  }

  // ------------------------------------------------------------------------------------------
  await check('one-file build in <iframe sandbox="allow-scripts">: no error from the first byte', async () => {
    const course = await startCourseSite({
      startServer, root: SITE,
      frames: [{ title: 'Argument Atlas (one file)', src: 'argument-atlas.html?lang=en', sandbox: 'allow-scripts', width: 1100, height: 800 }],
    });
    const { context, page, log } = await freshPage();
    try {
      await page.goto(course.pageUrl, { waitUntil: 'load' });
      const frame = page.getByTitle('Argument Atlas (one file)', { exact: true }).contentFrame();
      await frame.getByRole('region', { name: 'Graph', exact: true }).waitFor();
      // Focus first, as the frame asks (the first click into an unfocused frame is checked in run.mjs).
      await frame.getByRole('button', { name: 'Click here to use the keyboard or a clicker' }).click();
      await frame.getByRole('button', { name: 'Click here to use the keyboard or a clicker' }).waitFor({ state: 'detached' });
      const nodes = await graphButtons(frame).count();
      if (nodes !== data.nodes.length) fail(`the sandboxed graph shows ${nodes} of ${data.nodes.length} nodes`);
      await frame.getByRole('list', { name: 'Timeline', exact: true }).getByRole('button', { name: usEvent.title.en }).click();
      await frame.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: usEvent.title.en, exact: true }).waitFor();
      await frame.getByRole('button', { name: 'Present the tour', exact: true }).click();
      await frame.getByRole('progressbar').waitFor();
      await page.keyboard.press('PageDown');
      await frame.locator('progress[value="2"]').waitFor();
      await page.keyboard.press('Escape');
      await frame.getByRole('button', { name: '中文', exact: true }).click();
      await frame.getByRole('heading', { name: data.meta.title.zh, exact: true }).waitFor();
      const appFrame = page.frames().find((f) => f.url().includes('argument-atlas.html'));
      await frame.locator('section.handout').waitFor({ state: 'attached' });
      await drain(appFrame, log);
      const errors = [...log.errors, ...log.console.filter((c) => c.startsWith('error'))];
      if (errors.length) fail(`errors in the sandboxed frame: ${errors.join(' | ')}`);
      // A control: an error thrown in that frame is seen, so the silence above means something.
      await appFrame.evaluate(() => { setTimeout(() => { throw new Error('control error'); }, 0); });
      await until(() => log.errors.some((e) => e.includes('control error')), 'the control error from the sandboxed frame (the harness must see errors thrown there)', 3_000);
    } finally {
      await context.close();
      await course.close();
    }
  });

  // ------------------------------------------------------------------------------------------
  await check('served build under the strict CSP header and a wrong .wasm MIME type: no error from the first byte', async () => {
    const strict = await startServer({ root: SITE, headers: { 'content-security-policy': strictPolicy(SITE) }, wasmMime: 'application/octet-stream' });
    const { context, page, log } = await freshPage();
    try {
      await page.goto(strict.url('?lang=en'), { waitUntil: 'load' });
      await page.getByRole('region', { name: 'Graph', exact: true }).waitFor();
      const nodes = await graphButtons(page).count();
      if (nodes !== data.nodes.length) fail(`the graph shows ${nodes} of ${data.nodes.length} nodes`);
      await page.getByRole('list', { name: 'Timeline', exact: true }).getByRole('button', { name: usEvent.title.en }).click();
      await page.getByRole('button', { name: 'Share', exact: true }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: '中文', exact: true }).click();
      await page.keyboard.press('F5');
      await page.getByRole('progressbar').waitFor();
      await page.keyboard.press('Escape');
      await page.locator('section.handout').waitFor({ state: 'attached' });
      await drain(page, log);
      const csp = cspViolations(log);
      if (csp.length) fail(`CSP violations: ${csp.join(' | ')}`);
      const errors = [...log.errors, ...log.console.filter((c) => c.startsWith('error'))];
      if (errors.length) fail(`errors: ${errors.join(' | ')}`);
    } finally {
      await context.close();
      await strict.close();
    }
  });

  // ------------------------------------------------------------------------------------------
  await check('links that open on a state lay it out once the views know their size: an old event, a tour step', async () => {
    const site = await startServer({ root: SITE });
    const { context, page, log } = await freshPage();
    try {
      // An event outside the start span: the timeline pans to it and still spreads the events.
      const old = data.events.find((e) => e.date < '2023');
      await page.goto(site.url(`?lang=en&event=${old.id}`), { waitUntil: 'load' });
      await page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: old.title.en, exact: true }).waitFor();
      const timeline = page.getByRole('list', { name: 'Timeline', exact: true });
      const strip = page.getByRole('region', { name: 'Timeline', exact: true });
      const card = timeline.getByRole('button', { name: old.title.en });
      const seen = await settled(async () => ({ area: await strip.boundingBox(), mark: await card.boundingBox(),
        xs: await timeline.getByRole('button').evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().left))) }));
      const { area, mark, xs } = seen;
      const spread = Math.max(...xs) - Math.min(...xs);
      if (!area || spread < area.width / 3) fail(`the timeline's events are squeezed into ${spread} px of ${area?.width}: ${xs.join(', ')}`);
      if (!area || !mark || mark.x < area.x - 1 || mark.x + mark.width > area.x + area.width + 1) fail(`the linked event's card is not wholly in the timeline's view: ${JSON.stringify({ area, mark })}`);
      // A tour step: the graph frames the step's nodes, larger than in the whole graph, all in view.
      const step = data.tour[0];
      const names = step.nodes.map((id) => nodeName(data.nodes.find((n) => n.id === id)));
      const stepBoxes = () => page.evaluate((names) => {
        const pane = document.querySelector('svg.graph-svg').getBoundingClientRect();
        const boxes = [...document.querySelectorAll('svg.graph-svg g.node')]
          .filter((g) => names.some((n) => (g.getAttribute('aria-label') || '').startsWith(n)))
          .map((g) => g.querySelector('path.shape').getBoundingClientRect());
        const cx = boxes.map((b) => b.x + b.width / 2);
        const cy = boxes.map((b) => b.y + b.height / 2);
        return { count: boxes.length, extent: Math.max(Math.max(...cx) - Math.min(...cx), Math.max(...cy) - Math.min(...cy)),
          outside: boxes.filter((b) => b.left < pane.left || b.right > pane.right || b.top < pane.top || b.bottom > pane.bottom).length };
      }, names);
      await page.goto(site.url('?lang=en'), { waitUntil: 'load' });
      await graphButtons(page).first().waitFor();
      const whole = await settled(stepBoxes);
      await page.goto(site.url('?lang=en&tour=1'), { waitUntil: 'load' });
      await page.getByRole('progressbar').waitFor();
      const framed = await settled(stepBoxes);
      if (framed.count !== names.length) fail(`tour step 1 shows ${framed.count} of its ${names.length} nodes`);
      if (framed.outside) fail(`a link to tour step 1 leaves ${framed.outside} of its nodes outside the graph`);
      if (!(framed.extent > whole.extent * 1.2)) fail(`a link to tour step 1 spreads its nodes over ${framed.extent.toFixed(0)} px, the whole graph over ${whole.extent.toFixed(0)}: the step is not framed`);
      if (log.errors.length) fail(`page errors: ${log.errors.join(' | ')}`);
    } finally {
      await context.close();
      await site.close();
    }
  });

  // ------------------------------------------------------------------------------------------
  await check('the printed handout: the whole timeline, the graph across the page, labels of 7 pt or more, no controls, few pages', async () => {
    const site = await startServer({ root: SITE });
    // An A4 page at 96 px to the inch.
    const { context, page, log } = await freshPage({ viewport: { width: 794, height: 1123 } });
    try {
      for (const lang of ['en', 'zh']) {
        await page.goto(site.url(`?lang=${lang}`), { waitUntil: 'load' });
        await graphButtons(page).first().waitFor();
        await page.locator('section.handout').waitFor({ state: 'attached' });
        await page.emulateMedia({ media: 'print' });
        const m = await page.evaluate(() => {
          const shown = (el) => { const cs = getComputedStyle(el); const r = el.getBoundingClientRect(); return cs.display !== 'none' && cs.visibility !== 'hidden' && r.width > 0 && r.height > 0; };
          const controls = [...document.querySelectorAll('button, input, select, textarea, summary')].filter(shown).map((e) => e.outerHTML.slice(0, 60));
          const page = document.querySelector('section.handout').getBoundingClientRect();
          const timeline = document.querySelector('.timeline-figure svg');
          const tr = timeline.getBoundingClientRect();
          const cut = [...timeline.querySelectorAll('text')].filter((t) => { const r = t.getBoundingClientRect(); return r.left < tr.left - 1 || r.right > tr.right + 1 || r.right > page.right + 1; }).map((t) => t.textContent);
          const graph = document.querySelector('.graph-figure svg');
          const gr = graph.getBoundingClientRect();
          const k = gr.width / graph.viewBox.baseVal.width;
          const pts = [...graph.querySelectorAll('text.label')].map((t) => parseFloat(t.getAttribute('font-size')) * k * 0.75);
          // Every figure's labels lie inside it, unstroked (a stroke prints each word twice into
          // the PDF's text).
          const figureLabels = [...document.querySelectorAll('.handout-figure svg')].flatMap((svg) => {
            const b = svg.getBoundingClientRect();
            return [...svg.querySelectorAll('text.label')].map((t) => ({ t, r: t.getBoundingClientRect(), b }));
          });
          const cutLabels = figureLabels.filter(({ r, b }) => r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1).map(({ t }) => t.textContent);
          const stroked = figureLabels.filter(({ t }) => getComputedStyle(t).stroke !== 'none').length;
          return { controls, timelineText: timeline.textContent, cut, timelineInside: tr.right <= page.right + 1, graphShare: gr.width / page.width, labels: pts.length, smallest: Math.min(...pts), cutLabels, stroked };
        });
        if (m.controls.length) fail(`${lang}: the print shows controls: ${m.controls.slice(0, 4).join(' | ')}`);
        for (const e of data.events) {
          if (!m.timelineText.includes(e.title[lang].slice(0, 12))) fail(`${lang}: the printed timeline lacks "${e.title[lang]}"`);
        }
        if (!m.timelineInside || m.cut.length) fail(`${lang}: the printed timeline is cut at the page's edge: ${m.cut.slice(0, 4).join(' | ')}`);
        if (!(m.graphShare >= 0.9)) fail(`${lang}: the printed graph takes ${(100 * m.graphShare).toFixed(0)}% of the page's width (at least 90%)`);
        if (m.cutLabels.length) fail(`${lang}: printed labels cut by their figure's edge: ${m.cutLabels.slice(0, 4).join(' | ')}`);
        if (m.stroked) fail(`${lang}: ${m.stroked} printed labels are stroked (each word would print twice into the PDF's text)`);
        if (!(m.labels >= 40 && m.smallest >= 7)) fail(`${lang}: the printed graph has ${m.labels} labels, the smallest at ${m.smallest.toFixed(1)} pt (at least 40, at 7 pt or more)`);
        for (const format of ['A4', 'Letter']) {
          const pdf = await page.pdf({ format });
          const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
          if (!(pages >= 3 && pages <= 8)) fail(`${lang}: the handout prints on ${pages} ${format} pages (3 to 8)`);
        }
        await page.emulateMedia({ media: 'screen' });
      }
      if (log.errors.length) fail(`page errors: ${log.errors.join(' | ')}`);
    } finally {
      await context.close();
      await site.close();
    }
  });

  // ------------------------------------------------------------------------------------------
  await check('the data block in the page: missing, it says so in both languages; swapped, the page shows that reading, markup as text', async () => {
    const { shell, without: withoutData } = builtPageWithout(DATA_BLOCK, 'atlas-data');
    const hostile = hostileDataSet();
    const routes = {
      '/no-data.html': { body: withoutData },
      '/swapped.html': { body: withDataBlock(shell, JSON.stringify(smallDataSet('Swapped reading'), null, 2)) },
      '/hostile.html': { body: withDataBlock(shell, JSON.stringify(hostile.data)) },
    };
    await underStrictPolicy(routes, async (page, url) => {
      for (const [lang, message] of [['en', 'this page carries no built-in data set'], ['zh', '此页面未包含内置数据集']]) {
        await page.goto(url(`no-data.html?lang=${lang}`), { waitUntil: 'load' });
        const alert = page.getByRole('alert');
        await alert.getByText(message).waitFor();
        await alert.getByText('tools/build.sh').waitFor();
      }
      await page.goto(url('swapped.html?lang=en'), { waitUntil: 'load' });
      await page.getByRole('heading', { name: 'Swapped reading', exact: true }).waitFor();
      const nodes = await graphButtons(page).count();
      if (nodes !== 6) fail(`the swapped reading shows ${nodes} nodes, not its 6`);
      await page.goto(url('hostile.html?lang=en'), { waitUntil: 'load' });
      await page.getByRole('heading', { name: hostile.data.meta.title.en, exact: true }).waitFor();
      if ((await page.evaluate(() => typeof window.__pwned)) !== 'undefined') fail('markup in the data block ran');
    });
  });

  // ------------------------------------------------------------------------------------------
  await check('the layout block: settled at build time, it is the picture the page settles itself; missing, stale or garbage, the page settles it', async () => {
    const { shell, without: withoutLayout } = builtPageWithout(LAYOUT_BLOCK, 'atlas-layout');
    const block = shell.match(new RegExp(LAYOUT_BLOCK.source))[0];
    const json = block.replace(/^<script[^>]*>/, '').replace(/<\/script>\s*$/, '');
    const layout = JSON.parse(json);
    // Mirrored: the view fits whatever picture it is given to the window, so a shifted copy
    // would look the same; a mirrored one does not.
    const moved = { ...layout, x: layout.x.map((x) => -x) };
    // Another reading put in with tools/data-block.mjs (which needs cargo, as the build does):
    // markup in its texts and CR LF line ends, both of which the page's copy of the text differs
    // in from the file. This shows the key is taken from the text as written into the block.
    const hostile = hostileDataSet();
    const reading = JSON.stringify(hostile.data, null, 2).replace(/\n/g, '\r\n');
    const routes = {
      '/reading.html': { body: withDataAndLayoutBlocks(shell, reading) },
      '/no-layout.html': { body: withoutLayout },
      '/garbage-layout.html': { body: withLayoutBlock(shell, '{"format": [}') },
      '/stale-layout.html': { body: withLayoutBlock(shell, JSON.stringify({ ...moved, data: '0000000000000000' })) },
      '/moved-layout.html': { body: withLayoutBlock(shell, JSON.stringify(moved)) },
    };
    await underStrictPolicy(routes, async (page, url) => {
      const positions = async (name) => {
        await page.goto(url(`${name}?lang=en`), { waitUntil: 'load' });
        await graphButtons(page).first().waitFor();
        return page.evaluate(() => [...document.querySelectorAll('svg.graph-svg g.node')].map((g) => (/translate\(([-\d.]+),([-\d.]+)\)/.exec(g.getAttribute('transform')) ?? []).slice(1).map(Number)));
      };
      const farthest = (a, b) => Math.max(...a.map(([x, y], i) => Math.hypot(x - b[i][0], y - b[i][1])));
      const built = await positions('index.html');
      if (built.length < 100 || built.some((p) => p.length !== 2 || !p.every(Number.isFinite))) fail(`the built page's node positions are not readable: ${JSON.stringify(built.slice(0, 3))}`);
      // Native (the build) and WebAssembly (the page) settle the same layout; positions are
      // written to a tenth of a pixel.
      const settledHere = await positions('no-layout.html');
      const gap = farthest(built, settledHere);
      if (!(gap <= 0.15)) fail(`without the layout block the page settles a different picture: nodes up to ${gap.toFixed(2)} px apart`);
      for (const name of ['garbage-layout.html', 'stale-layout.html']) {
        const got = farthest(await positions(name), settledHere);
        if (!(got <= 0.15)) fail(`${name}: the block was not ignored, nodes up to ${got.toFixed(2)} px from the settled picture`);
        if ((await page.getByRole('alert').count()) !== 0) fail(`${name}: a cache the page can do without is reported as a problem`);
      }
      // The block of a reading put in by the command is keyed by the text the page reads back.
      await positions('reading.html');
      const keys = await page.evaluate(() => {
        let hash = 0xcbf29ce484222325n;
        for (const byte of new TextEncoder().encode(document.getElementById('atlas-data').textContent)) {
          hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
        }
        return { page: hash.toString(16).padStart(16, '0'), block: JSON.parse(document.getElementById('atlas-layout').textContent).data };
      });
      if (keys.page !== keys.block) fail(`tools/data-block.mjs keyed the layout by ${keys.block}, the page's data text is ${keys.page}`);
      await page.getByRole('heading', { name: hostile.data.meta.title.en, exact: true }).waitFor();
      // Control: a block that belongs to the data is used as it is.
      const shifted = farthest(await positions('moved-layout.html'), settledHere);
      if (!(shifted > 100)) fail(`a matching layout block was not used (nodes at most ${shifted.toFixed(0)} px from the settled picture)`);
    });
  });
} finally {
  await browser.close().catch(() => {});
}
finish();
