// The visualization-first screen and the faithful quotes: specs written once and run in every
// engine by run.mjs (context: { page, engine, data, site, startServer, note }; see specs.mjs).
//
// At the sizes people use (a projector, a laptop, a full HD screen) the page fits the window,
// every node is on the first screen and enough labels can be read; the timeline strip shows whole
// titles; Details walks back; a frame shows what was clicked; an English reader sees the
// article's Chinese words with a marked translation, and inferred chains apart from stated links.

import { readFileSync } from 'node:fs';
import { check, CheckError } from '../support/page.mjs';
import { startCourseSite } from '../support/course.mjs';
import { GRAPH, escapeRe, graphNode, eventButton, details, expectDetailsTitle, pressed, menuItem } from './specs.mjs';

/** The outer window size run.mjs gives every spec (restored after a spec that changes it). */
const WINDOW = { width: 1280, height: 900 };

/** Runs `body` with the page's viewport at `width`×`height`, then restores the window. */
export async function atViewport(page, width, height, body) {
  try {
    const got = await page.viewport(width, height);
    check(got.w === width && got.h === height, `the window could not be sized to a ${width}×${height} viewport (got ${got.w}×${got.h})`);
    return await body();
  } finally {
    await page.session.setWindowRect(WINDOW).catch(() => {});
  }
}

/**
 * What the first screen shows, measured in the page: page scroll, the graph's box and share of
 * the window, node shapes outside the graph or the window, and the labels drawn (font size,
 * boxes, overlaps).
 */
export function firstScreen(page) {
  return page.js(`
    const d = document.documentElement;
    const svg = document.querySelector('svg.graph-svg');
    const g = svg.getBoundingClientRect();
    const shapes = [...svg.querySelectorAll('g.node')].filter((n) => getComputedStyle(n).display !== 'none')
      .map((n) => ({ name: n.getAttribute('aria-label'), r: n.querySelector('path.shape').getBoundingClientRect() }));
    const outside = shapes.filter(({ r }) => r.left < g.left - 1 || r.right > g.right + 1 || r.top < g.top - 1 || r.bottom > g.bottom + 1
      || r.right > innerWidth || r.bottom > innerHeight).map((s) => s.name);
    // The text's own box (getBBox) on screen: getBoundingClientRect adds the halo's stroke in
    // some engines, and halos may touch.
    const screenBox = (t) => {
      const b = t.getBBox(), m = t.getScreenCTM();
      const xs = [b.x, b.x + b.width].flatMap((x) => [b.y, b.y + b.height].map((y) => m.a * x + m.c * y + m.e));
      const ys = [b.x, b.x + b.width].flatMap((x) => [b.y, b.y + b.height].map((y) => m.b * x + m.d * y + m.f));
      return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
    };
    const labels = [...svg.querySelectorAll('g.node text.label')].filter((t) => t.getAttribute('display') !== 'none' && getComputedStyle(t).display !== 'none')
      .map((t) => ({ px: parseFloat(getComputedStyle(t).fontSize), r: screenBox(t), name: t.textContent }));
    const overlaps = [];
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i].r, b = labels[j].r;
      const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left), oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (ox > 2 && oy > 2) overlaps.push(labels[i].name + ' / ' + labels[j].name + ' (' + ox.toFixed(1) + '×' + oy.toFixed(1) + ' px)');
    }
    const unnamed = [...svg.querySelectorAll('g.node')].filter((n) => getComputedStyle(n).display !== 'none')
      .filter((n) => { const t = n.querySelector('text.label'); return !t || t.getAttribute('display') === 'none' || getComputedStyle(t).display === 'none'; })
      .map((n) => n.getAttribute('aria-label').split(',')[0]);
    const cut = labels.filter(({ r }) => r.left < g.left - 1 || r.right > g.right + 1 || r.top < g.top - 1 || r.bottom > g.bottom + 1).map((l) => l.name);
    // The timeline's tick labels: each whole inside the strip, none over another.
    const strip = document.querySelector('.timeline-strip');
    const tickBoxes = strip ? [...strip.querySelectorAll('.tick text')].map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() })).filter((t) => t.r.width > 0) : [];
    const stripBox = strip && strip.getBoundingClientRect();
    const ticksCut = tickBoxes.filter((t) => t.r.left < stripBox.left - 1 || t.r.right > stripBox.right + 1).map((t) => t.text);
    const ticksOver = [];
    for (let i = 0; i < tickBoxes.length; i++) for (let j = i + 1; j < tickBoxes.length; j++) {
      const a = tickBoxes[i].r, b = tickBoxes[j].r;
      if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0) ticksOver.push(tickBoxes[i].text + ' / ' + tickBoxes[j].text);
    }
    return {
      ticksCut, ticksOver,
      busy: !!document.querySelector('[aria-busy="true"]'),
      scroll: { x: d.scrollWidth - d.clientWidth, y: d.scrollHeight - d.clientHeight },
      graph: { width: g.width, height: g.height, share: (g.width * g.height) / (innerWidth * innerHeight) },
      nodes: shapes.length, outside,
      labels: labels.length, readable: labels.filter((l) => l.px >= 12).length, smallest: Math.min(...labels.map((l) => l.px)),
      overlaps, cut, unnamed,
    };`);
}

