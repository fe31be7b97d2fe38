// Our checker (the extension's in-page WebAssembly module, in Node) against write-good and harper.js on the same
// messages: the labelled messages in tests/data/tone-labelled.jsonl and the 214-word bench
// message. One process, the three interleaved message by message (each round runs them in a
// rotating order), so machine noise hits all three alike. Prints per-checker medians of the time
// for one pass over all messages, and the ratios. A report, not a test: timings are not asserted.
//
//   node compare.mjs            (FOLLOWUP_PKG: the built `pkg/`, default ../../pkg)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inPageModule } from '../../tests/e2e/lib/modules.mjs';
import writeGood from 'write-good';
import * as harper from 'harper.js';
import { binary } from 'harper.js/binary';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// The in-page module (the checker as it runs in the page).
const core = await inPageModule();

const labelled = (await readFile(path.join(root, 'tests', 'data', 'tone-labelled.jsonl'), 'utf8'))
  .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const bench = await readFile(path.join(root, 'tests', 'data', 'bench-message.txt'), 'utf8');
const messages = [...labelled.map((m) => ({ text: m.text, options: { kind: m.kind, channel: m.channel, to: m.to } })),
  { text: bench, options: { kind: 'thank-you', channel: 'email', to: 'Dana Lee' } }];
const words = messages.reduce((n, m) => n + (m.text.match(/[\p{L}\p{N}'’]+/gu) ?? []).length, 0);

const linter = new harper.LocalLinter({ binary, dialect: harper.Dialect.American });
await linter.setup();

// harper.js answers with a promise and is awaited; the other two answer at once and are not (an
// `await` per message would add a microtask turn to their time).
const checkers = {
  ours: { run: (m) => core.lint(m.text, m.options).length },
  'write-good': { run: (m) => writeGood(m.text).length },
  'harper.js': { run: async (m) => (await linter.lint(m.text)).length, awaited: true },
};
/** One pass of checker `n` over all messages: the number of findings. */
async function pass(n) {
  const { run, awaited } = checkers[n];
  let count = 0;
  if (awaited) for (const m of messages) count += await run(m);
  else for (const m of messages) count += run(m);
  return count;
}
const names = Object.keys(checkers);
const times = Object.fromEntries(names.map((n) => [n, []]));
const found = Object.fromEntries(names.map((n) => [n, 0]));

// Warm-up: each checker runs whole passes for at least WARMUP_MS (default one second, and at
// least one pass) before anything is timed: lazy tables, harper's dictionary, and the engine's
// optimising compilers, which take over hot JS and WebAssembly functions only after they have run
// a while. One pass each was too little for a checker whose pass takes milliseconds: ours ran
// 8-17 ms in the first timed round and 3.7-4.4 ms in the next four before settling at 3.2-3.6 ms,
// so a median of seven rounds measured the warm-up (DESIGN.md, "Values across the JS boundary").
const warmup = Number(process.env.WARMUP_MS ?? 1000);
for (const n of names) {
  const start = performance.now();
  do await pass(n); while (performance.now() - start < warmup);
}

const rounds = Number(process.env.ROUNDS ?? 15);
for (let r = 0; r < rounds; r++) {
  const order = names.map((_, i) => names[(i + r) % names.length]);
  for (const n of order) {
    const start = performance.now();
    found[n] = await pass(n);
    times[n].push(performance.now() - start);
  }
}
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(`wording checkers on ${messages.length} messages (${words} words), median of ${rounds} interleaved passes:`);
const ours = median(times.ours);
for (const n of names) {
  const t = median(times[n]);
  const ratio = n === 'ours' ? '' : ` — ours is ${(t / ours).toFixed(1)}× faster`;
  console.log(`  ${n.padEnd(10)} ${t.toFixed(1).padStart(8)} ms per pass, ${(t * 1000 / messages.length).toFixed(0).padStart(6)} µs per message, ${found[n]} findings${ratio}`);
}
