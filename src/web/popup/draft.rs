//! Draft preview: pick kind, channel and person; see the subject and body with the wording
//! findings; edit (re-checked as you type), copy, open in Gmail or LinkedIn.

use super::app::{go, now, say, Action, App, DraftState, View};
use super::findings::{lint, render_findings};
use super::html::{self, add, button, el, field, Control, Dom};
use crate::model::{Channel, Event, Kind};
use crate::schedule::Due;
use crate::service::linkedin_url;
use crate::ui::data::context;
use crate::ui::form::characters_used;
use crate::web::client;
use crate::when::kind_label;
use web_sys::Element;

const CHANNELS: &[(&str, &str)] = &[
    ("email", "Email"),
    ("linkedin", "LinkedIn message"),
    ("linkedin-note", "LinkedIn connection note"),
    ("phone", "Phone call plan"),
];

/// Opens the preview for an item.
pub(crate) async fn open(app: &App, due: &Due, channel: Channel) {
    let kind = if Kind::DRAFTABLE.contains(&due.kind) {
        due.kind
    } else {
        Kind::Nudge
    };
    app.state.borrow_mut().draft = Some(DraftState {
        interview: due.interview.clone(),
        interviewer: due.interviewer.clone(),
        kind,
        channel,
        subject: String::new(),
        body: String::new(),
        to: None,
        findings: Vec::new(),
        error: None,
        choosing: false,
    });
    refetch(app).await;
    go(app, View::Draft);
}

/// Writes the draft again for the current kind, channel and person.
async fn refetch(app: &App) {
    let Some(d) = app.state.borrow().draft.clone() else {
        return;
    };
    let result =
        super::app::fetch_draft(&d.interview, d.interviewer.as_deref(), d.kind, d.channel).await;
    let mut state = app.state.borrow_mut();
    if let Some(cur) = state.draft.as_mut() {
        match result {
            Ok(draft) => {
                cur.subject = draft.subject.unwrap_or_default();
                cur.body = draft.body;
                cur.to = draft.to;
                cur.findings = draft.findings;
                cur.error = None;
            }
            Err(e) => {
                cur.error = Some(e.to_string());
                cur.body.clear();
                cur.findings.clear();
            }
        }
    }
}

super::app::screen!(
    /// The draft preview.
    render,
    action,
    on_input
);

