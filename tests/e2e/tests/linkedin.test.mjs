// LinkedIn: chat bubbles, the messaging page, the connection note in the shadow-DOM
// modal and InMail: recognised, matched by name and profile link, the draft inserted so Send
// becomes enabled, the 300-character note limit kept and counted, wording checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, extensionPage, send, openFixture, helperUi, scriptCost, FIXTURES, UNMATCHED_LINKEDIN } from '../lib/harness.mjs';

let env;
before(async () => {
  env = await launch();
  const ext = await extensionPage(env);
  const store = JSON.parse(await readFile(path.join(FIXTURES, 'demo-store.json'), 'utf8'));
  const r = await send(ext, { type: 'import', store });
  assert.equal(r.ok, true, JSON.stringify(r));
  await ext.close();
});
after(async () => { await env?.close(); });

const PROFILE = (slug) => ({ url: `https://www.linkedin.com/in/${slug}/` });
// Controls inside the helper's (closed) root, reached through `helperUi` from the content script.
const INSERT = '[data-action="insert-draft"]';

/**
 * The page-side parts of the compose inside `scope`; `at` picks its helper for `helperUi` by an
 * ancestor selector (`host`, default `scope`; it must match inside the host's own tree, so for
 * the modal in LinkedIn's shadow root it names the dialog, not `#interop-outlet`).
 */
function helper(page, scope, host = scope) {
  const root = page.locator(scope);
  return {
    at: { host },
    editor: root.locator('[data-followup-compose="linkedin"]'),
    host: root.locator('[data-followup-ui]'),
    send: root.locator('.msg-form__send-button, .send'),
  };
}

/** Waits until the helper offers a direct insert for `who` (its insert button's title); returns the title. */
const matched = (ui, h, who) => ui.waitForTitle(new RegExp(`^Insert: Thank-you · ${who} · `), h.at);

const paragraphs = (editor) => editor.evaluate((e) => [...e.querySelectorAll('p')].map((p) => p.textContent));