/** [`firstScreen`] once the graph has stopped moving (two reads 150 ms apart agree). */
export async function settledScreen(page, data, what) {
  let last = null;
  return page.until(async () => {
    const m = await firstScreen(page);
    const same = last && JSON.stringify(m) === JSON.stringify(last);
    last = m;
    return same && !m.busy && m.nodes === data.nodes.length && m.labels > 0 ? m : null;
  }, `${what}: the graph drawn and still`, 15_000);
}

const SIZES = [
  // [width, height, what, English labels at least]: a projector, a laptop, full HD. The counts
  // are a little below what the engines show (34, 40 or 41, and 90 or 91: labels are measured in
  // the page's font; 33, 38 and 80 before labels in the way could step aside), so a regression
  // to a crowded or shrunken screen fails.
  [1280, 720, 'a 1280×720 projector', 31],
  [1366, 768, 'a 1366×768 laptop', 39],
  [1920, 1080, 'a 1920×1080 screen', 85],
];

/**
 * A teacher's reading of another text, made in the editor by a trial (22 nodes, 22 links, 3
 * events, its source text inside, every quote verbatim): an English essay on a town's water.
 */
export const MARROWFORD = readFileSync(new URL('../fixtures/marrowford-reading.json', import.meta.url), 'utf8');

/** The nodes whose shape's centre lies under the graph's toolbar (or within 2 px of it). */
function underToolbar(page) {
  return page.js(`
    const t = document.querySelector('.graph-toolbar').getBoundingClientRect();
    return [...document.querySelectorAll('svg.graph-svg g.node')].filter((n) => getComputedStyle(n).display !== 'none')
      .filter((n) => {
        const r = n.querySelector('path.shape').getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
        return x >= t.left - 2 && x <= t.right + 2 && y >= t.top - 2 && y <= t.bottom + 2;
      }).map((n) => n.getAttribute('aria-label'));`);
}

