// `cargo xtask demo`: Chromium with the built extension on the demo pages (routed at the real
// origins), with the demo store imported; screenshots go to dist/demo/.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, extensionPage, send, openFixture, helperUi, dueControl, FIXTURES } from './lib/harness.mjs';
import { popupStore } from './fixtures/popup-store.mjs';
import { invitation } from './lib/shared.mjs';

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
  await popup.getByRole('button', { name: 'Clear everything typed?' }).click();
  // An interview from its calendar invitation (an Outlook/Teams .ics): the form filled in.
  await popup.getByLabel('Fill in from a calendar invitation').setInputFiles({ name: 'invite.ics', mimeType: 'text/calendar', buffer: Buffer.from(await invitation('outlook')) });
  await popup.locator('#status', { hasText: 'Filled in from the invitation' }).waitFor();
  await shot(popup, 'popup-invite.png');
  await popup.getByRole('button', { name: 'Clear form' }).click();
  await popup.getByRole('button', { name: 'Clear everything typed?' }).click();
  await popup.getByRole('button', { name: 'Due now' }).click();
  await (await dueControl(popup, 'Thank-you note to Dana Lee', 'Preview')).click();
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

  // The in-page helper lives in a closed shadow root: it is reached from the content script's
  // isolated world (helperUi) and clicked with real mouse input.
  const INSERT = '[data-action="insert-draft"]';
  const { page: gmail } = await openFixture(env, 'gmail', 'popup-compose');
  const gmailUi = await helperUi(gmail);
  await gmail.locator('[data-followup-ui]').waitFor();
  await gmail.locator('[g_editable="true"]').click();
  await gmail.keyboard.type('Hey Dana, thx for the interview!! What is the salary range?');
  await gmailUi.waitForCount(0).catch(() => {});
  await shot(gmail, 'gmail-compose.png');
  // Hover the first underline: the card with the reason and the one-click fix.
  const mark = await gmailUi.eval((roots) => roots[0]?.querySelector('[data-followup-mark]')?.getBoundingClientRect().toJSON());
  if (mark) {
    await gmail.mouse.move(mark.left + mark.width / 2, mark.top - 6);
    await gmailUi.waitFor((roots) => roots[0].querySelector('.card:not([hidden]) [data-action]')).catch(() => {});
    await shot(gmail, 'gmail-card.png');
  }
  // The findings list behind the count, then a fresh compose with the draft inserted.
  await gmailUi.click('[data-action="open-findings"]');
  await shot(gmail, 'gmail-findings.png');
  // Gmail's dark theme (page styles): the helper follows the page.
  const { page: dark } = await openFixture(env, 'gmail', 'popup-compose');
  await dark.evaluate(() => document.documentElement.classList.add('dark'));
  const darkUi = await helperUi(dark);
  await dark.locator('[data-followup-ui]').waitFor();
  await dark.locator('[g_editable="true"]').click();
  await dark.keyboard.type('Hey Dana, thx for the interview!! What is the salary range?');
  await darkUi.waitForCount(0).catch(() => {});
  await darkUi.click('[data-action="open-findings"]');
  await shot(dark, 'gmail-dark.png');
  // Near the bottom of a short window: the card opens above the words.
  await dark.keyboard.press('Escape');
  await dark.setViewportSize({ width: 900, height: 420 });
  await dark.keyboard.press('Control+End');
  await dark.keyboard.type('\n\nI look forward to it.\n\nBest,\nSam\n\n\n\n\n\n\n\nthx!!');
  const low = await darkUi.waitFor((roots) => {
    const marks = [...roots[0].querySelectorAll('[data-followup-mark]')].map((m) => m.getBoundingClientRect().toJSON());
    return marks.length >= 4 && marks.sort((p, q) => q.bottom - p.bottom)[0];
  }).catch(() => null);
  if (low) {
    await dark.mouse.click(low.left + low.width / 2, low.top - 4);
    await darkUi.waitFor((roots) => roots[0].querySelector('.card:not([hidden])')).catch(() => {});
    await shot(dark, 'gmail-card-bottom.png');
  }
  const { page: gmail2 } = await openFixture(env, 'gmail', 'several');
  const gmail2Ui = await helperUi(gmail2);
  await gmail2Ui.waitForTitle(/Dana Lee/, { host: '[data-compose="c501"]' });
  await gmail2Ui.insert({ host: '[data-compose="c501"]' });
  // An untracked recipient: Insert opens the chooser, which says nobody here is tracked.
  await gmail2Ui.click('[data-action="insert-draft"]', { host: '[data-compose="c503"]' });
  await shot(gmail2, 'gmail-insert.png');

  // Sent from Gmail: the follow-up is marked sent, with Undo.
  const { page: sending } = await openFixture(env, 'gmail', 'popup-compose');
  const sendingUi = await helperUi(sending);
  await sendingUi.waitForTitle(/Dana Lee/);
  await sendingUi.insert();
  await sending.locator('[role=button].aoO').click();
  await sendingUi.waitFor((roots, a, { pick }) => !!pick('[data-followup-note]')?.querySelector('.note:not([hidden])'));
  await shot(sending, 'gmail-sent.png');
  // Dana's answer, opened in Gmail: recorded in one click, its outcome read from the words.
  await send(popup, { type: 'import', store });
  const { page: conversation } = await openFixture(env, 'gmail', 'conversation');
  await conversation.evaluate(() => window.openThread('rejection'));
  const conversationUi = await helperUi(conversation);
  await conversationUi.waitFor((roots, a, { pick }) => !!pick('[data-followup-note]')?.querySelector('.note:not([hidden]) [aria-pressed=true]'));
  await shot(conversation, 'gmail-reply.png');
  // An invitation opened in Gmail: "Track this interview" opens the form, filled from the message.
  await conversation.evaluate(() => window.openThread('invite'));
  await conversationUi.waitFor((roots, a, { pick }) => !!pick('[data-followup-note]')?.querySelector('.note:not([hidden]) [data-action="track-invitation"]'));
  await shot(conversation, 'gmail-invite.png');
  const [invited] = await Promise.all([
    env.context.waitForEvent('page'),
    conversationUi.click('[data-action="track-invitation"]', { host: '[data-followup-note]' }),
  ]);
  await invited.setViewportSize({ width: 420, height: 620 });
  await invited.locator('#status', { hasText: 'Filled in from the invitation' }).waitFor();
  // What to check, then the filled fields under it.
  await invited.locator('.invite .notice').evaluate((n) => n.scrollIntoView({ block: 'start' }));
  await shot(invited, 'gmail-invite-form.png');
  await invited.close();

  const { page: linkedin } = await openFixture(env, 'linkedin', 'chat-bubble');
  const linkedinUi = await helperUi(linkedin);
  await linkedin.locator('[data-followup-ui]').first().waitFor();
  await shot(linkedin, 'linkedin-chat.png');
  const bubble = { host: '#msg-overlay-conversation-bubble-1' };
  await linkedinUi.waitForTitle(/^Insert: /, bubble).catch(() => {});
  await linkedinUi.insert(bubble);
  await shot(linkedin, 'linkedin-inserted.png');

  const { page: note } = await openFixture(env, 'linkedin', 'connection-note', undefined, { url: 'https://www.linkedin.com/in/dana-lee/' });
  const noteUi = await helperUi(note);
  await note.click('#connect');
  await noteUi.started();
  // The modal sits in the page's own (open) shadow root; the helper is found inside it.
  const modal = { host: '[role=dialog]' };
  await noteUi.waitForTitle(/^Insert: /, modal).catch(() => {});
  await noteUi.insert(modal);
  await shot(note, 'linkedin-note.png');

  if (headed) {
    console.log('Chromium stays open; close the window to end the demo.');
    await new Promise((resolve) => env.context.on('close', resolve));
  }
} finally {
  await env.close().catch(() => {});
}
