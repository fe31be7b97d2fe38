//! JS ⇄ Rust value conversion with JSON-compatible output (plain objects, no Maps).

use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::JsValue;

/// Serialises to a plain JS object (maps become objects, `None` becomes `null`).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Deserialises a JS value, with an error that says what was expected.
pub fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value).map_err(|e| format!("{what}: {e}"))
}

/// `JSON.stringify` of a JS value (for path-named store parsing).
pub fn stringify(value: &JsValue) -> Result<String, String> {
    js_sys::JSON::stringify(value)
        .map(String::from)
        .map_err(|_| "the value cannot be written as JSON".to_string())
}
