//! Gmail: compose editors (pop-up, full-screen, pop-out, inline reply). Selectors per
//! SELECTORS.md, stable attributes first, the localized aria-label last.

use super::Site;
use crate::web::dom;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// Gmail.
pub struct Gmail;

const EDITOR_SELECTORS: &[&str] = &[
    "div[g_editable=true][role=textbox]",
    "div.Am.Al.editable[contenteditable=true]",
    "div[aria-label=\"Message Body\"][contenteditable=true]",
];

impl Site for Gmail {
    fn name(&self) -> &'static str {
        "gmail"
    }

    fn editors(&self, root: &JsValue) -> Vec<Element> {
        let mut found: Vec<Element> = Vec::new();
        for sel in EDITOR_SELECTORS {
            for e in dom::query_all(root, sel) {
                if !found.iter().any(|f| f.is_same_node(Some(&e))) {
                    found.push(e);
                }
            }
        }
        found
    }

    fn chip_anchor(&self, editor: &Element) -> Option<Element> {
        editor
            .closest("form")
            .ok()
            .flatten()
            .or_else(|| editor.parent_element())
    }
}
