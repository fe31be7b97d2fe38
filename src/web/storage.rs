//! The store in `chrome.storage.local`: versioned read-modify-write, corrupt data kept aside.
//!
//! Keys: `store` (the v1 JSON text), `rev` (write revision), `store.backup.<ms>` (a document that
//! could not be read, kept verbatim), `storeProblem` (what went wrong, for the popup).
//!
//! A document that cannot be read is copied aside and the store starts again empty. When there
//! is no room for the copy (a large document near the storage quota), it stays where it is
//! instead: reads see an empty store, changes are refused, and only an import or "delete
//! everything" replaces it — the user downloads its text first from the popup's notice.

use super::chrome;
use super::convert::property;
use crate::failure::Failure;
use crate::model::Store;
use crate::protocol::{Revisioned, StoreProblem};
use js_sys::{Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

const KEY_STORE: &str = "store";
const KEY_REV: &str = "rev";
const KEY_PROBLEM: &str = "storeProblem";
const MAX_ATTEMPTS: usize = 5;

thread_local! {
    /// Tail of the chain of writes in this context: each write waits for the one before.
    static WRITE_CHAIN: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

/// A refusal of the browser's storage, in its own words (full or otherwise).
pub(crate) fn storage_error(e: JsValue) -> Failure {
    Failure::storage(chrome::error_text(&e))
}

/// Reads the store. A document that does not parse is moved to a backup key (or, with no room
/// for a copy, kept in place), reported under `storeProblem`, and an empty store is returned in
/// its place.
pub async fn load() -> Result<Revisioned, Failure> {
    load_view().await.map(|(current, _)| current)
}

/// [`load`], and whether the store is a read-only view of an unreadable document kept in place.
async fn load_view() -> Result<(Revisioned, bool), Failure> {
    let keys = js_sys::Array::of3(&KEY_STORE.into(), &KEY_REV.into(), &KEY_PROBLEM.into());
    let items = chrome::storage_get(&keys).await.map_err(storage_error)?;
    let rev = property(&items, KEY_REV).as_f64().unwrap_or(0.0) as u64;
    let raw = property(&items, KEY_STORE);
    let Some(text) = raw.as_string() else {
        if raw.is_undefined() || raw.is_null() {
            return Ok((
                Revisioned {
                    rev,
                    store: Store::default(),
                },
                false,
            ));
        }
        return set_aside(
            format!("{raw:?}"),
            "the stored value is not JSON text".into(),
            rev,
            read_report(&items),
        )
        .await;
    };
    match crate::store::parse(&text) {
        Ok(store) => Ok((Revisioned { rev, store }, false)),
        Err(e) => set_aside(text, e.to_string(), rev, read_report(&items)).await,
    }
}

/// Sets an unreadable document aside (or keeps it in place when there is no room for a copy);
/// `known` is the report already stored, read with the document.
async fn set_aside(
    text: String,
    error: String,
    rev: u64,
    known: Option<StoreProblem>,
) -> Result<(Revisioned, bool), Failure> {
    let empty = Revisioned {
        rev,
        store: Store::default(),
    };
    if known.is_some_and(|p| p.kept_in_place && p.backup_key == KEY_STORE) {
        // Known already: do not try the copy again at every read.
        return Ok((empty, true));
    }
    let backup_key = format!("store.backup.{}", js_sys::Date::now() as u64);
    let report = StoreProblem {
        backup_key: backup_key.clone(),
        error,
        kept_in_place: false,
    };
    let copied = chrome::storage_set(&object(&[
        (&backup_key, JsValue::from_str(&text)),
        (KEY_PROBLEM, JsValue::from_str(&report_json(&report))),
    ]))
    .await;
    if copied.is_err() {
        // No room for a second copy: the document stays where it is, untouched. The report is
        // small; if even that cannot be written, reads still see the empty view.
        let _ = chrome::storage_remove(&JsValue::from_str(&backup_key)).await;
        let report = StoreProblem {
            backup_key: KEY_STORE.into(),
            kept_in_place: true,
            ..report
        };
        let _ = chrome::storage_set(&object(&[(
            KEY_PROBLEM,
            JsValue::from_str(&report_json(&report)),
        )]))
        .await;
        return Ok((empty, true));
    }
    chrome::storage_remove(&JsValue::from_str(KEY_STORE))
        .await
        .map_err(storage_error)?;
    Ok((empty, false))
}

/// The report as stored (JSON text).
fn report_json(report: &StoreProblem) -> String {
    serde_json::to_string(report).unwrap_or_default()
}

/// The report in `items` (a `storage.get` result), if there is a readable one.
fn read_report(items: &JsValue) -> Option<StoreProblem> {
    serde_json::from_str(&property(items, KEY_PROBLEM).as_string()?).ok()
}

/// The text of the stored document that could not be read (set aside, or kept in place).
pub async fn unreadable_text() -> Result<Option<String>, Failure> {
    let Some(report) = problem().await? else {
        return Ok(None);
    };
    let items = chrome::storage_get(&JsValue::from_str(&report.backup_key))
        .await
        .map_err(storage_error)?;
    Ok(property(&items, &report.backup_key).as_string())
}

/// The last storage problem (an unreadable document set aside or kept in place), if any.
pub async fn problem() -> Result<Option<StoreProblem>, Failure> {
    let items = chrome::storage_get(&JsValue::from_str(KEY_PROBLEM))
        .await
        .map_err(storage_error)?;
    Ok(read_report(&items))
}

/// Forgets the report of a set-aside document (the backup itself stays).
pub async fn clear_problem() -> Result<(), Failure> {
    chrome::storage_remove(&JsValue::from_str(KEY_PROBLEM))
        .await
        .map_err(storage_error)?;
    Ok(())
}

/// Runs `decide` on the stored data and writes the store it returns (if any) with the next
/// revision. Writes in this context are queued; a revision that moved underneath (another
/// writer) means re-reading and deciding again, so no update is lost. The second value is
/// handed back to the caller. While an unreadable document is kept in place, only a write that
/// `replaces` the whole store (an import) goes through; any other is refused with a message.
pub async fn transact<T>(
    replaces: bool,
    mut decide: impl FnMut(&Store) -> Result<(Option<Store>, T), Failure>,
) -> Result<T, Failure> {
    exclusive(transact_unqueued(replaces, &mut decide)).await
}

/// Runs `work` after every queued write of this context, and before the next one starts.
/// `work` must not itself call [`transact`] or `exclusive` (it would wait for itself).
pub async fn exclusive<T>(work: impl std::future::Future<Output = T>) -> T {
    queued(&WRITE_CHAIN, work).await
}

/// A chain of work in this context: each link waits for the one before.
pub type Chain = std::thread::LocalKey<RefCell<Option<js_sys::Promise>>>;

/// Runs `work` after everything queued on `chain`, and before the next one starts.
pub async fn queued<T>(chain: &'static Chain, work: impl std::future::Future<Output = T>) -> T {
    let (turn, done) = next_turn(chain);
    let _ = wasm_bindgen_futures::JsFuture::from(turn).await;
    let result = work.await;
    if let Some(done) = done {
        let _ = done.call0(&JsValue::UNDEFINED);
    }
    result
}

async fn transact_unqueued<T>(
    replaces: bool,
    decide: &mut impl FnMut(&Store) -> Result<(Option<Store>, T), Failure>,
) -> Result<T, Failure> {
    for _ in 0..MAX_ATTEMPTS {
        let (Revisioned { rev, store }, read_only) = load_view().await?;
        let (next, out) = decide(&store)?;
        let Some(next) = next else {
            return Ok(out);
        };
        if read_only && !replaces {
            return Err(Failure::ReadOnly);
        }
        let current = chrome::storage_get(&JsValue::from_str(KEY_REV))
            .await
            .map_err(storage_error)?;
        if property(&current, KEY_REV).as_f64().unwrap_or(0.0) as u64 != rev {
            continue;
        }
        let text = crate::store::to_json_compact(&next);
        chrome::storage_set(&object(&[
            (KEY_STORE, JsValue::from_str(&text)),
            (KEY_REV, JsValue::from_f64((rev + 1) as f64)),
        ]))
        .await
        .map_err(storage_error)?;
        return Ok(out);
    }
    Err(Failure::Busy)
}

/// Takes a place in the write queue: a promise to await before writing, and the function that
/// lets the next writer go.
fn next_turn(chain: &'static Chain) -> (js_sys::Promise, Option<js_sys::Function>) {
    let mut release: Option<js_sys::Function> = None;
    let mine = js_sys::Promise::new(&mut |resolve, _| release = Some(resolve));
    let previous = chain.with(|c| c.borrow_mut().replace(mine));
    let turn = previous.unwrap_or_else(|| js_sys::Promise::resolve(&JsValue::UNDEFINED));
    (turn, release)
}

/// Deletes everything the extension keeps in `storage.local` (the store, documents set aside,
/// reminders, refused origins) and in `storage.session`. The revision moves on, so a write
/// that read before the wipe starts again instead of putting old data back.
pub async fn wipe() -> Result<(), Failure> {
    exclusive(async {
        let items = chrome::storage_get(&JsValue::from_str(KEY_REV))
            .await
            .map_err(storage_error)?;
        let rev = property(&items, KEY_REV).as_f64().unwrap_or(0.0) as u64;
        chrome::storage_clear().await.map_err(storage_error)?;
        chrome::storage_set(&object(&[(KEY_REV, JsValue::from_f64((rev + 1) as f64))]))
            .await
            .map_err(storage_error)?;
        chrome::session_clear().await.map_err(storage_error)?;
        Ok(())
    })
    .await
}

/// Reads a value kept in `storage.session` (memory only, extension contexts only).
pub async fn session_json(key: &str) -> Result<Option<serde_json::Value>, Failure> {
    Ok(session_text(key)
        .await?
        .and_then(|s| serde_json::from_str(&s).ok()))
}

/// Reads the JSON text kept in `storage.session` under `key`.
pub async fn session_text(key: &str) -> Result<Option<String>, Failure> {
    let items = chrome::session_get(&JsValue::from_str(key))
        .await
        .map_err(storage_error)?;
    Ok(property(&items, key).as_string())
}

/// Keeps a JSON value in `storage.session` (`null` forgets it).
pub async fn set_session_json(key: &str, value: &serde_json::Value) -> Result<(), Failure> {
    set_session_text(key, &value.to_string()).await
}

/// Keeps JSON text in `storage.session` under `key`.
pub async fn set_session_text(key: &str, text: &str) -> Result<(), Failure> {
    chrome::session_set(&object(&[(key, JsValue::from_str(text))]))
        .await
        .map_err(storage_error)?;
    Ok(())
}

/// Reads a value stored under `key` (extension settings such as refused origins).
pub async fn get_json(key: &str) -> Result<Option<serde_json::Value>, Failure> {
    Ok(get_text(key)
        .await?
        .and_then(|s| serde_json::from_str(&s).ok()))
}

/// `storage.local`: what the worker remembers about reminders.
const KEY_REMINDERS: &str = "reminders";

/// The reminders' marks (snoozes, items announced); none when unreadable.
pub async fn load_reminders() -> crate::reminders::Reminders {
    get_json(KEY_REMINDERS)
        .await
        .ok()
        .flatten()
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

/// Keeps the reminders' marks.
pub async fn save_reminders(state: &crate::reminders::Reminders) -> Result<(), Failure> {
    let value = serde_json::to_value(state).map_err(|e| Failure::Storage(e.to_string()))?;
    set_json(KEY_REMINDERS, &value).await
}

/// Reads the text stored under `key`.
pub async fn get_text(key: &str) -> Result<Option<String>, Failure> {
    let items = chrome::storage_get(&JsValue::from_str(key))
        .await
        .map_err(storage_error)?;
    Ok(property(&items, key).as_string())
}

/// Stores text under `key`.
pub async fn set_text(key: &str, text: &str) -> Result<(), Failure> {
    chrome::storage_set(&object(&[(key, JsValue::from_str(text))]))
        .await
        .map_err(storage_error)?;
    Ok(())
}

/// Stores a JSON value under `key`.
pub async fn set_json(key: &str, value: &serde_json::Value) -> Result<(), Failure> {
    set_text(key, &value.to_string()).await
}
