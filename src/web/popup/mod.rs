//! The toolbar popup. Entry point: [`popup_start`].
//!
//! One `App` holds the page's elements and the `State`; every view is rebuilt from the
//! state by its module (`due`, `form`, `draft`, `check`, `settings`), each a `Screen` found by
//! its view in `screen`. Events are delegated: one listener per event type on the root reads a
//! button's typed [`crate::ui::action::Action`] from `data-action` and hands it to the screen
//! that owns it. Decisions (words, validation, conversions) are made by the pure [`crate::ui`];
//! this layer talks to the worker and the DOM.

mod app;
mod check;
mod draft;
mod due;
mod findings;
mod form;
mod html;
mod settings;

use super::client;
use crate::ui::form::{InterviewForm, ProfileForm};
use app::{
    app, go, reload, render, say, Action, App, Screen, State, View, APP, KEY_CHECK, KEY_FORM,
    KEY_SETTINGS, KEY_VIEW,
};
use gloo_storage::Storage;
use html::{add, el, Dom};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event};

/// Builds the popup into `root`. `insert_fn` is the page-side function the loader hands over
/// for *Insert into page* (`chrome.scripting.executeScript` serialises it into the tab).
#[wasm_bindgen]
pub async fn popup_start(root: Element, insert_fn: JsValue) -> Result<(), JsValue> {
    let doc = super::dom::document()?;
    let app = Rc::new(shell(doc, root, insert_fn)?);
    APP.with(|a| *a.borrow_mut() = Some(app.clone()));
    listen(&app)?;
    restore(&app);
    skeleton(&app)?;
    reload(&app).await;
    let problem = client::problem().await.ok().flatten().map(|p| {
        if p.kept_in_place {
            format!(
                "Your saved data could not be read ({}), and there is no room to set it aside, so it stays exactly as it was and nothing can be changed for now. Download it, then import a backup or delete everything (Settings) to start again.",
                p.error
            )
        } else {
            format!(
                "Some saved data could not be read, so it was set aside under “{}” instead of being overwritten ({}). Export what you have now; the rest of your data is safe.",
                p.backup_key, p.error
            )
        }
    });
    app.state.borrow_mut().problem = problem;
    render(&app);
    let hash = web_sys::window().and_then(|w| w.location().hash().ok());
    if hash.as_deref() == Some("#invitation") {
        form::take_invitation(&app).await;
    }
    app.root.set_attribute("aria-busy", "false")?;
    app.root.set_attribute("data-ready", "true")?;
    mark("followup:ready");
    check::detect(&app).await;
    if app.state.borrow().check.target.is_some() && app.state.borrow().view == View::Check {
        render(&app);
    }
    app.root.set_attribute("data-tab-checked", "true")?;
    follow_store();
    Ok(())
}

thread_local! {
    /// The store changed since the popup last read it.
    static STALE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A popup left open (in a tab, say) shows what happened elsewhere, a send or a reply recorded
/// in Gmail or LinkedIn: at once when it is not the window in use, else as soon as it is (its
/// own changes it shows itself, and a screen is never redrawn under the user's hands).
fn follow_store() {
    let changed = Closure::<dyn Fn(JsValue, JsValue)>::new(|changes: JsValue, area: JsValue| {
        let ours = area.as_string().as_deref() == Some("local")
            && js_sys::Reflect::has(&changes, &"store".into()).unwrap_or(false);
        if !ours {
            return;
        }
        STALE.with(|s| s.set(true));
        let away = super::dom::document().is_ok_and(|d| !d.has_focus().unwrap_or(true));
        if let (true, Some(app)) = (away, app()) {
            wasm_bindgen_futures::spawn_local(catch_up(app));
        }
    });
    if super::chrome::on_storage_changed(changed.as_ref().unchecked_ref()).is_ok() {
        changed.forget();
    }
    let back = Closure::<dyn Fn(Event)>::new(|_: Event| {
        if let (true, Some(app)) = (STALE.with(std::cell::Cell::get), app()) {
            wasm_bindgen_futures::spawn_local(catch_up(app));
        }
    });
    if let Some(w) = web_sys::window() {
        if w.add_event_listener_with_callback("focus", back.as_ref().unchecked_ref())
            .is_ok()
        {
            back.forget();
        }
    }
}

/// Reads the store again; redraws the screen if it changed.
async fn catch_up(app: Rc<App>) {
    STALE.with(|s| s.set(false));
    let before = app.state.borrow().store.clone();
    reload(&app).await;
    if app.state.borrow().store != before {
        render(&app);
    }
}

fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        if let Ok(f) = js_sys::Reflect::get(&p, &"mark".into()) {
            if let Ok(f) = f.dyn_into::<js_sys::Function>() {
                let _ = f.call1(&p, &JsValue::from_str(name));
            }
        }
    }
}

