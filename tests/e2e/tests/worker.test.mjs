// The background worker: storage that loses nothing, reminders that survive the worker being
// stopped, notifications and the badge, and "Write it" opening a ready compose.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, extensionPage, send, FIXTURES, median } from '../lib/harness.mjs';
import { WORKER_BODIES, fromNow } from '../lib/shared.mjs';

let env;
let ext;
let demo;
before(async () => {
  env = await launch();
  ext = await extensionPage(env, 'popup.html');
  demo = JSON.parse(await readFile(path.join(FIXTURES, 'demo-store.json'), 'utf8'));
});
after(async () => { await env?.close(); });


const storage = (page, fn, arg) => page.evaluate(fn, arg);

// The storage and edits bodies are shared with the Firefox suite (lib/shared.mjs).
for (const [name, body] of WORKER_BODIES) test(name, () => body({ ext, send }));

test('two pages writing at once lose no update', async () => {
  await send(ext, { type: 'import', store: { version: 1 } });
  const a = await extensionPage(env, 'popup.html');
  const b = await extensionPage(env, 'popup.html');
  const writes = (page, who) => page.evaluate((who) => Promise.all(Array.from({ length: 15 }, (_, i) => chrome.runtime.sendMessage({
    type: 'upsert-interview', interview: { id: `${who}-${i}`, company: `${who} Co ${i}`, role: 'Engineer', at: '2026-11-20T10:00:00Z' },
  }))), who);
  const replies = await Promise.all([writes(a, 'a'), writes(b, 'b')]);
  assert.ok(replies.flat().every((r) => r.ok), JSON.stringify(replies.flat().find((r) => !r.ok)));
  const ids = (await send(ext, { type: 'export' })).store.interviews.map((i) => i.id).sort();
  assert.equal(ids.length, 30);
  assert.deepEqual(ids, [...Array.from({ length: 15 }, (_, i) => `a-${i}`), ...Array.from({ length: 15 }, (_, i) => `b-${i}`)].sort());
  await a.close();
  await b.close();
});

test('corrupt stored data is set aside and reported, never overwritten silently', async () => {
  await send(ext, { type: 'import', store: demo });
  await storage(ext, () => chrome.storage.local.set({ store: '{"version": 1, "interviews": [ oops' }));
  const exported = await send(ext, { type: 'export' });
  assert.equal(exported.ok, true);
  assert.deepEqual(exported.store.interviews, []);
  const { problem } = await send(ext, { type: 'problem' });
  assert.match(problem.backupKey, /^store\.backup\.\d+$/);
  assert.ok(problem.error.length > 0);
  const kept = await storage(ext, (key) => chrome.storage.local.get(key), problem.backupKey);
  assert.equal(kept[problem.backupKey], '{"version": 1, "interviews": [ oops');
  // Importing data of the user's choice ends the notice; the backup stays.
  await send(ext, { type: 'import', store: demo });
  assert.equal((await send(ext, { type: 'problem' })).problem, null);
  assert.ok((await storage(ext, (key) => chrome.storage.local.get(key), problem.backupKey))[problem.backupKey]);
});

