// Runs the end-to-end suite (every tests/e2e/specs*.mjs file) in each browser engine over W3C WebDriver.
//
//   xvfb-run -a node tests/e2e/run.mjs [chromium] [firefox] [webkit] [--grep TEXT] [--repeat N]
//
// --repeat N runs the selected specs N times over in each engine, in one browser (as the suite
// does): how the suite's stability is measured (tests/e2e/README.md).
//
// Environment:
//   ATLAS_SITE     the built site to serve (default pkg/ in the project folder)
//   ATLAS_DATA     the data set the site was built with (default www/data/lang-ping-2023.json)
//   ATLAS_ENGINES  engines when none are given as arguments (comma or space separated;
//                  default "chromium firefox webkit")
//   ATLAS_SPECS    only run specs whose name contains this text (same as --grep)
//
// Prints one PASS/FAIL/SKIP line per spec and engine, each engine's duration, and ends with the
// line "N passed, N failed". Exits 1 on any failure. Screenshots go to tests/e2e/out/<engine>/.
// A spec that cannot run in an engine (an engine limitation, named in the message) throws
// SkipError and is reported as SKIP; a spec that passes with a degraded check calls note().

import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../support/server.mjs';
import { startDriver, ENGINES } from '../support/webdriver.mjs';
import { Page, SkipError } from '../support/page.mjs';
import { specs as coreSpecs, loadData } from './specs.mjs';
import { specs as shareSpecs } from './specs-share.mjs';
import { specs as courseSpecs } from './specs-course.mjs';
import { specs as dataSpecs } from './specs-data.mjs';
import { specs as a11ySpecs } from './specs-a11y.mjs';
import { specs as screenSpecs } from './specs-screen.mjs';
import { specs as stageSpecs } from './specs-stage.mjs';
import { specs as editorSpecs } from './specs-editor.mjs';

const specs = [...coreSpecs, ...shareSpecs, ...courseSpecs, ...dataSpecs, ...a11ySpecs, ...screenSpecs, ...stageSpecs, ...editorSpecs];

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const SITE = resolve(process.env.ATLAS_SITE || join(REPO, 'pkg'));
const DATA = resolve(process.env.ATLAS_DATA || join(REPO, 'www/data/lang-ping-2023.json'));
const OUT = join(HERE, 'out');
const SPEC_TIMEOUT_MS = Number(process.env.ATLAS_SPEC_TIMEOUT_MS || 120_000);
const WINDOW = { width: 1280, height: 900 };

const args = process.argv.slice(2);
let grep = process.env.ATLAS_SPECS || '';
let repeat = 1;
const engines = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--grep') grep = args[++i] ?? '';
  else if (args[i].startsWith('--grep=')) grep = args[i].slice(7);
  else if (args[i] === '--repeat') repeat = Number(args[++i]);
  else engines.push(args[i]);
}
if (!engines.length) engines.push(...(process.env.ATLAS_ENGINES || 'chromium firefox webkit').split(/[\s,]+/).filter(Boolean));
for (const e of engines) {
  if (!ENGINES[e]) {
    console.error(`unknown engine "${e}" (known: ${Object.keys(ENGINES).join(', ')})`);
    process.exit(2);
  }
}
if (!existsSync(join(SITE, 'index.html'))) {
  console.error(`no built site at ${SITE} (set ATLAS_SITE, or build with: bash tools/build.sh)`);
  process.exit(2);
}
if (!existsSync(DATA)) {
  console.error(`no data set at ${DATA} (set ATLAS_DATA)`);
  process.exit(2);
}
const data = loadData(DATA);
if (!Number.isInteger(repeat) || repeat < 1) {
  console.error('--repeat takes a whole number of runs, 1 or more');
  process.exit(2);
}
const matching = specs.filter((s) => !grep || s.name.includes(grep));
const selected = Array.from({ length: repeat }, () => matching).flat();
if (!selected.length) {
  console.error(`no spec matches "${grep}"`);
  process.exit(2);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const withTimeout = (promise, ms, what) => {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, fail) => { timer = setTimeout(() => fail(new Error(`${what} did not finish within ${ms} ms`)), ms); }),
  ]);
};