/// Header, navigation, notice area, the view and a status line (a polite live region).
fn shell(doc: Document, root: Element, insert_fn: JsValue) -> Dom<App> {
    html::clear(&root);
    let header = add(&root, el(&doc, "header", &[("class", "top")], None)?)?;
    add(&header, el(&doc, "h1", &[], Some("Interview Follow-Up"))?)?;
    let nav = add(
        &header,
        el(&doc, "nav", &[("aria-label", "Sections")], None)?,
    )?;
    for (view, label) in [
        (View::Due, "Due now"),
        (View::Form, "Add interview"),
        (View::Check, "Check text"),
        (View::Settings, "Settings"),
    ] {
        add(&nav, html::button(&doc, label, Action::Nav(view), "tab")?)?;
    }
    let notices = add(&root, el(&doc, "div", &[("class", "notices")], None)?)?;
    let main = add(
        &root,
        el(&doc, "section", &[("id", "view"), ("class", "view")], None)?,
    )?;
    let status = add(
        &header,
        el(
            &doc,
            "p",
            &[
                ("id", "status"),
                ("class", "status"),
                ("role", "status"),
                ("aria-live", "polite"),
                ("data-action", &Action::Dismiss.attr()),
                ("title", "Click to close"),
            ],
            None,
        )?,
    )?;
    root.remove_attribute("aria-live")?;
    Ok(App {
        doc,
        root,
        nav,
        notices,
        main,
        status,
        insert_fn,
        screen,
        state: RefCell::new(State::default()),
    })
}

/// Placeholder blocks the size of the list, so nothing jumps when it arrives.
fn skeleton(app: &App) -> Dom {
    html::clear(&app.main);
    for _ in 0..3 {
        add(
            &app.main,
            el(
                &app.doc,
                "div",
                &[("class", "skeleton"), ("aria-hidden", "true")],
                None,
            )?,
        )?;
    }
    Ok(())
}

/// Brings back the unsent form and the last view (kept in the extension page's Web Storage).
fn restore(app: &App) {
    let mut state = app.state.borrow_mut();
    if let Ok(form) = gloo_storage::LocalStorage::get::<InterviewForm>(KEY_FORM) {
        state.form = form;
    } else {
        state.form = InterviewForm::new_at(super::dom::js_now());
    }
    if let Ok(text) = gloo_storage::LocalStorage::get::<String>(KEY_CHECK) {
        state.check.text = text;
    }
    state.settings_draft = gloo_storage::LocalStorage::get::<ProfileForm>(KEY_SETTINGS).ok();
    // Back to unfinished work (a half-filled form, a text being checked); else the list.
    let last = gloo_storage::LocalStorage::get::<String>(KEY_VIEW)
        .ok()
        .and_then(|v| View::parse(&v));
    state.view = match last {
        Some(View::Form) if !state.form.is_blank() => View::Form,
        Some(View::Check) if !state.check.text.trim().is_empty() => View::Check,
        _ => View::Due,
    };
}

/// One delegated listener per event type.
fn listen(this: &App) -> Dom {
    for kind in [
        "click", "input", "change", "submit", "focusout", "keydown", "paste", "dragover", "drop",
    ] {
        let closure = Closure::<dyn Fn(Event)>::new(move |event: Event| {
            if let Some(app) = app() {
                dispatch(&app, &event);
            }
        });
        this.root
            .add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())?;
        // The listeners live as long as the popup page.
        closure.forget();
    }
    Ok(())
}

