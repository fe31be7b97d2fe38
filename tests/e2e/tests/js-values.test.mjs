// The in-page module reads JS values with its own serde deserializer (src/web/js_value.rs; the
// pages' module reads the same values as JSON text with serde_json). The two must agree: the same
// options give the same findings, the same bad options are refused, and nothing traps. Runs the
// built modules in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inPageModule, pagesModule } from '../lib/modules.mjs';

const content = await inPageModule();
const pages = await pagesModule();

const labelled = (await readFile(new URL('../../data/tone-labelled.jsonl', import.meta.url), 'utf8'))
  .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

/** What `lint` gives, or the error it throws (as text), never a trap. */
function outcome(core, text, options) {
  try {
    return { findings: core.lint(text, options) };
  } catch (e) {
    const message = String(e?.message ?? e);
    assert.doesNotMatch(message, /out of bounds|RuntimeError|unreachable/, `a trap, not an error: ${message}`);
    return { error: message };
  }
}

test('the in-page module reads lint options as the pages\' module does: every labelled message', () => {
  for (const m of labelled) {
    const options = { kind: m.kind, channel: m.channel, to: m.to };
    const a = outcome(content, m.text, options);
    assert.ok(a.findings, `${m.text.slice(0, 40)}: ${a.error}`);
    assert.deepEqual(a, outcome(pages, m.text, options), m.text.slice(0, 60));
  }
});

// The in-page module writes `lint`'s findings property by property and reads plain options by
// name (src/web/api.rs, `by_name`); the pages' module goes through serde and JSON text. Both must
// hand out exactly what the CLI's `lint --json` prints: the same findings, the same properties in
// the same order, `null` for no suggestion.
const CLI = process.env.FOLLOWUP_CLI ?? fileURLToPath(new URL('../../../target/debug/followup', import.meta.url));

test('lint gives what the CLI\'s lint --json prints, property for property, from both modules', () => {
  assert.ok(existsSync(CLI), `no CLI at ${CLI}: build it with \`cargo build\` (or set FOLLOWUP_CLI)`);
  const odd = [
    { text: 'Hey Dana!! thanks for the interview 🙂, i really want this job ASAP [Company]', kind: 'thank-you', to: 'Dana Lee' },
    { text: 'שלום דנה, תודה רבה!\r\nThanks again — Sam', kind: 'status-check', channel: 'linkedin', to: 'Zoë 🙂' },
    { text: '', kind: 'thank-you', channel: 'linkedin-note', subject: '' },
    { text: 'Thanks', kind: 'rejection-reply', subject: 'Re: "quotes" and \\ backslashes\ttab' },
  ];
  // (The CLI checks a thank-you when given no kind, the JS API nothing kind-specific: every case
  // names its kind.)
  const cases = [...labelled, ...odd];
  let compared = 0;
  for (const m of cases) {
    const options = {};
    const args = ['lint', '--json'];
    for (const key of ['kind', 'channel', 'subject', 'to']) {
      if (m[key] === undefined || m[key] === null) continue;
      options[key] = m[key];
      args.push(`--${key}`, m[key]);
    }
    const cli = spawnSync(CLI, [...args, '-'], { input: m.text, encoding: 'utf8' });
    assert.equal(cli.status, 0, `${CLI} ${args.join(' ')}: ${cli.stderr}`);
    const printed = JSON.stringify(JSON.parse(cli.stdout));
    assert.equal(JSON.stringify(content.lint(m.text, options)), printed, `in-page module: ${m.text.slice(0, 60)}`);
    assert.equal(JSON.stringify(pages.lint(m.text, options)), printed, `pages' module: ${m.text.slice(0, 60)}`);
    compared += 1;
  }
  assert.equal(compared, cases.length);
});

