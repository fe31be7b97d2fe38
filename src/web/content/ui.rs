//! The in-page helper for one editor: a host element with an open shadow root holding the chip,
//! and live wording checks (debounced) whose count is on `data-followup-findings`.

use super::Site;
use crate::tone::{lint, LintOptions};
use crate::web::dom;
use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};

const DEBOUNCE_MS: i32 = 250;
const STYLE: &str = ":host{all:initial;display:block;margin:4px 0}\
.chip{display:inline-flex;gap:6px;align-items:center;font:12px/1.2 system-ui,sans-serif;\
color:#1f2328;background:#f0f4f9;border:1px solid #c9d3df;border-radius:14px;padding:2px 4px}\
button{font:inherit;border:0;border-radius:10px;padding:3px 8px;background:transparent;color:inherit;cursor:pointer}\
button:hover,button:focus-visible{background:#dbe5f1;outline:none}\
.count{min-width:1.5em;text-align:center}";

/// Builds the helper for `editor` and wires the live check.
pub fn attach(site: &dyn Site, editor: &Element) -> Result<(), JsValue> {
    let doc = dom::document()?;
    let host = dom::el(
        &doc,
        "div",
        &[
            ("data-followup-ui", site.name()),
            ("data-followup-findings", "0"),
        ],
        None,
    )?;
    let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    let style = dom::el(&doc, "style", &[], Some(STYLE))?;
    let chip = dom::el(
        &doc,
        "div",
        &[
            ("class", "chip"),
            ("role", "toolbar"),
            ("aria-label", "Interview Follow-Up"),
        ],
        None,
    )?;
    let insert = dom::el(
        &doc,
        "button",
        &[("type", "button"), ("data-action", "insert-draft")],
        Some("Insert follow-up"),
    )?;
    let count = dom::el(
        &doc,
        "button",
        &[
            ("type", "button"),
            ("class", "count"),
            ("data-action", "open-findings"),
            ("aria-label", "Wording findings"),
        ],
        Some("0"),
    )?;
    chip.append_child(&insert)?;
    chip.append_child(&count)?;
    shadow.append_child(&style)?;
    shadow.append_child(&chip)?;
    match editor.parent_node() {
        Some(parent) => {
            parent.insert_before(&host, Some(editor))?;
        }
        None => return Err(JsValue::from_str("editor has no parent")),
    }
    let _ = site.chip_anchor(editor);
    wire_live_check(editor, &host, &count)?;
    refresh(editor, &host, &count);
    Ok(())
}

fn editor_text(editor: &Element) -> String {
    if let Some(t) = editor.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return t.value();
    }
    dom::html(editor)
        .map(|h| h.inner_text())
        .unwrap_or_default()
}

fn refresh(editor: &Element, host: &Element, count: &Element) {
    let findings = lint(&editor_text(editor), &LintOptions::default());
    let n = findings.len().to_string();
    let _ = host.set_attribute("data-followup-findings", &n);
    count.set_text_content(Some(&n));
}

fn wire_live_check(editor: &Element, host: &Element, count: &Element) -> Result<(), JsValue> {
    let timer = std::rc::Rc::new(std::cell::Cell::new(0));
    let (e, h, c) = (editor.clone(), host.clone(), count.clone());
    let on_input = Closure::<dyn FnMut()>::new(move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        window.clear_timeout_with_handle(timer.get());
        let (e, h, c) = (e.clone(), h.clone(), c.clone());
        let run = Closure::once_into_js(move || refresh(&e, &h, &c));
        if let Ok(id) = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), DEBOUNCE_MS)
        {
            timer.set(id);
        }
    });
    editor.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref())?;
    on_input.forget();
    Ok(())
}
