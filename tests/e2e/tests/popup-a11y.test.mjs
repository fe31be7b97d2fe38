// The toolbar popup as a screen-reader or keyboard user meets it: axe-core (WCAG 2.x A and AA,
// and best practices) finds nothing on any screen, in the light and the dark theme, including
// the states a first run passes through (the name prompt, an Undo in the status line, a draft
// with findings, the note counter over its limit, a form with errors).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, extensionPage, send, dueControl } from '../lib/harness.mjs';
import { popupStore } from '../fixtures/popup-store.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
let env;
let axeSource;
before(async () => {
  env = await launch();
  axeSource = await readFile(path.join(here, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
});
after(async () => { await env?.close(); });

/** axe-core's violations on the popup as it is now (loaded through CDP, which the page's
 * CSP does not govern). */
async function violations(page) {
  if (!(await page.evaluate(() => typeof globalThis.axe !== 'undefined'))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await globalThis.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
    }));
  });
}

for (const theme of ['light', 'dark']) {
  test(`axe-core finds nothing on any popup screen (${theme})`, async () => {
    const page = await extensionPage(env);
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width: 380, height: 600 });
    await page.locator('#app[data-ready="true"]').waitFor();
    const store = popupStore();
    store.profile = { email: 'sam@example.com' };
    assert.equal((await send(page, { type: 'import', store })).ok, true);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.locator('#app[data-ready="true"]').waitFor();
    const found = {};

    // The list on a first run: the name prompt above the items.
    await page.getByLabel('Your name, to sign your drafts').waitFor();
    found.list = await violations(page);
    // The check itself can fail: a button without a name is found.
    await page.evaluate(() => { const b = document.createElement('button'); b.id = 'axe-probe'; document.body.append(b); });
    assert.ok((await violations(page)).some((v) => v.id === 'button-name'), 'axe-core sees the page');
    await page.evaluate(() => document.getElementById('axe-probe').remove());

    // An item's More and "They replied" open, and the Upcoming section open.
    await (await dueControl(page, 'Thank-you note to Dana Lee', 'They replied')).click();
    await page.locator('details.later > summary').click();
    await page.getByRole('button', { name: 'Not selected' }).first().waitFor();
    found.more = await violations(page);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    // An Undo in the status line.
    await (await dueControl(page, 'Thank-you note to Raj Patel', 'Mark sent')).click();
    await page.locator('#status').getByRole('button', { name: 'Undo' }).waitFor();
    found.undo = await violations(page);

    // A draft with a finding, as a connection note over its limit.
    await (await dueControl(page, 'Thank-you note to Dana Lee', 'Preview')).click();
    const body = page.getByLabel('Message');
    await body.waitFor();
    await page.locator('details.choices summary').click();
    await page.getByLabel('Channel').selectOption('linkedin-note');
    await page.locator('#f-draft-subject').waitFor({ state: 'detached' });
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(' lol!! ' + 'x'.repeat(300));
    await page.locator('#h-f-draft-body.over').waitFor();
    await page.locator('#draft-findings mark', { hasText: 'lol' }).first().waitFor();
    found.draft = await violations(page);

    // The interview form, after a save with its required fields empty.
    await page.getByRole('button', { name: 'Add interview' }).click();
    await page.getByRole('heading', { name: 'Add an interview' }).waitFor();
    await page.getByLabel('Company').fill('');
    await page.getByRole('button', { name: 'Save interview' }).click();
    await page.locator('.error:not([hidden])').first().waitFor();
    found.form = await violations(page);
    // The form filled from an invitation whose zone differs, with what to check listed.
    const invite = await readFile(new URL('../../data/invites/zoom.ics', import.meta.url));
    await page.getByLabel('Fill in from a calendar invitation').setInputFiles({ name: 'invite.ics', mimeType: 'text/calendar', buffer: invite });
    await page.locator('#status', { hasText: 'Filled in from the invitation' }).waitFor();
    found.formFromInvitation = await violations(page);

    // "Check my text" with findings, and Settings.
    await page.getByRole('button', { name: 'Check text' }).click();
    await page.getByRole('heading', { name: /check/i }).first().waitFor();
    found.check = await violations(page);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: /settings/i }).first().waitFor();
    found.settings = await violations(page);
    // An import refused, with its reasons listed.
    await page.getByLabel('Import a JSON export').setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1,') });
    await page.getByRole('heading', { name: 'This file was not imported; your data is unchanged:' }).waitFor();
    found.importRefused = await violations(page);

    const any = Object.entries(found).filter(([, v]) => v.length);
    assert.deepEqual(any, [], JSON.stringify(any, null, 2));
    await page.close();
  });
}
