//! Service-worker entry points. `worker.js` registers the listeners synchronously and forwards
//! each event here once the module is ready.

use super::convert::{stringify, to_js};
use super::{chrome, storage};
use crate::protocol::{error, ok, Request};
use chrono::Offset;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

const KEY_REFUSED: &str = "wasmRefused";

/// Answers one runtime message (SPEC §3.5); never throws: errors become `{ok:false,error}`.
#[wasm_bindgen]
pub async fn worker_message(message: JsValue, _sender: JsValue) -> JsValue {
    let reply = match decode(message) {
        Ok(request) => handle(request).await.unwrap_or_else(error),
        Err(e) => error(e),
    };
    to_js(&reply).unwrap_or(JsValue::NULL)
}

fn decode(message: JsValue) -> Result<Request, String> {
    // Through JSON text so the error names the field that is wrong.
    let text = stringify(&message)?;
    serde_json::from_str(&text).map_err(|e| format!("bad request: {e}"))
}

async fn handle(request: Request) -> Result<Value, String> {
    match request {
        Request::Ping => Ok(ok(json!({ "version": env!("CARGO_PKG_VERSION") }))),
        Request::Import { store } => {
            let parsed = crate::store::parse(&store.to_string())
                .map_err(|e| format!("import refused: {e}"))?;
            let count = parsed.interviews.len();
            storage::update(move |s| {
                *s = parsed.clone();
                Ok(())
            })
            .await?;
            refresh().await;
            Ok(ok(json!({ "interviews": count })))
        }
        Request::Export => {
            let current = storage::load().await?;
            let store: Value = serde_json::to_value(&current.store).map_err(|e| e.to_string())?;
            Ok(ok(json!({ "store": store })))
        }
        Request::Schedule { now } => {
            let now = parse_now(now.as_deref())?;
            let current = storage::load().await?;
            let items = crate::schedule::schedule(&current.store, now);
            Ok(ok(
                json!({ "items": serde_json::to_value(items).map_err(|e| e.to_string())? }),
            ))
        }
        Request::Draft(request) => {
            let current = storage::load().await?;
            let draft = crate::draft::draft(&current.store, &request).map_err(|e| e.to_string())?;
            Ok(ok(
                json!({ "draft": serde_json::to_value(draft).map_err(|e| e.to_string())? }),
            ))
        }
        Request::Lint { text, options } => {
            let findings = crate::tone::lint(&text, &options);
            Ok(ok(
                json!({ "findings": serde_json::to_value(findings).map_err(|e| e.to_string())? }),
            ))
        }
        Request::WasmRefused { origin, error } => {
            let mut refused = storage::get_json(KEY_REFUSED)
                .await?
                .unwrap_or_else(|| json!({}));
            if let Some(map) = refused.as_object_mut() {
                map.insert(origin, json!({ "error": error, "at": js_sys::Date::now() }));
            }
            storage::set_json(KEY_REFUSED, &refused).await?;
            Ok(ok(json!({})))
        }
        Request::UpsertInterview { .. }
        | Request::RemoveInterview { .. }
        | Request::Record { .. }
        | Request::Settings { .. }
        | Request::Snooze { .. }
        | Request::Ics { .. }
        | Request::Open { .. }
        | Request::DeleteAll
        | Request::Problem => Err("not available yet".into()),
        Request::WasmStatus => {
            let refused = storage::get_json(KEY_REFUSED)
                .await?
                .unwrap_or_else(|| json!({}));
            Ok(ok(json!({ "refused": refused })))
        }
    }
}

fn parse_now(now: Option<&str>) -> Result<chrono::DateTime<chrono::FixedOffset>, String> {
    match now {
        Some(s) => chrono::DateTime::parse_from_rfc3339(s)
            .map_err(|e| format!("now: not an RFC 3339 time ({e})")),
        None => Ok(js_now()),
    }
}

/// The current time, with the browser's UTC offset.
pub fn js_now() -> chrono::DateTime<chrono::FixedOffset> {
    let date = js_sys::Date::new_0();
    let millis = date.get_time() as i64;
    let offset_secs = -(date.get_timezone_offset() as i32) * 60;
    let offset = chrono::FixedOffset::east_opt(offset_secs).unwrap_or(chrono::Utc.fix());
    chrono::DateTime::from_timestamp_millis(millis)
        .unwrap_or_default()
        .with_timezone(&offset)
}

/// Recomputes what is due and updates the badge (alarms and notifications: issue 6).
pub async fn refresh() {
    let Ok(current) = storage::load().await else {
        return;
    };
    let items = crate::schedule::schedule(&current.store, js_now());
    let pressing = items
        .iter()
        .filter(|d| d.status != crate::schedule::Status::Upcoming)
        .count();
    let text = if pressing == 0 {
        String::new()
    } else {
        pressing.to_string()
    };
    let _ = chrome::set_badge_text(&to_js(&json!({ "text": text })).unwrap_or(JsValue::NULL)).await;
    let _ = chrome::set_badge_background_color(
        &to_js(&json!({ "color": "#c01c28" })).unwrap_or(JsValue::NULL),
    )
    .await;
}

/// `chrome.runtime.onInstalled` / `onStartup`.
#[wasm_bindgen]
pub async fn worker_refresh() {
    refresh().await;
}

/// `chrome.alarms.onAlarm`.
#[wasm_bindgen]
pub async fn worker_alarm(_alarm: JsValue) {
    refresh().await;
}

/// `chrome.notifications.onButtonClicked`.
#[wasm_bindgen]
pub async fn worker_notification_button(_id: String, _button: u32) {}

/// `chrome.notifications.onClicked`.
#[wasm_bindgen]
pub async fn worker_notification_clicked(_id: String) {}
