//! Service-worker entry points. `worker.js` registers the listeners synchronously and forwards
//! each event here once the module is ready. Policy lives in the pure core (`service`,
//! `reminders`, `schedule`, `draft`); this file reads and writes storage around it and talks to
//! `chrome.*`.

use super::convert::{property, stringify, to_js};
use super::dom::js_now;
use super::{chrome, storage};
use crate::access::{self, RawSender, Sender};
use crate::failure::Failure;
use crate::model::{Kind, Store};
use crate::protocol::{
    reply_json, Done, Notice, Opened, ProblemReport, Refusal, RefusedOrigins, Request, Response,
    Snoozed, Unreadable,
};
use crate::reminders::{self, Reminders};
use crate::schedule::Due;
use crate::service::{self, Env, Opening, Outcome, Pending};
use chrono::{DateTime, FixedOffset};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

const KEY_REFUSED: &str = "wasmRefused";
/// `storage.session`: the message "Write it" opened a tab for ([`Pending`]).
const KEY_PENDING: &str = "pending";
/// The one alarm for the next reminder time; it survives the worker being stopped.
const ALARM_NEXT: &str = "followup-next";
/// An hourly alarm that keeps the badge right as items move from due to overdue.
const ALARM_TICK: &str = "followup-tick";
const SUMMARY_ID: &str = "followup-summary";
/// More announcements than this at once become one summary notification.
const MAX_NOTIFICATIONS: usize = 3;

/// Runs once per worker start, before any message is answered: the stored data becomes
/// reachable from the worker and the extension's pages only (content scripts are refused).
#[wasm_bindgen]
pub async fn worker_start() {
    let options = to_js(&json!({ "accessLevel": "TRUSTED_CONTEXTS" })).unwrap_or(JsValue::NULL);
    if let Err(e) = chrome::storage_set_access_level(&options).await {
        // Firefox has no access levels: there, as in Chromium by default, pages never reach an
        // extension's storage, but its content scripts could (README, "Firefox").
        if chrome::error_text(&e).contains("not a function") {
            web_sys::console::debug_1(
                &"Interview Follow-Up: storage access levels are not supported in this browser"
                    .into(),
            );
        } else {
            web_sys::console::error_2(
                &"Interview Follow-Up: could not restrict storage to the extension".into(),
                &e,
            );
        }
    }
}

/// Answers one runtime message (a [`crate::protocol::Request`]; the wire format is in DESIGN.md,
/// "Messages between contexts"); never throws: errors become `{ok:false,error}`.
/// The sender is checked first against the core's table ([`access`]).
#[wasm_bindgen]
pub async fn worker_message(message: JsValue, sender: JsValue) -> JsValue {
    let from = classify(&sender);
    let answer = match decode(message) {
        Ok(request) => match access::allowed(&request, &from) {
            Ok(()) => handle(request, tab_of(&sender)).await,
            Err(e) => Err(e),
        },
        Err(e) => Err(e),
    };
    to_js(&reply_json(&answer)).unwrap_or(JsValue::NULL)
}

/// The browser's `MessageSender`, classified by the core.
fn classify(sender: &JsValue) -> Sender {
    let raw = RawSender {
        id: property(sender, "id").as_string(),
        url: property(sender, "url").as_string(),
        origin: property(sender, "origin").as_string(),
        tab: property(sender, "tab").is_object(),
        frame_id: property(sender, "frameId").as_f64().map(|f| f as i64),
    };
    let own_id = chrome::RUNTIME_ID.with(|id| id.clone()).unwrap_or_default();
    access::classify(&own_id, &chrome::runtime_url(""), &raw)
}

/// The sending tab's id, if any.
fn tab_of(sender: &JsValue) -> Option<i64> {
    property(&property(sender, "tab"), "id")
        .as_f64()
        .map(|f| f as i64)
}

fn decode(message: JsValue) -> Result<Request, Failure> {
    // Through JSON text so the error names the field that is wrong.
    let text = stringify(&message).map_err(Failure::BadRequest)?;
    crate::protocol::decode_request(&text).map_err(|e| Failure::BadRequest(e.to_string()))
}

/// A value the worker keeps, as JSON for storage.
fn json_of<T: serde::Serialize>(value: &T) -> Result<Value, Failure> {
    serde_json::to_value(value).map_err(|e| Failure::Storage(e.to_string()))
}

/// After a change: reminders brought up to date, open Gmail and LinkedIn tabs told to ask
/// for their offer again.
async fn changed() {
    refresh().await;
    let sites: Vec<String> = access::SITES.iter().map(|s| format!("{s}/*")).collect();
    let Ok(query) = to_js(&json!({ "url": sites })) else {
        return;
    };
    let Ok(tabs) = chrome::tabs_query(&query).await else {
        return;
    };
    for tab in js_sys::Array::from(&tabs).iter() {
        if let Some(id) = property(&tab, "id").as_f64() {
            tell_changed(id as i32).await;
        }
    }
}