test('an unreadable store too big to copy aside stays as it was: read-only, downloadable, replaced only by import or delete-all', async () => {
  // 6 MB of unreadable text: a second copy would not fit the 10 MB storage quota.
  const big = `{"version": 1, "interviews": [${' '.repeat(6 * 1024 * 1024)} oops`;
  await send(ext, { type: 'delete-all' });
  await storage(ext, (text) => chrome.storage.local.set({ store: text }), big);
  // Reads answer (an empty view) instead of failing on the quota.
  const exported = await send(ext, { type: 'export' });
  assert.equal(exported.ok, true, JSON.stringify(exported).slice(0, 200));
  assert.deepEqual(exported.store.interviews, []);
  const { problem } = await send(ext, { type: 'problem' });
  assert.equal(problem.backupKey, 'store');
  assert.equal(problem.keptInPlace, true);
  // A change is refused with what to do; the document is untouched.
  const refused = await send(ext, { type: 'upsert-interview', interview: demo.interviews[0] });
  assert.equal(refused.ok, false);
  assert.match(refused.error, /could not be read.*Download it/s);
  const stored = await storage(ext, () => chrome.storage.local.get('store').then((r) => r.store.length));
  assert.equal(stored, big.length);
  // Its text can be downloaded as it was stored.
  const { text } = await send(ext, { type: 'unreadable-text' });
  assert.equal(text.length, big.length);
  assert.ok(text.endsWith(' oops'));
  // The popup says so and offers the download.
  const popup = await extensionPage(env, 'popup.html');
  await popup.locator('[data-action="download-unreadable"]').waitFor();
  assert.match(await popup.locator('.notice').first().textContent(), /no room to set it aside/);
  await popup.close();
  // An import replaces it and ends the notice.
  const imported = await send(ext, { type: 'import', store: demo });
  assert.equal(imported.ok, true, imported.error);
  assert.equal((await send(ext, { type: 'problem' })).problem, null);
  assert.equal((await send(ext, { type: 'export' })).store.interviews.length, demo.interviews.length);
  // Delete-all replaces it too.
  await storage(ext, (text) => chrome.storage.local.set({ store: text }), big);
  assert.equal((await send(ext, { type: 'export' })).ok, true);
  assert.equal((await send(ext, { type: 'delete-all' })).ok, true);
  const left = await storage(ext, () => chrome.storage.local.get(['store', 'storeProblem']));
  assert.deepEqual(left, {}, 'the unreadable document and its report are gone');
});

test('a fired alarm produces the notification and the badge count', async () => {
  // The thank-you is announced an hour after the interview began: make that 3 s from now.
  const store = {
    version: 1,
    interviews: [{ id: 'soon', company: 'Umbrella', role: 'Analyst', at: fromNow(-3600e3 + 3000), interviewers: [{ id: 'ada', name: 'Ada Wong', email: 'ada@umbrella.example' }] }],
  };
  await storage(ext, () => chrome.notifications.getAll().then((all) => Promise.all(Object.keys(all).map((id) => chrome.notifications.clear(id)))));
  const imported = await send(ext, { type: 'import', store });
  assert.equal(imported.ok, true, imported.error);
  const key = JSON.stringify(['soon', 'ada', 'thank-you']);
  const alarm = await storage(ext, () => chrome.alarms.get('followup-next'));
  assert.ok(alarm, 'an alarm is set for the next reminder');
  assert.ok(Math.abs(alarm.scheduledTime - (Date.now() + 3000)) < 5000, `alarm at ${new Date(alarm.scheduledTime).toISOString()}`);
  assert.equal((await storage(ext, () => chrome.notifications.getAll()))[key], undefined, 'nothing announced before its time');
  assert.equal(await storage(ext, () => chrome.action.getBadgeText({})), '1', 'the thank-you is due already');
  // Wait for the alarm to fire (unpacked extensions are not held to the 30 s minimum).
  let shown = {};
  for (const deadline = Date.now() + 45000; !shown[key] && Date.now() < deadline;) {
    await new Promise((r) => setTimeout(r, 200));
    shown = await storage(ext, () => chrome.notifications.getAll());
  }
  assert.equal(shown[key], true, `no notification ${key}: ${JSON.stringify(shown)}`);
  const state = await storage(ext, () => chrome.storage.local.get('reminders'));
  assert.ok(JSON.parse(state.reminders).notified.includes(key));
  assert.ok(await storage(ext, () => chrome.alarms.get('followup-tick')), 'the hourly badge tick is set');
});

