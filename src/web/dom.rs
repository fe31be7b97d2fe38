//! Small DOM helpers: elements are built node by node and text is always set as text.

use chrono::{DateTime, FixedOffset, Offset};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

/// The page's document.
pub fn document() -> Result<Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// Creates `<tag>` with attributes and text content (text stays text).
pub fn el(
    doc: &Document,
    tag: &str,
    attrs: &[(&str, &str)],
    text: Option<&str>,
) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    for (k, v) in attrs {
        e.set_attribute(k, v)?;
    }
    if let Some(t) = text {
        e.set_text_content(Some(t));
    }
    Ok(e)
}

/// Every element matching `selector` under `root` (document, element or shadow root).
pub fn query_all(root: &JsValue, selector: &str) -> Vec<Element> {
    let list = js_sys::Reflect::get(root, &JsValue::from_str("querySelectorAll"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(root, &JsValue::from_str(selector)).ok());
    let Some(list) = list.and_then(|l| l.dyn_into::<web_sys::NodeList>().ok()) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// An element, seen through the one method web-sys does not bind yet.
    #[wasm_bindgen(js_name = Element)]
    type Checkable;
    /// `element.checkVisibility(options)` (Chromium 105+, Firefox 106+).
    #[wasm_bindgen(method, js_name = checkVisibility, catch)]
    fn check_visibility(this: &Checkable, options: &JsValue) -> Result<bool, JsValue>;
}

/// Whether the element is shown: not `display: none`, `visibility: hidden`, `opacity: 0` or
/// skipped by `content-visibility` (itself or through an ancestor). Browsers without
/// `checkVisibility` fall back to the element's own computed style.
pub fn visible(e: &Element) -> bool {
    let options = js_sys::Object::new();
    for key in [
        "opacityProperty",
        "visibilityProperty",
        "contentVisibilityAuto",
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &JsValue::TRUE);
    }
    if let Ok(shown) = e.unchecked_ref::<Checkable>().check_visibility(&options) {
        return shown;
    }
    let style = web_sys::window().and_then(|w| w.get_computed_style(e).ok().flatten());
    style.is_some_and(|s| {
        s.get_property_value("visibility").ok().as_deref() != Some("hidden")
            && s.get_property_value("display").ok().as_deref() != Some("none")
            && s.get_property_value("opacity").ok().as_deref() != Some("0")
    })
}

/// The element as an `HtmlElement`, if it is one.
pub fn html(e: &Element) -> Option<HtmlElement> {
    e.clone().dyn_into::<HtmlElement>().ok()
}

/// Whether the nearest opaque background around `el` (its own, or an ancestor's, out through
/// shadow roots) is dark.
pub fn dark_around(el: &Element) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let mut node = Some(el.clone());
    while let Some(el) = node {
        let colour = window
            .get_computed_style(&el)
            .ok()
            .flatten()
            .and_then(|s| s.get_property_value("background-color").ok());
        if let Some(d) = colour
            .as_deref()
            .and_then(crate::page::theme::dark_background)
        {
            return d;
        }
        node = el.parent_element().or_else(|| {
            el.get_root_node()
                .dyn_into::<web_sys::ShadowRoot>()
                .ok()
                .map(|r| r.host())
        });
    }
    false
}

/// The rendered text (`innerText`) of the first element under `root` matching `selector`; empty
/// when there is none.
pub fn inner_text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| html(&e))
        .map(|e| e.inner_text())
        .unwrap_or_default()
}

/// Milliseconds since the epoch (`Date.now()`: one call, cheaper than reaching
/// `performance` through the window, and precise enough for scan intervals and debouncing).
pub fn clock() -> f64 {
    js_sys::Date::now()
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
