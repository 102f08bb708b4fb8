// Data sets made up by the tests (docs/data-format.md, format "argument-atlas/1"): a small valid
// one, one with markup in every text field, invalid ones with known problems, and oversized ones.
// They are generated here instead of checked in, so that each spec shows what it feeds the app.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const translation = (text) => ({ lang: 'en', text, basis: 'ours' });
const src = (quote = '共同安全才是应对数字安全困境的有效路径', en = 'only common security is the effective path out of the digital security dilemma') =>
  [{ para: 'P17', quote, translation: translation(en) }];
const text = (en, zh = en) => ({ zh, en });

/**
 * A small valid data set. `tag` makes its title and labels unique, so a spec can tell it from
 * the built-in article. Three threats, two responses, an actor, a cycle of links (a → b → c → a),
 * two events and a two-step tour (the second reveals its nodes one at a time).
 */
export function smallDataSet(tag = 'Test reading') {
  const node = (id, kind, en, zh, extra = {}) => ({
    id, kind, label: text(en, zh), summary: text(`${en}: summary.`, `${zh}：摘要。`), sources: src(), ...extra,
  });
  return {
    format: 'argument-atlas/1',
    meta: { title: text(tag, `${tag}（中文）`), author: text('Test Author', '测试作者'), year: 2024, citation: text('Test Author, 2024.', '测试作者，2024年。') },
    groups: [{ id: 'alpha', label: text('Alpha group', '甲组') }],
    nodes: [
      node('threat-a', 'threat', `${tag} threat A`, `${tag} 威胁甲`, { group: 'alpha' }),
      node('threat-b', 'threat', `${tag} threat B`, `${tag} 威胁乙`),
      node('threat-c', 'threat', `${tag} threat C`, `${tag} 威胁丙`),
      node('response-a', 'response', `${tag} response A`, `${tag} 应对甲`),
      node('response-b', 'response', `${tag} response B`, `${tag} 应对乙`),
      node('actor-a', 'actor', `${tag} actor`, `${tag} 行为体`),
    ],
    links: [
      { source: 'threat-a', target: 'threat-b', relation: 'drives', note: text('A drives B.'), sources: src() },
      { source: 'threat-b', target: 'threat-c', relation: 'drives', note: text('B drives C.'), sources: src() },
      { source: 'threat-c', target: 'threat-a', relation: 'drives', note: text('C drives A: a cycle.'), sources: src() },
      { source: 'response-a', target: 'threat-a', relation: 'addresses', note: text('Response A addresses A.'), sources: src() },
      { source: 'response-b', target: 'threat-c', relation: 'mitigates', note: text('Response B mitigates C.'), sources: src() },
      { source: 'actor-a', target: 'response-a', relation: 'proposes', note: text('The actor proposes A.'), sources: src() },
    ],
    events: [
      { id: 'event-one', date: '2023-03', actor: 'actor-a', title: text(`${tag} event one`, `${tag} 事件一`), summary: text('One.'), sources: src(), nodes: ['threat-a'] },
      { id: 'event-two', date: '2023-06-01', actor: 'actor-a', title: text(`${tag} event two`, `${tag} 事件二`), summary: text('Two.'), sources: src(), nodes: ['response-a'] },
    ],
    argument: { thesis: { text: text('The thesis.', '论点。'), sources: src(), nodes: ['response-a'] }, principles: ['response-a'], models: [] },
    tour: [
      { id: 'step-one', title: text(`${tag} step one`, `${tag} 第一步`), text: text('First step.', '第一步。'), nodes: ['threat-a'], events: ['event-one'] },
      { id: 'step-two', title: text(`${tag} step two`, `${tag} 第二步`), text: text('Second step.', '第二步。'), nodes: ['threat-a', 'threat-b', 'threat-c'], reveal: true, notes: text('Notes.', '备注。') },
    ],
  };
}

/** Markup that must stay text: an <img> with an onerror handler and a <script>. */
export const PAYLOADS = [
  '<img src=x onerror=window.__pwned=1>',
  '<script>window.__pwned=1</script>',
];

/**
 * A valid data set with markup in every text field a reader can see: title, author, citation,
 * group label, node labels and summaries, link notes, event titles, summaries and official
 * title, quotes, the thesis, tour titles, texts and notes. Returns { data, texts } where
 * `texts` lists the distinct visible strings (for "shown literally" checks).
 */
