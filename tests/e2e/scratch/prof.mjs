import { launch, extensionPage, send, openFixture, helperUi } from '../lib/harness.mjs';
import { readFile } from 'node:fs/promises';
const env = await launch();
const ext = await extensionPage(env);
const demo = JSON.parse(await readFile(new URL('../fixtures/demo-store.json', import.meta.url), 'utf8').catch(async () => readFile(new URL('../../../tests/data/demo-store.json', import.meta.url), 'utf8')));
await send(ext, { type: 'import', store: demo });
const sentences = ['Dear Dana,\n','Thank you so much for the conversation today about the payments team. ','I enjoyed hearing how you moved the ledger to event sourcing. ','It made me even more excited about the role!!\n','Best regards,\nSam'];
const { page } = await openFixture(env, 'gmail', 'mutations');
await page.waitForFunction(() => window.fixtureLoaded);
await page.locator('[data-followup-ui]').waitFor();
const editor = page.locator('[contenteditable=true]').first();
if (!process.env.CHURN) await editor.click();
const ui = await helperUi(page); const s0 = await ui.stats();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
if (process.env.CHURN) await page.evaluate(() => window.churn(10000, 'compose')); else for (const s of sentences) { await page.keyboard.type(s, { delay: 15 }); await page.waitForTimeout(300); }
const { profile } = await cdp.send('Profiler.stop');
console.log('scans during typing', (await ui.stats()).scans - s0.scans);
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; const total = {};
profile.samples.forEach((id, i) => { const n = byId.get(id); const f = n.callFrame; const key = `${f.functionName || '(anon)'} ${f.url.split('/').slice(-1)[0]}:${f.lineNumber}`; self.set(key, (self.get(key) || 0) + (dt[i] || 0)); });
const rows = [...self.entries()].filter(([k]) => !/^\((idle|program|garbage collector)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 40);
for (const [k, us] of rows) console.log((us / 1000).toFixed(2).padStart(8), 'ms', k);
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n);
for (const want of ['set dynamicId', 'getBoundingClientRect', '__wbg_key_76125a528069feff', 'getPropertyValue']) {
  const callers = new Map();
  profile.samples.forEach((id, i) => { const n = byId.get(id); if (n.callFrame.functionName !== want) return; let chain = []; let p = parent.get(n.id); for (let k = 0; k < 14 && p; k++, p = parent.get(p.id)) { const fnm = p.callFrame.functionName||'(anon)'; if (fnm.startsWith('followup::')) chain.push(fnm.replace(/::h[0-9a-f]{16}$/, '')); } const key = chain.join(' < '); callers.set(key, (callers.get(key) || 0) + (dt[i] || 0)); });
  console.log('==', want); for (const [k, us] of [...callers.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log('  ', (us/1000).toFixed(2), k);
}
{
  const entry = new Map(); let inclusive = 0;
  profile.samples.forEach((id, i) => { let n = byId.get(id); let chain = []; while (n) { const f = n.callFrame.functionName || ''; if (f.startsWith('followup::')) chain.push(f.replace(/::h[0-9a-f]{16}$/, '')); n = parent.get(n.id); }
    if (!chain.length) return; inclusive += dt[i] || 0; const top = chain[chain.length - 1] + (chain.length > 1 ? ' > ' + chain[chain.length - 2] : ''); entry.set(top, (entry.get(top) || 0) + (dt[i] || 0)); });
  console.log('inclusive in followup frames', (inclusive / 1000).toFixed(2), 'ms');
  for (const [k, us] of [...entry.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log('  ', (us / 1000).toFixed(2), k);
}
console.log('gc', ((self.get('(garbage collector) :-1') || 0) / 1000).toFixed(2), 'program', ((self.get('(program) :-1')||0)/1000).toFixed(2));
await env.close();
