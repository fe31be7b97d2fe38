//! "Add / edit interview": the form, kept in Web Storage as it is typed, validated in plain
//! words next to each field, saved through the worker.

use super::app::{go, now, reload, save_form, say, Action, App, View};
use super::html::{self, add, button, el, field, Control, Dom};
use crate::ui::form::{InterviewForm, MAX_PEOPLE};
use crate::web::client;
use web_sys::Element;

const FORMATS: &[(&str, &str)] = &[
    ("", "Not set"),
    ("video", "Video call"),
    ("phone", "Phone call"),
    ("onsite", "In person"),
];
const STAGES: &[(&str, &str)] = &[
    ("", "Not set"),
    ("screen", "Recruiter screen"),
    ("first-round", "First round"),
    ("final", "Final round"),
    ("other", "Other"),
];
const INDUSTRIES: &[(&str, &str)] = &[
    ("", "Not set"),
    ("tech", "Tech"),
    ("startup", "Startup"),
    ("retail", "Retail"),
    ("hospitality", "Hospitality"),
    ("finance", "Finance"),
    ("healthcare", "Healthcare"),
    ("government", "Government"),
    ("education", "Education"),
    ("corporate", "Corporate"),
    ("other", "Other"),
];

/// Before showing the form for a new interview: a blank form gets the current time.
pub(crate) fn prepare(app: &App) {
    let mut state = app.state.borrow_mut();
    if state.form.is_blank() {
        state.form = InterviewForm::new_at(now());
        state.invite_notes = None;
        state.form_errors.clear();
        state.touched.clear();
        state.tried = false;
    }
}

/// Opens the form on a stored interview.
pub(crate) fn edit(app: &App, id: &str) {
    {
        let mut state = app.state.borrow_mut();
        let Some(interview) = state.store.interview(id).cloned() else {
            return;
        };
        state.form = InterviewForm::from_interview(&interview);
        state.form_errors.clear();
        state.touched.clear();
        state.tried = false;
        save_form(&state.form);
    }
    go(app, View::Form);
}

super::app::screen!(
    /// The interview form.
    render,
    action,
    on_input
);

