//! The Firefox build: the same files as the Chromium one, with the manifest Firefox takes.
//!
//! One source, `extension/manifest.json` (written for Chromium); this module derives Firefox's:
//! - the background runs as an event page from `background.scripts` (Firefox refuses
//!   `background.service_worker`); the loader is the same module script;
//! - `browser_specific_settings.gecko`: the add-on id, the oldest Firefox it runs on, and the
//!   data collection declaration AMO asks for (none: nothing leaves the browser);
//! - `minimum_chrome_version` is Chromium's, so it goes.

use anyhow::{Context, Result};
use serde_json::{json, Value};

/// The add-on's id in Firefox (AMO and `about:debugging`).
pub const GECKO_ID: &str = "interview-followup@interview-followup.app";

/// The oldest Firefox the extension runs on: `data_collection_permissions` needs 140 (the
/// current ESR line); WebAssembly in content scripts and `storage.session` came earlier.
pub const MIN_FIREFOX: &str = "140.0";

/// Firefox's manifest from the Chromium one.
pub fn manifest(chromium: &Value) -> Result<Value> {
    let mut m = chromium.clone();
    let o = m
        .as_object_mut()
        .context("extension/manifest.json is not a JSON object")?;
    o.remove("minimum_chrome_version");
    let background = o
        .get_mut("background")
        .and_then(Value::as_object_mut)
        .context("extension/manifest.json has no background object")?;
    let worker = background
        .remove("service_worker")
        .context("extension/manifest.json has no background.service_worker")?;
    background.insert("scripts".into(), json!([worker]));
    o.insert(
        "browser_specific_settings".into(),
        json!({
            "gecko": {
                "id": GECKO_ID,
                "strict_min_version": MIN_FIREFOX,
                "data_collection_permissions": { "required": ["none"] }
            }
        }),
    );
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn firefox_gets_an_event_page_and_its_settings() {
        let chromium: Value =
            serde_json::from_str(include_str!("../../extension/manifest.json")).unwrap();
        let firefox = manifest(&chromium).unwrap();
        assert_eq!(
            firefox["background"],
            json!({ "scripts": ["worker.js"], "type": "module" })
        );
        assert_eq!(
            firefox["browser_specific_settings"]["gecko"]["id"],
            GECKO_ID
        );
        assert_eq!(
            firefox["browser_specific_settings"]["gecko"]["data_collection_permissions"],
            json!({ "required": ["none"] })
        );
        assert!(firefox.get("minimum_chrome_version").is_none());
        // Everything else is the same extension.
        for key in [
            "name",
            "version",
            "permissions",
            "host_permissions",
            "content_scripts",
            "content_security_policy",
            "action",
        ] {
            assert_eq!(firefox[key], chromium[key], "{key}");
        }
        assert!(manifest(&json!({ "background": {} })).is_err());
    }
}
