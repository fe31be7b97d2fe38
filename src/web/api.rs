//! The WebAssembly JS API: `lint`, `draft`, `schedule`. Each takes and returns plain objects in
//! the same JSON shapes as the CLI's `--json` output; callers outside this crate rely on them.
//! The worker's module (`pkg/followup.js`) has all three; the in-page module has `lint` (what the
//! WASM benchmarks time: the checker as it runs in the page).

use super::convert::{from_js, to_js};
use crate::tone::LintOptions;
use wasm_bindgen::prelude::*;

/// `lint(text, options) -> Finding[]`.
#[wasm_bindgen]
pub fn lint(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let options: LintOptions = if options.is_undefined() || options.is_null() {
        LintOptions::default()
    } else {
        from_js(options, "options")?
    };
    to_js(&crate::tone::lint(text, &options))
}

/// `draft(store, request) -> Draft`.
#[cfg(feature = "worker")]
#[wasm_bindgen]
pub fn draft(store: JsValue, request: JsValue) -> Result<JsValue, JsValue> {
    let store =
        crate::store::parse(&super::convert::stringify(&store)?).map_err(|e| e.to_string())?;
    let request: crate::draft::DraftRequest = from_js(request, "request")?;
    let draft = crate::draft::draft(&store, &request).map_err(|e| e.to_string())?;
    to_js(&draft)
}

/// `schedule(store, nowIso) -> Due[]`.
#[cfg(feature = "worker")]
#[wasm_bindgen]
pub fn schedule(store: JsValue, now_iso: &str) -> Result<JsValue, JsValue> {
    let store =
        crate::store::parse(&super::convert::stringify(&store)?).map_err(|e| e.to_string())?;
    let now = chrono::DateTime::parse_from_rfc3339(now_iso)
        .map_err(|e| format!("nowIso: not an RFC 3339 time ({e})"))?;
    to_js(&crate::schedule::schedule(&store, now))
}
