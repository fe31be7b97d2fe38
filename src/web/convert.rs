//! JS ⇄ Rust value conversion. The extension pages' module goes through JSON text: one serde
//! backend (serde_json) for storage, messages and the JS API keeps it small (a second backend
//! would instantiate every type's Serialize/Deserialize again), and the values are plain JSON by
//! construction. The in-page module, which never reads the store, writes JS values with
//! `serde-wasm-bindgen` (JSON-compatible output) and reads them with `web::js_value`:
//! smaller there, and no text in between (DESIGN.md, "Values across the JS boundary").

use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::JsValue;

/// Serialises to a plain JS value (objects, arrays, strings, numbers, booleans, `null`).
#[cfg(any(feature = "popup", feature = "worker"))]
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| JsValue::from_str(&e.to_string()))?;
    js_sys::JSON::parse(&text)
}

/// Deserialises a JS value, with an error that names what was expected and where.
#[cfg(any(feature = "popup", feature = "worker"))]
pub fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, String> {
    if value.is_undefined() {
        return serde_json::from_str("null").map_err(|e| format!("{what}: {e}"));
    }
    let text = stringify(&value).map_err(|e| format!("{what}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{what}: {e}"))
}

/// Serialises to a plain JS value (objects, arrays, strings, numbers, booleans, `null`).
#[cfg(not(any(feature = "popup", feature = "worker")))]
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(JsValue::from)
}

/// Deserialises a JS value, with an error that names what was expected (through
/// [`super::js_value`], which formats no float).
#[cfg(not(any(feature = "popup", feature = "worker")))]
pub fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, String> {
    super::js_value::from_value(value).map_err(|e| format!("{what}: {e}"))
}

/// A JS value carried without being read: a store document the in-page helper hands back as it
/// got it (the event of a recorded send, for its Undo; [`crate::protocol::Recorded`]); the
/// worker reads it with the store's checks when it comes back. In the in-page module it crosses
/// the bridge as the same JS object (serde-wasm-bindgen's `preserve` out, `web::js_value::raw`
/// in), so that module links no JSON value type; the pages' module, whose bridge is JSON text,
/// carries it as a `serde_json::Value`, which it has anyway.
#[derive(Debug, Clone)]
pub struct Raw(JsValue);

#[cfg(not(any(feature = "popup", feature = "worker")))]
impl Serialize for Raw {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde_wasm_bindgen::preserve::serialize(&self.0, serializer)
    }
}

#[cfg(not(any(feature = "popup", feature = "worker")))]
impl<'de> serde::Deserialize<'de> for Raw {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Raw, D::Error> {
        super::js_value::raw(deserializer).map(Raw)
    }
}

#[cfg(any(feature = "popup", feature = "worker"))]
impl Serialize for Raw {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = stringify(&self.0).map_err(serde::ser::Error::custom)?;
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(serde::ser::Error::custom)?;
        value.serialize(serializer)
    }
}

#[cfg(any(feature = "popup", feature = "worker"))]
impl<'de> serde::Deserialize<'de> for Raw {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Raw, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        to_js(&value)
            .map(Raw)
            .map_err(|_| serde::de::Error::custom("a JSON value JS could not parse"))
    }
}

/// `obj[key]`, or `undefined` when it cannot be read.
pub fn property(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `JSON.stringify` of a JS value (for path-named store parsing).
pub fn stringify(value: &JsValue) -> Result<String, String> {
    js_sys::JSON::stringify(value)
        .map(String::from)
        .map_err(|_| "the value cannot be written as JSON".to_string())
}
