//! LinkedIn: message editors in chat bubbles and on the messaging page, connection notes.

use super::Site;
use crate::web::dom;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// LinkedIn.
pub struct LinkedIn;

const EDITOR_SELECTORS: &[&str] = &[
    ".msg-form__contenteditable[role=textbox][contenteditable=true]",
    "textarea#custom-message",
];

impl Site for LinkedIn {
    fn name(&self) -> &'static str {
        "linkedin"
    }

    fn editors(&self, root: &JsValue) -> Vec<Element> {
        EDITOR_SELECTORS
            .iter()
            .flat_map(|sel| dom::query_all(root, sel))
            .collect()
    }

    fn chip_anchor(&self, editor: &Element) -> Option<Element> {
        editor
            .closest("form")
            .ok()
            .flatten()
            .or_else(|| editor.parent_element())
    }
}
