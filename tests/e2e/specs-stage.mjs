// Presenting in a seminar: specs written once and run in every engine by run.mjs (context: see
// specs.mjs).
//
// Every state of the tour on a 1280×720 projector shows what its caption talks about: the step's
// revealed nodes in the window and not covered, their names, its events whole on the strip, a
// title that reads across a room, nothing to scroll, at most four presses a step. The presenter
// view, in a window of its own, follows the stage and drives it.

import { check, CheckError, SkipError } from '../support/page.mjs';
import { GRAPH, graphNode } from './specs.mjs';
import { atViewport } from './specs-screen.mjs';

/** The stage's state, read in the page: the caption, the step's nodes and events as drawn. */
function stageState(page, stepNodeNames, stepEventTitles) {
  return page.js(`
    const [names, titles] = [arguments[0], arguments[1]];
    const d = document.documentElement;
    const panel = document.querySelector('.tour-panel');
    if (!panel) return null;
    const text = R.norm(panel.innerText);
    const step = /Step\\s+(\\d+)\\s*\\/\\s*(\\d+)/.exec(text);
    const shown = /Shown (\\d+) of (\\d+)/.exec(text);
    const title = panel.querySelector('h2');
    const svg = document.querySelector('svg.graph-svg');
    const g = svg.getBoundingClientRect();
    const nodes = [...svg.querySelectorAll('g.node')].filter((n) => names.some((m) => (n.getAttribute('aria-label') || '').startsWith(m)));
    const lit = nodes.filter((n) => Number(getComputedStyle(n.querySelector("path.shape")).opacity) > 0.5).map((n) => {
      const r = n.querySelector('path.shape').getBoundingClientRect();
      const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
      const at = document.elementFromPoint(cx, cy);
      const label = n.querySelector('text.label');
      return {
        name: n.getAttribute('aria-label'),
        inside: cx >= g.left && cx <= g.right && cy >= g.top && cy <= g.bottom && r.right <= innerWidth && r.bottom <= innerHeight,
        covered: !(at && n.contains(at)) ? (at ? R.describe(at) : 'nothing') : null,
        labelled: !!label && label.getAttribute('display') !== 'none',
        labelPx: label ? parseFloat(getComputedStyle(label).fontSize) : 0,
      };
    });
    const list = document.querySelector('ol.events');
    const strip = document.querySelector('.timeline-pane');
    const s = strip && getComputedStyle(strip).display !== 'none' ? strip.getBoundingClientRect() : null;
    const cards = titles.map((t) => {
      const b = list && [...list.querySelectorAll('button')].find((x) => x.textContent.includes(t));
      if (!b || getComputedStyle(b).display === 'none' || b.getBoundingClientRect().width === 0) return { title: t, shown: false };
      const r = b.getBoundingClientRect();
      const tt = b.querySelector('.event-title') || b;
      const box = (q) => q && [q.left, q.top, q.right, q.bottom].map(Math.round).join(',');
      return { title: t, shown: true, inside: !!s && r.left >= s.left - 1 && r.right <= s.right + 1 && r.top >= s.top - 1 && r.bottom <= Math.min(s.bottom, innerHeight) + 1,
        where: 'card ' + box(r) + ' strip ' + box(s),
        whole: tt.scrollHeight <= tt.clientHeight + 1 && tt.scrollWidth <= tt.clientWidth + 1, px: parseFloat(getComputedStyle(tt).fontSize) };
    });
    return {
      // The graph or the strip still moving (the app marks a region busy while it animates).
      busy: !!document.querySelector('[aria-busy="true"]'),
      step: step ? +step[1] : null, of: step ? +step[2] : null,
      revealed: shown ? +shown[1] : null, reveals: shown ? +shown[2] : 1,
      titlePx: title ? parseFloat(getComputedStyle(title).fontSize) : 0,
      scroll: { x: d.scrollWidth - d.clientWidth, y: d.scrollHeight - d.clientHeight },
      lit, cards,
    };`, stepNodeNames, stepEventTitles);
}

