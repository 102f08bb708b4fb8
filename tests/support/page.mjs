// A tiny page-object API over one WebDriver session, used by the specs in tests/e2e/specs.mjs.
// Elements are found as a screen reader would find them: by ARIA role and accessible name
// (tests/support/roles.js, injected into the page), never by CSS class.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { elementId } from './webdriver.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROLES_SRC = readFileSync(join(HERE, 'roles.js'), 'utf8');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A failed expectation. */
export class CheckError extends Error {}

/** A spec that cannot run in this engine; the message names the engine's limitation. */
export class SkipError extends Error {}

/** Throws a CheckError with `message` unless `condition` holds. */
export function check(condition, message) {
  if (!condition) throw new CheckError(typeof message === 'function' ? message() : message);
}

/** Turns a name (string or RegExp) and options into what roles.js takes. */
function nameOpts(name, { exact = false, includeHidden = false } = {}) {
  if (name instanceof RegExp) return { regex: { source: name.source, flags: name.flags }, includeHidden };
  return { name: name ?? null, exact, includeHidden };
}

function describeName(role, name, exact) {
  if (name == null) return `role=${role}`;
  if (name instanceof RegExp) return `role=${role} name~${name}`;
  return `role=${role} name${exact ? '=' : '*='}"${name}"`;
}

export class Page {
  /**
   * session: a webdriver Session; engine: its name; url: (path) => absolute URL of the site;
   * outDir: where screenshots go.
   */
  constructor({ session, engine, url, outDir }) {
    this.session = session;
    this.engine = engine;
    this.url = url;
    this.outDir = outDir;
    this.defaultTimeout = 5_000;
  }

  /** Runs a function body in the page with `R` bound to the roles helpers. */
  js(body, ...args) {
    return this.session.execute(`${ROLES_SRC}\nconst R = window.__atlasRoles;\n${body}`, args);
  }

  /**
   * Opens a page of the site (path relative to the site root, e.g. "?lang=en") or an absolute
   * URL (http:, https: or file:), and waits until the app has rendered (the Graph region exists)
   * or shows an alert. Installs collectors for page errors right after load.
   */
  async open(path = '', { timeout = 20_000 } = {}) {
    await this.goto(path);
    return this.waitForApp({ timeout });
  }

  /**
   * Navigates to a page (of the site, or an absolute URL) without waiting for the app: for
   * test pages such as a course page that frames the app. Installs the error collectors.
   */
  async goto(path = '') {
    const target = /^(https?|file):/.test(path) ? path : this.url(path);
    this.frames = [];
    this.frameElements = [];
    // Leave the previous document first, so a URL that differs only by its fragment still loads.
    await this.session.navigate('about:blank');
    await this.session.navigate(target);
    await this.installCollectors();
    return target;
  }

  /** Installs collectors for errors (uncaught, rejections, console.error, CSP) in the current document. */
  installCollectors() {
    return this.js(`
      if (!window.__atlasErrors) {
        const errors = window.__atlasErrors = [];
        addEventListener('error', (e) => errors.push('error: ' + (e.message || (e.target && e.target.src) || 'resource failed')), true);
        addEventListener('securitypolicyviolation', (e) => errors.push('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')));
        addEventListener('unhandledrejection', (e) => errors.push('unhandledrejection: ' + (e.reason && (e.reason.stack || e.reason.message) || e.reason)));
        for (const level of ['error']) {
          const orig = console[level].bind(console);
          console[level] = (...a) => { errors.push('console.' + level + ': ' + a.map(String).join(' ')); orig(...a); };
        }
      }`);
  }

  /** Waits until the app in the current document has rendered (Graph region) or shows an alert. */
  async waitForApp({ timeout = 20_000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const state = await this.js(`
        if (R.findAll('alert').length) return 'alert';
        if (R.findAll('region', { regex: { source: '^(Graph|关系图)$', flags: '' } }).length) return 'ready';
        return document.readyState;`).catch((e) => {
        // The driver failing is not an answer to wait for (as in `until`).
        if (e?.transport) throw e;
        return `script failed: ${e.message}`;
      });
      if (state === 'ready' || state === 'alert') return state;
      if (Date.now() > deadline) {
        const body = await this.js('return document.body ? document.body.innerText.slice(0, 300) : "(no body)"').catch(() => '?');
        const where = await this.js('return location.href;').catch(() => '?');
        const errors = await this.pageErrors().catch(() => []);
        // How far the start got: the module's bindings, and what the page fetched and when.
        const start = await this.js(`
          const r = performance.getEntriesByType('resource').map((e) => e.name.split('/').pop() + ' ' + Math.round(e.startTime) + '→' + Math.round(e.responseEnd) + ' ms');
          const kids = Array.from(document.body ? document.body.children : []).map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''));
          return 'start ' + (document.documentElement.dataset.start || 'not begun (the module did not run)') + '; bindings ' + (window.wasmBindings ? 'loaded' : 'absent') + '; fetched: ' + (r.join(', ') || 'nothing') + '; now ' + Math.round(performance.now()) + ' ms; visibility ' + document.visibilityState + ', focus ' + document.hasFocus() + '; body: ' + kids.join(' ') + ' (' + (document.body ? document.body.textContent.length : 0) + ' characters)';`).catch((e) => `? (${e.message})`);
        throw new CheckError(`the app did not render within ${timeout} ms at ${where} (state ${state}; page text: ${JSON.stringify(body)}; errors: ${errors.length ? errors.slice(0, 3).join(' | ') : 'none'}; ${start})`);
      }
      await sleep(100);
    }
  }

