//! Settings (name, email, phone, signature, extra holidays) and Data (export JSON, import JSON
//! with a preview of what changes, export .ics, delete everything after a confirmation).

use super::app::{now, reload, say, Action, App};
use super::html::{self, add, button, el, field, Control, Dom};
use crate::ui::data::{
    count, export_file_name, import_error_words, import_problems, ImportPreview,
};
use crate::ui::form::ProfileForm;
use crate::web::client;
use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// Largest file accepted for import (an export of 1,000 interviews is well under 1 MB).
const MAX_IMPORT_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

super::app::screen!(
    /// Settings and data.
    render,
    action,
    on_input
);

/// Builds the screen.
fn render(app: &App) -> Dom {
    let doc = &app.doc;
    let state = app.state.borrow();
    // Settings typed and not saved come back as typed (after a switch of tab or a reopen).
    let p = state
        .settings_draft
        .clone()
        .unwrap_or_else(|| ProfileForm::from_profile(&state.store.profile));
    let form = add(
        &app.main,
        el(
            doc,
            "form",
            &[
                ("data-form", "settings"),
                ("novalidate", ""),
                ("class", "form"),
            ],
            None,
        )?,
    )?;
    add(
        &form,
        el(doc, "h2", &[("tabindex", "-1")], Some("Settings"))?,
    )?;
    let you = add(&form, el(doc, "fieldset", &[], None)?)?;
    add(&you, el(doc, "legend", &[], Some("You (for signatures)"))?)?;
    field(
        doc,
        &you,
        "name",
        "Your name",
        Control::Input("text"),
        &p.name,
        None,
        &[("autocomplete", "name")],
    )?;
    field(
        doc,
        &you,
        "email",
        "Your email",
        Control::Input("email"),
        &p.email,
        None,
        &[("autocomplete", "email")],
    )?;
    field(
        doc,
        &you,
        "phone",
        "Your phone",
        Control::Input("tel"),
        &p.phone,
        None,
        &[("autocomplete", "tel")],
    )?;
    field(
        doc,
        &you,
        "signature",
        "Signature",
        Control::Text(3),
        &p.signature,
        Some("Ends every email draft."),
        &[],
    )?;
    field(doc, &you, "holidays", "Extra days off", Control::Text(2), &p.holidays, Some("Dates not counted as business days, e.g. 2026-12-24, one per line. US federal holidays are already known."), &[])?;
    field(
        doc,
        &you,
        "notification_details",
        "Reminders show",
        Control::Select(&[
            ("false", "Only that a follow-up is due"),
            ("true", "The company, role and person"),
        ]),
        if p.notification_details { "true" } else { "false" },
        Some("Reminders can pop up while you share your screen; with names off, the details are here in the popup."),
        &[],
    )?;
    field(
        doc,
        &you,
        "record_sent_by_hand",
        "Sent follow-ups",
        Control::Select(&[
            ("false", "Noticed when you send them from Gmail or LinkedIn"),
            ("true", "Marked sent by hand, here"),
        ]),
        if p.record_sent_by_hand { "true" } else { "false" },
        Some("A message you send to a tracked interviewer is marked sent with an Undo; nothing else on the page is read."),
        &[],
    )?;
    let actions = add(&form, el(doc, "div", &[("class", "actions")], None)?)?;
    add(
        &actions,
        el(
            doc,
            "button",
            &[("type", "submit"), ("class", "primary")],
            Some("Save settings"),
        )?,
    )?;
    html::show_errors(&form, &state.profile_errors);
    sync_section(app, &state)?;

    let data = headed_section(app, "data", "data-h", "Your data")?;
    add(
        &data,
        el(
            doc,
            "p",
            &[("class", "lead")],
            Some(&format!(
                "{} stored in this browser only. Nothing is sent anywhere.",
                count(state.store.interviews.len(), "interview")
            )),
        )?,
    )?;
    let row = add(&data, el(doc, "div", &[("class", "actions")], None)?)?;
    add(&row, button(doc, "Export JSON", Action::ExportJson, "")?)?;
    add(
        &row,
        button(doc, "Export calendar (.ics)", Action::ExportIcs, "")?,
    )?;
    let import = add(&data, el(doc, "div", &[("class", "field")], None)?)?;
    add(
        &import,
        el(
            doc,
            "label",
            &[("for", "f-import-file")],
            Some("Import a JSON export"),
        )?,
    )?;
    add(
        &import,
        el(
            doc,
            "input",
            &[
                ("type", "file"),
                ("id", "f-import-file"),
                ("name", "import-file"),
                ("accept", ".json,application/json"),
                ("aria-describedby", "h-import"),
            ],
            None,
        )?,
    )?;
    add(
        &import,
        el(
            doc,
            "p",
            &[("class", "hint"), ("id", "h-import")],
            Some("A backup is added to what is here: nothing here is deleted or overwritten, and you see what it adds first."),
        )?,
    )?;
    if !state.import_problems.is_empty() {
        import_panel(
            doc,
            &data,
            "notice",
            "This file was not imported; your data is unchanged:",
            &state.import_problems,
        )?;
    }
    if let Some((_, preview)) = &state.import {
        let panel = import_panel(
            doc,
            &data,
            "confirm",
            "Importing this file will:",
            &preview.lines(),
        )?;
        let row = add(&panel, el(doc, "div", &[("class", "actions")], None)?)?;
        add(
            &row,
            button(
                doc,
                "Add this file to my data",
                Action::ImportConfirm,
                "primary",
            )?,
        )?;
        add(&row, button(doc, "Cancel", Action::ImportCancel, "quiet")?)?;
    }
    let danger = add(&data, el(doc, "div", &[("class", "danger-zone")], None)?)?;
    if state.confirm_delete {
        let heading = format!(
            "Delete {} and your settings?",
            count(state.store.interviews.len(), "interview")
        );
        let panel = headed_panel(
            doc,
            &danger,
            ("confirm", "alertdialog"),
            "delete-h",
            &heading,
        )?;
        add(
            &panel,
            el(
                doc,
                "p",
                &[],
                Some(if state.sync.as_ref().is_some_and(|s| s.on) {
                    "This cannot be undone. Export first if you might need them again. The \
                     synced copy goes too: your other devices keep their data and stop syncing."
                } else {
                    "This cannot be undone. Export first if you might need them again."
                }),
            )?,
        )?;
        let row = add(&panel, el(doc, "div", &[("class", "actions")], None)?)?;
        add(&row, button(doc, "Keep my data", Action::DeleteCancel, "")?)?;
        add(
            &row,
            button(doc, "Delete everything", Action::DeleteConfirm, "danger")?,
        )?;
    } else {
        add(
            &danger,
            button(doc, "Delete everything…", Action::DeleteAll, "quiet danger")?,
        )?;
    }
    Ok(())
}

