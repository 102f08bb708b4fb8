// Post-processes trunk's output in pkg/:
// 1. pkg/index.html gets a strict Content-Security-Policy <meta>: no inline script but trunk's
//    loader, allowed by its sha256 (the same on every build with --filehash false).
// 2. pkg/argument-atlas.html: one self-contained file (CSS, glue JS and base64 WebAssembly
//    inlined) that works from file:// and in a frame sandboxed without allow-same-origin.
// 3. pkg/csp.txt: the served build's policy, for hosts that send it as a header.
// Both pages' loaders say how far the start got (`data-start` on <html>: compiling, started,
// failed) and, when the WebAssembly cannot start, say why in the start-up message.
// Both pages carry the built-in data set as a <script type="application/json" id="atlas-data">
// block (never executed, so no policy needs to allow it): the first view needs no request, and
// the WebAssembly holds code only. Beside it goes the layout block (id="atlas-layout"): the
// data set's force layout, settled here by the core natively (`cargo run --example
// layout_block`, through tools/data-block.mjs), so the app's start does not settle it.
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { withDataAndLayoutBlocks } from './data-block.mjs';

const dir = process.argv[2] ?? 'pkg';
// The editor's build (the same app with the `editor` feature), made by trunk in its own folder:
// it becomes pkg/editor.html beside the reader, with its own script and WebAssembly.
const editorDir = process.argv[3];
const read = (name) => readFileSync(`${dir}/${name}`, 'utf8');
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const dataPath = new URL('../www/data/lang-ping-2023.json', import.meta.url);
const dataText = readFileSync(dataPath, 'utf8');

// Wraps the promise of the WebAssembly's start: `data-start` on <html> says how far it got (for
// a person, or a test, looking at a page that stays on its start-up message), and a start that
// fails says why in that message instead of "Loading…" forever.
const START_HELPER = `
const atlasStarting = async (starting) => {
  const root = document.documentElement;
  root.dataset.start = 'compiling';
  try {
    const started = await starting;
    root.dataset.start = 'started';
    return started;
  } catch (error) {
    root.dataset.start = 'failed';
    const boot = document.getElementById('boot');
    if (boot) {
      const why = document.createElement('p');
      why.className = 'boot-error';
      why.textContent = \`本应用无法启动。The app could not start: \${error}\`;
      boot.append(why);
    }
    throw error;
  }
};
`;
const INIT_CALL = /const wasm = await init\((\{[^}]*\})\);/;

/**
 * A served page as trunk wrote it, finished: the data and layout blocks in, its loader saying
 * how far the start got. Returns the page and its loader (whose hash the policy allows).
 */
function finishServed(page, name) {
  // Fails the build, with every problem, on a data set the app would not load.
  let html = withDataAndLayoutBlocks(page, dataText);
  const loaderMatch = html.match(/<script type="module">([\s\S]*?)<\/script>/);
  if (!loaderMatch) throw new Error(`postbuild: trunk loader script not found in ${name}`);
  const trunkLoader = loaderMatch[1];
  if (!INIT_CALL.test(trunkLoader)) throw new Error(`postbuild: the loader's init call was not found in ${name}`);
  const loader = trunkLoader.replace(INIT_CALL, (_, options) => `${START_HELPER}const wasm = await atlasStarting(init(${options}));`);
  return { html: html.replace(trunkLoader, () => loader), loader };
}

let { html, loader } = finishServed(read('index.html'), 'index.html');

