// Privacy: a script of Gmail's or LinkedIn's own, running in the page's main world,
// tries to learn the user's job search from the in-page helper and from the extension. It learns
// nothing the user did not insert: not the other companies, interviewers, topics, drafts, phone or
// signature; its clicks and keys do nothing; a compose it builds off-screen gets no helper; the
// extension's fixed URLs do not load; and from the content script's own world the stored data
// and every request beyond the helper's narrow ones are refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, extensionPage, send, openFixture, helperUi, FIXTURES } from '../lib/harness.mjs';

let env;
let ext;
let demo;
before(async () => {
  env = await launch();
  ext = await extensionPage(env);
  demo = JSON.parse(await readFile(path.join(FIXTURES, 'demo-store.json'), 'utf8'));
  const r = await send(ext, { type: 'import', store: demo });
  assert.equal(r.ok, true, JSON.stringify(r));
});
after(async () => { await env?.close(); });

const INSERT = '[data-action="insert-draft"]';
const CHOOSE = '[data-action="choose-draft"]';

/** Everything of the store (two companies) that a page must never read unless the user inserts it. */
const SECRETS = ['Acme', 'Fable', 'Dana', 'Raj', 'Patel', 'Maria', 'Gómez', 'Product Manager', 'Content Strategist',
  'onboarding revamp', 'discovery work', 'help center', '555 0100', 'Sam Rivera', 'sam@example.com',
  'raj@acme', 'maria@fable', 'Thank-you', 'Dear '];

/**
 * What the page's own scripts can read: the light DOM (markup, attributes, text), what each helper
 * host exposes, the performance timeline, and whether a window.find() reaches the helper's text.
 */
async function pageView(page) {
  return page.evaluate((secrets) => {
    const hosts = [...document.querySelectorAll('[data-followup-ui]')].map((h) => ({
      shadowRoot: h.shadowRoot === null ? null : 'reachable',
      attributes: [...h.attributes].map((a) => [a.name, a.value]),
      text: h.innerText,
      children: h.childElementCount,
    }));
    const marked = [...document.querySelectorAll('[data-followup-compose]')].map((e) => [...e.attributes]
      .filter((a) => a.name.startsWith('data-followup')).map((a) => [a.name, a.value]));
    const found = secrets.filter((s) => { getSelection().removeAllRanges(); return window.find(s); });
    getSelection().removeAllRanges();
    return {
      html: document.documentElement.outerHTML,
      text: document.body.innerText,
      hosts,
      marked,
      found,
      timeline: performance.getEntries().map((e) => e.name).filter((n) => /followup|chrome-extension/i.test(n)),
    };
  }, SECRETS);
}

/** The secrets a view shows beyond what the fixture itself already contains. */
function leaked(view, fixtureHtml, allowed = []) {
  const own = (s) => fixtureHtml.includes(s) || allowed.includes(s);
  return {
    html: SECRETS.filter((s) => view.html.includes(s) && !own(s)),
    text: SECRETS.filter((s) => view.text.includes(s) && !own(s)),
    found: view.found.filter((s) => !own(s)),
  };
}

const NOTHING = { html: [], text: [], found: [] };

