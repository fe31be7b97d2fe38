// The modules' stacks are small (set by `cargo xtask build`: 128 KB for the extension pages'
// module, 64 KB for the in-page one; Rust's default 1 MB would be most of every tab's memory).
// The deepest the pages' module goes is a JSON document at serde_json's nesting limit: it must end
// in a clear error, never in a trap ("memory access out of bounds"), and the module must keep
// working afterwards. Runs the built modules in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inPageModule, pagesModule } from '../lib/modules.mjs';

const core = await pagesModule();

const NOW = '2026-12-01T10:00:00Z';
// A store with an unknown field holding `depth` nested arrays or objects.
const nested = (depth, kind) => JSON.parse(kind === 'array'
  ? `{"version":1,"interviews":[],"extra":${'['.repeat(depth)}${']'.repeat(depth)}}`
  : `{"version":1,"interviews":[],"extra":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`);

for (const kind of ['array', 'object']) {
  test(`a store nested ${kind}s deep is read up to the parser's limit, and refused past it with a clear error (${kind}s)`, () => {
    assert.deepEqual(core.schedule(nested(120, kind), NOW), []);
    for (const depth of [127, 128, 1000]) {
      assert.throws(() => core.schedule(nested(depth, kind), NOW), (e) => {
        const message = String(e?.message ?? e);
        assert.doesNotMatch(message, /out of bounds|RuntimeError|unreachable/, `depth ${depth}: a trap, not an error`);
        assert.match(message, /extra|recursion|nest/i, `depth ${depth}: ${message.slice(0, 120)}`);
        return true;
      });
    }
    // Still working.
    assert.deepEqual(core.schedule({ version: 1, interviews: [] }, NOW), []);
    assert.ok(core.lint('Thanks so much!!', {}).length > 0);
  });
}

// The in-page module has a smaller stack still (64 KB): it never reads the store; what it parses is
// the worker's answers and, through `lint`, options. Deep options, long and odd text end in a
// result or a clear error, never in a trap.
const content = await inPageModule();

test('the in-page module: deep options, 10 MB and odd text are checked or refused, never a trap', () => {
  const noTrap = (fn, what) => {
    try {
      return fn();
    } catch (e) {
      assert.doesNotMatch(String(e?.message ?? e), /out of bounds|RuntimeError|unreachable/, `${what}: a trap, not an error`);
      return null;
    }
  };
  for (const depth of [120, 127, 128, 1000]) {
    const extra = JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    noTrap(() => content.lint('Thanks so much!!', { to: 'Dana Lee', extra }), `options nested ${depth} deep`);
  }
  const texts = {
    '10 MB': 'Thank you for the interview, Dana. '.repeat(300_000),
    'brackets 100k deep': `${'('.repeat(100_000)}thanks${')'.repeat(100_000)}`,
    'emoji': '🙂👍🏽🇺🇸 '.repeat(20_000),
    'right to left': 'شكرا لك على المقابلة. ‏תודה על הראיון. '.repeat(5_000),
    'lone surrogates and controls': '\ud800 \udfff \u0000\u202e\u200b '.repeat(10_000),
  };
  for (const [what, text] of Object.entries(texts)) {
    assert.ok(Array.isArray(noTrap(() => content.lint(text, { to: 'Dana Lee' }), what)), `${what}: checked`);
  }
  assert.ok(content.lint('Thanks so much!!', {}).length > 0, 'still working');
});
