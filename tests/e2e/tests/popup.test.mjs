// The toolbar popup: every flow driven with the mouse and the keyboard on the popup
// page of the built extension. Readiness is DOM state (`#app[data-ready]`, texts, counts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, extensionPage, send, openFixture, median, dueControl } from '../lib/harness.mjs';
import { popupStore, bigStore } from '../fixtures/popup-store.mjs';
import { invitation, dropInvitation } from '../lib/shared.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** Opens the popup on `store` (empty when null), with no saved form. */
async function popup(store = null) {
  const page = await extensionPage(env);
  await page.setViewportSize({ width: 380, height: 600 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.errors = errors;
  await page.locator('#app[data-ready="true"]').waitFor();
  const reply = await send(page, store ? { type: 'import', store } : { type: 'delete-all' });
  if (!reply.ok && store) throw new Error(reply.error);
  if (!store) await send(page, { type: 'import', store: { version: 1, interviews: [] } });
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('#app[data-ready="true"]').waitFor();
  return page;
}

const stored = async (page) => (await send(page, { type: 'export' })).store;
const status = (page) => page.locator('#status');

test('the empty state says what to do first and leads to the form', async () => {
  const page = await popup();
  await page.getByRole('heading', { name: 'No interviews yet' }).waitFor();
  assert.match(await page.locator('.empty').textContent(), /Add it now/);
  await page.getByRole('button', { name: 'Import a backup' }).click();
  await page.getByLabel('Import a JSON export').waitFor();
  await page.getByRole('button', { name: 'Due now' }).click();
  await page.getByRole('button', { name: 'Add your first interview' }).click();
  await page.getByRole('heading', { name: 'Add an interview' }).waitFor();
  // The time defaults to now, rounded to a quarter hour.
  const at = await page.getByLabel('Date and time').inputValue();
  assert.match(at, /^\d{4}-\d\d-\d\dT\d\d:(00|15|30|45)$/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the due list groups open follow-ups and says who, what, when and why', async () => {
  const page = await popup(popupStore());
  const groups = await page.locator('section.group h3').allTextContents();
  assert.deepEqual(groups.map((g) => g.replace(/ \(\d+\)$/, '')), ['Overdue', 'Due', 'Upcoming']);
  const overdue = page.locator('section.group[data-status="overdue"] li.item');
  assert.equal(await overdue.count(), 2);
  assert.equal(await overdue.first().locator('.title').textContent(), 'Thank-you note to Dana Lee');
  assert.match(await overdue.first().locator('.when').textContent(), /^overdue since /);
  assert.match(await overdue.first().locator('.reason').textContent(), /24 hours/);
  const due = page.locator('section.group[data-status="due"] li.item').first();
  assert.equal(await due.locator('.title').textContent(), 'Thank-you note to Maria Gómez');
  assert.match(await due.locator('.when').textContent(), /^by \d{1,2}(:\d\d)? (am|pm) (today|tomorrow)$|^by (noon|midnight) (today|tomorrow)$/);
  // Someone with only a LinkedIn profile is written to there.
  const upcoming = page.locator('section.group[data-status="upcoming"] li.item', { hasText: 'Hank Scorpio' }).first();
  assert.equal(await upcoming.locator('button', { hasText: 'Write on LinkedIn' }).count(), 1);

  // What is not due yet waits, closed, under its heading; its items offer a look first.
  assert.equal(await page.locator('details.later').getAttribute('open'), null);
  assert.equal(await upcoming.isVisible(), false);
  await page.locator('details.later > summary').click();
  assert.deepEqual(await upcoming.locator('.actions > button').allTextContents(), ['Preview']);
  // One next step in view per item; the rest under "More".
  const first = overdue.first();
  assert.deepEqual(await first.locator('.actions > button').allTextContents(), ['Write in Gmail']);
  assert.equal(await first.getByRole('button', { name: 'Mark sent' }).isVisible(), false);
  await first.locator('details.more > summary').click();
  assert.deepEqual(await first.locator('.menu > button').allTextContents(), ['Preview', 'Copy draft', 'Mark sent', 'Snooze a day']);
  await page.keyboard.press('Escape');
  assert.equal(await first.locator('details.more').getAttribute('open'), null, 'Escape closes More');

  // A list is two Tab stops however long it is (the current item's next step and its More);
  // arrows move between its items.
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    return { title: a.closest('li.item')?.querySelector('.title').textContent, group: a.closest('section.group')?.dataset.status, tag: a.tagName };
  });
  await first.getByRole('button', { name: 'Write in Gmail' }).focus();
  await page.keyboard.press('Tab');
  assert.deepEqual(await focused(), { title: 'Thank-you note to Dana Lee', group: 'overdue', tag: 'SUMMARY' });
  await page.keyboard.press('Tab');
  assert.equal((await focused()).group, 'due', 'the next Tab leaves the overdue list');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowDown');
  const second = await overdue.nth(1).locator('.title').textContent();
  assert.deepEqual(await focused(), { title: second, group: 'overdue', tag: 'SUMMARY' });
  await page.keyboard.press('Home');
  assert.equal((await focused()).title, 'Thank-you note to Dana Lee');
  // Tab stops on the whole screen, from its heading to the end.
  await page.locator('h2').first().focus();
  let stops = 0;
  while (stops < 200) {
    await page.keyboard.press('Tab');
    if (!(await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement)))) break;
    stops += 1;
  }
  const items = await page.locator('li.item').count();
  console.log(`due list: ${stops} Tab stops for ${items} items`);
  // Two per list, plus the disclosures outside the items ("Upcoming", "All interviews").
  const lists = await page.locator('ul.items').count();
  const outside = await page.locator('main summary').evaluateAll((s) => s.filter((e) => !e.closest('li.item')).length);
  assert.equal(stops, 2 * lists + outside, `${stops} Tab stops for ${items} items in ${lists} lists`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('adding an interview with the keyboard only', async () => {
  const page = await popup(popupStore());
  const nav = page.getByRole('button', { name: 'Add interview' });
  await nav.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Add an interview' }).waitFor();
  // Tab order follows the form: heading → the invitation file → company → role → date and time …
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'invite-file');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'company');
  await page.keyboard.type('Initech');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Support Lead');
  await page.getByLabel('Name', { exact: true }).focus();
  await page.keyboard.type('Bill Lumbergh');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Director');
  await page.keyboard.press('Tab');
  await page.keyboard.type('bill@initech.example');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('the TPS report process');
  await page.getByLabel('Email').focus();
  await page.keyboard.press('Enter'); // submits the form
  await page.locator('li.item', { hasText: 'Thank-you note to Bill Lumbergh' }).waitFor();
  assert.match(await status(page).textContent(), /Added Support Lead at Initech/);
  const store = await stored(page);
  const added = store.interviews.find((i) => i.company === 'Initech');
  assert.equal(added.id, 'initech-support-lead');
  assert.deepEqual(added.interviewers.map((p) => [p.name, p.email, p.topics]), [['Bill Lumbergh', 'bill@initech.example', ['the TPS report process']]]);
  assert.equal(store.interviews.length, 4);
  // The unsent form was forgotten once saved.
  assert.equal(await page.evaluate(() => localStorage.getItem('followup.popup.form')), null);
  // Adding can be taken back.
  await status(page).getByRole('button', { name: 'Undo' }).click();
  await page.locator('#status', { hasText: 'Taken back.' }).waitFor();
  assert.equal((await stored(page)).interviews.some((i) => i.company === 'Initech'), false);
  assert.equal(await page.locator('li.item', { hasText: 'Bill Lumbergh' }).count(), 0);
  await page.close();
});

