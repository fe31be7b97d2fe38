// Shared Playwright harness: launches Debian's Chromium with the built extension, routes the real
// Gmail and LinkedIn origins to saved-structure fixtures, and refuses every other request.
import { chromium } from 'playwright-core';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.join(here, '..', 'fixtures');
export const EXTENSION = process.env.FOLLOWUP_EXTENSION ?? path.join(here, '..', '..', '..', 'dist', 'extension');
export const NONCE = 'fixture-nonce';

/** Page CSPs: Gmail's real shape (allows eval, so WebAssembly), and a strict nonce-only one. */
export const CSP = {
  gmail: `script-src 'nonce-${NONCE}' 'unsafe-inline' 'unsafe-eval'; object-src 'none'; base-uri 'self'; require-trusted-types-for 'script'`,
  strict: `script-src 'nonce-${NONCE}'; object-src 'none'; base-uri 'self'; require-trusted-types-for 'script'`,
  linkedin: `script-src 'nonce-${NONCE}' 'unsafe-eval'; object-src 'none'`,
  none: null,
};

const ORIGINS = { 'mail.google.com': 'gmail', 'www.linkedin.com': 'linkedin', 'gmail.fixtures.test': 'gmail', 'linkedin.fixtures.test': 'linkedin' };
/** An origin the extension does not match, serving the Gmail fixtures (baseline measurements). */
export const UNMATCHED_GMAIL = 'https://gmail.fixtures.test/mail/u/0/';
export const UNMATCHED_LINKEDIN = 'https://linkedin.fixtures.test/feed/';

/** What a page may load besides its document when `launch({ assets: true })`: answered locally. */
const ASSET_TYPES = new Set(['image', 'font', 'stylesheet', 'media']);

/**
 * Launches Chromium with the extension. Returns { context, worker, extensionId, stray, assets, close }.
 * `stray` collects every request that was not served by a fixture (must stay empty). With
 * `assets: true` (pages captured from the live sites reference images, sprites and fonts), the
 * page's image, font, style-sheet and media requests are answered here with an empty 204 and
 * listed in `assets` instead: they never leave the browser either.
 */
