// The built extension on compose windows captured from the live sites by third parties
// (`../shared/real-pages/` beside the repository, described in its SOURCES.md). The captures are
// not part of the repository and a clone has none: then this suite skips. Who a capture is
// addressed to is read from the capture itself at run time (the selectors below), so no third
// party's name or address is written here. Each capture prints one line: recognised editors,
// helpers, whether the tracked recipient was matched, what happened to the subject, the length
// of the text after inserting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, extensionPage, send, openFixture, helperUi, FIXTURES } from '../lib/harness.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const REAL = path.resolve(REPO, '..', 'shared', 'real-pages');
const captures = existsSync(REAL) ? (await readdir(REAL)).filter((f) => f.endsWith('.html')).sort() : [];

const COMPANY = 'Capture Test Co';
const TYPED = 'Written before the draft.';

/**
 * What each known capture holds. `person`: where the capture names its recipient ([selector,
 * attribute], text when no attribute). `to`: the capture's To field is empty, so the test types
 * the tracked address into it (as the user would). `profilePage`: the capture is a modal alone;
 * the profile page behind it (its heading and address) is put back. `width`: the capture has no
 * style sheet and its editor no width; Gmail's style sheet gives it one. `subject`: 'fill' (new
 * message), 'none' (no subject box). `note`: a LinkedIn connection note (300 characters).
 */
const SPECS = {
  'gmail-jsmin-2020-popup.html': { site: 'gmail', to: 'textarea[name=to]', subject: 'fill' },
  'gmail-timyo-2017-compose.html': {
    site: 'gmail', subject: 'none', width: '[g_editable] { min-width: 480px }',
    person: { email: ['span[email]', 'email'], name: ['span[email] .vT'] },
  },
  'gmail-bombie-2024-body.html': { site: 'gmail', subject: 'none', keeps: true },
  'linkedin-salespilot-2023-bubble.html': {
    site: 'linkedin', person: { name: ['.msg-overlay-bubble-header__title'], profile: ['.msg-overlay-bubble-header__title a[href*="/in/"]', 'href'] },
  },
  'linkedin-munch-2022-newmsg-bubble.html': {
    site: 'linkedin', person: { name: ['.artdeco-pill__text'], profile: ['a[href*="/in/"]', 'href'] },
  },
  'linkedin-lucas-2026-note-modal.html': { site: 'linkedin', note: true, profilePage: 'dana-lee' },
};

let env;
let ext;
let demoStore;
before(async () => {
  if (!captures.length) return;
  env = await launch({ assets: true });
  ext = await extensionPage(env);
  demoStore = JSON.parse(await readFile(path.join(FIXTURES, 'demo-store.json'), 'utf8'));
  assert.equal((await send(ext, { type: 'import', store: demoStore })).ok, true);
});
after(async () => { await env?.close(); });

if (!captures.length) {
  test('real pages', { skip: `no captures at ${REAL} (they are kept beside the repository, not in it)` }, () => {});
}

/** Reads what a capture names: { name, email, profile }, each from [selector, attribute?]. */
function truth(page, person) {
  return page.evaluate((person) => {
    const all = (root) => [root, ...[...root.querySelectorAll('*')].filter((e) => e.shadowRoot).flatMap((e) => all(e.shadowRoot))];
    const read = ([sel, attr]) => {
      for (const root of all(document)) {
        const el = root.querySelector(sel);
        if (el) return attr ? el.getAttribute(attr) : el.textContent.replace(/\s+/g, ' ').trim();
      }
      return null;
    };
    const out = {};
    for (const [k, v] of Object.entries(person)) out[k] = read(v);
    if (out.profile) out.profile = new URL(out.profile, 'https://www.linkedin.com').href;
    return out;
  }, person);
}

/** The demo store plus one interview with the people the capture names. */
async function track(people) {
  const store = structuredClone(demoStore);
  store.interviews.push({
    ...structuredClone(demoStore.interviews[0]),
    id: 'capture-test',
    company: COMPANY,
    interviewers: people.map((p, i) => ({ id: `capture-${i + 1}`, name: p.name, ...(p.email ? { email: p.email } : {}), ...(p.profile ? { linkedin: p.profile } : {}) })),
  });
  const r = await send(ext, { type: 'import', store });
  assert.equal(r.ok, true, JSON.stringify(r));
}

const value = (editor) => editor.evaluate((e) => (e.tagName === 'TEXTAREA' ? e.value : e.innerText));