test('a calendar invitation fills the form: chosen, pasted or dropped; nothing is saved before Save', async () => {
  const page = await popup({ version: 1, profile: { name: 'Sam Rivera', email: 'sam@example.org' }, interviews: [] });
  await page.getByRole('button', { name: 'Add your first interview' }).click();
  await page.getByRole('heading', { name: 'Add an interview' }).waitFor();
  const value = (label) => page.getByLabel(label, { exact: true }).first().inputValue();
  // The page's own time zone: the form shows the invitation's time in it.
  const local = (iso) => page.evaluate((iso) => {
    const d = new Date(iso);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, iso);

  // Chosen with the file control (Outlook/Teams, in Pacific summer time).
  const file = page.getByLabel('Fill in from a calendar invitation');
  await file.setInputFiles({ name: 'invite.ics', mimeType: 'text/calendar', buffer: Buffer.from(await invitation('outlook')) });
  await page.locator('#status', { hasText: 'Filled in from the invitation' }).waitFor();
  assert.equal(await value('Company'), 'Northwind Traders');
  assert.equal(await value('Role'), 'Senior Data Analyst');
  assert.equal(await value('Date and time'), await local('2026-06-15T21:00:00Z'));
  assert.equal(await page.locator('select[name="format"]').inputValue(), 'video');
  assert.equal(await page.locator('select[name="stage"]').inputValue(), 'final');
  const people = page.locator('input[name$=".name"]');
  assert.deepEqual(await people.evaluateAll((ins) => ins.map((i) => i.value)), ['Priya Lee', 'Omar Haddad']);
  assert.deepEqual(await page.locator('input[name$=".email"]').evaluateAll((ins) => ins.map((i) => i.value)),
    ['priya.lee@northwind-traders.com', 'omar.haddad@northwind-traders.com']);
  assert.equal((await stored(page)).interviews.length, 0, 'nothing is saved until Save');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Save as filled in', 'the focus waits on Save, the fields after it');

  // Pasted into a field (Calendly, in UTC): replaces the fill, with Undo.
  await page.getByLabel('Role', { exact: true }).focus();
  const calendly = await invitation('calendly');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, calendly);
  await page.waitForFunction(() => document.querySelector('input[name="company"]')?.value === 'Initech');
  assert.equal(await value('Role'), '', 'the paste did not land in the field');
  assert.equal(await page.locator('select[name="format"]').inputValue(), 'phone');
  await page.locator('#status').getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction(() => document.querySelector('input[name="company"]')?.value === 'Northwind Traders');

  // Not an invitation: said, and the form is unchanged.
  await page.getByLabel('Fill in from a calendar invitation').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Dana Lee invited you to an interview') });
  await page.locator('#status', { hasText: 'This is not a calendar invitation' }).waitFor();
  assert.equal(await value('Company'), 'Northwind Traders');

  // Dropped anywhere on the form (Google Calendar): what to check is listed above the fields.
  await page.evaluate(dropInvitation, await invitation('google'));
  await page.waitForFunction(() => document.querySelector('input[name="company"]')?.value === 'Acme');
  assert.equal(await value('Role'), 'Product Manager');
  assert.deepEqual(await people.evaluateAll((ins) => ins.map((i) => i.value)), ['Dana Lee', 'Chris Park']);
  const offset = await page.evaluate(() => new Date('2026-12-08T15:00:00Z').getTimezoneOffset());
  if (offset !== 300) {
    assert.match(await page.locator('.invite .notice').textContent(), /the invitation says 2026-12-08 10:00 America\/New_York \(UTC-05:00\)/);
  }

  // Saved as reviewed.
  await page.getByRole('button', { name: 'Save interview' }).click();
  await page.locator('li.item', { hasText: 'Thank-you note to Dana Lee' }).waitFor();
  const added = (await stored(page)).interviews[0];
  assert.equal(added.company, 'Acme');
  assert.equal(added.format, 'video');
  assert.deepEqual(added.interviewers.map((p) => [p.name, p.email]), [['Dana Lee', 'dana.lee@acme.com'], ['Chris Park', 'chris.park@acme.com']]);
  assert.equal(new Date(added.at).toISOString(), '2026-12-08T15:00:00.000Z');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('bad input gets a plain message next to the field and stored data is kept', async () => {
  const store = popupStore();
  const page = await popup(store);
  const before = await stored(page);
  await page.getByRole('button', { name: 'Add interview' }).click();
  await page.getByLabel('Company').fill('Umbrella');
  await page.getByLabel('Role').fill('Researcher');
  await page.getByLabel('Date and time').fill('2026-11-20T14:00');
  await page.getByLabel('Decision date (optional)').fill('2026-11-18');
  await page.getByLabel('Name', { exact: true }).fill('Ada Wong');
  await page.getByLabel('Email').fill('ada at umbrella');
  await page.getByLabel('LinkedIn profile').fill('https://twitter.com/ada');
  await page.getByRole('button', { name: 'Save interview' }).click();
  const error = (name) => page.locator(`#e-f-${name}`);
  await error('decision_by').waitFor();
  assert.match(await error('decision_by').textContent(), /decision date is before the interview \(Nov 20\)/);
  assert.match(await error('people-0-email').textContent(), /“ada at umbrella” is not an email address/);
  assert.match(await error('people-0-linkedin').textContent(), /not a LinkedIn profile link/);
  assert.equal(await page.getByLabel('Email').getAttribute('aria-invalid'), 'true');
  assert.match(await status(page).textContent(), /Not saved yet: 3 fields need a fix/);
  // The message closes on a click; the first bad field has the focus.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-decision_by');
  await status(page).click();
  assert.equal(await status(page).textContent(), '');
  assert.deepEqual(await stored(page), before);
  // Fixing a field clears its message as you type.
  await page.getByLabel('Email').fill('ada@umbrella.example');
  await page.locator('#e-f-people-0-email[hidden]').waitFor({ state: 'attached' });
  await page.close();
});

test("800 interviewers' worth of form data gets one plain message and nothing is lost", async () => {
  const page = await popup(popupStore());
  const before = await stored(page);
  const people = Array.from({ length: 800 }, (_, i) => ({ name: `Panelist ${i}`, email: `p${i}@big.example`, topics: 'scaling the team' }));
  await page.evaluate((form) => {
    localStorage.setItem('followup.popup.form', JSON.stringify(form));
    localStorage.setItem('followup.popup.view', JSON.stringify('form'));
  }, { company: 'Big Panel Inc', role: 'VP', at: '2026-11-20T10:00', people });
  await page.reload();
  await page.locator('#app[data-ready="true"]').waitFor();
  assert.equal(await page.locator('.person').count(), 800);
  await page.getByRole('button', { name: 'Save interview' }).click();
  await page.locator('#e-f-people:not([hidden])').waitFor();
  assert.match(await page.locator('#e-f-people').textContent(), /That is 800 people; one interview can list at most 20/);
  assert.deepEqual(await stored(page), before);
  // The form is still there after closing the popup.
  await page.close();
  const again = await extensionPage(env);
  await again.locator('#app[data-ready="true"]').waitFor();
  assert.equal(await again.getByLabel('Company').inputValue(), 'Big Panel Inc');
  await again.evaluate(() => localStorage.clear());
  await again.close();
});

test('an unsent form survives closing the popup; people can be added and removed', async () => {
  const page = await popup(popupStore());
  await page.getByRole('button', { name: 'Add interview' }).click();
  await page.getByLabel('Company').fill('Hooli');
  await page.getByLabel('Role').fill('Engineer');
  await page.getByLabel('Name', { exact: true }).fill('Gavin Belson');
  await page.getByRole('button', { name: 'Add another person' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-people-1-name');
  await page.keyboard.type('Jared Dunn');
  await page.locator('#f-primary-1').check();
  await page.close();

  const again = await extensionPage(env);
  await again.locator('#app[data-ready="true"]').waitFor();
  await again.getByRole('heading', { name: 'Add an interview' }).waitFor();
  assert.equal(await again.getByLabel('Company').inputValue(), 'Hooli');
  assert.equal(await again.locator('#f-people-1-name').inputValue(), 'Jared Dunn');
  assert.equal(await again.locator('#f-primary-1').isChecked(), true);
  await again.getByRole('button', { name: 'Remove Gavin Belson' }).click();
  assert.equal(await again.locator('.person').count(), 1);
  assert.equal(await again.locator('#f-people-0-name').inputValue(), 'Jared Dunn');
  // Clearing a filled form asks once: the first press only asks.
  await again.getByRole('button', { name: 'Clear form' }).click();
  assert.equal(await again.getByLabel('Company').inputValue(), 'Hooli');
  await again.getByRole('button', { name: 'Clear everything typed?' }).click();
  assert.equal(await again.getByLabel('Company').inputValue(), '');
  assert.equal(await again.evaluate(() => localStorage.getItem('followup.popup.form')), null);
  // Clear form can be taken back: the form returns as it was, and is kept again.
  await again.locator('#status', { hasText: 'Form cleared.' }).getByRole('button', { name: 'Undo' }).click();
  await again.locator('#status', { hasText: 'The form is back as it was.' }).waitFor();
  assert.equal(await again.getByLabel('Company').inputValue(), 'Hooli');
  assert.equal(await again.locator('#f-people-0-name').inputValue(), 'Jared Dunn');
  assert.notEqual(await again.evaluate(() => localStorage.getItem('followup.popup.form')), null);
  await again.getByRole('button', { name: 'Clear form' }).click();
  await again.getByRole('button', { name: 'Clear everything typed?' }).click();
  assert.equal(await again.getByLabel('Company').inputValue(), '');
  await again.close();
});

test('editing an interview keeps its history; deleting one asks twice; both can be taken back', async () => {
  const page = await popup(popupStore());
  await page.locator('details.all summary').click();
  await page.getByRole('button', { name: 'Edit Content Strategist at Fable' }).click();
  await page.getByRole('heading', { name: 'Edit interview' }).waitFor();
  await page.getByLabel('Role').fill('Senior Content Strategist');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.locator('#status', { hasText: 'Saved the changes to Senior Content Strategist at Fable' }).waitFor();
  const fable = (await stored(page)).interviews.find((i) => i.id === 'fable-content');
  assert.equal(fable.role, 'Senior Content Strategist');
  assert.equal(fable.interviewers[0].id, 'maria');
  // Undo saves it back as it was.
  await status(page).getByRole('button', { name: 'Undo' }).click();
  await page.locator('#status', { hasText: 'Taken back.' }).waitFor();
  const back = (await stored(page)).interviews.find((i) => i.id === 'fable-content');
  assert.equal(back.role, 'Content Strategist');
  assert.deepEqual(back.events, fable.events);

  await page.locator('details.all summary').click();
  const was = (await stored(page)).interviews.find((i) => i.id === 'globex-analyst');
  const del = page.getByRole('button', { name: 'Delete Data Analyst at Globex' });
  await del.click();
  assert.equal(await del.textContent(), 'Delete it and its history?');
  await del.click();
  await page.locator('#status', { hasText: 'Interview deleted.' }).waitFor();
  const globex = (await send(page, { type: 'export' })).store;
  assert.equal(globex.interviews.some((i) => i.id === 'globex-analyst'), false);
  // Undo brings it back with everything recorded about it.
  await status(page).getByRole('button', { name: 'Undo' }).click();
  await page.locator('#status', { hasText: 'Taken back.' }).waitFor();
  const restored = (await stored(page)).interviews.find((i) => i.id === 'globex-analyst');
  assert.deepEqual(restored, was);
  await page.close();
});

test('first run: the list asks once for the name drafts are signed with, and keeps the rest of the profile', async () => {
  const store = popupStore();
  store.profile = { email: 'sam@example.com', keep: 'unknown field' };
  const page = await popup(store);
  const name = page.getByLabel('Your name, to sign your drafts');
  await name.fill('Sam Rivera');
  await page.getByRole('button', { name: 'Sign my drafts' }).click();
  await page.locator('#status', { hasText: 'Your drafts are signed “Sam Rivera” now.' }).waitFor();
  assert.equal(await name.count(), 0, 'asked once');
  assert.deepEqual((await stored(page)).profile, { name: 'Sam Rivera', email: 'sam@example.com', keep: 'unknown field' });
  // The next draft is signed.
  await (await dueControl(page, 'Thank-you note to Dana Lee', 'Preview')).click();
  assert.match(await page.getByLabel('Message').inputValue(), /\nSam Rivera\n/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('item actions: mark sent, they replied, snooze, copy, write in Gmail', async () => {
  const page = await popup(popupStore());
  const item = (title) => page.locator('li.item', { hasText: title }).first();

  await (await dueControl(page, 'Thank-you note to Raj Patel', 'Mark sent')).click();
  await page.locator('#status', { hasText: 'Marked as sent.' }).waitFor();
  assert.equal(await item('Thank-you note to Raj Patel').count(), 0);
  const raj = (await stored(page)).interviews[0].events.find((e) => e.interviewer === 'raj');
  assert.equal(raj.kind, 'sent');
  assert.equal(raj.follow_up, 'thank-you');

  // Undo takes the event back: the item is due again, the stored events are as before.
  const before = (await stored(page)).interviews[0].events.length;
  await page.locator('#status').getByRole('button', { name: 'Undo' }).click();
  await page.locator('#status', { hasText: 'Taken back.' }).waitFor();
  await item('Thank-you note to Raj Patel').waitFor();
  assert.equal(((await stored(page)).interviews[0].events ?? []).length, before - 1);
  await (await dueControl(page, 'Thank-you note to Raj Patel', 'Mark sent')).click();
  await page.locator('#status', { hasText: 'Marked as sent.' }).waitFor();
  assert.equal(await item('Thank-you note to Raj Patel').count(), 0);

  // Escape closes the status message first, then an open "They replied" panel (focus back on
  // its summary), one at a time.
  assert.equal(await page.locator('#status').textContent(), 'Marked as sent.Undo');
  const maria = item('Thank-you note to Maria Gómez');
  await (await dueControl(page, 'Thank-you note to Maria Gómez', 'They replied')).click();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#status').textContent(), '', 'status closed');
  assert.equal(await maria.locator('details.replied').getAttribute('open'), '', 'panel still open');
  await page.keyboard.press('Escape');
  assert.equal(await maria.locator('details.replied').getAttribute('open'), null, 'panel closed');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'They replied');
  await maria.locator('summary', { hasText: 'They replied' }).click();
  await maria.getByRole('button', { name: 'Not selected' }).click();
  await page.locator('li.item', { hasText: 'Reply to the rejection' }).waitFor({ state: 'attached' });
  // A reply that ended the follow-ups is taken back by keyboard too: its Undo is a button.
  await page.locator('#status').getByRole('button', { name: 'Undo' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('#status', { hasText: 'Taken back.' }).waitFor();
  await item('Thank-you note to Maria Gómez').waitFor();
  assert.equal(await page.locator('li.item', { hasText: 'Reply to the rejection' }).count(), 0);
  await (await dueControl(page, 'Thank-you note to Maria Gómez', 'They replied')).click();
  await item('Thank-you note to Maria Gómez').getByRole('button', { name: 'Not selected' }).click();
  await page.locator('li.item', { hasText: 'Reply to the rejection' }).waitFor({ state: 'attached' });

  await (await dueControl(page, 'Status check to Dana Lee', 'Snooze a day')).click();
  await page.locator('#status', { hasText: /^Snoozed until / }).waitFor();
  assert.equal(await item('Status check to Dana Lee').count(), 0);
  // A snooze can be taken back too: the item is listed again, and stays (the worker kept it).
  await page.locator('#status').getByRole('button', { name: 'Undo' }).click();
  await page.locator('#status', { hasText: 'Taken back: the item is on the list again.' }).waitFor();
  await item('Status check to Dana Lee').waitFor({ state: 'attached' });
  const listed = await send(page, { type: 'schedule' });
  assert.ok(listed.items.some((i) => i.kind === 'status-check' && i.interviewer === 'dana'), 'the worker lists it again');
  await (await dueControl(page, 'Status check to Dana Lee', 'Snooze a day')).click();
  await page.locator('#status', { hasText: /^Snoozed until / }).waitFor();
  assert.equal(await item('Status check to Dana Lee').count(), 0);

  await (await dueControl(page, 'Reply to the rejection', 'Copy draft')).click();
  await page.locator('#status', { hasText: /^Message copied\. Subject line: “.+”\.$/ }).waitFor();

  const opened = env.context.waitForEvent('page');
  await (await dueControl(page, 'Thank-you note to Dana Lee', 'Write in Gmail')).click();
  const tab = await opened;
  await tab.waitForURL(/^https:\/\/mail\.google\.com\//);
  await tab.close();

  // Someone known only on LinkedIn: their profile opens, the message is on the clipboard.
  const profile = env.context.waitForEvent('page');
  await (await dueControl(page, 'Thank-you note to Hank Scorpio', 'Write on LinkedIn')).click();
  const linkedin = await profile;
  await linkedin.waitForURL(/^https:\/\/www\.linkedin\.com\/in\/hank/);
  await page.locator('#status', { hasText: /^Opened (their LinkedIn profile|in a new tab)/ }).waitFor();
  await linkedin.close();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('draft preview: kind, channel, findings highlighted, edit, fix, copy and open in Gmail', async () => {
  const page = await popup(popupStore());
  await (await dueControl(page, 'Thank-you note to Dana Lee', 'Preview')).click();
  await page.getByRole('heading', { name: 'Thank-you note to Dana Lee' }).waitFor();
  assert.match(await page.getByLabel('Subject').inputValue(), /Thank you/);
  const body = page.getByLabel('Message');
  assert.match(await body.inputValue(), /^Dear Dana,/);
  assert.equal(await page.locator('#draft-findings .finding[data-severity="warning"], #draft-findings .finding[data-severity="error"]').count(), 0);

  // What is written, how and to whom is one line (the message gets the room); Change opens it
  // and it stays open while the user changes things.
  const choices = page.locator('details.choices');
  assert.equal(await choices.locator('summary').textContent(), 'Thank-you note · Email · Dana LeeChange');
  assert.equal(await page.getByLabel('Person').isVisible(), false);
  const [top, viewBottom] = await page.evaluate(() => [
    document.querySelector('#f-draft-body').getBoundingClientRect().top,
    document.querySelector('#view').getBoundingClientRect().bottom]);
  assert.ok(viewBottom - top >= 200, `the message starts ${Math.round(viewBottom - top)} px above the bottom`);
  await choices.locator('summary').click();

  // Another person and another channel write another draft.
  await page.getByLabel('Person').selectOption('raj');
  await page.getByRole('heading', { name: 'Thank-you note to Raj Patel' }).waitFor();
  await page.getByLabel('Channel').selectOption('linkedin-note');
  await page.locator('#f-draft-subject').waitFor({ state: 'detached' });
  // The channel's name is shown in full.
  const channel = page.getByLabel('Channel');
  assert.ok(await channel.evaluate((e) => e.scrollWidth <= e.clientWidth + 1), 'the channel name fits');
  assert.match(await choices.locator('summary').textContent(), /LinkedIn connection note · Raj Patel/);
  const note = await body.inputValue();
  assert.ok(note.length <= 300);
  // The note's room is counted as LinkedIn counts it, and going over is said, not cut.
  const used = page.locator('#h-f-draft-body');
  assert.equal(await used.textContent(), `${note.length} of 300 characters`);
  assert.equal(await body.getAttribute('aria-describedby'), 'h-f-draft-body e-f-draft-body');
  await body.click();
  await page.keyboard.press('Control+End');
  const extra = ' ' + 'x'.repeat(310 - note.length);
  await page.keyboard.insertText(extra);
  await page.locator('#h-f-draft-body.over', { hasText: '311 of 300 characters: 11 too many' }).waitFor();
  assert.equal((await body.inputValue()).length, 311, 'nothing the user typed is cut');
  await page.getByLabel('Channel').selectOption('email');
  await page.getByLabel('Subject').waitFor();

  // Editing re-checks; findings show the words they are about.
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nI am super pumped lol!!');
  await page.locator('#draft-findings mark', { hasText: 'lol' }).waitFor();
  const casual = page.locator('#draft-findings .finding', { has: page.locator('mark', { hasText: 'lol' }) }).first();
  assert.match(await casual.locator('.why').textContent(), /\w/);
  const fix = casual.getByRole('button', { name: /^(Use “|Remove it)/ });
  if (await fix.count()) {
    await fix.click();
    await page.waitForFunction(() => !document.querySelector('#f-draft-body').value.includes(' lol'));
  }
  await page.getByRole('button', { name: 'Copy' }).click();
  const subject = await page.getByLabel('Subject').inputValue();
  await page.locator('#status', { hasText: `Message copied. Subject line: “${subject}”.` }).waitFor();

  const opened = env.context.waitForEvent('page');
  await page.getByRole('button', { name: 'Open in Gmail' }).click();
  const tab = await opened;
  await tab.waitForURL(/^https:\/\/mail\.google\.com\//);
  const url = new URL(tab.url());
  assert.equal(url.hostname, 'mail.google.com');
  assert.equal(url.searchParams.get('to'), 'raj@acme.example');
  assert.equal(url.searchParams.get('body'), null, 'the message is not in the URL');
  // The edited message is typed into the compose by the in-page helper.
  await tab.waitForFunction(() => /pumped/.test(document.querySelector('[data-followup-compose="gmail"]')?.innerText ?? ''));
  await tab.close();

  await page.getByRole('button', { name: '← Back to the list' }).click();
  await page.getByRole('heading', { name: /^Due now/ }).waitFor();
  // Escape also leaves a preview.
  await (await dueControl(page, await page.locator('li.item .title').first().textContent(), 'Preview')).click();
  await page.getByLabel('Message').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { name: /^Due now/ }).waitFor();
  // What was copied is the edited message: paste it into "Check my text".
  await page.getByRole('button', { name: 'Check text' }).click();
  await page.getByLabel('Your message').focus();
  await page.keyboard.press('Control+V');
  assert.match(await page.getByLabel('Your message').inputValue(), /^Dear Raj,[\s\S]*pumped/);
  await page.close();
});

test('at 200 % zoom (a popup window 300 px tall) every screen scrolls within what is visible', async () => {
  const page = await popup(popupStore());
  await page.setViewportSize({ width: 380, height: 300 });
  const screens = [
    ['Due now', 'section.group'],
    ['Add interview', 'button[type="submit"]'],
    ['Check text', '#f-check-text'],
    ['Settings', 'input[type="file"]'],
  ];
  for (const [tab, last] of screens) {
    await page.getByRole('button', { name: tab, exact: true }).click();
    await page.locator(last).last().waitFor();
    // The screen ends inside the window, and scrolling it (the wheel, as a user would) brings
    // its last control into view.
    const box = await page.evaluate(() => {
      const v = document.querySelector('#view').getBoundingClientRect();
      return { bottom: v.bottom, inner: innerHeight };
    });
    assert.ok(box.bottom <= box.inner + 1, `${tab}: the screen ends at ${box.bottom}, the window at ${box.inner}`);
    await page.mouse.move(190, 200);
    await page.mouse.wheel(0, 5000);
    await page.waitForFunction(() => {
      const v = document.querySelector('#view');
      return Math.abs(v.scrollHeight - v.clientHeight - v.scrollTop) <= 1;
    });
    const shown = await page.locator(last).last().evaluate((e) => {
      const r = e.getBoundingClientRect();
      return r.bottom <= innerHeight + 1 && r.top >= 0;
    });
    assert.ok(shown, `${tab}: ${last} is reachable by scrolling`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('corrupt stored data is reported as a notice, not hidden', async () => {
  const page = await popup(popupStore());
  await page.evaluate(() => chrome.storage.local.set({ store: '{"version": 1, "interviews": [' }));
  await page.reload();
  await page.locator('#app[data-ready="true"]').waitFor();
  const notice = page.locator('.notices .notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /could not be read, so it was set aside under “store\.backup\.\d+”/);
  await page.getByRole('heading', { name: 'No interviews yet' }).waitFor();
  await page.close();
});

test('check my text: findings as you type, kept when the popup closes; the list is the start screen otherwise', async () => {
  const page = await popup(popupStore());
  await page.getByRole('button', { name: 'Check text' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Check my text' }).waitFor();
  await page.getByLabel('Your message').focus();
  await page.keyboard.type('Hey Dana, what is the salary range? I really need this job.');
  await page.locator('#check-findings .finding[data-rule^="salary"]').waitFor();
  assert.ok(Number(await page.locator('#check-findings').getAttribute('data-count')) >= 2);
  await page.getByLabel('What it is').selectOption('thank-you');
  await page.locator('#check-findings .finding[data-rule^="gratitude"]').waitFor();
  await page.close();
  const again = await extensionPage(env);
  await again.locator('#check-findings .finding[data-rule^="salary"]').waitFor();
  await again.getByRole('button', { name: 'Clear' }).click();
  assert.equal(await again.getByLabel('Your message').inputValue(), '');
  await again.close();
  const third = await extensionPage(env);
  await third.locator('#app[data-ready="true"]').waitFor();
  assert.equal(await third.locator('#view').getAttribute('data-view'), 'due');
  await third.evaluate(() => localStorage.clear());
  await third.close();
});

test('on a page whose CSP refuses WebAssembly, Insert into page types into the focused editor', async () => {
  const { page: gmail } = await openFixture(env, 'gmail', 'popup-compose', 'strict');
  const ext = await popup(popupStore());
  for (let i = 0; i < 100; i++) {
    const s = await send(ext, { type: 'wasm-status' });
    if (s.refused?.['https://mail.google.com']) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const editor = gmail.locator('[g_editable="true"]');
  await editor.click();
  await gmail.keyboard.type('Already here. ');
  await ext.reload();
  await ext.locator('#app[data-tab-checked="true"]').waitFor();
  await ext.getByRole('button', { name: 'Check text' }).click();
  await ext.locator('[data-insert-target="mail.google.com"]').waitFor();
  await ext.getByLabel('Your message').fill('Thank you for your time today, Dana.');
  await ext.getByRole('button', { name: 'Insert into page' }).click();
  await ext.locator('#status', { hasText: 'Inserted into the message on mail.google.com' }).waitFor();
  assert.equal(await editor.textContent(), 'Already here. Thank you for your time today, Dana.');
  await ext.evaluate(() => localStorage.clear());
  await ext.close();
  await gmail.close();
});

test('settings: profile saved with plain messages for bad values', async () => {
  const page = await popup(popupStore());
  await page.getByRole('button', { name: 'Settings' }).click();
  assert.equal(await page.getByLabel('Your name').inputValue(), 'Sam Rivera');
  await page.getByLabel('Your email').fill('sam');
  await page.getByLabel('Extra days off').fill('2026-12-24\n12/31');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.locator('#e-f-email:not([hidden])').waitFor();
  assert.match(await page.locator('#e-f-holidays').textContent(), /“12\/31” is not a date/);
  await page.getByLabel('Your email').fill('sam@rivera.example');
  await page.getByLabel('Extra days off').fill('2026-12-24\n2026-12-31');
  await page.getByLabel('Signature').fill('Sam\nsam@rivera.example');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.locator('#status', { hasText: 'Settings saved.' }).waitFor();
  const profile = (await stored(page)).profile;
  assert.equal(profile.email, 'sam@rivera.example');
  assert.deepEqual(profile.holidays, ['2026-12-24', '2026-12-31']);
  assert.equal(profile.keep, 'unknown field');

  // Settings typed and not saved survive a switch of tab and a closed popup, until saved.
  await page.getByLabel('Your phone').fill('+1 555 0199');
  await page.getByRole('button', { name: 'Check text' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  assert.equal(await page.getByLabel('Your phone').inputValue(), '+1 555 0199', 'kept across tabs');
  const again = await extensionPage(env);
  await again.locator('#app[data-ready="true"]').waitFor();
  await again.getByRole('button', { name: 'Settings' }).click();
  assert.equal(await again.getByLabel('Your phone').inputValue(), '+1 555 0199', 'kept across a reopen');
  await again.getByRole('button', { name: 'Save settings' }).click();
  await again.locator('#status', { hasText: 'Settings saved.' }).waitFor();
  assert.equal((await stored(again)).profile.phone, '+1 555 0199');
  assert.equal(await again.evaluate(() => localStorage.getItem('followup.popup.settings')), null, 'forgotten once saved');
  // Saving settings can be taken back: the profile is as it was, unknown fields and all.
  await again.locator('#status').getByRole('button', { name: 'Undo' }).click();
  await again.locator('#status', { hasText: 'Taken back.' }).waitFor();
  const before = (await stored(again)).profile;
  assert.equal(before.phone, '+1 555 0100');
  assert.equal(before.email, 'sam@rivera.example');
  assert.equal(before.keep, 'unknown field');
  await again.close();
  await page.close();
});

test('data: export JSON and .ics, import with a preview, delete everything after confirming', async () => {
  const page = await popup(popupStore());
  await page.getByRole('button', { name: 'Settings' }).click();
  let download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const json = await download;
  assert.match(json.suggestedFilename(), /^interview-followup-\d{4}-\d\d-\d\d\.json$/);
  const exported = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(exported.interviews.length, 3);

  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export calendar (.ics)' }).click();
  const ics = await readFile(await (await download).path(), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR/);

  // A broken file is refused in words that name the interview and the field, under the file
  // control (the focus stays there); nothing changes.
  const file = page.getByLabel('Import a JSON export');
  const refused = page.getByRole('heading', { name: 'This file was not imported; your data is unchanged:' });
  await file.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"version":1,"interviews":[{"id":"x","company":"X","role":"R","at":"tomorrow"}]}') });
  await refused.waitFor();
  assert.deepEqual(await page.locator('ul.preview li').allTextContents(), [
    'X (R), the date and time: "tomorrow" is not a date and time with its offset from UTC, like "2026-11-20T14:00:00-05:00".',
  ]);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'import-h');
  assert.equal((await stored(page)).interviews.length, 3);
  // A file cut short: where it breaks, in plain words.
  await file.setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1,\n "interviews": [') });
  await page.locator('ul.preview li', { hasText: 'The file ends too early' }).waitFor();
  assert.match(await page.locator('ul.preview li').textContent(), /\(line 2, column 16\)\.$/);
  // A value the form would refuse does not get in by import either.
  const typo = structuredClone(exported);
  typo.interviews[0].interviewers[0].email = 'dana@';
  await file.setInputFiles({ name: 'typo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(typo)) });
  await page.locator('ul.preview li', { hasText: 'dana@' }).waitFor();
  assert.deepEqual(await page.locator('ul.preview li').allTextContents(), [
    'Acme Corp (Product Manager), Dana Lee\'s email: “dana@” is not an email address; it should look like name@company.com.',
  ]);
  assert.equal(await page.getByRole('button', { name: 'Add this file to my data' }).count(), 0);
  assert.equal((await stored(page)).interviews[0].interviewers[0].email, 'dana@acme.example');

  // A good file (a backup) is merged into what is here, and the preview says what it adds:
  // nothing here is deleted or overwritten (the role here stays; Globex, not in the file, stays).
  const next = structuredClone(exported);
  next.interviews.pop();
  next.interviews[0].role = 'Group Product Manager';
  next.interviews[0].skills.push('roadmaps');
  next.interviews[0].events = [{ kind: 'sent', follow_up: 'thank-you', interviewer: 'dana', at: '2026-11-21T10:00:00Z' }];
  next.profile.phone = '+1 555 0199';
  next.interviews.push({ id: 'new-one', company: 'Newco', role: 'Analyst', at: '2026-11-20T10:00:00Z' });
  await page.getByLabel('Import a JSON export').setInputFiles({ name: 'next.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(next)) });
  await page.getByRole('heading', { name: 'Importing this file will:' }).waitFor();
  assert.equal(await refused.count(), 0, 'what was said about the previous file is gone');
  assert.deepEqual(await page.locator('ul.preview li').allTextContents(), [
    'Adds 1 interview: Newco (Analyst)',
    'Adds to 1 interview: Acme Corp (Product Manager): 1 skill, 1 recorded message or reply',
    'Keeps 2 interviews as they are',
  ]);
  await page.getByRole('button', { name: 'Add this file to my data' }).click();
  await page.locator('#status', { hasText: 'Imported.' }).waitFor();
  const merged = await stored(page);
  assert.deepEqual(merged.interviews.map((i) => i.id), ['acme-pm', 'fable-content', 'globex-analyst', 'new-one']);
  assert.equal(merged.interviews[0].role, 'Product Manager', 'the value here is kept');
  assert.deepEqual(merged.interviews[0].skills, ['user research', 'SQL', 'roadmaps']);
  assert.equal(merged.profile.phone, '+1 555 0100', 'a field set here is not overwritten');

  await page.getByRole('button', { name: 'Delete everything…' }).click();
  await page.getByRole('heading', { name: 'Delete 4 interviews and your settings?' }).waitFor();
  await page.getByRole('button', { name: 'Keep my data' }).click();
  assert.equal((await stored(page)).interviews.length, 4);
  await page.getByRole('button', { name: 'Delete everything…' }).click();
  await page.getByRole('button', { name: 'Delete everything', exact: true }).click();
  await page.getByRole('heading', { name: 'No interviews yet' }).waitFor();
  assert.equal((await stored(page)).interviews.length, 0);
  // Delete means delete: the popup's own saved form and checked text go too (only the name of
  // the screen it shows is written again).
  assert.deepEqual(await page.evaluate(() => Object.entries(localStorage)), [['followup.popup.view', '"due"']]);
  await page.close();
});

test('popup open to first paint with 200 interviews (reported, not asserted)', async () => {
  const seed = await popup(bigStore(200));
  await seed.close();
  const paints = [];
  const ready = [];
  for (let i = 0; i < 5; i++) {
    const page = await extensionPage(env);
    await page.locator('#app[data-ready="true"]').waitFor();
    assert.ok(await page.locator('li.item').count() > 0);
    const t = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      ready: performance.getEntriesByName('followup:ready')[0]?.startTime,
    }));
    paints.push(t.paint);
    ready.push(t.ready);
    await page.close();
  }
  console.log(`popup with 200 interviews: first contentful paint median ${median(paints).toFixed(1)} ms ` +
    `(min ${Math.min(...paints).toFixed(1)}, max ${Math.max(...paints).toFixed(1)}); ` +
    `due list ready median ${median(ready).toFixed(1)} ms (min ${Math.min(...ready).toFixed(1)}, max ${Math.max(...ready).toFixed(1)})`);
});

test('no request left the browser', () => {
  assert.deepEqual(env.stray, []);
});
