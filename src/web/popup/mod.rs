//! The toolbar popup. Entry point: [`popup_start`].
//!
//! One `App` holds the page's elements and the `State`; every view is rebuilt from the
//! state by its module (`due`, `form`, `draft`, `check`, `settings`). Events are delegated: one
//! listener per event type on the root reads `data-action` and dispatches. Decisions (words,
//! validation, conversions) are made by the pure [`crate::ui`]; this layer talks to the worker
//! and the DOM.

mod check;
mod draft;
mod due;
mod form;
mod html;
mod settings;

use super::convert::to_js;
use super::{chrome, client};
use crate::model::Store;
use crate::schedule::Due;
use crate::ui::data::ImportPreview;
use crate::ui::form::{FieldError, InterviewForm, ProfileForm};
use gloo_storage::Storage;
use html::{add, el, Dom};
use serde_json::Value;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event};

/// Web Storage key of the unsent interview form.
const KEY_FORM: &str = "followup.popup.form";
/// Web Storage key of the view shown when the popup closed.
const KEY_VIEW: &str = "followup.popup.view";
/// Web Storage key of the text in "Check my text".
const KEY_CHECK: &str = "followup.popup.check";
/// Settings typed and not saved.
const KEY_SETTINGS: &str = "followup.popup.settings";

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum View {
    /// What to send.
    #[default]
    Due,
    /// Add / edit an interview.
    Form,
    /// One draft, editable.
    Draft,
    /// Check any text.
    Check,
    /// Profile and data.
    Settings,
}

