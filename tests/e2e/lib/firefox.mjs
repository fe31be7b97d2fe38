// Firefox driver: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi (no
// geckodriver), with the Firefox build of the extension installed as a temporary add-on. The
// same fixtures as the Chromium harness, served the same way (the real Gmail and LinkedIn
// addresses, answered here); nothing else is answered, and the proxy is a closed local port, so
// no request can leave the machine.
//
// Firefox specifics, each measured here:
// - the add-on's internal UUID is random per profile; the pref `extensions.webextensions.uuids`,
//   set before it is installed, fixes it, so extension pages have a known address;
// - `page.goto()` to a `moz-extension://` page never resolves (puppeteer#14314): the page does
//   load, so `extensionPage` starts the navigation and waits on the page's own state instead;
// - notifications go to Firefox's own alert window (`alerts.useSystemBackend: false`), so
//   `notifications.getAll()` sees them when headless; while one is the last window opened,
//   Firefox 140 ESR (Debian bookworm's) cannot open a tab (`browsingContext.create` fails in
//   `TabManager.getTabBrowser`: "can't access property selectedTab"), so every page opens in a
//   window of its own (`newPage({ type: 'window' })`, the same in 153);
// - an idle event page is suspended after `extensions.background.idle.timeout` ms (30 s by
//   default): 3 s here, so the tests see it woken by a message and by an alarm.
import puppeteer from 'puppeteer-core';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP, FIXTURES, NONCE } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIREFOX_EXTENSION = process.env.FOLLOWUP_FIREFOX_EXTENSION ?? path.join(here, '..', '..', '..', 'dist', 'extension-firefox');
export const GECKO_ID = 'interview-followup@interview-followup.app';
export const UUID = '6f1c3a52-1b7e-4c1e-9a57-0c3d1f2e9b10';
export const ORIGIN = `moz-extension://${UUID}`;
export const IDLE_MS = 3000;

const SITES = { 'mail.google.com': 'gmail', 'www.linkedin.com': 'linkedin' };

/** Launches Firefox with the extension. Returns { browser, stray, close }. */
export async function launch() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'extensions.background.idle.timeout': IDLE_MS,
      'alerts.useSystemBackend': false,
      // Every connection goes to a closed local port: nothing leaves, whatever asks.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
  const id = await browser.installExtension(FIREFOX_EXTENSION);
  if (id !== GECKO_ID) throw new Error(`installed as ${id}, expected ${GECKO_ID}`);
  const env = { browser, stray: [], files: new Map() };
  env.close = () => browser.close();
  return env;
}

/** Polls `fn` in the page's main realm until it returns something truthy. */
export async function until(page, fn, arg, { timeout = 15000, what = 'the page state' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await page.evaluate(fn, arg).catch((e) => ({ error: e.message }));
    if (last && !last.error) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)}`);
}

/** Opens an extension page (default: the popup) and waits until it is ready. */
export async function extensionPage(env, page = 'popup.html') {
  const p = await env.browser.newPage({ type: 'window' });
  const url = `${ORIGIN}/${page}`;
  p.goto(url).catch(() => {});
  await until(p, (u) => location.href === u && document.readyState !== 'loading', url, { what: url });
  if (page === 'popup.html') await until(p, () => document.querySelector('#app')?.dataset.ready === 'true', undefined, { what: 'the popup' });
  return p;
}

/** Reloads an extension page and waits until it is ready again. */
export async function reload(p) {
  await p.evaluate(() => { document.querySelector('#app')?.removeAttribute('data-ready'); location.reload(); }).catch(() => {});
  await until(p, () => document.querySelector('#app')?.dataset.ready === 'true', undefined, { what: 'the popup after a reload' });
}

/** Sends a runtime message to the extension's background from an extension page. */
export function send(page, message) {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

/** Shift+Tab, `times` times (from an editor back to the helper's controls just before it). */
export async function shiftTab(page, times = 1) {
  for (let i = 0; i < times; i++) {
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
  }
}

/** Opens a due item's More (`li`: the item's element) and clicks its button named `label`. */
export async function more(li, label) {
  await (await li.$('details.more > summary')).click();
  const buttons = await li.$$('.menu > button');
  const labels = await Promise.all(buttons.map((b) => b.evaluate((e) => e.textContent)));
  const at = labels.indexOf(label);
  if (at < 0) throw new Error(`no ${label} under More: ${labels.join(', ')}`);
  await buttons[at].click();
}

/** Opens a Gmail or LinkedIn fixture at the site's real address, served from `fixtures/`. */
export async function openFixture(env, site, name, csp) {
  const page = await env.browser.newPage({ type: 'window' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.setRequestInterception(true);
  page.on('request', (request) => serve(env, request));
  const host = site === 'gmail' ? 'https://mail.google.com/mail/u/0/' : 'https://www.linkedin.com/messaging/';
  const q = new URLSearchParams({ fixture: name });
  if (csp) q.set('csp', csp);
  await page.goto(`${host}?${q}`);
  return { page, errors };
}

async function serve(env, request) {
  const url = new URL(request.url());
  const site = SITES[url.hostname];
  if (url.protocol !== 'https:' || !site) {
    if (url.protocol === 'http:' || url.protocol === 'https:') env.stray.push(request.url());
    return url.protocol.startsWith('http') ? request.abort() : request.continue();
  }
  const name = url.searchParams.get('fixture') ?? (url.searchParams.get('view') === 'cm' ? 'compose-view' : 'index');
  if (!/^[a-z0-9-]+$/.test(name)) return request.respond({ status: 404, body: 'bad fixture name' });
  let body;
  try {
    body = await readFile(path.join(FIXTURES, site, `${name}.html`), 'utf8');
  } catch {
    return request.respond({ status: 404, contentType: 'text/plain', body: `no fixture ${site}/${name}` });
  }
  const headers = {};
  const csp = CSP[url.searchParams.get('csp') ?? site];
  if (csp) headers['content-security-policy'] = csp;
  return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', headers, body: body.replaceAll('{{NONCE}}', NONCE) });
}
