// Popup loader: the popup is built by Rust (web::popup). `insertText` runs inside a tab through
// chrome.scripting.executeScript (serialised there): it types at the caret of the focused editor.
import init, { popup_start } from './pkg/followup.js';

const insertText = (text) => {
  const el = document.activeElement;
  const editable = !!el && (el.isContentEditable || el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && el.type === 'text'));
  return editable && document.execCommand('insertText', false, text);
};
init({ module_or_path: chrome.runtime.getURL('pkg/followup_bg.wasm') }).then(() => popup_start(document.getElementById('app'), insertText));
