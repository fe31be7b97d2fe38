// The in-page helper as a user of a keyboard or a screen reader meets it: axe-core finds nothing
// in any state (chip, chooser, findings list, card), in Gmail's light and dark themes, and the
// keyboard opens, moves through and closes everything, returning to the message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, extensionPage, send, openFixture, helperUi, FIXTURES } from '../lib/harness.mjs';

let env;
before(async () => {
  env = await launch();
  const ext = await extensionPage(env);
  const store = JSON.parse(await readFile(path.join(FIXTURES, 'demo-store.json'), 'utf8'));
  assert.equal((await send(ext, { type: 'import', store })).ok, true);
});
after(async () => { await env?.close(); });

const EDITOR = '[data-followup-compose="gmail"]';
const CHOOSE = '[data-action="choose-draft"]';
const FINDINGS = '[data-action="open-findings"]';
const MESSAGE = 'Hey Dana, thx for the interview!! What is the salary range?';

/** A pop-up compose to Dana with findings typed in; `dark` switches the fixture to a dark theme. */
async function composeWithFindings(dark) {
  const { page, errors } = await openFixture(env, 'gmail', 'popup-compose');
  if (dark) await page.evaluate(() => document.documentElement.classList.add('dark'));
  const ui = await helperUi(page);
  const editor = page.locator(EDITOR);
  await editor.waitFor();
  await ui.waitForTitle(/Dana Lee/);
  await editor.click();
  await page.keyboard.type(MESSAGE);
  await ui.waitForCount(0);
  return { page, errors, ui, editor };
}

/** The first underline's middle, in page coordinates. */
const firstMark = (ui) => ui.eval((roots) => {
  const r = roots[0].querySelector('[data-followup-mark]').getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top - 4 };
});