/// Builds the screen.
fn render(app: &App) -> Dom {
    let doc = &app.doc;
    let state = app.state.borrow();
    let Some(d) = &state.draft else {
        add(
            &app.main,
            el(doc, "h2", &[("tabindex", "-1")], Some("No draft open"))?,
        )?;
        return Ok(());
    };
    let interview = state.store.interview(&d.interview);
    let person = interview.and_then(|i| i.person(d.interviewer.as_deref()));
    add(
        &app.main,
        button(doc, "← Back to the list", Action::Back, "quiet back")?,
    )?;
    let who = person
        .map(|p| p.name.clone())
        .or_else(|| interview.map(|i| i.company.clone()))
        .unwrap_or_default();
    add(
        &app.main,
        el(
            doc,
            "h2",
            &[("tabindex", "-1")],
            Some(&format!("{} to {who}", kind_label(d.kind))),
        )?,
    )?;
    if let Some(i) = interview {
        add(
            &app.main,
            el(doc, "p", &[("class", "meta")], Some(&context(i)))?,
        )?;
    }
    // What is written, how and to whom, in one line: the message gets the room. Open while the
    // user is changing them, or when no draft could be written (the fix is another choice).
    let channel_label = CHANNELS
        .iter()
        .find(|(v, _)| *v == d.channel.as_str())
        .map_or("", |(_, label)| label);
    let mut summary = format!("{} · {channel_label}", kind_label(d.kind));
    if let Some(p) = person.filter(|_| interview.is_some_and(|i| i.interviewers.len() > 1)) {
        summary.push_str(&format!(" · {}", p.name));
    }
    let choices = add(
        &app.main,
        el(doc, "details", &[("class", "choices")], None)?,
    )?;
    if d.choosing || d.error.is_some() {
        choices.set_attribute("open", "")?;
    }
    let line = add(&choices, el(doc, "summary", &[], None)?)?;
    add(
        &line,
        el(doc, "span", &[("class", "chosen")], Some(&summary))?,
    )?;
    add(
        &line,
        el(doc, "span", &[("class", "change")], Some("Change"))?,
    )?;
    let row = add(
        &choices,
        el(doc, "div", &[("class", "choice-fields")], None)?,
    )?;
    let kinds: Vec<(&str, &str)> = Kind::DRAFTABLE
        .iter()
        .map(|k| (k.as_str(), kind_label(*k)))
        .collect();
    field(
        doc,
        &row,
        "draft-kind",
        "Kind",
        Control::Select(&kinds),
        d.kind.as_str(),
        None,
        &[],
    )?;
    field(
        doc,
        &row,
        "draft-channel",
        "Channel",
        Control::Select(CHANNELS),
        d.channel.as_str(),
        None,
        &[],
    )?;
    if let Some(i) = interview.filter(|i| i.interviewers.len() > 1) {
        let people: Vec<(&str, &str)> = i
            .interviewers
            .iter()
            .map(|p| (p.id.as_str(), p.name.as_str()))
            .collect();
        let current = person.map(|p| p.id.as_str()).unwrap_or("");
        field(
            doc,
            &row,
            "draft-person",
            "Person",
            Control::Select(&people),
            current,
            None,
            &[],
        )?;
    }
    if let Some(e) = &d.error {
        add(
            &app.main,
            el(doc, "p", &[("class", "notice"), ("role", "alert")], Some(e))?,
        )?;
        return Ok(());
    }
    if let Some(to) = &d.to {
        add(
            &app.main,
            el(doc, "p", &[("class", "to")], Some(&format!("To: {to}")))?,
        )?;
    }
    if d.channel == Channel::Email {
        field(
            doc,
            &app.main,
            "draft-subject",
            "Subject",
            Control::Input("text"),
            &d.subject,
            None,
            &[],
        )?;
    }
    let used = characters_used(&d.body, d.channel);
    field(
        doc,
        &app.main,
        "draft-body",
        "Message",
        Control::Text(11),
        &d.body,
        used.as_ref().map(|(words, _)| words.as_str()),
        &[("spellcheck", "true")],
    )?;
    show_used(app, used);
    let findings = add(
        &app.main,
        el(
            doc,
            "div",
            &[
                ("class", "findings"),
                ("id", "draft-findings"),
                ("data-for", &html::field_id("draft-body")),
            ],
            None,
        )?,
    )?;
    render_findings(app, &findings, &d.body, &d.findings, true)?;
    let actions = add(
        &app.main,
        el(doc, "div", &[("class", "actions sticky")], None)?,
    )?;
    match d.channel {
        Channel::Email => {
            add(
                &actions,
                button(doc, "Open in Gmail", Action::DraftGmail, "primary")?,
            )?;
        }
        Channel::Linkedin | Channel::LinkedinNote
            if d.to.as_deref().is_some_and(|t| t.starts_with("https://")) =>
        {
            add(
                &actions,
                button(
                    doc,
                    "Copy and open LinkedIn",
                    Action::DraftLinkedin,
                    "primary",
                )?,
            )?;
        }
        _ => {}
    }
    add(&actions, button(doc, "Copy", Action::DraftCopy, "")?)?;
    add(
        &actions,
        button(doc, "Mark sent", Action::DraftSent, "quiet")?,
    )?;
    Ok(())
}

/// Puts how much of the channel's limit the message uses in its hint, marked when it is over.
fn show_used(app: &App, used: Option<(String, bool)>) {
    let (Some((words, over)), Some(hint)) = (
        used,
        app.doc
            .get_element_by_id(&format!("h-{}", html::field_id("draft-body"))),
    ) else {
        return;
    };
    hint.set_text_content(Some(&words));
    let _ = hint.set_attribute("class", if over { "hint over" } else { "hint" });
}