export function hostileDataSet() {
  const [img, script] = PAYLOADS;
  const both = (label) => ({ zh: `${label} ${script}`, en: `${label} ${img}` });
  const quote = `引文 ${img} ${script}`;
  const sources = [{ para: 'P01', quote, translation: translation(`Quote ${img} ${script}`) }];
  const node = (id, kind, label) => ({ id, kind, label: both(label), summary: both(`${label} summary`), sources });
  const data = {
    format: 'argument-atlas/1',
    meta: { title: both('Hostile title'), author: both('Hostile author'), year: 2024, citation: both('Hostile citation') },
    groups: [{ id: 'evil', label: both('Hostile group') }],
    nodes: [
      { ...node('threat-x', 'threat', 'Threat'), group: 'evil' },
      node('response-x', 'response', 'Response'),
      node('actor-x', 'actor', 'Actor'),
    ],
    links: [
      { source: 'response-x', target: 'threat-x', relation: 'addresses', note: both('Link note'), sources },
      { source: 'actor-x', target: 'response-x', relation: 'proposes', note: both('Other note'), sources },
    ],
    events: [{
      id: 'event-x', date: '2023-03', actor: 'actor-x', title: both('Event'), summary: both('Event summary'), sources,
      official_title: { lang: 'en', text: `Official ${img}` }, nodes: ['threat-x', 'response-x'],
      outside_date: { date: '2023-03-02', note: both('Outside note') },
    }],
    argument: { thesis: { text: both('Thesis'), sources, nodes: ['threat-x'] }, principles: ['response-x'], models: [] },
    tour: [{ id: 'step-x', title: both('Step'), text: both('Step text'), nodes: ['threat-x', 'response-x'], events: ['event-x'], notes: both('Notes') }],
  };
  return { data, img, script, quote };
}

/**
 * An invalid data set with one problem of each kind the spec checks, at known paths:
 * a link to a missing node, a duplicate node id, wrong types, an impossible date.
 * Returns { data, expected: [{ path, message }] } (English messages as the app shows them).
 */
export function invalidDataSet() {
  const data = smallDataSet('Invalid reading');
  data.links[0].target = 'no-such-node';
  data.nodes[2].id = 'threat-a';
  data.meta.year = 'two thousand';
  data.nodes[1].label = 42;
  data.events[0].date = '2023-13-45';
  return {
    data,
    expected: [
      { path: 'links[0].target', message: 'no node "no-such-node"' },
      { path: 'nodes[2].id', message: 'id "threat-a" is already used at nodes[0]' },
      { path: 'meta.year', message: 'expected a whole number, found a string' },
      { path: 'nodes[1].label', message: 'expected an object, found a number' },
      { path: 'events[0].date', message: '"2023-13-45" is not a date' },
    ],
  };
}

/** A data set with `count` small nodes (compact JSON). */
export function manyNodes(count) {
  const data = smallDataSet('Many nodes');
  const nodes = [];
  for (let i = 0; i < count; i++) {
    nodes.push({ id: `n${i}`, kind: 'concept', label: { zh: `n${i}`, en: `n${i}` }, summary: { zh: 's', en: 's' }, sources: [{ para: 'P01', quote: 'abcd', translation: translation('abcd') }] });
  }
  data.nodes = [...data.nodes, ...nodes];
  return data;
}

/** A JSON text of at least `bytes` bytes (a valid data set padded with a long unknown field). */
export function paddedText(bytes) {
  const base = JSON.stringify(smallDataSet('Padded reading'));
  const pad = Math.max(0, bytes - base.length - 20);
  return `${base.slice(0, -1)},"padding":"${'x'.repeat(pad)}"}`;
}

/** A temporary directory for files the browser reads; remove() deletes it. */
export function tempDir(prefix = 'atlas-e2e-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write(name, content) {
      const file = join(dir, name);
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 1));
      return file;
    },
    remove() { rmSync(dir, { recursive: true, force: true }); },
  };
}

/**
 * A short English text written for the tests (not from any publication), in numbered passages:
 * the source of `englishReading`, as a teacher would paste it.
 */
