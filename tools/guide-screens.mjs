// The pictures of docs/map-your-own-reading.md, taken from the built site (pkg/) in Chromium at
// 1280×800: the editor with a reading begun (the template's text pasted, nodes cited by
// selecting their words, a link missing its target), the CSV template opened, a quote with its
// passage, a bad cell reported, the menu that publishes, a link drawn in the graph. Run after a build:
// node tools/guide-screens.mjs
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
  // The sheets open in the editor's page (the reader does not carry the CSV import).
  await page.goto(server.url('editor.html?lang=en'));
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
  // 2. A node's quote and the passage it comes from (in Details, with the editor closed).
  await page.getByRole('button', { name: 'Close the editor', exact: true }).click();
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
  // 4. The reader's menu: the ways into the editor, and publishing.
  await page.goto(server.url('?lang=en'));
  await page.getByRole('region', { name: 'Graph', exact: true }).waitFor();
  const more = page.getByRole('button', { name: 'More', exact: true });
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  await page.locator('#main-menu').screenshot({ path: join(OUT, '4-menu.png') });
  await more.click();
  await editorPictures(browser);
  console.log(`guide pictures written to ${OUT}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
}

/** Selects `words` in passage `para` of the editor's source pane with the mouse. */
async function selectWords(page, para, words) {
  const at = await page.evaluate(([para, words]) => {
    const el = document.querySelector(`.passages-dock .passage-text[data-locator="${para}"]`);
    const text = el.firstChild, i = text.textContent.indexOf(words);
    const dock = el.closest('.passages-dock'), list = el.closest('.passages');
    dock.scrollIntoView({ block: 'start' });
    list.scrollTop += el.getBoundingClientRect().top - list.getBoundingClientRect().top - 4;
    const range = document.createRange();
    const rectOf = (k) => { range.setStart(text, k); range.setEnd(text, k + 1); return range.getClientRects()[0]; };
    const first = rectOf(i), last = rectOf(i + words.length - 1);
    return { x0: first.left + 1, y0: first.top + first.height / 2, x1: last.right - 1, y1: last.top + last.height / 2 };
  }, [para, words]);
  await page.mouse.move(at.x0, at.y0);
  await page.mouse.down();
  await page.mouse.move(at.x1, at.y1, { steps: 8 });
  await page.mouse.up();
}

/** The editor's pictures: a reading begun from the template's text. */
async function editorPictures(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(server.url('editor.html?lang=en#new-reading'));
  const pane = page.getByRole('complementary', { name: 'Editor', exact: true });
  await pane.waitFor();
  const source = readFileSync(join(TEMPLATE, 'source.txt'), 'utf8');
  await pane.getByLabel(/^Paste the source text/).fill(source);
  await pane.getByLabel(/^Paste the source text/).blur();
  const reading = pane.locator('details.editor-section').filter({ has: page.getByRole('heading', { name: 'The reading' }) });
  for (const [name, value] of [['Title', 'Trust in shared infrastructure'], ['Author (optional)', 'A. Teacher'], ['Year (optional)', '2024']]) {
    await reading.getByRole('textbox', { name, exact: true }).fill(value);
    await reading.getByRole('textbox', { name, exact: true }).blur();
  }
  const nodes = [
    ['weaponisation', 'Threat', 'Weaponised commons', 'A member treats the shared resource as a weapon.', 'P2', 'treat the common resource as a weapon'],
    ['hoarding', 'Threat', 'Hoarding', 'Each member hoards; prudent alone, ruinous together.', 'P2', 'Hoarding looks prudent to each of them'],
    ['visible-reciprocity', 'Response', 'Visible reciprocity', 'Repeated small exchanges each side can check.', 'P4', 'repeated, visible reciprocity'],
  ];
  for (const [id, kind, label, summary, para, quote] of nodes) {
    await pane.getByRole('button', { name: 'Add a node', exact: true }).click();
    await page.keyboard.type(id);
    await page.keyboard.press('Tab');
    const form = pane.locator('details.editor-section', { has: page.getByRole('heading', { name: 'Nodes' }) }).locator('ol.items > li').last();
    await form.getByRole('combobox', { name: 'Kind' }).selectOption({ label: kind });
    await form.getByRole('textbox', { name: 'Label', exact: true }).fill(label);
    await form.getByRole('textbox', { name: 'Summary (optional)', exact: true }).fill(summary);
    await form.getByRole('textbox', { name: 'Summary (optional)', exact: true }).blur();
    await selectWords(page, para, quote);
    await form.getByRole('button', { name: `Cite the selection on ${label}` }).click();
    await form.locator('.cites q').filter({ hasText: quote }).waitFor();
  }
  const hoarding = pane.locator('details.editor-section', { has: page.getByRole('heading', { name: 'Nodes' }) }).locator('ol.items > li').nth(1);
  await pane.getByRole('button', { name: 'Add a link', exact: true }).click();
  const link = pane.locator('details.editor-section', { has: page.getByRole('heading', { name: 'Links' }) }).locator('ol.items > li').last();
  await link.getByRole('combobox', { name: 'From (node)' }).selectOption('visible-reciprocity');
  await link.getByRole('combobox', { name: 'To (node)' }).focus();
  await page.waitForTimeout(1200);
  // 5. The editor beside the map, the text's passages in view.
  await page.evaluate(() => document.querySelector('.editor-body').scrollTo(0, 0));
  await page.screenshot({ path: join(OUT, '5-editor.png') });
  // The forms themselves, in a window tall enough to hold one whole (the editor's bar stays
  // above the scrolling forms).
  await page.setViewportSize({ width: 1280, height: 1300 });
  const whole = async (item, file) => {
    await item.evaluate((el) => { const body = el.closest('.editor-body'); body.scrollTop += el.getBoundingClientRect().top - body.getBoundingClientRect().top - 8; });
    await page.waitForTimeout(300);
    await item.screenshot({ path: join(OUT, file) });
  };
  // 6. A node's form, its quote cited by selection (opened again: a new form opens alone).
  await hoarding.locator('summary').first().click();
  await whole(hoarding, '6-cite.png');
  // 7. The link missing its target, the problem at the field.
  await link.getByRole('combobox', { name: 'To (node)' }).focus();
  await whole(link, '7-problem.png');
  // 8. A link drawn in the graph: the node chosen, its form's "Draw a link from this node"
  // pressed, the bar saying what to choose next.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('group', { name: 'Graph' }).getByRole('button', { name: /^Weaponised commons,/ }).click();
  await pane.getByRole('button', { name: 'Draw a link from this node (Weaponised commons)', exact: true }).click();
  await pane.getByRole('button', { name: 'Stop choosing', exact: true }).waitFor();
  await page.getByRole('group', { name: 'Graph' }).getByRole('button', { name: /^Hoarding,/ }).hover();
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(OUT, '8-draw-link.png') });
  await page.keyboard.press('Escape');
  await context.close();
}