const server = await startServer({ root: SITE });
console.log(`serving ${SITE} at ${server.url()} · data ${DATA} (${data.nodes.length} nodes, ${data.events.length} events)`);

// Ctrl+C or a CI timeout: end the browser and its driver gently before leaving.
let active = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    console.log(`\n${signal}: stopping`);
    if (active) await active.driver.stop().catch(() => {});
    await server.close().catch(() => {});
    process.exit(130);
  });
}

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
/** Specs run twice because the driver failed under them (never because an assertion did). */
const transportRetries = [];
const timings = [];

/** Starts a driver and a session sized to WINDOW; returns { driver, session, page }. */
async function openBrowser(engine, outDir) {
  const driver = await startDriver(engine, { logFile: join(outDir, 'driver.log') });
  try {
    const session = await driver.newSession();
    await session.setWindowRect(WINDOW).catch(() => {});
    const page = new Page({ session, engine, url: server.url, outDir });
    return { driver, session, page };
  } catch (e) {
    await driver.stop().catch(() => {});
    throw e;
  }
}

/** The current document's alerts and first words (`chars` of them), as one line. */
const DOCUMENT_SAYS = `
  const alerts = R.findAll('alert').map((a) => a.textContent.trim().slice(0, 300));
  return 'alerts: ' + (alerts.length ? JSON.stringify(alerts) : 'none') +
    ' · text: ' + JSON.stringify(document.body ? document.body.innerText.slice(0, arguments[0]) : '(no body)');`;

/** One line on what the page shows: its address, alerts, collected errors and first words. */
async function pageState(page) {
  if (page.inFrame) await page.top().catch(() => {});
  const errors = await page.pageErrors().catch((e) => [`? (${e.message})`]);
  const where = await page.js('return location.href;').catch((e) => `? (${e.message})`);
  const shown = await page.js(DOCUMENT_SAYS, 200).catch((e) => `? (${e.message})`);
  // Each frame of the page (a course page's apps): how far its start got, its alerts, its words.
  const frames = [];
  const titles = await page.js("return Array.from(document.getElementsByTagName('iframe')).map((f) => f.title);").catch(() => []);
  for (const title of titles) {
    const inside = await (async () => {
      await page.enterFrame(title, { timeout: 2_000 });
      try {
        const start = await page.js("return document.documentElement.dataset.start || '?';");
        return `start ${start} · ${await page.js(DOCUMENT_SAYS, 120)}`;
      } finally {
        await page.top();
      }
    })().catch((e) => `? (${e.message.slice(0, 120)})`);
    frames.push(`frame ${JSON.stringify(title)}: ${inside}`);
  }
  return `${where} · ${shown} · errors: ${errors.length ? errors.slice(0, 3).join(' | ').slice(0, 1500) : 'none'}${frames.length ? ` · ${frames.join(' · ')}` : ''}`;
}

/**
 * Why the browser under the session failed, or null when it is still there: the session no
 * longer answers, or it answers with no address at all (WebKit keeps the session of a page whose
 * web process crashed in a blank view; no spec's page is ever without an address).
 */
async function browserFailure(session) {
  try {
    const url = await withTimeout(session.cmd('GET', '/url'), 10_000, 'the session');
    return url === '' ? session.driverFailure ?? 'the page crashed (its session shows no address)' : null;
  } catch (e) {
    // Only the driver failing counts (the session gone is one): an error the driver answers for
    // a live page (an alert open, a page too busy to answer in time) leaves the check's failure.
    return e?.transport ? session.driverFailure ?? e.message : null;
  }
}

