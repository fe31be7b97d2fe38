// Replies, noticed: opening a Gmail conversation whose newest message is a tracked interviewer's
// reply offers to record it, with the classifier's outcome pre-selected; one click records it
// (the schedule's reply rules follow), Undo takes it back. Automatic answers, strangers, replies
// already recorded and "Not now" get no offer, and the page sees the same empty note host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { send, openFixture, helperUi, storedEvents, waitForEvents } from '../lib/harness.mjs';
import { onDemoStore, openConversation as openGmailThread } from '../lib/suite.mjs';

let env;
let ext;
// Every test starts from the demo store, nothing recorded yet.
onDemoStore((e, x) => { env = e; ext = x; });

const NOTE = '[data-followup-note]';
// Several times what the content script needs to look at an opened conversation (every 250 ms)
// and ask the worker: "no offer" is checked after this long.
const SETTLE_MS = 1500;

const replies = () => storedEvents(ext, 'reply');
const waitForReplies = (expected, what) => waitForEvents(ext, 'reply', expected, what);

/** What the note shows: its words, and the pressed choice. */
const note = (ui) => ui.eval((roots, a, { pick, shown }) => {
  const root = pick(a);
  if (!root) return null;
  const pressed = root.querySelector('[aria-pressed=true]');
  return { text: shown(a), pressed: pressed?.getAttribute('data-text') ?? null };
}, NOTE);

const waitForOffer = (ui) => ui.waitFor((roots, a, { pick, shown }) => pick(a) && shown(a).includes('replied') && shown(a), NOTE, { what: 'the reply offer' });

const openConversation = (id) => openGmailThread(env, id);

test('a rejection from Dana: offered as "Not selected", recorded in one click, the reply rules follow, Undo takes it back', async () => {
  const { page, errors, ui } = await openConversation('rejection');
  await waitForOffer(ui);
  const shown = await note(ui);
  assert.match(shown.text, /^Dana Lee · Acme Corp replied\. Record it as:/);
  assert.equal(shown.pressed, 'Not selected', 'the classifier\'s reading is pre-selected');
  assert.deepEqual(await ui.axe({ host: NOTE }), [], 'the offer passes axe');
  await ui.click('[data-action="record-reply"]', { host: NOTE });
  await waitForReplies(['acme-pm/dana:negative:email'], 'recorded');
  const { items } = await send(ext, { type: 'schedule' });
  assert.ok(items.some((i) => i.interview === 'acme-pm' && i.kind === 'rejection-reply'), 'a gracious answer is on the list');
  assert.ok(!items.some((i) => i.interview === 'acme-pm' && i.kind === 'status-check'), 'no more status checks');
  await ui.waitFor((roots, a, { shown }) => shown(a).includes('Recorded: Reply from Dana Lee'), NOTE, { what: 'the confirmation' });
  await ui.click('[data-action="undo-reply"]', { host: NOTE });
  await waitForReplies([], 'Undo');
  await ui.waitFor((roots, a, { shown }) => shown(a).includes('Taken back'), NOTE, { what: 'the note to say so' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('good news is pre-selected as such; the user changes it before recording', async () => {
  const { page, errors, ui } = await openConversation('final');
  await waitForOffer(ui);
  assert.equal((await note(ui)).pressed, 'Good news');
  await ui.click('[data-action="choose:neutral"]', { host: NOTE });
  assert.equal((await note(ui)).pressed, 'Neutral');
  await ui.click('[data-action="record-reply"]', { host: NOTE });
  await waitForReplies(['acme-pm/dana:neutral:email'], 'recorded as chosen');
  // Opened again: the reply is recorded, nothing more to offer.
  await page.evaluate(() => window.backToInbox());
  await ui.waitFor((roots, a, { pick }) => !pick(a), NOTE, { what: 'the note to go with the conversation' });
  await page.evaluate(() => window.openThread('final'));
  await page.locator('.adn').first().waitFor();
  await page.waitForTimeout(SETTLE_MS);
  assert.deepEqual(await note(ui), { text: '', pressed: null });
  assert.deepEqual(errors, []);
  await page.close();
});

test('an out-of-office answer and a stranger\'s mail get no offer, behind the same empty host', async () => {
  for (const id of ['away', 'stranger']) {
    const { page, errors, ui } = await openConversation(id);
    await page.locator(NOTE).waitFor({ state: 'attached' });
    await page.waitForTimeout(SETTLE_MS);
    assert.deepEqual(await note(ui), { text: '', pressed: null }, id);
    const seen = await page.evaluate(() => {
      const host = document.querySelector('[data-followup-note]');
      return { text: host.textContent, root: host.shadowRoot, attrs: host.getAttributeNames() };
    });
    assert.deepEqual(seen, { text: '', root: null, attrs: ['data-followup-note'] }, id);
    assert.deepEqual(errors, []);
    await page.close();
  }
  assert.deepEqual(await replies(), []);
});

test('"Not now" is remembered for that message in the tab', async () => {
  const { page, errors, ui } = await openConversation('rejection');
  await waitForOffer(ui);
  await ui.click('[data-action="not-now"]', { host: NOTE });
  assert.deepEqual(await note(ui), { text: '', pressed: null });
  await page.evaluate(() => window.backToInbox());
  await ui.waitFor((roots, a, { pick }) => !pick(a), NOTE, { what: 'the note to go' });
  await page.evaluate(() => window.openThread('rejection'));
  await page.locator('.adn').first().waitFor();
  await page.waitForTimeout(SETTLE_MS);
  assert.deepEqual(await note(ui), { text: '', pressed: null });
  assert.deepEqual(await replies(), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('LinkedIn: Dana\'s newest message in the thread is offered as good news; recorded by LinkedIn; my own message last offers nothing', async () => {
  const { page, errors } = await openFixture(env, 'linkedin', 'conversation', undefined, { url: 'https://www.linkedin.com/messaging/thread/2-abc/' });
  const ui = await helperUi(page);
  await waitForOffer(ui);
  const shown = await note(ui);
  assert.match(shown.text, /^Dana Lee · Acme Corp replied\. Record it as:/);
  assert.equal(shown.pressed, 'Good news', 'the newest message, not the group\'s first, was read');
  await ui.click('[data-action="record-reply"]', { host: NOTE });
  await waitForReplies(['acme-pm/dana:positive:linkedin'], 'recorded');
  // A new message from me: the conversation's newest message is no reply, the note goes.
  await page.evaluate(() => window.addMessage(true, 'Wonderful, thank you! Tuesday works for me.'));
  await ui.waitFor((roots, a, { pick }) => !pick(a), NOTE, { what: 'the note to go' });
  assert.deepEqual(errors, []);
  await page.close();
});
