//! Raw `chrome.*` bindings, declared once. Every call that can fail is `catch`; promise-returning
//! APIs are `async`. Typed wrappers live in the modules that use them.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `chrome.storage.local.get(keys)`.
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = get, catch)]
    pub async fn storage_get(keys: &JsValue) -> Result<JsValue, JsValue>;
    /// `chrome.storage.local.set(items)`.
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = set, catch)]
    pub async fn storage_set(items: &JsValue) -> Result<JsValue, JsValue>;
    /// `chrome.storage.local.remove(keys)`.
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = remove, catch)]
    pub async fn storage_remove(keys: &JsValue) -> Result<JsValue, JsValue>;
    /// `chrome.storage.local.clear()`.
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = clear, catch)]
    pub async fn storage_clear() -> Result<JsValue, JsValue>;
    /// `chrome.storage.local.setAccessLevel(options)`.
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = setAccessLevel, catch)]
    pub async fn storage_set_access_level(options: &JsValue) -> Result<JsValue, JsValue>;

    /// `chrome.storage.session.get(keys)` (memory only; extension contexts only).
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "session"], js_name = get, catch)]
    pub async fn session_get(keys: &JsValue) -> Result<JsValue, JsValue>;
    /// `chrome.storage.session.set(items)`.
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "session"], js_name = set, catch)]
    pub async fn session_set(items: &JsValue) -> Result<JsValue, JsValue>;
    /// `chrome.storage.session.clear()`.
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "session"], js_name = clear, catch)]
    pub async fn session_clear() -> Result<JsValue, JsValue>;

    /// `chrome.runtime.id`.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["chrome", "runtime"], js_name = id)]
    pub static RUNTIME_ID: Option<String>;

    /// `chrome.runtime.getURL(path)`.
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = getURL)]
    pub fn runtime_url(path: &str) -> String;

    /// `chrome.runtime.sendMessage(message)`.
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = sendMessage, catch)]
    pub async fn send_message(message: &JsValue) -> Result<JsValue, JsValue>;

    /// `chrome.alarms.create(name, info)`.
    #[wasm_bindgen(js_namespace = ["chrome", "alarms"], js_name = create, catch)]
    pub async fn alarms_create(name: &str, info: &JsValue) -> Result<JsValue, JsValue>;
    /// `chrome.alarms.clear(name)`.
    #[wasm_bindgen(js_namespace = ["chrome", "alarms"], js_name = clear, catch)]
    pub async fn alarms_clear(name: &str) -> Result<JsValue, JsValue>;
    /// `chrome.alarms.get(name)`.
    #[wasm_bindgen(js_namespace = ["chrome", "alarms"], js_name = get, catch)]
    pub async fn alarms_get(name: &str) -> Result<JsValue, JsValue>;

    /// `chrome.notifications.create(id, options)`.
    #[wasm_bindgen(js_namespace = ["chrome", "notifications"], js_name = create, catch)]
    pub async fn notifications_create(id: &str, options: &JsValue) -> Result<JsValue, JsValue>;
    /// `chrome.notifications.clear(id)`.
    #[wasm_bindgen(js_namespace = ["chrome", "notifications"], js_name = clear, catch)]
    pub async fn notifications_clear(id: &str) -> Result<JsValue, JsValue>;

    /// `chrome.action.setBadgeText(details)`.
    #[wasm_bindgen(js_namespace = ["chrome", "action"], js_name = setBadgeText, catch)]
    pub async fn set_badge_text(details: &JsValue) -> Result<JsValue, JsValue>;
    /// `chrome.action.setBadgeBackgroundColor(details)`.
    #[wasm_bindgen(js_namespace = ["chrome", "action"], js_name = setBadgeBackgroundColor, catch)]
    pub async fn set_badge_background_color(details: &JsValue) -> Result<JsValue, JsValue>;

    /// `chrome.tabs.create(properties)`.
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = create, catch)]
    pub async fn tabs_create(properties: &JsValue) -> Result<JsValue, JsValue>;
    /// `chrome.tabs.query(query)`.
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = query, catch)]
    pub async fn tabs_query(query: &JsValue) -> Result<JsValue, JsValue>;
    /// `chrome.tabs.sendMessage(tabId, message)`.
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = sendMessage, catch)]
    pub async fn tabs_send_message(tab: i32, message: &JsValue) -> Result<JsValue, JsValue>;

    /// `chrome.notifications.getAll()`.
    #[wasm_bindgen(js_namespace = ["chrome", "notifications"], js_name = getAll, catch)]
    pub async fn notifications_get_all() -> Result<JsValue, JsValue>;

    /// `chrome.scripting.executeScript(injection)`.
    #[wasm_bindgen(js_namespace = ["chrome", "scripting"], js_name = executeScript, catch)]
    pub async fn execute_script(injection: &JsValue) -> Result<JsValue, JsValue>;
}

/// The message of a JS error value (or its string form).
pub fn error_text(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// Opens `url` in a new tab; the tab object (`chrome.tabs.create`).
pub async fn open_tab(url: &str) -> Result<JsValue, crate::failure::Failure> {
    let properties =
        super::convert::to_js(&serde_json::json!({ "url": url })).map_err(failed("open a tab"))?;
    tabs_create(&properties).await.map_err(failed("open a tab"))
}

/// Turns a refused `chrome.*` call into a [`Failure::Browser`](crate::failure::Failure::Browser) that says what was tried
/// (`"open a tab"`), with the browser's words.
pub fn failed(what: &'static str) -> impl Fn(JsValue) -> crate::failure::Failure + Copy {
    move |e| crate::failure::Failure::Browser {
        what,
        detail: error_text(&e),
    }
}
