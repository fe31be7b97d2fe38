// Content-script loader. A page whose CSP refuses WebAssembly makes instantiation throw: then the
// page is left untouched, the worker is told, and the toolbar popup takes over for this tab.
// The start-up time stays in this isolated world (tests read it there); the page's performance
// timeline gets no entry that would tell it the extension is installed.
(async () => {
  const url = (p) => chrome.runtime.getURL(p);
  const t0 = performance.now();
  try {
    const core = await import(url('pkg/followup.js'));
    await core.default({ module_or_path: url('pkg/followup_bg.wasm') });
    globalThis.followupStarted = performance.now() - t0;
    core.content_start();
  } catch (e) {
    console.debug('Interview Follow-Up: WebAssembly is not allowed on this page; use the toolbar popup.', e?.name);
    chrome.runtime.sendMessage({ type: 'wasm-refused', origin: location.origin, error: String(e?.message ?? e) }).catch(() => {});
  }
})();