for (const theme of ['light', 'dark']) {
  test(`axe-core finds nothing in the helper in any state (${theme})`, async () => {
    const { page, errors, ui } = await composeWithFindings(theme === 'dark');
    const found = {};
    found.chip = await ui.axe();
    await ui.click(CHOOSE);
    found.chooser = await ui.axe();
    await page.keyboard.press('Escape');
    await ui.click(FINDINGS);
    found.list = await ui.axe();
    await page.keyboard.press('Escape');
    const mark = await firstMark(ui);
    await page.mouse.click(mark.x, mark.y);
    await ui.waitFor((roots) => !roots[0].querySelector('.card').hidden);
    found.card = await ui.axe();
    for (const [state, violations] of Object.entries(found)) {
      assert.deepEqual(violations, [], `${state} (${theme}): ${JSON.stringify(violations, null, 1)}`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}

// axe does not measure text drawn as generated content (the helper's words are, so that the
// page's `window.find()` cannot probe them), so contrast is measured here for every element with
// words, every underline and the focus ring: WCAG ratios against the nearest opaque background.
const CONTRAST = String.raw`
  const parse = (c) => { const m = c.match(/[\d.]+/g)?.map(Number); return m ? { r: m[0], g: m[1], b: m[2], a: m[3] ?? 1 } : null; };
  const lum = ({ r, g, b }) => [r, g, b].map((v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const bgOf = (el) => {
    for (let e = el; e; e = e.parentElement ?? e.getRootNode().host) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a >= 0.5) return c;
    }
    return { r: 255, g: 255, b: 255 };
  };
`;

/** Elements of the first helper whose words, underline or focus ring are under their ratio. */
const lowContrast = (ui) => ui.eval(new Function('roots', `${CONTRAST}
  const problems = [];
  const name = (el) => el.className || el.tagName;
  for (const el of roots[0].querySelectorAll('*')) {
    if (el.closest('[hidden]') || el.tagName === 'STYLE' || el.classList.contains('vh')) continue;
    const cs = getComputedStyle(el);
    const words = el.dataset.text || [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (words) {
      const r = ratio(parse(cs.color), bgOf(el));
      if (r < 4.5) problems.push(name(el) + ' words ' + r.toFixed(2));
    }
    if (el.classList.contains('mark')) {
      const r = ratio(parse(cs.borderBottomColor), bgOf(el));
      if (r < 3) problems.push(name(el) + ' underline ' + r.toFixed(2));
    }
  }
  const focused = roots[0].activeElement;
  if (focused && getComputedStyle(focused).outlineStyle !== 'none') {
    // The ring touches what is around the button, and the button itself unless it is offset.
    const ring = parse(getComputedStyle(focused).outlineColor);
    const offset = parseFloat(getComputedStyle(focused).outlineOffset) > 0;
    const r = Math.min(ratio(ring, bgOf(focused.parentElement)), offset ? Infinity : ratio(ring, bgOf(focused)));
    if (r < 3) problems.push(name(focused) + ' focus ring ' + r.toFixed(2));
  }
  return problems;
`));

for (const theme of ['light', 'dark']) {
  test(`words, underlines and focus rings keep their contrast in every state (${theme})`, async () => {
    const { page, errors, ui, editor } = await composeWithFindings(theme === 'dark');
    assert.equal(await ui.eval((roots) => roots[0].querySelector('.ui').classList.contains('dark')), theme === 'dark',
      'the helper follows the page');
    const found = { chip: await lowContrast(ui) };
    await editor.press('Shift+Tab');
    found['focused count'] = await lowContrast(ui);
    await page.keyboard.press('Enter');
    found.list = await lowContrast(ui);
    await page.keyboard.press('Tab');
    found['focused fix'] = await lowContrast(ui);
    await page.keyboard.press('Escape');
    const mark = await firstMark(ui);
    await page.mouse.click(mark.x, mark.y);
    await ui.waitFor((roots) => !roots[0].querySelector('.card').hidden);
    found.card = await lowContrast(ui);
    for (const [state, problems] of Object.entries(found)) assert.deepEqual(problems, [], `${state} (${theme})`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('by keyboard: the chip, the chooser and the list open, move and close, and the focus comes back to the caret', async () => {
  const { page, errors, ui, editor } = await composeWithFindings(false);
  const focusedAction = () => ui.eval((roots) => roots[0].activeElement?.dataset.action ?? roots[0].activeElement?.dataset.index ?? null);
  const inEditor = () => page.evaluate(() => document.activeElement?.matches('[data-followup-compose]'));
  const escapes = () => page.evaluate(() => window.escapesSeen);
  await page.evaluate(() => {
    window.escapesSeen = 0;
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape') window.escapesSeen++; });
  });

  // The findings button is just before the message; its name is what it shows ("3 findings":
  // the number, then the word drawn after it).
  await editor.press('Shift+Tab');
  assert.equal(await focusedAction(), 'open-findings');
  const n = await ui.count();
  assert.equal(await ui.attr(FINDINGS, 'aria-label'), null);
  assert.equal(await ui.attr(FINDINGS, 'data-noun'), n === 1 ? ' finding' : ' findings');
  await page.keyboard.press('Enter');
  assert.equal(await ui.attr(FINDINGS, 'aria-expanded'), 'true');
  assert.ok(await ui.eval((roots) => roots[0].querySelectorAll('.panel .sev').length) >= 3, 'severity shown in words too');
  assert.deepEqual(await ui.eval((roots) => [...roots[0].querySelectorAll('.panel .sev')].map((s) => s.dataset.text)
    .every((w) => ['Error', 'Warning', 'Suggestion'].includes(w))), true);
  // Escape: the list closes and the focus is back in the message, where the caret was.
  await page.keyboard.press('Escape');
  assert.equal(await ui.attr(FINDINGS, 'aria-expanded'), 'false');
  assert.equal(await inEditor(), true);
  await page.keyboard.type(' Thanks');
  assert.match(await editor.innerText(), /range\? Thanks$/, 'typed where the caret was');
  assert.equal(await escapes(), 1, 'with nothing open, Escape is the page\'s');

  // The chooser: ArrowDown opens it on its first item; arrows, Home and End move; Escape closes.
  await editor.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focusedAction(), 'choose-draft');
  await page.keyboard.press('ArrowDown');
  assert.equal(await ui.attr(CHOOSE, 'aria-expanded'), 'true');
  const items = await ui.eval((roots) => roots[0].querySelectorAll('[role=menu] [role=menuitem]').length);
  assert.ok(items >= 2, `${items} choices`);
  assert.equal(await focusedAction(), 'insert-choice');
  const index = () => ui.eval((roots) => roots[0].activeElement?.dataset.index);
  assert.equal(await index(), '0');
  await page.keyboard.press('ArrowDown');
  assert.equal(await index(), '1');
  await page.keyboard.press('End');
  assert.equal(await index(), String(items - 1));
  await page.keyboard.press('ArrowDown');
  assert.equal(await index(), '0', 'wraps around');
  await page.keyboard.press('ArrowUp');
  assert.equal(await index(), String(items - 1));
  await page.keyboard.press('Home');
  assert.equal(await index(), '0');
  await page.keyboard.press('Escape');
  assert.equal(await ui.attr(CHOOSE, 'aria-expanded'), 'false');
  assert.equal(await inEditor(), true);

  // A fix by keyboard: list, Tab to the first fix, Enter; the list closes over the fixed text.
  const before = await ui.count();
  await editor.press('Shift+Tab');
  await page.keyboard.press('Enter');
  // Tab through the list (Show and Ignore come after each fix) to the first fix.
  for (let i = 0; i < 6 && (await focusedAction()) !== 'apply-fix'; i++) await page.keyboard.press('Tab');
  assert.equal(await focusedAction(), 'apply-fix');
  await page.keyboard.press('Enter');
  assert.ok(await ui.waitForCount(before) < before);
  assert.equal(await ui.attr(FINDINGS, 'aria-expanded'), 'false');

  // Escape in the message closes an open card and is kept from the page.
  const seen = await escapes();
  const mark = await firstMark(ui);
  await page.mouse.click(mark.x, mark.y);
  await ui.waitFor((roots) => !roots[0].querySelector('.card').hidden);
  await editor.press('Escape');
  assert.equal(await ui.eval((roots) => roots[0].querySelector('.card').hidden), true);
  assert.equal(await escapes(), seen);
  assert.deepEqual(errors, []);
  await page.close();
});

test('near the bottom of the window the card opens above the words and the list fits', async () => {
  const { page, errors, ui, editor } = await composeWithFindings(false);
  await page.setViewportSize({ width: 900, height: 420 });
  // The last line, near the window's bottom edge (the compose is docked there), has a finding.
  await editor.press('End');
  await page.keyboard.type('\n\nI look forward to it.\n\nBest,\nSam\n\n\n\n\n\n\n\nthx!!');
  await ui.waitFor((roots) => roots[0].querySelectorAll('[data-followup-mark]').length >= 4);
  const last = await ui.eval((roots) => {
    const marks = [...roots[0].querySelectorAll('[data-followup-mark]')].map((m) => m.getBoundingClientRect());
    const r = marks.sort((a, b) => b.bottom - a.bottom)[0];
    return { x: r.left + r.width / 2, y: r.top - 4, top: r.top };
  });
  await page.mouse.click(last.x, last.y);
  await ui.waitFor((roots) => !roots[0].querySelector('.card').hidden);
  const card = await ui.eval((roots) => roots[0].querySelector('.card').getBoundingClientRect().toJSON());
  const height = await page.evaluate(() => innerHeight);
  assert.ok(card.bottom <= height, `card bottom ${card.bottom} in a ${height} px window`);
  assert.ok(card.bottom <= last.top, 'above the words');
  await editor.press('Escape');
  await ui.click(FINDINGS);
  const list = await ui.eval((roots) => roots[0].querySelector('.panel').getBoundingClientRect().toJSON());
  assert.ok(list.top >= 0 && list.bottom <= height, `list ${list.top}–${list.bottom} in a ${height} px window`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a finding can be shown in the message and ignored for this compose, from the list and from the card', async () => {
  const { page, errors, ui, editor } = await composeWithFindings(false);
  const rules = () => ui.eval((roots) => [...roots[0].querySelectorAll('.panel .item')].map((i) => i.dataset.rule));
  const n = await ui.count();
  // Show: the words are selected in the message and the list gets out of the way.
  await ui.click(FINDINGS);
  await ui.click('.panel .item[data-rule="casual.greeting"] [data-action="show-finding"]');
  assert.equal(await page.evaluate(() => String(getSelection())), 'Hey');
  assert.equal(await ui.attr(FINDINGS, 'aria-expanded'), 'false');
  // Ignore from the list: gone, and it stays gone when the message is checked again.
  await ui.click(FINDINGS);
  assert.ok((await rules()).includes('casual.text_speak'));
  await ui.click('.panel .item[data-rule="casual.text_speak"] [data-action="ignore-finding"]');
  assert.equal(await ui.waitForCount(n), n - 1);
  assert.ok(!(await rules()).includes('casual.text_speak'), 'not listed');
  await editor.press('End');
  await page.keyboard.type(' Thanks again.');
  await page.waitForTimeout(400);
  assert.equal(await ui.count(), n - 1, 'still ignored after the next check');
  // Ignore from the card, by its underline.
  await page.keyboard.press('Escape');
  const mark = await firstMark(ui);
  await page.mouse.click(mark.x, mark.y);
  await ui.waitFor((roots) => !roots[0].querySelector('.card').hidden);
  const ignored = await ui.eval((roots) => roots[0].querySelector('.card').dataset.index);
  assert.ok(ignored !== undefined);
  await ui.click('.card [data-action="ignore-finding"]');
  assert.equal(await ui.waitForCount(n - 1), n - 2);
  // The same words in another compose are checked as usual.
  const other = await composeWithFindings(false);
  assert.equal(await other.ui.count(), n);
  await other.page.close();
  assert.deepEqual(errors, []);
  await page.close();
});
