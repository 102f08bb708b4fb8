// In-page helpers that find elements the way assistive technology sees them: by ARIA role and
// accessible name. Injected by WebDriver "execute script" (tests/support/page.mjs), so this is a
// plain script (no modules) that installs `window.__atlasRoles` once per document.
//
// It implements the parts of WAI-ARIA / HTML-AAM / accname that this app uses: explicit
// `role`, the implicit roles of the common HTML elements, names from aria-labelledby,
// aria-label, <label>, text content and title; hidden elements (display:none,
// visibility:hidden, aria-hidden="true" ancestors, zero size) are skipped.
window.__atlasRoles = window.__atlasRoles || (function () {
  'use strict';

  const SECTIONING = 'article, aside, main, nav, section';
  const INPUT_ROLES = {
    button: 'button', submit: 'button', reset: 'button', image: 'button',
    checkbox: 'checkbox', radio: 'radio', range: 'slider', number: 'spinbutton',
    search: 'searchbox', text: 'textbox', email: 'textbox', tel: 'textbox', url: 'textbox', password: 'textbox',
  };
  // Roles whose name may come from their content.
  const NAME_FROM_CONTENT = new Set([
    'button', 'cell', 'checkbox', 'columnheader', 'gridcell', 'heading', 'link', 'menuitem',
    'menuitemcheckbox', 'menuitemradio', 'option', 'radio', 'row', 'rowheader', 'switch', 'tab',
    'tooltip', 'treeitem', 'listitem', 'paragraph', 'blockquote', 'term', 'definition',
  ]);

  function norm(s) {
    return String(s == null ? '' : s).replace(/[\s\u00a0]+/g, ' ').trim();
  }

  function isHtml(el) {
    return el.namespaceURI === 'http://www.w3.org/1999/xhtml';
  }

  function hasAccessibleNameAttr(el) {
    return (el.getAttribute('aria-label') || '').trim() !== '' || (el.getAttribute('aria-labelledby') || '').trim() !== '' || (el.getAttribute('title') || '').trim() !== '';
  }

  /** The role of an element: its explicit role, else its implicit HTML role, else null. */
  function roleOf(el) {
    const explicit = (el.getAttribute('role') || '').trim().split(/\s+/)[0];
    if (explicit) return explicit.toLowerCase();
    if (!isHtml(el)) return null;
    const tag = el.localName;
    switch (tag) {
      case 'button': return 'button';
      case 'a': case 'area': return el.hasAttribute('href') ? 'link' : null;
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': return 'heading';
      case 'header': return el.parentElement && el.parentElement.closest(SECTIONING) ? null : 'banner';
      case 'footer': return el.parentElement && el.parentElement.closest(SECTIONING) ? null : 'contentinfo';
      case 'main': return 'main';
      case 'aside': return 'complementary';
      case 'nav': return 'navigation';
      case 'section': return hasAccessibleNameAttr(el) ? 'region' : null;
      case 'form': return hasAccessibleNameAttr(el) ? 'form' : null;
      case 'article': return 'article';
      case 'ol': case 'ul': case 'menu': return 'list';
      case 'li': return 'listitem';
      case 'dl': return 'list';
      case 'blockquote': return 'blockquote';
      case 'p': return 'paragraph';
      case 'fieldset': case 'details': case 'optgroup': return 'group';
      case 'dialog': return 'dialog';
      case 'table': return 'table';
      case 'textarea': return 'textbox';
      case 'select': return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
      case 'option': return 'option';
      case 'img': return el.getAttribute('alt') === '' ? 'presentation' : 'img';
      case 'summary': return 'button';
      case 'progress': return 'progressbar';
      case 'meter': return 'meter';
      case 'output': return 'status';
      case 'input': {
        const type = (el.getAttribute('type') || 'text').toLowerCase();
        if ((type === 'text' || type === 'search') && el.hasAttribute('list')) return 'combobox';
        return INPUT_ROLES[type] || null;
      }
      default: return null;
    }
  }

  /** Hidden from the accessibility tree: display:none or visibility:hidden, or aria-hidden. */
  function isHiddenFromTree(el) {
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      if (n.getAttribute('aria-hidden') === 'true') return true;
      const cs = getComputedStyle(n);
      if (cs.display === 'none') return true;
    }
    const vis = getComputedStyle(el).visibility;
    return vis === 'hidden' || vis === 'collapse';
  }

  /** Hidden for our purposes: hidden from the tree, or without any size on screen. */
  function isHidden(el) {
    if (isHiddenFromTree(el)) return true;
    if (el.getClientRects().length === 0) return true;
    const r = el.getBoundingClientRect();
    return r.width === 0 && r.height === 0;
  }

  function labelsOf(el) {
    if (el.labels && el.labels.length) return Array.from(el.labels);
    const out = [];
    if (el.id) {
      for (const l of document.querySelectorAll('label[for]')) if (l.htmlFor === el.id) out.push(l);
    }
    const wrap = el.closest('label');
    if (wrap && !out.includes(wrap)) out.push(wrap);
    return out;
  }

  /** The text alternative of content, following accname's "name from content" rules. */
  function textOf(node, visited, root) {
    if (node.nodeType === 3) return node.data;
    if (node.nodeType !== 1) return '';
    const el = node;
    if (visited.has(el)) return '';
    visited.add(el);
    if (el !== root && isHiddenFromTree(el)) return '';
    if (el !== root) {
      const label = (el.getAttribute('aria-label') || '').trim();
      if (label) return label;
      const role = roleOf(el);
      if (isHtml(el) && el.localName === 'input') {
        const t = (el.getAttribute('type') || 'text').toLowerCase();
        if (t === 'checkbox' || t === 'radio') return '';
        return el.value || '';
      }
      if (role && !NAME_FROM_CONTENT.has(role) && role !== 'group' && role !== 'generic') {
        // Embedded controls other than those named by content contribute their own name.
        return nameOf(el, visited);
      }
    }
    if (isHtml(el) && el.localName === 'img') return el.getAttribute('alt') || '';
    let s = '';
    for (const child of el.childNodes) {
      const part = textOf(child, visited, root);
      const block = child.nodeType === 1 && isHtml(child) && /^(block|flex|grid|list-item|table)/.test(getComputedStyle(child).display);
      s += block ? ` ${part} ` : part;
    }
    if (!norm(s) && el.getAttribute('title')) s = el.getAttribute('title');
    return s;
  }

  /** The accessible name of an element. */
  function nameOf(el, visited) {
    visited = visited || new Set();
    const ids = (el.getAttribute('aria-labelledby') || '').trim();
    if (ids && !visited.has(el)) {
      const parts = ids.split(/\s+/).map((id) => document.getElementById(id)).filter(Boolean)
        .map((ref) => norm(textOf(ref, new Set([el]), ref)));
      const joined = norm(parts.join(' '));
      if (joined) return joined;
    }
    const label = norm(el.getAttribute('aria-label'));
    if (label) return label;
    if (isHtml(el) && /^(input|select|textarea|meter|progress|output)$/.test(el.localName)) {
      const labels = labelsOf(el).map((l) => norm(textOf(l, new Set([el]), l))).filter(Boolean);
      if (labels.length) return norm(labels.join(' '));
      const type = (el.getAttribute('type') || '').toLowerCase();
      if (el.localName === 'input' && /^(button|submit|reset)$/.test(type)) return norm(el.value);
      return norm(el.getAttribute('title') || el.getAttribute('placeholder'));
    }
    if (isHtml(el) && el.localName === 'img') return norm(el.getAttribute('alt') || el.getAttribute('title'));
    const role = roleOf(el);
    if (role && NAME_FROM_CONTENT.has(role)) {
      const t = norm(textOf(el, visited || new Set(), el));
      if (t) return t;
    }
    if (isHtml(el) && el.localName === 'fieldset') {
      const legend = el.querySelector(':scope > legend');
      if (legend) return norm(textOf(legend, new Set(), legend));
    }
    return norm(el.getAttribute('title'));
  }

  /** Whether `name` matches the wanted name: {name, exact} or {regex: {source, flags}}. */
  function nameMatches(name, opts) {
    if (opts.regex) return new RegExp(opts.regex.source, opts.regex.flags).test(name);
    if (opts.name == null) return true;
    const want = norm(opts.name);
    if (opts.exact) return name === want;
    return name.toLowerCase().includes(want.toLowerCase());
  }

  /**
   * All elements under `scope` (default: the document) with `role`, in document order.
   * opts: {name, exact, regex, includeHidden}.
   */
  function findAll(role, opts, scope) {
    opts = opts || {};
    const root = scope || document.documentElement;
    const out = [];
    const candidates = [root, ...root.querySelectorAll('*')];
    for (const el of candidates) {
      if (role && roleOf(el) !== role) continue;
      if (!opts.includeHidden && isHidden(el)) continue;
      if (!nameMatches(nameOf(el), opts)) continue;
      out.push(el);
    }
    return out;
  }

  /** The level of a heading (aria-level, else the h1–h6 number), or null. */
  function levelOf(el) {
    const l = parseInt(el.getAttribute('aria-level') || '', 10);
    if (l > 0) return l;
    const m = /^h([1-6])$/.exec(el.localName);
    return m ? Number(m[1]) : null;
  }

  /** A short description of an element for messages: role "name". */
  function describe(el) {
    if (!el || el.nodeType !== 1) return String(el);
    const role = roleOf(el);
    return `${role || el.localName} "${nameOf(el).slice(0, 80)}"`;
  }

  /**
   * A point (viewport coordinates) where a pointer would hit `el` or one of its descendants,
   * preferring the centre of its box. Null when no part of it can be hit.
   */
  function hitPoint(el) {
    const r = el.getBoundingClientRect();
    const vw = document.documentElement.clientWidth || innerWidth;
    const vh = document.documentElement.clientHeight || innerHeight;
    const hits = (x, y) => {
      if (x < 0 || y < 0 || x >= vw || y >= vh) return false;
      const at = document.elementFromPoint(x, y);
      return !!at && (at === el || el.contains(at));
    };
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    if (hits(Math.round(cx), Math.round(cy))) return { x: Math.round(cx), y: Math.round(cy) };
    // Scan a grid over the box, nearest to the centre first.
    const pts = [];
    const n = 9;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const x = Math.round(r.left + ((i + 0.5) * r.width) / n);
        const y = Math.round(r.top + ((j + 0.5) * r.height) / n);
        pts.push([Math.hypot(x - cx, y - cy), x, y]);
      }
    }
    pts.sort((a, b) => a[0] - b[0]);
    for (const [, x, y] of pts) if (hits(x, y)) return { x, y };
    return null;
  }

  return { roleOf, levelOf, nameOf, isHidden, isHiddenFromTree, findAll, describe, hitPoint, norm };
})();