/// Builds the screen.
fn render(app: &App) -> Dom {
    let doc = &app.doc;
    let state = app.state.borrow();
    let f = &state.form;
    let editing = !f.id.is_empty();
    let form = add(
        &app.main,
        el(
            doc,
            "form",
            &[
                ("data-form", "interview"),
                ("novalidate", ""),
                ("class", "form"),
            ],
            None,
        )?,
    )?;
    let title = if editing {
        "Edit interview"
    } else {
        "Add an interview"
    };
    add(&form, el(doc, "h2", &[("tabindex", "-1")], Some(title))?)?;
    add(
        &form,
        el(
            doc,
            "p",
            &[("class", "lead")],
            Some("Only the company, role and time are needed; the rest makes the drafts personal. What you type is kept if the popup closes."),
        )?,
    )?;
    if !editing {
        invitation_control(doc, &form, state.invite_notes.as_deref())?;
    }
    let about = add(&form, el(doc, "fieldset", &[], None)?)?;
    add(&about, el(doc, "legend", &[], Some("The interview"))?)?;
    field(
        doc,
        &about,
        "company",
        "Company",
        Control::Input("text"),
        &f.company,
        None,
        &[("autocomplete", "organization"), ("required", "")],
    )?;
    field(
        doc,
        &about,
        "role",
        "Role",
        Control::Input("text"),
        &f.role,
        None,
        &[("autocomplete", "organization-title"), ("required", "")],
    )?;
    field(
        doc,
        &about,
        "at",
        "Date and time",
        Control::Input("datetime-local"),
        &f.at,
        None,
        &[("required", "")],
    )?;
    let row = add(&about, el(doc, "div", &[("class", "row")], None)?)?;
    field(
        doc,
        &row,
        "format",
        "Format",
        Control::Select(FORMATS),
        &f.format,
        None,
        &[],
    )?;
    field(
        doc,
        &row,
        "stage",
        "Stage",
        Control::Select(STAGES),
        &f.stage,
        None,
        &[],
    )?;
    field(
        doc,
        &about,
        "industry",
        "Industry",
        Control::Select(INDUSTRIES),
        &f.industry,
        Some("Sets how long to wait for news: finance or government take longer than tech."),
        &[],
    )?;
    field(
        doc,
        &about,
        "decision_by",
        "Decision date (optional)",
        Control::Input("date"),
        &f.decision_by,
        Some("If they said when they will decide."),
        &[],
    )?;
    field(
        doc,
        &about,
        "skills",
        "Your skills that fit",
        Control::Input("text"),
        &f.skills,
        Some("Separate with commas, e.g. SQL, user research."),
        &[],
    )?;
    field(
        doc,
        &about,
        "promised",
        "Things you promised to send",
        Control::Input("text"),
        &f.promised,
        Some("e.g. portfolio link, references."),
        &[],
    )?;

    let people = add(&form, el(doc, "fieldset", &[("class", "people")], None)?)?;
    add(&people, el(doc, "legend", &[], Some("People you met"))?)?;
    for (i, p) in f.people.iter().enumerate() {
        let n = i + 1;
        let hid = format!("person-{i}");
        let card = add(
            &people,
            el(
                doc,
                "div",
                &[
                    ("class", "person"),
                    ("role", "group"),
                    ("aria-labelledby", &hid),
                    ("data-person", &i.to_string()),
                ],
                None,
            )?,
        )?;
        let head = add(&card, el(doc, "div", &[("class", "person-head")], None)?)?;
        let name = if p.name.trim().is_empty() {
            format!("Person {n}")
        } else {
            p.name.trim().to_string()
        };
        add(&head, el(doc, "h3", &[("id", &hid)], Some(&name))?)?;
        if f.people.len() > 1 {
            let remove = add(&head, button(doc, "Remove", Action::RemovePerson, "quiet")?)?;
            remove.set_attribute("aria-label", &format!("Remove {name}"))?;
        }
        let key = |k: &str| format!("people.{i}.{k}");
        field(
            doc,
            &card,
            &key("name"),
            "Name",
            Control::Input("text"),
            &p.name,
            None,
            &[("autocomplete", "off")],
        )?;
        field(
            doc,
            &card,
            &key("title"),
            "Job title",
            Control::Input("text"),
            &p.title,
            None,
            &[("autocomplete", "off")],
        )?;
        field(
            doc,
            &card,
            &key("email"),
            "Email",
            Control::Input("email"),
            &p.email,
            None,
            &[("autocomplete", "off")],
        )?;
        field(
            doc,
            &card,
            &key("linkedin"),
            "LinkedIn profile",
            Control::Input("url"),
            &p.linkedin,
            None,
            &[
                ("autocomplete", "off"),
                ("placeholder", "https://www.linkedin.com/in/…"),
            ],
        )?;
        field(
            doc,
            &card,
            &key("topics"),
            "What you talked about",
            Control::Text(2),
            &p.topics,
            Some("What they told you about or asked you, one per line (e.g. “the onboarding revamp planned for Q1”): their thank-you mentions it."),
            &[],
        )?;
        let radio_id = format!("f-primary-{i}");
        let label = add(
            &card,
            el(
                doc,
                "label",
                &[("class", "check"), ("for", &radio_id)],
                None,
            )?,
        )?;
        let radio = add(
            &label,
            el(
                doc,
                "input",
                &[
                    ("type", "radio"),
                    ("name", "primary"),
                    ("id", &radio_id),
                    ("value", &i.to_string()),
                ],
                None,
            )?,
        )?;
        html::set_prop(&radio, "checked", &p.primary.into());
        add(
            &label,
            el(
                doc,
                "span",
                &[],
                Some("Main contact (gets the status check)"),
            )?,
        )?;
    }
    if f.people.len() < MAX_PEOPLE {
        add(
            &people,
            button(doc, "Add another person", Action::AddPerson, "")?,
        )?;
    }
    add(
        &people,
        el(
            doc,
            "p",
            &[("class", "error"), ("id", "e-f-people"), ("hidden", "")],
            None,
        )?,
    )?;

    let actions = add(&form, el(doc, "div", &[("class", "actions sticky")], None)?)?;
    add(
        &actions,
        el(
            doc,
            "button",
            &[("type", "submit"), ("class", "primary")],
            Some(if editing {
                "Save changes"
            } else {
                "Save interview"
            }),
        )?,
    )?;
    add(
        &actions,
        button(
            doc,
            if editing { "Cancel" } else { "Clear form" },
            Action::ClearForm,
            "quiet",
        )?,
    )?;
    let shown: Vec<_> = state
        .form_errors
        .iter()
        .filter(|e| state.tried || state.touched.contains(&e.field))
        .cloned()
        .collect();
    html::show_errors(&form, &shown);
    Ok(())
}

