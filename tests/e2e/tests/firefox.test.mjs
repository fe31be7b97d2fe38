// The Firefox build in Firefox ESR (lib/firefox.mjs): the event page answers and keeps data,
// wakes for a message and for an alarm after going idle, notifies without buttons (Firefox has
// none), sets the badge; the popup lists and records; Gmail and LinkedIn composes are
// recognised, a draft goes into Gmail's editor by keyboard, a send is marked sent and an opened
// reply recorded; nothing leaves the browser.
// The fixtures and stores are the Chromium suite's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, extensionPage, reload, send, openFixture, until, shiftTab, more, IDLE_MS } from '../lib/firefox.mjs';
import { popupStore } from '../fixtures/popup-store.mjs';
import { WORKER_BODIES, fromNow, invitation, dropInvitation } from '../lib/shared.mjs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FIXTURES } from '../lib/harness.mjs';

const demo = JSON.parse(await readFile(path.join(FIXTURES, 'demo-store.json'), 'utf8'));

let env;
let ext;
const started = Date.now();
before(async () => {
  env = await launch();
  ext = await extensionPage(env);
});
after(async () => {
  console.log(`# firefox: suite took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await env?.close();
});

const idle = () => new Promise((r) => setTimeout(r, IDLE_MS + 2000));


// The Chromium suite's storage and edits bodies, run here as they are (lib/shared.mjs).
for (const [name, body] of WORKER_BODIES) test(`Firefox: ${name}`, () => body({ ext, send }));

test('Firefox: the event page is woken by a message after going idle, with everything it was given', async () => {
  assert.equal((await send(ext, { type: 'ping' })).ok, true);
  const store = popupStore();
  const imported = await send(ext, { type: 'import', store });
  assert.equal(imported.ok, true, imported.error);
  const before = (await send(ext, { type: 'export' })).store;
  assert.equal(before.profile.keep, 'unknown field', 'unknown fields round-trip');
  // The event page goes idle and is suspended; a message wakes it, and the data is all there.
  await idle();
  const after = await send(ext, { type: 'export' });
  assert.equal(after.ok, true, after.error);
  assert.deepEqual(after.store, before);
});

test('Firefox: the popup lists what is due and records a sent note, with Undo', async () => {
  await send(ext, { type: 'import', store: popupStore() });
  await reload(ext);
  const heading = await until(ext, () => document.querySelector('#view h2')?.textContent);
  assert.match(heading, /^Due now: \d+ follow-ups?$/);
  const titles = await ext.evaluate(() => [...document.querySelectorAll('li.item .title')].map((t) => t.textContent));
  assert.ok(titles.includes('Thank-you note to Raj Patel'), titles.join(' | '));
  // More → Mark sent on Raj's thank-you (real clicks), then Undo.
  const item = 'li.item[data-kind="thank-you"]:has(.title)';
  const index = await ext.evaluate((sel) => [...document.querySelectorAll(sel)].findIndex((li) => li.querySelector('.title').textContent === 'Thank-you note to Raj Patel'), item);
  assert.ok(index >= 0);
  await more((await ext.$$(item))[index], 'Mark sent');
  await until(ext, () => document.querySelector('#status')?.textContent.startsWith('Marked as sent.'), undefined, { what: 'Marked as sent' });
  const raj = (await send(ext, { type: 'export' })).store.interviews.find((i) => i.id === 'acme-pm').events;
  assert.equal(raj.at(-1).kind, 'sent');
  assert.equal(raj.at(-1).interviewer, 'raj');
  await ext.click('#status button.undo');
  await until(ext, () => document.querySelector('#status')?.textContent === 'Taken back.', undefined, { what: 'Taken back' });
  assert.equal((await send(ext, { type: 'export' })).store.interviews.find((i) => i.id === 'acme-pm').events?.length ?? 0, 0);
});

test('Firefox: a calendar invitation dropped on the form fills it in', async () => {
  await send(ext, { type: 'import', store: { version: 1, profile: { name: 'Sam Rivera', email: 'sam@example.org' }, interviews: [] } });
  await reload(ext);
  await ext.click('nav button[data-action="nav:form"]');
  await until(ext, () => !!document.querySelector('#f-invite-file'), undefined, { what: 'the invitation control' });
  await ext.evaluate(dropInvitation, await invitation('zoom'));
  await until(ext, () => document.querySelector('#f-company')?.value === 'Globex', undefined, { what: 'the dropped invitation' });
  assert.equal(await ext.$eval('#f-role', (e) => e.value), 'Backend Engineer');
  assert.equal(await ext.$eval('#f-people-0-name', (e) => e.value), 'Hans Gruber');
  // (A paste is checked in Chromium: Firefox gives a script-made paste event no clipboard data.)
  assert.equal((await send(ext, { type: 'export' })).store.interviews.length, 0, 'nothing saved before Save');
  // Clear form asks once, then empties it (the unsent form would be kept for the next test).
  await ext.click('button[data-action="clear-form"]');
  await ext.click('button[data-action="clear-form"]');
  await until(ext, () => document.querySelector('#f-company')?.value === '', undefined, { what: 'the cleared form' });
});

test('Firefox: the popup adds an interview, previews its draft and records a reply', async () => {
  await send(ext, { type: 'import', store: { version: 1, profile: { name: 'Sam Rivera' }, interviews: [] } });
  await reload(ext);
  await ext.click('nav button[data-action="nav:form"]');
  await until(ext, () => !!document.querySelector('#f-company'), undefined, { what: 'the form' });
  await ext.type('#f-company', 'Initech');
  await ext.type('#f-role', 'Support Lead');
  await ext.type('#f-people-0-name', 'Bill Lumbergh');
  await ext.type('#f-people-0-email', 'bill@initech.example');
  await ext.click('button[type="submit"]');
  // The default time is now, rounded down: the thank-you is due at once.
  await until(ext, () => document.querySelector('#status')?.textContent.startsWith('Added Support Lead at Initech.'), undefined, { what: 'Added' });
  const added = (await send(ext, { type: 'export' })).store.interviews;
  assert.deepEqual(added.map((i) => [i.company, i.interviewers[0].name, i.interviewers[0].email]), [['Initech', 'Bill Lumbergh', 'bill@initech.example']]);
  await until(ext, () => [...document.querySelectorAll('li.item .title')].some((t) => t.textContent === 'Thank-you note to Bill Lumbergh'), undefined, { what: 'the thank-you in the list' });

  // Preview: the draft, signed, with its findings list.
  const li = 'li.item[data-kind="thank-you"]';
  await more(await ext.$(li), 'Preview');
  const body = await until(ext, () => document.querySelector('#f-draft-body')?.value, undefined, { what: 'the draft' });
  assert.match(body, /^Dear Bill,/);
  assert.match(body, /Sam Rivera/);
  assert.match(await ext.$eval('#f-draft-subject', (e) => e.value), /Support Lead/);
  await ext.click('button[data-action="back"]');

  // They replied: good news; the answer is on the list.
  await until(ext, () => !!document.querySelector('li.item[data-kind="thank-you"]'), undefined, { what: 'the list again' });
  await ext.click(`${li} details.more > summary`);
  await ext.click(`${li} details.replied > summary`);
  await ext.click(`${li} button[data-action="reply:positive"]`);
  await until(ext, () => document.querySelector('#status')?.textContent.startsWith('Reply recorded. Congratulations!'), undefined, { what: 'the reply recorded' });
  const events = (await send(ext, { type: 'export' })).store.interviews[0].events;
  assert.deepEqual(events.map((e) => [e.kind, e.outcome]), [['reply', 'positive']]);
});

test('Firefox: a Gmail compose is recognised and a draft for its recipient goes in by keyboard', async () => {
  await send(ext, { type: 'import', store: popupStore() });
  const { page, errors } = await openFixture(env, 'gmail', 'popup-compose');
  // The page sees the mark on the editor and the helper's host, nothing more.
  await until(page, () => !!(document.querySelector('[data-followup-compose="gmail"]') && document.querySelector('[data-followup-ui]')), undefined, { what: 'the helper' });
  const host = await page.evaluate(() => {
    const h = document.querySelector('[data-followup-ui]');
    return { attrs: [...h.attributes].map((a) => a.name), open: h.shadowRoot !== null };
  });
  assert.deepEqual(host, { attrs: ['data-followup-ui'], open: false });
  // Into the message, then back to the helper's first control (insert), and Enter.
  await page.click('[g_editable="true"]');
  await page.keyboard.type('Already here. ');
  await shiftTab(page, 3);
  await page.keyboard.press('Enter');
  const text = await until(page, () => {
    const t = document.querySelector('[g_editable="true"]').innerText;
    return t.includes('Dana') && t;
  }, undefined, { what: 'the inserted draft' });
  assert.ok(text.includes('Already here.'), `what the user wrote stays: ${JSON.stringify(text.slice(0, 300))}`);
  assert.match(text, /Dear Dana,/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox: a follow-up sent from Gmail with Ctrl+Enter is marked sent once; a reply opened in Gmail is recorded from the keyboard', async () => {
  await send(ext, { type: 'import', store: demo });
  const events = async (kind) => (await send(ext, { type: 'export' })).store.interviews
    .flatMap((iv) => (iv.events ?? []).filter((e) => e.kind === kind).map((e) => `${e.interviewer}:${e.follow_up ?? e.outcome}:${e.channel}`));
  const { page, errors } = await openFixture(env, 'gmail', 'popup-compose');
  await until(page, () => !!document.querySelector('[data-followup-ui]'), undefined, { what: 'the helper' });
  await page.click('[g_editable="true"]');
  await page.keyboard.type('Dear Dana, thank you for walking me through the onboarding revamp.');
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
  await until(page, () => !document.querySelector('[g_editable="true"]'), undefined, { what: 'the compose to be sent' });
  for (let i = 0; i < 50 && (await events('sent')).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(await events('sent'), ['dana:thank-you:email']);
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-followup-note]').length), 1, 'the note');
  assert.deepEqual(errors, []);
  await page.close();

  const opened = await openFixture(env, 'gmail', 'conversation');
  await opened.page.evaluate(() => window.openThread('rejection'));
  await until(opened.page, () => !!document.querySelector('[data-followup-note]'), undefined, { what: 'the reply note' });
  // The offer comes from the worker a moment later; then, from the top of the page: the three
  // outcomes (Not selected pressed), then Record.
  await new Promise((r) => setTimeout(r, 1500));
  for (let i = 0; i < 4; i++) await opened.page.keyboard.press('Tab');
  await opened.page.keyboard.press('Enter');
  for (let i = 0; i < 50 && (await events('reply')).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(await events('reply'), ['dana:negative:email']);
  assert.deepEqual(opened.errors, []);
  await opened.page.close();
});

test('Firefox: an invitation opened in Gmail opens the interview form in a window of its own, filled in from the message', async () => {
  await send(ext, { type: 'import', store: demo });
  const opened = await openFixture(env, 'gmail', 'conversation');
  await opened.page.evaluate(() => window.openThread('invite'));
  await until(opened.page, () => !!document.querySelector('[data-followup-note]'), undefined, { what: 'the note' });
  await new Promise((r) => setTimeout(r, 1000));
  // From the top of the page: the invitation's links (five), its chip's link, then the note's
  // "Track this interview".
  const before = new Set(env.browser.targets());
  for (let i = 0; i < 7; i++) await opened.page.keyboard.press('Tab');
  await opened.page.keyboard.press('Enter');
  // An extension page's target does not report its address over BiDi: the new window is asked.
  let form;
  for (let i = 0; i < 100 && !form; i++) {
    await new Promise((r) => setTimeout(r, 100));
    for (const t of env.browser.targets().filter((t) => !before.has(t) && t.type() === 'page')) {
      const p = await t.page();
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.includes('/popup.html')) form = p; // its #invitation is gone once taken
    }
  }
  assert.ok(form, 'the form opened in a window of its own');
  await until(form, () => document.querySelector('input[name="company"]')?.value === 'Acme', undefined, { what: 'the form filled in' });
  assert.equal(await form.evaluate(() => document.querySelector('input[name="role"]').value), 'Product Manager');
  assert.deepEqual(await form.evaluate(() => [...document.querySelectorAll('input[name$=".email"]')].map((i) => i.value)),
    ['priya@acme.example', 'dana@acme.example']);
  assert.equal((await send(ext, { type: 'export' })).store.interviews.length, 2, 'nothing saved before Save');
  assert.deepEqual(opened.errors, []);
  await form.close();
  await opened.page.close();
});

test('Firefox: what the user types is checked, and a finding\'s fix applies from the keyboard', async () => {
  const { page, errors } = await openFixture(env, 'gmail', 'popup-compose');
  await until(page, () => !!document.querySelector('[data-followup-ui]'), undefined, { what: 'the helper' });
  const editor = '[g_editable="true"]';
  await page.click(editor);
  // One finding with a fix: "thx" (text speak), and its capital at a sentence start.
  const typed = 'Hi Dana, thank you for the interview yesterday. I enjoyed our conversation about the onboarding revamp planned for Q1, and I am excited about the Product Manager role. thx again, Sam';
  await page.keyboard.type(typed);
  // The findings button is just before the message; Enter opens the list, Tab reaches the
  // first finding's fix (the helper lives in a closed shadow root: the page, and this test,
  // see only what it does to the message).
  await new Promise((r) => setTimeout(r, 600));
  await shiftTab(page);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const fixed = await until(page, (sel) => {
    const t = document.querySelector(sel).innerText;
    return t.includes('thanks again') && t;
  }, editor, { what: 'the fix in the message' });
  assert.equal(fixed.trim(), typed.replace('thx', 'thanks'), 'only the finding\'s words changed');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox: LinkedIn composes are recognised; a chat bubble gets its person\'s note by keyboard, with Send enabled', async () => {
  const { page: messaging, errors: seen } = await openFixture(env, 'linkedin', 'messaging');
  await until(messaging, () => !!(document.querySelector('[data-followup-compose="linkedin"]') && document.querySelector('[data-followup-ui]')), undefined, { what: 'the messaging helper' });
  assert.deepEqual(seen, []);
  await messaging.close();

  await send(ext, { type: 'import', store: demo });
  const { page, errors } = await openFixture(env, 'linkedin', 'chat-bubble');
  await until(page, () => document.querySelectorAll('[data-followup-compose="linkedin"]').length === 2, undefined, { what: 'both bubbles' });
  const bubble = '#msg-overlay-conversation-bubble-1';
  const lines = () => page.evaluate((b) => [...document.querySelector(`${b} [data-followup-compose]`).querySelectorAll('p')].map((p) => p.textContent), bubble);
  const sendDisabled = () => page.evaluate((b) => document.querySelector(`${b} .msg-form__send-button, ${b} .send`).disabled, bubble);
  assert.equal(await sendDisabled(), true);
  // Wait until the helper has matched Dana (the insert offer comes from the background).
  await new Promise((r) => setTimeout(r, 800));
  await page.click(`${bubble} [data-followup-compose]`);
  await page.keyboard.type('Hello again!');
  await shiftTab(page, 3);
  await page.keyboard.press('Enter');
  const got = await until(page, (b) => {
    const ps = [...document.querySelector(`${b} [data-followup-compose]`).querySelectorAll('p')].map((p) => p.textContent);
    return ps.some((l) => /^(Hi|Dear) Dana,/.test(l)) && ps;
  }, bubble, { what: "Dana's note" });
  assert.equal(got[0], 'Hello again!', 'what the user wrote stays first');
  assert.equal(await sendDisabled(), false, 'LinkedIn saw the change: Send is enabled');
  assert.ok((await lines()).join('\n').length <= 1000 + 13);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox: an alarm wakes the idle event page; the reminder is a notification (without buttons) and the badge counts it', async () => {
  await ext.evaluate(() => chrome.notifications.getAll().then((all) => Promise.all(Object.keys(all).map((id) => chrome.notifications.clear(id)))));
  // The thank-you is announced an hour after the interview began: make that after the event
  // page has gone idle.
  const wait = IDLE_MS + 4000;
  const store = {
    version: 1,
    interviews: [{ id: 'soon', company: 'Umbrella', role: 'Analyst', at: fromNow(-3600e3 + wait), interviewers: [{ id: 'ada', name: 'Ada Wong', email: 'ada@umbrella.example' }] }],
  };
  assert.equal((await send(ext, { type: 'import', store })).ok, true);
  const key = JSON.stringify(['soon', 'ada', 'thank-you']);
  const alarm = await ext.evaluate(() => chrome.alarms.get('followup-next'));
  assert.ok(alarm && Math.abs(alarm.scheduledTime - (Date.now() + wait)) < 5000, 'an alarm is set for the reminder');
  assert.equal((await ext.evaluate(() => chrome.notifications.getAll()))[key], undefined);
  // Firefox lists each notification with its options (Chromium says `true`): it has no buttons.
  const shown = await until(ext, (k) => chrome.notifications.getAll().then((all) => all[k]), key, { timeout: wait + 30000, what: `notification ${key}` });
  assert.equal(shown.buttons, undefined);
  // Names stay out of notifications unless the user turns them on.
  assert.match(shown.message, /^Due by .*Open Interview Follow-Up to see who and what\.$/);
  assert.equal(await ext.evaluate(() => chrome.action.getBadgeText({})), '1');
  const state = await ext.evaluate(() => chrome.storage.local.get('reminders'));
  assert.ok(JSON.parse(state.reminders).notified.includes(key));
});

test('Firefox: no request left the browser', () => {
  assert.deepEqual(env.stray, []);
});