impl View {
    fn as_str(self) -> &'static str {
        match self {
            View::Due => "due",
            View::Form => "form",
            View::Draft => "draft",
            View::Check => "check",
            View::Settings => "settings",
        }
    }

    fn parse(s: &str) -> Option<View> {
        [View::Due, View::Form, View::Check, View::Settings]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// Everything the popup knows.
#[derive(Default)]
pub(crate) struct State {
    /// Current screen.
    pub view: View,
    /// The stored data, as last exported by the worker.
    pub store: Store,
    /// Open items, soonest first.
    pub items: Vec<Due>,
    /// Why the data could not be loaded, if it could not.
    pub load_error: Option<String>,
    /// A corrupt stored document the worker set aside.
    pub problem: Option<String>,
    /// The interview form as typed.
    pub form: InterviewForm,
    /// Its problems (shown once saving was tried, or for fields left).
    pub form_errors: Vec<FieldError>,
    /// Fields the user has left after changing them.
    pub touched: Vec<String>,
    /// Saving was tried at least once.
    pub tried: bool,
    /// The draft being previewed.
    pub draft: Option<draft::DraftState>,
    /// "Check my text".
    pub check: check::CheckState,
    /// A file read for import, with what it would change.
    pub import: Option<(Value, ImportPreview)>,
    /// The delete-everything confirmation is open.
    pub confirm_delete: bool,
    /// Settings problems.
    pub profile_errors: Vec<FieldError>,
    /// Settings typed and not saved yet (kept across tabs and popup closes until saved).
    pub settings_draft: Option<ProfileForm>,
    /// Request counter, so a late reply never overwrites a newer one.
    pub seq: u32,
    /// Every item of every group is listed (not just the first few).
    pub show_all: bool,
}

/// The popup: its elements and its state.
pub(crate) struct App {
    pub doc: Document,
    pub root: Element,
    pub nav: Element,
    pub notices: Element,
    pub main: Element,
    pub status: Element,
    /// The function `executeScript` runs in the page to insert text (from the loader).
    pub insert_fn: JsValue,
    pub state: RefCell<State>,
}

thread_local! {
    static APP: RefCell<Option<Rc<App>>> = const { RefCell::new(None) };
}

/// The running popup.
pub(crate) fn app() -> Option<Rc<App>> {
    APP.with(|a| a.borrow().clone())
}

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
    app.root.set_attribute("aria-busy", "false")?;
    app.root.set_attribute("data-ready", "true")?;
    mark("followup:ready");
    check::detect(&app).await;
    if app.state.borrow().check.target.is_some() && app.state.borrow().view == View::Check {
        render(&app);
    }
    app.root.set_attribute("data-tab-checked", "true")?;
    Ok(())
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
        let b = add(&nav, html::button(&doc, label, "nav", "tab")?)?;
        b.set_attribute("data-view", view.as_str())?;
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
                ("data-action", "dismiss"),
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
        state.form = InterviewForm::new_at(super::worker::js_now());
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

/// Keeps the form (or forgets it when it is blank).
pub(crate) fn save_form(form: &InterviewForm) {
    if form.is_blank() {
        gloo_storage::LocalStorage::delete(KEY_FORM);
    } else {
        let _ = gloo_storage::LocalStorage::set(KEY_FORM, form);
    }
}

/// Forgets the form.
pub(crate) fn forget_form() {
    gloo_storage::LocalStorage::delete(KEY_FORM);
}

/// Forgets everything this page kept in its Web Storage (the unsent form, the text being
/// checked, the last view): "Delete everything" means that too.
pub(crate) fn forget_local(app: &App) {
    gloo_storage::LocalStorage::clear();
    let mut state = app.state.borrow_mut();
    state.form = InterviewForm::new_at(super::worker::js_now());
    state.check.text.clear();
    state.settings_draft = None;
}

/// Keeps the settings as typed (`None`: forgets them, once saved).
pub(crate) fn save_settings_draft(app: &App, draft: Option<ProfileForm>) {
    match &draft {
        Some(form) => {
            let _ = gloo_storage::LocalStorage::set(KEY_SETTINGS, form);
        }
        None => gloo_storage::LocalStorage::delete(KEY_SETTINGS),
    }
    app.state.borrow_mut().settings_draft = draft;
}

/// Keeps the "Check my text" text.
pub(crate) fn save_check(text: &str) {
    let _ = gloo_storage::LocalStorage::set(KEY_CHECK, text);
}

/// Reloads the store and the schedule from the worker.
pub(crate) async fn reload(app: &App) {
    let store = client::export().await;
    let items = match &store {
        Ok(_) => client::schedule(None).await,
        Err(_) => Ok(Vec::new()),
    };
    let mut state = app.state.borrow_mut();
    match (store, items) {
        (Ok(store), Ok(items)) => {
            state.store = store;
            state.items = items;
            state.load_error = None;
        }
        (Err(e), _) | (_, Err(e)) => {
            state.load_error = Some(format!("Your data could not be loaded: {e}"));
        }
    }
}

thread_local! {
    static SAID: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Shows a message in the status line (`kind`: `ok` or `error`). Good news fades after a few
/// seconds; an error stays until the next message or screen.
pub(crate) fn say(app: &App, text: &str, kind: &str) {
    let n = SAID.with(|c| {
        c.set(c.get().wrapping_add(1));
        c.get()
    });
    app.status.set_text_content(Some(text));
    let _ = app.status.set_attribute("data-kind", kind);
    if kind == "ok" {
        let status = app.status.clone();
        let clear = Closure::once_into_js(move || {
            if SAID.with(std::cell::Cell::get) == n {
                status.set_text_content(None);
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w
                .set_timeout_with_callback_and_timeout_and_arguments_0(clear.unchecked_ref(), 7000);
        }
    }
}

/// Switches screen and renders it; focus goes to the new screen's heading.
pub(crate) fn go(app: &App, view: View) {
    app.state.borrow_mut().view = view;
    app.status.set_text_content(None);
    if view != View::Draft {
        let _ = gloo_storage::LocalStorage::set(KEY_VIEW, view.as_str());
    }
    render(app);
    if let Some(h) = app.main.query_selector("h2").ok().flatten() {
        html::focus(&h);
    }
}

/// Renders the current screen.
pub(crate) fn render(app: &App) {
    let view = app.state.borrow().view;
    for b in super::dom::query_all(&app.nav, "button") {
        let here = b.get_attribute("data-view").as_deref() == Some(view.as_str());
        let _ = if here {
            b.set_attribute("aria-current", "page")
        } else {
            b.remove_attribute("aria-current")
        };
    }
    html::clear(&app.main);
    let _ = app.main.set_attribute("data-view", view.as_str());
    let result = notices(app).and_then(|()| match view {
        View::Due => due::render(app),
        View::Form => form::render(app),
        View::Draft => draft::render(app),
        View::Check => check::render(app),
        View::Settings => settings::render(app),
    });
    if let Err(e) = result {
        say(
            app,
            &format!(
                "Something went wrong showing this screen: {}",
                chrome::error_text(&e)
            ),
            "error",
        );
    }
}

fn notices(app: &App) -> Dom {
    html::clear(&app.notices);
    let state = app.state.borrow();
    for text in [&state.problem, &state.load_error].into_iter().flatten() {
        add(
            &app.notices,
            el(
                &app.doc,
                "p",
                &[("class", "notice"), ("role", "alert")],
                Some(text),
            )?,
        )?;
    }
    if state.problem.is_some() {
        // The text that could not be read, as it was stored: the user keeps it whatever
        // they do next.
        add(
            &app.notices,
            el(
                &app.doc,
                "button",
                &[("type", "button"), ("data-action", "download-unreadable")],
                Some("Download the data that could not be read"),
            )?,
        )?;
    }
    Ok(())
}

/// One delegated listener per event type.
fn listen(this: &App) -> Dom {
    for kind in ["click", "input", "change", "submit", "focusout", "keydown"] {
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
            // Escape closes what is open, innermost first: the status message, an open "They
            // replied" panel (focus back on its summary), then the draft preview.
            let key = js_sys::Reflect::get(event, &"key".into())
                .ok()
                .and_then(|k| k.as_string());
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
        "submit" => {
            event.prevent_default();
            let which = target.get_attribute("data-form").unwrap_or_default();
            let app = app.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match which.as_str() {
                    "interview" => form::submit(&app).await,
                    "settings" => settings::submit(&app).await,
                    _ => {}
                }
            });
        }
        "input" | "change" | "focusout" => {
            let view = app.state.borrow().view;
            let kind = event.type_();
            match view {
                View::Form => form::on_input(app, &target, &kind),
                View::Draft => draft::on_input(app, &target, &kind),
                View::Check => check::on_input(app, &target, &kind),
                View::Settings => settings::on_input(app, &target, &kind),
                View::Due => {}
            }
        }
        _ => {
            let Some(button) = target.closest("[data-action]").ok().flatten() else {
                return;
            };
            let action = button.get_attribute("data-action").unwrap_or_default();
            if action == "dismiss" {
                app.status.set_text_content(None);
                return;
            }
            if action == "nav" {
                let view = button
                    .get_attribute("data-view")
                    .and_then(|v| View::parse(&v))
                    .unwrap_or_default();
                if view == View::Form && app.state.borrow().view != View::Form {
                    form::prepare(app);
                }
                go(app, view);
                return;
            }
            let app = app.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let _ = button.set_attribute("aria-disabled", "true");
                let handled = due::action(&app, &action, &button).await
                    || form::action(&app, &action, &button).await
                    || draft::action(&app, &action, &button).await
                    || check::action(&app, &action, &button).await
                    || settings::action(&app, &action, &button).await;
                let _ = button.remove_attribute("aria-disabled");
                if !handled {
                    say(&app, &format!("Unknown action {action}."), "error");
                }
            });
        }
    }
}