export function servedPolicy(loaderHash) {
  return [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${loaderHash}`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const withPolicy = (page, policy) => page
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '')
  .replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`);
const policy = servedPolicy(sha256(loader));
html = withPolicy(html, policy);
writeFileSync(`${dir}/index.html`, html);
// For hosts that send the policy as a header (one header for every page): both pages' loaders.
let headerPolicy = policy;

// --- The editor's page ---
if (editorDir) {
  const STEM = 'argument-atlas', EDITOR_STEM = 'argument-atlas-editor';
  // Its script and WebAssembly take their own names beside the reader's.
  const renamed = (text) => text.replaceAll(`./${STEM}.js`, `./${EDITOR_STEM}.js`).replaceAll(`${STEM}_bg.wasm`, `${EDITOR_STEM}_bg.wasm`);
  const editor = finishServed(renamed(readFileSync(`${editorDir}/index.html`, 'utf8')), 'the editor\'s index.html');
  const editorPolicy = servedPolicy(sha256(editor.loader));
  writeFileSync(`${dir}/editor.html`, withPolicy(editor.html, editorPolicy).replace(/<title>[^<]*<\/title>/, '<title>编辑器 · Editor · 论证地图 · Argument Atlas</title>'));
  writeFileSync(`${dir}/${EDITOR_STEM}.js`, renamed(readFileSync(`${editorDir}/${STEM}.js`, 'utf8')));
  copyFileSync(`${editorDir}/${STEM}_bg.wasm`, `${dir}/${EDITOR_STEM}_bg.wasm`);
  headerPolicy = servedPolicy(`${sha256(loader)} ${sha256(editor.loader)}`);
}
writeFileSync(`${dir}/csp.txt`, headerPolicy + '\n');

// --- One-file builds ---
const css = read('style.css');

/**
 * The one-file form of a served page: its CSS, glue JS and base64 WebAssembly inlined, under a
 * policy that allows exactly that inline script and style. `extraBody` goes at the end of the
 * body (inert blocks only).
 */
function oneFile(page, pageLoader, extraBody = '') {
  const glueName = pageLoader.match(/from '\.\/([^']+\.js)'/)?.[1];
  if (!glueName) throw new Error('postbuild: glue module name not found in the loader');
  // The glue is an ES module; inline it into the page's module script by dropping its exports.
  const glue = read(glueName)
    .replace(/^export function /gm, 'function ')
    .replace(/^export class /gm, 'class ')
    .replace(/^export const /gm, 'const ')
    .replace(/^export \{[^}]*\};?\s*$/gm, '')
    .replace(/^export default [^;]+;\s*$/gm, '');
  if (/^export /m.test(glue)) throw new Error('postbuild: the glue has an export form this script does not handle');
  const wasmName = pageLoader.match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
  if (!wasmName) throw new Error('postbuild: wasm file name not found in the loader');
  const wasmBase64 = readFileSync(`${dir}/${wasmName}`).toString('base64');
  const inlineScript = `
${glue}
${START_HELPER}
const atlasWasm = await atlasStarting((async () => __wbg_init({ module_or_path: Uint8Array.from(atob("${wasmBase64}"), (c) => c.charCodeAt(0)) }))());
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: atlasWasm } }));
`;
  const policy = [
    "default-src 'none'",
    `script-src 'wasm-unsafe-eval' ${sha256(inlineScript)}`,
    `style-src ${sha256(css)}`,
    'img-src data: blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  let single = page;
  single = single.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${policy}">`);
  single = single.replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${css}</style>`);
  single = single.replace(/<link rel="modulepreload"[^>]*>/g, '').replace(/<link rel="preload"[^>]*>/g, '');
  single = single.replace(/<script type="module">[\s\S]*?<\/script>/, () => `<script type="module">${inlineScript}</script>`);
  single = single.replace('</body>', () => `${extraBody}</body>`);
  if (/src="\.\/|href="\.\//.test(single)) throw new Error('postbuild: the one-file build still references a file');
  return { single, policy };
}

const reader = oneFile(read('index.html'), loader);
writeFileSync(`${dir}/argument-atlas.html`, reader.single);
writeFileSync(`${dir}/argument-atlas.csp.txt`, reader.policy + '\n');
console.log(`postbuild: CSP added to ${dir}/index.html; one-file build ${dir}/argument-atlas.html (${(reader.single.length / 1024).toFixed(0)} KiB)`);

// The editor as one file too: it carries the reader's one-file page (base64, in an inert block)
// to publish a reading from, since nothing lies beside a file opened from the computer.
if (editorDir) {
  const page = read('editor.html');
  const editorLoader = page.match(/<script type="module">([\s\S]*?)<\/script>/)[1];
  const carried = `<script type="text/plain" id="atlas-reader-page">${Buffer.from(reader.single, 'utf8').toString('base64')}</script>\n`;
  const editor = oneFile(page, editorLoader, carried);
  writeFileSync(`${dir}/argument-atlas-editor.html`, editor.single);
  console.log(`postbuild: the editor's page ${dir}/editor.html and its one-file build ${dir}/argument-atlas-editor.html (${(editor.single.length / 1024).toFixed(0)} KiB)`);
}