export const specs = [
  {
    // The reading opens with a note over the page (its quotes checked against its text), which
    // takes the graph's top: its top node went under the toolbar, where it could be neither
    // read nor clicked.
    name: 'screen: a reading with its source text, its note over the page, fits and names every node below the graph\'s toolbar at 1366×768',
    async run({ page, site, startServer }) {
      const set = JSON.parse(MARROWFORD);
      const server = await startServer({ root: site, routes: { '/marrowford.json': { type: 'application/json; charset=utf-8', body: MARROWFORD } } });
      try {
        await atViewport(page, 1366, 768, async () => {
          await page.open(server.url('?lang=en&data=marrowford.json'));
          await page.until(() => page.js('return /were found word for word/.test(document.body.textContent);'), 'the note on the reading\'s quotes');
          const s = await settledScreen(page, set, 'the reading with its note');
          const under = await underToolbar(page);
          check(!under.length, `nodes under the graph's toolbar: ${under.join(', ')}`);
          // A node without its name cannot be read from a projector or a laptop: in a crowded
          // spot, the labels in the way step aside (two nodes had no name here before).
          check(!s.unnamed.length, `nodes drawn without their name: ${s.unnamed.join(', ')}`);
          // The timeline's year labels are read whole: the last one ran past the strip's end
          // ("Jan 20…").
          check(!s.ticksCut.length && !s.ticksOver.length, `the timeline's year labels are cut (${s.ticksCut.join(', ')}) or drawn over one another (${s.ticksOver.join(', ')})`);
        });
      } finally {
        await server.close();
      }
    },
  },
  {
    name: 'screen: at 1280×720, 1366×768 and 1920×1080 the whole graph is on the first screen, with readable labels',
    async run({ page, data, note }) {
      const seen = [];
      for (const [w, h, what, least] of SIZES) {
        await atViewport(page, w, h, async () => {
          for (const lang of ['en', 'zh']) {
            await page.open(`?lang=${lang}`);
            const s = await settledScreen(page, data, what);
            const at = `${what}, ${lang}`;
            check(s.scroll.y <= 0 && s.scroll.x <= 0, `${at}: the page scrolls (${s.scroll.x} px sideways, ${s.scroll.y} px down): the app must fit the window`);
            check(s.graph.share >= 0.4, `${at}: the graph takes ${(100 * s.graph.share).toFixed(0)}% of the window, expected at least 40% (it is the largest region)`);
            check(!s.outside.length, `${at}: ${s.outside.length} nodes lie outside the graph or the window: ${s.outside.slice(0, 4).join('; ')}`);
            check(s.smallest >= 12, `${at}: a label is drawn at ${s.smallest} px (at least 12 px to be read)`);
            check(!s.overlaps.length, `${at}: labels overlap: ${s.overlaps.slice(0, 3).join('; ')}`);
            check(!s.cut.length, `${at}: labels are cut by the graph's edge: ${s.cut.slice(0, 3).join('; ')}`);
            check(!s.ticksCut.length && !s.ticksOver.length, `${at}: the timeline's year labels are cut (${s.ticksCut.join(', ')}) or drawn over one another (${s.ticksOver.join(', ')})`);
            if (lang === 'en') {
              check(s.readable >= least, `${at}: ${s.readable} labels can be read, expected at least ${least}`);
            }
            seen.push(`${w}×${h} ${lang}: ${s.readable} labels, graph ${(100 * s.graph.share).toFixed(0)}%`);
          }
          await page.screenshot(`screen-${w}x${h}`);
        });
      }
      note(seen.join(', '));
    },
  },

  {
    name: 'screen: the timeline strip shows every event with its whole title at 1366×768',
    async run({ page, data }) {
      await atViewport(page, 1366, 768, async () => {
        await page.open('?lang=en');
        const strip = await page.byRole('region', 'Timeline', { exact: true });
        const list = await page.byRole('list', 'Timeline', { exact: true });
        const cards = await page.until(async () => {
          const c = await page.js(`
            const strip = arguments[0].getBoundingClientRect();
            return [...arguments[1].querySelectorAll('button')].map((b) => {
              const r = b.getBoundingClientRect();
              const title = b.querySelector('.event-title') || b;
              return { name: R.nameOf(b), inside: r.left >= strip.left - 1 && r.right <= strip.right + 1 && r.top >= strip.top - 1 && r.bottom <= strip.bottom + 1,
                clipped: title.scrollWidth > title.clientWidth + 1 || title.scrollHeight > title.clientHeight + 1 || getComputedStyle(title).textOverflow === 'ellipsis' && title.scrollWidth > title.clientWidth,
                text: R.norm(title.textContent) };
            });`, strip, list);
          return c.length === data.events.length ? c : null;
        }, 'every event card in the strip');
        for (const e of data.events) {
          const card = cards.find((c) => c.name.includes(e.title.en));
          check(card, `no card for "${e.title.en}"`);
          check(card.inside, `the card of "${e.title.en}" reaches outside the timeline strip`);
          check(!card.clipped && card.text.includes(e.title.en), `the card of "${e.title.en}" does not show its whole title (shows ${JSON.stringify(card.text)})`);
        }
      });
    },
  },

  {
    name: 'screen: Details follows a link to a related node and Back returns',
    async run({ page, data }) {
      await page.open('?lang=en');
      const node = data.nodes.find((n) => n.kind === 'threat' && data.raw.links.some((l) => l.source === n.id || l.target === n.id));
      await page.click(await graphNode(page, data, node));
      await expectDetailsTitle(page, node.label.en, `after clicking "${node.label.en}"`);
      const { aside } = await details(page);
      const link = data.raw.links.find((l) => l.source === node.id || l.target === node.id);
      const other = data.node(link.source === node.id ? link.target : link.source);
      const button = await page.byRole('button', new RegExp(`${escapeRe(other.label.en)}$`), { within: aside });
      await page.click(button);
      await expectDetailsTitle(page, other.label.en, `after following "${other.label.en}" from the Details of "${node.label.en}"`);
      check(await pressed(page, await graphNode(page, data, other)), `"${other.label.en}" is not selected in the graph after following it from Details`);
      const back = await page.byRole('button', 'Back', { exact: true, within: (await details(page)).aside });
      await page.click(back);
      await expectDetailsTitle(page, node.label.en, '"Back" in Details');
    },
  },

  {
    name: 'embed: in an 800×600 frame a click on a node shows its title',
    async run({ page, data, site, startServer }) {
      const course = await startCourseSite({ startServer, root: site, frames: [{ title: 'Atlas', src: '?embed=1&lang=en', width: 800, height: 600 }] });
      try {
        await page.goto(course.pageUrl);
        await page.enterFrame('Atlas');
        await page.installCollectors();
        check((await page.waitForApp()) === 'ready', 'the framed app shows an error alert');
        const node = data.nodes.find((n) => n.kind === 'response');
        await page.click(await graphNode(page, data, node));
        await expectDetailsTitle(page, node.label.en, `clicking "${node.label.en}" in the frame`);
        const heading = await page.byRole('heading', node.label.en, { exact: true, within: (await details(page)).aside });
        const box = await page.box(heading);
        const view = await page.js('return { w: document.documentElement.clientWidth, h: innerHeight };');
        check(box.width > 0 && box.x >= 0 && box.y >= 0 && box.x + box.width <= view.w + 1 && box.y + box.height <= view.h + 1,
          `the title "${node.label.en}" is not in sight in the 800×600 frame: ${JSON.stringify(box)} in ${view.w}×${view.h}`);
        const inner = await page.js('const d = document.documentElement; return d.scrollHeight - d.clientHeight;');
        check(inner <= 0, `the framed app scrolls by ${inner} px to show the details`);
      } finally {
        await page.top().catch(() => {});
        await course.close();
      }
    },
  },

  {
    name: 'embed: a view shared from a 1920×1080 window shows all its nodes in an 800×600 frame',
    async run({ page, data, site, startServer }) {
      let link = null;
      await atViewport(page, 1920, 1080, async () => {
        await page.open('?lang=en&layout=argument');
        await page.click(await page.byRole('button', 'Share', { exact: true }));
        const dialog = await page.byRole('dialog', 'Share this view', { exact: true });
        link = await page.prop(await page.byRole('textbox', 'Link (opens exactly this view)', { exact: true, within: dialog }), 'value');
      });
      const src = new URL(link);
      src.searchParams.set('embed', '1');
      const course = await startCourseSite({ startServer, root: site, sameSite: true, frames: [{ title: 'Atlas', src: `${src.pathname}${src.search}`.replace(/^\//, ''), width: 800, height: 600 }] });
      try {
        await page.goto(course.pageUrl);
        await page.enterFrame('Atlas');
        check((await page.waitForApp()) === 'ready', 'the framed app shows an error alert');
        check(await pressed(page, await page.byRole('button', 'Argument', { exact: true })), 'the shared argument layout was not restored in the frame');
        // The argument layout scrolls down its columns; the force layout (the default) must
        // show every node at once.
        await page.click(await page.byRole('button', 'Force', { exact: true }));
        const s = await settledScreen(page, data, 'the force layout in the frame');
        check(!s.outside.length, `in the 800×600 frame ${s.outside.length} nodes lie outside the graph: ${s.outside.slice(0, 4).join('; ')}`);
        check(!s.overlaps.length, `in the 800×600 frame labels overlap: ${s.overlaps.slice(0, 3).join('; ')}`);
      } finally {
        await page.top().catch(() => {});
        await course.close();
      }
    },
  },

  {
    name: "faithful: an English reader sees the article's Chinese words, and a marked translation",
    async run({ page, data }) {
      // One node per kind of English rendering the data set has: ours, the speaker's, official.
      const byBasis = new Map();
      for (const n of data.nodes) {
        for (const s of n.sources ?? []) {
          const basis = s.translation?.basis;
          if (basis && !byBasis.has(basis)) byBasis.set(basis, { node: n, source: s });
        }
      }
      check(byBasis.has('ours'), 'no quote of the data set carries a translation marked "ours"');
      const markers = { ours: /Our translation, not the text's words/, speaker: /The speaker's own words/, official: /Official title/ };
      for (const [basis, { node, source }] of byBasis) {
        await page.open(`?lang=en&node=${node.id}`);
        await expectDetailsTitle(page, node.label.en, `the link to "${node.label.en}"`);
        const { aside } = await details(page);
        const quotes = await page.all('blockquote', null, { within: aside });
        let item = null;
        for (const q of quotes) {
          if ((await page.text(q)) === source.quote) {
            check((await page.attr(q, 'lang')) === 'zh-Hans', `the quote "${source.quote}" is not marked lang="zh-Hans"`);
            item = await page.closest(q, 'listitem');
          }
        }
        check(item, `the Details of "${node.label.en}" do not show the article's words "${source.quote}"`);
        const text = await page.text(item);
        check(text.includes(source.translation.text), `the English rendering "${source.translation.text}" is not shown with the quote "${source.quote}" (item: ${JSON.stringify(text.slice(0, 200))})`);
        check(markers[basis].test(text), `the rendering of "${source.quote}" (basis ${basis}) is not marked as such: ${JSON.stringify(text.slice(0, 240))}`);
      }
    },
  },

  {
    name: 'faithful: chains the app infers are named apart from the links the article states',
    async run({ page, data }) {
      // A threat whose responses are reached only through intermediate nodes.
      await page.open('?lang=en');
      await page.click(await menuItem(page, 'Read as lists'));
      const dialog = await page.byRole('dialog', 'Read as lists', { exact: true });
      const threats = await page.byRole('list', 'Threats and the responses that address them', { exact: true, within: dialog });
      // Each entry's inferred chains are folded under a summary that counts them.
      const folds = await page.all('button', /^Inferred by this app \(not the author's claim\) \(\d+\)$/, { within: threats });
      check(folds.length > 0, 'the lists fold no inferred chains under "Inferred by this app (not the author\'s claim) (N)"');
      await page.click(folds[0]);
      const inferred = await page.all('list', /^Inferred by this app/, { within: threats });
      check(inferred.length > 0, 'opening the fold shows no list named "Inferred by this app…"');
      const item = await page.closest(inferred[0], 'listitem');
      const entry = await page.js('return Array.from(arguments[0].children).find((c) => R.roleOf(c) === "button") || null;', item);
      const name = await page.name(entry);
      const threat = data.nodes.find((n) => n.kind === 'threat' && n.label.en === name);
      check(threat, `the list entry ${JSON.stringify(name)} is not a threat of the data set`);
      const chainText = await page.text(inferred[0]);
      check(/via/.test(chainText), `the inferred chain of "${name}" does not say through what it runs: ${JSON.stringify(chainText)}`);
      await page.press('Escape');
      // Selected, the threat's Details keep the inferred responses apart and say so.
      await page.open(`?lang=en&node=${threat.id}`);
      await expectDetailsTitle(page, threat.label.en, `the link to "${threat.label.en}"`);
      const { aside } = await details(page);
      const text = await page.text(aside);
      check(/Inferred by this app \(not the author's claim\)/.test(text), `the Details of "${threat.label.en}" do not mark its inferred chains as the app's: ${JSON.stringify(text.slice(0, 300))}`);
      // The graph draws the chain's nodes apart from the stated neighbours.
      const graph = await page.byRole('group', GRAPH);
      const classes = await page.js('return R.findAll("button", {}, arguments[0]).map((g) => g.getAttribute("class") || "");', graph);
      check(classes.some((c) => /\binferred\b/.test(c)), `with "${threat.label.en}" selected no graph node is drawn as inferred`);
      // A link the data set marks as a reading is shown as ours.
      const reading = data.raw.links.find((l) => l.basis === 'reading');
      if (reading) {
        const from = data.node(reading.source);
        await page.open(`?lang=en&node=${from.id}`);
        await expectDetailsTitle(page, from.label.en, `the link to "${from.label.en}"`);
        const t2 = await page.text((await details(page)).aside);
        check(/The map-maker's reading/.test(t2), `the Details of "${from.label.en}" do not mark its link to "${data.node(reading.target).label.en}" as our reading: ${JSON.stringify(t2.slice(0, 300))}`);
      }
    },
  },
];

export { CheckError };