/// Reads every control of the form into the state.
fn read(app: &App) {
    let Some(form) = app
        .main
        .query_selector("form[data-form='interview']")
        .ok()
        .flatten()
    else {
        return;
    };
    let mut state = app.state.borrow_mut();
    for control in crate::web::dom::query_all(&form, "[name]") {
        let name = control.get_attribute("name").unwrap_or_default();
        if control.get_attribute("type").as_deref() == Some("radio") {
            if html::prop_bool(&control, "checked") {
                state.form.set(&name, &html::prop_string(&control, "value"));
            }
        } else {
            state.form.set(&name, &html::prop_string(&control, "value"));
        }
    }
}

/// Validates without saving, for the messages next to the fields.
fn check(app: &App) {
    let mut state = app.state.borrow_mut();
    let taken: Vec<String> = state
        .store
        .interviews
        .iter()
        .map(|i| i.id.clone())
        .collect();
    let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
    let existing = state.store.interview(&state.form.id).cloned();
    state.form_errors = match state
        .form
        .to_interview(existing.as_ref(), &taken, *now().offset())
    {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    };
}

fn show(app: &App) {
    let state = app.state.borrow();
    let shown: Vec<_> = state
        .form_errors
        .iter()
        .filter(|e| state.tried || state.touched.contains(&e.field))
        .cloned()
        .collect();
    if let Some(form) = app.main.query_selector("form").ok().flatten() {
        html::show_errors(&form, &shown);
    }
}

/// "Fill in from a calendar invitation": a file control (a drop or a paste on the form does the
/// same), and what to check after a fill.
fn invitation_control(doc: &web_sys::Document, form: &Element, notes: Option<&[String]>) -> Dom {
    let box_ = field(
        doc,
        form,
        "invite-file",
        "Fill in from a calendar invitation",
        Control::Input("file"),
        "",
        Some("Choose the invitation's .ics file, drop it on this form, or paste its text (BEGIN:VCALENDAR…) into any field. You check the form before saving."),
        &[("accept", ".ics,text/calendar")],
    )?
    .parent_element()
    .ok_or("no field")?;
    box_.class_list().add_1("invite")?;
    // Once filled: what to check, and a Save right there, which the focus goes to (from the
    // keyboard, the fields follow it; Save at the end of the form is a long way down).
    if let Some(notes) = notes {
        let panel = add(
            &box_,
            el(doc, "div", &[("class", "notice"), ("role", "note")], None)?,
        )?;
        let head = if notes.is_empty() {
            "Filled in from the invitation."
        } else {
            "Filled in from the invitation. Check:"
        };
        add(&panel, el(doc, "p", &[], Some(head))?)?;
        if !notes.is_empty() {
            let list = add(&panel, el(doc, "ul", &[], None)?)?;
            for n in notes {
                add(&list, el(doc, "li", &[], Some(n))?)?;
            }
        }
        add(
            &panel,
            el(
                doc,
                "button",
                &[
                    ("type", "submit"),
                    ("class", "primary"),
                    ("id", "invite-save"),
                ],
                Some("Save as filled in"),
            )?,
        )?;
    }
    Ok(())
}

/// Fills the form from an invitation's text (chosen, dropped or pasted), keeping what was typed
/// for Undo; says why when the text is not an invitation.
pub(crate) fn fill_from_invitation(app: &App, text: &str) {
    match crate::ui::invite::read(text) {
        Ok(invitation) => fill_with(app, &invitation, None),
        Err(e) => say(app, &format!("{e} The form is unchanged."), "error"),
    }
}

/// What the form says when it was filled from the message in Gmail rather than the file.
const FROM_MESSAGE: &str = "Read from the message in Gmail, not from its .ics file: check the time and the people. The file (download it from the message and drop it here) fills in every guest exactly.";

