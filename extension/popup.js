// Popup loader: the popup is built by Rust (web::popup).
import init, { popup_start } from './pkg/followup.js';

init({ module_or_path: chrome.runtime.getURL('pkg/followup_bg.wasm') }).then(() => popup_start(document.getElementById('app')));
