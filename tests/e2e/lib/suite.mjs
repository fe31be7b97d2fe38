// A Chromium suite whose every test starts from the demo store (tests/e2e/fixtures/demo-store.json),
// nothing recorded yet: one browser for the file, the store imported again before each test.
import { before, beforeEach, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, extensionPage, send, openFixture, helperUi, FIXTURES } from './harness.mjs';

/** Registers the hooks; `ready(env, ext)` gets the browser and an extension page once launched. */
export function onDemoStore(ready) {
  let env;
  let ext;
  let store;
  before(async () => {
    env = await launch();
    ext = await extensionPage(env);
    store = JSON.parse(await readFile(path.join(FIXTURES, 'demo-store.json'), 'utf8'));
    ready(env, ext);
  });
  beforeEach(async () => {
    const r = await send(ext, { type: 'import', store });
    assert.equal(r.ok, true, JSON.stringify(r));
  });
  after(async () => { await env?.close(); });
}

/**
 * Opens the Gmail conversation fixture on thread `id` (as the user would, by its address) and
 * returns the page, its errors and the helper's isolated world.
 */
export async function openConversation(env, id) {
  const { page, errors } = await openFixture(env, 'gmail', 'conversation');
  await page.evaluate((id) => window.openThread(id), id);
  await page.locator('.adn').first().waitFor();
  const ui = await helperUi(page);
  return { page, errors, ui };
}
