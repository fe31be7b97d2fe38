//! The toolbar popup (issue 7 builds it out). Entry point: [`popup_start`].

use super::chrome;
use super::convert::to_js;
use super::dom;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// Builds the popup into `root`.
#[wasm_bindgen]
pub async fn popup_start(root: Element) -> Result<(), JsValue> {
    let doc = dom::document()?;
    let heading = dom::el(&doc, "h1", &[], Some("Interview Follow-Up"))?;
    root.append_child(&heading)?;
    let reply = chrome::send_message(&to_js(&serde_json::json!({"type": "export"}))?).await?;
    let count = js_sys::Reflect::get(&reply, &"store".into())
        .and_then(|s| js_sys::Reflect::get(&s, &"interviews".into()))
        .ok()
        .and_then(|i| i.dyn_into::<js_sys::Array>().ok())
        .map_or(0, |a| a.length());
    let text = if count == 0 {
        "No interviews yet. Add the one you just had, and we'll tell you when to follow up."
            .to_string()
    } else {
        format!("{count} interviews tracked.")
    };
    let empty = dom::el(&doc, "p", &[("class", "empty")], Some(&text))?;
    root.append_child(&empty)?;
    root.set_attribute("aria-busy", "false")?;
    root.set_attribute("data-ready", "true")?;
    Ok(())
}