/// A section of the screen (`class`) under its heading (`id`, `title`).
fn headed_section(app: &App, class: &str, id: &str, title: &str) -> Dom<Element> {
    let section = add(
        &app.main,
        el(
            &app.doc,
            "section",
            &[("class", class), ("aria-labelledby", id)],
            None,
        )?,
    )?;
    add(&section, el(&app.doc, "h2", &[("id", id)], Some(title))?)?;
    Ok(section)
}

/// "Sync across your devices": off, a passphrase (its strength said as it is typed) and Turn
/// on; on, how it goes and Turn off.
fn sync_section(app: &App, state: &super::app::State) -> Dom {
    let doc = &app.doc;
    let section = headed_section(app, "data sync", "sync-h", "Sync across your devices")?;
    let report = state.sync.clone().unwrap_or_default();
    // Why sync is paused (an alert while it is on) or stopped (said once it is off).
    let problem = |section: &Element, role: &str| -> Dom {
        if let Some(text) = &report.problem {
            let attrs = [("class", "problem"), ("role", role)];
            add(section, el(doc, "p", &attrs, Some(text))?)?;
        }
        Ok(())
    };
    if report.on {
        let when = report
            .at
            .map(|ms| crate::sync::state::since_words(ms, js_sys::Date::now()))
            .unwrap_or_default();
        let lead = format!(
            "On, {}. Your data is encrypted with your passphrase before it leaves this \
             browser; the browser's sync carries it. Last synced {when}.",
            crate::ui::data::count(report.devices, "device")
        );
        add(&section, el(doc, "p", &[("class", "lead")], Some(&lead))?)?;
        problem(&section, "alert")?;
        let row = add(&section, el(doc, "div", &[("class", "actions")], None)?)?;
        add(
            &row,
            button(doc, "Turn off sync", Action::SyncOff, "quiet")?,
        )?;
        return Ok(());
    }
    add(
        &section,
        el(
            doc,
            "p",
            &[("class", "lead")],
            Some(
                "Off: your data stays in this browser. Turned on, the same list follows you \
                 to this browser on your other computers, through the browser's own sync, \
                 encrypted with a passphrase only you know (it is never stored; a forgotten \
                 passphrase cannot be recovered).",
            ),
        )?,
    )?;
    problem(&section, "status")?;
    let form = add(
        &section,
        el(
            doc,
            "div",
            &[("class", "form"), ("data-form", "sync")],
            None,
        )?,
    )?;
    field(
        doc,
        &form,
        "sync_passphrase",
        "Passphrase",
        Control::Input("password"),
        "",
        Some(crate::sync::strength::strength("").words),
        &[("autocomplete", "new-password"), ("spellcheck", "false")],
    )?;
    if let Some(hint) = doc.get_element_by_id("h-f-sync_passphrase") {
        hint.set_attribute("aria-live", "polite")?;
    }
    let row = add(&form, el(doc, "div", &[("class", "actions")], None)?)?;
    let label = if state.sync_busy {
        "Turning on…"
    } else {
        "Turn on sync"
    };
    let on = add(&row, button(doc, label, Action::SyncOn, "")?)?;
    if state.sync_busy {
        on.set_attribute("aria-disabled", "true")?;
    }
    Ok(())
}

