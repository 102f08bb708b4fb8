// A small W3C WebDriver client over Node's fetch: no Selenium, nothing downloaded.
//
// Starts a driver process (chromedriver, geckodriver or WebKitWebDriver) on a free loopback
// port, waits for its /status, opens one session, and speaks the W3C protocol with a timeout
// on every HTTP call (a driver that cannot reach its browser, e.g. WebKit without an X
// display, otherwise hangs silently).
//
//   const driver = await startDriver('firefox', { logFile: 'out/firefox/driver.log' });
//   const s = await driver.newSession();
//   await s.navigate('http://127.0.0.1:8080/');
//   ...
//   await driver.stop();   // deletes the session first, then ends the process gently

import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, openSync, closeSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/** The key under which W3C WebDriver passes element references. */
export const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

/** Named keys of the W3C Actions API (normalised key values to WebDriver code points). */
export const KEYS = {
  Backspace: '\uE003', Tab: '\uE004', Enter: '\uE007', Return: '\uE006', Shift: '\uE008',
  Control: '\uE009', Alt: '\uE00A', Escape: '\uE00C', Space: '\uE00D', ' ': '\uE00D',
  PageUp: '\uE00E', PageDown: '\uE00F', End: '\uE010', Home: '\uE011',
  ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015',
  Delete: '\uE017', Meta: '\uE03D', F5: '\uE035',
};

const DEFAULT_TIMEOUT_MS = 30_000;

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The path of a program: the environment variable `variable` when set, else the first of `names`
 * found on PATH (with cargo's bin folder after it, where tools/setup.sh installs geckodriver),
 * else the first existing file among `fallbacks`. Throws, naming all three, when none is found.
 */
export function findProgram(variable, names, fallbacks = []) {
  const given = process.env[variable];
  if (given) {
    if (!isExecutable(given)) throw new Error(`${variable}=${given} is not an executable file`);
    return given;
  }
  const dirs = [...(process.env.PATH ?? '').split(delimiter), join(homedir(), '.cargo', 'bin')].filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      if (isExecutable(join(dir, name))) return join(dir, name);
    }
  }
  for (const file of fallbacks) if (isExecutable(file)) return file;
  throw new Error(`none of ${names.join(', ')} is on PATH; install it (tools/setup.sh --test) or set ${variable}`);
}

/** WebKitGTK's MiniBrowser lives in a per-architecture library folder, not on PATH. */
function miniBrowserCandidates() {
  const found = [];
  for (const lib of ['/usr/lib', '/usr/libexec', '/usr/local/lib']) {
    let entries = [];
    try {
      entries = readdirSync(lib);
    } catch {
      continue;
    }
    for (const arch of ['', ...entries.filter((e) => e.endsWith('-linux-gnu'))]) {
      for (const version of ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0']) {
        found.push(join(lib, arch, version, 'MiniBrowser'));
      }
    }
  }
  return found;
}

/** The engines this client knows how to start. */
export const ENGINES = {
  chromium: {
    driver: () => findProgram('ATLAS_CHROMEDRIVER', ['chromedriver']),
    driverArgs: (port) => [`--port=${port}`, '--allowed-ips=127.0.0.1'],
    capabilities: ({ profileDir }) => ({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: findProgram('ATLAS_CHROMIUM', ['chromium', 'chromium-browser']),
        args: [
          '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--no-first-run', '--no-default-browser-check',
          '--disable-dev-shm-usage', `--user-data-dir=${profileDir}`, '--lang=en-US',
        ],
      },
    }),
  },
  firefox: {
    driver: () => findProgram('ATLAS_GECKODRIVER', ['geckodriver']),
    driverArgs: (port) => ['--port', String(port), '--host', '127.0.0.1', '--log', 'warn'],
    capabilities: () => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: findProgram('ATLAS_FIREFOX', ['firefox-esr', 'firefox']),
        args: ['-headless'],
        prefs: {
          // No internet here: keep Firefox from trying to reach its services.
          'app.update.disabledForTesting': true,
          'browser.safebrowsing.malware.enabled': false,
          'browser.safebrowsing.phishing.enabled': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
          'toolkit.telemetry.enabled': false,
          'intl.accept_languages': 'en-US, en',
        },
      },
    }),
  },
  webkit: {
    driver: () => findProgram('ATLAS_WEBKITDRIVER', ['WebKitWebDriver']),
    driverArgs: (port) => [`--port=${port}`, '--host=127.0.0.1'],
    needsDisplay: true,
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: findProgram('ATLAS_MINIBROWSER', ['MiniBrowser'], miniBrowserCandidates()),
        args: ['--automation'],
      },
    }),
  },
};