/// Re-checks the edited draft and redraws the findings (a late answer never wins).
async fn relint(app: &App) {
    let (seq, d, name) = {
        let mut state = app.state.borrow_mut();
        state.seq += 1;
        let Some(d) = state.draft.clone() else { return };
        let name = state
            .store
            .interview(&d.interview)
            .and_then(|i| i.person(d.interviewer.as_deref()))
            .map(|p| p.name.clone());
        (state.seq, d, name)
    };
    let subject = (d.channel == Channel::Email).then_some(d.subject.as_str());
    // The same facts the in-page helper checks with: the interview's and this person's.
    let for_whom = Some((d.interview.as_str(), d.interviewer.as_deref()));
    let result = lint(
        &d.body,
        Some(d.kind),
        d.channel,
        subject,
        name.as_deref(),
        for_whom,
    )
    .await;
    if app.state.borrow().seq != seq {
        return;
    }
    match result {
        Ok(findings) => {
            if let Some(cur) = app.state.borrow_mut().draft.as_mut() {
                cur.findings = findings.clone();
            }
            if let Some(into) = app.doc.get_element_by_id("draft-findings") {
                let _ = render_findings(app, &into, &d.body, &findings, true);
            }
        }
        Err(e) => say(app, &format!("The wording was not checked. {e}"), "error"),
    }
}

/// Edits re-check; kind, channel and person changes write a new draft.
fn on_input(app: &App, target: &Element, kind: &str) {
    let name = target.get_attribute("name").unwrap_or_default();
    let value = html::prop_string(target, "value");
    match (name.as_str(), kind) {
        ("draft-body" | "draft-subject", "input") => {
            let used = app.state.borrow_mut().draft.as_mut().and_then(|d| {
                if name == "draft-body" {
                    d.body = value;
                    characters_used(&d.body, d.channel)
                } else {
                    d.subject = value;
                    None
                }
            });
            show_used(app, used);
            let app = super::app::app();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(app) = app {
                    relint(&app).await;
                }
            });
        }
        ("draft-kind" | "draft-channel" | "draft-person", "change") => {
            if let Some(d) = app.state.borrow_mut().draft.as_mut() {
                d.choosing = true;
                match name.as_str() {
                    "draft-kind" => d.kind = value.parse().unwrap_or(d.kind),
                    "draft-channel" => d.channel = value.parse().unwrap_or(d.channel),
                    _ => d.interviewer = Some(value),
                }
            }
            let app = super::app::app();
            let focus = name.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(app) = app {
                    refetch(&app).await;
                    super::app::render(&app);
                    if let Some(e) = app.doc.get_element_by_id(&html::field_id(&focus)) {
                        html::focus(&e);
                    }
                }
            });
        }
        _ => {}
    }
}

/// Handles this screen's actions; false when `action` is not one of them.
async fn action(app: &App, action: Action, _button: &Element) {
    let d = app.state.borrow().draft.clone();
    match (action, d) {
        (Action::Back, _) => go(app, View::Due),
        (Action::DraftCopy, Some(d)) => {
            if super::app::copy_text(app, &d.body).await {
                let subject = (d.channel == Channel::Email).then_some(d.subject.as_str());
                say(app, &super::app::copied(subject), "ok");
            } else {
                say(
                    app,
                    "The browser did not allow copying; select the message and press Ctrl+C.",
                    "error",
                );
            }
        }
        (Action::DraftGmail, Some(d)) => {
            // The worker opens the compose; the text waits for its in-page helper (never in
            // the URL, where it would stay in the browser's history).
            let edited = Some((Some(d.subject.clone()), d.body.clone()));
            let who = d.interviewer.as_deref();
            match client::open(&d.interview, who, d.kind, Channel::Email, edited).await {
                Ok(_) => say(app, "Opened a Gmail draft in a new tab.", "ok"),
                Err(e) => say(app, &format!("Gmail was not opened. {e}"), "error"),
            }
        }
        (Action::DraftLinkedin, Some(d)) => {
            let copied = super::app::copy_text(app, &d.body).await;
            match crate::web::chrome::open_tab(&linkedin_url(d.to.as_deref())).await {
                Ok(_) if copied => say(app, "Message copied; paste it into LinkedIn.", "ok"),
                Ok(_) => say(app, "Opened LinkedIn; copy the message from here.", "ok"),
                Err(e) => say(app, &format!("LinkedIn was not opened. {e}"), "error"),
            }
        }
        (Action::DraftSent, Some(d)) => {
            let event = Event::sent(d.kind, d.interviewer.as_deref(), now());
            super::app::record(app, &d.interview, event, "Marked as sent.").await;
        }
        _ => {}
    }
}
