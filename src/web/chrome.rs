//! Raw `chrome.*` bindings, declared once. Every call that can fail is `catch`; promise-returning
//! APIs are awaited by wrappers that also turn a synchronous throw into an `Err` (see `raw`).
//! Typed wrappers live in the modules that use them.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `chrome.runtime.id`.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["chrome", "runtime"], js_name = id)]
    pub static RUNTIME_ID: Option<String>;

    /// `chrome.runtime.getURL(path)`.
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = getURL)]
    pub fn runtime_url(path: &str) -> String;

    /// `chrome.storage.onChanged.addListener(callback)`: `callback(changes, areaName)`.
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "onChanged"], js_name = addListener, catch)]
    pub fn on_storage_changed(callback: &js_sys::Function) -> Result<(), JsValue>;
}

/// The promise-returning `chrome.*` calls, bound as plain functions that return the promise:
/// an API that throws instead of returning a rejected promise (Firefox's
/// `notifications.create` with buttons; any API given arguments it refuses) comes back as an
/// `Err` here, where an `async` import would leave the throw uncaught and end the Rust task,
/// and with it every later answer of the worker. [`promised!`] adds the awaiting wrappers.
mod raw {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// `chrome.storage.local.get(keys)`.
        #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = get, catch)]
        pub(super) fn storage_get(keys: &JsValue) -> Result<JsValue, JsValue>;

        /// `chrome.storage.local.set(items)`.
        #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = set, catch)]
        pub(super) fn storage_set(items: &JsValue) -> Result<JsValue, JsValue>;

        /// `chrome.storage.local.remove(keys)`.
        #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = remove, catch)]
        pub(super) fn storage_remove(keys: &JsValue) -> Result<JsValue, JsValue>;

        /// `chrome.storage.local.clear()`.
        #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = clear, catch)]
        pub(super) fn storage_clear() -> Result<JsValue, JsValue>;

        /// `chrome.storage.local.setAccessLevel(options)`.
        #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = setAccessLevel, catch)]
        pub(super) fn storage_set_access_level(options: &JsValue) -> Result<JsValue, JsValue>;

        /// `chrome.storage.session.get(keys)` (memory only; extension contexts only).
        #[wasm_bindgen(js_namespace = ["chrome", "storage", "session"], js_name = get, catch)]
        pub(super) fn session_get(keys: &JsValue) -> Result<JsValue, JsValue>;

        /// `chrome.storage.session.set(items)`.
        #[wasm_bindgen(js_namespace = ["chrome", "storage", "session"], js_name = set, catch)]
        pub(super) fn session_set(items: &JsValue) -> Result<JsValue, JsValue>;

        /// `chrome.storage.session.clear()`.
        #[wasm_bindgen(js_namespace = ["chrome", "storage", "session"], js_name = clear, catch)]
        pub(super) fn session_clear() -> Result<JsValue, JsValue>;

        /// `chrome.runtime.sendMessage(message)`.
        #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = sendMessage, catch)]
        pub(super) fn send_message(message: &JsValue) -> Result<JsValue, JsValue>;

        /// `chrome.alarms.create(name, info)`.
        #[wasm_bindgen(js_namespace = ["chrome", "alarms"], js_name = create, catch)]
        pub(super) fn alarms_create(name: &str, info: &JsValue) -> Result<JsValue, JsValue>;

        /// `chrome.alarms.clear(name)`.
        #[wasm_bindgen(js_namespace = ["chrome", "alarms"], js_name = clear, catch)]
        pub(super) fn alarms_clear(name: &str) -> Result<JsValue, JsValue>;

        /// `chrome.alarms.get(name)`.
        #[wasm_bindgen(js_namespace = ["chrome", "alarms"], js_name = get, catch)]
        pub(super) fn alarms_get(name: &str) -> Result<JsValue, JsValue>;

        /// `chrome.notifications.create(id, options)`.
        #[wasm_bindgen(js_namespace = ["chrome", "notifications"], js_name = create, catch)]
        pub(super) fn notifications_create(id: &str, options: &JsValue)
            -> Result<JsValue, JsValue>;

        /// `chrome.notifications.clear(id)`.
        #[wasm_bindgen(js_namespace = ["chrome", "notifications"], js_name = clear, catch)]
        pub(super) fn notifications_clear(id: &str) -> Result<JsValue, JsValue>;

        /// `chrome.action.setBadgeText(details)`.
        #[wasm_bindgen(js_namespace = ["chrome", "action"], js_name = setBadgeText, catch)]
        pub(super) fn set_badge_text(details: &JsValue) -> Result<JsValue, JsValue>;

