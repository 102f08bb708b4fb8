// Issue 6: accessibility, the parts every engine runs (axe-core runs in chromium-features.mjs).
// Specs written once and run in every engine by run.mjs (context: see specs.mjs).
//
// A keyboard-only walk through the page, and the list alternative to the graph.

import { check, CheckError } from '../support/page.mjs';
import { GRAPH, graphNodes, eventButton, details, expectDetailsTitle, expectFocused, pressed, menuItem } from './specs.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Presses Tab until `want(focused)` holds (at most `limit` times); returns the focused element and the path. */
async function tabUntil(page, want, what, limit = 40) {
  const path = [];
  for (let i = 0; i < limit; i++) {
    await page.press('Tab');
    const f = await page.focused();
    path.push(f ? await page.describe(f) : 'body');
    if (f && (await want(f))) return { el: f, path };
  }
  throw new CheckError(`${limit} Tabs never reached ${what}; focus went: ${path.join(' → ')}`);
}

export const specs = [
  {
    name: 'a11y: a keyboard-only walk',
    async run({ page, data }) {
      await page.open('?lang=en');
      const order = data.eventsByDate();
      // The header's controls, in order, by Tab alone.
      const headerControls = ['Search nodes', '中文', 'English', 'Share', 'Present the tour', 'More'];
      const banner = await page.byRole('banner');
      const seen = [];
      const path = [];
      for (let i = 0; i < 20 && seen.length < headerControls.length; i++) {
        await page.press('Tab');
        const f = await page.focused();
        path.push(f ? await page.describe(f) : 'body');
        if (f && (await page.js('return arguments[0].contains(arguments[1]);', banner, f))) seen.push(await page.name(f));
      }
      check(JSON.stringify(seen) === JSON.stringify(headerControls), `Tab through the header reaches ${JSON.stringify(seen)}, expected ${JSON.stringify(headerControls)} (focus went: ${path.join(' → ')})`);

      // On to the graph (it comes first, as on screen): arrows move between nodes, Enter
      // selects, Escape clears.
      const graph = await page.byRole('group', GRAPH);
      const { el: node, path: toGraph } = await tabUntil(page, async (f) => (await page.role(f)) === 'button' && (await page.js('return arguments[0].contains(arguments[1]);', graph, f)), 'a node in the graph', 60);
      check(toGraph.length <= 60, 'too many Tabs to reach the graph');
      let moved = null;
      // Some direction has a neighbour; a key with none leaves focus where it is.
      for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
        await page.press(key);
        moved = await page.until(async () => {
          const f = await page.focused();
          return f && !(await page.same(f, node)) && (await page.js('return arguments[0].contains(arguments[1]);', graph, f)) ? f : null;
        }, `${key} to move focus`, 1_000).catch(() => null);
        if (moved) break;
      }
      check(moved, 'no arrow key moves focus from the focused graph node to another node');
      const movedName = await page.name(moved);
      const movedNode = data.nodes.find((n) => movedName === data.nodeName(n) || movedName.startsWith(`${data.nodeName(n)},`));
      check(movedNode, `the focused node ${JSON.stringify(movedName)} is not in the data set`);
      await page.press('Enter');
      await expectDetailsTitle(page, movedNode.label.en, 'Enter on a graph node reached with the keyboard');
      await expectFocused(page, moved, 'the graph node after Enter');
      await page.press('Escape');
      await page.until(async () => /Select something in the graph or the timeline/.test(await page.text((await details(page)).aside)), 'Escape to clear the selection (Details show the "Select something…" hint)');

      // On into the timeline below it: the first event, selected with Enter.
      const list = await page.byRole('list', /^Timeline$/);
      const { el: event } = await tabUntil(page, async (f) => (await page.role(f)) === 'button' && (await page.js('return arguments[0].contains(arguments[1]);', list, f)), 'an event in the timeline');
      const eventName = await page.name(event);
      const picked = data.events.filter((e) => eventName.includes(e.title.en)).sort((a, b) => b.title.en.length - a.title.en.length)[0];
      check(picked, `the focused timeline button ${JSON.stringify(eventName)} names no event`);
      check(picked.id === order[0].id, `Tab into the timeline focuses "${picked.title.en}", expected the first event "${order[0].title.en}"`);
      await page.press('Enter');
      await expectDetailsTitle(page, picked.title.en, 'Enter on the focused event');
      check(await pressed(page, event), 'the event selected with Enter is not aria-pressed');

      // Escape there clears the selection too.
      await page.press('Escape');
      await page.until(async () => /Select something in the graph or the timeline/.test(await page.text((await details(page)).aside)), 'Escape in the timeline to clear the selection');
      await expectFocused(page, event, 'the event after Escape');
      // Keyboard help: "?" opens it, Escape closes it, focus comes back.
      await page.press('?');
      const help = await page.byRole('dialog', 'Keyboard help (?)', { exact: true }).catch(() => {
        throw new CheckError('"?" does not open the "Keyboard help (?)" dialog');
      });
      const inside = await page.focused();
      check(inside && (await page.js('return arguments[0].contains(arguments[1]);', help, inside)), `with the help open, focus is on ${inside ? await page.describe(inside) : 'the body'}, not in the dialog`);
      check(await page.js('return arguments[0].matches(":modal");', help).catch(() => true), 'the help dialog is not modal');
      await page.press('Escape');
      await page.gone('dialog', 'Keyboard help (?)', { exact: true });
      const back = await page.focused();
      check(back && (await page.same(back, event)), `after closing the help, focus is on ${back ? await page.describe(back) : 'the body'}, expected it back on the timeline event`);

      // The Share dialog, by keyboard: Enter on the button, Escape closes.
      const share = await page.byRole('button', 'Share', { exact: true });
      await page.focus(share);
      await page.press('Enter');
      const dialog = await page.byRole('dialog', 'Share this view', { exact: true });
      const f = await page.focused();
      check(f && (await page.js('return arguments[0].contains(arguments[1]);', dialog, f)), 'Enter on "Share" does not move focus into its dialog');
      await page.press('Escape');
      await page.gone('dialog', 'Share this view', { exact: true });
      await expectFocused(page, share, '"Share" after closing its dialog with Escape');
    },
  },

  {
    name: 'a11y: the list alternative holds exactly the threats and responses',
    async run({ page, data }) {
      for (const lang of ['en', 'zh']) {
        await page.open(`?lang=${lang}`);
        const item = await menuItem(page, lang === 'en' ? 'Read as lists' : '以列表阅读');
        await page.click(item);
        const dialog = await page.byRole('dialog', lang === 'en' ? 'Read as lists' : '以列表阅读', { exact: true });
        check(await page.js('return arguments[0].matches(":modal");', dialog).catch(() => true), `${lang}: the lists are not a modal dialog`);
        const lists = {
          threat: await page.byRole('list', lang === 'en' ? 'Threats and the responses that address them' : '威胁及应对它的措施', { exact: true, within: dialog }),
          response: await page.byRole('list', lang === 'en' ? 'Responses and the threats they address' : '应对措施及其针对的威胁', { exact: true, within: dialog }),
        };
        for (const [kind, list] of Object.entries(lists)) {
          // The list's own entries: the buttons of its direct items.
          const names = await page.js(`
            return Array.from(arguments[0].children).filter((li) => R.roleOf(li) === 'listitem')
              .map((li) => Array.from(li.children).find((c) => R.roleOf(c) === 'button')).filter(Boolean).map((b) => R.nameOf(b));`, list);
          const want = data.nodes.filter((n) => n.kind === kind).map((n) => n.label[lang]);
          const missing = want.filter((w) => !names.includes(w));
          const extra = names.filter((n) => !want.includes(n));
          check(names.length === want.length && !missing.length && !extra.length,
            `${lang}: the ${kind} list has ${names.length} entries, the data set ${want.length} ${kind}s; missing: ${JSON.stringify(missing.slice(0, 5))}; extra: ${JSON.stringify(extra.slice(0, 5))}`);
        }
        // Clicking a threat there selects it.
        const threat = data.nodes.find((n) => n.kind === 'threat');
        const entry = await page.byRole('button', threat.label[lang], { exact: true, within: lists.threat });
        await page.click(entry);
        await page.until(() => pressed(page, entry), `${lang}: the list entry of "${threat.label[lang]}" to be aria-pressed after clicking it`);
        const { nodes } = await graphNodes(page);
        const names = await page.names(nodes);
        const i = names.findIndex((n) => n === data.nodeName(threat, lang) || n.startsWith(`${data.nodeName(threat, lang)},`));
        check(i >= 0 && (await pressed(page, nodes[i])), `${lang}: the threat selected in the list is not aria-pressed in the graph`);
        // A response addressing it is listed under it.
        const responders = data.raw.links.filter((l) => l.target === threat.id && l.relation === 'addresses').map((l) => data.node(l.source)).filter((n) => n && n.kind === 'response');
        if (responders.length) {
          const item = await page.closest(entry, 'listitem');
          const text = await page.text(item);
          check(responders.some((r) => text.includes(r.label[lang])), `${lang}: the list entry of "${threat.label[lang]}" does not list a response that addresses it (${responders.map((r) => r.label[lang]).join(', ')})`);
        }
        // Closing the lists shows the selection in Details.
        await page.press('Escape');
        await page.gone('dialog', lang === 'en' ? 'Read as lists' : '以列表阅读', { exact: true });
        await expectDetailsTitle(page, threat.label[lang], `${lang}: after choosing "${threat.label[lang]}" in the lists and closing them`);
      }
    },
  },
];
