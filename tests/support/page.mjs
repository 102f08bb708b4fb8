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
   * URL, and waits until the app has rendered (the Graph region exists) or shows an alert.
   * Installs collectors for page errors right after load.
   */
  async open(path = '', { timeout = 20_000 } = {}) {
    const target = /^https?:/.test(path) ? path : this.url(path);
    // Leave the previous document first, so a URL that differs only by its fragment still loads.
    await this.session.navigate('about:blank');
    await this.session.navigate(target);
    await this.js(`
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
    const deadline = Date.now() + timeout;
    for (;;) {
      const state = await this.js(`
        if (R.findAll('alert').length) return 'alert';
        if (R.findAll('region', { regex: { source: '^(Graph|关系图)$', flags: '' } }).length) return 'ready';
        return document.readyState;`);
      if (state === 'ready' || state === 'alert') return state;
      if (Date.now() > deadline) {
        const body = await this.js('return document.body ? document.body.innerText.slice(0, 300) : "(no body)"').catch(() => '?');
        throw new CheckError(`the app did not render within ${timeout} ms at ${target} (state ${state}; page text: ${JSON.stringify(body)})`);
      }
      await sleep(100);
    }
  }

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

  /** Clicks an element with the mouse where it is visible (scrolled into view first). */
  async click(el) {
    const pt = await this.js(`
      const el = arguments[0];
      const r = el.getBoundingClientRect();
      const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
      if (r.top < 0 || r.left < 0 || r.bottom > vh || r.right > vw) el.scrollIntoView({ block: 'center', inline: 'nearest' });
      return R.hitPoint(el);`, el);
    if (!pt) throw new CheckError(`cannot click ${await this.describe(el)}: no visible part of it can be hit by the pointer`);
    await this.session.clickAt(pt.x, pt.y);
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

  /** Drags an element with the mouse by (dx, dy) CSS px, starting where it can be hit. */
  async drag(el, dx, dy) {
    const pt = await this.js('return R.hitPoint(arguments[0]);', el);
    if (!pt) throw new CheckError(`cannot drag ${await this.describe(el)}: no visible part of it can be hit`);
    await this.session.drag(pt.x, pt.y, dx, dy);
    return pt;
  }

  /** Saves a screenshot of the viewport as <outDir>/<name>.png; `show` is scrolled to the top first. */
  async screenshot(name, { show } = {}) {
    if (show) await this.js('arguments[0].scrollIntoView({ block: "start", inline: "nearest" });', show);
    const file = join(this.outDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.session.screenshot(file);
    return file;
  }

  /** Errors seen in the page since open(): uncaught errors, rejections, console.error. */
  async pageErrors() {
    return (await this.js('return window.__atlasErrors ? window.__atlasErrors.slice() : ["(error collectors not installed: page was not opened with open())"];')) ?? [];
  }

  /** The id WebDriver uses for an element (for debugging). */
  static idOf(el) { return elementId(el); }
}
