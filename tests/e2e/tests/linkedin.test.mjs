// LinkedIn (issue 9): chat bubbles, the messaging page, the connection note in the shadow-DOM
// modal and InMail: recognised, matched by name and profile link, the draft inserted so Send
// becomes enabled, the 300-character note limit kept and counted, wording checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, extensionPage, send, openFixture, median, FIXTURES, UNMATCHED_LINKEDIN } from '../lib/harness.mjs';

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

/** Controls of the compose whose editor matches `editorSel` (the host is the editor's previous sibling). */
function helper(page, scope) {
  const root = page.locator(scope);
  return {
    editor: root.locator('[data-followup-compose="linkedin"]'),
    host: root.locator('[data-followup-ui]'),
    insert: root.locator('[data-followup-ui] [data-action="insert-draft"]'),
    send: root.locator('.msg-form__send-button, .send'),
  };
}

async function matched(h) {
  await h.insert.and(h.insert.locator(':scope[data-followup-choice*="/"]')).waitFor();
  return h.insert.getAttribute('data-followup-choice');
}

const paragraphs = (editor) => editor.evaluate((e) => [...e.querySelectorAll('p')].map((p) => p.textContent));

test('overlay bubble: recognised, matched by header and profile link, inserted with Send enabled', async () => {
  const { page, errors } = await openFixture(env, 'linkedin', 'chat-bubble');
  await page.waitForFunction(() => document.querySelectorAll('[data-followup-compose="linkedin"]').length === 2);
  const dana = helper(page, '#msg-overlay-conversation-bubble-1');
  const raj = helper(page, '#msg-overlay-conversation-bubble-2');
  assert.equal(await matched(dana), 'acme-pm/dana/thank-you');
  assert.equal(await matched(raj), 'acme-pm/raj/thank-you', '"New message" ignored, the pill matched');
  assert.equal(await dana.send.isDisabled(), true);

  await dana.editor.click();
  await page.keyboard.type('Hello again!');
  await dana.insert.click();
  const lines = await paragraphs(dana.editor);
  assert.equal(lines[0], 'Hello again!', 'user text kept');
  assert.ok(lines.some((l) => /^Hi Dana,|^Dear Dana,/.test(l)), lines.join(' | '));
  assert.ok(lines.length > 3, 'one <p> per line');
  const text = lines.join('\n');
  assert.ok(text.length <= 1000 + 'Hello again!'.length + 1, `LinkedIn message length ${text.length}`);
  assert.equal(await dana.send.isDisabled(), false, 'Send enabled');
  await page.keyboard.press('Control+z');
  assert.deepEqual(await paragraphs(dana.editor), ['Hello again!']);
  assert.equal((await paragraphs(raj.editor)).join('').trim(), '', 'the other bubble untouched');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a bubble opened later is recognised and matched by its profile link', async () => {
  const { page, errors } = await openFixture(env, 'linkedin', 'chat-bubble');
  await page.waitForFunction(() => document.querySelectorAll('[data-followup-compose="linkedin"]').length === 2);
  await page.evaluate(() => window.openBubble());
  const h = helper(page, '#msg-overlay-conversation-bubble-3');
  await h.editor.waitFor();
  assert.equal(await matched(h), 'fable-content/maria/thank-you');
  assert.equal(await page.locator('[data-followup-ui]').count(), 3);
  assert.deepEqual(errors, []);
  await page.close();
});

