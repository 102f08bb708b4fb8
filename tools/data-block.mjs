// The built-in data set's place in a built page: a <script type="application/json"
// id="atlas-data"> block, which browsers never execute (so no Content-Security-Policy entry is
// needed) and the app reads on start. Beside it, the layout block (id="atlas-layout"): the data
// set's force layout settled at build time, which the app uses instead of settling it when the
// block names the same data text (atlas_core::precomputed). tools/postbuild.mjs writes both into
// both builds; the tests use the same functions to build pages with other contents.

/** Matches the data block in a page, with the white space after it. */
export const DATA_BLOCK = /<script type="application\/json" id="atlas-data">[\s\S]*?<\/script>\s*/g;
/** Matches the layout block in a page, with the white space after it. */
export const LAYOUT_BLOCK = /<script type="application\/json" id="atlas-layout">[\s\S]*?<\/script>\s*/g;

/**
 * A JSON block with `id` for a text. The text goes in as written (the data text's fingerprint
 * keys the user's saved pins and the layout block) except that every "<" becomes the JSON escape
 * \u003c, which reads back as the same string, so no "</script>" inside a text can end the block
 * early.
 */
function jsonBlock(id, text) {
  return `<script type="application/json" id="${id}">${text.replace(/</g, '\\u003c')}</script>`;
}

/** The data block for a data set's text. */
export function dataBlock(text) {
  return jsonBlock('atlas-data', text);
}

/** The page with `pattern`'s block (if any) replaced by `block`, just before </body>. */
function withBlock(html, pattern, block) {
  const bare = html.replace(pattern, '');
  if (!bare.includes('</body>')) throw new Error('data-block: no </body> in the page');
  return bare.replace('</body>', () => `${block}\n</body>`);
}

/** The page with its data block (if any) replaced by one for `text`. */
export function withDataBlock(html, text) {
  return withBlock(html, DATA_BLOCK, dataBlock(text));
}

/** The page with its layout block (if any) replaced by one holding `json`. */
export function withLayoutBlock(html, json) {
  return withBlock(html, LAYOUT_BLOCK, jsonBlock('atlas-layout', json));
}