test('the in-page module accepts and refuses the same options as the pages\' module, with a clear error', () => {
  const text = 'Hey Dana!! thanks for the interview, i really want this job ASAP';
  const accepted = [
    undefined,
    null,
    {},
    { kind: 'thank-you' },
    { kind: 'thank-you', channel: 'linkedin', to: 'Dana Lee', subject: 'Thanks' },
    { kind: null, to: null, subject: null },
    { kind: undefined, channel: undefined, to: 'Dana' },
    { others: ['Hey Chris!! thanks for the interview, i really want this job ASAP'] },
    { others: [] },
    { unknown: { deep: [1.5, { x: [true, null] }] }, to: 'Dana' },
    { to: 'Dana 🙂 ‏דנה' },
    { kind: 'status-check', channel: 'linkedin-note', subject: '', to: '' },
    // Not plain objects: read by the general reader, own enumerable properties only, as
    // `JSON.stringify` reads them for the pages' module.
    Object.assign(Object.create(null), { kind: 'thank-you', to: 'Dana' }),
    Object.assign(Object.create({ kind: 'status-check', to: 'Chris' }), { channel: 'linkedin' }),
    new (class Options { constructor() { this.kind = 'thank-you'; this.to = 'Dana Lee'; } })(),
  ];
  for (const options of accepted) {
    const a = outcome(content, text, options);
    assert.ok(a.findings, `${JSON.stringify(options)} refused: ${a.error}`);
    assert.deepEqual(a, outcome(pages, text, options), JSON.stringify(options));
  }
  const refused = [
    { kind: 'nope' },
    { kind: 3.5 },
    { kind: 2 },
    { kind: ['thank-you'] },
    { kind: { 'thank-you': 1 } },
    { channel: null },
    { channel: 'fax' },
    { to: 42 },
    { to: 1.25 },
    { to: true },
    { to: {} },
    { others: 'not a list' },
    { others: [1.5] },
    { others: [['nested']] },
    { subject: [] },
    'thank-you',
    7.5,
  ];
  for (const options of refused) {
    const a = outcome(content, text, options);
    const b = outcome(pages, text, options);
    assert.ok(a.error, `${JSON.stringify(options)}: accepted by the in-page module`);
    assert.ok(b.error, `${JSON.stringify(options)}: accepted by the pages' module`);
    assert.match(a.error, /^options: (invalid (type|value): |unknown variant )/, `${JSON.stringify(options)}: ${a.error}`);
  }
  // A number with a fraction is described, not written out (that would link float formatting).
  assert.match(outcome(content, text, { to: 1.25 }).error, /invalid type: number, expected a string/);
  assert.match(outcome(content, text, { kind: 'nope' }).error, /unknown variant `nope`/);
  assert.match(outcome(content, text, { kind: ['thank-you'] }).error, /invalid type: array, expected enum Kind/);
});

test('the in-page module skips unknown fields however deep, and refuses a wrong shape at once', () => {
  const nested = (depth) => JSON.parse(`${'['.repeat(depth)}"x"${']'.repeat(depth)}`);
  // An unknown field is not walked: 100,000 levels on a 64 KB stack.
  assert.ok(outcome(content, 'Thanks!', { extra: nested(100000), to: 'Dana' }).findings);
  // `others` holds strings: an array inside it is refused where it starts.
  assert.match(outcome(content, 'Thanks!', { others: nested(1000) }).error, /^options: invalid type: array, expected a string/);
});

// Every string the modules read is copied in by the glue's `passStringToWasm0`, which `cargo xtask
// build` replaces with one `encodeInto` into room for three bytes a unit, shrunk to what was
// written (xtask/src/glue.rs). Strings of every shape V8 keeps must arrive whole: the findings'
// offsets (UTF-16) and the name echoed from the options say what the module read.
test('strings of every shape reach both modules whole: offsets and echoed names', () => {
  const long = 'Thank you for the interview, Dana. '.repeat(30_000); // 1 MB
  const prefixes = {
    empty: '',
    ascii: 'Hello there.',
    'concatenated': ['Hello', ' ', 'there', '.'].join('').concat(' ', 'x'.repeat(40)),
    'sliced from a long string': long.slice(7, 2_000),
    'one megabyte': long,
    'Latin-1 (two bytes each in UTF-8)': 'Café, déjà vu, Zoë.',
    'three bytes per unit, exactly': '中文中文中文',
    'emoji (surrogate pairs, four bytes)': '🙂👍🏽🇺🇸',
    'lone surrogates (read as U+FFFD)': '\ud800 \udfff x',
    'right to left': 'شكرا لك. ‏תודה.',
    'parsed from JSON': JSON.parse('"Hello \\u00e9t\\u00e9 \\ud83d\\ude42"'),
  };
  for (const [module, core] of [['in-page', content], ['pages\'', pages]]) {
    for (const [shape, prefix] of Object.entries(prefixes)) {
      const text = `${prefix} Thanks so much!!`;
      const bang = core.lint(text, {}).find((f) => f.rule === 'casual.exclamation');
      assert.equal(bang?.start, text.length - 2, `${module} module, text ${shape}: the "!!" at its UTF-16 offset`);
      assert.equal(bang?.end, text.length, `${module} module, text ${shape}`);
    }
    // (The pages' module reads options as JSON text, where serde_json refuses a lone surrogate's
    // escape with an error; the in-page module reads it as U+FFFD.)
    const names = ['中中中', 'Zoë Lee', `${'Ann'.concat('a')} ${'Lee-Smith'.slice(0, 3)}`, '🙂 Lee'];
    for (const to of core === content ? [...names, '\ud800x Lee'] : names) {
      const mismatch = core.lint('Hi Chris,\n\nThank you!!', { to }).find((f) => f.rule === 'name.mismatch');
      assert.ok(mismatch?.message.includes(`for ${to.toWellFormed()},`), `${module} module, name ${JSON.stringify(to)}: ${mismatch?.message}`);
    }
  }
});
