// The built-in data set's place in a built page: a <script type="application/json"
// id="atlas-data"> block, which browsers never execute (so no Content-Security-Policy entry is
// needed) and the app reads on start. Beside it, the layout block (id="atlas-layout"): the data
// set's force layout settled at build time, keyed by the fingerprint of the data block's text as
// the page holds it; the app uses it instead of settling the layout when that text matches
// (atlas_core::precomputed). tools/postbuild.mjs writes both into both builds; the tests use the
// same functions to build pages with other contents.
//
// Also a command, to put another reading into a built page without rebuilding the app:
//
//   node tools/data-block.mjs pkg/index.html path/to/reading.json
//
// It writes both blocks (the layout needs cargo; without it the page gets no layout block and
// settles the layout itself, a little slower to start). With cargo, a data set the app would not
// load is refused with its problems and the page is left as it was; without it, only text that
// is not JSON is refused, and the page shows any other problem when opened.

import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Matches the data block in a page, with the white space after it. */
export const DATA_BLOCK = /<script type="application\/json" id="atlas-data">[\s\S]*?<\/script>\s*/g;
/** Matches the layout block in a page, with the white space after it. */
export const LAYOUT_BLOCK = /<script type="application\/json" id="atlas-layout">[\s\S]*?<\/script>\s*/g;

/**
 * A text as a JSON block holds it, which is exactly what the page reads back: every "<" becomes
 * the JSON escape \u003c (the same string once parsed, and no "</script>" inside a text can end
 * the block early), and line ends are LF (the HTML parser turns CR LF into LF anyway; in JSON,
 * line ends only occur as white space between tokens).
 */
export function blockText(text) {
  return text.replace(/\r\n?/g, '\n').replace(/</g, '\\u003c');
}

function jsonBlock(id, text) {
  return `<script type="application/json" id="${id}">${blockText(text)}</script>`;
}

/** The data block for a data set's text. */
export function dataBlock(text) {
  return jsonBlock('atlas-data', text);
}

/** The page with `pattern`'s block (if any) replaced by `block` (or removed, for null), just before </body>. */
function withBlock(html, pattern, block) {
  const bare = html.replace(pattern, '');
  if (block === null) return bare;
  if (!bare.includes('</body>')) throw new Error('data-block: no </body> in the page');
  return bare.replace('</body>', () => `${block}\n</body>`);
}

/** The page with its data block (if any) replaced by one for `text`. */
export function withDataBlock(html, text) {
  return withBlock(html, DATA_BLOCK, dataBlock(text));
}

/** The page with its layout block (if any) replaced by one holding `json`, or removed for null. */
export function withLayoutBlock(html, json) {
  return withBlock(html, LAYOUT_BLOCK, json === null ? null : jsonBlock('atlas-layout', json));
}

/**
 * The layout block's JSON for a data set's text, keyed by the text as its data block holds it:
 * the core settles it natively (`cargo run --example layout_block`). Throws, with the data set's
 * problems printed above, when cargo is missing or the data set is not valid.
 */
export function layoutBlockJson(text) {
  try {
    const json = execFileSync('cargo', ['run', '--quiet', '--offline', '-p', 'atlas-core', '--example', 'layout_block', '--', '-'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      input: blockText(text),
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'inherit'],
    }).trim();
    JSON.parse(json);
    return json;
  } catch (err) {
    const missingCargo = err.code === 'ENOENT';
    // The example exits with 1 on a data set it cannot load, after printing every problem.
    const why = missingCargo
      ? 'cargo was not found (install Rust, or run tools/setup.sh)'
      : err.status === 1
        ? 'the data set is not valid (its problems are listed above)'
        : `cargo run failed (${err.status === null || err.status === undefined ? err.message.split('\n')[0] : `status ${err.status}`})`;
    throw Object.assign(new Error(`data-block: no layout block: ${why}`), { missingCargo });
  }
}

/** The page with both blocks for a data set's text. */
export function withDataAndLayoutBlocks(html, text) {
  return withLayoutBlock(withDataBlock(html, text), layoutBlockJson(text));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [page, reading] = process.argv.slice(2);
  if (!page || !reading) {
    console.error('usage: node tools/data-block.mjs PAGE.html READING.json');
    process.exit(2);
  }
  const text = readFileSync(reading, 'utf8');
  try {
    JSON.parse(text);
  } catch (err) {
    console.error(`${reading}: not JSON: ${err.message}`);
    process.exit(1);
  }
  let html = withDataBlock(readFileSync(page, 'utf8'), text);
  try {
    html = withLayoutBlock(html, layoutBlockJson(text));
  } catch (err) {
    if (!err.missingCargo) {
      console.error(`${err.message}; ${page} is left as it was`);
      process.exit(1);
    }
    html = withLayoutBlock(html, null);
    console.error(`${err.message}; the page settles the layout itself`);
  }
  // Written beside the page, then renamed over it: a failed write never leaves half a page.
  writeFileSync(`${page}.tmp`, html);
  renameSync(`${page}.tmp`, page);
  console.log(`${page}: ${html.includes('id="atlas-layout"') ? 'data block and layout block' : 'data block'} written from ${reading}`);
}
