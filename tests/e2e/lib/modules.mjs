// The built WebAssembly modules (`pkg/`, from `cargo xtask build`), loaded in Node for the tests
// and benchmarks that run them outside a browser. FOLLOWUP_PKG names another `pkg/`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

export const PKG = process.env.FOLLOWUP_PKG ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'pkg');

/** The in-page module, instantiated: its glue is a classic script (global `followupCore`). */
export async function inPageModule(pkg = PKG) {
  const core = vm.runInThisContext(`${await readFile(path.join(pkg, 'content.js'), 'utf8')}\nfollowupCore;`);
  core.initSync({ module: await WebAssembly.compile(await readFile(path.join(pkg, 'content_bg.wasm'))) });
  return core;
}

/** The extension pages' module (popup and worker, the JS API `lint`, `draft`, `schedule`), instantiated. */
export async function pagesModule(pkg = PKG) {
  const core = await import(pathToFileURL(path.join(pkg, 'followup.js')));
  core.initSync({ module: await WebAssembly.compile(await readFile(path.join(pkg, 'followup_bg.wasm'))) });
  return core;
}
