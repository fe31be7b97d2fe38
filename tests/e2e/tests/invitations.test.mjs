// Track an interview from its invitation, in Gmail: a message that carries a calendar invitation
// (the `invite.ics` attachment chip) gets "Track this interview" in the page; one click opens the
// interview form in a window of its own, filled from the message (nothing saved before Save).
// A message without the file gets no offer; "Not now" is remembered; a form opened with nothing
// waiting says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { send, extensionPage } from '../lib/harness.mjs';
import { onDemoStore, openConversation as openGmailThread } from '../lib/suite.mjs';

let env;
let ext;
onDemoStore((e, x) => { env = e; ext = x; });

const NOTE = '[data-followup-note]';
const SETTLE_MS = 1500;

const said = (ui) => ui.eval((roots, a, { pick, shown }) => (pick(a) && shown(a)) || null, NOTE);

const openConversation = (id) => openGmailThread(env, id);

test('an invitation in Gmail: "Track this interview" opens the form filled from the message; saved as reviewed', async () => {
  const { page, errors, ui } = await openConversation('invite');
  await ui.waitFor((roots, a, { pick, shown }) => pick(a) && shown(a).includes('invites you'), NOTE, { what: 'the offer' });
  assert.equal(await said(ui), 'This message invites you to a meeting. Track it as an interview? Track this interview Not now ✕');
  assert.deepEqual(await ui.axe({ host: NOTE }), [], 'the offer passes axe');
  const [form] = await Promise.all([
    env.context.waitForEvent('page'),
    ui.click('[data-action="track-invitation"]', { host: NOTE }),
  ]);
  const formErrors = [];
  form.on('pageerror', (e) => formErrors.push(`pageerror: ${e.message}`));
  assert.match(form.url(), /\/popup\.html/);
  await form.locator('#status', { hasText: 'Filled in from the invitation' }).waitFor();
  await ui.waitFor((roots, a, { shown }) => shown(a).includes('opened in a window of its own'), NOTE, { what: 'the note to say so' });

  const value = (label) => form.getByLabel(label, { exact: true }).first().inputValue();
  const local = await form.evaluate((iso) => {
    const d = new Date(iso);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, await page.evaluate(() => window.INVITED_AT));
  assert.equal(await value('Company'), 'Acme');
  assert.equal(await value('Role'), 'Product Manager');
  assert.equal(await value('Date and time'), local);
  assert.equal(await form.locator('select[name="format"]').inputValue(), 'video');
  const names = await form.locator('input[name$=".name"]').evaluateAll((ins) => ins.map((i) => i.value));
  const emails = await form.locator('input[name$=".email"]').evaluateAll((ins) => ins.map((i) => i.value));
  assert.deepEqual(names, ['Priya Shah', 'Dana Lee'], 'the organizer first; the user left out');
  assert.deepEqual(emails, ['priya@acme.example', 'dana@acme.example']);
  assert.match(await form.locator('.invite .notice').textContent(), /Read from the message in Gmail, not from its \.ics file/);
  let { store } = await send(ext, { type: 'export' });
  assert.equal(store.interviews.length, 2, 'nothing is saved before Save');

  await form.getByRole('button', { name: 'Save as filled in' }).click();
  await form.locator('#status', { hasText: /saved|added/i }).waitFor();
  ({ store } = await send(ext, { type: 'export' }));
  const added = store.interviews.find((i) => i.company === 'Acme');
  assert.ok(added, JSON.stringify(store.interviews.map((i) => i.company)));
  assert.equal(new Date(added.at).toISOString(), new Date(await page.evaluate(() => window.INVITED_AT)).toISOString());
  assert.deepEqual(added.interviewers.map((p) => [p.name, p.email]), [['Priya Shah', 'priya@acme.example'], ['Dana Lee', 'dana@acme.example']]);
  assert.equal(added.format, 'video');
  assert.deepEqual(errors, []);
  assert.deepEqual(formErrors, []);
  await form.close();
  await page.close();
});

test('the same message without its .ics file gets no offer; "Not now" is remembered for the invitation', async () => {
  const { page, errors, ui } = await openConversation('nofile');
  await page.locator(NOTE).waitFor({ state: 'attached' });
  await page.waitForTimeout(SETTLE_MS);
  assert.equal(await said(ui), null, 'no offer without the file');

  await page.evaluate(() => window.openThread('invite'));
  await ui.waitFor((roots, a, { pick, shown }) => pick(a) && shown(a).includes('invites you'), NOTE, { what: 'the offer' });
  await ui.click('[data-action="not-now"]', { host: NOTE });
  assert.equal(await said(ui), null);
  await page.evaluate(() => window.backToInbox());
  await ui.waitFor((roots, a, { pick }) => !pick(a), NOTE, { what: 'the note to go' });
  await page.evaluate(() => window.openThread('invite'));
  await page.locator('.adn').first().waitFor();
  await page.waitForTimeout(SETTLE_MS);
  assert.equal(await said(ui), null, 'not offered again in this tab');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the form opened with no invitation waiting says so and changes nothing', async () => {
  const form = await extensionPage(env, 'popup.html#invitation');
  await form.locator('#status', { hasText: 'No invitation is waiting any more' }).waitFor();
  const { store } = await send(ext, { type: 'export' });
  assert.equal(store.interviews.length, 2);
  await form.close();
});