test('Gmail: the page reads no company, person, topic, draft, phone or signature from the helper, even with its chooser open', async () => {
  const fixture = await readFile(path.join(FIXTURES, 'gmail', 'popup-compose.html'), 'utf8');
  const { page, errors } = await openFixture(env, 'gmail', 'popup-compose');
  const ui = await helperUi(page);
  await ui.waitForTitle(/^Insert: Thank-you · Dana Lee/);

  let view = await pageView(page);
  assert.deepEqual(view.hosts, [{ shadowRoot: null, attributes: [['data-followup-ui', '']], text: '', children: 0 }]);
  assert.deepEqual(view.marked, [[['data-followup-compose', 'gmail']]]);
  assert.deepEqual(view.timeline, [], 'no performance entry tells the page the extension is here');
  assert.deepEqual(leaked(view, fixture), NOTHING);

  // The user opens the chooser and the findings list (trusted clicks): still nothing readable.
  await ui.click(CHOOSE);
  await ui.waitFor((roots, a, { shown }) => shown(0).includes('Dana Lee'), null, { what: 'the chooser to list Dana' });
  view = await pageView(page);
  assert.deepEqual(leaked(view, fixture), NOTHING, 'chooser open');
  await page.keyboard.press('Escape');

  // Only what the user inserts reaches the page: Dana's draft (her company, her topic, the signature).
  await page.locator('[data-followup-compose="gmail"]').click();
  await ui.insert();
  view = await pageView(page);
  const inserted = await page.locator('[data-followup-compose="gmail"]').innerText();
  assert.match(inserted, /Dear Dana,/);
  const stillSecret = ['Fable', 'Raj', 'Patel', 'Maria', 'Gómez', 'Content Strategist', 'discovery work', 'help center', 'raj@acme', 'maria@fable'];
  assert.deepEqual(stillSecret.filter((s) => view.html.includes(s) || view.text.includes(s)), [], 'other people and companies stay unknown');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Gmail: nobody tracked on screen means nothing offered, and the chip looks the same to the page', async () => {
  const fixture = await readFile(path.join(FIXTURES, 'gmail', 'several.html'), 'utf8');
  const { page, errors } = await openFixture(env, 'gmail', 'several');
  const ui = await helperUi(page);
  const PAT = '[data-compose="c503"]';
  const DANA = '[data-compose="c501"]';
  await ui.waitForTitle(/Thank-you · Dana Lee/, { host: DANA });
  await ui.waitFor((roots, a, { find }) => /No tracked interviewer/.test(find('[data-action="insert-draft"]', a)?.title ?? ''), { host: PAT });
  // Same size for a tracked and an untracked recipient: layout tells the page nothing.
  const sizes = await page.evaluate(([a, b]) => [a, b].map((s) => {
    const r = document.querySelector(`${s} [data-followup-ui]`).getBoundingClientRect();
    return [Math.round(r.width), Math.round(r.height)];
  }), [DANA, PAT]);
  assert.deepEqual(sizes[0], sizes[1], `tracked ${sizes[0]} vs untracked ${sizes[1]}`);
  await ui.click(INSERT, { host: PAT });
  const shown = await ui.waitFor((roots, a, { shown }) => /No tracked interviewer/.test(shown(a.host)) && shown(a.host), { host: PAT });
  for (const other of ['Fable', 'Maria', 'Raj', 'Thank-you']) assert.ok(!shown.includes(other), `${other} offered to an unknown recipient: ${shown}`);
  assert.deepEqual(leaked(await pageView(page), fixture), NOTHING);
  assert.deepEqual(errors, []);
  await page.close();
});

