// The end-to-end suite, written once and run in every engine by tests/e2e/run.mjs.
//
// Each spec is an async function of a context:
//   { page, engine, data, site, startServer }
// (page: tests/support/page.mjs; data: the data set, see loadData). Each spec opens the page
// itself, so specs are independent. Elements are found by role and accessible name only.

import { readFileSync } from 'node:fs';
import { check, CheckError } from '../support/page.mjs';

// ---------------------------------------------------------------------------------------------
// The data set, read from the same JSON file the app was built with.

const KIND_LABELS = {
  threat: { en: 'Threat', zh: '威胁' },
  response: { en: 'Response', zh: '应对' },
  actor: { en: 'Actor', zh: '行为体' },
  document: { en: 'Document', zh: '文件' },
  event: { en: 'Event', zh: '事件' },
  concept: { en: 'Concept', zh: '概念' },
  claim: { en: 'Claim', zh: '论断' },
  person: { en: 'Person', zh: '人物' },
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Parses "2023", "2023-03" or "2023-03-02". */
function parseDate(s) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(s));
  if (!m) throw new Error(`bad date in data set: ${s}`);
  return { year: +m[1], month: m[2] ? +m[2] : null, day: m[3] ? +m[3] : null };
}

/** The date as the app shows it ("March 2023", "2023年3月"). */
export function displayDate(d, lang) {
  if (lang === 'zh') return d.day ? `${d.year}年${d.month}月${d.day}日` : d.month ? `${d.year}年${d.month}月` : `${d.year}年`;
  return d.day ? `${d.day} ${MONTHS[d.month - 1]} ${d.year}` : d.month ? `${MONTHS[d.month - 1]} ${d.year}` : `${d.year}`;
}

