// The pictures of docs/map-your-own-reading.md, taken from the built site (pkg/) in Chromium at
// 1280×800: the CSV template opened, a quote with its passage, a bad cell reported, the menu
// that publishes. Run after a build: node tools/guide-screens.mjs
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/support/server.mjs';
import { findProgram } from '../tests/support/webdriver.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(REPO, 'docs/guide');
const TEMPLATE = join(REPO, 'docs/csv-template');
const server = await startServer({ root: join(REPO, 'pkg') });
const browser = await chromium.launch({
  executablePath: findProgram('ATLAS_CHROMIUM', ['chromium', 'chromium-browser']),
  args: ['--no-sandbox', '--disable-gpu'],
});
const tmp = mkdtempSync(join(tmpdir(), 'atlas-guide-'));
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(server.url('?lang=en'));
  await page.getByRole('region', { name: 'Graph', exact: true }).waitFor();
  const choose = async (edit = (_, text) => text) => {
    const dir = mkdtempSync(join(tmp, 'set-'));
    const paths = readdirSync(TEMPLATE).filter((n) => /\.(csv|txt)$/.test(n)).map((n) => {
      const path = join(dir, n);
      writeFileSync(path, edit(n, readFileSync(join(TEMPLATE, n), 'utf8')));
      return path;
    });
    const more = page.getByRole('button', { name: 'More', exact: true });
    if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
    await page.getByLabel('Open a data set…').setInputFiles(paths);
  };
  // 1. The template opened: graph, timeline, details.
  await choose();
  await page.getByRole('heading', { name: 'Trust in shared infrastructure', exact: true }).waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(OUT, '1-opened.png') });
  // 2. A node's quote and the passage it comes from.
  await page.getByRole('group', { name: 'Graph' }).getByRole('button', { name: /^Hoarding,/ }).click();
  const details = page.getByRole('complementary', { name: 'Details' });
  await details.locator('details.passage summary').first().click();
  await page.waitForTimeout(600);
  await details.screenshot({ path: join(OUT, '2-quote-and-passage.png') });
  // 3. One bad cell and one misquote, reported where to fix them.
  await choose((name, text) => (name === 'nodes.csv' ? text.replace('hoarding,threat,', 'hoarding,villain,').replace('Hoarding looks prudent', 'Hoarding looks wise') : text));
  const problems = page.getByRole('alert');
  await problems.waitFor();
  await problems.screenshot({ path: join(OUT, '3-problems.png') });
  await problems.getByRole('button', { name: 'Dismiss' }).click();
  // 4. The menu that publishes the reading.
  const more = page.getByRole('button', { name: 'More', exact: true });
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  await page.locator('#main-menu').screenshot({ path: join(OUT, '4-menu.png') });
  console.log(`guide pictures written to ${OUT}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
}