/// "Track this interview" in Gmail: the popup opened at `#invitation` takes the message the
/// worker keeps for it (once) and fills the form from it.
pub(crate) async fn take_invitation(app: &App) {
    let key = crate::page::invited::SESSION_KEY;
    let kept = crate::web::storage::session_text(key).await;
    let _ = crate::web::storage::set_session_text(key, "null").await;
    if let Some(w) = web_sys::window() {
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some("popup.html"),
            );
        }
    }
    // The worker keeps the request itself, read here with the decoder the worker uses.
    let message = match kept
        .ok()
        .flatten()
        .map(|t| crate::protocol::decode_request(&t))
    {
        Some(Ok(crate::protocol::Request::PageInvitation(
            crate::protocol::PageInvitationRequest { message },
        ))) => Some(message),
        _ => None,
    };
    let Some(message) = message else {
        say(
            app,
            "No invitation is waiting any more (each is taken once). Open the message in Gmail and choose “Track this interview” again.",
            "error",
        );
        return;
    };
    go(app, View::Form);
    match crate::ui::invite::from_message(&message, now().date_naive()) {
        Ok(invitation) => fill_with(app, &invitation, Some(FROM_MESSAGE)),
        Err(e) => say(app, &format!("{e} The form is unchanged."), "error"),
    }
}

/// Fills the form from an invitation, keeping what was typed for Undo; `first_note` goes
/// before what the invitation leaves to check.
fn fill_with(app: &App, invitation: &crate::ui::invite::Invitation, first_note: Option<&str>) {
    // Leave the focused field first: its focusout reads the form as typed now, not while the
    // filled form replaces it.
    if let Some(focused) = app
        .doc
        .active_element()
        .and_then(|e| html::cast::<web_sys::HtmlElement>(&e))
    {
        let _ = focused.blur();
    }
    read(app);
    let was = {
        let mut state = app.state.borrow_mut();
        let me = crate::ui::invite::Me {
            name: state.store.profile.name.clone().unwrap_or_default(),
            email: state.store.profile.email.clone().unwrap_or_default(),
        };
        let filled = crate::ui::invite::prefill(invitation, &me, *now().offset());
        let mut notes = filled.notes;
        if let Some(first) = first_note {
            notes.insert(0, first.to_string());
        }
        let mut form = filled.form;
        if form.people.is_empty() {
            form.people = InterviewForm::new_at(now()).people;
        }
        let was = std::mem::replace(&mut state.form, form);
        let was_notes = state.invite_notes.replace(notes);
        state.form_errors.clear();
        state.touched.clear();
        state.tried = false;
        save_form(&state.form);
        (was, was_notes)
    };
    super::app::render(app);
    if let Some(save) = app.main.query_selector("#invite-save").ok().flatten() {
        html::focus(&save);
    }
    let text = "Filled in from the invitation; check it, then save.";
    let (was, was_notes) = was;
    if was.is_blank() {
        say(app, text, "ok");
    } else {
        let undo = super::app::Undo::Form(Box::new(was), was_notes);
        super::app::say_undoable(app, text, undo);
    }
}

/// Reads a chosen or dropped invitation file, then fills the form from it.
pub(crate) fn fill_from_file(file: web_sys::File) {
    wasm_bindgen_futures::spawn_local(async move {
        let Some(app) = super::app::app() else { return };
        let too_big = crate::ui::invite::InviteError::TooBig.to_string();
        let max = crate::ui::invite::MAX_BYTES as f64;
        if let Some(text) = super::app::read_file(&app, &file, max, &too_big).await {
            fill_from_invitation(&app, &text);
        }
    });
}

/// Typing keeps the form; leaving a changed field checks it.
fn on_input(app: &App, target: &Element, kind: &str) {
    let Some(name) = target.get_attribute("name") else {
        return;
    };
    if name == "invite-file" {
        if kind == "change" {
            let file = html::cast::<web_sys::HtmlInputElement>(target)
                .and_then(|i| i.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                fill_from_file(file);
            }
        }
        return;
    }
    read(app);
    save_form(&app.state.borrow().form);
    if kind == "change" || kind == "focusout" {
        let mut state = app.state.borrow_mut();
        let was_set = !html::prop_string(target, "value").trim().is_empty();
        if (kind == "change" || was_set) && !state.touched.contains(&name) {
            state.touched.push(name.clone());
        }
    }
    if kind != "input" || app.state.borrow().tried {
        check(app);
        show(app);
    }
    if name.ends_with(".name") && kind != "input" {
        // Keep the person's heading in step with their name.
        if let Some(card) = target.closest("[data-person]").ok().flatten() {
            if let Some(h) = card.query_selector("h3").ok().flatten() {
                let value = html::prop_string(target, "value");
                if !value.trim().is_empty() {
                    h.set_text_content(Some(value.trim()));
                }
            }
        }
    }
}

