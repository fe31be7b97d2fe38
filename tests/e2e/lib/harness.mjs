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

/**
 * Launches Chromium with the extension. Returns { context, worker, extensionId, requests, close }.
 * `requests` collects every request that was not served by a fixture (must stay empty).
 */
export async function launch({ headed = false } = {}) {
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
  await context.route((url) => url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:', async (route) => {
    const url = new URL(route.request().url());
    const site = ORIGINS[url.hostname];
    if (url.protocol === 'https:' && site) return serveFixture(route, site, url);
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
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Serves `fixtures/<site>/<name>.html` for URLs like `https://mail.google.com/mail/u/0/?fixture=NAME&csp=MODE`.
 * Assets referenced by fixtures are served from the same folder; anything else is a 404.
 */
async function serveFixture(route, site, url) {
  const name = url.searchParams.get('fixture') ?? 'index';
  const mode = url.searchParams.get('csp') ?? site;
  if (!/^[a-z0-9-]+$/.test(name)) return route.fulfill({ status: 404, body: 'bad fixture name' });
  const file = path.join(FIXTURES, site, `${name}.html`);
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

/** Opens a fixture page and records page errors and console errors on it. */
export async function openFixture(env, site, name, csp, { url } = {}) {
  const host = url ?? (site === 'gmail' ? 'https://mail.google.com/mail/u/0/' : 'https://www.linkedin.com/messaging/');
  const page = await env.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  const q = new URLSearchParams({ fixture: name });
  if (csp) q.set('csp', csp);
  await page.goto(`${host}?${q}`);
  return { page, errors };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
}