        /// `chrome.action.setBadgeBackgroundColor(details)`.
        #[wasm_bindgen(js_namespace = ["chrome", "action"], js_name = setBadgeBackgroundColor, catch)]
        pub(super) fn set_badge_background_color(details: &JsValue) -> Result<JsValue, JsValue>;

        /// `chrome.tabs.create(properties)`.
        #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = create, catch)]
        pub(super) fn tabs_create(properties: &JsValue) -> Result<JsValue, JsValue>;

        /// `chrome.windows.create(properties)`.
        #[wasm_bindgen(js_namespace = ["chrome", "windows"], js_name = create, catch)]
        pub(super) fn windows_create(properties: &JsValue) -> Result<JsValue, JsValue>;

        /// `chrome.tabs.query(query)`.
        #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = query, catch)]
        pub(super) fn tabs_query(query: &JsValue) -> Result<JsValue, JsValue>;

        /// `chrome.tabs.sendMessage(tabId, message)`.
        #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = sendMessage, catch)]
        pub(super) fn tabs_send_message(tab: i32, message: &JsValue) -> Result<JsValue, JsValue>;

        /// `chrome.notifications.getAll()`.
        #[wasm_bindgen(js_namespace = ["chrome", "notifications"], js_name = getAll, catch)]
        pub(super) fn notifications_get_all() -> Result<JsValue, JsValue>;

        /// `chrome.scripting.executeScript(injection)`.
        #[wasm_bindgen(js_namespace = ["chrome", "scripting"], js_name = executeScript, catch)]
        pub(super) fn execute_script(injection: &JsValue) -> Result<JsValue, JsValue>;
    }
}

/// Awaits what a `chrome.*` call returned (a promise; a plain value is taken as it is), or
/// passes on what it threw.
pub async fn settle_call(call: Result<JsValue, JsValue>) -> Result<JsValue, JsValue> {
    let promise = js_sys::Promise::resolve(&call?);
    wasm_bindgen_futures::JsFuture::from(promise).await
}

/// `pub async fn name(args) -> Result<JsValue, JsValue>` over `raw::name`, for each call.
macro_rules! promised {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            #[doc = concat!("`", stringify!($name), "`, awaited; a synchronous throw is an `Err` too.")]
            pub async fn $name($($arg: $ty),*) -> Result<JsValue, JsValue> {
                settle_call(raw::$name($($arg),*)).await
            }
        )*
    };
}

promised! {
    storage_get(keys: &JsValue);
    storage_set(items: &JsValue);
    storage_remove(keys: &JsValue);
    storage_clear();
    storage_set_access_level(options: &JsValue);
    session_get(keys: &JsValue);
    session_set(items: &JsValue);
    session_clear();
    send_message(message: &JsValue);
    alarms_create(name: &str, info: &JsValue);
    alarms_clear(name: &str);
    alarms_get(name: &str);
    notifications_create(id: &str, options: &JsValue);
    notifications_clear(id: &str);
    set_badge_text(details: &JsValue);
    set_badge_background_color(details: &JsValue);
    tabs_create(properties: &JsValue);
    windows_create(properties: &JsValue);
    tabs_query(query: &JsValue);
    tabs_send_message(tab: i32, message: &JsValue);
    notifications_get_all();
    execute_script(injection: &JsValue);
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

/// Opens an extension page (`path`) in a small window of its own, the size of the toolbar
/// popup, focused; a new tab where the browser has no windows API (Firefox for Android).
pub async fn open_window(path: &str) -> Result<(), crate::failure::Failure> {
    let url = runtime_url(path);
    let properties = serde_json::json!({
        "url": url, "type": "popup", "width": 420, "height": 660, "focused": true
    });
    let properties = super::convert::to_js(&properties).map_err(failed("open a window"))?;
    match windows_create(&properties).await {
        Ok(_) => Ok(()),
        Err(e)
            if error_text(&e).contains("not a function")
                || error_text(&e).contains("undefined") =>
        {
            open_tab(&url).await.map(drop)
        }
        Err(e) => Err(failed("open a window")(e)),
    }
}

/// Turns a refused `chrome.*` call into a [`Failure::Browser`](crate::failure::Failure::Browser) that says what was tried
/// (`"open a tab"`), with the browser's words.
pub fn failed(what: &'static str) -> impl Fn(JsValue) -> crate::failure::Failure + Copy {
    move |e| crate::failure::Failure::Browser {
        what,
        detail: error_text(&e),
    }
}
