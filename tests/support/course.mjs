// A course-page harness: a page like a Moodle/Canvas course page, served on 127.0.0.1, that
// embeds the app in an <iframe> the way the Share dialog's snippet (or an LMS) does. The app
// itself is loaded from http://localhost:<same port>, a different site, so the frame is
// cross-site as on a real course site. The page records every message the frame posts in
// window.__messages ({ origin, frame: the posting iframe's title, data, at }).
//
//   const site = await startCourseSite({ startServer, root, frames: [{ title: 'Atlas', src: '?embed=1' }] });
//   await page.goto(site.pageUrl);
//   ...
//   await site.close();

const escapeAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Builds the HTML of a course page. Each frame: { title, src, width = 360, height = 640,
 * sandbox (attribute value or undefined), fullscreen (allowfullscreen + allow="fullscreen"),
 * applyResize (the page sets the frame's height from its lti.frameResize messages, as Canvas
 * and Moodle do) }.
 */
export function coursePage(frames, { heading = 'Week 3: the security dilemma' } = {}) {
  const iframes = frames.map((f) => {
    const attrs = [
      `title="${escapeAttr(f.title)}"`,
      `src="${escapeAttr(f.src)}"`,
      `width="${f.width ?? 360}"`,
      `height="${f.height ?? 640}"`,
    ];
    if (f.sandbox !== undefined) attrs.push(`sandbox="${escapeAttr(f.sandbox)}"`);
    if (f.fullscreen) attrs.push('allowfullscreen', 'allow="fullscreen"');
    if (f.applyResize) attrs.push('data-apply-resize');
    return `<iframe ${attrs.join(' ')}></iframe>`;
  });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Course page</title>
<link rel="icon" href="data:,">
<script>
  window.__messages = [];
  // Keys the course page itself receives: a barrier for checks that a frame did not get them.
  window.__keys = [];
  addEventListener('keydown', (e) => window.__keys.push(e.key), true);
  addEventListener('message', (e) => {
    let data = e.data;
    try { data = JSON.parse(JSON.stringify(e.data)); } catch { data = String(e.data); }
    const frame = Array.from(document.getElementsByTagName('iframe')).find((f) => f.contentWindow === e.source);
    window.__messages.push({ origin: e.origin, frame: frame ? frame.title : null, data, at: Date.now() });
    if (frame && frame.hasAttribute('data-apply-resize') && data && data.subject === 'lti.frameResize' && data.height > 0) {
      frame.height = String(data.height);
    }
  });
</script>
</head>
<body>
<h1>${escapeAttr(heading)}</h1>
<p><button type="button">Course menu</button></p>
${iframes.join('\n')}
<p>Discuss the reading in the forum.</p>
</body>
</html>`;
}

/**
 * Starts a server for the built site with a course page at /course.html. `frames[i].src` may be
 * relative to the app's root on the cross-site origin (e.g. "?embed=1&lang=en"); absolute URLs
 * are kept. `sameSite: true` serves the frame from 127.0.0.1 instead of localhost.
 * Extra server options (headers, wasmMime, routes, log) are passed through.
 * Returns { server, pageUrl, appUrl(path), appOrigin, routes, close }.
 */
export async function startCourseSite({ startServer, root, frames, sameSite = false, routes = {}, ...options }) {
  const server = await startServer({ root, routes, ...options });
  const appOrigin = sameSite ? `http://127.0.0.1:${server.port}` : `http://localhost:${server.port}`;
  const appUrl = (path = '') => `${appOrigin}/${path}`;
  routes['/course.html'] = {
    body: coursePage(frames.map((f) => ({ ...f, src: /^[a-z]+:/.test(f.src) ? f.src : appUrl(f.src) }))),
  };
  return {
    server,
    pageUrl: `http://127.0.0.1:${server.port}/course.html`,
    appUrl,
    appOrigin,
    routes,
    close: () => server.close(),
  };
}

/** The messages the course page has received so far. */
export function messages(page) {
  return page.js('return window.__messages ? window.__messages.slice() : null;');
}
