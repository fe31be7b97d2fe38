// Service worker loader: listeners are registered synchronously; every handler awaits one init
// (which also restricts storage to the extension's own contexts before anything is answered).
import init, * as core from './pkg/followup.js';

const ready = init({ module_or_path: chrome.runtime.getURL('pkg/followup_bg.wasm') }).then(() => core.worker_start());
const when = (fn) => (...args) => ready.then(() => fn(...args));

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  ready.then(() => core.worker_message(message, sender)).then(reply, (e) => reply({ ok: false, error: String(e) }));
  return true;
});
chrome.alarms.onAlarm.addListener(when(core.worker_alarm));
// Firefox has no notification buttons (a click on the notification writes the follow-up).
chrome.notifications.onButtonClicked?.addListener(when(core.worker_notification_button));
chrome.notifications.onClicked.addListener(when(core.worker_notification_clicked));
chrome.runtime.onInstalled.addListener(when(core.worker_refresh));
chrome.runtime.onStartup.addListener(when(core.worker_refresh));
// Sync across devices: another device's data arrived (or this one's own write).
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync') ready.then(() => core.worker_sync_changed());
});