/// Saves the interview, or shows what to fix.
pub(crate) async fn submit(app: &App) {
    read(app);
    app.state.borrow_mut().tried = true;
    check(app);
    let problems = app.state.borrow().form_errors.len();
    if problems > 0 {
        show(app);
        let form = app.main.query_selector("form").ok().flatten();
        let state = app.state.borrow();
        if let Some(first) = form.and_then(|f| html::show_errors(&f, &state.form_errors)) {
            html::focus(&first);
        }
        let what = if problems == 1 {
            "1 field needs".to_string()
        } else {
            format!("{problems} fields need")
        };
        say(
            app,
            &format!("Not saved yet: {what} a fix (see the notes in red)."),
            "error",
        );
        return;
    }
    let (interview, before) = {
        let state = app.state.borrow();
        let taken: Vec<&str> = state
            .store
            .interviews
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        let existing = state.store.interview(&state.form.id);
        match state.form.to_interview(existing, &taken, *now().offset()) {
            Ok(i) => (i, existing.cloned()),
            Err(_) => return,
        }
    };
    match client::upsert_interview(&interview).await {
        Ok(saved) => {
            super::app::forget_form();
            {
                let mut state = app.state.borrow_mut();
                state.form = InterviewForm::new_at(now());
                state.invite_notes = None;
                state.form_errors.clear();
                state.touched.clear();
                state.tried = false;
            }
            reload(app).await;
            go(app, View::Due);
            let next = {
                let state = app.state.borrow();
                state
                    .items
                    .iter()
                    .find(|d| d.interview == interview.id)
                    .map(|d| {
                        format!(
                            " First follow-up {}.",
                            crate::when::when_words(d.due, now())
                        )
                    })
                    .unwrap_or_default()
            };
            let verb = if before.is_some() {
                "Saved the changes to"
            } else {
                "Added"
            };
            let undo = match before {
                Some(was) => super::app::Undo::Restore(Box::new(was)),
                None => super::app::Undo::Added(saved.id),
            };
            super::app::say_undoable(
                app,
                &format!("{verb} {} at {}.{next}", interview.role, interview.company),
                undo,
            );
        }
        Err(e) => say(app, &format!("Not saved; your form is kept. {e}"), "error"),
    }
}

/// Handles this screen's actions; false when `action` is not one of them.
async fn action(app: &App, action: Action, button: &Element) {
    match action {
        Action::AddPerson => {
            read(app);
            let index = {
                let mut state = app.state.borrow_mut();
                state.form.add_person();
                save_form(&state.form);
                state.form.people.len() - 1
            };
            super::app::render(app);
            if let Some(input) = app.doc.get_element_by_id(&format!("f-people-{index}-name")) {
                html::focus(&input);
            }
        }
        Action::RemovePerson => {
            read(app);
            let index = button
                .closest("[data-person]")
                .ok()
                .flatten()
                .and_then(|c| c.get_attribute("data-person"))
                .and_then(|i| i.parse::<usize>().ok());
            if let Some(index) = index {
                let mut state = app.state.borrow_mut();
                state.form.remove_person(index);
                save_form(&state.form);
            }
            super::app::render(app);
            say(app, "Person removed from the form.", "ok");
        }
        Action::ClearForm => {
            read(app);
            let (editing, was, was_notes) = {
                let state = app.state.borrow();
                let notes = state.invite_notes.clone();
                (!state.form.id.is_empty(), state.form.clone(), notes)
            };
            // A form with something typed in it is cleared on the second press (and can
            // still be taken back after).
            if !editing
                && !was.is_blank()
                && super::app::asked_first(
                    app,
                    button,
                    "Clear everything typed?",
                    "Press Clear again to empty the form; Undo brings it back.",
                )
            {
                return;
            }
            super::app::forget_form();
            {
                let mut state = app.state.borrow_mut();
                state.form = InterviewForm::new_at(now());
                state.invite_notes = None;
                state.form_errors.clear();
                state.touched.clear();
                state.tried = false;
            }
            if editing {
                go(app, View::Due);
            } else {
                super::app::render(app);
            }
            // Nothing typed is lost for good: Undo brings the form back as it was.
            if !was.is_blank() {
                let text = if editing {
                    "Editing cancelled."
                } else {
                    "Form cleared."
                };
                let undo = super::app::Undo::Form(Box::new(was), was_notes);
                super::app::say_undoable(app, text, undo);
            } else if !editing {
                say(app, "Form cleared.", "ok");
            }
        }
        _ => {}
    }
}
