//! Service-worker entry points. `worker.js` registers the listeners synchronously and forwards
//! each event here once the module is ready. Policy lives in the pure core (`service`,
//! `reminders`, `schedule`, `draft`); this file reads and writes storage around it and talks to
//! `chrome.*`.

use super::convert::{stringify, to_js};
use super::{chrome, storage};
use crate::model::{Channel, Kind, Store};
use crate::protocol::{error, ok, Request};
use crate::reminders::{self, Reminders};
use crate::schedule::Due;
use crate::service;
use chrono::{DateTime, FixedOffset, Offset};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

const KEY_REFUSED: &str = "wasmRefused";
const KEY_REMINDERS: &str = "reminders";
/// The one alarm for the next reminder time; it survives the worker being stopped.
const ALARM_NEXT: &str = "followup-next";
/// An hourly alarm that keeps the badge right as items move from due to overdue.
const ALARM_TICK: &str = "followup-tick";
const SUMMARY_ID: &str = "followup-summary";
/// More announcements than this at once become one summary notification.
const MAX_NOTIFICATIONS: usize = 3;

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

fn json_of<T: serde::Serialize>(value: &T) -> Result<Value, String> {
    serde_json::to_value(value).map_err(|e| e.to_string())
}

/// A read-only request, answered by the pure core (`snoozed` hides items from `schedule`).
fn answer(store: &Store, request: &Request, snoozed: &Reminders) -> Result<Value, String> {
    service::query(store, request, js_now(), snoozed).unwrap_or_else(|| Err("not a query".into()))
}

/// A store-changing request: applied by the pure core inside a versioned write, then the
/// reminders are brought up to date.
async fn change(request: &Request) -> Result<Value, String> {
    let reply = storage::update(|s| {
        let (next, reply) =
            service::change(s, request).unwrap_or_else(|| Err("not a change".into()))?;
        *s = next;
        Ok(reply)
    })
    .await?;
    if *request == Request::DeleteAll {
        storage::set_json(KEY_REMINDERS, &json!({})).await?;
    }
    if matches!(request, Request::Import { .. } | Request::DeleteAll) {
        // The data the user chose replaces what was set aside: the notice has done its job.
        storage::clear_problem().await?;
    }
    refresh().await;
    Ok(ok(reply))
}

