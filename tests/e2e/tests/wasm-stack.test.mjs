// The module's stack is small (128 KB, set by `cargo xtask build`; Rust's default 1 MB would be
// most of every tab's memory). The deepest the code goes is a JSON document at serde_json's
// nesting limit: it must end in a clear error, never in a trap ("memory access out of bounds"),
// and the module must keep working afterwards. Runs the built module in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const pkg = process.env.FOLLOWUP_WASM ? path.dirname(process.env.FOLLOWUP_WASM) : path.join(root, 'pkg');
const core = await import(pathToFileURL(path.join(pkg, 'followup.js')));
core.initSync({ module: await WebAssembly.compile(await readFile(path.join(pkg, 'followup_bg.wasm'))) });

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