test('snooze hides an item for a day and clears its notification', async () => {
  const key = JSON.stringify(['soon', 'ada', 'thank-you']);
  const reply = await send(ext, { type: 'snooze', interview: 'soon', interviewer: 'ada', kind: 'thank-you' });
  assert.equal(reply.ok, true, reply.error);
  assert.ok(Math.abs(Date.parse(reply.until) - (Date.now() + 864e5)) < 60e3);
  const items = (await send(ext, { type: 'schedule' })).items;
  assert.deepEqual(items.map((i) => i.kind), ['status-check']);
  assert.equal((await storage(ext, () => chrome.notifications.getAll()))[key], undefined);
  assert.equal(await storage(ext, () => chrome.action.getBadgeText({})), '');
  const alarm = await storage(ext, () => chrome.alarms.get('followup-next'));
  assert.ok(Math.abs(alarm.scheduledTime - Date.parse(reply.until)) < 5000, 'wakes when the snooze ends');
  assert.match((await send(ext, { type: 'snooze', interview: 'soon', kind: 'nudge', until: '2020-01-01T00:00:00Z' })).error, /future/);
});

test('stopping the worker keeps alarms and data; wake-up to answer is measured', async () => {
  await send(ext, { type: 'import', store: demo });
  await send(ext, { type: 'upsert-interview', interview: { id: 'later', company: 'Hooli', role: 'Designer', at: fromNow(864e5) } });
  const alarmsBefore = await storage(ext, () => chrome.alarms.getAll());
  const storeBefore = (await send(ext, { type: 'export' })).store;
  assert.ok(alarmsBefore.some((a) => a.name === 'followup-next'));
  const cdp = await env.context.newCDPSession(ext);
  let status = null;
  const changed = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) if (v.scriptURL.endsWith('/worker.js')) { status = v.runningStatus; changed.forEach((f) => f()); }
  });
  const until = (want) => new Promise((resolve) => {
    const check = () => { if (status === want) resolve(); };
    changed.push(check);
    check();
  });
  await cdp.send('ServiceWorker.enable');
  const times = [];
  for (let i = 0; i < 5; i++) {
    await until('running');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await until('stopped');
    const t0 = performance.now();
    const reply = await send(ext, { type: 'ping' });
    times.push(performance.now() - t0);
    assert.equal(reply.ok, true);
  }
  console.log(`worker wake-up → message answered, median of ${times.length}: ${median(times).toFixed(1)} ms (all: ${times.map((t) => t.toFixed(1)).join(', ')})`);
  assert.deepEqual((await send(ext, { type: 'export' })).store, storeBefore);
  const alarmsAfter = await storage(ext, () => chrome.alarms.getAll());
  assert.deepEqual(alarmsAfter.map((a) => [a.name, a.scheduledTime]).sort(), alarmsBefore.map((a) => [a.name, a.scheduledTime]).sort());
  await cdp.detach();
});

test('"Write it" opens a Gmail compose addressed to the person; the helper types the draft in (never in the URL), or LinkedIn', async () => {
  await send(ext, { type: 'import', store: demo });
  const opened = env.context.waitForEvent('page');
  const reply = await send(ext, { type: 'open', interview: 'acme-pm', interviewer: 'raj', kind: 'thank-you', channel: 'email' });
  assert.equal(reply.ok, true, reply.error);
  const page = await opened;
  const url = new URL(reply.url);
  assert.equal(`${url.origin}${url.pathname}`, 'https://mail.google.com/mail/');
  assert.equal(url.searchParams.get('view'), 'cm');
  assert.equal(url.searchParams.get('to'), 'raj@acme.example');
  assert.deepEqual([...url.searchParams.keys()].sort(), ['fs', 'to', 'view'], 'no subject or body in the URL (history, sync)');
  const draft = (await send(ext, { type: 'draft', interview: 'acme-pm', interviewer: 'raj', kind: 'thank-you', channel: 'email' })).draft;
  // The compose that opened gets the message and the subject from the in-page helper.
  const editor = page.locator('[data-followup-compose="gmail"]');
  await page.waitForFunction(() => /Dear Raj,/.test(document.querySelector('[data-followup-compose="gmail"]')?.innerText ?? ''));
  assert.ok((await editor.innerText()).startsWith(draft.body.split('\n')[0]));
  assert.equal(await page.locator('input[name=subjectbox]').inputValue(), draft.subject);
  // The new tab was opened at that address (read back from chrome.tabs; the page itself may
  // have been served before the test's routing attached to it).
  const tabs = await storage(ext, () => chrome.tabs.query({}));
  assert.ok(tabs.some((t) => (t.pendingUrl ?? t.url) === reply.url), JSON.stringify(tabs.map((t) => t.url)));
  await page.close();
  // Nothing is recorded until the user marks it sent.
  const events = (await send(ext, { type: 'export' })).store.interviews[0].events ?? [];
  assert.equal(events.length, 0);

  const linked = env.context.waitForEvent('page');
  const li = await send(ext, { type: 'open', interview: 'acme-pm', interviewer: 'dana', kind: 'thank-you', channel: 'linkedin' });
  assert.equal(li.url, 'https://www.linkedin.com/in/dana-lee');
  await (await linked).close();
  assert.match((await send(ext, { type: 'open', interview: 'nope', kind: 'thank-you' })).error, /no longer in your list/);
});

