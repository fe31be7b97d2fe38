// Sync across devices: two browser profiles of the built extension ("laptop" and "desktop"),
// with this test as the browser's sync between them. Each profile's `storage.sync` is its own;
// `relay(from, to)` delivers to `to` what `from` wrote (and removed) since the last delivery
// from it, as Chrome Sync would; deliveries come in both orders, twice, and late.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, extensionPage, send } from '../lib/harness.mjs';
import { popupStore } from '../fixtures/popup-store.mjs';

const PASSPHRASE = 'violet harbor engine lantern';
let laptop;
let desktop;

before(async () => {
  laptop = await device('laptop');
  desktop = await device('desktop');
});
after(async () => {
  await laptop?.env.close();
  await desktop?.env.close();
});

async function device(name) {
  const env = await launch();
  const page = await extensionPage(env);
  await page.setViewportSize({ width: 380, height: 700 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.locator('#app[data-ready="true"]').waitFor();
  return { name, env, page, errors, seen: {} };
}

const syncItems = (d) => d.page.evaluate(() => chrome.storage.sync.get(null));
const stored = async (d) => (await send(d.page, { type: 'export' })).store;
const status = (d) => send(d.page, { type: 'sync-status' });

/** Delivers to `to` what `from` wrote or removed since the last delivery from `from`. */
async function relay(from, to, { twice = false } = {}) {
  const now = await syncItems(from);
  const set = {};
  for (const [k, v] of Object.entries(now)) if (JSON.stringify(from.seen[k]) !== JSON.stringify(v)) set[k] = v;
  const removed = Object.keys(from.seen).filter((k) => !(k in now));
  from.seen = now;
  for (let i = 0; i < (twice ? 2 : 1); i++) {
    await to.page.evaluate(async ({ set, removed }) => {
      if (Object.keys(set).length) await chrome.storage.sync.set(set);
      if (removed.length) await chrome.storage.sync.remove(removed);
    }, { set, removed });
  }
  return Object.keys(set).length + removed.length;
}

/** Waits until `check(store)` holds on device `d`. */
async function until(d, check, what) {
  const end = Date.now() + 20000;
  let last;
  while (Date.now() < end) {
    last = await stored(d);
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${d.name}: timed out waiting for ${what}: ${JSON.stringify(last).slice(0, 600)}`);
}

/** Opens Settings in the popup of `d`. */
async function settings(d) {
  await d.page.reload();
  await d.page.locator('#app[data-ready="true"]').waitFor();
  await d.page.getByRole('button', { name: 'Settings' }).click();
  await d.page.getByRole('heading', { name: 'Sync across your devices' }).waitFor();
}

const ids = (store) => store.interviews.map((iv) => iv.id).sort();

test('sync: a weak passphrase is refused; a strong one turns sync on, and nothing readable leaves the browser', async () => {
  const store = popupStore();
  assert.equal((await send(laptop.page, { type: 'import', store })).ok, true);
  await settings(laptop);
  const field = laptop.page.getByLabel('Passphrase');
  await field.fill('acme2026');
  await laptop.page.locator('#h-f-sync_passphrase', { hasText: 'Too short' }).waitFor();
  await laptop.page.getByRole('button', { name: 'Turn on sync' }).click();
  await laptop.page.locator('#status', { hasText: 'not strong enough' }).waitFor();
  assert.deepEqual(await syncItems(laptop), {}, 'nothing written');
  await field.fill(PASSPHRASE);
  await laptop.page.locator('#h-f-sync_passphrase', { hasText: 'Strong' }).waitFor();
  const started = Date.now();
  await laptop.page.getByRole('button', { name: 'Turn on sync' }).click();
  await laptop.page.locator('#status', { hasText: 'Sync is on.' }).waitFor({ timeout: 30000 });
  console.log(`# sync: turning on (PBKDF2-SHA-256, 600,000 iterations, key item written) took ${Date.now() - started} ms`);
  await laptop.page.getByText(/On, 1 device\./).waitFor();
  const items = await syncItems(laptop);
  const keys = Object.keys(items).sort();
  assert.ok(keys.includes('s.key') && keys.includes('s.m.0'), keys.join(' '));
  assert.equal(keys.filter((k) => k.startsWith('s.i')).length, 3, 'one group per interview');
  const text = JSON.stringify(items);
  for (const secret of ['Acme', 'Dana', 'dana@acme.example', 'Product Manager', 'Sam Rivera', 'onboarding']) {
    assert.ok(!text.includes(secret), `"${secret}" is readable in storage.sync`);
  }
  for (const [k, v] of Object.entries(items)) {
    assert.ok(k.length + JSON.stringify(v).length <= 8192, `${k} is over the per-item quota`);
  }
  const each = keys.filter((k) => k.startsWith('s.i')).map((k) => k.length + JSON.stringify(items[k]).length);
  const mean = Math.round(each.reduce((a, b) => a + b, 0) / each.length);
  const fixed = ['s.key', 's.m.0'].reduce((a, k) => a + k.length + JSON.stringify(items[k]).length, 0);
  console.log(`# sync: an interview with its people takes ${each.join(', ')} bytes synced (mean ${mean}), the rest ${fixed}: about ${Math.floor((102400 - fixed) / mean)} such interviews fit`);
  assert.deepEqual(laptop.errors, []);
});

test('sync: another device with a wrong passphrase is refused and changes nothing; with the right one, both lists merge', async () => {
  const mine = { version: 1, interviews: [{ id: 'hooli-design', company: 'Hooli', role: 'Designer', at: '2026-11-25T15:00:00Z' }] };
  assert.equal((await send(desktop.page, { type: 'import', store: mine })).ok, true);
  await relay(laptop, desktop);
  await settings(desktop);
  await desktop.page.getByLabel('Passphrase').fill('violet harbor engine lantern typo');
  await desktop.page.getByRole('button', { name: 'Turn on sync' }).click();
  await desktop.page.locator('#status', { hasText: 'does not open the data your other devices synced' }).waitFor({ timeout: 30000 });
  assert.deepEqual(ids(await stored(desktop)), ['hooli-design'], 'the desktop keeps its own list');
  assert.equal((await status(desktop)).on, false);
  await desktop.page.getByLabel('Passphrase').fill(PASSPHRASE);
  await desktop.page.getByRole('button', { name: 'Turn on sync' }).click();
  await desktop.page.locator('#status', { hasText: 'Sync is on.' }).waitFor({ timeout: 30000 });
  const merged = await until(desktop, (s) => s.interviews.length === 4, 'the laptop\'s interviews');
  assert.deepEqual(ids(merged), ['acme-pm', 'fable-content', 'globex-analyst', 'hooli-design']);
  assert.equal(merged.profile.name, 'Sam Rivera');
  assert.equal(merged.profile.keep, 'unknown field', 'unknown fields travel too');
  // The desktop's interview reaches the laptop.
  await relay(desktop, laptop);
  await until(laptop, (s) => s.interviews.length === 4, 'the desktop\'s interview');
  await desktop.page.getByText(/On, 2 devices\./).waitFor();
  assert.deepEqual(desktop.errors, []);
});

test('sync: edits made offline on both devices converge, in either order of delivery, delivered twice and late', async () => {
  // Settle first: whatever each wrote after the last delivery reaches the other.
  for (let i = 0; i < 3; i++) { await relay(laptop, desktop); await relay(desktop, laptop); await new Promise((r) => setTimeout(r, 300)); }
  const base = await stored(laptop);
  const acme = base.interviews.find((iv) => iv.id === 'acme-pm');
  // Offline: the laptop renames the company and records a thank-you to Dana; the desktop
  // changes the role, adds a skill, and deletes Globex.
  await send(laptop.page, { type: 'upsert-interview', interview: { ...acme, company: 'Acme Corporation' } });
  await send(laptop.page, { type: 'record', interview: 'acme-pm', event: { kind: 'sent', follow_up: 'thank-you', interviewer: 'dana', at: '2026-11-22T10:00:00Z' } });
  const acmeDesk = (await stored(desktop)).interviews.find((iv) => iv.id === 'acme-pm');
  await send(desktop.page, { type: 'upsert-interview', interview: { ...acmeDesk, role: 'Senior Product Manager', skills: [...acmeDesk.skills, 'roadmaps'] } });
  await send(desktop.page, { type: 'remove-interview', id: 'globex-analyst' });
  // Late and doubled: the desktop's changes reach the laptop first, twice; then the laptop's.
  await relay(desktop, laptop, { twice: true });
  await relay(laptop, desktop);
  await relay(laptop, desktop, { twice: true });
  for (let i = 0; i < 4; i++) { await new Promise((r) => setTimeout(r, 300)); await relay(desktop, laptop); await relay(laptop, desktop); }
  const want = (s) => {
    const a = s.interviews.find((iv) => iv.id === 'acme-pm');
    return a && a.company === 'Acme Corporation' && a.role === 'Senior Product Manager'
      && a.skills.includes('roadmaps') && (a.events ?? []).some((e) => e.kind === 'sent' && e.interviewer === 'dana')
      && !s.interviews.some((iv) => iv.id === 'globex-analyst');
  };
  const one = await until(laptop, want, 'both devices\' edits');
  const two = await until(desktop, want, 'both devices\' edits');
  assert.deepEqual(one, two, 'the two devices hold the same store');
  // A reminder snoozed on the laptop is not listed (nor announced) on the desktop either.
  const item = (await send(laptop.page, { type: 'schedule' })).items.find((i) => i.interview === 'fable-content');
  assert.ok(item, 'an open item for Fable');
  const listed = async (d) => (await send(d.page, { type: 'schedule' })).items.some((i) => i.interview === item.interview && i.kind === item.kind && i.interviewer === item.interviewer);
  assert.equal(await listed(desktop), true);
  assert.equal((await send(laptop.page, { type: 'snooze', interview: item.interview, interviewer: item.interviewer, kind: item.kind })).ok, true);
  await relay(laptop, desktop);
  for (let i = 0; i < 50 && await listed(desktop); i++) await new Promise((r) => setTimeout(r, 150));
  assert.equal(await listed(desktop), false, 'snoozed on the desktop too');
  assert.deepEqual(laptop.errors, []);
  assert.deepEqual(desktop.errors, []);
});

test('sync: a store the browser\'s sync cannot hold pauses sync with what to do; turning sync off cleans up everywhere', async () => {
  const before = await syncItems(desktop);
  // Two hundred interviews with long notes: far over the 100 KB the browser syncs.
  const big = { version: 1, interviews: Array.from({ length: 200 }, (_, i) => ({
    id: `co-${i}`, company: `Company ${i}`, role: 'Engineer', at: '2026-11-20T10:00:00Z',
    promised: [Array.from({ length: 40 }, (_, j) => `note ${i}-${j} ${Math.random().toString(36)}`).join(' ')],
  })) };
  assert.equal((await send(desktop.page, { type: 'import', store: big })).ok, true);
  let report;
  for (let i = 0; i < 60; i++) {
    report = await status(desktop);
    if (report.problem) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.match(report.problem ?? '', /Sync is paused: your data needs \d+ KB of the 100 KB/);
  assert.match(report.problem, /(\d+) of your 200 interviews would fit/);
  console.log(`# sync: 200 interviews with long notes: ${report.problem.match(/needs \d+ KB|\d+ of your 200 interviews would fit/g).join('; ')}`);
  assert.deepEqual(await syncItems(desktop), before, 'nothing new was written');
  await settings(desktop);
  await desktop.page.getByText(/Sync is paused/).waitFor();
  // Delete everything says that the synced copy goes too.
  await desktop.page.getByRole('button', { name: 'Delete everything…' }).click();
  await desktop.page.getByText(/The synced copy goes too: your other devices keep their data/).waitFor();
  await desktop.page.getByRole('button', { name: 'Keep my data' }).click();
  // Sync off on the laptop: our items leave its storage.sync; delivered, the desktop stops too.
  await settings(laptop);
  await laptop.page.getByRole('button', { name: 'Turn off sync' }).click();
  await laptop.page.locator('#status', { hasText: 'Sync is off.' }).waitFor();
  assert.deepEqual(await syncItems(laptop), {});
  assert.equal((await stored(laptop)).interviews.length, 3, 'the laptop keeps its data');
  await relay(laptop, desktop);
  for (let i = 0; i < 50 && (await status(desktop)).on; i++) await new Promise((r) => setTimeout(r, 200));
  const off = await status(desktop);
  assert.equal(off.on, false);
  assert.match(off.problem ?? '', /turned off on another device/);
  assert.equal((await stored(desktop)).interviews.length, 200, 'the desktop keeps its data');
});