  /**
   * Makes the <iframe> whose accessible name (its title) is `name` the current browsing
   * context: every later call runs inside it until leaveFrame()/top(). Waits for the frame.
   */
  async enterFrame(name, { timeout = this.defaultTimeout } = {}) {
    const frame = await this.until(async () => {
      const found = await this.js(`
        const want = arguments[0];
        return Array.from(document.getElementsByTagName('iframe')).find((f) => R.nameOf(f) === want) || null;`, name);
      return found;
    }, `an iframe named ${JSON.stringify(name)}`, timeout);
    await this.session.switchToFrame(frame);
    this.frames = [...(this.frames ?? []), name];
    this.frameElements = [...(this.frameElements ?? []), frame];
    return frame;
  }

  /** Back to the parent of the current frame. */
  async leaveFrame() {
    await this.session.switchToParentFrame();
    this.frames = (this.frames ?? []).slice(0, -1);
    this.frameElements = (this.frameElements ?? []).slice(0, -1);
  }

  /** Back to the top-level document. */
  async top() {
    await this.session.switchToTop();
    this.frames = [];
    this.frameElements = [];
  }

  /** Whether the current browsing context is a frame. */
  get inFrame() { return (this.frames ?? []).length > 0; }

  /** Every visible element with `role` (and name), under `within` when given. No waiting. */
  all(role, name, { exact = false, within, includeHidden = false } = {}) {
    return this.js('return R.findAll(arguments[0], arguments[1], arguments[2] || undefined);', role, nameOpts(name, { exact, includeHidden }), within ?? null);
  }

