// A small static file server for the built site, used by README command 1 and by the tests.
// Loopback only. Options let tests mount the site under a sub-path, send a strict CSP header,
// or serve .wasm with the wrong MIME type, as real static hosts do.
//
//   node tests/support/server.mjs --root pkg --port 8080 [--prefix /some/sub/path/] [--csp]

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The strict policy the served build runs under: what tools/postbuild.mjs wrote to
 * `<root>/csp.txt` (default-src 'none'; script-src 'self' 'wasm-unsafe-eval' plus the hash of
 * trunk's loader; …), for sending as a header like a real host would.
 */
export function strictPolicy(root) {
  return readFileSync(join(resolve(root), 'csp.txt'), 'utf8').trim();
}

/**
 * Starts a server. `routes` maps extra absolute paths to { type, body } (for test pages).
 * Resolves to { server, port, url(path) }.
 */
export async function startServer({ root, port = 0, host = '127.0.0.1', prefix = '/', headers = {}, wasmMime, routes = {}, log } = {}) {
  const rootDir = resolve(root);
  if (!prefix.startsWith('/')) prefix = '/' + prefix;
  if (!prefix.endsWith('/')) prefix += '/';
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    log?.(req.method, url.pathname);
    const extra = routes[url.pathname];
    if (extra) {
      res.writeHead(200, { 'content-type': extra.type ?? 'text/html; charset=utf-8', ...(extra.headers ?? {}) });
      res.end(extra.body);
      return;
    }
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(rootDir, rel));
    if (file !== rootDir && !file.startsWith(rootDir + sep)) {
      res.writeHead(403);
      res.end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      const ext = extname(file);
      let type = MIME[ext] ?? 'application/octet-stream';
      if (ext === '.wasm' && wasmMime) type = wasmMime;
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const actualPort = server.address().port;
  return {
    server,
    port: actualPort,
    url: (path = '') => `http://${host}:${actualPort}${prefix}${path}`,
    // Connections a page keeps open (keep-alive, a frame) would hold close() until the browser
    // drops them: after a second they are ended.
    close: () => new Promise((ok) => {
      const force = setTimeout(() => server.closeAllConnections?.(), 1_000);
      server.close(() => {
        clearTimeout(force);
        ok();
      });
      server.closeIdleConnections?.();
    }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const root = opt('--root', 'pkg');
  const port = Number(opt('--port', '8080'));
  const prefix = opt('--prefix', '/');
  const running = await startServer({ root, port, prefix });
  console.log(`Argument Atlas is being served from ${root}/ at ${running.url()}`);
  console.log('Press Ctrl+C to stop.');
}
