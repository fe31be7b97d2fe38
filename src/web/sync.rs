//! Sync across devices, the worker's part: the key from the passphrase, sealing and opening
//! groups (compressed, then encrypted), and the exchange with `storage.sync`. What to write
//! and how copies merge is the pure core's ([`crate::sync`]).
//!
//! A group's text is compressed (`CompressionStream`, deflate-raw; kept as is when that does
//! not make it smaller), then encrypted with AES-GCM under a key derived from the passphrase
//! with PBKDF2-SHA-256 ([`KDF_ITERATIONS`]). The sealed form is `1 | iv (12) | ciphertext`, in
//! base64; the group's name is the additional authenticated data, so a sealed group cannot be
//! passed off as another. The key item (`s.key`) holds the salt, the iterations and a known
//! text sealed with the key: a device that joins checks its passphrase against it, and a wrong
//! one changes nothing.
//!
//! Everything here runs on one chain: a local change, a change arriving from the sync
//! storage and the popup's requests never interleave.

use super::chrome;
use super::convert::property;
use super::storage::{self, Chain};
use crate::failure::Failure;
use crate::model::Store;
use crate::protocol::SyncReport;
use crate::service::SyncCall;
use crate::sync::shard::{self, PREFIX};
use crate::sync::state::{self, KeyItem, SyncState, CHECK_TEXT, KEY_ITEM};
use crate::sync::{doc, Clock, Doc, KDF_ITERATIONS};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use js_sys::{Array, Object, Reflect, Uint8Array};
use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// `storage.local`: this device's [`SyncState`].
const KEY_STATE: &str = "sync";
/// `storage.local`: why sync stopped, when another device turned it off or changed the
/// passphrase (shown once in the popup).
const KEY_STOPPED: &str = "syncStopped";

thread_local! {
    static SYNC_CHAIN: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

const CHAIN: &Chain = &SYNC_CHAIN;

mod raw {
    use js_sys::Uint8Array;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = ["chrome", "storage", "sync"], js_name = get, catch)]
        pub fn sync_get(keys: &JsValue) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(js_namespace = ["chrome", "storage", "sync"], js_name = set, catch)]
        pub fn sync_set(items: &JsValue) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(js_namespace = ["chrome", "storage", "sync"], js_name = remove, catch)]
        pub fn sync_remove(keys: &JsValue) -> Result<JsValue, JsValue>;

        #[wasm_bindgen(js_namespace = ["crypto", "subtle"], js_name = importKey, catch)]
        pub fn import_key(
            format: &str,
            key: &Uint8Array,
            algorithm: &JsValue,
            extractable: bool,
            usages: &js_sys::Array,
        ) -> Result<js_sys::Promise, JsValue>;
        #[wasm_bindgen(js_namespace = ["crypto", "subtle"], js_name = deriveBits, catch)]
        pub fn derive_bits(
            algorithm: &JsValue,
            key: &JsValue,
            length: u32,
        ) -> Result<js_sys::Promise, JsValue>;
        #[wasm_bindgen(js_namespace = ["crypto", "subtle"], js_name = encrypt, catch)]
        pub fn encrypt(
            algorithm: &JsValue,
            key: &JsValue,
            data: &Uint8Array,
        ) -> Result<js_sys::Promise, JsValue>;
        #[wasm_bindgen(js_namespace = ["crypto", "subtle"], js_name = decrypt, catch)]
        pub fn decrypt(
            algorithm: &JsValue,
            key: &JsValue,
            data: &Uint8Array,
        ) -> Result<js_sys::Promise, JsValue>;
        #[wasm_bindgen(js_namespace = crypto, js_name = getRandomValues, catch)]
        pub fn get_random_values(array: &Uint8Array) -> Result<JsValue, JsValue>;

        pub type Stream;
        #[wasm_bindgen(method, js_name = pipeThrough, catch)]
        pub fn pipe_through(this: &Stream, transform: &JsValue) -> Result<Stream, JsValue>;

        #[wasm_bindgen(js_name = Blob)]
        pub type RawBlob;
        #[wasm_bindgen(constructor, js_class = "Blob", catch)]
        pub fn new(parts: &js_sys::Array) -> Result<RawBlob, JsValue>;
        #[wasm_bindgen(method, js_class = "Blob")]
        pub fn stream(this: &RawBlob) -> Stream;

        #[wasm_bindgen(js_name = CompressionStream)]
        pub type Compression;
        #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
        pub fn new(format: &str) -> Result<Compression, JsValue>;

        #[wasm_bindgen(js_name = DecompressionStream)]
        pub type Decompression;
        #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
        pub fn new(format: &str) -> Result<Decompression, JsValue>;

        #[wasm_bindgen(js_name = Response)]
        pub type RawResponse;
        #[wasm_bindgen(constructor, js_class = "Response", catch)]
        pub fn new(body: &Stream) -> Result<RawResponse, JsValue>;
        #[wasm_bindgen(method, js_class = "Response", js_name = arrayBuffer)]
        pub fn array_buffer(this: &RawResponse) -> js_sys::Promise;
    }
}