async fn handle(request: Request) -> Result<Value, String> {
    match request {
        Request::Import { .. }
        | Request::UpsertInterview { .. }
        | Request::RemoveInterview { .. }
        | Request::Record { .. }
        | Request::Settings { .. }
        | Request::DeleteAll => change(&request).await,
        Request::Lint { .. } => answer(&Store::default(), &request, &Reminders::default()),
        Request::Export | Request::Draft(_) | Request::Ics { .. } => {
            let current = storage::load().await?;
            answer(&current.store, &request, &Reminders::default())
        }
        Request::Schedule { .. } => {
            let current = storage::load().await?;
            answer(&current.store, &request, &load_reminders().await)
        }
        Request::Ping => Ok(ok(json!({ "version": env!("CARGO_PKG_VERSION") }))),
        Request::Snooze {
            interview,
            interviewer,
            kind,
            until,
        } => {
            let until = reminders::snooze_end(until.as_deref(), js_now())?;
            let key = reminders::key(&interview, interviewer.as_deref(), kind);
            storage::exclusive(async {
                let mut state = load_reminders().await;
                state.snooze(key.clone(), until);
                save_reminders(&state).await
            })
            .await?;
            let _ = chrome::notifications_clear(&key).await;
            refresh().await;
            Ok(ok(json!({ "until": until.to_rfc3339() })))
        }
        Request::Open {
            interview,
            interviewer,
            kind,
            channel,
        } => {
            let url = open(&interview, interviewer.as_deref(), kind, Some(channel)).await?;
            Ok(ok(json!({ "url": url })))
        }
        Request::Problem => {
            let problem = storage::problem()
                .await?
                .and_then(|text| serde_json::from_str::<Value>(&text).ok());
            Ok(ok(json!({ "problem": problem })))
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
        Request::WasmStatus => {
            let refused = storage::get_json(KEY_REFUSED)
                .await?
                .unwrap_or_else(|| json!({}));
            Ok(ok(json!({ "refused": refused })))
        }
    }
}

/// Writes the draft for an item and opens it: a filled Gmail compose, or LinkedIn. Records
/// nothing: the user marks it sent once it is sent.
async fn open(
    interview_id: &str,
    interviewer: Option<&str>,
    kind: Kind,
    channel: Option<Channel>,
) -> Result<String, String> {
    let current = storage::load().await?;
    let interview = current
        .store
        .interview(interview_id)
        .ok_or_else(|| format!("no interview with id `{interview_id}`"))?;
    let channel = channel.unwrap_or_else(|| service::preferred_channel(interview, interviewer));
    let kind = if kind == Kind::MoveOn {
        Kind::Nudge
    } else {
        kind
    };
    let request = crate::draft::DraftRequest {
        interview: interview_id.to_string(),
        interviewer: interviewer.map(str::to_owned),
        kind,
        channel,
        now: Some(js_now()),
    };
    let draft = crate::draft::draft(&current.store, &request).map_err(|e| e.to_string())?;
    let url = service::open_url(&draft, interview, interviewer);
    chrome::tabs_create(&to_js(&json!({ "url": url })).map_err(|e| chrome::error_text(&e))?)
        .await
        .map_err(|e| format!("could not open a tab: {}", chrome::error_text(&e)))?;
    Ok(url)
}

/// The current time, with the browser's UTC offset.
pub fn js_now() -> DateTime<FixedOffset> {
    let date = js_sys::Date::new_0();
    let millis = date.get_time() as i64;
    let offset_secs = -(date.get_timezone_offset() as i32) * 60;
    let offset = FixedOffset::east_opt(offset_secs).unwrap_or(chrono::Utc.fix());
    DateTime::from_timestamp_millis(millis)
        .unwrap_or_default()
        .with_timezone(&offset)
}

async fn load_reminders() -> Reminders {
    storage::get_json(KEY_REMINDERS)
        .await
        .ok()
        .flatten()
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

async fn save_reminders(state: &Reminders) -> Result<(), String> {
    storage::set_json(KEY_REMINDERS, &json_of(state)?).await
}

/// Recomputes what is due: announces what has come due, sets the badge, and sets the alarm for
/// the next reminder. Runs after every change and on every alarm; errors are logged only.
pub async fn refresh() {
    if let Err(e) = storage::exclusive(refresh_unqueued()).await {
        web_sys::console::debug_2(&"Interview Follow-Up: refresh failed".into(), &e.into());
    }
}

async fn refresh_unqueued() -> Result<(), String> {
    let now = js_now();
    let current = storage::load().await?;
    let mut state = load_reminders().await;
    let items = crate::schedule::schedule(&current.store, now);
    state.prune(&items, now);
    let items = reminders::visible(items, &state, now);
    let announce = reminders::take_announcements(&items, &mut state, now);
    save_reminders(&state).await?;
    notify(&current.store, &announce, now).await;
    set_badge(reminders::pressing(&items)).await;
    let _ = chrome::alarms_clear(ALARM_NEXT).await;
    if let Some(when) = reminders::next_wake(&items, &state, now) {
        let info = json!({ "when": when.timestamp_millis() as f64 });
        let _ = chrome::alarms_create(ALARM_NEXT, &to_js(&info).unwrap_or(JsValue::NULL)).await;
    }
    let tick = chrome::alarms_get(ALARM_TICK)
        .await
        .unwrap_or(JsValue::UNDEFINED);
    if tick.is_undefined() || tick.is_null() {
        let info = json!({ "periodInMinutes": 60 });
        let _ = chrome::alarms_create(ALARM_TICK, &to_js(&info).unwrap_or(JsValue::NULL)).await;
    }
    Ok(())
}

async fn notify(store: &Store, items: &[Due], now: DateTime<FixedOffset>) {
    if items.len() > MAX_NOTIFICATIONS {
        let options = json!({
            "type": "basic",
            "iconUrl": "icons/icon128.png",
            "title": "Interview Follow-Up",
            "message": format!("{} follow-ups are waiting. Open the toolbar button to write them.", items.len()),
            "priority": 1,
        });
        show(SUMMARY_ID, &options).await;
        return;
    }
    for item in items {
        let notice = reminders::notice(store, item, now);
        let mut buttons = vec![
            json!({ "title": "Write it" }),
            json!({ "title": "Snooze 1 day" }),
        ];
        if item.kind == Kind::MoveOn {
            buttons.remove(0);
        }
        let options = json!({
            "type": "basic",
            "iconUrl": "icons/icon128.png",
            "title": notice.title,
            "message": notice.message,
            "buttons": buttons,
            "priority": 1,
        });
        show(&reminders::item_key(item), &options).await;
    }
}

async fn show(id: &str, options: &Value) {
    let Ok(options) = to_js(options) else {
        return;
    };
    if let Err(e) = chrome::notifications_create(id, &options).await {
        web_sys::console::debug_2(&"Interview Follow-Up: no notification".into(), &e);
    }
}

async fn set_badge(pressing: usize) {
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

/// `chrome.notifications.onButtonClicked`: 0 is *Write it* (1 on a move-on notice is absent),
/// the last is *Snooze 1 day*.
#[wasm_bindgen]
pub async fn worker_notification_button(id: String, button: u32) {
    let Some((interview, interviewer, kind)) = reminders::parse_key(&id) else {
        return;
    };
    let snooze = kind == Kind::MoveOn || button == 1;
    let _ = chrome::notifications_clear(&id).await;
    let result = if snooze {
        handle(Request::Snooze {
            interview,
            interviewer,
            kind,
            until: None,
        })
        .await
        .map(|_| ())
    } else {
        open(&interview, interviewer.as_deref(), kind, None)
            .await
            .map(|_| ())
    };
    if let Err(e) = result {
        web_sys::console::debug_2(&"Interview Follow-Up:".into(), &e.into());
    }
}

/// `chrome.notifications.onClicked`: an item opens its draft; the summary opens the desk.
#[wasm_bindgen]
pub async fn worker_notification_clicked(id: String) {
    let _ = chrome::notifications_clear(&id).await;
    let result = match reminders::parse_key(&id) {
        Some((interview, interviewer, kind)) if kind != Kind::MoveOn => {
            open(&interview, interviewer.as_deref(), kind, None)
                .await
                .map(|_| ())
        }
        _ => {
            let url = chrome::runtime_url("popup.html");
            chrome::tabs_create(&to_js(&json!({ "url": url })).unwrap_or(JsValue::NULL))
                .await
                .map(|_| ())
                .map_err(|e| chrome::error_text(&e))
        }
    };
    if let Err(e) = result {
        web_sys::console::debug_2(&"Interview Follow-Up:".into(), &e.into());
    }
}