fn dispatch(app: &Rc<App>, event: &Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    match event.type_().as_str() {
        "keydown" => {
            // Arrows move between the items of a due list (one of them in the Tab order).
            // Escape closes what is open, innermost first: the status message, an open "They
            // replied" or "More" (focus back on its summary), then the draft preview.
            let key = js_sys::Reflect::get(event, &"key".into())
                .ok()
                .and_then(|k| k.as_string());
            if let Some(k @ ("ArrowDown" | "ArrowUp" | "Home" | "End")) = key.as_deref() {
                if app.state.borrow().view == View::Due && due::on_key(&target, k) {
                    event.prevent_default();
                }
                return;
            }
            if key.as_deref() != Some("Escape") {
                return;
            }
            if app.status.text_content().is_some_and(|t| !t.is_empty()) {
                event.prevent_default();
                app.status.set_text_content(None);
            } else if let Some(open) = target
                .closest("details[open]")
                .ok()
                .flatten()
                .or_else(|| app.main.query_selector("details[open]").ok().flatten())
            {
                event.prevent_default();
                let _ = open.remove_attribute("open");
                if let Some(summary) = open.query_selector("summary").ok().flatten() {
                    html::focus(&summary);
                }
            } else if app.state.borrow().view == View::Draft {
                event.prevent_default();
                go(app, View::Due);
            }
        }
        // On the form, an invitation pasted into any field or dropped anywhere fills it in.
        "paste" | "dragover" | "drop" => {
            if app.state.borrow().view != View::Form {
                return;
            }
            let data = event
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|e| e.clipboard_data())
                .or_else(|| {
                    event
                        .dyn_ref::<web_sys::DragEvent>()
                        .and_then(|e| e.data_transfer())
                });
            let Some(data) = data else { return };
            match event.type_().as_str() {
                "paste" => {
                    let text = data.get_data("text/plain").unwrap_or_default();
                    if text.trim_start().starts_with("BEGIN:VCALENDAR") {
                        event.prevent_default();
                        form::fill_from_invitation(app, &text);
                    }
                }
                // A file dragged over the form may be dropped on it (not only on the file
                // control).
                "dragover" => {
                    if data.types().includes(&"Files".into(), 0) {
                        event.prevent_default();
                    }
                }
                _ => {
                    if let Some(file) = data.files().and_then(|f| f.get(0)) {
                        event.prevent_default();
                        form::fill_from_file(file);
                    }
                }
            }
        }
        "submit" => {
            event.prevent_default();
            let which = target.get_attribute("data-form").unwrap_or_default();
            let app = app.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match which.as_str() {
                    "interview" => form::submit(&app).await,
                    "settings" => settings::submit(&app).await,
                    "name" => due::submit_name(&app).await,
                    _ => {}
                }
            });
        }
        "input" | "change" | "focusout" => {
            let view = app.state.borrow().view;
            screen(view).on_input(app, &target, &event.type_());
        }
        _ => {
            let Some(button) = target.closest("[data-action]").ok().flatten() else {
                return;
            };
            let written = button.get_attribute("data-action").unwrap_or_default();
            let Some(action) = Action::parse(&written) else {
                say(app, &format!("Unknown action {written}."), "error");
                return;
            };
            match action {
                Action::Dismiss => app.status.set_text_content(None),
                Action::Undo => {
                    let app = app.clone();
                    wasm_bindgen_futures::spawn_local(async move { app::undo(&app).await });
                }
                Action::Nav(view) => {
                    if view == View::Form && app.state.borrow().view != View::Form {
                        form::prepare(app);
                    }
                    go(app, view);
                }
                Action::SelectSpan | Action::ApplyFix => {
                    findings::fix_or_show(app, action, &button)
                }
                _ => {
                    let Some(owner) = action.screen() else {
                        return;
                    };
                    let app = app.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let _ = button.set_attribute("aria-disabled", "true");
                        screen(owner).act(&app, action, &button).await;
                        let _ = button.remove_attribute("aria-disabled");
                    });
                }
            }
        }
    }
}

/// The screens, by view (also [`App::screen`]): a new screen is its module and one line here.
fn screen(view: View) -> &'static dyn Screen {
    match view {
        View::Due => &due::Screen,
        View::Form => &form::Screen,
        View::Draft => &draft::Screen,
        View::Check => &check::Screen,
        View::Settings => &settings::Screen,
    }
}
