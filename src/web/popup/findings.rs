//! Findings shown under a text (the draft preview and "Check my text") and the worker's
//! check that produces them.

use super::app::App;
use super::html::{self, add, button, el, Dom};
use crate::failure::Failure;
use crate::model::{Channel, Kind};
use crate::tone::{Finding, LintOptions};
use crate::web::client;
use web_sys::Element;

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
        el(doc, "h3", &[], Some(&crate::tone::summary(findings)))?,
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
            let b = add(&actions, button(doc, "Show", "select-span", "quiet")?)?;
            b.set_attribute("data-start", &start)?;
            b.set_attribute("data-end", &end)?;
        }
        if let (Some(fix), Some(label)) = (&f.suggestion, f.fix_label()) {
            let b = add(&actions, button(doc, &label, "apply-fix", "quiet")?)?;
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