/** A free TCP port on the loopback interface. */
export async function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** An error answered by the driver (W3C error code plus message). */
export class WebDriverError extends Error {
  constructor(code, message, command) {
    super(`${command}: ${code}: ${String(message).split('\n')[0]}`);
    this.code = code;
  }
}

/** One HTTP call to a driver, with a timeout. Returns the `value` of the answer. */
async function call(base, method, path, body, timeoutMs = DEFAULT_TIMEOUT_MS) {
  const command = `${method} ${path.replace(/\/session\/[^/]+/, '/session/…')}`;
  let res;
  try {
    res = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    const why = e?.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e?.cause?.message ?? e?.message ?? String(e));
    const err = new WebDriverError('transport', why, command);
    err.transport = true;
    throw err;
  }
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WebDriverError(`http ${res.status}`, text.slice(0, 200), command);
  }
  const value = json?.value;
  if (!res.ok || (value && typeof value === 'object' && typeof value.error === 'string')) {
    const err = new WebDriverError(value?.error ?? `http ${res.status}`, value?.message ?? text.slice(0, 200), command);
    // The session is gone (the browser under it died): the driver failed, not the page.
    if (value?.error === 'invalid session id') err.transport = true;
    throw err;
  }
  return value;
}

/**
 * Starts the driver for `engine` and waits until its /status says ready.
 * Options: logFile (driver stdout/stderr go there; default: ignored), startTimeoutMs.
 */
