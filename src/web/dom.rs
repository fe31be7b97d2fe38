//! Small DOM helpers: elements are built node by node and text is always set as text.

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

/// The element as an `HtmlElement`, if it is one.
pub fn html(e: &Element) -> Option<HtmlElement> {
    e.clone().dyn_into::<HtmlElement>().ok()
}