async fn awaited(call: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    wasm_bindgen_futures::JsFuture::from(call?).await
}

fn bytes_of(buffer: &JsValue) -> Vec<u8> {
    Uint8Array::new(buffer).to_vec()
}

/// `n` random bytes from the browser's cryptographic generator.
fn random(n: u32) -> Result<Vec<u8>, Failure> {
    let array = Uint8Array::new_with_length(n);
    raw::get_random_values(&array).map_err(chrome::failed("make random numbers"))?;
    Ok(array.to_vec())
}

/// The 256-bit key PBKDF2-SHA-256 derives from `passphrase` with `salt` and `iterations`.
async fn derive(passphrase: &str, salt: &[u8], iterations: u32) -> Result<Vec<u8>, Failure> {
    let usages = Array::of1(&"deriveBits".into());
    let text = Uint8Array::from(passphrase.as_bytes());
    let base = awaited(raw::import_key(
        "raw",
        &text,
        &"PBKDF2".into(),
        false,
        &usages,
    ))
    .await
    .map_err(chrome::failed("read the passphrase"))?;
    let params = Object::new();
    let set = |k: &str, v: &JsValue| Reflect::set(&params, &k.into(), v).map(drop);
    let salt = Uint8Array::from(salt);
    (|| {
        set("name", &"PBKDF2".into())?;
        set("hash", &"SHA-256".into())?;
        set("salt", &salt)?;
        set("iterations", &iterations.into())
    })()
    .map_err(chrome::failed("derive the key"))?;
    let bits = awaited(raw::derive_bits(&params, &base, 256))
        .await
        .map_err(chrome::failed("derive the key"))?;
    Ok(bytes_of(&bits))
}

/// An AES-GCM key from its raw bytes.
async fn aes(key: &[u8]) -> Result<JsValue, Failure> {
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    awaited(raw::import_key(
        "raw",
        &Uint8Array::from(key),
        &"AES-GCM".into(),
        false,
        &usages,
    ))
    .await
    .map_err(chrome::failed("use the sync key"))
}

fn gcm(iv: &[u8], group: &str) -> Result<JsValue, Failure> {
    let params = Object::new();
    let set = |k: &str, v: &JsValue| Reflect::set(&params, &k.into(), v).map(drop);
    (|| {
        set("name", &"AES-GCM".into())?;
        set("iv", &Uint8Array::from(iv))?;
        set("additionalData", &Uint8Array::from(group.as_bytes()))
    })()
    .map_err(chrome::failed("encrypt"))?;
    Ok(params.into())
}

/// `bytes` through a `CompressionStream` or `DecompressionStream` (deflate-raw).
async fn transform(bytes: &[u8], compress: bool) -> Result<Vec<u8>, JsValue> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = raw::RawBlob::new(&parts)?;
    let through: JsValue = if compress {
        raw::Compression::new("deflate-raw")?.into()
    } else {
        raw::Decompression::new("deflate-raw")?.into()
    };
    let stream = blob.stream().pipe_through(&through)?;
    let response = raw::RawResponse::new(&stream)?;
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer()).await?;
    Ok(bytes_of(&buffer))
}