/// The passphrase typed, from its field.
fn typed_passphrase(app: &App) -> String {
    app.doc
        .get_element_by_id("f-sync_passphrase")
        .and_then(|e| html::cast::<HtmlInputElement>(&e))
        .map(|i| i.value())
        .unwrap_or_default()
}

/// Saves the profile, or shows what to fix.
pub(crate) async fn submit(app: &App) {
    let Some(form) = app
        .main
        .query_selector("form[data-form='settings']")
        .ok()
        .flatten()
    else {
        return;
    };
    let p = typed(&form);
    let existing = app.state.borrow().store.profile.clone();
    match p.to_profile(&existing) {
        Err(errors) => {
            if let Some(first) = html::show_errors(&form, &errors) {
                html::focus(&first);
            }
            app.state.borrow_mut().profile_errors = errors;
            say(app, "Settings not saved: see the notes in red.", "error");
        }
        Ok(profile) => {
            app.state.borrow_mut().profile_errors.clear();
            html::show_errors(&form, &[]);
            match client::settings(&profile).await {
                Ok(_) => {
                    super::app::save_settings_draft(app, None);
                    reload(app).await;
                    super::app::say_undoable(
                        app,
                        "Settings saved.",
                        super::app::Undo::Profile(Box::new(existing)),
                    );
                }
                Err(e) => say(app, &format!("Settings not saved. {e}"), "error"),
            }
        }
    }
}

/// The settings form's fields as typed.
fn typed(form: &Element) -> ProfileForm {
    let mut p = ProfileForm::default();
    for control in crate::web::dom::query_all(form, "[name]") {
        p.set(
            &control.get_attribute("name").unwrap_or_default(),
            &html::prop_string(&control, "value"),
        );
    }
    p
}

/// The panel under the file control: what an import would do, or why it was refused (a
/// heading the focus goes to, and one line each).
fn import_panel(
    doc: &web_sys::Document,
    into: &Element,
    class: &str,
    heading: &str,
    lines: &[String],
) -> Result<Element, wasm_bindgen::JsValue> {
    let panel = headed_panel(doc, into, (class, "group"), "import-h", heading)?;
    let list = add(&panel, el(doc, "ul", &[("class", "preview")], None)?)?;
    for line in lines {
        add(&list, el(doc, "li", &[], Some(line))?)?;
    }
    Ok(panel)
}

