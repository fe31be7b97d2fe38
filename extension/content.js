// Content-script loader. Nothing is loaded where nobody writes: the WebAssembly is fetched and
// instantiated only once the page shows something to write in (an editor or a text area added,
// in the document or in an open shadow root, also one attached later, or focused), or an opened
// email with its sender (Gmail's message view: a reply from an interviewer is noticed there). Until then a
// tab pays for this loader and one observer (and a look every 200 ms at a shadow host still
// without its root), dropped at start. A page whose CSP refuses WebAssembly makes
// instantiation throw: then the page is left untouched, the worker is told, and the toolbar popup
// takes over for this tab. State and timings stay in this isolated world (tests read them); the
// page's performance timeline gets no entry that would tell it the extension is installed.
(() => {
  const EDITOR = '[contenteditable]:not([contenteditable="false"]), textarea, .adn [email]';
  const url = (p) => chrome.runtime.getURL(p);
  const loaded = performance.now();
  const watched = new WeakSet();
  globalThis.followupModule = 'waiting';

  // Whether `node` is or holds an editor, looking into open shadow roots (which are watched from
  // then on: a document observer does not see inside them).
  const holdsEditor = (node) => {
    if (node.nodeType !== 1) return false;
    if (node.matches(EDITOR) || node.querySelector(EDITOR)) return true;
    for (const host of [node, ...node.querySelectorAll('*')]) {
      const root = host.shadowRoot;
      if (root && (watch(root), [...root.children].some(holdsEditor))) return true;
      if (!root && host.matches(LATE_HOSTS)) awaitRoot(host);
    }
    return false;
  };
  // Hosts a site attaches its open shadow root to later (LinkedIn's modal outlet). Attaching a
  // root makes no mutation record, so such a host is looked at every 200 ms until it has one
  // (then it is watched like the others) or leaves the page.
  const LATE_HOSTS = '#interop-outlet, [data-testid=interop-shadowdom]';
  const bare = new Set();
  let polling = 0;
  const awaitRoot = (host) => {
    bare.add(host);
    polling ||= setTimeout(poll, 200);
  };
  const poll = () => {
    polling = 0;
    for (const host of bare) {
      if (host.shadowRoot || !host.isConnected) bare.delete(host);
      if (host.shadowRoot && holdsEditor(host)) return start();
    }
    if (bare.size) polling = setTimeout(poll, 200);
  };
  const observer = new MutationObserver((records) => {
    if (records.some((r) => [...r.addedNodes].some(holdsEditor))) start();
  });
  const watch = (root) => {
    if (watched.has(root)) return;
    watched.add(root);
    observer.observe(root, { childList: true, subtree: true });
  };
  const onFocus = (e) => {
    const target = e.composedPath()[0];
    if (target?.isContentEditable || target?.tagName === 'TEXTAREA') start();
  };

  async function start() {
    if (globalThis.followupModule !== 'waiting') return;
    globalThis.followupModule = 'loading';
    observer.disconnect();
    clearTimeout(polling);
    bare.clear();
    removeEventListener('focusin', onFocus, true);
    const t0 = performance.now();
    globalThis.followupIdle = t0 - loaded;
    try {
      // The module is fetched and compiled while the glue is imported (two requests to the
      // extension, at once rather than one after the other); a refusal by the page's CSP
      // surfaces when it is awaited below.
      const compiled = WebAssembly.compileStreaming(fetch(url('pkg/followup_bg.wasm')));
      compiled.catch(() => {});
      const core = await import(url('pkg/followup.js'));
      await core.default({ module_or_path: await compiled });
      globalThis.followupStarted = performance.now() - t0;
      globalThis.followupModule = 'started';
      // For the browser tests: helpers attached, helpers in memory, module memory.
      globalThis.followupStats = core.content_stats;
      core.content_start();
    } catch (e) {
      globalThis.followupModule = 'refused';
      console.debug('Interview Follow-Up: WebAssembly is not allowed on this page; use the toolbar popup.', e?.name);
      chrome.runtime.sendMessage({ type: 'wasm-refused', origin: location.origin, error: String(e?.message ?? e) }).catch(() => {});
    }
  }

  watch(document);
  addEventListener('focusin', onFocus, true);
  if (document.body && holdsEditor(document.body)) start();
})();