test('script-made clicks and keys do nothing; only real input inserts', async () => {
  const { page, errors } = await openFixture(env, 'gmail', 'popup-compose');
  const ui = await helperUi(page);
  await ui.waitForTitle(/^Insert: Thank-you · Dana Lee/);
  const editor = page.locator('[data-followup-compose="gmail"]');
  await editor.click();
  // From the page: clicks and keys at the host (all a page can reach of a closed root).
  await page.evaluate(() => {
    const host = document.querySelector('[data-followup-ui]');
    host.click();
    const r = host.getBoundingClientRect();
    for (const type of ['mousedown', 'mouseup', 'click']) {
      host.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: r.right - 20, clientY: r.top + 5 }));
    }
    document.elementFromPoint(r.right - 20, r.top + 5)?.click();
    for (const key of ['Enter', ' ']) host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
  });
  // Even a script that reached inside the root (as the extension's own world can) acts on nothing:
  // every handler ignores untrusted events.
  await ui.eval((roots, a, { find }) => {
    find('[data-action="insert-draft"]').click();
    find('[data-action="choose-draft"]').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    find('[data-action="insert-draft"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  });
  assert.equal(await ui.attr('.menu', 'hidden'), '', 'the chooser stayed closed');
  // A real click inserts exactly once: the script's clicks (answered first if they had asked) added nothing.
  await ui.insert();
  const body = await editor.innerText();
  assert.equal(body.match(/Dear Dana,/g)?.length, 1, body);
  assert.deepEqual(errors, []);
  await page.close();
});

test('LinkedIn: a compose the page builds off-screen or invisible gets no helper; a shown one reveals nothing', async () => {
  const fixture = await readFile(path.join(FIXTURES, 'linkedin', 'feed.html'), 'utf8');
  const { page, errors } = await openFixture(env, 'linkedin', 'feed', undefined, { url: 'https://www.linkedin.com/in/dana-lee/' });
  const ui = await helperUi(page);
  await ui.started();
  await page.evaluate(() => {
    const note = (id, style) => {
      const dialog = document.createElement('div');
      dialog.setAttribute('role', 'dialog');
      dialog.setAttribute('style', style);
      const h = document.createElement('h2');
      h.textContent = 'Add a note to Dana Lee';
      const t = document.createElement('textarea');
      t.name = 'message';
      t.maxLength = 300;
      t.id = id;
      dialog.append(h, t);
      document.body.append(dialog);
      t.focus();
    };
    note('offscreen', 'position: fixed; left: -10000px; top: 0; width: 400px;');
    note('invisible', 'position: fixed; left: 20px; top: 20px; width: 400px; opacity: 0;');
    note('hidden', 'position: fixed; left: 20px; top: 220px; width: 400px; visibility: hidden;');
  });
  // Give recognition its chance: a focus and a mutation each trigger a scan; then a real compose
  // shown by the page is recognised, which proves the scans ran.
  await page.evaluate(() => {
    const d = document.createElement('div');
    d.setAttribute('role', 'dialog');
    d.setAttribute('style', 'position: fixed; left: 40px; top: 300px; width: 400px;');
    const t = document.createElement('textarea');
    t.name = 'message';
    t.maxLength = 300;
    t.id = 'shown';
    d.append(t);
    document.body.append(d);
  });
  await page.locator('#shown[data-followup-compose="linkedin"]').waitFor();
  await page.focus('#offscreen');
  await page.focus('#invisible');
  await page.locator('#shown').click();
  assert.deepEqual(await page.evaluate(() => ['offscreen', 'invisible', 'hidden'].map((id) => [id, document.getElementById(id).hasAttribute('data-followup-compose'),
    document.getElementById(id).previousElementSibling?.hasAttribute('data-followup-ui') ?? false])),
  [['offscreen', false, false], ['invisible', false, false], ['hidden', false, false]]);
  assert.equal(await ui.roots(), await page.locator('[data-followup-compose]').count(), 'helpers only for recognised, shown composes');
  // Composes that stay out of sight cost nothing while the page is quiet: no scan in a loop.
  const scans = (await ui.stats()).scans;
  await page.waitForTimeout(600);
  assert.ok((await ui.stats()).scans - scans <= 1, 'no scans while nothing changes');
  // The page cannot insert into the shown compose or read anything from its helper.
  assert.equal(await page.inputValue('#shown'), '');
  const view = await pageView(page);
  assert.ok(view.hosts.every((h) => h.shadowRoot === null && h.attributes.length === 1), JSON.stringify(view.hosts));
  assert.deepEqual(leaked(view, fixture, ['Dana']), NOTHING);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the extension's fixed URLs do not load from the sites' pages", async () => {
  const { page } = await openFixture(env, 'gmail', 'popup-compose');
  await (await helperUi(page)).started();
  const probes = await page.evaluate(async (id) => {
    const out = {};
    for (const file of ['pkg/content_bg.wasm', 'content-core.js', 'pkg/followup.js', 'pkg/followup_bg.wasm', 'manifest.json', 'popup.html']) {
      try {
        const r = await fetch(`chrome-extension://${id}/${file}`);
        out[file] = `loaded ${r.status}`;
      } catch (e) {
        out[file] = 'refused';
      }
    }
    out.script = await new Promise((resolve) => {
      const s = document.createElement('script');
      const policy = trustedTypes.createPolicy('probe', { createScriptURL: (u) => u });
      s.src = policy.createScriptURL(`chrome-extension://${id}/pkg/followup.js`);
      s.onload = () => resolve('loaded');
      s.onerror = () => resolve('refused');
      document.head.append(s);
    });
    return out;
  }, env.extensionId);
  assert.deepEqual(probes, { 'pkg/content_bg.wasm': 'refused', 'content-core.js': 'refused', 'pkg/followup.js': 'refused', 'pkg/followup_bg.wasm': 'refused', 'manifest.json': 'refused', 'popup.html': 'refused', script: 'refused' });
  await page.close();
});

test("from the content script's world: storage is refused, and so is every request beyond the helper's", async () => {
  const { page } = await openFixture(env, 'gmail', 'popup-compose');
  const ui = await helperUi(page);
  await ui.started();
  const seen = await ui.eval(async () => {
    const out = {};
    try {
      const items = await chrome.storage.local.get(null);
      out.storage = Object.keys(items);
    } catch (e) {
      out.storage = 'refused';
    }
    const ask = (m) => chrome.runtime.sendMessage(m).then((r) => (r?.ok ? 'answered' : r?.error ?? 'no answer'), (e) => `threw ${e.message}`);
    for (const m of [
      { type: 'export' },
      { type: 'import', store: { version: 1, interviews: [] } },
      { type: 'settings', profile: { name: 'Mallory' } },
      { type: 'delete-all' },
      { type: 'schedule' },
      { type: 'draft', interview: 'fable-content', interviewer: 'maria', kind: 'thank-you', channel: 'email' },
      { type: 'record', interview: 'acme-pm', event: { kind: 'reply', at: '2026-11-25T10:00:00Z', outcome: 'negative' } },
      { type: 'open', interview: 'fable-content', kind: 'thank-you' },
      { type: 'ics' },
      { type: 'snooze', interview: 'acme-pm', kind: 'status-check' },
      { type: 'unsnooze', interview: 'acme-pm', kind: 'status-check' },
      { type: 'wasm-refused', origin: 'https://www.linkedin.com' },
      { type: 'page-draft', people: [{ name: 'Someone Else' }], interview: 'fable-content', interviewer: 'maria', kind: 'thank-you' },
    ]) out[m.type] = await ask(m);
    const offer = await chrome.runtime.sendMessage({ type: 'offer', people: [{ name: 'Someone Else' }] });
    out.offerForStranger = offer.offer.choices.length;
    const own = await chrome.runtime.sendMessage({ type: 'offer', people: [{ email: 'dana@acme.example' }] });
    out.offerForDana = own.offer.choices.map((c) => c.label);
    return out;
  });
  assert.equal(seen.storage, 'refused', `content script read storage keys ${seen.storage}`);
  for (const type of ['export', 'import', 'settings', 'delete-all', 'schedule', 'draft', 'record', 'open', 'ics', 'snooze', 'unsnooze']) {
    assert.match(seen[type], /^refused: `[a-z-]+` is only answered to the extension's own pages$/, `${type}: ${seen[type]}`);
  }
  assert.match(seen['wasm-refused'], /^refused: a page on https:\/\/mail\.google\.com reported/);
  assert.match(seen['page-draft'], /^refused: that follow-up is not for the people on this compose/);
  assert.equal(seen.offerForStranger, 0);
  assert.ok(seen.offerForDana.length > 0 && seen.offerForDana.every((l) => l.includes('Dana Lee · Acme Corp')), seen.offerForDana.join(' | '));
  // Nothing changed.
  assert.deepEqual((await send(ext, { type: 'export' })).store.interviews.map((i) => [i.id, i.events?.length ?? 0]), [['acme-pm', 0], ['fable-content', 0]]);
  assert.equal((await send(ext, { type: 'export' })).store.profile.name, 'Sam Rivera');
  await page.close();
});

test('delete everything leaves nothing behind: backups, reports, reminders, refused origins', async () => {
  await send(ext, { type: 'import', store: demo });
  await ext.evaluate(() => chrome.storage.local.set({ 'store.backup.1': '{"version": 1, "interviews": [{"id": "old"', storeProblem: '{"backupKey":"store.backup.1"}', wasmRefused: '{"https://mail.google.com":{}}' }));
  assert.equal((await send(ext, { type: 'delete-all' })).ok, true);
  const left = await ext.evaluate(() => chrome.storage.local.get(null));
  // The revision stays, and the worker's reminder state is written again, empty.
  assert.deepEqual(Object.keys(left).sort().filter((k) => k !== 'reminders'), ['rev']);
  assert.deepEqual(JSON.parse(left.reminders ?? '{}'), { snoozed: {}, notified: [] });
  assert.deepEqual(await ext.evaluate(() => chrome.storage.session.get(null)), {});
  await send(ext, { type: 'import', store: demo });
});

test('no request left the browser', () => {
  assert.deepEqual(env.stray, []);
});