/// Seals `text` for `group` (see the module's documentation).
async fn seal(key: &JsValue, group: &str, text: &str) -> Result<String, Failure> {
    let packed = transform(text.as_bytes(), true)
        .await
        .map_err(chrome::failed("compress the synced data"))?;
    let mut plain = Vec::with_capacity(packed.len().min(text.len()) + 1);
    if packed.len() < text.len() {
        plain.push(1);
        plain.extend_from_slice(&packed);
    } else {
        plain.push(0);
        plain.extend_from_slice(text.as_bytes());
    }
    let iv = random(12)?;
    let sealed = awaited(raw::encrypt(
        &gcm(&iv, group)?,
        key,
        &Uint8Array::from(&plain[..]),
    ))
    .await
    .map_err(chrome::failed("encrypt the synced data"))?;
    let mut out = vec![1u8];
    out.extend_from_slice(&iv);
    out.extend(bytes_of(&sealed));
    Ok(B64.encode(out))
}

/// Why a sealed group could not be opened.
#[derive(Debug, thiserror::Error)]
enum Unopened {
    #[error("not sealed with this passphrase, or altered")]
    /// Not sealed with this key (a wrong passphrase), or altered.
    Key,
    /// Not something this version wrote.
    #[error("not in a form this version reads ({0})")]
    Form(String),
}

/// Opens what [`seal`] sealed for `group`.
async fn open(key: &JsValue, group: &str, payload: &str) -> Result<String, Unopened> {
    let bytes = B64
        .decode(payload)
        .map_err(|e| Unopened::Form(e.to_string()))?;
    let (Some(1), Some(iv), Some(body)) = (bytes.first(), bytes.get(1..13), bytes.get(13..)) else {
        return Err(Unopened::Form("not a sealed group of version 1".into()));
    };
    let params = gcm(iv, group).map_err(|e| Unopened::Form(e.to_string()))?;
    let plain = awaited(raw::decrypt(&params, key, &Uint8Array::from(body)))
        .await
        .map_err(|_| Unopened::Key)?;
    let plain = bytes_of(&plain);
    let text = match plain.split_first() {
        Some((1, packed)) => transform(packed, false)
            .await
            .map_err(|e| Unopened::Form(chrome::error_text(&e)))?,
        Some((0, text)) => text.to_vec(),
        _ => return Err(Unopened::Form("an unknown packing".into())),
    };
    String::from_utf8(text).map_err(|e| Unopened::Form(e.to_string()))
}

async fn sync_get() -> Result<JsValue, Failure> {
    chrome::settle_call(raw::sync_get(&JsValue::NULL))
        .await
        .map_err(storage::storage_error)
}

/// Our items in `storage.sync`: the groups' parts (string values) and the key item.
async fn items() -> Result<(BTreeMap<String, String>, Option<KeyItem>), Failure> {
    let all = sync_get().await?;
    let mut parts = BTreeMap::new();
    let mut key = None;
    for k in Object::keys(all.unchecked_ref::<Object>()).iter() {
        let Some(k) = k.as_string() else { continue };
        let value = property(&all, &k);
        if k == KEY_ITEM {
            key = value
                .as_string()
                .and_then(|t| serde_json::from_str(&t).ok());
        } else if k.starts_with(PREFIX) {
            if let Some(v) = value.as_string() {
                parts.insert(k, v);
            }
        }
    }
    Ok((parts, key))
}

async fn load_state() -> Option<SyncState> {
    let text = storage::get_text(KEY_STATE).await.ok().flatten()?;
    serde_json::from_str(&text).ok()
}

async fn save_state(state: &SyncState) -> Result<(), Failure> {
    let text = serde_json::to_string(state).map_err(|e| Failure::Storage(e.to_string()))?;
    storage::set_text(KEY_STATE, &text).await
}

fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// What the popup shows.
fn report(state: Option<&SyncState>, bytes: usize, stopped: Option<String>) -> SyncReport {
    match state {
        Some(s) => SyncReport {
            on: true,
            devices: s.doc.devices().len(),
            bytes,
            problem: s.problem.clone(),
            at: Some(s.at),
        },
        None => SyncReport {
            problem: stopped,
            ..SyncReport::default()
        },
    }
}

/// Answers the popup's sync requests, and whether the local store or reminders changed.
pub async fn call(call: SyncCall) -> Result<(SyncReport, bool), Failure> {
    storage::queued(CHAIN, async {
        match call {
            SyncCall::Status => status().await.map(|r| (r, false)),
            SyncCall::On(passphrase) => turn_on(&passphrase).await,
            SyncCall::Off => turn_off().await.map(|r| (r, false)),
        }
    })
    .await
}

