//! Findings shown under a text (the draft preview and "Check my text") and the worker's
//! check that produces them.

use super::app::{say, Action, App};
use super::html::{self, add, button, el, Dom};
use crate::failure::Failure;
use crate::model::{Channel, Kind};
use crate::tone::{Finding, LintOptions};
use crate::web::client;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlTextAreaElement};

/// The findings list for `text`: each with its severity, the words it is about (marked), why,
/// and a one-click fix when there is one. `select` makes each one select its words in the
/// message box.
pub(crate) fn render_findings(
    app: &App,
    into: &Element,
    text: &str,
    findings: &[Finding],
    select: bool,
) -> Dom {
    let doc = &app.doc;
    html::clear(into);
    into.set_attribute("data-count", &findings.len().to_string())?;
    add(
        into,
        el(doc, "h3", &[], Some(&crate::tone::verdict(findings).text))?,
    )?;
    if findings.is_empty() {
        return Ok(());
    }
    let list = add(into, el(doc, "ul", &[("class", "finding-list")], None)?)?;
    for f in findings {
        let li = add(
            &list,
            el(
                doc,
                "li",
                &[
                    ("class", "finding"),
                    ("data-severity", f.severity.as_str()),
                    ("data-rule", &f.rule),
                ],
                None,
            )?,
        )?;
        add(
            &li,
            el(doc, "span", &[("class", "badge")], Some(f.severity.word()))?,
        )?;
        if f.end > f.start {
            let (before, marked, after) = crate::ui::data::excerpt(text, f.start, f.end, 24);
            let quote = add(&li, el(doc, "p", &[("class", "excerpt")], None)?)?;
            quote.append_child(&doc.create_text_node(&before))?;
            add(&quote, el(doc, "mark", &[], Some(&marked))?)?;
            quote.append_child(&doc.create_text_node(&after))?;
        }
        add(&li, el(doc, "p", &[("class", "why")], Some(&f.message))?)?;
        let actions = add(&li, el(doc, "div", &[("class", "actions")], None)?)?;
        let (start, end) = (f.start.to_string(), f.end.to_string());
        if select && f.end > f.start {
            let b = add(&actions, button(doc, "Show", Action::SelectSpan, "quiet")?)?;
            b.set_attribute("data-start", &start)?;
            b.set_attribute("data-end", &end)?;
        }
        if let (Some(fix), Some(label)) = (&f.suggestion, f.fix_label()) {
            let b = add(&actions, button(doc, &label, Action::ApplyFix, "quiet")?)?;
            b.set_attribute("data-start", &start)?;
            b.set_attribute("data-end", &end)?;
            b.set_attribute("data-fix", fix)?;
        }
    }
    Ok(())
}

/// Checks a text through the worker.
pub(crate) async fn lint(
    text: &str,
    kind: Option<Kind>,
    channel: Channel,
    subject: Option<&str>,
    to: Option<&str>,
    for_whom: Option<(&str, Option<&str>)>,
) -> Result<Vec<Finding>, Failure> {
    let options = LintOptions {
        kind,
        channel,
        subject: subject.map(str::to_owned),
        to: to.map(str::to_owned),
        others: Vec::new(),
    };
    client::lint(text.to_string(), options, for_whom).await
}

/// "Show" selects a finding's words in its message box; "Use …" replaces them with the fix
/// (one Ctrl+Z undoes it) and lets the box's own input handling re-check the text. The box is
/// named by the `data-for` of the findings container.
pub(crate) fn fix_or_show(app: &App, action: Action, button: &Element) {
    let range = |k: &str| button.get_attribute(k).and_then(|v| v.parse::<u32>().ok());
    let (Some(start), Some(end)) = (range("data-start"), range("data-end")) else {
        return;
    };
    let Some(area) = button
        .closest("[data-for]")
        .ok()
        .flatten()
        .and_then(|c| c.get_attribute("data-for"))
        .and_then(|id| app.doc.get_element_by_id(&id))
        .and_then(|e| html::cast::<HtmlTextAreaElement>(&e))
    else {
        return;
    };
    let _ = area.focus();
    if action == Action::ApplyFix {
        let fix = button.get_attribute("data-fix").unwrap_or_default();
        let _ = area.set_selection_range(start, end);
        // execCommand keeps the undo stack; setRangeText is the fallback.
        let done = app
            .doc
            .clone()
            .dyn_into::<web_sys::HtmlDocument>()
            .ok()
            .and_then(|d| {
                d.exec_command_with_show_ui_and_value("insertText", false, &fix)
                    .ok()
            })
            .unwrap_or(false);
        if !done {
            let _ = area.set_range_text_with_start_and_end(&fix, start, end);
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
                let _ = area.dispatch_event(&event);
            }
        }
        say(app, "Fixed. Press Ctrl+Z in the message to undo.", "ok");
    } else {
        let _ = area.set_selection_range(start, end);
    }
}
