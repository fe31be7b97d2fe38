// Sends, noticed: a follow-up sent from a Gmail or LinkedIn compose addressed to a tracked
// interviewer is recorded as sent once, with the real time and channel, and a note in the page
// offers Undo; a failed send, a discarded compose, an untracked recipient, a line break and the
// "by hand" setting record nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extensionPage, send, openFixture, helperUi, storedEvents, waitForEvents } from '../lib/harness.mjs';
import { onDemoStore } from '../lib/suite.mjs';

let env;
let ext;
// Every test starts from the demo store, nothing recorded yet.
onDemoStore((e, x) => { env = e; ext = x; });

const EDITOR = '[data-followup-compose]';
const NOTE = '[data-followup-note]';
// Several times what the content script needs to see a send through (it looks every 200 ms) and
// the worker to record it: "nothing recorded" is checked after this long.
const SETTLE_MS = 1500;

const sent = () => storedEvents(ext, 'sent');
const waitForSent = (expected, what) => waitForEvents(ext, 'sent', expected, what);

/** Whether the schedule still lists Dana's thank-you (what the popup's list shows). */
async function danaThankYouOpen() {
  const { items } = await send(ext, { type: 'schedule' });
  return items.some((i) => i.interview === 'acme-pm' && i.interviewer === 'dana' && i.kind === 'thank-you');
}

/** The note the page shows after a send: its words (generated content) and whether it is shown. */
const note = (ui) => ui.eval((roots, a, { pick, shown }) => {
  const root = pick(a.sel);
  if (!root) return null;
  return { text: shown(a.sel), open: !root.querySelector('.note').hidden };
}, { sel: NOTE });

async function openGmail() {
  const { page, errors } = await openFixture(env, 'gmail', 'popup-compose');
  const ui = await helperUi(page);
  await ui.waitForTitle(/Thank-you · Dana Lee/);
  return { page, errors, ui, editor: page.locator(EDITOR) };
}