/** Waits until the stage shows step `k` (1-based) with `revealed` reveals, and has stopped moving. */
async function settledStage(page, data, k, revealed, why) {
  const step = data.raw.tour[k - 1];
  const names = step.nodes.map((id) => data.nodeName(data.node(id)));
  const titles = (step.events ?? []).map((id) => data.events.find((e) => e.id === id).title.en);
  let last = null;
  let previous = null;
  await page.until(async () => {
    last = await stageState(page, names, titles);
    const ready = last && !last.busy && last.step === k && (revealed === null || (last.revealed ?? 1) === revealed);
    const still = ready && previous && JSON.stringify(previous) === JSON.stringify(last);
    previous = ready ? last : null;
    return still;
  }, `step ${k}${revealed === null ? '' : `, reveal ${revealed}`}`, 15_000).catch(() => {
    throw new CheckError(`${why}: expected step ${k}${revealed === null ? '' : ` (reveal ${revealed})`}, the stage shows ${last ? `step ${last.step} (reveal ${last.revealed})` : 'no caption'}`);
  });
  return { ...last, names, titles };
}

/** Opens the built-in reading in English and presents its tour (F5), the pointer out of the way. */
async function startPresenting(page) {
  await page.open('?lang=en');
  await page.mouseAway();
  await page.press('F5');
}

/** White space as the page's R.norm folds it. */
const R_norm = (text) => text.replace(/\s+/g, ' ').trim();

