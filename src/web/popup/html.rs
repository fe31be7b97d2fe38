//! Node builders for the popup: every element is created node by node, text stays text.

use super::super::dom;
use crate::ui::action::Action;
use crate::ui::form::FieldError;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

/// Result of DOM work.
pub type Dom<T = ()> = Result<T, JsValue>;

/// `<tag attrs>text</tag>`.
pub fn el(doc: &Document, tag: &str, attrs: &[(&str, &str)], text: Option<&str>) -> Dom<Element> {
    dom::el(doc, tag, attrs, text)
}

/// Appends `child` to `parent` and returns the child.
pub fn add(parent: &Element, child: Element) -> Dom<Element> {
    parent.append_child(&child)?;
    Ok(child)
}

/// A `<button type="button" data-action=…>`.
pub fn button(doc: &Document, label: &str, action: Action, class: &str) -> Dom<Element> {
    el(
        doc,
        "button",
        &[
            ("type", "button"),
            ("data-action", &action.attr()),
            ("class", class),
        ],
        Some(label),
    )
}

/// A form's `<button type="submit">`.
pub fn submit(doc: &Document, label: &str, class: &str) -> Dom<Element> {
    el(
        doc,
        "button",
        &[("type", "submit"), ("class", class)],
        Some(label),
    )
}

/// Sets a DOM property (`value`, `checked`, …).
pub fn set_prop(e: &Element, name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(e, &JsValue::from_str(name), value);
}

/// Reads a string DOM property (`value`).
pub fn prop_string(e: &JsValue, name: &str) -> String {
    js_sys::Reflect::get(e, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Reads a boolean DOM property (`checked`).
pub fn prop_bool(e: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(e, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// The id an input with `name` gets (`people.0.email` → `f-people-0-email`).
pub fn field_id(name: &str) -> String {
    format!("f-{}", name.replace('.', "-"))
}

/// What kind of control a field is.
pub enum Control<'a> {
    /// `<input type=…>`.
    Input(&'a str),
    /// `<textarea rows=…>`.
    Text(u32),
    /// `<select>` with (value, label) options.
    Select(&'a [(&'a str, &'a str)]),
}

#[allow(clippy::too_many_arguments)]
/// A labelled field: label, control (name/id/value), optional hint, and an error line that
/// `show_errors` fills in. `extra` attributes go on the control.
pub fn field(
    doc: &Document,
    parent: &Element,
    name: &str,
    label: &str,
    control: Control,
    value: &str,
    hint: Option<&str>,
    extra: &[(&str, &str)],
) -> Dom<Element> {
    let id = field_id(name);
    let wrap = add(parent, el(doc, "div", &[("class", "field")], None)?)?;
    add(&wrap, el(doc, "label", &[("for", &id)], Some(label))?)?;
    let input = match control {
        Control::Input(kind) => el(doc, "input", &[("type", kind)], None)?,
        Control::Text(rows) => el(doc, "textarea", &[("rows", &rows.to_string())], None)?,
        Control::Select(options) => {
            let s = el(doc, "select", &[], None)?;
            for (v, l) in options {
                add(&s, el(doc, "option", &[("value", v)], Some(l))?)?;
            }
            s
        }
    };
    input.set_attribute("id", &id)?;
    input.set_attribute("name", name)?;
    for (k, v) in extra {
        input.set_attribute(k, v)?;
    }
    let mut described = format!("e-{id}");
    if let Some(h) = hint {
        let hint_id = format!("h-{id}");
        described = format!("{hint_id} {described}");
        wrap.append_child(&input)?;
        add(
            &wrap,
            el(doc, "p", &[("class", "hint"), ("id", &hint_id)], Some(h))?,
        )?;
    } else {
        wrap.append_child(&input)?;
    }
    input.set_attribute("aria-describedby", &described)?;
    add(
        &wrap,
        el(
            doc,
            "p",
            &[
                ("class", "error"),
                ("id", &format!("e-{id}")),
                ("hidden", ""),
            ],
            None,
        )?,
    )?;
    set_prop(&input, "value", &JsValue::from_str(value));
    Ok(input)
}

/// Shows each error next to its field (and clears the others) under `scope`; returns the first
/// control with an error, to focus.
pub fn show_errors(scope: &Element, errors: &[FieldError]) -> Option<Element> {
    let mut first = None;
    for line in dom::query_all(scope, "p.error[id^='e-']") {
        let id = line.id();
        let field = id.trim_start_matches("e-");
        let message: Vec<&str> = errors
            .iter()
            .filter(|e| field_id(&e.field) == field)
            .map(|e| e.message.as_str())
            .collect();
        let control = scope
            .owner_document()
            .and_then(|d| d.get_element_by_id(field));
        if message.is_empty() {
            line.set_text_content(None);
            let _ = line.set_attribute("hidden", "");
            if let Some(c) = &control {
                let _ = c.remove_attribute("aria-invalid");
            }
        } else {
            line.set_text_content(Some(&message.join(" ")));
            let _ = line.remove_attribute("hidden");
            if let Some(c) = control {
                let _ = c.set_attribute("aria-invalid", "true");
                if first.is_none() {
                    first = Some(c);
                }
            } else if first.is_none() {
                first = Some(line);
            }
        }
    }
    first
}

/// Focuses an element if it can take focus.
pub fn focus(e: &Element) {
    if let Some(h) = dom::html(e) {
        let _ = h.focus();
    }
}

/// Removes every child of `e`.
pub fn clear(e: &Element) {
    while let Some(c) = e.first_child() {
        let _ = e.remove_child(&c);
    }
}

/// The element as a `T`, if it is one.
pub fn cast<T: JsCast>(e: &Element) -> Option<T> {
    e.clone().dyn_into::<T>().ok()
}