/// A `div` with `(class, role)` labelled by its `h3` heading (`id`, focusable: the focus goes
/// there when the panel opens).
fn headed_panel(
    doc: &web_sys::Document,
    into: &Element,
    (class, role): (&str, &str),
    id: &str,
    heading: &str,
) -> Result<Element, wasm_bindgen::JsValue> {
    let panel = add(
        into,
        el(
            doc,
            "div",
            &[("class", class), ("role", role), ("aria-labelledby", id)],
            None,
        )?,
    )?;
    add(
        &panel,
        el(doc, "h3", &[("id", id), ("tabindex", "-1")], Some(heading))?,
    )?;
    Ok(panel)
}

/// Typing in the settings keeps what is typed (until saved); a file picked for import is read
/// and compared with the stored data.
fn on_input(app: &App, target: &Element, kind: &str) {
    if target.get_attribute("name").as_deref() == Some("sync_passphrase") {
        let words = crate::sync::strength::strength(&typed_passphrase(app)).words;
        if let Some(hint) = app.doc.get_element_by_id("h-f-sync_passphrase") {
            if hint.text_content().as_deref() != Some(words) {
                hint.set_text_content(Some(words));
            }
        }
        return;
    }
    if let Some(form) = target.closest("form[data-form='settings']").ok().flatten() {
        if kind == "input" {
            let p = typed(&form);
            let saved = ProfileForm::from_profile(&app.state.borrow().store.profile);
            super::app::save_settings_draft(app, (p != saved).then_some(p));
        }
        return;
    }
    if kind != "change" || target.get_attribute("name").as_deref() != Some("import-file") {
        return;
    }
    let Some(file) = html::cast::<HtmlInputElement>(target)
        .and_then(|i| i.files())
        .and_then(|f| f.get(0))
    else {
        return;
    };
    // What was said about the previous file is not about this one.
    app.status.set_text_content(None);
    {
        let mut state = app.state.borrow_mut();
        state.import = None;
        state.import_problems.clear();
    }
    super::app::render(app);
    wasm_bindgen_futures::spawn_local(async move {
        let Some(app) = super::app::app() else { return };
        let too_big = "This file is too big to be an export of this extension (over 5 MB); nothing was changed.";
        let Some(text) = super::app::read_file(&app, &file, MAX_IMPORT_BYTES, too_big).await else {
            return;
        };
        let parsed = crate::store::parse(&text).and_then(|store| {
            let raw: Value = serde_json::from_str(&text)
                .map_err(|e| crate::store::StoreError::new(".", e.to_string()))?;
            Ok((store, raw))
        });
        // Refused (a broken file, or a value the form would refuse) or previewed, the answer
        // is shown under the file control, which keeps its place on the screen.
        {
            let mut state = app.state.borrow_mut();
            state.import = None;
            state.import_problems.clear();
            match parsed {
                Err(e) => state.import_problems = vec![import_error_words(&e, &text)],
                Ok((store, raw)) => {
                    let problems = import_problems(&store);
                    if problems.is_empty() {
                        match crate::store::merge_backup(&state.store, &store) {
                            Ok((_, report)) => {
                                state.import = Some((raw, ImportPreview::merging(&report)));
                            }
                            Err(e) => state.import_problems = vec![import_error_words(&e, &text)],
                        }
                    } else {
                        state.import_problems = problems;
                    }
                }
            }
        }
        super::app::render(&app);
        if let Some(h) = app.doc.get_element_by_id("import-h") {
            html::focus(&h);
        }
    });
}

/// Starts a download of `text` as `name`.
fn download(app: &App, name: &str, mime: &str, text: &str) -> Result<(), crate::failure::Failure> {
    let fail = crate::web::chrome::failed("start the download");
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&text.into());
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a = el(
        &app.doc,
        "a",
        &[("href", &url), ("download", name), ("hidden", "")],
        None,
    )
    .map_err(fail)?;
    app.root.append_child(&a).map_err(fail)?;
    if let Ok(a) = a.clone().dyn_into::<web_sys::HtmlElement>() {
        a.click();
    }
    let _ = app.root.remove_child(&a);
    // Revoke once the download has started.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// Handles this screen's actions; false when `action` is not one of them.