/** Sort key: by start of the date; a coarser date before a finer one starting the same day. */
function dateKey(d) {
  const precision = d.day ? 2 : d.month ? 1 : 0;
  return [d.year, d.month ?? 1, d.day ?? 1, precision];
}
function compareKeys(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Loads the data set and adds what the specs need. */
export function loadData(file) {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = raw.nodes.map((n) => ({
    ...n,
    kindLabel: KIND_LABELS[n.kind] ?? (() => { throw new Error(`unknown node kind ${n.kind}`); })(),
  }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const events = raw.events.map((e, index) => {
    const date = parseDate(e.date);
    const related = [...new Set([e.actor, ...(e.nodes ?? [])])].filter((id) => byId.has(id));
    return { ...e, index, parsedDate: date, key: dateKey(date), related };
  });
  const eventsOf = (nodeId) => events.filter((e) => e.actor === nodeId || (e.nodes ?? []).includes(nodeId));
  return {
    file,
    raw,
    meta: raw.meta,
    nodes,
    events,
    node: (id) => byId.get(id),
    eventsOf,
    /** The accessible name of a node's button in the graph. */
    nodeName: (n, lang = 'en') => `${n.label[lang]}, ${n.kindLabel[lang]}`,
    /** The US National Cybersecurity Strategy event (2023), or null. */
    usStrategy: () =>
      events.find((e) => e.title.en.includes('National Cybersecurity Strategy') && (e.actor === 'us' || /\bUS\b|United States/.test(e.title.en)))
      ?? events.find((e) => e.title.en.includes('National Cybersecurity Strategy') || e.title.zh.includes('国家网络安全战略'))
      ?? null,
    /** Events in the order the timeline must list them (date order, ties in file order). */
    eventsByDate: () => [...events].sort((a, b) => compareKeys(a.key, b.key) || a.index - b.index),
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the specs.

export const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const GRAPH = /^(Graph|关系图)$/;
export const TIMELINE = /^(Timeline|时间线)$/;
export const DETAILS = /^(Details|详情)$/;
const RELATED_NOTE_EN = '(related to the selected node)';

/** The graph's svg (role group named Graph) and its node buttons. */
/**
 * What `read` gives once the region `region` (a selector) holds still: nothing moving it (its
 * frame loop marks it aria-busy: a glide, a settling, a zoom) and two reads 300 ms apart agree.
 */
export async function whenStill(page, region, read, what, timeout) {
  const busy = () => page.js('return document.querySelector(arguments[0]).getAttribute("aria-busy") === "true";', region);
  return page.until(async () => {
    if (await busy()) return null;
    const first = JSON.stringify(await read());
    await new Promise((r) => setTimeout(r, 300));
    if (await busy()) return null;
    const second = await read();
    return first === JSON.stringify(second) ? second : null;
  }, what, timeout);
}

export async function graphNodes(page) {
  const graph = await page.byRole('group', GRAPH);
  const nodes = await page.all('button', null, { within: graph });
  return { graph, nodes };
}

/** The node button in the graph with this exact accessible name (without the ", pinned…" tail). */
export async function graphNode(page, data, node, lang = 'en') {
  const graph = await page.byRole('group', GRAPH);
  return page.byRole('button', new RegExp(`^${escapeRe(data.nodeName(node, lang))}(,|$)`), { within: graph });
}

/** The timeline's list of events and its buttons, in DOM order. */
export async function timelineButtons(page) {
  const list = await page.byRole('list', TIMELINE);
  const buttons = await page.all('button', null, { within: list });
  return { list, buttons };
}

/** The event button whose name contains the event's title. */
export async function eventButton(page, event, lang = 'en') {
  const list = await page.byRole('list', TIMELINE);
  return page.byRole('button', event.title[lang], { within: list });
}

/** The Details aside and the text of its h3 (null when there is none). */
export async function details(page) {
  const aside = await page.byRole('complementary', DETAILS);
  const h3s = (await page.all('heading', null, { within: aside }));
  let title = null;
  for (const h of h3s) {
    if ((await page.js('return R.levelOf(arguments[0]);', h)) === 3) {
      title = await page.text(h);
      break;
    }
  }
  return { aside, title };
}

/** Waits until the Details h3 reads `want`. */
export async function expectDetailsTitle(page, want, why) {
  let last;
  await page.until(async () => {
    last = (await details(page)).title;
    return last === want;
  }, `Details h3 to read ${JSON.stringify(want)} (${why}); it reads ${JSON.stringify(last)}`).catch((e) => {
    throw new CheckError(`${why}: Details h3 is ${JSON.stringify(last)}, expected ${JSON.stringify(want)}`);
  });
}

/**
 * Waits for Details to name `link` (its title starts with its source's name and ends with its
 * target's) after `why` (what selected it); returns the title.
 */
async function expectLinkDetails(page, data, link, why) {
  const label = (id) => data.nodes.find((n) => n.id === id).label.en;
  let title;
  await page.until(async () => {
    title = (await details(page)).title;
    return title && title.startsWith(label(link.source)) && title.endsWith(label(link.target));
  }, `Details to name the link ${link.source} → ${link.target}`).catch(() => {
    throw new CheckError(`${why}: Details read ${JSON.stringify(title)}`);
  });
  return title;
}

/**
 * The longest drawn link line in the graph whose middle is clear of nodes, labels and other
 * lines (a click there is on that line alone): `{ k, x, y }`, its index in the data set's links
 * and its middle in viewport pixels, once the graph holds still.
 */
export async function loneLine(page) {
  // The longest drawn link whose middle is clear of nodes, labels and other lines (a click
  // there is on that line alone), in screen coordinates.
  return foundTwice(page, `${LINE_GEOMETRY}
    const clear = (x, y) => { const el = document.elementFromPoint(x, y); return el && !el.closest('g.node, text, .graph-toolbar'); };
    const graphBox = document.getElementById('graph-region').getBoundingClientRect();
    let best = null;
    segments.forEach((seg, k) => {
      if (!seg) return;
      // Whole pixels, as the pointer is moved.
      const [a, b] = seg, mid = { x: Math.round((a.x + b.x) / 2), y: Math.round((a.y + b.y) / 2) };
      const length = Math.hypot(b.x - a.x, b.y - a.y);
      const inView = mid.x > graphBox.left + 10 && mid.x < graphBox.right - 10 && mid.y > graphBox.top + 60 && mid.y < graphBox.bottom - 10;
      const alone = segments.every((other, j) => j === k || away(mid, other) > 12);
      if (inView && alone && length > 60 && clear(mid.x, mid.y) && (!best || length > best.length)) best = { k, x: mid.x, y: mid.y, length };
    });
    return best;`, [], 'a drawn link with a clear middle, the graph holding still');
}

/**
 * The graph's link lines as drawn, in viewport pixels (`segments`, by the link's index; null for
 * a hidden one), a point's distance from one (`away`; Infinity from a hidden one), the drawing
 * (`svg`) and its box (`region`): the geometry the specs aim their clicks with. A script's start.
 */
const LINE_GEOMETRY = `
  const svg = document.querySelector('#graph-region .graph-svg'), region = svg.getBoundingClientRect();
  const segments = Array.from(svg.querySelectorAll('g.links line')).map((line) => {
    if (line.classList.contains('is-hidden')) return null;
    const m = line.getScreenCTM(), p = svg.createSVGPoint();
    const at = (a, b) => { p.x = a; p.y = b; return p.matrixTransform(m); };
    return [at(line.x1.baseVal.value, line.y1.baseVal.value), at(line.x2.baseVal.value, line.y2.baseVal.value)];
  });
  const away = (q, seg) => {
    if (!seg) return Infinity;
    const [a, b] = seg, dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy || 1;
    const t = Math.max(0, Math.min(1, ((q.x - a.x) * dx + (q.y - a.y) * dy) / l2));
    return Math.hypot(q.x - (a.x + t * dx), q.y - (a.y + t * dy));
  };`;

/**
 * What `script` (run in the page with `args`) finds, once it finds the same twice a quarter second
 * apart: the graph holds still (its camera may still be moving to what was selected).
 */
async function foundTwice(page, script, args, why) {
  let before;
  return page.until(async () => {
    const now = await page.js(script, ...args);
    const still = now && before !== undefined && JSON.stringify(now) === JSON.stringify(before);
    before = now;
    if (!still) await new Promise((resolve) => setTimeout(resolve, 250));
    return still ? now : null;
  }, why);
}

/** Opens the top bar's "More" menu (if it is closed) and returns its button. */
export async function openMenu(page) {
  const button = await page.byRole('button', /^(More|更多)$/);
  if ((await page.attr(button, 'aria-expanded')) !== 'true') await page.click(button);
  await page.until(async () => (await page.attr(button, 'aria-expanded')) === 'true', 'the "More" menu to open');
  return button;
}

/** Clicks the "More" menu's item named `name` (a button). */
export async function menuItem(page, name) {
  await openMenu(page);
  const panel = await page.until(() => page.js('return document.getElementById("main-menu");'), 'the menu panel');
  return page.byRole('button', name, { exact: typeof name === 'string', within: panel });
}

export async function pressed(page, el) {
  return (await page.attr(el, 'aria-pressed')) === 'true';
}

export async function expectFocused(page, el, what) {
  await page.until(async () => {
    const f = await page.focused();
    return f && (await page.same(f, el));
  }, `focus on ${what}`).catch(async () => {
    const f = await page.focused();
    throw new CheckError(`expected focus on ${what}, but focus is on ${f ? await page.describe(f) : 'the body'}`);
  });
}

/** Whether box `a` lies inside box `b` (with a tolerance in px). */
export function inside(a, b, tol = 1) {
  return a.x >= b.x - tol && a.y >= b.y - tol && a.x + a.width <= b.x + b.width + tol && a.y + a.height <= b.y + b.height + tol;
}

/** Picks a query that only this node's label/id contains (so the app ranks it first), per language. */
function uniqueQuery(data, lang) {
  const fields = (n) => [n.label.zh.toLowerCase(), n.label.en.toLowerCase(), n.id];
  const matches = (q) => data.nodes.filter((n) => fields(n).some((f) => f.includes(q.toLowerCase())));
  const candidates = [];
  for (const n of data.nodes) {
    if (lang === 'en') {
      for (const w of n.label.en.split(/[^A-Za-z]+/)) if (w.length >= 5) candidates.push([w, n]);
    } else {
      candidates.push([n.label.zh, n]);
      for (let len = 2; len <= 4; len++) if (n.label.zh.length > len) candidates.push([n.label.zh.slice(0, len), n]);
    }
  }
  // Prefer a threat: "Cyberattacks" / "网络攻击" where they exist.
  candidates.sort((a, b) => (b[1].kind === 'threat') - (a[1].kind === 'threat'));
  for (const [q, n] of candidates) {
    const m = matches(q);
    if (m.length === 1 && m[0] === n) return { query: q, node: n };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The specs.

export const specs = [
  {
    name: 'first screen',
    async run({ page, data }) {
      const state = await page.open('');
      check(state === 'ready', `the app shows an error alert instead of rendering`);
      // The start-up message (shown until the app draws) is gone, for eyes and screen readers.
      const starting = await page.js(`return R.findAll('status').map((s) => s.textContent).filter((t) => /Loading the argument map/.test(t));`);
      check(starting.length === 0, `the start-up message is still shown once the app is drawn: ${JSON.stringify(starting)}`);
      const banner = await page.byRole('banner');
      const headings = await page.all('heading', null, { within: banner });
      let h1 = null;
      for (const h of headings) if ((await page.js('return R.levelOf(arguments[0]);', h)) === 1) h1 = h;
      check(h1, 'the banner has no h1');
      const title = await page.text(h1);
      check(title.length > 0, 'the banner h1 is empty');
      const htmlLang = await page.js('return document.documentElement.lang;');
      check(['en', 'zh-Hans'].includes(htmlLang), `html lang is ${JSON.stringify(htmlLang)}, expected "en" or "zh-Hans"`);
      const lang = htmlLang === 'en' ? 'en' : 'zh';
      check(title === data.meta.title[lang], `the h1 reads ${JSON.stringify(title)}, expected the ${lang} title ${JSON.stringify(data.meta.title[lang])}`);
      const group = await page.byRole('group', /^(Language|语言)$/, { within: banner });
      const current = await page.byRole('button', lang === 'en' ? 'English' : '中文', { exact: true, within: group });
      check(await pressed(page, current), `html lang is ${htmlLang} but its language button is not aria-pressed`);

      const main = await page.byRole('main');
      await page.byRole('region', lang === 'en' ? 'Timeline' : '时间线', { exact: true, within: main });
      await page.byRole('region', lang === 'en' ? 'Graph' : '关系图', { exact: true, within: main });
      await page.byRole('complementary', lang === 'en' ? 'Details' : '详情', { exact: true, within: main });
      check((await page.all('alert')).length === 0, 'an error alert is shown');
      await page.screenshot('first-screen');
    },
  },

  {
    name: 'language switch',
    async run({ page, data }) {
      await page.open('?lang=en');
      const group = await page.byRole('group', 'Language', { exact: true });
      const en = await page.byRole('button', 'English', { exact: true, within: group });
      const zh = await page.byRole('button', '中文', { exact: true, within: group });
      check(await pressed(page, en), '?lang=en: "English" is not aria-pressed');
      check(!(await pressed(page, zh)), '?lang=en: "中文" is aria-pressed too');
      check((await page.js('return document.documentElement.lang;')) === 'en', '?lang=en: html lang is not "en"');
      await page.byRole('region', 'Timeline', { exact: true });

      // Select an event, then switch: the selection must stay.
      const event = data.usStrategy() ?? data.eventsByDate()[0];
      check(event, 'the data set has no events');
      await page.click(await eventButton(page, event, 'en'));
      await expectDetailsTitle(page, event.title.en, 'after clicking the event');

      await page.click(zh);
      await page.until(async () => (await page.js('return document.documentElement.lang;')) === 'zh-Hans', 'html lang to become "zh-Hans" after clicking 中文');
      await page.byRole('region', '时间线', { exact: true });
      await page.gone('region', 'Timeline', { exact: true });
      await page.byRole('region', '关系图', { exact: true });
      await page.byRole('complementary', '详情', { exact: true });
      const zhGroup = await page.byRole('group', '语言', { exact: true });
      check(await pressed(page, await page.byRole('button', '中文', { exact: true, within: zhGroup })), 'after clicking 中文 it is not aria-pressed');
      check(!(await pressed(page, await page.byRole('button', 'English', { exact: true, within: zhGroup }))), 'after clicking 中文, "English" is still aria-pressed');
      await expectDetailsTitle(page, event.title.zh, 'the selection after switching to Chinese');
      const zhButton = await eventButton(page, event, 'zh');
      check(await pressed(page, zhButton), 'the selected event button is no longer aria-pressed after switching language');
      const h1 = await page.byRole('heading', data.meta.title.zh, { exact: true });
      check(h1, 'the h1 did not switch to Chinese');
      await page.screenshot('language-zh');

      await page.click(await page.byRole('button', 'English', { exact: true, within: zhGroup }));
      await page.until(async () => (await page.js('return document.documentElement.lang;')) === 'en', 'html lang to return to "en"');
      await expectDetailsTitle(page, event.title.en, 'the selection after switching back to English');
    },
  },

  {
    name: 'graph renders',
    async run({ page, data }) {
      for (const lang of ['en', 'zh']) {
        await page.open(`?lang=${lang}`);
        const { graph, nodes } = await graphNodes(page);
        check(nodes.length === data.nodes.length, `${lang}: the graph shows ${nodes.length} node buttons, the data set has ${data.nodes.length} nodes`);
        const names = new Set(await page.names(nodes));
        for (const n of data.nodes) {
          check(names.has(data.nodeName(n, lang)), `${lang}: no graph node named ${JSON.stringify(data.nodeName(n, lang))} (names: ${[...names].slice(0, 8).join(' | ')}…)`);
        }
        const tabbable = [];
        for (const n of nodes) if ((await page.attr(n, 'tabindex')) === '0') tabbable.push(n);
        check(tabbable.length === 1, `${lang}: ${tabbable.length} graph nodes have tabindex=0 (roving tabindex wants exactly one)`);

        const svgBox = await page.box(graph);
        // Elements are passed as separate arguments: WebKitWebDriver does not turn element
        // references nested in an array argument back into elements.
        const boxes = await page.js('return Array.from(arguments).map((n) => { const r = n.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; });', ...nodes);
        const outside = [];
        for (let i = 0; i < nodes.length; i++) {
          if (!inside(boxes[i], svgBox, 1)) outside.push(`${await page.name(nodes[i])} ${JSON.stringify(boxes[i], (k, v) => (typeof v === 'number' ? Math.round(v) : v))}`);
        }
        check(outside.length === 0, `${lang}: ${outside.length} node(s) reach outside the graph's box ${JSON.stringify(svgBox, (k, v) => (typeof v === 'number' ? Math.round(v) : v))}: ${outside.slice(0, 5).join('; ')}`);
        await page.screenshot(`graph-${lang}`, { show: await page.byRole('region', GRAPH) });
      }
    },
  },

  {
    name: 'select by click',
    async run({ page, data }) {
      await page.open('?lang=en');
      const node = data.nodes.find((n) => n.kind === 'threat') ?? data.nodes[0];
      const button = await graphNode(page, data, node);
      check(!(await pressed(page, button)), 'a graph node is aria-pressed before anything was selected');
      await page.click(button);
      await expectDetailsTitle(page, node.label.en, `after clicking the graph node "${data.nodeName(node)}"`);
      check(await pressed(page, await graphNode(page, data, node)), 'the clicked graph node is not aria-pressed');

      const event = data.usStrategy() ?? data.eventsByDate()[0];
      await page.click(await eventButton(page, event));
      await expectDetailsTitle(page, event.title.en, `after clicking the timeline event "${event.title.en}"`);
      check(await pressed(page, await eventButton(page, event)), 'the clicked event button is not aria-pressed');
      check(!(await pressed(page, await graphNode(page, data, node))), 'the graph node stays aria-pressed after selecting an event');
      const { aside } = await details(page);
      const quotes = await page.all('blockquote', null, { within: aside });
      check(quotes.length >= 1, 'the Details of the event show no quote (blockquote)');
      check(quotes.length >= event.sources.length, `the Details show ${quotes.length} quotes, the event has ${event.sources.length} sources`);
      for (const source of event.sources) {
        let found = false;
        for (const q of quotes) {
          if ((await page.text(q)) !== source.quote) continue;
          check((await page.attr(q, 'lang')) === 'zh-Hans', `the quote "${source.quote}" is not marked lang="zh-Hans"`);
          const item = await page.closest(q, 'listitem');
          const itemText = item ? await page.text(item) : '';
          check(itemText.includes(`[${source.para}]`), `the quote "${source.quote}" is not shown with its paragraph id [${source.para}] (its item reads ${JSON.stringify(itemText)})`);
          found = true;
        }
        check(found, `the quote "${source.quote}" [${source.para}] of the event is not shown in Details`);
      }
      await page.screenshot('select-by-click', { show: await page.byRole('region', GRAPH) });
    },
  },

  {
    // Trial 18: a node clicked near the graph's bottom edge centred the view on it; every node
    // moved by a third of the view and the next click, on the link's other end, hit the toolbar.
    name: 'select by click: a node clicked near the graph\'s edge, in view, moves nothing',
    async run({ page, data }) {
      await page.open('?lang=en');
      await graphNode(page, data, data.nodes[0]);
      const places = () => page.js(`
        return Object.fromEntries(Array.from(document.querySelectorAll('#graph-region .graph-svg g.node')).map((g) => {
          const r = g.querySelector('path.shape').getBoundingClientRect();
          return [g.dataset.index, r.width ? [Math.round((r.left + r.right) / 2), Math.round((r.top + r.bottom) / 2)] : null];
        }));`);
      const still = async (why) => {
        let last = null;
        return page.until(async () => {
          const now = await places();
          const same = last && JSON.stringify(now) === JSON.stringify(last);
          last = now;
          if (!same) await new Promise((resolve) => setTimeout(resolve, 250));
          return same ? now : null;
        }, why);
      };
      const before = await still('the graph to hold still');
      // A node 40 to 60 px from the surface's bottom or side, its shape the topmost thing there.
      const near = await page.js(`
        const svg = document.querySelector('#graph-region .graph-svg'), box = svg.getBoundingClientRect();
        const places = arguments[0];
        for (const [index, at] of Object.entries(places)) {
          if (!at) continue;
          const [x, y] = at, edge = Math.min(box.bottom - y, x - box.left, box.right - x);
          if (edge < 40 || edge > 60 || y - box.top < 80) continue;
          const hit = document.elementFromPoint(x, y);
          if (hit && hit.closest('g.node') && hit.closest('g.node').dataset.index === index) return { index: Number(index), x, y, edge };
        }
        return null;`, before);
      check(near, 'no node in the built-in reading lies 40 to 60 px from the graph\'s bottom or side');
      await page.session.clickAt(near.x, near.y);
      await expectDetailsTitle(page, data.nodes[near.index].label.en, 'after a click on a node near the graph\'s edge');
      const after = await still('the graph to hold still after the click');
      const moved = Object.keys(before).filter((i) => before[i] && after[i] && Math.hypot(after[i][0] - before[i][0], after[i][1] - before[i][1]) > 1);
      check(!moved.length, `a click on ${data.nodes[near.index].id}, ${near.edge} px from the graph's edge, moved ${moved.length} node(s), ${data.nodes[near.index].id} from ${before[near.index]} to ${after[near.index]}`);
    },
  },

  {
    // Trial 12's student could not reach a link's quote from the graph: the line was not
    // clickable, its quotes under a folded list in a node's details.
    name: 'select a link: a click on its line, or its sentence in a node\'s details, shows its quotes',
    async run({ page, data }) {
      await page.open('?lang=en');
      await graphNode(page, data, data.nodes[0]);
      const target = await loneLine(page);
      const link = data.raw.links[target.k];
      const label = (id) => data.nodes.find((n) => n.id === id).label.en;
      await page.session.clickAt(target.x, target.y);
      const title = await expectLinkDetails(page, data, link, `a click on the line of ${link.source} ${link.relation} ${link.target}`);
      const search = await page.js('return location.search;');
      check(search.includes(`link=${link.source}~${link.relation}~${link.target}`), `the address does not name the link: ${search}`);
      const quotesShown = async () => {
        const { aside } = await details(page);
        const shown = [];
        for (const q of await page.all('blockquote', null, { within: aside })) {
          const item = await page.closest(q, 'listitem');
          shown.push([await page.text(q), item ? await page.text(item) : '']);
        }
        return shown;
      };
      for (const source of link.sources) {
        const shown = await quotesShown();
        check(shown.some(([q, item]) => q === source.quote && item.includes(`[${source.para}]`)),
          `the link's quote "${source.quote}" [${source.para}] is not in its Details (they show ${JSON.stringify(shown.map(([q]) => q))})`);
      }
      // Its two nodes are buttons; the target's details list the link, whose sentence opens it again.
      const { aside } = await details(page);
      await page.click(await page.byRole('button', new RegExp(`${escapeRe(label(link.target))}$`), { within: aside }));
      await expectDetailsTitle(page, label(link.target), 'after the link\'s target node in its Details');
      const summary = await page.until(() => page.js('return Array.from(document.querySelectorAll("details.link-notes > summary")).find((s) => s.offsetParent);'), 'the "Its links and their sources" fold');
      await page.click(summary);
      const sentence = await page.byRole('button', title, { exact: true, within: (await details(page)).aside });
      await page.click(sentence);
      await expectDetailsTitle(page, title, 'after the link\'s sentence in its target\'s details');
      // A click on the background, off every line and node, lets go of it, as Esc does: at a
      // spot where the drawing itself is hit, found twice a quarter second apart (the camera may
      // still be bringing the link into view).
      const empty = await foundTwice(page, `${LINE_GEOMETRY}
        for (let y = region.top + 70; y < region.bottom - 10; y += 10) for (let x = region.left + 10; x < region.right - 10; x += 10) {
          if (document.elementFromPoint(x, y) !== svg) continue;
          if (segments.every((seg) => away({ x, y }, seg) > 20)) return { x, y };
        }
        return null;`, [], 'an empty place in the graph, the graph holding still');
      await page.session.clickAt(empty.x, empty.y);
      await expectDetailsTitle(page, 'The thesis', 'after a click on the graph\'s empty background (nothing selected)');
      // With nothing selected, Details give the thesis and the source it is read from.
      const said = (await page.text((await details(page)).aside)).replace(/\s+/g, ' ');
      const citation = data.meta.citation.en.replace(/\s+/g, ' ');
      check(said.includes(citation), `Details with nothing selected do not give the citation ${JSON.stringify(citation)}`);
    },
  },

  {
    // Trial 17's student aimed at a link's line where another node's name crossed it: the name
    // took the click and that node opened.
    name: 'select a link: a click on its line where another node\'s name crosses it opens the link',
    async run({ page, data }) {
      await page.open('?lang=en');
      await graphNode(page, data, data.nodes[0]);
      // A point on a drawn line, inside the name of a node that is not one of its ends, off
      // every shape and 12 px from every other line.
      const ends = data.raw.links.map((l) => [l.source, l.target].map((id) => data.nodes.findIndex((n) => n.id === id)));
      const spot = await foundTwice(page, `${LINE_GEOMETRY}
        const ends = arguments[0];
        for (const [k, seg] of segments.entries()) {
          if (!seg) continue;
          const [a, b] = seg, length = Math.hypot(b.x - a.x, b.y - a.y);
          for (let d = 0; d <= length; d += 2) {
            const x = Math.round(a.x + (b.x - a.x) * d / length), y = Math.round(a.y + (b.y - a.y) * d / length);
            if (x < region.left + 10 || x > region.right - 10 || y < region.top + 60 || y > region.bottom - 10) continue;
            if (away({ x, y }, seg) > 1.5) continue;
            const hit = document.elementFromPoint(x, y);
            const g = hit && hit.closest('text.label') && hit.closest('g.node');
            if (!g || ends[k].includes(Number(g.dataset.index))) continue;
            const onShape = Array.from(svg.querySelectorAll('g.node path.shape')).some((shape) => {
              const r = shape.getBoundingClientRect();
              return x >= r.left - 4 && x <= r.right + 4 && y >= r.top - 4 && y <= r.bottom + 4;
            });
            if (onShape || segments.some((other, j) => j !== k && away({ x, y }, other) <= 12)) continue;
            return { k, x, y, name: g.getAttribute('aria-label') };
          }
        }
        return null;`, [ends], 'a drawn line crossing the name of a node that is not its end, the graph holding still');
      const link = data.raw.links[spot.k];
      await page.session.clickAt(spot.x, spot.y);
      await expectLinkDetails(page, data, link, `a click on the line of ${link.source} ${link.relation} ${link.target} where the name of ${JSON.stringify(spot.name)} crosses it`);
      // A name off every line still opens its node (the camera may still be bringing the link
      // just selected into view).
      const name = await foundTwice(page, `${LINE_GEOMETRY}
        for (const text of svg.querySelectorAll('g.node text.label')) {
          const r = text.getBoundingClientRect();
          if (!r.width) continue;
          const x = Math.round(r.left + r.width / 2), y = Math.round(r.top + r.height / 2);
          if (y < region.top + 60 || document.elementFromPoint(x, y)?.closest('text.label') !== text) continue;
          if (segments.every((seg) => away({ x, y }, seg) > 8)) return { x, y, index: Number(text.closest('g.node').dataset.index) };
        }
        return null;`, [], 'a node\'s name off every line, the graph holding still');
      await page.session.clickAt(name.x, name.y);
      await expectDetailsTitle(page, data.nodes[name.index].label.en, 'after a click on a node\'s name off every line');
    },
  },

  {
    name: 'select by keyboard: graph',
    async run({ page, data }) {
      await page.open('?lang=en');
      await page.press('Tab');
      const skip = await page.focused();
      check(skip && (await page.role(skip)) === 'link', `the first Tab does not reach the skip link (focus: ${skip ? await page.describe(skip) : 'body'})`);
      check(/graph/i.test(await page.name(skip)), `the first link is ${await page.describe(skip)}, expected the skip link to the graph`);
      await page.press('Enter');
      const graph = await page.byRole('group', GRAPH);
      let node = null;
      const seen = [];
      for (let i = 0; i < 12 && !node; i++) {
        await page.press('Tab');
        const f = await page.focused();
        seen.push(f ? await page.describe(f) : 'body');
        if (f && (await page.role(f)) === 'button' && (await page.js('return arguments[0].contains(arguments[1]);', graph, f))) node = f;
      }
      check(node, `Tab from the skip link never reached a graph node; focus went: ${seen.join(' → ')}`);
      check((await page.attr(node, 'tabindex')) === '0', 'the graph node reached by Tab does not have tabindex=0');
      const firstName = await page.name(node);

      // Arrow keys move focus to a neighbouring node (some direction has one).
      let moved = null;
      for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
        await page.press(key);
        await new Promise((r) => setTimeout(r, 100));
        const f = await page.focused();
        if (f && !(await page.same(f, node))) {
          check((await page.role(f)) === 'button' && (await page.js('return arguments[0].contains(arguments[1]);', graph, f)), `${key} moved focus out of the graph, to ${await page.describe(f)}`);
          moved = f;
          break;
        }
      }
      check(moved, `no arrow key moved focus away from the graph node "${firstName}"`);
      check((await page.attr(moved, 'tabindex')) === '0', 'the node focused by an arrow key does not get tabindex=0');
      check((await page.attr(node, 'tabindex')) === '-1', 'the node left by an arrow key keeps tabindex=0 (roving tabindex)');
      const movedName = await page.name(moved);
      const movedNode = data.nodes.find((n) => movedName === data.nodeName(n) || movedName.startsWith(`${data.nodeName(n)},`));
      check(movedNode, `the focused node's name ${JSON.stringify(movedName)} matches no node in the data set`);

      await page.press('Enter');
      await expectDetailsTitle(page, movedNode.label.en, 'Enter on a focused graph node');
      check(await pressed(page, moved), 'the node selected with Enter is not aria-pressed');
      await expectFocused(page, moved, 'the selected graph node after Enter');

      await page.press('Escape');
      const { aside } = await details(page);
      await page.until(async () => (await page.text(aside)).includes('Select something in the graph or the timeline'), 'Details to show the "Select something…" hint after Escape');
      check(!(await pressed(page, moved)), 'the node is still aria-pressed after Escape');
      await page.screenshot('keyboard-graph', { show: await page.byRole('region', GRAPH) });
    },
  },

  {
    name: 'select by keyboard: timeline',
    async run({ page, data }) {
      check(data.events.length >= 2, 'the data set needs at least two events for this spec');
      await page.open('?lang=en');
      const order = data.eventsByDate();
      const toolbar = await page.byRole('toolbar', 'Timeline', { exact: true });
      const next = await page.byRole('button', 'Next event', { exact: true, within: toolbar });
      // Start from the toolbar's last button and Tab into the list: the first event gets focus.
      await page.focus(next);
      await page.press('Tab');
      const first = await eventButton(page, order[0]);
      await expectFocused(page, first, `the first event "${order[0].title.en}" after Tab from "Next event"`);
      check(!(await pressed(page, first)), 'an event is selected by merely focusing it');
      await page.press('ArrowRight');
      const second = await eventButton(page, order[1]);
      await page.until(async () => pressed(page, second), `ArrowRight on the focused first event to select the second event "${order[1].title.en}"`).catch(async () => {
        const sel = [];
        for (const b of (await timelineButtons(page)).buttons) if (await pressed(page, b)) sel.push(await page.name(b));
        throw new CheckError(`ArrowRight on the focused (unselected) first event "${order[0].title.en}" did not select the next event "${order[1].title.en}"; selected: ${JSON.stringify(sel)}`);
      });
      await expectFocused(page, second, 'the second event after ArrowRight');
      check(!(await pressed(page, first)), 'the first event stays aria-pressed after ArrowRight');
      await expectDetailsTitle(page, order[1].title.en, 'ArrowRight in the timeline');
    },
  },

  {
    name: 'timeline keys after a selection',
    async run({ page, data }) {
      check(data.events.length >= 2, 'the data set needs at least two events for this spec');
      await page.open('?lang=en');
      const order = data.eventsByDate();
      const first = await eventButton(page, order[0]);
      await page.focus(first);
      await page.press('Enter');
      await page.until(async () => pressed(page, first), 'Enter on the focused first event to select it');
      await expectDetailsTitle(page, order[0].title.en, 'Enter on the first event');
      const expectSelected = async (k, how) => {
        const b = await eventButton(page, order[k]);
        await page.until(async () => pressed(page, b), `${how} to select event ${k + 1} "${order[k].title.en}"`);
        await expectFocused(page, b, `event ${k + 1} "${order[k].title.en}" after ${how}`);
        const { buttons } = await timelineButtons(page);
        let count = 0;
        for (const x of buttons) if (await pressed(page, x)) count++;
        check(count === 1, `${count} events are aria-pressed after ${how}`);
      };
      await page.press('ArrowRight');
      await expectSelected(1, 'ArrowRight');
      await page.press('ArrowLeft');
      await expectSelected(0, 'ArrowLeft');
      await page.press('ArrowDown');
      await expectSelected(1, 'ArrowDown');
      await page.press('End');
      await expectSelected(order.length - 1, 'End');
      await page.press('Home');
      await expectSelected(0, 'Home');
      await page.press('ArrowUp');
      await expectSelected(0, 'ArrowUp on the first event (stays)');
    },
  },

  {
    name: 'timeline order',
    async run({ page, data }) {
      await page.open('?lang=en');
      const { buttons } = await timelineButtons(page);
      check(buttons.length === data.events.length, `the timeline lists ${buttons.length} event buttons, the data set has ${data.events.length} events`);
      const shown = [];
      for (const b of buttons) {
        const name = await page.name(b);
        const matches = data.events.filter((e) => name.includes(e.title.en)).sort((a, b2) => b2.title.en.length - a.title.en.length);
        check(matches.length, `the event button ${JSON.stringify(name)} matches no event title in the data set`);
        const e = matches[0];
        const date = displayDate(e.parsedDate, 'en');
        check(name.startsWith(date), `the event button ${JSON.stringify(name)} does not start with its date ${JSON.stringify(date)}`);
        shown.push(e);
      }
      check(new Set(shown).size === shown.length, 'an event is listed twice in the timeline');
      for (let i = 1; i < shown.length; i++) {
        check(compareKeys(shown[i - 1].key, shown[i].key) <= 0,
          `the timeline lists "${shown[i - 1].title.en}" (${shown[i - 1].date}) before "${shown[i].title.en}" (${shown[i].date}): not in date order`);
      }
      const expected = data.eventsByDate().map((e) => e.id);
      check(JSON.stringify(shown.map((e) => e.id)) === JSON.stringify(expected), `timeline order ${shown.map((e) => e.id).join(',')} differs from date order ${expected.join(',')}`);
    },
  },

  {
    name: 'linked views',
    async run({ page, data }) {
      const event = data.usStrategy();
      check(event, 'the data set has no event named like "National Cybersecurity Strategy"');
      await page.open('?lang=en');
      await page.click(await eventButton(page, event));
      await expectDetailsTitle(page, event.title.en, 'after clicking the US strategy event');
      const { aside } = await details(page);
      for (const id of event.related) {
        const n = data.node(id);
        await page.byRole('button', new RegExp(`${escapeRe(n.label.en)}$`), { within: aside }).catch(() => {
          throw new CheckError(`the Details of "${event.title.en}" list no button for its related node "${n.label.en}"`);
        });
      }
      // Graph: related nodes at full opacity, the others dimmed.
      const unrelated = data.nodes.filter((n) => !event.related.includes(n.id));
      check(unrelated.length > 0, 'every node is related to the US strategy event: nothing to dim');
      // Computed opacity of every node's shape (a dimmed node's name stays legible), by
      // accessible name, in one call.
      const graph = await page.byRole('group', GRAPH);
      const opacities = async () => new Map(await page.js(
        'return R.findAll("button", {}, arguments[0]).map((g) => [R.nameOf(g), Number(getComputedStyle(g.querySelector(".shape") || g).opacity)]);', graph));
      const wrongOpacity = async () => {
        const op = await opacities();
        const wrong = [];
        for (const n of data.nodes) {
          const v = op.get(data.nodeName(n));
          const related = event.related.includes(n.id);
          if (v === undefined) wrong.push(`"${n.label.en}" not found in the graph`);
          else if (related && v !== 1) wrong.push(`the related node "${n.label.en}" has computed opacity ${v}, expected 1`);
          else if (!related && !(v < 0.5)) wrong.push(`the unrelated node "${n.label.en}" has computed opacity ${v}, expected < 0.5 (dimmed)`);
        }
        return wrong;
      };
      let wrong = [];
      await page.until(async () => (wrong = await wrongOpacity()).length === 0, 'related nodes at full opacity and the others dimmed').catch(() => {
        throw new CheckError(`after selecting "${event.title.en}": ${wrong.slice(0, 4).join('; ')}${wrong.length > 4 ? ` (+${wrong.length - 4} more)` : ''}`);
      });
      // Out of focus, nodes keep their names where there is room, legible (trials 15 and 16: a
      // student could not tell what the faded shapes were).
      const dimNames = await page.js(`
        return Array.from(document.querySelectorAll('.graph-svg g.node.dim text.label:not([display="none"])')).map((t) => {
          let o = 1; for (let e = t; e && e.tagName !== 'svg'; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
          return o;
        });`);
      check(dimNames.length >= 10, `with "${event.title.en}" selected, ${dimNames.length} of the ${unrelated.length} dimmed nodes keep their names`);
      check(dimNames.every((o) => o > 0.9), `a dimmed node's name is drawn at opacity ${Math.min(...dimNames)}`);
      await page.screenshot('linked-event', { show: await page.byRole('region', GRAPH) });

      // A node with events (but not all of them) marks its events in the timeline.
      const candidates = data.nodes.map((n) => [n, data.eventsOf(n.id).length]).filter(([, c]) => c > 0);
      check(candidates.length, 'no node in the data set has events');
      candidates.sort((a, b) => (a[1] < data.events.length) === (b[1] < data.events.length) ? b[1] - a[1] : (a[1] < data.events.length ? -1 : 1));
      const [node] = candidates[0];
      await page.click(await graphNode(page, data, node));
      await expectDetailsTitle(page, node.label.en, `after clicking the node "${node.label.en}"`);
      const mine = new Set(data.eventsOf(node.id).map((e) => e.id));
      for (const e of data.events) {
        const b = await eventButton(page, e);
        const want = mine.has(e.id);
        await page.until(async () => (await page.name(b)).includes(RELATED_NOTE_EN) === want,
          `the event "${e.title.en}" to ${want ? '' : 'not '}be marked related to "${node.label.en}"`).catch(async () => {
          throw new CheckError(`after selecting "${node.label.en}", the event button ${JSON.stringify(await page.name(b))} ${want ? 'lacks' : 'has'} "${RELATED_NOTE_EN}" in its accessible name`);
        });
      }
      await page.screenshot('linked-node', { show: await page.byRole('region', GRAPH) });
    },
  },

  {
    name: 'drag pins',
    async run({ page, data }) {
      await page.open('?lang=en');
      const { graph } = await graphNodes(page);
      // The node's own point (its shape's centre, the origin of its transform) on screen.
      const origin = (el) => page.js('const m = arguments[0].getScreenCTM(); return { x: m.e, y: m.f };', el);
      const hittable = async (el) => {
        await page.js('arguments[0].scrollIntoView({ block: "center", inline: "nearest" });', el);
        const o = await origin(el);
        return page.js('const at = document.elementFromPoint(arguments[1], arguments[2]); return !!at && arguments[0].contains(at);', el, Math.round(o.x), Math.round(o.y));
      };
      // A threat (else any node) whose shape's centre a pointer can reach, as a user would grab it.
      let node = null;
      let el = null;
      const tried = [];
      for (const n of [...data.nodes.filter((x) => x.kind === 'threat'), ...data.nodes.filter((x) => x.kind !== 'threat')].slice(0, 12)) {
        const candidate = await graphNode(page, data, n);
        if (await hittable(candidate)) {
          node = n;
          el = candidate;
          break;
        }
        tried.push(n.label.en);
      }
      check(node, `no graph node's centre can be hit by the pointer (covered): ${tried.join(', ')}`);
      const before = await page.attr(el, 'transform');
      const o0 = await origin(el);
      const svgBox = await page.box(graph);
      const dx = o0.x < svgBox.x + svgBox.width / 2 ? 80 : -80;
      await page.session.drag(o0.x, o0.y, dx, 0);
      const pinnedName = await page.until(async () => {
        const label = await page.attr(el, 'aria-label');
        return label && label.includes('pinned') ? label : null;
      }, 'the dragged node\'s aria-label to say "pinned"').catch(async () => {
        throw new CheckError(`after dragging "${node.label.en}" by ${dx}px its aria-label is ${JSON.stringify(await page.attr(el, 'aria-label'))} (no "pinned")`);
      });
      check(pinnedName.startsWith(data.nodeName(node)), `the pinned node's label ${JSON.stringify(pinnedName)} lost its name`);
      const after = await page.attr(el, 'transform');
      check(after !== before, `the dragged node's transform did not change (${before})`);
      const o1 = await origin(el);
      const moved = { x: o1.x - o0.x, y: o1.y - o0.y };
      check(Math.abs(moved.x - dx) <= 4 && Math.abs(moved.y) <= 4, `the dragged node moved by (${moved.x.toFixed(1)}, ${moved.y.toFixed(1)}) px, expected it to follow the pointer by (${dx}, 0)`);
      check(!(await pressed(page, el)), 'a drag selected the node (a drag is not a click)');
      await page.screenshot('drag-pinned', { show: await page.byRole('region', GRAPH) });
      // U on the focused node releases it.
      await page.focus(el);
      await page.press('u');
      await page.until(async () => !(await page.attr(el, 'aria-label')).includes('pinned'), 'U to release the pinned node');
    },
  },

  {
    name: 'search',
    async run({ page, data }) {
      await page.open('?lang=en');
      for (const lang of ['en', 'zh']) {
        const pick = uniqueQuery(data, lang);
        check(pick, `no ${lang} word in the data set finds exactly one node`);
        const { query, node } = pick;
        const box = await page.byRole('searchbox', 'Search nodes', { exact: true });
        await page.click(box);
        await page.type(box, query);
        const search = await page.byRole('search');
        await page.byRole('button', node.label.en, { within: search }).catch(() => {
          throw new CheckError(`typing ${JSON.stringify(query)} in "Search nodes" shows no result button for "${node.label.en}"`);
        });
        await page.press('Enter');
        await expectDetailsTitle(page, node.label.en, `Enter in the search box after typing ${JSON.stringify(query)}`);
        const el = await graphNode(page, data, node);
        check(await pressed(page, el), `the node found by ${JSON.stringify(query)} is not aria-pressed in the graph`);
        await expectFocused(page, el, `the found node "${node.label.en}" in the graph`);
        // The query stays (its matches stay marked in the graph) until the reader clears it.
        check((await page.prop(box, 'value')) === query, `after choosing a result the search box reads ${JSON.stringify(await page.prop(box, 'value'))}, expected the query ${JSON.stringify(query)} to stay`);
        await page.click(await page.byRole('button', 'Clear search', { exact: true, within: search }));
        await page.until(async () => (await page.prop(box, 'value')) === '', '"Clear search" to empty the search box');
      }
      await page.screenshot('search', { show: await page.byRole('region', GRAPH) });
    },
  },

  {
    name: 'filter',
    async run({ page, data }) {
      const threats = data.nodes.filter((n) => n.kind === 'threat');
      check(threats.length > 0, 'the data set has no threat nodes');
      await page.open('?lang=en');
      const graph = await page.byRole('group', GRAPH);
      const countThreats = async () => (await page.all('button', /, Threat(,|$)/, { within: graph })).length;
      const countAll = async () => (await page.all('button', null, { within: graph })).length;
      check((await countThreats()) === threats.length, `the graph shows ${await countThreats()} threat nodes, the data set has ${threats.length}`);
      // The legend doubles as the filter, in a panel the graph's toolbar opens.
      const legend = await page.byRole('button', 'Legend and filter', { exact: true });
      check((await page.attr(legend, 'aria-expanded')) === 'false', 'the "Legend and filter" panel is open before it was asked for');
      await page.click(legend);
      const box = await page.byRole('checkbox', /^Threat\s*\d*$/);
      check((await page.prop(box, 'checked')) === true, 'the "Threat" filter checkbox is not checked at first');
      await page.click(box);
      await page.until(async () => (await countThreats()) === 0, 'threat nodes to disappear after unchecking "Threat"').catch(async () => {
        throw new CheckError(`after unchecking "Threat", ${await countThreats()} threat nodes are still visible`);
      });
      check((await page.prop(box, 'checked')) === false, 'the "Threat" checkbox is still checked after clicking it');
      check((await countAll()) === data.nodes.length - threats.length, `after hiding threats ${await countAll()} nodes are visible, expected ${data.nodes.length - threats.length}`);
      const hiddenThreat = await page.all('button', new RegExp(`^${escapeRe(data.nodeName(threats[0]))}`), { within: graph, includeHidden: true });
      check(hiddenThreat.length === 1, 'a hidden threat node is gone from the DOM instead of hidden');
      check((await page.style(hiddenThreat[0], 'display')) === 'none', 'a hidden threat node is not display:none');
      await page.screenshot('filter-threats-hidden', { show: await page.byRole('region', GRAPH) });
      await page.click(box);
      await page.until(async () => (await countThreats()) === threats.length, 'threat nodes to come back after checking "Threat" again').catch(async () => {
        throw new CheckError(`after checking "Threat" again, ${await countThreats()} of ${threats.length} threat nodes are visible`);
      });
      check((await countAll()) === data.nodes.length, 'not every node is back after checking "Threat" again');
    },
  },

  {
    // "Stay near an actor": the graph keeps the actor and what the article ties to it.
    name: 'filter: staying near an actor',
    async run({ page, data }) {
      await page.open('?lang=en');
      await page.click(await page.byRole('button', 'Legend and filter', { exact: true }));
      const panel = await page.until(() => page.js('return document.getElementById("graph-filter");'), 'the legend panel');
      const boxes = await page.all('checkbox', null, { within: panel });
      let actor = null;
      let box = null;
      for (const b of boxes) {
        const name = await page.name(b);
        const found = data.nodes.find((n) => n.kind === 'actor' && n.label.en === name);
        if (found) { actor = found; box = b; break; }
      }
      check(actor, 'the legend offers no actor to stay near');
      check(!(await page.prop(box, 'checked')), `"${actor.label.en}" is checked before it was asked for`);
      await page.click(box);
      const graph = await page.byRole('group', GRAPH);
      const visibleNames = async () => new Set(await page.names(await page.all('button', null, { within: graph })));
      let shown = new Set();
      await page.until(async () => (shown = await visibleNames()).size < data.nodes.length, `the graph to narrow to "${actor.label.en}"`);
      check(shown.has(data.nodeName(actor)) || [...shown].some((n) => n.startsWith(`${data.nodeName(actor)},`)), `staying near "${actor.label.en}" hides the actor itself`);
      const neighbours = data.raw.links.filter((l) => l.source === actor.id || l.target === actor.id).map((l) => data.node(l.source === actor.id ? l.target : l.source));
      for (const n of neighbours) {
        check([...shown].some((x) => x === data.nodeName(n) || x.startsWith(`${data.nodeName(n)},`)), `staying near "${actor.label.en}" hides its neighbour "${n.label.en}"`);
      }
      const q = new URLSearchParams(await page.until(async () => {
        const search = await page.js('return location.search;');
        return search.includes(`actor%3A${actor.id}`) || search.includes(`actor:${actor.id}`) ? search : null;
      }, 'the address to name the actor filter'));
      check((q.get('hide') ?? '').split(',').includes(`actor:${actor.id}`), `the address does not keep the actor filter: ${q}`);
      await page.click(box);
      await page.until(async () => (await visibleNames()).size === data.nodes.length, 'every node to come back when the actor filter is cleared');
    },
  },

  {
    name: 'served under a sub-path',
    async run({ page, data, site, startServer }) {
      const server = await startServer({ root: site, prefix: '/some/sub/path/' });
      try {
        const state = await page.open(server.url('?lang=en'));
        check(state === 'ready', 'under /some/sub/path/ the app shows an error alert');
        const { nodes } = await graphNodes(page);
        check(nodes.length === data.nodes.length, `under /some/sub/path/ the graph shows ${nodes.length} of ${data.nodes.length} nodes`);
        await page.byRole('heading', data.meta.title.en, { exact: true });
        const url = await page.session.currentUrl();
        check(url.includes('/some/sub/path/'), `the page left the sub-path: ${url}`);
        await page.screenshot('sub-path');
      } finally {
        await server.close();
      }
    },
  },
];