for (const file of captures) {
  const spec = SPECS[file] ?? { site: file.startsWith('linkedin') ? 'linkedin' : 'gmail', unknown: true };
  test(`real page ${file}`, async () => {
    const url = spec.profilePage ? `https://www.linkedin.com/in/${spec.profilePage}/` : undefined;
    const { page, errors } = await openFixture(env, spec.site, file, undefined, { file: path.join(REAL, file), url });
    const ui = await helperUi(page);
    const report = { recognised: 0, helpers: 0, matched: 'n/a', subject: 'n/a', chars: 'n/a' };
    try {
      if (spec.width) await page.addStyleTag({ content: spec.width });
      if (spec.profilePage) {
        // The modal sits on the profile page of the person it invites: its heading is put back.
        await page.evaluate(() => {
          const main = document.createElement('main');
          const h1 = Object.assign(document.createElement('h1'), { className: 'text-heading-xlarge', textContent: 'Dana Lee' });
          main.append(h1);
          document.body.prepend(main);
        });
      }
      const editor = page.locator(`[data-followup-compose="${spec.site}"]`).first();
      await editor.waitFor({ timeout: 10000 });
      report.recognised = await page.locator(`[data-followup-compose="${spec.site}"]`).count();
      report.helpers = await ui.roots();
      assert.ok(report.recognised >= 1, 'the compose is recognised');
      assert.equal(report.helpers, report.recognised, 'one helper per recognised editor');
      if (spec.unknown) return;

      let who = null;
      if (spec.person) {
        who = await truth(page, spec.person);
        assert.ok(who.name, `the capture names its recipient: ${JSON.stringify(who)}`);
        await track([who]);
      } else if (spec.to) {
        who = { name: 'Raj Patel' };
        await page.locator(spec.to).evaluate((t) => { t.value = 'Raj Patel <raj@acme.example>'; });
      } else if (spec.profilePage) {
        who = { name: 'Dana Lee' };
      }

      const subjectBox = page.locator('input[name=subjectbox]');
      const hidden = page.locator('input[name=subject]');
      const hiddenBefore = (await hidden.count()) ? await hidden.first().inputValue() : null;
      const before = await value(editor);
      if (spec.keeps) {
        // A body already written and nobody to address it to: checked, never touched.
        assert.ok(before.trim().length > 100);
        await ui.waitFor(() => true);
        assert.equal(await value(editor), before, 'the text is untouched');
        report.chars = before.length;
        return;
      }
      await editor.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(TYPED);
      if (who) {
        const title = await ui.waitForTitle(new RegExp(`^Insert: Thank-you · ${who.name} · `));
        report.matched = title.replace(/^Insert: Thank-you · /, '');
        await ui.insert();
        const after = await value(editor);
        assert.ok(after.includes(TYPED), `the text written first is kept: ${after.slice(0, 120)}`);
        assert.ok(after.length > before.length + TYPED.length + 20, 'a draft went in');
        report.chars = after.length;
        if (spec.note) {
          assert.ok(after.length <= 300, `a note of ${after.length} characters`);
          assert.equal(await ui.text('[data-followup-counter]'), `${after.length}/300`);
          // Nearly full: what goes in is cut to the room left; nothing typed is lost.
          await editor.fill('x'.repeat(280));
          await ui.insert();
          const full = await value(editor);
          assert.ok(full.startsWith('x'.repeat(280)) && full.length <= 300, `${full.length}`);
          report.chars = `${after.length} (then ${full.length} from 280)`;
        }
      }
      if (spec.subject === 'fill') {
        const filled = await subjectBox.inputValue();
        assert.notEqual(filled, '', 'the empty subject of a new message is filled');
        if (hiddenBefore !== null) assert.equal(await hidden.first().inputValue(), hiddenBefore, 'the hidden subject is left alone');
        report.subject = `filled ("${filled}")`;
      } else if (spec.subject === 'none') {
        assert.equal(await subjectBox.count(), 0);
        report.subject = 'no subject box';
      }
      assert.deepEqual(errors, []);
    } finally {
      console.log(`real page ${file}: recognised ${report.recognised}, helpers ${report.helpers}, matched ${report.matched}, ` +
        `subject ${report.subject}, chars ${report.chars}, errors ${errors.length}`);
      await page.close();
      if (spec.person) assert.equal((await send(ext, { type: 'import', store: demoStore })).ok, true);
    }
  });
}

test('nothing left the browser; what the captures load was answered here', { skip: !captures.length }, async () => {
  assert.deepEqual(env.stray, []);
  const texts = await Promise.all(captures.map((f) => readFile(path.join(REAL, f), 'utf8')));
  const known = new Set(['mail.google.com', 'www.linkedin.com']);
  for (const u of env.assets) {
    const { host } = new URL(u);
    assert.ok(known.has(host) || texts.some((t) => t.includes(host)), `${u} is referenced by a capture`);
  }
});
