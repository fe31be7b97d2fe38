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

  const { page: linkedin } = await openFixture(env, 'linkedin', 'chat-bubble');
  await linkedin.locator('[data-followup-ui]').waitFor();
  await linkedin.screenshot({ path: path.join(out, 'linkedin-chat.png') });
  console.log(`saved ${path.join(out, 'linkedin-chat.png')}`);

  if (headed) {
    console.log('Chromium stays open; close the window to end the demo.');
    await new Promise((resolve) => env.context.on('close', resolve));
  }
} finally {
  await env.close().catch(() => {});
}
