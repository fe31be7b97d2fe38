// `cargo xtask demo --firefox`: Firefox ESR with the Firefox build of the extension, the demo
// store imported; screenshots of the popup and of the helper in a Gmail compose go to
// dist/demo/ (firefox-*.png). Driven by puppeteer-core over WebDriver BiDi (lib/firefox.mjs).
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, extensionPage, reload, send, openFixture, until } from './lib/firefox.mjs';
import { FIXTURES } from './lib/harness.mjs';
import { popupStore } from './fixtures/popup-store.mjs';

const out = process.env.FOLLOWUP_DEMO_OUT ?? path.resolve('../../dist/demo');
await mkdir(out, { recursive: true });
const env = await launch();
try {
  const shot = async (page, name) => {
    await page.screenshot({ path: path.join(out, name) });
    console.log(`saved ${path.join(out, name)}`);
  };
  const popup = await extensionPage(env);
  await popup.setViewport({ width: 380, height: 600 });
  const imported = await send(popup, { type: 'import', store: popupStore() });
  if (!imported.ok) throw new Error(`demo store refused: ${imported.error}`);
  await reload(popup);
  await shot(popup, 'firefox-popup-due.png');

  const store = JSON.parse(await readFile(path.join(FIXTURES, 'demo-store.json'), 'utf8'));
  await send(popup, { type: 'import', store });
  const { page: gmail } = await openFixture(env, 'gmail', 'popup-compose');
  await gmail.setViewport({ width: 1280, height: 800 });
  await until(gmail, () => !!document.querySelector('[data-followup-ui]'), undefined, { what: 'the helper' });
  await gmail.click('[g_editable="true"]');
  await gmail.keyboard.type('Hey Dana, thx for the interview!! What is the salary range?');
  // The underlines appear once typing stops.
  await new Promise((r) => setTimeout(r, 1200));
  await shot(gmail, 'firefox-gmail-compose.png');
} finally {
  await env.close();
}