/// Tells the helper in a tab to ask for its offer again. A tab without one (WebAssembly
/// refused, still loading) has no listener: nothing to do.
async fn tell_changed(tab: i32) {
    let notice = to_js(&Notice::Changed).unwrap_or(JsValue::NULL);
    let _ = chrome::tabs_send_message(tab, &notice).await;
}

/// "Delete everything": the store, what was set aside, reminders, refused origins, the message
/// waiting for a tab, and the notifications on screen.
async fn delete_everything() -> Result<(), Failure> {
    super::sync::forget().await;
    storage::wipe().await?;
    if let Ok(all) = chrome::notifications_get_all().await {
        for id in js_sys::Object::keys(all.unchecked_ref::<js_sys::Object>()).iter() {
            if let Some(id) = id.as_string() {
                let _ = chrome::notifications_clear(&id).await;
            }
        }
    }
    changed().await;
    Ok(())
}

/// Answers a request: the core decides ([`service::handle`], on the stored data inside a
/// versioned write), this performs the effect the [`Outcome`] names and returns the reply.
async fn handle(request: Request, tab: Option<i64>) -> Result<Response, Failure> {
    let env = Env {
        now: js_now(),
        now_ms: js_sys::Date::now(),
        tab,
        // Read only where the core uses them: snoozes hide schedule items, a waiting message
        // goes with an offer (which content scripts ask for at every change of recipients).
        snoozed: match request {
            Request::Schedule { .. } => load_reminders().await,
            _ => Reminders::default(),
        },
        pending: match request {
            Request::Offer(_) => storage::session_json(KEY_PENDING)
                .await?
                .and_then(|v| serde_json::from_value(v).ok()),
            _ => None,
        },
    };
    // An import may replace an unreadable document kept in place; nothing else may.
    let replaces = matches!(request, Request::Import { .. });
    let outcome = storage::transact(replaces, |store| {
        let outcome = service::handle(store, request.clone(), &env)?;
        let next = match &outcome {
            Outcome::Write { store, .. } => Some(Store::clone(store)),
            _ => None,
        };
        Ok((next, outcome))
    })
    .await?;
    let done = Response::Done(Done {});
    match outcome {
        Outcome::Reply(reply) => Ok(reply),
        Outcome::Write { reply, whole, .. } => {
            if whole {
                // The data the user chose replaces what was set aside: the notice has done
                // its job.
                storage::clear_problem().await?;
            }
            changed().await;
            Ok(reply)
        }
        Outcome::Wipe => delete_everything().await.map(|()| done),
        Outcome::Snooze { key, until } => {
            storage::exclusive(async {
                let mut state = load_reminders().await;
                state.snooze(key.clone(), until);
                save_reminders(&state).await
            })
            .await?;
            let _ = chrome::notifications_clear(&key).await;
            refresh().await;
            Ok(Response::Snoozed(Snoozed { until }))
        }
        Outcome::Unsnooze { key } => {
            storage::exclusive(async {
                let mut state = load_reminders().await;
                state.unsnooze(key);
                save_reminders(&state).await
            })
            .await?;
            refresh().await;
            Ok(done)
        }
        Outcome::Open(opening) => open(opening)
            .await
            .map(|url| Response::Opened(Opened { url })),
        Outcome::OpenInvitation(message) => {
            // Kept as the request itself: the popup reads it with the worker's own decoder.
            let kept = serde_json::to_string(&Request::PageInvitation(
                crate::protocol::PageInvitationRequest { message },
            ))
            .map_err(|e| Failure::Storage(e.to_string()))?;
            storage::set_session_text(crate::page::invited::SESSION_KEY, &kept).await?;
            chrome::open_window("popup.html#invitation").await?;
            Ok(done)
        }
        Outcome::HandOver(offered) => {
            storage::set_session_json(KEY_PENDING, &Value::Null).await?;
            Ok(Response::Offered(offered))
        }
        Outcome::ReadProblem => {
            let problem = storage::problem().await?;
            Ok(Response::Problem(ProblemReport { problem }))
        }
        Outcome::ReadUnreadable => storage::unreadable_text()
            .await
            .map(|text| Response::Unreadable(Unreadable { text })),
        Outcome::RememberRefused { origin, error } => {
            let mut known = load_refused().await?;
            let at = js_sys::Date::now();
            known.refused.insert(origin, Refusal { error, at });
            storage::set_json(KEY_REFUSED, &json_of(&known.refused)?).await?;
            Ok(done)
        }
        Outcome::ReadRefused => load_refused().await.map(Response::Refused),
        Outcome::Sync(call) => {
            let (report, applied) = super::sync::call(call).await?;
            if applied {
                // Boxed: `changed` ends in `refresh`, which reaches this module's sync again.
                Box::pin(changed()).await;
            }
            Ok(Response::Sync(report))
        }
    }
}

