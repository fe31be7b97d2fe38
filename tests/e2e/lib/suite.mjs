// A Chromium suite whose every test starts from the demo store (tests/e2e/fixtures/demo-store.json),
// nothing recorded yet: one browser for the file, the store imported again before each test.
import { before, beforeEach, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, extensionPage, send, FIXTURES } from './harness.mjs';

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