test('messaging page: the thread title (accented) matched, draft inserted, Send enabled', async () => {
  const { page, errors } = await openFixture(env, 'linkedin', 'messaging');
  const h = helper(page, '.msg-thread');
  assert.equal(await matched(h), 'fable-content/maria/thank-you');
  await h.insert.click();
  assert.match((await paragraphs(h.editor)).join('\n'), /Maria/);
  assert.equal(await h.send.isDisabled(), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('connection note in the shadow-DOM modal: recognised late, live 300-character counter, note inserted within the limit', async () => {
  const { page, errors } = await openFixture(env, 'linkedin', 'connection-note', undefined, PROFILE('dana-lee'));
  await page.waitForFunction(() => performance.getEntriesByName('followup:instantiate').length > 0);
  await page.click('#connect');
  const note = page.locator('#interop-outlet textarea#custom-message');
  await page.locator('#interop-outlet [data-followup-compose="linkedin"]').waitFor();
  assert.equal(await page.evaluate(() => !!document.getElementById('interop-outlet').shadowRoot
    .querySelector('[data-followup-ui]')), true, 'helper inside the shadow root');
  const h = helper(page, '#interop-outlet [role=dialog]');
  assert.equal(await matched(h), 'acme-pm/dana/thank-you');
  const counter = h.host.locator('[data-followup-counter]');
  assert.equal(await counter.textContent(), '0/300');

  await note.click();
  await page.keyboard.type('Hi Dana,');
  assert.equal(await counter.textContent(), '8/300');
  await h.insert.click();
  const value = await note.inputValue();
  assert.ok(value.startsWith('Hi Dana, '), value);
  assert.ok(value.length <= 300 && value.length > 60, `${value.length} characters`);
  assert.equal(await counter.textContent(), `${value.length}/300`);
  assert.equal(await h.send.isDisabled(), false, 'Send enabled');

  // A nearly full note: what goes in is cut to the room left, nothing typed is lost.
  const typed = 'x'.repeat(280);
  await note.fill(typed);
  await h.insert.click();
  const full = await note.inputValue();
  assert.ok(full.startsWith(typed) && full.length <= 300, `${full.length}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('InMail: matched by profile link, empty subject filled, body inserted, Send enabled', async () => {
  const { page, errors } = await openFixture(env, 'linkedin', 'inmail', undefined, PROFILE('maria-gomez'));
  const h = helper(page, '[role=dialog]');
  assert.equal(await matched(h), 'fable-content/maria/thank-you');
  await h.insert.click();
  assert.notEqual(await page.locator('[role=dialog] input[name=subject]').inputValue(), '');
  assert.match((await paragraphs(h.editor)).join('\n'), /Maria/);
  assert.equal(await h.send.isDisabled(), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('live checks with LinkedIn rules: findings counted on the chip', async () => {
  const { page, errors } = await openFixture(env, 'linkedin', 'chat-bubble');
  const h = helper(page, '#msg-overlay-conversation-bubble-1');
  await matched(h);
  await h.editor.click();
  await page.keyboard.type('Hey Dana, thx for the chat!! Whats the salary?');
  await h.host.and(page.locator(':not([data-followup-findings="0"])')).waitFor();
  const n = Number(await h.host.getAttribute('data-followup-findings'));
  assert.ok(n >= 3, `${n} findings`);
  assert.ok(await h.host.locator('[data-followup-mark]').count() >= 3, 'underlined');
  assert.deepEqual(errors, []);
  await page.close();
});

test('content-script cost on a feed making 10,000 DOM mutations (reported, not asserted)', async () => {
  const scriptTime = async (url) => {
    const { page, errors } = await openFixture(env, 'linkedin', 'feed', undefined, { url });
    await page.waitForFunction(() => typeof window.churn === 'function');
    if (!url) await page.locator('[data-followup-ui]').waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration').value;
    const t0 = await metric();
    assert.equal(await page.evaluate(() => window.churn(10000)), 10000);
    const spent = (await metric()) - t0;
    assert.deepEqual(errors, []);
    await page.close();
    return spent * 1000;
  };
  const withExt = [];
  const without = [];
  for (let i = 0; i < 5; i++) {
    without.push(await scriptTime(UNMATCHED_LINKEDIN));
    withExt.push(await scriptTime());
  }
  const a = median(withExt);
  const b = median(without);
  console.log(`LinkedIn feed, script time for 10,000 mutations, median of 5: ${a.toFixed(1)} ms with the content script, ` +
    `${b.toFixed(1)} ms without (${a >= b ? '+' : ''}${(((a - b) / b) * 100).toFixed(1)}%; budget 5%)`);
});

test('no request left the browser', () => {
  assert.deepEqual(env.stray, []);
});
