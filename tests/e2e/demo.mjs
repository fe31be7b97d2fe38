// `cargo xtask demo`: Chromium with the built extension on the demo pages (routed at the real
// origins), with the demo store imported; screenshots go to dist/demo/.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, extensionPage, send, openFixture, FIXTURES } from './lib/harness.mjs';

const headed = process.argv.includes('--headed');
const out = process.env.FOLLOWUP_DEMO_OUT ?? path.resolve('../../dist/demo');
await mkdir(out, { recursive: true });

const env = await launch({ headed });
try {
  const popup = await extensionPage(env);
  const store = JSON.parse(await readFile(path.join(FIXTURES, 'demo-store.json'), 'utf8'));
  const imported = await send(popup, { type: 'import', store });
  if (!imported.ok) throw new Error(`demo store refused: ${imported.error}`);
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.reload();
  await popup.locator('#app[data-ready="true"]').waitFor();
  await popup.screenshot({ path: path.join(out, 'popup.png') });
  console.log(`saved ${path.join(out, 'popup.png')}`);

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