export const TRUST_TEXT = [
  ['P1', 'Shared infrastructure works only while its users trust one another. A water board, a seed bank or a public code library depends on contributors who cannot see each other\'s motives.'],
  ['P2', 'When one member starts to treat the common resource as a weapon, the others hoard. Hoarding looks prudent to each of them and ruinous to all of them together.'],
  ['P3', 'Rules alone do not restore trust. Rules that nobody enforces teach members that defection is cheap, and the next crisis arrives sooner.'],
  ['P4', 'What restores trust is repeated, visible reciprocity: small exchanges that each side can check, kept up long enough to make cooperation the habit.'],
  ['P5', 'In 2019 the regional water board tried open ledgers for a season, and by the following spring the hoarding had stopped.'],
];

/**
 * A reading written in English alone (`meta.languages: ["en"]`) that carries its source text:
 * 5 nodes, 4 links, 1 event and a 2-step tour, every quote verbatim from `TRUST_TEXT`. The last
 * node has no summary and the last link no note (both optional: its quote speaks for it).
 */
export function englishReading(tag = 'Trust in shared infrastructure') {
  const src = (para, quote) => [{ para, quote }];
  const node = (id, kind, label, summary, para, quote) => ({ id, kind, label: { en: label }, ...(summary ? { summary: { en: summary } } : {}), sources: src(para, quote) });
  const en = (text) => ({ en: text });
  return {
    format: 'argument-atlas/1',
    meta: { title: en(tag), author: en('A. Teacher'), year: 2024, citation: en('A. Teacher, "Trust in shared infrastructure", course notes, 2024.'), languages: ['en'] },
    groups: [],
    nodes: [
      node('weaponisation', 'threat', 'Weaponised commons', 'A member treats the shared resource as a weapon.', 'P2', 'treat the common resource as a weapon'),
      node('hoarding', 'threat', 'Hoarding', 'Each member hoards; prudent alone, ruinous together.', 'P2', 'Hoarding looks prudent to each of them'),
      node('unenforced-rules', 'threat', 'Unenforced rules', 'Rules nobody enforces make defection cheap.', 'P3', 'Rules that nobody enforces teach members that defection is cheap'),
      node('visible-reciprocity', 'response', 'Visible reciprocity', 'Repeated small exchanges each side can check.', 'P4', 'repeated, visible reciprocity'),
      node('water-board', 'actor', 'Regional water board', null, 'P5', 'the regional water board tried open ledgers'),
    ],
    links: [
      { source: 'weaponisation', target: 'hoarding', relation: 'drives', note: en('Weaponising the commons makes the others hoard.'), sources: src('P2', 'the others hoard') },
      { source: 'unenforced-rules', target: 'hoarding', relation: 'aggravates', note: en('Cheap defection brings the next crisis sooner.'), sources: src('P3', 'the next crisis arrives sooner') },
      { source: 'visible-reciprocity', target: 'hoarding', relation: 'addresses', note: en('Reciprocity restores the trust hoarding lost.'), sources: src('P4', 'What restores trust is repeated, visible reciprocity') },
      { source: 'water-board', target: 'visible-reciprocity', relation: 'exemplifies', sources: src('P5', 'tried open ledgers for a season') },
    ],
    events: [
      { id: 'open-ledgers', date: '2019', actor: 'water-board', title: en('Open-ledger season'), summary: en('The water board keeps open ledgers; hoarding stops by spring.'), sources: src('P5', 'by the following spring the hoarding had stopped'), nodes: ['hoarding', 'visible-reciprocity'] },
    ],
    argument: { thesis: { text: en('Only visible reciprocity restores the trust shared infrastructure needs.'), sources: src('P4', 'make cooperation the habit'), nodes: ['visible-reciprocity'] }, principles: ['visible-reciprocity'], models: [] },
    tour: [
      { id: 'the-spiral', title: en('How trust breaks'), text: en('Weaponising the commons drives hoarding.'), nodes: ['weaponisation', 'hoarding'], events: [] },
      { id: 'the-way-out', title: en('How it returns'), text: en('Visible reciprocity, as the water board showed.'), nodes: ['visible-reciprocity', 'water-board'], events: ['open-ledgers'] },
    ],
    source_text: { paragraphs: TRUST_TEXT.map(([locator, text]) => ({ locator, text })) },
  };
}