test('overlay bubble: recognised, matched by header and profile link, inserted with Send enabled', async () => {
  const { page, errors } = await openFixture(env, 'linkedin', 'chat-bubble');
  const ui = await helperUi(page);
  await page.waitForFunction(() => document.querySelectorAll('[data-followup-compose="linkedin"]').length === 2);
  const dana = helper(page, '#msg-overlay-conversation-bubble-1');
  const raj = helper(page, '#msg-overlay-conversation-bubble-2');
  assert.equal(await matched(ui, dana, 'Dana Lee'), 'Insert: Thank-you · Dana Lee · Acme Corp');
  assert.equal(await matched(ui, raj, 'Raj Patel'), 'Insert: Thank-you · Raj Patel · Acme Corp', '"New message" ignored, the pill matched');
  assert.equal(await dana.send.isDisabled(), true);

  await dana.editor.click();
  await page.keyboard.type('Hello again!');
  await ui.insert(dana.at);
  const lines = await paragraphs(dana.editor);
  assert.equal(lines[0], 'Hello again!', 'user text kept: ' + JSON.stringify(lines));
  assert.ok(lines.some((l) => /^Hi Dana,|^Dear Dana,/.test(l)), lines.join(' | '));
  assert.ok(lines.length > 3, 'one <p> per line');
  const text = lines.join('\n');
  assert.ok(text.length <= 1000 + 'Hello again!'.length + 1, `LinkedIn message length ${text.length}`);
  assert.equal(await dana.send.isDisabled(), false, 'Send enabled');
  await page.keyboard.press('Control+z');
  assert.deepEqual(await paragraphs(dana.editor), ['Hello again!']);
  assert.equal((await paragraphs(raj.editor)).join('').trim(), '', 'the other bubble untouched');

  // Raj's bubble gets Raj's note.
  await ui.insert(raj.at);
  assert.ok((await paragraphs(raj.editor)).some((l) => /^(Hi|Dear) Raj,/.test(l)), 'Raj greeted');
  assert.deepEqual(await paragraphs(dana.editor), ['Hello again!']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a bubble opened later is recognised and matched by its profile link', async () => {
  const { page, errors } = await openFixture(env, 'linkedin', 'chat-bubble');
  const ui = await helperUi(page);
  await page.waitForFunction(() => document.querySelectorAll('[data-followup-compose="linkedin"]').length === 2);
  await page.evaluate(() => window.openBubble());
  const h = helper(page, '#msg-overlay-conversation-bubble-3');
  await h.editor.waitFor();
  assert.equal(await matched(ui, h, 'Maria Gómez'), 'Insert: Thank-you · Maria Gómez · Fable');
  assert.equal(await page.locator('[data-followup-ui]').count(), 3);
  assert.equal(await ui.roots(), 3);
  await ui.insert(h.at);
  assert.ok((await paragraphs(h.editor)).some((l) => /^(Hi|Dear) Maria,/.test(l)), 'Maria greeted');
  assert.deepEqual(errors, []);
  await page.close();
});

test('messaging page: the thread title (accented) matched, draft inserted, Send enabled', async () => {
  const { page, errors } = await openFixture(env, 'linkedin', 'messaging');
  const ui = await helperUi(page);
  const h = helper(page, '.msg-thread');
  assert.equal(await matched(ui, h, 'Maria Gómez'), 'Insert: Thank-you · Maria Gómez · Fable');
  await ui.insert(h.at);
  assert.match((await paragraphs(h.editor)).join('\n'), /^(Hi|Dear) Maria,/m);
  assert.equal(await h.send.isDisabled(), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('connection note in a shadow root attached late, no maxlength: noticed without focus, 300-character counter, note inserted within the limit', async () => {
  const { page, errors } = await openFixture(env, 'linkedin', 'connection-note', undefined, PROFILE('dana-lee'));
  const ui = await helperUi(page);
  // A profile page shows nothing to write in: nothing is loaded until the modal opens, in a shadow
  // root the page attaches to its outlet only then (no mutation record says so).
  assert.equal(await ui.module(), 'waiting');
  assert.equal(await page.evaluate(() => document.getElementById('interop-outlet').shadowRoot), null);
  await page.click('#connect');
  await ui.started();
  const note = page.locator('#interop-outlet textarea#custom-message');
  await page.locator('#interop-outlet [data-followup-compose="linkedin"]').waitFor();
  assert.equal(await note.getAttribute('maxlength'), null, 'LinkedIn\'s dialog declares no maxlength');
  assert.equal(await page.evaluate(() => document.getElementById('interop-outlet').shadowRoot.activeElement), null,
    'recognised without the note being focused');
  assert.equal(await page.evaluate(() => !!document.getElementById('interop-outlet').shadowRoot
    .querySelector('[data-followup-ui]')), true, 'helper inside the shadow root');
  // The helper is found inside the page's open shadow root, by an ancestor inside that root.
  const h = helper(page, '#interop-outlet [role=dialog]', '[role=dialog]');
  assert.equal(await matched(ui, h, 'Dana Lee'), 'Insert: Thank-you · Dana Lee · Acme Corp');
  const COUNTER = '[data-followup-counter]';
  assert.equal(await ui.text(COUNTER, h.at), '0/300', 'the limit taken from the dialog');

  await note.click();
  await page.keyboard.type('Hi Dana,');
  assert.equal(await ui.text(COUNTER, h.at), '8/300');
  const seen = await page.evaluate(() => window.inputEvents);
  await ui.insert(h.at);
  const value = await note.inputValue();
  assert.ok(value.startsWith('Hi Dana, '), value);
  assert.ok(value.length <= 300 && value.length > 60, `${value.length} characters`);
  assert.equal(await ui.text(COUNTER, h.at), `${value.length}/300`);
  assert.ok(await page.evaluate(() => window.inputEvents) > seen, 'the page\'s document saw the input event (composed)');
  assert.equal(await h.send.isDisabled(), false, 'Send enabled');

  // A nearly full note: what goes in is cut to the room left, nothing typed is lost.
  const typed = 'x'.repeat(280);
  await note.fill(typed);
  await ui.insert(h.at);
  const full = await note.inputValue();
  assert.ok(full.startsWith(typed) && full.length <= 300, `${full.length}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a shadow root attached after the helper started (a chat bubble open) is noticed without focus', async () => {
  const { page, errors } = await openFixture(env, 'linkedin', 'connection-note', undefined, PROFILE('dana-lee'));
  const ui = await helperUi(page);
  await page.evaluate(() => window.openBubble());
  await ui.started();
  const bubble = helper(page, '#msg-overlay-conversation-bubble-9');
  assert.equal(await matched(ui, bubble, 'Raj Patel'), 'Insert: Thank-you · Raj Patel · Acme Corp');
  await page.evaluate(() => window.openInvite());
  await page.locator('#interop-outlet [data-followup-compose="linkedin"]').waitFor({ timeout: 2000 });
  assert.equal(await page.evaluate(() => document.getElementById('interop-outlet').shadowRoot.activeElement), null);
  const h = helper(page, '#interop-outlet [role=dialog]', '[role=dialog]');
  assert.equal(await matched(ui, h, 'Dana Lee'), 'Insert: Thank-you · Dana Lee · Acme Corp');
  assert.equal(await ui.text('[data-followup-counter]', h.at), '0/300');
  assert.deepEqual(errors, []);
  await page.close();
});

test('InMail: matched by profile link, empty subject filled, body inserted, Send enabled', async () => {
  const { page, errors } = await openFixture(env, 'linkedin', 'inmail', undefined, PROFILE('maria-gomez'));
  const ui = await helperUi(page);
  const h = helper(page, '[role=dialog]');
  assert.equal(await matched(ui, h, 'Maria Gómez'), 'Insert: Thank-you · Maria Gómez · Fable');
  await ui.insert(h.at);
  assert.notEqual(await page.locator('[role=dialog] input[name=subject]').inputValue(), '');
  assert.match((await paragraphs(h.editor)).join('\n'), /^(Hi|Dear) Maria,/m);
  assert.equal(await h.send.isDisabled(), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('live checks with LinkedIn rules: findings counted on the chip', async () => {
  const { page, errors } = await openFixture(env, 'linkedin', 'chat-bubble');
  const ui = await helperUi(page);
  const h = helper(page, '#msg-overlay-conversation-bubble-1');
  await matched(ui, h, 'Dana Lee');
  await h.editor.click();
  await page.keyboard.type('Hey Dana, thx for the chat!! Whats the salary?');
  const n = await ui.waitForCount(0, h.at);
  assert.ok(n >= 3, `${n} findings`);
  assert.ok(await ui.eval((roots, a, { pick }) => pick(a.host).querySelectorAll('[data-followup-mark]').length, h.at) >= 3, 'underlined');
  assert.deepEqual(errors, []);
  await page.close();
});

test('content-script cost on a feed making 10,000 DOM mutations (reported, not asserted)', async () => {
  const cost = await scriptCost(env, {
    site: 'linkedin',
    fixture: 'feed',
    without: UNMATCHED_LINKEDIN,
    ready: async (page, helper) => {
      await page.waitForFunction(() => typeof window.churn === 'function');
      if (helper) await page.locator('[data-followup-ui]').waitFor();
    },
    action: async (page) => assert.equal(await page.evaluate(() => window.churn(10000)), 10000),
  });
  console.log(`LinkedIn feed, script time for 10,000 mutations, ${cost.line}; budget 5%`);
});

test('no request left the browser', () => {
  assert.deepEqual(env.stray, []);
});