for (const engine of engines) {
  const outDir = join(OUT, engine);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const t0 = Date.now();
  let browser = null;
  let version = '?';
  let enginePassed = 0;
  let engineFailed = 0;
  let engineSkipped = 0;
  let startError = null;
  for (const spec of selected) {
    const ts = Date.now();
    // The one retry: when the driver itself failed (its connection, or the browser's session
    // died) the spec is run once more in a fresh browser, and the run says so. An assertion that
    // failed is never retried.
    let retried = false;
    for (;;) {
    try {
      // A browser that could not be started is not tried again for every spec.
      if (startError) throw new Error(`${engine} could not be started: ${startError}`);
      if (!browser) {
        try {
          browser = await withTimeout(openBrowser(engine, outDir), 90_000, `starting ${engine}`);
        } catch (e) {
          startError = e?.message ?? String(e);
          throw new Error(`${engine} could not be started: ${startError}`);
        }
        active = browser;
        version = browser.session.capabilities?.browserVersion ?? '?';
      }
      const { page } = browser;
      browser.session.driverFailure = null;
      const notes = [];
      const note = (text) => notes.push(text);
      await withTimeout((async () => {
        await spec.run({ page, engine, data, site: SITE, startServer, note });
        // A spec that ended inside a frame: the checks below are about the top-level page.
        if (page.inFrame) await page.top();
        const errors = await page.pageErrors();
        if (errors.length) throw new Error(`errors in the page: ${errors.slice(0, 5).join(' | ')}`);
        if ((await page.all('alert')).length) throw new Error('an error alert (role="alert") is shown');
      })(), SPEC_TIMEOUT_MS, `the spec`);
      passed++;
      enginePassed++;
      console.log(`[${engine}] PASS ${spec.name} (${secs(Date.now() - ts)})${notes.length ? ` · note: ${notes.join('; ')}` : ''}`);
      break;
    } catch (e) {
      if (e instanceof SkipError) {
        skipped++;
        engineSkipped++;
        console.log(`[${engine}] SKIP ${spec.name} (${secs(Date.now() - ts)}): ${e.message}`);
        break;
      }
      // The browser under the session may have died while the check ran (WebKit deletes a
      // session whose page crashed): the check then failed with whatever command came first, or
      // a wait caught the error and timed out. A session that no longer answers is the driver's
      // failure; one whose page is still there leaves the check's failure standing.
      const driverFailure = e?.transport
        ? e.message
        : browser
          ? await browserFailure(browser.session)
          : null;
      if (driverFailure && !retried) {
        retried = true;
        transportRetries.push(`${engine} › ${spec.name}: ${driverFailure}`);
        console.log(`[${engine}] RETRY ${spec.name}: the driver failed (${driverFailure}); the check then said: ${e?.message ?? e}; once more in a fresh browser`);
        if (browser) await browser.driver.stop().catch(() => {});
        browser = null;
        continue;
      }
      failed++;
      engineFailed++;
      const message = `${engine} › ${spec.name}: ${e?.message ?? e}`;
      failures.push(message);
      console.log(`[${engine}] FAIL ${spec.name} (${secs(Date.now() - ts)}): ${message}`);
      if (process.env.ATLAS_DEBUG && e?.stack) console.log(e.stack);
      if (browser && !driverFailure) {
        // What the page itself said when the check failed (a panic card, a console error): a
        // failure in CI is then diagnosable from its log alone.
        const said = await withTimeout(pageState(browser.page), 10_000, 'the page state').catch((err) => `? (${err.message})`);
        console.log(`[${engine}]   the page at the failure: ${said}`);
      }
      if (browser) {
        const shot = `FAIL-${spec.name.replace(/[^\w.-]+/g, '-')}`;
        const ok = await withTimeout(browser.page.screenshot(shot), 20_000, 'screenshot').then(() => true, () => false);
        // A browser that cannot even take a screenshot is restarted for the next spec.
        if (!ok || driverFailure || /did not finish within/.test(e?.message ?? '')) {
          await browser.driver.stop().catch(() => {});
          browser = null;
        }
      }
      break;
    }
    }
  }
  if (browser) await browser.driver.stop().catch(() => {});
  active = null;
  const ms = Date.now() - t0;
  timings.push(`${engine} ${secs(ms)}`);
  console.log(`[${engine}] ${version}: ${enginePassed} passed, ${engineFailed} failed${engineSkipped ? `, ${engineSkipped} skipped` : ''} in ${secs(ms)}`);
  await sleep(100);
}

await server.close();
if (failures.length) {
  console.log('\nFailures:');
  for (const f of failures) console.log(`  ${f}`);
}
console.log(`times: ${timings.join(', ')}`);
if (transportRetries.length) console.log(`driver failures retried once: ${transportRetries.length}\n  ${transportRetries.join('\n  ')}`);
if (skipped) console.log(`${skipped} skipped (engine limitations, see the SKIP lines)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
