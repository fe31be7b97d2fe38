// `cargo xtask demo`: Chromium with the built extension on the demo pages (routed at the real
// origins), with the demo store imported; screenshots go to dist/demo/.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, extensionPage, send, openFixture, FIXTURES } from './lib/harness.mjs';
import { popupStore } from './fixtures/popup-store.mjs';

const headed = process.argv.includes('--headed');
const out = process.env.FOLLOWUP_DEMO_OUT ?? path.resolve('../../dist/demo');
await mkdir(out, { recursive: true });

const env = await launch({ headed });
try {
  const popup = await extensionPage(env);
  await popup.setViewportSize({ width: 380, height: 600 });
  const shot = async (page, name) => {
    await page.screenshot({ path: path.join(out, name) });
    console.log(`saved ${path.join(out, name)}`);
  };
  const fresh = async (store) => {
    const reply = await send(popup, { type: 'import', store });
    if (!reply.ok) throw new Error(`demo store refused: ${reply.error}`);
    await popup.evaluate(() => localStorage.clear());
    await popup.reload();
    await popup.locator('#app[data-ready="true"]').waitFor();
  };

  // The popup: empty state, the due list, the form with errors, a draft preview, dark mode.
  await popup.locator('#app[data-ready="true"]').waitFor();
  await fresh({ version: 1, interviews: [] });
  await shot(popup, 'popup-empty.png');
  await fresh(popupStore());
  await shot(popup, 'popup-due.png');
  await popup.getByRole('button', { name: 'Add interview' }).click();
  await popup.getByLabel('Company').fill('Umbrella');
  await popup.getByLabel('Role').fill('Researcher');
  await popup.getByLabel('Date and time').fill('2026-11-20T14:00');
  await popup.getByLabel('Decision date (optional)').fill('2026-11-18');
  await popup.getByLabel('Name', { exact: true }).fill('Ada Wong');
  await popup.getByLabel('Email').fill('ada at umbrella');
  await popup.getByLabel('LinkedIn profile').fill('twitter.com/ada');
  await popup.getByRole('button', { name: 'Save interview' }).click();
  await popup.locator('#e-f-decision_by:not([hidden])').waitFor();
  await popup.evaluate(() => document.querySelector('#f-people-0-email').closest('.field').scrollIntoView({ block: 'center' }));
  await shot(popup, 'popup-form-errors.png');
  await popup.getByRole('button', { name: 'Clear form' }).click();
  await popup.getByRole('button', { name: 'Due now' }).click();
  await popup.locator('li.item', { hasText: 'Thank-you note to Dana Lee' }).getByRole('button', { name: 'Preview' }).click();
  const body = popup.getByLabel('Message');
  await body.waitFor();
  await body.click();
  await popup.keyboard.press('Control+End');
  await popup.keyboard.type('\nI am super pumped about this role!!');
  await popup.locator('#draft-findings mark').first().waitFor();
  await popup.evaluate(() => document.querySelector('#draft-findings').scrollIntoView({ block: 'center' }));
  await shot(popup, 'popup-draft.png');
  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.getByRole('button', { name: '← Back to the list' }).click();
  await popup.locator('section.group').first().waitFor();
  await shot(popup, 'popup-dark.png');
  await popup.emulateMedia({ colorScheme: 'light' });

  // The rest of the demo runs on the demo store.
  const store = JSON.parse(await readFile(path.join(FIXTURES, 'demo-store.json'), 'utf8'));
  await fresh(store);

  const { page: gmail } = await openFixture(env, 'gmail', 'popup-compose');
  await gmail.locator('[data-followup-ui]').waitFor();
  await gmail.locator('[g_editable="true"]').click();
  await gmail.keyboard.type('Hey Dana, thx for the interview!! What is the salary range?');
  await gmail.waitForFunction(() => document.querySelector('[data-followup-ui]')?.dataset.followupFindings !== '0', null, { timeout: 5000 }).catch(() => {});
  await gmail.screenshot({ path: path.join(out, 'gmail-compose.png') });
  console.log(`saved ${path.join(out, 'gmail-compose.png')}`);
  // Hover the first underline: the card with the reason and the one-click fix.
  const mark = await gmail.evaluate(() => document.querySelector('[data-followup-ui]').shadowRoot
    .querySelector('[data-followup-mark]')?.getBoundingClientRect().toJSON());
  if (mark) {
    await gmail.mouse.move(mark.left + mark.width / 2, mark.top - 6);
    await gmail.locator('[data-followup-ui] .card [data-action]').first().waitFor({ timeout: 5000 }).catch(() => {});
    await gmail.screenshot({ path: path.join(out, 'gmail-card.png') });
    console.log(`saved ${path.join(out, 'gmail-card.png')}`);
  }
  // The findings list behind the count, then a fresh compose with the draft inserted.
  await gmail.locator('[data-followup-ui] [data-action="open-findings"]').click();
  await gmail.screenshot({ path: path.join(out, 'gmail-findings.png') });
  console.log(`saved ${path.join(out, 'gmail-findings.png')}`);
  const { page: gmail2 } = await openFixture(env, 'gmail', 'several');
  await gmail2.waitForFunction(() => document.querySelector('[data-followup-ui]')?.shadowRoot.querySelector('[data-action="insert-draft"]').dataset.followupChoice);
  await gmail2.locator('[data-compose="c501"] [data-action="insert-draft"]').click();
  await gmail2.locator('[data-compose="c503"] [data-action="insert-draft"]').click();
  await gmail2.screenshot({ path: path.join(out, 'gmail-insert.png') });
  console.log(`saved ${path.join(out, 'gmail-insert.png')}`);

  const { page: linkedin } = await openFixture(env, 'linkedin', 'chat-bubble');
  await linkedin.locator('[data-followup-ui]').first().waitFor();
  await linkedin.screenshot({ path: path.join(out, 'linkedin-chat.png') });
  console.log(`saved ${path.join(out, 'linkedin-chat.png')}`);
  const bubble = linkedin.locator('#msg-overlay-conversation-bubble-1');
  await bubble.locator('[data-action="insert-draft"][data-followup-choice*="/"]').waitFor({ timeout: 5000 }).catch(() => {});
  await bubble.locator('[data-action="insert-draft"]').click();
  await linkedin.screenshot({ path: path.join(out, 'linkedin-inserted.png') });
  console.log(`saved ${path.join(out, 'linkedin-inserted.png')}`);

  const { page: note } = await openFixture(env, 'linkedin', 'connection-note', undefined, { url: 'https://www.linkedin.com/in/dana-lee/' });
  await note.waitForFunction(() => performance.getEntriesByName('followup:instantiate').length > 0);
  await note.click('#connect');
  const modal = note.locator('#interop-outlet [role=dialog]');
  await modal.locator('[data-action="insert-draft"][data-followup-choice*="/"]').waitFor({ timeout: 5000 }).catch(() => {});
  await modal.locator('[data-action="insert-draft"]').click();
  await note.screenshot({ path: path.join(out, 'linkedin-note.png') });
  console.log(`saved ${path.join(out, 'linkedin-note.png')}`);

  if (headed) {
    console.log('Chromium stays open; close the window to end the demo.');
    await new Promise((resolve) => env.context.on('close', resolve));
  }
} finally {
  await env.close().catch(() => {});
}