async fn status() -> Result<SyncReport, Failure> {
    let state = load_state().await;
    let stopped = storage::get_json(KEY_STOPPED)
        .await
        .ok()
        .flatten()
        .and_then(|v| v.as_str().map(str::to_owned));
    let bytes = match &state {
        Some(_) => {
            let (parts, _) = items().await?;
            state::bytes_per_group(&parts).iter().map(|(_, n)| n).sum()
        }
        None => 0,
    };
    Ok(report(state.as_ref(), bytes, stopped))
}

/// Turns sync on here: checks the passphrase against the key item (or writes one), takes in
/// what the other devices synced, adds this device's data, and writes what changed.
async fn turn_on(passphrase: &str) -> Result<(SyncReport, bool), Failure> {
    if let Some(state) = load_state().await {
        return Ok((report(Some(&state), 0, None), false));
    }
    let (parts, key_item) = items().await?;
    let (raw_key, key_item) = match key_item {
        Some(item) if item.v != 1 => {
            return Err(Failure::Sync(format!(
                "Your other devices sync with a newer version of this extension (format {}). \
                 Update it here, then turn sync on.",
                item.v
            )))
        }
        Some(item) => {
            let salt = B64.decode(&item.salt).map_err(|e| {
                Failure::Sync(format!("The synced data's key item is damaged ({e})."))
            })?;
            let raw_key = derive(passphrase, &salt, item.iterations).await?;
            let key = aes(&raw_key).await?;
            match open(&key, "key", &item.check).await {
                Ok(text) if text == CHECK_TEXT => {}
                _ => {
                    return Err(Failure::Sync(
                        "That passphrase does not open the data your other devices synced. \
                         Nothing was changed: use the passphrase you chose on the first device."
                            .into(),
                    ))
                }
            }
            (raw_key, item)
        }
        None => {
            let salt = random(16)?;
            let raw_key = derive(passphrase, &salt, KDF_ITERATIONS).await?;
            let key = aes(&raw_key).await?;
            let item = KeyItem {
                v: 1,
                salt: B64.encode(&salt),
                iterations: KDF_ITERATIONS,
                check: seal(&key, "key", CHECK_TEXT).await?,
            };
            let items = Object::new();
            let text = serde_json::to_string(&item).map_err(|e| Failure::Storage(e.to_string()))?;
            let _ = Reflect::set(&items, &KEY_ITEM.into(), &text.into());
            chrome::settle_call(raw::sync_set(&items))
                .await
                .map_err(storage::storage_error)?;
            (raw_key, item)
        }
    };
    let id = random(8)?;
    let device = u64::from_le_bytes(id.try_into().unwrap_or([1; 8])) & ((1 << 53) - 1);
    let mut state = SyncState {
        device,
        clock: Clock::new(device),
        key: B64.encode(&raw_key),
        key_item,
        doc: Doc::default(),
        texts: BTreeMap::new(),
        opened: BTreeMap::new(),
        problem: None,
        at: js_sys::Date::now(),
        writes: Vec::new(),
    };
    let _ = storage::set_json(KEY_STOPPED, &serde_json::Value::Null).await;
    let key = aes(&raw_key).await?;
    let applied = exchange(&mut state, &key, &parts).await?;
    save_state(&state).await?;
    let bytes = state::bytes_per_group(&items().await?.0)
        .iter()
        .map(|(_, n)| n)
        .sum();
    Ok((report(Some(&state), bytes, None), applied))
}

/// Turns sync off everywhere: our items leave `storage.sync` (every device keeps its own
/// copy of the data; the others see the key item go and stop syncing too).
async fn turn_off() -> Result<SyncReport, Failure> {
    let (parts, key) = items().await?;
    let keys: Array = parts.keys().map(|k| JsValue::from_str(k)).collect();
    if key.is_some() {
        keys.push(&KEY_ITEM.into());
    }
    chrome::settle_call(raw::sync_remove(&keys))
        .await
        .map_err(storage::storage_error)?;
    chrome::storage_remove(&KEY_STATE.into())
        .await
        .map_err(storage::storage_error)?;
    Ok(SyncReport::default())
}

/// The store or reminders changed here: records it and writes what changed. True when the
/// local store or reminders changed (others' changes came in too).
pub async fn local_change() -> bool {
    let applied = storage::queued(CHAIN, async {
        let Some(mut state) = load_state().await else {
            return Ok(false);
        };
        let key = key_of(&state).await?;
        let (parts, _) = items().await?;
        let applied = exchange(&mut state, &key, &parts).await?;
        save_state(&state).await?;
        Ok::<_, Failure>(applied)
    })
    .await;
    logged(applied)
}