test('Gmail: Send clicked records the thank-you once with its channel, the open popup shows it, and the note\'s Undo takes it back', async () => {
  // The toolbar popup, left open in a tab while the user writes in Gmail.
  const list = await extensionPage(env);
  const danaItem = list.locator('li.item', { hasText: 'Thank-you note to Dana Lee' });
  await danaItem.first().waitFor({ state: 'attached' });
  const { page, errors, ui, editor } = await openGmail();
  await editor.click();
  await page.keyboard.type('Thank you for your time today, Dana.');
  await ui.insert();
  assert.equal(await danaThankYouOpen(), true);
  const before = Date.now();
  await page.locator('[role=button].aoO').click();
  await page.waitForSelector('text=Message sent');
  await waitForSent(['acme-pm/dana:thank-you:email'], 'recorded once, by email');
  const { store } = await send(ext, { type: 'export' });
  const at = Date.parse(store.interviews[0].events[0].at);
  assert.ok(at >= before - 2000 && at <= Date.now() + 2000, `the real send time: ${store.interviews[0].events[0].at}`);
  assert.equal(await danaThankYouOpen(), false, 'the schedule no longer has it');
  // The user comes back to the popup's tab (Playwright keeps every page focused, so the popup
  // cannot be "away" here: its redraw on return is what is checked).
  // Until the change has reached it: returning before then shows nothing new, as it should.
  const back = async (count) => {
    await list.bringToFront();
    for (let i = 0; i < 25 && (await danaItem.count()) !== count; i++) {
      await list.evaluate(() => window.dispatchEvent(new Event('focus')));
      await list.waitForTimeout(200);
    }
    assert.equal(await danaItem.count(), count, 'the popup shows the store as it is now');
  };
  await back(0);

  const shown = await ui.waitFor((roots, a, { pick, shown }) => pick(a) && shown(a).includes('Marked sent') && shown(a), NOTE, { what: 'the note' });
  assert.match(shown, /Marked sent: Thank-you · Dana Lee · Acme Corp/);
  assert.deepEqual(await ui.axe({ host: NOTE }), [], 'the note passes axe');
  await ui.click('[data-action="undo-sent"]', { host: NOTE });
  await waitForSent([], 'Undo removed it');
  assert.equal(await danaThankYouOpen(), true, 'listed again');
  await back(1);
  await list.close();
  await ui.waitFor((roots, a, { shown }) => shown(a).includes('Taken back'), NOTE, { what: 'the note to say so' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('Gmail: Ctrl+Enter sends and records once; the page sees no words of the note', async () => {
  const { page, errors, ui, editor } = await openGmail();
  await editor.click();
  await page.keyboard.type('Dear Dana, thank you for walking me through the onboarding revamp.');
  await page.keyboard.press('Control+Enter');
  await waitForSent(['acme-pm/dana:thank-you:email'], 'recorded by the shortcut');
  await ui.waitFor((roots, a, { pick, shown }) => pick(a) && shown(a).includes('Marked sent'), NOTE, { what: 'the note' });
  const seen = await page.evaluate(() => {
    const host = document.querySelector('[data-followup-note]');
    return { text: host.textContent, open: host.shadowRoot, attrs: host.getAttributeNames(), found: window.find('Dana Lee') };
  });
  assert.deepEqual(seen, { text: '', open: null, attrs: ['data-followup-note'], found: false });
  // A second send to Dana (her thank-you is done, nothing else is due) records nothing more.
  await page.waitForTimeout(SETTLE_MS);
  assert.deepEqual(await sent(), ['acme-pm/dana:thank-you:email']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Gmail: its own Undo after Send takes the record back, by mouse or keyboard; only the user\'s, and only for the latest send', async () => {
  const { page, errors, ui, editor } = await openGmail();
  await editor.click();
  await page.keyboard.type('Thank you for your time today, Dana.');
  await page.locator('[role=button].aoO').click();
  await waitForSent(['acme-pm/dana:thank-you:email'], 'recorded');
  await page.locator('#link_undo').click();
  await waitForSent([], 'Gmail\'s Undo took it back');
  await ui.waitFor((roots, a, { shown }) => shown(a).includes('the send was undone'), NOTE, { what: 'the note to say so' });
  assert.equal(await danaThankYouOpen(), true, 'listed again');
  // The compose is back with the text; sent again (by keyboard this time), recorded again, and
  // Gmail's Undo from the keyboard takes it back.
  await editor.click();
  await page.keyboard.press('Control+Enter');
  await waitForSent(['acme-pm/dana:thank-you:email'], 'recorded again');
  await page.locator('#link_undo').focus();
  await page.keyboard.press('Enter');
  await waitForSent([], 'taken back from the keyboard');
  // Sent a third time; the page itself clicking Gmail's Undo is not the user: the record stays.
  await editor.click();
  await page.keyboard.press('Control+Enter');
  await waitForSent(['acme-pm/dana:thank-you:email'], 'recorded a third time');
  await page.evaluate(() => document.querySelector('#link_undo').dispatchEvent(new MouseEvent('click', { bubbles: true })));
  await page.waitForTimeout(SETTLE_MS);
  assert.deepEqual(await sent(), ['acme-pm/dana:thank-you:email'], 'a script-made click takes nothing back');
  // The compose came back (the page's own handler ran); sent once more, this send answers
  // nothing (the thank-you is done), and Gmail's Undo now undoes that send, not the recorded one.
  await editor.click();
  await page.keyboard.press('Control+Enter');
  await page.locator('#link_undo').waitFor();
  await page.locator('#link_undo').click();
  await page.waitForTimeout(SETTLE_MS);
  assert.deepEqual(await sent(), ['acme-pm/dana:thank-you:email'], 'the earlier send stays recorded');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Gmail: a failed send, then discarding the compose, records nothing', async () => {
  const { page, errors, ui, editor } = await openGmail();
  await editor.click();
  await page.keyboard.type('Thank you, Dana.');
  await page.evaluate(() => { window.failSends = true; });
  await page.locator('[role=button].aoO').click();
  await page.waitForSelector('[role=alertdialog]');
  assert.equal(await editor.count(), 1, 'the compose stays open');
  await page.waitForTimeout(SETTLE_MS);
  await page.locator('[role=button][aria-label^="Discard"]').click();
  assert.equal(await editor.count(), 0, 'discarded');
  await page.waitForTimeout(SETTLE_MS);
  assert.deepEqual(await sent(), []);
  assert.equal(await page.locator(NOTE).count(), 0, 'no note');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Gmail: a discarded compose and an empty one record nothing; an untracked recipient gets the same empty note host', async () => {
  let { page, errors, editor } = await openGmail();
  await editor.click();
  await page.keyboard.type('Thank you, Dana.');
  await page.locator('[role=button][aria-label^="Discard"]').click();
  await page.waitForTimeout(SETTLE_MS);
  assert.deepEqual(await sent(), []);
  assert.equal(await page.locator(NOTE).count(), 0, 'nothing sent, no note');
  assert.deepEqual(errors, []);
  await page.close();

  ({ page, errors, editor } = await openGmail());
  await page.locator('[role=button].aoO').click();
  await page.waitForTimeout(SETTLE_MS);
  assert.deepEqual(await sent(), [], 'a message with no text answers nothing');
  await page.close();

  let ui;
  ({ page, errors, editor, ui } = await openGmail());
  await page.evaluate(() => {
    const chip = document.querySelector('[data-hovercard-id]');
    chip.setAttribute('data-hovercard-id', 'someone@elsewhere.example');
    chip.setAttribute('data-name', 'Someone Else');
  });
  await editor.click();
  await page.keyboard.type('Hi, see you on Monday.');
  await page.locator('[role=button].aoO').click();
  await page.waitForSelector('text=Message sent');
  await page.locator(NOTE).waitFor({ state: 'attached' });
  await page.waitForTimeout(SETTLE_MS);
  assert.deepEqual(await sent(), [], 'nobody tracked, nothing recorded');
  assert.deepEqual(await note(ui), { text: '', open: false }, 'the host is there, saying nothing');
  assert.deepEqual(errors, []);
  await page.close();
});

test('LinkedIn: Send clicked and Enter-to-send record once; Enter that starts a line records nothing', async () => {
  const { page, errors } = await openFixture(env, 'linkedin', 'chat-bubble');
  const ui = await helperUi(page);
  const dana = page.locator('#editor-dana');
  await ui.waitForTitle(/Thank-you · Dana Lee/, { host: '#msg-overlay-conversation-bubble-1' });
  await dana.click();
  await page.keyboard.type('Thank you for the conversation, Dana.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('It was great to learn about the onboarding revamp.');
  await page.waitForTimeout(SETTLE_MS);
  assert.deepEqual(await sent(), [], 'Enter only started a line');
  await page.locator('#msg-overlay-conversation-bubble-1 .msg-form__send-button').click();
  await waitForSent(['acme-pm/dana:thank-you:linkedin'], 'recorded by Send');
  assert.equal((await dana.innerText()).trim(), '', 'LinkedIn emptied the editor');
  await ui.waitFor((roots, a, { pick, shown }) => pick(a) && shown(a).includes('Marked sent: Thank-you · Dana Lee'), NOTE, { what: 'the note' });

  // Raj, in the "New message" bubble, with LinkedIn's "Press Enter to send" on.
  await page.evaluate(() => { window.enterSends = true; });
  await page.locator('#editor-new').click();
  await page.keyboard.type('Thank you for your time, Raj.');
  await page.keyboard.press('Enter');
  await waitForSent(['acme-pm/dana:thank-you:linkedin', 'acme-pm/raj:thank-you:linkedin'], 'recorded by Enter');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Settings "Marked sent by hand": sends are not recorded', async () => {
  const { store } = await send(ext, { type: 'export' });
  const r = await send(ext, { type: 'settings', profile: { ...store.profile, record_sent_by_hand: true } });
  assert.equal(r.ok, true, JSON.stringify(r));
  const { page, errors, editor } = await openGmail();
  await editor.click();
  await page.keyboard.type('Thank you, Dana.');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('text=Message sent');
  await page.waitForTimeout(SETTLE_MS);
  assert.deepEqual(await sent(), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page cannot record or take back sends for people not on its compose', async () => {
  const { page } = await openGmail();
  const ui = await helperUi(page);
  // From the content script's own world (what a compromised page could at most reach).
  const tries = await ui.eval(async () => {
    const ask = (m) => chrome.runtime.sendMessage(m);
    const forged = await ask({ type: 'page-sent', people: [{ email: 'someone@elsewhere.example' }],
      chosen: { interview: 'acme-pm', interviewer: 'dana', kind: 'thank-you' }, channel: 'email' });
    const undo = await ask({ type: 'page-unsent', people: [{ email: 'dana@acme.example' }], interview: 'acme-pm',
      event: { kind: 'sent', follow_up: 'thank-you', interviewer: 'dana', at: new Date().toISOString() } });
    return { forged, undo };
  });
  assert.deepEqual(tries.forged, { ok: true, recorded: [] });
  assert.equal(tries.undo.ok, false);
  assert.deepEqual(await sent(), []);
  await page.close();
});