async fn load_refused() -> Result<RefusedOrigins, Failure> {
    let refused = storage::get_json(KEY_REFUSED)
        .await?
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    Ok(RefusedOrigins { refused })
}

/// "Write it" from a notification: the person's usual channel, a fresh draft.
async fn write_it(interview: &str, interviewer: Option<&str>, kind: Kind) -> Result<(), Failure> {
    let current = storage::load().await?;
    let opening = service::write_it(
        &current.store,
        interview,
        interviewer,
        kind,
        None,
        None,
        js_now(),
    )?;
    open(opening).await.map(|_| ())
}

/// Opens the page to send a message from (a Gmail compose addressed to the person, or their
/// LinkedIn profile). The text is not put in the URL; it waits in `storage.session` for the
/// in-page helper of that tab. Records nothing: the user marks it sent once it is sent.
async fn open(opening: Opening) -> Result<String, Failure> {
    let Opening {
        url,
        interview,
        interviewer,
        subject,
        body,
    } = opening;
    let tab = chrome::open_tab(&url).await?;
    if let Some(tab) = property(&tab, "id").as_f64() {
        let pending = Pending {
            tab: tab as i64,
            interview,
            interviewer,
            subject,
            body,
            at: js_sys::Date::now(),
        };
        storage::set_session_json(KEY_PENDING, &json_of(&pending)?).await?;
        // A helper that started before the message was kept asks again; one that starts later
        // asks anyway.
        tell_changed(tab as i32).await;
    }
    Ok(url)
}

use storage::{load_reminders, save_reminders};

/// Recomputes what is due: announces what has come due, sets the badge, and sets the alarm for
/// the next reminder; then, when sync is on, writes what changed for the other devices. Runs
/// after every change and on every alarm; errors are logged only.
pub async fn refresh() {
    if let Err(e) = storage::exclusive(refresh_unqueued()).await {
        web_sys::console::debug_2(
            &"Interview Follow-Up: refresh failed".into(),
            &e.to_string().into(),
        );
    }
    if super::sync::local_change().await {
        // Boxed: `changed` ends here again (once: nothing changes the second time).
        Box::pin(changed()).await;
    }
}

/// `storage.onChanged` for the `sync` area: another device's data arrived (or this one's own
/// write, which changes nothing).
#[wasm_bindgen]
pub async fn worker_sync_changed() {
    if super::sync::remote_change().await {
        changed().await;
    }
}

async fn refresh_unqueued() -> Result<(), Failure> {
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

/// Shows a notification. Where buttons are not supported (Firefox throws on them), the same
/// notification without them: a click on it writes the follow-up, and snoozing is in the popup.
async fn show(id: &str, options: &Value) {
    let Ok(js) = to_js(options) else {
        return;
    };
    let Err(refused) = chrome::notifications_create(id, &js).await else {
        return;
    };
    let mut plain = options.clone();
    let had_buttons = plain
        .as_object_mut()
        .and_then(|o| o.remove("buttons"))
        .is_some();
    let retried = match to_js(&plain) {
        Ok(js) if had_buttons => chrome::notifications_create(id, &js).await,
        _ => Err(refused),
    };
    if let Err(e) = retried {
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
        handle(
            Request::Snooze {
                interview,
                interviewer,
                kind,
                until: None,
            },
            None,
        )
        .await
        .map(|_| ())
    } else {
        write_it(&interview, interviewer.as_deref(), kind).await
    };
    if let Err(e) = result {
        web_sys::console::debug_2(&"Interview Follow-Up:".into(), &e.to_string().into());
    }
}

/// `chrome.notifications.onClicked`: an item opens its draft; the summary opens the desk.
#[wasm_bindgen]
pub async fn worker_notification_clicked(id: String) {
    let _ = chrome::notifications_clear(&id).await;
    let result = match reminders::parse_key(&id) {
        Some((interview, interviewer, kind)) if kind != Kind::MoveOn => {
            write_it(&interview, interviewer.as_deref(), kind).await
        }
        _ => {
            let url = chrome::runtime_url("popup.html");
            chrome::open_tab(&url).await.map(drop)
        }
    };
    if let Err(e) = result {
        web_sys::console::debug_2(&"Interview Follow-Up:".into(), &e.to_string().into());
    }
}