export async function launch({ headed = false, assets = false } = {}) {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'followup-e2e-'));
  const args = [
    `--disable-extensions-except=${EXTENSION}`,
    `--load-extension=${EXTENSION}`,
    '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic', '--disable-features=Translate,OptimizationHints,MediaRouter',
  ];
  if (!headed) args.unshift('--headless=new');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: false,
    args,
    viewport: { width: 1280, height: 800 },
  });
  const stray = [];
  const answered = [];
  const files = new Map();
  await context.route((url) => url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:', async (route) => {
    const url = new URL(route.request().url());
    const site = ORIGINS[url.hostname];
    if (assets && ASSET_TYPES.has(route.request().resourceType())) {
      answered.push(route.request().url());
      return route.fulfill({ status: 204, body: '' });
    }
    if (url.protocol === 'https:' && site) return serveFixture(route, site, url, files);
    stray.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    stray,
    assets: answered,
    files,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Serves `fixtures/<site>/<name>.html` for URLs like `https://mail.google.com/mail/u/0/?fixture=NAME&csp=MODE`,
 * or a page registered by `openFixture(…, { file })` for `?file=N`; anything else is a 404.
 */
async function serveFixture(route, site, url, files) {
  // Gmail's compose link (what "Write it" opens) gets the compose-link fixture.
  const name = url.searchParams.get('fixture') ?? (url.searchParams.get('view') === 'cm' ? 'compose-view' : 'index');
  const mode = url.searchParams.get('csp') ?? site;
  const registered = files.get(url.searchParams.get('file'));
  if (!registered && !/^[a-z0-9-]+$/.test(name)) return route.fulfill({ status: 404, body: 'bad fixture name' });
  const file = registered ?? path.join(FIXTURES, site, `${name}.html`);
  let body;
  try {
    body = await readFile(file, 'utf8');
  } catch {
    return route.fulfill({ status: 404, contentType: 'text/plain', body: `no fixture ${site}/${name}` });
  }
  const headers = { 'content-type': 'text/html; charset=utf-8' };
  const csp = CSP[mode];
  if (csp) headers['content-security-policy'] = csp;
  return route.fulfill({ status: 200, headers, body: body.replaceAll('{{NONCE}}', NONCE) });
}

/** Opens an extension page (default: the popup) and returns it. */
export async function extensionPage(env, page = 'popup.html') {
  const p = await env.context.newPage();
  await p.goto(`chrome-extension://${env.extensionId}/${page}`);
  return p;
}

/** Sends a runtime message to the worker from an extension page and returns the reply. */
export async function send(page, message) {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

/**
 * The store's events of `kind` (`sent` or `reply`), as `interview/interviewer:what:channel`
 * (what: the follow-up sent, or the reply's outcome), read from an extension page `ext`.
 */
export async function storedEvents(ext, kind) {
  const { store } = await send(ext, { type: 'export' });
  return store.interviews.flatMap((iv) => (iv.events ?? [])
    .filter((e) => e.kind === kind)
    .map((e) => `${iv.id}/${e.interviewer}:${e.follow_up ?? e.outcome}:${e.channel ?? '-'}`));
}

/** Waits (10 s at most) until `storedEvents(ext, kind)` is `expected`; fails saying `what`. */
export async function waitForEvents(ext, kind, expected, what) {
  const deadline = Date.now() + 10000;
  let last;
  for (;;) {
    last = await storedEvents(ext, kind);
    if (JSON.stringify(last) === JSON.stringify(expected)) return last;
    if (Date.now() > deadline) throw new Error(`${what}: expected ${JSON.stringify(expected)}, the store has ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Opens a fixture page and records page errors and console errors on it. With `file` (an
 * absolute path), that page is served at the site's address instead of a fixture (`name` is
 * then only a label). `beforeLoad(page)` runs before the navigation (to count from the start).
 */
export async function openFixture(env, site, name, csp, { url, file, beforeLoad } = {}) {
  const host = url ?? (site === 'gmail' ? 'https://mail.google.com/mail/u/0/' : 'https://www.linkedin.com/messaging/');
  const page = await env.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  let q;
  if (file) {
    const token = String(env.files.size + 1);
    env.files.set(token, file);
    q = new URLSearchParams({ file: token });
  } else {
    q = new URLSearchParams({ fixture: name });
  }
  if (csp) q.set('csp', csp);
  await beforeLoad?.(page);
  await page.goto(`${host}?${q}`);
  return { page, errors };
}

/**
 * Script time (ms, CDP `ScriptDuration`: the page's scripts and the content script) that a
 * fixture spends while `action(page)` runs, with the content script, and the same on `without`
 * (an address where it does not run): `runs` pages each, interleaved. Returns both medians and a
 * line for the report. `ready(page)` waits until the page (and, with it, the helper) is set.
 */
export async function scriptCost(env, { site, fixture, without, ready, action, runs = 5 }) {
  const once = async (url) => {
    const { page, errors } = await openFixture(env, site, fixture, undefined, { url });
    await ready(page, !url);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration').value;
    const t0 = await metric();
    await action(page);
    const spent = (await metric()) - t0;
    if (errors.length) throw new Error(errors.join('\n'));
    await page.close();
    return spent * 1000;
  };
  const withList = [];
  const withoutList = [];
  for (let i = 0; i < runs; i++) {
    withoutList.push(await once(without));
    withList.push(await once());
  }
  const a = median(withList);
  const b = median(withoutList);
  const line = `median of ${runs}: ${a.toFixed(1)} ms with the content script, ${b.toFixed(1)} ms without ` +
    `(${a >= b ? '+' : ''}${(a - b).toFixed(1)} ms, ${a >= b ? '+' : ''}${(((a - b) / b) * 100).toFixed(1)}%)`;
  return { with: a, without: b, line };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
}

// ---------------------------------------------------------------------------------------------
// The in-page helper's UI, reached from the content script's isolated world.
//
// Each helper is a host element `[data-followup-ui]` placed just before its editor, with a
// (closed) shadow root. The page cannot see inside, and neither can Playwright locators; the
// content script's isolated world can, through `chrome.dom.openOrClosedShadowRoot` (which also
// returns open roots, so these hooks work against open- and closed-root builds alike). Every
// action handler ignores untrusted events, so clicks go through `page.mouse` (CDP input, trusted)
// at coordinates measured inside the root, and keys through `page.keyboard`.
//
// A helper is picked with `host`: a number (index in document order, default 0) or a CSS
// selector matched by the host or one of its ancestors (climbing out of page-made shadow roots,
// so '[role=dialog]' finds the helper inside LinkedIn's `#interop-outlet` modal).
// ---------------------------------------------------------------------------------------------

export const EXTENSION_NAME = 'Interview Follow-Up';

// Runs in the isolated world before each evaluated function: the helper roots in document order
// (hosts inside page-made open shadow roots included), the roots of the notes after a send or for
// a reply (`data-followup-note`: reached with pick(selector), not counted among the helpers) and
// a few helpers for the functions.
const PRELUDE = String.raw`
  const rootOf = (host) => chrome.dom.openOrClosedShadowRoot(host);
  const roots = [];
  const notes = [];
  const walk = (scope) => {
    for (const el of scope.querySelectorAll('*')) {
      if (el.hasAttribute('data-followup-ui')) { const r = rootOf(el); if (r) roots.push(r); }
      else if (el.hasAttribute('data-followup-note')) { const r = rootOf(el); if (r) notes.push(r); }
      else if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const within = (el, sel) => {
    for (let n = el; n; n = n.parentElement ?? n.getRootNode().host) if (n.matches(sel)) return true;
    return false;
  };
  const pick = (host = 0) => (typeof host === 'number' ? roots[host] : [...roots, ...notes].find((r) => within(r.host, host))) ?? null;
  const find = (sel, { host = 0, index = 0 } = {}) => pick(host)?.querySelectorAll(sel)[index] ?? null;
  // The editor a helper belongs to (the host sits just before it) and its text.
  const editorText = (host = 0) => {
    const ed = pick(host)?.host.nextElementSibling;
    return ed ? (ed.value ?? ed.innerText) : null;
  };
  // The text a user can see in a helper's root: outside [hidden] elements and the style sheet.
  // Words about the job search are drawn from data-text (CSS generated content, which the page's
  // window.find() cannot search); label(el) reads an element's text either way.
  const label = (el) => el?.getAttribute('data-text') ?? el?.textContent ?? null;
  const shown = (host = 0) => {
    const root = pick(host);
    if (!root) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    const parts = [];
    while (walker.nextNode()) {
      const n = walker.currentNode;
      const el = n.nodeType === Node.TEXT_NODE ? n.parentElement : n;
      if (!el || el.closest('[hidden], style')) continue;
      if (n.nodeType === Node.TEXT_NODE) parts.push(n.data);
      else if (n.hasAttribute('data-text')) parts.push(n.getAttribute('data-text'));
    }
    return parts.join(' ');
  };
`;

/**
 * Connects to the content script's isolated world of `page` (main frame) over CDP and returns
 * hooks into the helpers' roots. The world is looked up at each call, so navigations are fine.
 * `timeout` (default 15 s) bounds every wait. Functions run in the isolated world are sent as
 * source: they see only their arguments (`arg` travels as JSON), never the test's variables.
 *
 *   ui.eval(fn, arg)                    fn(roots, arg, { pick, find, within, shown }) in the isolated world; its (JSON) value
 *   ui.waitFor(fn, arg, { timeout, what }) polls ui.eval until it returns something truthy; returns that
 *   ui.roots()                          how many helper roots the isolated world reaches
 *   ui.click(sel, { host, index })      waits until the control is visible and on top, clicks it with page.mouse
 *   ui.insert({ host })                 clicks Insert and waits until the draft is in the editor
 *   ui.inserting(action, { host })      runs action (a click, a key) and waits until the editor's text changed
 *   ui.started()                        ms the content script took to load and instantiate (isolated world only)
 *   ui.module()                         the loader's state: 'waiting' (no WebAssembly yet), 'loading', 'started', 'refused'
 *   ui.stats()                          { attached, alive, memory, scans }: helpers on editors, helpers in memory, module bytes, scans so far
 *   ui.listeners(type)                  how many `type` listeners the content script has on `window`
 *   ui.heap()                           the tab's JS heap in bytes (used), after a garbage collection
 *   ui.axe({ host })                    axe-core's violations inside that helper's root: [{ id, impact, help, targets }]
 *   ui.focus(sel, { host, index })      focuses the control (then press keys with page.keyboard)
 *   ui.text(sel, { host, index })       its textContent (null when absent)
 *   ui.attr(sel, name, { host, index }) one of its attributes (null when absent)
 *   ui.shown({ host })                  the text the helper shows (hidden parts and styles left out)
 *   ui.title(sel, { host, index })      its title; sel defaults to the insert button
 *   ui.waitForTitle(re, { host })       waits until the insert button's title matches `re`; returns it
 *   ui.count({ host })                  the findings count shown on the chip, as a number
 *   ui.waitForCount(not, { host })      waits until that count differs from `not`; returns it
 */
export async function helperUi(page, { timeout = 15000 } = {}) {
  const cdp = await page.context().newCDPSession(page);
  const contexts = new Map(); // id → { frameId }
  let changed = () => {};
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
    if (c.auxData?.type === 'isolated' && c.name === EXTENSION_NAME) {
      contexts.set(c.id, { frameId: c.auxData.frameId });
      changed();
    }
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => contexts.delete(executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
  await cdp.send('Runtime.enable');

  // The newest isolated world of the extension in the main frame; waits for it to appear.
  const world = async () => {
    const deadline = Date.now() + timeout;
    for (;;) {
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const ids = [...contexts].filter(([, c]) => c.frameId === frameTree.frame.id).map(([id]) => id);
      if (ids.length) return Math.max(...ids);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no "${EXTENSION_NAME}" content-script world in ${page.url()}`);
      await new Promise((resolve) => { changed = resolve; setTimeout(resolve, Math.min(left, 250)); });
    }
  };

  const evaluate = async (fn, arg) => {
    const expression = `(async () => { ${PRELUDE}\n return (${fn.toString()})(roots, ${JSON.stringify(arg ?? null)}, { pick, find, within, shown, editorText, label }); })()`;
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression, contextId: await world(), returnByValue: true, awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`in the isolated world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  };

  // Polls `fn` until truthy. A world torn down by a navigation counts as "not yet".
  const waitFor = async (fn, arg, { timeout: limit = timeout, what } = {}) => {
    const deadline = Date.now() + limit;
    let last;
    for (;;) {
      try {
        last = await evaluate(fn, arg);
        if (last) return last;
      } catch (e) {
        if (!/context|destroyed/i.test(e.message)) throw e;
        last = e.message;
      }
      if (Date.now() > deadline) throw new Error(`timed out after ${limit} ms waiting for ${what ?? fn.toString()} (last: ${JSON.stringify(last)})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const at = (sel, { host = 0, index = 0 } = {}) => ({ sel, host, index });
  const ui = {
    eval: evaluate,
    waitFor,
    roots: () => evaluate((roots) => roots.length),
    /**
     * Runs `action` (a click or key press that inserts a draft) and waits until the helper's
     * editor shows new text: the draft arrives from the worker after a round trip.
     */
    async inserting(action, { host = 0 } = {}) {
      const before = await evaluate((roots, a, { editorText }) => editorText(a.host), { host });
      await action();
      await waitFor((roots, a, { editorText }) => editorText(a.host) !== a.before, { host, before }, { what: 'the draft to be typed in' });
    },
    insert: (opts) => ui.inserting(() => ui.click('[data-action="insert-draft"]', opts), opts),
    /** ms from the loader's start to the module instantiated (kept in the isolated world only). */
    started: () => waitFor(() => globalThis.followupStarted, null, { what: 'the content script to start' }),
    /** The loader's state; 'waiting' means no WebAssembly was fetched or instantiated in this tab. */
    module: () => waitFor(() => globalThis.followupModule, null, { what: 'the loader to run' }),
    /** Listeners of `type` the isolated world added to `window` (the page's own are not listed). */
    async listeners(type) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'window', contextId: await world() });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
      await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
      return listeners.filter((l) => l.type === type).length;
    },
    /**
     * Runs axe-core (WCAG 2.x A and AA, and best practices) on one helper, in the isolated world.
     * axe reaches shadow roots through `Element.prototype.shadowRoot`, which is null for a closed
     * root; for the run only, that getter answers `chrome.dom.openOrClosedShadowRoot` in the
     * isolated world (the page's own prototype is a different object and is not touched).
     */
    async axe({ host = 0 } = {}) {
      const contextId = await world();
      const loaded = await cdp.send('Runtime.evaluate', { expression: 'typeof axe', contextId, returnByValue: true });
      if (loaded.result.value !== 'object') {
        const source = await readFile(path.join(here, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
        const { exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: source, contextId });
        if (exceptionDetails) throw new Error(`axe-core did not load: ${exceptionDetails.text}`);
      }
      return evaluate(async (roots, a, { pick }) => {
        const hostEl = pick(a.host).host;
        const own = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot');
        Object.defineProperty(Element.prototype, 'shadowRoot', {
          configurable: true,
          get() { return chrome.dom.openOrClosedShadowRoot(this); },
        });
        try {
          const result = await axe.run(hostEl, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
            // A fragment of a page: page-level rules (landmarks, a main heading) are the page's.
            rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false }, 'landmark-one-main': { enabled: false } },
          });
          return result.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
          }));
        } finally {
          Object.defineProperty(Element.prototype, 'shadowRoot', own);
        }
      }, { host });
    },
    async heap() {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    },
    /** Helpers attached to editors, helpers still in memory, and the module's memory in bytes. */
    stats: () => waitFor(() => globalThis.followupStats?.(), null, { what: 'the content script to start' }),
    async click(sel, opts) {
      // Scrolled into view if needed, then measured; clicked only once it is visible and on top.
      const point = await waitFor((roots, { sel, host, index }, { pick, find }) => {
        const el = find(sel, { host, index });
        if (!el || el.closest('[hidden]')) return null;
        // Into view in the window and in any list it scrolls inside, as a user would scroll.
        el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        const r = el.getBoundingClientRect();
        if (!r.width || !r.height) return null;
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        const hit = pick(host).elementFromPoint(x, y);
        return hit && (hit === el || el.contains(hit)) ? { x, y } : null;
      }, at(sel, opts), { what: `a clickable ${sel}` });
      await page.mouse.click(point.x, point.y);
    },
    async focus(sel, opts) {
      await waitFor((roots, a, { find }) => {
        const el = find(a.sel, a);
        el?.focus();
        return !!el && el.getRootNode().activeElement === el;
      }, at(sel, opts), { what: `focus on ${sel}` });
    },
    text: (sel, opts) => evaluate((roots, a, { find, label }) => label(find(a.sel, a)), at(sel, opts)),
    attr: (sel, name, opts) => evaluate((roots, a, { find }) => find(a.sel, a)?.getAttribute(a.name) ?? null, { ...at(sel, opts), name }),
    shown: ({ host = 0 } = {}) => evaluate((roots, a, { shown }) => shown(a.host), { host }),
    title: (sel = '[data-action="insert-draft"]', opts) => ui.attr(sel, 'title', opts),
    waitForTitle: (re, { host = 0 } = {}) => waitFor((roots, a, { find }) => {
      const t = find('[data-action="insert-draft"]', a)?.title ?? '';
      return new RegExp(a.source, a.flags).test(t) && t;
    }, { host, source: re.source, flags: re.flags }, { what: `the insert button's title to match ${re}` }),
    count: async ({ host = 0 } = {}) => Number(await ui.text('[data-action="open-findings"]', { host })),
    waitForCount: (not, { host = 0 } = {}) => waitFor((roots, a, { find }) => {
      const t = find('[data-action="open-findings"]', a)?.textContent;
      return t != null && t !== String(a.not) && t;
    }, { host, not }, { what: `the findings count to leave ${not}` }).then(Number),
  };
  return ui;
}

/** The control named `name` of the due item titled `title`, reached as a user would: its closed
 * "Upcoming" section and its "More" opened first when that is where it is. */
export async function dueControl(page, title, name) {
  const li = page.locator('li.item', { hasText: title }).first();
  await li.waitFor({ state: 'attached' });
  const later = page.locator('details.later:not([open])', { has: li });
  if (await later.count()) await later.locator(':scope > summary').click();
  const c = li.getByRole('button', { name, exact: true }).or(li.locator('summary', { hasText: name })).first();
  if (!(await c.isVisible())) await li.locator('details.more > summary').click();
  return c;
}
