// The built-in data set's place in a built page: a <script type="application/json"
// id="atlas-data"> block, which browsers never execute (so no Content-Security-Policy entry is
// needed) and the app reads on start. tools/postbuild.mjs writes it into both builds; the
// tests use the same functions to build pages with other contents.

/** Matches the block in a page, with the white space after it. */
export const DATA_BLOCK = /<script type="application\/json" id="atlas-data">[\s\S]*?<\/script>\s*/g;

/**
 * The block for a data set's text. The text goes in as written (its fingerprint keys the
 * user's saved pins) except that every "<" becomes the JSON escape \u003c, which reads back as
 * the same string, so no "</script>" inside a text can end the block early.
 */
export function dataBlock(text) {
  return `<script type="application/json" id="atlas-data">${text.replace(/</g, '\\u003c')}</script>`;
}

/** The page with its data block (if any) replaced by one for `text`, just before </body>. */
export function withDataBlock(html, text) {
  const bare = html.replace(DATA_BLOCK, '');
  if (!bare.includes('</body>')) throw new Error('data-block: no </body> in the page');
  return bare.replace('</body>', () => `${dataBlock(text)}\n</body>`);
}