/// `storage.sync` changed (another device wrote, or this one): takes in what is new. True when
/// the local store or reminders changed.
pub async fn remote_change() -> bool {
    let applied = storage::queued(CHAIN, async {
        let Some(mut state) = load_state().await else {
            return Ok(false);
        };
        let (parts, key_item) = items().await?;
        if key_item.as_ref() != Some(&state.key_item) {
            // Turned off on another device, or turned on again with another passphrase.
            let why = match key_item {
                None => "Sync was turned off on another device. This device keeps its data.",
                Some(_) => {
                    "Sync was turned on again on another device with a new passphrase. Turn it \
                     on here with that passphrase to go on syncing."
                }
            };
            storage::set_json(KEY_STOPPED, &why.into()).await?;
            chrome::storage_remove(&KEY_STATE.into())
                .await
                .map_err(storage::storage_error)?;
            return Ok(false);
        }
        let key = key_of(&state).await?;
        let applied = exchange(&mut state, &key, &parts).await?;
        save_state(&state).await?;
        Ok(applied)
    })
    .await;
    logged(applied)
}

/// Whether the local data changed; a failure is logged (the popup shows the state's problem).
fn logged(applied: Result<bool, Failure>) -> bool {
    applied.unwrap_or_else(|e| {
        web_sys::console::debug_2(&"Interview Follow-Up: sync".into(), &e.to_string().into());
        false
    })
}

async fn key_of(state: &SyncState) -> Result<JsValue, Failure> {
    let raw_key = B64
        .decode(&state.key)
        .map_err(|e| Failure::Sync(format!("The sync key kept here is damaged ({e}).")))?;
    aes(&raw_key).await
}

/// One exchange: takes in the groups that changed in `parts` (the items now in
/// `storage.sync`), records the local store and reminders, applies what the merged copy shows
/// when it differs from them, and writes the groups whose text changed. True when the local
/// store or reminders changed.
async fn exchange(
    state: &mut SyncState,
    key: &JsValue,
    parts: &BTreeMap<String, String>,
) -> Result<bool, Failure> {
    // What changed here since the last exchange is recorded before others' changes come in.
    let mut current = storage::load().await?.store;
    let mut reminders = storage::load_reminders().await;
    state
        .doc
        .record(&mut state.clock, now_ms(), &current, &reminders);
    let mut unopened = Vec::new();
    let payloads = shard::join(parts);
    for (group, payload) in &payloads {
        let tag = shard::tag(payload);
        if state.opened.get(group) == Some(&tag) {
            continue;
        }
        match open(key, group, payload).await {
            Ok(text) => match shard::read_group(group, &text) {
                Ok(part) => {
                    state.doc.merge(&part);
                    state.texts.insert(group.clone(), state::text_hash(&text));
                    state.opened.insert(group.clone(), tag);
                }
                Err(e) => unopened.push(e.to_string()),
            },
            Err(e) => unopened.push(format!("{group}: {e}")),
        }
    }
    // Groups this device wrote that are gone from the storage are written again.
    state.texts.retain(|g, _| payloads.contains_key(g));
    state.opened.retain(|g, _| payloads.contains_key(g));
    if let Some(latest) = state.doc.latest() {
        state.clock.observe(latest);
    }
    let mut applied = false;
    for _ in 0..5 {
        let now = now_ms();
        state
            .doc
            .settle(&mut state.clock, now, doc::COLLECT_AFTER_MS);
        let (merged, merged_reminders) = state.doc.materialize().map_err(|e| {
            Failure::Sync(format!(
                "The synced data could not be read as your list: {e}."
            ))
        })?;
        if merged_reminders != reminders {
            storage::save_reminders(&merged_reminders).await?;
            applied = true;
        }
        if merged == current {
            break;
        }
        let written = storage::transact(false, |now: &Store| {
            Ok(if *now == current {
                (Some(merged.clone()), true)
            } else {
                (None, false)
            })
        })
        .await?;
        if written {
            applied = true;
            break;
        }
        // The user changed something meanwhile: that change is recorded too, then merged.
        let (later, later_reminders) = (
            storage::load().await?.store,
            storage::load_reminders().await,
        );
        state.doc.record_since(
            &mut state.clock,
            now_ms(),
            (&current, &reminders),
            (&later, &later_reminders),
        );
        (current, reminders) = (later, later_reminders);
    }
    publish(state, key, parts).await?;
    state.at = js_sys::Date::now();
    if !unopened.is_empty() {
        state.problem = Some(format!(
            "Some synced data could not be opened here and was left alone ({}).",
            unopened.join("; ")
        ));
    }
    Ok(applied)
}