/// The current time in the viewer's offset.
pub(crate) fn now() -> chrono::DateTime<chrono::FixedOffset> {
    super::worker::js_now()
}

/// Puts `text` on the clipboard: `execCommand('copy')` on a hidden text box first (immediate
/// within the click), else the Clipboard API (which can wait on page focus, so it gets two
/// seconds). Focus goes back where it was.
pub(crate) async fn copy_text(app: &App, text: &str) -> bool {
    if copy_with_command(app, text) {
        return true;
    }
    let clipboard = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"navigator".into()).ok())
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(promise) = write
        .and_then(|w| w.call1(&clipboard, &text.into()).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return false;
    };
    let timeout = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_1(
                &resolve,
                2000,
                &JsValue::FALSE,
            );
        }
    });
    // writeText resolves with `undefined`; the timeout with `false`.
    let race = js_sys::Promise::race(&js_sys::Array::of2(&promise, &timeout));
    matches!(wasm_bindgen_futures::JsFuture::from(race).await, Ok(v) if v.is_undefined())
}

fn copy_with_command(app: &App, text: &str) -> bool {
    let previous = app.doc.active_element();
    let Ok(area) = el(
        &app.doc,
        "textarea",
        &[("class", "offscreen"), ("aria-hidden", "true")],
        None,
    ) else {
        return false;
    };
    html::set_prop(&area, "value", &text.into());
    if app.root.append_child(&area).is_err() {
        return false;
    }
    if let Some(a) = html::cast::<web_sys::HtmlTextAreaElement>(&area) {
        a.select();
    }
    let copied = app
        .doc
        .clone()
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    let _ = app.root.remove_child(&area);
    if let Some(p) = previous {
        html::focus(&p);
    }
    copied
}
