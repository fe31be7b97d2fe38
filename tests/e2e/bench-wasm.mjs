// `cargo xtask bench-wasm`: times `lint` of the in-page module (the checker as it runs in the
// page) and `schedule` of the extension pages' module in Node, on the same fixtures as the native
// divan benches (tests/data/bench-message.txt), against the budget (`lint` of the 214-word bench
// message, with another interviewer's message for the duplicate check, ≤ 80 µs in WASM).
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PKG, inPageModule, pagesModule } from './lib/modules.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const kb = async (file) => ((await stat(path.join(PKG, file))).size / 1024).toFixed(1);

let t0 = performance.now();
const content = await inPageModule();
console.log(`in-page module, compile + instantiate: ${(performance.now() - t0).toFixed(1)} ms (${await kb('content_bg.wasm')} KB)`);
t0 = performance.now();
const core = await pagesModule();
console.log(`extension pages' module, compile + instantiate: ${(performance.now() - t0).toFixed(1)} ms (${await kb('followup_bg.wasm')} KB)`);

const message = await readFile(path.join(root, 'tests', 'data', 'bench-message.txt'), 'utf8');
const options = { kind: 'thank-you', channel: 'email', to: 'Dana Lee', subject: 'Thank you — Product Manager interview', others: [message.replaceAll('Dana', 'Chris')] };

function time(label, fn, budgetMs) {
  // Warm-up: V8 tiers WebAssembly up (Liftoff, then TurboFan) only once a function is hot.
  for (const until = performance.now() + 1000; performance.now() < until;) fn();
  const runs = [];
  const deadline = performance.now() + 1500;
  while (performance.now() < deadline || runs.length < 30) {
    const start = performance.now();
    fn();
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  const med = runs[Math.floor(runs.length / 2)];
  const budget = budgetMs ? ` (budget ${budgetMs} ms: ${med <= budgetMs ? 'within' : 'OVER'})` : '';
  console.log(`${label}: median ${(med * 1000).toFixed(1)} µs over ${runs.length} runs${budget}`);
  return med;
}

const words = (s) => (s.match(/[\p{L}\p{N}'’]+/gu) ?? []).length;
for (const copies of [1, 10, 100]) {
  const text = message.repeat(copies);
  time(`lint, ${words(text)} words`, () => content.lint(text, options), copies === 1 ? 0.08 : undefined);
}

// schedule over 1,000 interviews (the native bench's shape: two interviewers, a sent event).
const interviews = Array.from({ length: 1000 }, (_, i) => ({
  id: `iv-${i}`, company: `Company ${i}`, role: 'Engineer', industry: ['tech', 'finance', 'other'][i % 3],
  at: new Date(Date.UTC(2026, 0, 1) + i * 6 * 3600e3).toISOString().replace('Z', '-05:00').replace('.000', ''),
  ...(i % 2 ? { decision_by: '2026-12-01' } : {}),
  interviewers: [{ id: 'a', name: 'Ana Ruiz', primary: true }, { id: 'b', name: 'Ben Ode' }],
}));
const store = { version: 1, interviews };
time('schedule, 1,000 interviews (incl. JS→Rust conversion)', () => core.schedule(store, '2026-11-23T12:00:00-05:00'));