export async function startDriver(engine, { logFile, startTimeoutMs = 20_000 } = {}) {
  const spec = ENGINES[engine];
  if (!spec) throw new Error(`unknown engine "${engine}" (known: ${Object.keys(ENGINES).join(', ')})`);
  if (spec.needsDisplay && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new Error(`${engine} needs an X display: run under "xvfb-run -a"`);
  }
  const port = await freePort();
  // The driver's output goes to a file, never to a pipe: geckodriver panics when it writes to
  // a pipe whose reader has gone away.
  let fd = 'ignore';
  if (logFile) {
    mkdirSync(dirname(logFile), { recursive: true });
    fd = openSync(logFile, 'w');
  }
  const child = spawn(spec.driver(), spec.driverArgs(port), { stdio: ['ignore', fd, fd], detached: false });
  if (typeof fd === 'number') closeSync(fd);
  let exited = null;
  const exitPromise = new Promise((ok) => child.once('exit', (code, signal) => {
    exited = { code, signal };
    ok(exited);
  }));
  child.once('error', (e) => { exited = { error: e }; });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exited) throw new Error(`${engine} driver exited at start: ${JSON.stringify(exited)}${logFile ? ` (see ${logFile})` : ''}`);
    try {
      const status = await call(base, 'GET', '/status', undefined, 2_000);
      if (status?.ready !== false) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${engine} driver did not become ready within ${startTimeoutMs} ms`);
    }
    await sleep(100);
  }
  return new Driver(engine, spec, child, base, exitPromise);
}

/** A running driver process. */
export class Driver {
  constructor(engine, spec, child, base, exitPromise) {
    this.engine = engine;
    this.spec = spec;
    this.child = child;
    this.base = base;
    this.exitPromise = exitPromise;
    this.sessions = new Set();
    this.tmpDirs = [];
  }

  /** Opens a browser session (one browser window). */
  async newSession({ timeoutMs = 60_000 } = {}) {
    const profileDir = mkdtempSync(join(tmpdir(), `atlas-${this.engine}-profile-`));
    this.tmpDirs.push(profileDir);
    const caps = this.spec.capabilities({ profileDir });
    const value = await call(this.base, 'POST', '/session', {
      capabilities: { alwaysMatch: { ...caps, pageLoadStrategy: 'normal', unhandledPromptBehavior: 'dismiss' } },
    }, timeoutMs);
    const session = new Session(this, value.sessionId, value.capabilities);
    this.sessions.add(session);
    await session.setTimeouts({ script: 20_000, pageLoad: 30_000, implicit: 0 }).catch(() => {});
    return session;
  }

  /** Deletes open sessions, then ends the driver process (SIGTERM, then SIGKILL). */
  async stop() {
    for (const s of [...this.sessions]) await s.delete().catch(() => {});
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const done = await Promise.race([this.exitPromise, sleep(5_000).then(() => null)]);
      if (!done) {
        this.child.kill('SIGKILL');
        await Promise.race([this.exitPromise, sleep(2_000)]);
      }
    }
    for (const d of this.tmpDirs) rmSync(d, { recursive: true, force: true });
  }
}

/** Wraps an element id as a W3C element reference. */
export const elementRef = (id) => ({ [ELEMENT_KEY]: id });
/** The id inside an element reference. */
export const elementId = (el) => el?.[ELEMENT_KEY];

/** One browser session. */
export class Session {
  constructor(driver, id, capabilities) {
    this.driver = driver;
    this.id = id;
    this.capabilities = capabilities;
    // The first driver failure seen in this session (its connection, or the browser under it
    // gone). Kept here because a wait may catch the error and go on polling until it times out;
    // the runner then still knows the driver failed, not the page.
    this.driverFailure = null;
  }

  async cmd(method, path, body, timeoutMs) {
    try {
      return await call(this.driver.base, method, `/session/${this.id}${path}`, body, timeoutMs);
    } catch (e) {
      if (e?.transport && !this.driverFailure) this.driverFailure = e.message;
      throw e;
    }
  }

  async delete() {
    this.driver.sessions.delete(this);
    await call(this.driver.base, 'DELETE', `/session/${this.id}`, undefined, 15_000);
  }

  setTimeouts(t) { return this.cmd('POST', '/timeouts', t); }
  navigate(url) { return this.cmd('POST', '/url', { url }, 45_000); }
  currentUrl() { return this.cmd('GET', '/url'); }
  title() { return this.cmd('GET', '/title'); }
  refresh() { return this.cmd('POST', '/refresh', {}, 45_000); }

  /** Runs `script` (a function body; use `arguments`) in the page and returns its value. */
  execute(script, args = [], timeoutMs) { return this.cmd('POST', '/execute/sync', { script, args }, timeoutMs); }
  /** Like execute, but the body calls `arguments[arguments.length - 1](result)` when done. */
  executeAsync(script, args = [], timeoutMs) { return this.cmd('POST', '/execute/async', { script, args }, timeoutMs); }

  /** Finds elements by a W3C locator strategy ("css selector", "xpath", …). */
  findElements(using, value, from) {
    const path = from ? `/element/${elementId(from)}/elements` : '/elements';
    return this.cmd('POST', path, { using, value });
  }

  click(el) { return this.cmd('POST', `/element/${elementId(el)}/click`, {}); }
  clear(el) { return this.cmd('POST', `/element/${elementId(el)}/clear`, {}); }
  /** Types text into an element (W3C "Element Send Keys"). */
  sendKeysTo(el, text) { return this.cmd('POST', `/element/${elementId(el)}/value`, { text }); }
  attribute(el, name) { return this.cmd('GET', `/element/${elementId(el)}/attribute/${encodeURIComponent(name)}`); }
  property(el, name) { return this.cmd('GET', `/element/${elementId(el)}/property/${encodeURIComponent(name)}`); }
  rect(el) { return this.cmd('GET', `/element/${elementId(el)}/rect`); }
  activeElement() { return this.cmd('GET', '/element/active'); }

  /** Makes the frame `el` (an <iframe> element reference) the current browsing context. */
  switchToFrame(el) { return this.cmd('POST', '/frame', { id: el }); }
  /** Makes the parent of the current frame the current browsing context. */
  switchToParentFrame() { return this.cmd('POST', '/frame/parent', {}); }
  /** Makes the top-level document the current browsing context again. */
  switchToTop() { return this.cmd('POST', '/frame', { id: null }); }

  /** The handles of the session's top-level windows, and the current one. */
  windowHandles() { return this.cmd('GET', '/window/handles'); }
  windowHandle() { return this.cmd('GET', '/window'); }
  /** Makes the window `handle` the current browsing context. */
  switchToWindow(handle) { return this.cmd('POST', '/window', { handle }); }
  /** Closes the current window (switch to another one afterwards). */
  closeWindow() { return this.cmd('DELETE', '/window'); }

  /** Sets the outer window size. */
  setWindowRect({ width, height, x, y }) { return this.cmd('POST', '/window/rect', { width, height, x, y }); }
  windowRect() { return this.cmd('GET', '/window/rect'); }

  /** Performs W3C actions, then releases every pressed key and button. */
  async perform(actions) {
    try {
      await this.cmd('POST', '/actions', { actions });
    } finally {
      await this.cmd('DELETE', '/actions').catch(() => {});
    }
  }

  /** Presses and releases keys, one after another (names from KEYS or single characters). */
  pressKeys(...keys) {
    const acts = [];
    for (const k of keys) {
      const value = KEYS[k] ?? k;
      if ([...value].length !== 1) throw new Error(`not a single key: ${JSON.stringify(k)}`);
      acts.push({ type: 'keyDown', value }, { type: 'keyUp', value });
    }
    return this.perform([{ type: 'key', id: 'keyboard', actions: acts }]);
  }

  /** A chord: keys held together (e.g. chord('Shift', 'Tab')). */
  chord(...keys) {
    const values = keys.map((k) => KEYS[k] ?? k);
    const acts = [...values.map((value) => ({ type: 'keyDown', value })), ...values.reverse().map((value) => ({ type: 'keyUp', value }))];
    return this.perform([{ type: 'key', id: 'keyboard', actions: acts }]);
  }

  /** A mouse click at viewport coordinates. */
  clickAt(x, y) {
    return this.perform([{
      type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
      actions: [
        { type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) },
        { type: 'pointerDown', button: 0 },
        { type: 'pointerUp', button: 0 },
      ],
    }]);
  }

  /** Moves the mouse to viewport coordinates (no button). */
  moveTo(x, y) {
    return this.perform([{
      type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
      actions: [{ type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) }],
    }]);
  }

  /** Presses the mouse at (x, y), moves by (dx, dy) in `steps`, and releases. */
  drag(x, y, dx, dy, { steps = 8, stepMs = 30 } = {}) {
    const acts = [
      { type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) },
      { type: 'pointerDown', button: 0 },
      { type: 'pause', duration: 50 },
    ];
    for (let i = 1; i <= steps; i++) {
      acts.push({ type: 'pointerMove', duration: stepMs, origin: 'viewport', x: Math.round(x + (dx * i) / steps), y: Math.round(y + (dy * i) / steps) });
    }
    acts.push({ type: 'pause', duration: 50 }, { type: 'pointerUp', button: 0 });
    return this.perform([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: acts }]);
  }

  /** Takes a screenshot of the viewport; saves it as PNG when `file` is given. Returns the bytes. */
  async screenshot(file) {
    const b64 = await this.cmd('GET', '/screenshot', undefined, 30_000);
    const png = Buffer.from(b64, 'base64');
    if (file) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, png);
    }
    return png;
  }
}