export const specs = [
  {
    name: 'stage: every state of the tour at 1280×720 shows what its caption talks about',
    async run({ page, data, note }) {
      const steps = data.raw.tour ?? [];
      check(steps.length >= 2, 'the data set needs a tour');
      await atViewport(page, 1280, 720, async () => {
        await startPresenting(page);
        let presses = 0;
        let unlabelled = 0;
        let lit = 0;
        for (let k = 1; k <= steps.length; k++) {
          let revealed = 1;
          for (;;) {
            const at = `step ${k} "${steps[k - 1].title.en}", reveal ${revealed}`;
            const s = await settledStage(page, data, k, steps[k - 1].reveal ? revealed : null, at);
            check(s.scroll.x <= 0 && s.scroll.y <= 0, `${at}: the page scrolls (${s.scroll.x}, ${s.scroll.y} px)`);
            check(s.titlePx >= 28, `${at}: the caption's title is ${s.titlePx} px (at least 28 to be read across a room)`);
            check(s.reveals <= 4, `${at}: the step takes ${s.reveals} presses (at most 4)`);
            check(s.lit.length > 0, `${at}: none of the step's nodes is shown`);
            for (const n of s.lit) {
              check(n.inside, `${at}: "${n.name}" lies outside the graph or the window`);
              check(!n.covered, `${at}: "${n.name}" is covered by ${n.covered}`);
              if (n.labelled) check(n.labelPx >= 16, `${at}: "${n.name}" is labelled at ${n.labelPx} px (at least 16 on the stage)`);
            }
            const last = revealed >= s.reveals;
            if (last) {
              check(s.lit.length === s.names.length, `${at}: the whole step shows ${s.lit.length} of its ${s.names.length} nodes`);
              lit += s.lit.length;
              unlabelled += s.lit.filter((n) => !n.labelled).length;
              for (const c of s.cards) {
                check(c.shown && c.inside, `${at}: the event "${c.title}" is not wholly on the strip (${c.where ?? 'not shown'})`);
                check(c.whole, `${at}: the card of "${c.title}" cuts its title`);
                check(c.px >= 16, `${at}: the card of "${c.title}" is set at ${c.px} px (at least 16 on the stage)`);
              }
            }
            await page.screenshot(`stage-${String(k).padStart(2, '0')}-${revealed}`);
            if (last) break;
            await page.press('PageDown');
            presses++;
            revealed++;
          }
          if (k < steps.length) {
            await page.press('PageDown');
            presses++;
          }
        }
        // At the tour's end "Next step" leads nowhere, and says so; one state back it leads on.
        const nextStep = () => page.byRole('button', 'Next step', { exact: true });
        check(await page.prop(await nextStep(), 'disabled'), 'at the tour\'s end "Next step" is not disabled');
        await page.press('PageUp');
        await page.until(async () => !(await page.prop(await nextStep(), 'disabled')), '"Next step" to lead on one state before the end');
        // Names: most of what the whole steps show is named (the rest by hovering).
        check(unlabelled <= lit * 0.22, `the whole steps leave ${unlabelled} of ${lit} shown nodes without a name`);
        note(`${presses + 1} presses for the whole tour; ${lit - unlabelled} of ${lit} nodes of the whole steps named`);
      });
    },
  },

  {
    // Trial 13's student clicked a node during the tour and saw nothing but its highlight: the
    // details pane is not on the stage.
    name: 'stage: a node clicked on the stage shows its quote under the caption, for its step',
    async run({ page, data }) {
      const steps = data.raw.tour ?? [];
      check(steps.length >= 2, 'the data set needs a tour');
      await atViewport(page, 1280, 720, async () => {
        await startPresenting(page);
        const panel = await page.byRole('region', steps[0].title.en, { exact: true });
        const node = data.nodes.find((n) => n.id === steps[0].nodes[0]);
        const raw = data.raw.nodes.find((n) => n.id === node.id);
        const quote = () => page.js(`const q = document.querySelector('.tour-panel .stage-quote');
          if (!q) return null;
          const r = q.getBoundingClientRect();
          return { text: R.norm(q.textContent), px: parseFloat(getComputedStyle(q).fontSize), inside: r.top >= 0 && r.bottom <= innerHeight && r.height > 0 };`);
        check((await quote()) === null, `the caption shows a quote before anything is chosen: ${JSON.stringify(await quote())}`);
        await page.click(await graphNode(page, data, node));
        const shown = await page.until(quote, `the quote of "${node.label.en}" under the caption`);
        // (The quotation marks are the <q> element's, drawn by CSS.)
        const want = `${node.label.en}: ${R_norm(raw.sources[0].quote)} [${raw.sources[0].para}]`;
        check(shown.text.startsWith(want), `under the caption: ${JSON.stringify(shown.text)}; expected it to start ${JSON.stringify(want)}`);
        check(shown.inside && shown.px >= 16, `the quote is ${shown.px} px, ${shown.inside ? 'in' : 'out of'} the window`);
        // In English the Chinese words are marked as translated, with what the translation is.
        const translation = raw.sources[0].translation;
        if (translation?.lang === 'en') {
          check(shown.text.includes('Translation (') && shown.text.includes(R_norm(translation.text)),
            `the quote's translation is not shown marked: ${JSON.stringify(shown.text)}`);
        }
        // Closed by its button; chosen again, it lasts until the next step.
        await page.click(await page.byRole('button', 'Close the quote', { exact: true, within: panel }));
        await page.until(async () => (await quote()) === null, 'the quote to close');
        await page.click(await graphNode(page, data, node));
        await page.until(quote, `the quote of "${node.label.en}" again`);
        const stepOf = () => page.js('const m = /Step\\s+(\\d+)/.exec(R.norm(document.querySelector(".tour-panel").innerText)); return m ? Number(m[1]) : null;');
        const caption = () => page.js('return R.norm(document.querySelector(".tour-panel").innerText);');
        for (let presses = 0; (await stepOf()) === 1 && presses < 6; presses++) {
          const before = await caption();
          await page.press('PageDown');
          await page.until(async () => (await caption()) !== before, 'the stage to move on');
          // A reveal within the step keeps the quote.
          if ((await stepOf()) === 1) check((await quote()) !== null, 'a reveal within the step closed the quote');
        }
        check((await stepOf()) === 2, `the stage is at step ${await stepOf()} after the presses`);
        await page.until(async () => (await quote()) === null, 'the next step to show no quote of the last one\'s choice').catch(async (e) => {
          throw new CheckError(`${e.message}; it shows ${JSON.stringify(await quote())}`);
        });
      });
    },
  },

  {
    name: 'stage: the presenter view follows the stage, and the stage follows it',
    async run({ page, data, engine }) {
      const steps = data.raw.tour;
      const k = steps.findIndex((s) => s.reveal) + 1;
      check(k > 0, 'the tour has no revealing step');
      await page.open(`?lang=en&tour=${k}`);
      const stage = await page.session.windowHandle();
      const before = await page.session.windowHandles();
      await page.js('window.__notReloaded = true;');
      // A whole step: back to its first reveal, so presses reveal before they step.
      await page.press('PageUp');
      await page.press('PageDown');
      await page.click(await page.byRole('button', 'Presenter view', { exact: true }));
      const handles = await page.until(async () => {
        const now = await page.session.windowHandles();
        return now.length > before.length ? now : null;
      }, 'the presenter view to open in a window of its own', 10_000).catch(async () => {
        const notices = await page.all('status', 'Notices', { exact: true });
        const text = notices.length ? await page.text(notices[0]) : '';
        if (/pop-up|cannot open/.test(text)) throw new SkipError(`${engine} under WebDriver blocks the second window: ${text}`);
        throw new CheckError(`"Presenter view" opened no window (notices: ${JSON.stringify(text)})`);
      });
      const presenter = handles.find((h) => !before.includes(h));
      try {
        await page.session.switchToWindow(presenter);
        await page.installCollectors();
        const title = steps[k - 1].title.en;
        const current = await page.byRole('region', title, { exact: true });
        const text = await page.text(current);
        check(new RegExp(`Step ${k} / ${steps.length}`).test(text), `the presenter view shows ${JSON.stringify(text.slice(0, 80))}, not step ${k}`);
        const notes = await page.byRole('region', 'Speaker notes', { exact: true });
        const noteText = (steps[k - 1].notes?.en ?? '').slice(0, 40);
        check(noteText && (await page.text(notes)).includes(noteText), `the presenter view does not show the step's notes ("${noteText}…")`);
        const next = await page.byRole('region', 'Next', { exact: true });
        check(/next press reveals|Step \d+:/i.test(await page.text(next)), `"Next" says ${JSON.stringify(await page.text(next))}`);
        check(/Elapsed \d+:\d\d/.test(await page.js('return document.body.innerText;')), 'the presenter view shows no clock');
        // Escape there does not end the projected tour.
        await page.press('Escape');
        // Its keys drive the stage.
        await page.press('PageDown');
        await page.until(async () => /Shown 2 of/.test(await page.text(await page.byRole('region', title, { exact: true }))), 'the presenter view to show the second reveal');
        await page.session.switchToWindow(stage);
        await page.until(async () => /Shown 2 of/.test(await page.js('const p = document.querySelector(".tour-panel"); return p ? p.innerText : "";')),
          'the stage to follow the presenter\'s press (reveal 2)').catch(async () => {
          throw new CheckError(`a press in the presenter view did not move the stage: it shows ${JSON.stringify(await page.js('const p = document.querySelector(".tour-panel"); return p ? p.innerText.slice(0, 120) : "no tour";'))}`);
        });
        // And the stage's keys drive it.
        await page.press('PageUp');
        await page.until(async () => {
          const t = await page.js('const p = document.querySelector(".tour-panel"); return p ? p.innerText : "";');
          return new RegExp(`Step ${k - 1} /`).test(t);
        }, 'PageUp on the stage to go back a step');
        await page.session.switchToWindow(presenter);
        await page.until(async () => (await page.all('region', steps[k - 2].title.en, { exact: true })).length === 1, 'the presenter view to follow the stage back a step');
        const errors = await page.pageErrors();
        check(errors.length === 0, `errors in the presenter view: ${errors.join(' | ')}`);
      } finally {
        await page.session.switchToWindow(presenter).catch(() => {});
        await page.session.closeWindow().catch(() => {});
        await page.session.switchToWindow(stage).catch(() => {});
      }
      check(await page.js('return window.__notReloaded === true;'), 'the stage was reloaded');
    },
  },
];