test('calendar export and delete everything', async () => {
  await send(ext, { type: 'import', store: demo });
  const { ics } = await send(ext, { type: 'ics', now: '2026-11-20T16:00:00-05:00' });
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /SUMMARY:.*Dana Lee/);
  assert.equal(ics.match(/CLASS:PRIVATE\r\n/g)?.length, ics.match(/BEGIN:VEVENT/g)?.length, 'every event is private on shared calendars');
  assert.equal((await send(ext, { type: 'delete-all' })).ok, true);
  assert.deepEqual((await send(ext, { type: 'export' })).store, { version: 1, interviews: [] });
  assert.equal(await storage(ext, () => chrome.action.getBadgeText({})), '');
});

test('a chrome.* call that throws instead of rejecting leaves the worker answering; refused buttons fall back to a plain notification', async () => {
  // As Firefox does with notification buttons: a synchronous throw, not a rejected promise.
  const worker = env.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  await worker.evaluate(() => {
    globalThis.followupRealCreate = chrome.notifications.create;
    const real = chrome.notifications.create.bind(chrome.notifications);
    globalThis.followupThrown = 0;
    chrome.notifications.create = (id, options) => {
      if (options?.buttons) {
        globalThis.followupThrown += 1;
        throw new TypeError('Type error for parameter options (Property "buttons" is unsupported by Firefox)');
      }
      return real(id, options);
    };
  });
  try {
    await storage(ext, () => chrome.notifications.getAll().then((all) => Promise.all(Object.keys(all).map((id) => chrome.notifications.clear(id)))));
    const store = {
      version: 1,
      interviews: [{ id: 'thrown', company: 'Umbrella', role: 'Analyst', at: fromNow(-2 * 3600e3), interviewers: [{ id: 'ada', name: 'Ada Wong', email: 'ada@umbrella.example' }] }],
    };
    const imported = await send(ext, { type: 'import', store });
    assert.equal(imported.ok, true, imported.error);
    const key = JSON.stringify(['thrown', 'ada', 'thank-you']);
    let shown = {};
    for (const deadline = Date.now() + 15000; !shown[key] && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 100));
      shown = await storage(ext, () => chrome.notifications.getAll());
    }
    assert.equal(shown[key], true, 'shown without its buttons');
    assert.ok(await worker.evaluate(() => globalThis.followupThrown) >= 1, 'the call with buttons threw');
    // The worker still answers, and still writes.
    assert.equal((await send(ext, { type: 'ping' })).ok, true);
    const recorded = await send(ext, { type: 'record', interview: 'thrown', event: { kind: 'sent', follow_up: 'thank-you', interviewer: 'ada', at: fromNow(0) } });
    assert.equal(recorded.ok, true, recorded.error);
  } finally {
    await worker.evaluate(() => { chrome.notifications.create = globalThis.followupRealCreate; }).catch(() => {});
  }
});

test('no request left the browser', () => {
  assert.deepEqual(env.stray, []);
});