/// Writes the groups whose text changed since this device last wrote or read them, and
/// removes the items of groups that are gone, unless the whole would not fit the quota.
async fn publish(
    state: &mut SyncState,
    key: &JsValue,
    held: &BTreeMap<String, String>,
) -> Result<(), Failure> {
    let (changed, gone) = state::changed_groups(&state.doc, &state.texts);
    if changed.is_empty() && gone.is_empty() {
        return Ok(());
    }
    let now = js_sys::Date::now();
    if !state::may_write(&mut state.writes, now, 2) {
        // Over the browser's write rate: the groups stay unwritten (their texts unchanged
        // here), and an alarm brings the worker back to write them.
        retry_later().await;
        return Ok(());
    }
    let mut sealed = BTreeMap::new();
    let mut new_items = BTreeMap::new();
    for (group, text) in &changed {
        let payload = seal(key, group, text).await?;
        new_items.extend(shard::split(group, &payload));
        sealed.insert(group.clone(), payload);
    }
    let written: Vec<String> = changed.keys().chain(gone.iter()).cloned().collect();
    let rewritten =
        |k: &str| shard::key_group(k).is_some_and(|(g, _)| written.iter().any(|w| w == g));
    let mut all = BTreeMap::new();
    all.extend(
        held.iter()
            .filter(|(k, _)| !rewritten(k))
            .map(|(k, v)| (k.clone(), v.clone())),
    );
    all.extend(new_items.clone());
    let key_text = serde_json::to_string(&state.key_item).unwrap_or_default();
    let key_bytes = shard::item_bytes(KEY_ITEM, &key_text);
    if let Err(over) = shard::fits(&all, key_bytes) {
        let sizes = state::bytes_per_group(&all);
        let per_group = state::interviews_per_group(&state.doc);
        let fit = state::interviews_that_fit(&sizes, &per_group, key_bytes);
        let total = per_group.iter().map(|(_, n)| n).sum();
        let bytes = match over {
            shard::Overflow::Bytes(b) => b,
            shard::Overflow::Items(_) => sizes.iter().map(|(_, n)| n).sum::<usize>() + key_bytes,
        };
        state.problem = Some(state::over_quota_words(bytes, fit, total));
        return Ok(());
    }
    let (set, remove) = shard::plan(held, &new_items, &written);
    if !set.is_empty() {
        let items = Object::new();
        for (k, v) in &set {
            let _ = Reflect::set(&items, &k.into(), &v.into());
        }
        state.writes.push(now);
        if let Err(e) = chrome::settle_call(raw::sync_set(&items)).await {
            state.problem = Some(format!(
                "Sync is paused: the browser refused to store the synced data ({}). It tries \
                 again in a minute.",
                chrome::error_text(&e)
            ));
            retry_later().await;
            return Ok(());
        }
    }
    if !remove.is_empty() {
        state.writes.push(now);
        let keys: Array = remove.iter().map(|k| JsValue::from_str(k)).collect();
        let _ = chrome::settle_call(raw::sync_remove(&keys)).await;
    }
    for (group, text) in changed {
        state.texts.insert(group.clone(), state::text_hash(&text));
        if let Some(payload) = sealed.get(&group) {
            state.opened.insert(group, shard::tag(payload));
        }
    }
    for group in gone {
        state.texts.remove(&group);
        state.opened.remove(&group);
    }
    state.problem = None;
    Ok(())
}

/// Sets the alarm that brings the worker back in a minute: every alarm ends in an exchange.
async fn retry_later() {
    let info = Object::new();
    let _ = Reflect::set(&info, &"delayInMinutes".into(), &1.into());
    let _ = chrome::alarms_create("followup-sync", &info).await;
}

/// "Delete everything" also removes the synced data, when this device syncs.
pub async fn forget() {
    if load_state().await.is_some() {
        let _ = turn_off().await;
    }
}
