// Test bodies both browser suites run (the Chromium one in worker.test.mjs, the Firefox one in
// firefox.test.mjs): each takes `{ ext, send }`, an extension page of the browser under test and
// that driver's `send`, and uses nothing else of the driver.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FIXTURES } from './harness.mjs';

const demo = JSON.parse(await readFile(path.join(FIXTURES, 'demo-store.json'), 'utf8'));

/** A calendar invitation in `tests/data/invites/` (written in the shapes the services send). */
export const invitation = (name) => readFile(new URL(`../../data/invites/${name}.ics`, import.meta.url), 'utf8');

/**
 * Runs in the popup page (pass it to the driver's `evaluate` with the file's text): drags an
 * `.ics` file over the "Add interview" form and drops it there, as a file manager would.
 */
export function dropInvitation(text) {
  const data = new DataTransfer();
  data.items.add(new File([text], 'invite.ics', { type: 'text/calendar' }));
  const form = document.querySelector('form[data-form="interview"]');
  const over = new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true });
  form.dispatchEvent(over);
  if (!over.defaultPrevented) throw new Error('the form does not accept a dropped file');
  form.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
}

/** An ISO time with a -05:00 offset, `ms` from now. */
export function fromNow(ms) {
  const d = new Date(Date.now() + ms - 5 * 3600e3);
  return d.toISOString().replace(/\.\d+Z$/, '-05:00');
}

/** The background's storage and edits, through runtime messages: [name, body] pairs. */
export const WORKER_BODIES = [
  ['import then export round-trips the store, unknown fields included', async ({ ext, send }) => {
    const store = structuredClone(demo);
    store.interviews[0].custom = { note: 'kept by later versions', n: 3 };
    store.futureField = ['kept'];
    const imported = await send(ext, { type: 'import', store });
    assert.deepEqual(imported, { ok: true, interviews: store.interviews.length });
    const exported = await send(ext, { type: 'export' });
    assert.equal(exported.ok, true);
    assert.deepEqual(exported.store, store);
  }],
  ['a malformed import is refused with its path and loses nothing stored', async ({ ext, send }) => {
    await send(ext, { type: 'import', store: demo });
    const bad = structuredClone(demo);
    bad.interviews[1].at = 'next Tuesday';
    const reply = await send(ext, { type: 'import', store: bad });
    assert.equal(reply.ok, false);
    assert.match(reply.error, /^This file cannot be imported: .* \(at interviews\[1\]\.at\)\.$/);
    assert.equal(reply.code, 'import');
    const dup = structuredClone(demo);
    dup.interviews[1].id = dup.interviews[0].id;
    assert.match((await send(ext, { type: 'import', store: dup })).error, /duplicate interview id/);
    assert.match((await send(ext, { type: 'import', store: 'not a store' })).error, /^This file cannot be imported: /);
    assert.deepEqual((await send(ext, { type: 'export' })).store, demo);
  }],
  ['edits: upsert with path-named errors, record, settings, remove', async ({ ext, send }) => {
    await send(ext, { type: 'import', store: demo });
    const added = await send(ext, { type: 'upsert-interview', interview: { company: 'Initech', role: 'QA Lead', at: fromNow(-3600e3), interviewers: [{ name: 'Bill Lumbergh', email: 'bill@initech.example' }] } });
    assert.equal(added.ok, true, added.error);
    assert.equal(added.interview.id, 'initech-qa-lead');
    assert.equal(added.interview.interviewers[0].id, 'bill-lumbergh');

    const refused = await send(ext, { type: 'upsert-interview', interview: { id: 'x', company: 'A', role: 'B', at: '2026-11-20T10:00:00Z', industry: 'mining' } });
    assert.equal(refused.ok, false);
    assert.match(refused.error, /^That change was refused: .* \(at interviews\[\d+\]\.industry\)\.$/);
    assert.equal(refused.code, 'refused');

    let items = (await send(ext, { type: 'schedule' })).items.filter((i) => i.interview === 'initech-qa-lead');
    assert.deepEqual(items.map((i) => i.kind), ['thank-you', 'status-check']);
    const sent = await send(ext, { type: 'record', interview: 'initech-qa-lead', event: { kind: 'sent', follow_up: 'thank-you', interviewer: 'bill-lumbergh', at: fromNow(0) } });
    assert.equal(sent.ok, true, sent.error);
    items = (await send(ext, { type: 'schedule' })).items.filter((i) => i.interview === 'initech-qa-lead');
    assert.deepEqual(items.map((i) => i.kind), ['status-check']);
    await send(ext, { type: 'record', interview: 'initech-qa-lead', event: { kind: 'reply', outcome: 'negative', at: fromNow(0) } });
    items = (await send(ext, { type: 'schedule' })).items.filter((i) => i.interview === 'initech-qa-lead');
    assert.deepEqual(items.map((i) => i.kind), ['rejection-reply']);
    const badEvent = await send(ext, { type: 'record', interview: 'initech-qa-lead', event: { kind: 'sent', interviewer: 'nobody', at: fromNow(0) } });
    assert.match(badEvent.error, /nobody/);

    const settings = await send(ext, { type: 'settings', profile: { name: 'Sam Rivera', holidays: ['2026-12-24'] } });
    assert.equal(settings.ok, true);
    assert.match((await send(ext, { type: 'settings', profile: { holidays: ['someday'] } })).error, /^That change was refused: not a date: .* \(at profile\.holidays\[0\]\)\.$/);
    const removed = await send(ext, { type: 'remove-interview', id: 'initech-qa-lead' });
    assert.equal(removed.ok, true);
    const store = (await send(ext, { type: 'export' })).store;
    assert.equal(store.profile.name, 'Sam Rivera');
    assert.deepEqual(store.interviews, demo.interviews);
  }],
];