  /** Waits for a visible element with `role` and `name`; returns the first in document order. */
  async byRole(role, name, { exact = false, within, timeout = this.defaultTimeout } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = await this.all(role, name, { exact, within });
      if (found.length) return found[0];
      if (Date.now() > deadline) {
        const near = await this.js('return R.findAll(arguments[0], {}, arguments[1] || undefined).slice(0, 15).map(R.describe);', role, within ?? null);
        throw new CheckError(`no ${describeName(role, name, exact)}${within ? ' in the given container' : ''} within ${timeout} ms (visible ${role}s: ${near.join(', ') || 'none'})`);
      }
      await sleep(100);
    }
  }

  /** Waits until no visible element has `role` and `name`. */
  async gone(role, name, { exact = false, within, timeout = this.defaultTimeout } = {}) {
    await this.until(async () => (await this.all(role, name, { exact, within })).length === 0, `${describeName(role, name, exact)} to disappear`, timeout);
  }

  /** Polls `fn` until it returns a truthy value; returns that value. */
  async until(fn, what, timeout = this.defaultTimeout) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await fn();
        if (last) return last;
      } catch (e) {
        // The driver failing is not an answer to wait for.
        if (e?.transport) throw e;
        last = e;
      }
      if (Date.now() > deadline) {
        const detail = last instanceof Error ? `: ${last.message}` : '';
        throw new CheckError(`timed out after ${timeout} ms waiting for ${what}${detail}`);
      }
      await sleep(100);
    }
  }

  /** The accessible name of an element. */
  name(el) { return this.js('return R.nameOf(arguments[0]);', el); }
  /** The accessible names of several elements, in one call. */
  names(els) {
    if (!els.length) return Promise.resolve([]);
    // Separate arguments: WebKitWebDriver does not deserialize element references nested in arrays.
    return this.js('return Array.from(arguments).map((el) => R.nameOf(el));', ...els);
  }
  /** The role of an element. */
  role(el) { return this.js('return R.roleOf(arguments[0]);', el); }
  /** An element's text content, whitespace collapsed. */
  text(el) { return this.js('return R.norm(arguments[0].textContent);', el); }
  /** An attribute's value (null when absent). */
  attr(el, name) { return this.js('return arguments[0].getAttribute(arguments[1]);', el, name); }
  /** A DOM property's value. */
  prop(el, name) { return this.js('return arguments[0][arguments[1]];', el, name); }
  /** A computed style property. */
  style(el, name) { return this.js('return getComputedStyle(arguments[0]).getPropertyValue(arguments[1]);', el, name); }
  /** The element's bounding box in viewport coordinates. */
  box(el) { return this.js('const r = arguments[0].getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height };', el); }
  /** Whether the element is visible (not hidden, has size). */
  visible(el) { return this.js('return !R.isHidden(arguments[0]);', el); }
  /** "role "name"" of an element, for messages. */
  describe(el) { return this.js('return R.describe(arguments[0]);', el); }
  /** Whether two element references are the same element. */
  same(a, b) { return this.js('return arguments[0] === arguments[1];', a, b); }
  /** The focused element (null when the body has focus). */
  focused() { return this.js('const a = document.activeElement; return a && a !== document.body && a !== document.documentElement ? a : null;'); }
  /** Moves focus to an element by script (when real key presses cannot get there). */
  focus(el) { return this.js('arguments[0].focus();', el); }
  /** The closest ancestor (or self) of `el` with `role`, or null. */
  closest(el, role) {
    return this.js('for (let n = arguments[0]; n && n.nodeType === 1; n = n.parentElement) if (R.roleOf(n) === arguments[1]) return n; return null;', el, role);
  }

  /**
   * Clicks an element with the mouse where it is visible (scrolled into view first). Inside a
   * frame, the point is turned into top-level viewport coordinates (the drivers dispatch pointer
   * actions there, even with an element origin, while they measure elements in the frame).
   */
  async click(el) {
    await this.stable(el);
    if (this.inFrame) {
      check(this.frameElements.length === 1, 'clicks inside nested frames are not supported');
      const frame = this.frameElements[0];
      // Runs a script in the parent document with the frame element as arguments[0].
      const inParent = async (body, ...args) => {
        await this.session.switchToParentFrame();
        try {
          return await this.js(body, frame, ...args);
        } finally {
          await this.session.switchToFrame(frame);
        }
      };
      // The element inside the frame's viewport, then the frame's point inside the top-level one.
      const pt = await this.js(`
        const el = arguments[0], r = el.getBoundingClientRect(), vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
        if (r.top < 0 || r.left < 0 || r.bottom > vh || r.right > vw || !R.hitPoint(el)) el.scrollIntoView({ block: 'center', inline: 'nearest' });
        return R.hitPoint(el);`, el);
      if (!pt) throw new CheckError(`cannot click ${await this.describe(el)}: no visible part of it can be hit by the pointer`);
      const offset = await inParent(`
        const f = arguments[0], x = arguments[1], y = arguments[2];
        const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
        let r = f.getBoundingClientRect();
        const px = r.left + f.clientLeft + x, py = r.top + f.clientTop + y;
        if (px < 0 || py < 0 || px >= vw || py >= vh) {
          window.scrollBy(px < 0 || px >= vw ? px - vw / 2 : 0, py < 0 || py >= vh ? py - vh / 2 : 0);
          r = f.getBoundingClientRect();
        }
        return { x: r.left + f.clientLeft, y: r.top + f.clientTop, vw, vh };`, pt.x, pt.y);
      // geckodriver takes viewport coordinates in the current frame; chromedriver and
      // WebKitWebDriver in the top-level viewport.
      if (this.engine === 'firefox') {
        await this.session.clickAt(pt.x, pt.y);
        return;
      }
      const x = offset.x + pt.x;
      const y = offset.y + pt.y;
      if (x < 0 || y < 0 || x >= offset.vw || y >= offset.vh) throw new CheckError(`cannot click ${await this.describe(el)}: it lies outside the top-level viewport`);
      await this.session.clickAt(x, y);
      return;
    }
    const pt = await this.js(`
      const el = arguments[0];
      const r = el.getBoundingClientRect();
      const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
      if (r.top < 0 || r.left < 0 || r.bottom > vh || r.right > vw) el.scrollIntoView({ block: 'center', inline: 'nearest' });
      // Hidden by a scrolling container's overflow: scroll that too.
      if (!R.hitPoint(el)) el.scrollIntoView({ block: 'center', inline: 'nearest' });
      return R.hitPoint(el);`, el);
    if (!pt) throw new CheckError(`cannot click ${await this.describe(el)}: no visible part of it can be hit by the pointer`);
    await this.session.clickAt(pt.x, pt.y);
  }

  /**
   * Waits until `el` stands still (the same box in two reads 60 ms apart), as a user aims at a
   * thing that has stopped moving: a graph node while the camera glides to a new view.
   */
  async stable(el, timeout = this.defaultTimeout) {
    const read = () => this.box(el).then((b) => JSON.stringify(b));
    let last = await read();
    const deadline = Date.now() + timeout;
    for (;;) {
      await sleep(60);
      const now = await read();
      if (now === last) return;
      if (Date.now() > deadline) throw new CheckError(`${await this.describe(el)} kept moving for ${timeout} ms (last box ${now})`);
      last = now;
    }
  }

  /**
   * Sizes the window so the page's viewport is `width`×`height` CSS px (the window's frame
   * differs between engines: the outer size is set, measured, and corrected once). Returns the
   * viewport size reached.
   */
  async viewport(width, height) {
    const read = () => this.js('return { w: document.documentElement.clientWidth, h: innerHeight, ow: outerWidth, oh: outerHeight };');
    // Sets the outer size and waits until the page has been laid out at it (engines resize
    // asynchronously, and report the old viewport for a while).
    const resize = async (w, h) => {
      await this.session.setWindowRect({ width: w, height: h });
      let last = null;
      return this.until(async () => {
        const now = await read();
        const settled = now.ow === w && now.oh === h && last && now.w === last.w && now.h === last.h;
        last = now;
        return settled ? now : null;
      }, `the window to take the size ${w}×${h}`);
    };
    let got = await resize(width, height);
    if (got.w !== width || got.h !== height) got = await resize(width + (got.ow - got.w), height + (got.oh - got.h));
    return got;
  }

  /** Moves the mouse away from everything interactive (to the top-left corner). */
  async mouseAway() {
    await this.session.moveTo(1, 1);
  }

  /** Presses keys one after another on whatever has focus (names: Enter, Tab, ArrowRight, …). */
  async press(...keys) {
    await this.session.pressKeys(...keys);
  }

  /** Types text into an element (focuses it first). */
  async type(el, text) {
    await this.session.sendKeysTo(el, text);
  }

  /**
   * Chooses the option whose text is `text` in a <select> (a combobox), as a user picking it from
   * the list: WebDriver's Element Click on an <option> selects it and fires input and change.
   */
  async choose(select, text) {
    const option = await this.js(
      'return Array.from(arguments[0].options).find((o) => R.norm(o.textContent) === arguments[1]) || null;', select, text);
    if (!option) throw new CheckError(`${await this.describe(select)} has no option ${JSON.stringify(text)}`);
    // In sight first, as a user scrolls to a list before choosing in it: WebDriver scrolls only
    // what is out of the view, and a sticky bar (the editor's passages) may cover the list.
    await this.js('arguments[0].scrollIntoView({ block: "center" });', select);
    await this.session.click(option);
    await this.until(async () => (await this.js('return arguments[0].selected;', option)), `the option ${JSON.stringify(text)} to be chosen`);
  }

  /**
   * Replaces the text of a field with `text` as a user does: focus it, select what it holds, type
   * over the selection. (WebDriver's Element Clear would also blur the field, firing its change.)
   */
  async fill(el, text) {
    await this.js('arguments[0].focus(); arguments[0].select();', el);
    await this.press(...text);
  }

  /** Drags an element with the mouse by (dx, dy) CSS px, starting where it can be hit. */
  async drag(el, dx, dy) {
    const pt = await this.js('return R.hitPoint(arguments[0]);', el);
    if (!pt) throw new CheckError(`cannot drag ${await this.describe(el)}: no visible part of it can be hit`);
    await this.session.drag(pt.x, pt.y, dx, dy);
    return pt;
  }

  /**
   * Saves a screenshot of the viewport as <outDir>/<name>.png; `show` is scrolled to the top
   * first. Taken of the top-level page (geckodriver cannot take one from inside a cross-origin
   * frame); the current frame is entered again afterwards.
   */
  async screenshot(name, { show } = {}) {
    if (show) await this.js('arguments[0].scrollIntoView({ block: "start", inline: "nearest" });', show);
    const file = join(this.outDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    const frames = this.frameElements ?? [];
    if (frames.length) await this.session.switchToTop();
    try {
      await this.session.screenshot(file);
    } finally {
      for (const f of frames) await this.session.switchToFrame(f);
    }
    return file;
  }

  /** Errors seen in the page since open(): uncaught errors, rejections, console.error. */
  async pageErrors() {
    return (await this.js('return window.__atlasErrors ? window.__atlasErrors.slice() : ["(error collectors not installed: page was not opened with open())"];')) ?? [];
  }

  /** The id WebDriver uses for an element (for debugging). */
  static idOf(el) { return elementId(el); }
}