async fn action(app: &App, action: Action, _button: &Element) {
    match action {
        Action::DownloadUnreadable => match client::unreadable_text().await {
            Ok(Some(text)) => match download(
                app,
                &export_file_name(now(), "unreadable.json"),
                "application/json",
                &text,
            ) {
                Ok(()) => say(app, "Downloaded: the file is in your downloads.", "ok"),
                Err(e) => say(app, &format!("Not downloaded. {e}"), "error"),
            },
            Ok(None) => say(app, "There is no unreadable data any more.", "ok"),
            Err(e) => say(app, &format!("Not downloaded. {e}"), "error"),
        },
        Action::ExportJson => match client::export().await {
            Ok(store) => {
                let text = crate::store::to_json(&store);
                match download(
                    app,
                    &export_file_name(now(), "json"),
                    "application/json",
                    &text,
                ) {
                    Ok(()) => say(app, "Exported: the file is in your downloads.", "ok"),
                    Err(e) => say(app, &format!("Not exported. {e}"), "error"),
                }
            }
            Err(e) => say(app, &format!("Not exported. {e}"), "error"),
        },
        Action::ExportIcs => {
            match client::ics(Some(now())).await {
                Ok(text) => {
                    match download(app, &export_file_name(now(), "ics"), "text/calendar", &text) {
                    Ok(()) => say(app, "Calendar exported: open the file to add the follow-ups to your calendar.", "ok"),
                    Err(e) => say(app, &format!("Not exported. {e}"), "error"),
                }
                }
                Err(e) => say(app, &format!("Calendar not exported. {e}"), "error"),
            }
        }
        Action::ImportConfirm => {
            let Some((raw, _)) = app.state.borrow().import.clone() else {
                return;
            };
            match client::import_merge(raw).await {
                Ok(_) => {
                    app.state.borrow_mut().import = None;
                    reload(app).await;
                    super::app::render(app);
                    say(app, "Imported. Your list is up to date.", "ok");
                }
                Err(e) => say(
                    app,
                    &format!("Not imported; your data is unchanged. {e}"),
                    "error",
                ),
            }
        }
        Action::ImportCancel => {
            app.state.borrow_mut().import = None;
            super::app::render(app);
            say(app, "Import cancelled; nothing changed.", "ok");
        }
        Action::DeleteAll | Action::DeleteCancel => {
            app.state.borrow_mut().confirm_delete = action == Action::DeleteAll;
            super::app::render(app);
            let focus = if action == Action::DeleteAll {
                "delete-h"
            } else {
                "data-h"
            };
            if let Some(h) = app.doc.get_element_by_id(focus) {
                html::focus(&h);
            }
        }
        Action::SyncOn => {
            let passphrase = typed_passphrase(app);
            if app.state.borrow().sync_busy {
                return;
            }
            app.state.borrow_mut().sync_busy = true;
            super::app::render(app);
            let answer = client::sync_on(passphrase).await;
            app.state.borrow_mut().sync_busy = false;
            match answer {
                Ok(report) => {
                    app.state.borrow_mut().sync = Some(report);
                    reload(app).await;
                    super::app::render(app);
                    say(app, "Sync is on.", "ok");
                }
                Err(e) => {
                    super::app::render(app);
                    say(app, &e.to_string(), "error");
                    if let Some(input) = app.doc.get_element_by_id("f-sync_passphrase") {
                        html::focus(&input);
                    }
                }
            }
        }
        Action::SyncOff => match client::sync_off().await {
            Ok(report) => {
                app.state.borrow_mut().sync = Some(report);
                super::app::render(app);
                say(
                    app,
                    "Sync is off. The synced copy was removed; every browser keeps its own data.",
                    "ok",
                );
            }
            Err(e) => say(app, &e.to_string(), "error"),
        },
        Action::DeleteConfirm => match client::delete_all().await {
            Ok(_) => {
                super::app::forget_local(app);
                app.state.borrow_mut().confirm_delete = false;
                reload(app).await;
                super::app::go(app, super::app::View::Due);
                say(app, "Everything was deleted.", "ok");
            }
            Err(e) => say(app, &format!("Nothing was deleted. {e}"), "error"),
        },
        _ => {}
    }
}
