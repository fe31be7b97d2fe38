//! What every screen of the popup shares: the [`App`] (its elements and [`State`]), the
//! screens' state, keeping unfinished work in Web Storage, reloading from the worker, the status
//! line, switching screens, the clock and the clipboard. It uses none of the screens: `render`
//! draws the current one through [`App::screen`].

use super::html::{self, add, el, Dom};
use crate::draft::DraftRequest;
use crate::failure::Failure;
use crate::model::{Channel, Event, Interview, Kind, Profile, Store};
use crate::schedule::Due;
use crate::tone::Finding;
use crate::ui::data::ImportPreview;
use crate::ui::form::{FieldError, InterviewForm, ProfileForm};
use crate::web::{chrome, client};
use gloo_storage::Storage;
use serde_json::Value;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// Web Storage key of the unsent interview form.
pub(crate) const KEY_FORM: &str = "followup.popup.form";

/// Web Storage key of the view shown when the popup closed.
pub(crate) const KEY_VIEW: &str = "followup.popup.view";

/// Web Storage key of the text in "Check my text".
pub(crate) const KEY_CHECK: &str = "followup.popup.check";

/// Settings typed and not saved.
pub(crate) const KEY_SETTINGS: &str = "followup.popup.settings";

pub(crate) use crate::ui::action::{Action, View};

/// One screen of the popup: a module with a unit struct that implements this, registered by its
/// [`View`] in `popup::screen` (so a new screen is one file and one line there).
pub(crate) trait Screen {
    /// Draws the screen into `app.main` from the state.
    fn render(&self, app: &App) -> Dom;
    /// Follows typing in its fields (`input`, `change` and `focusout` events).
    fn on_input(&self, _app: &App, _target: &Element, _kind: &str) {}
    /// Carries out one of its actions (those whose [`Action::screen`] is this screen), from the
    /// `button` that was pressed.
    fn act<'a>(&'a self, app: &'a App, action: Action, button: &'a Element) -> Task<'a>;
}

/// What [`Screen::act`] returns: the work, run by the click listener.
pub(crate) type Task<'a> = std::pin::Pin<Box<dyn std::future::Future<Output = ()> + 'a>>;

/// Declares a screen module's `Screen` over its `render`, `action` and (when it has fields)
/// `on_input` functions: `screen!(/// doc, render, action, on_input)`.
macro_rules! screen {
    ($(#[$doc:meta])* $render:ident, $act:ident $(, $input:ident)?) => {
        $(#[$doc])*
        pub(crate) struct Screen;

        impl super::app::Screen for Screen {
            fn render(&self, app: &super::app::App) -> super::html::Dom {
                $render(app)
            }
            $(
                fn on_input(&self, app: &super::app::App, target: &web_sys::Element, kind: &str) {
                    $input(app, target, kind)
                }
            )?
            fn act<'a>(
                &'a self,
                app: &'a super::app::App,
                what: super::app::Action,
                button: &'a web_sys::Element,
            ) -> super::app::Task<'a> {
                Box::pin($act(app, what, button))
            }
        }
    };
}
pub(crate) use screen;

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
    pub draft: Option<DraftState>,
    /// "Check my text".
    pub check: CheckState,
    /// A file read for import, with what it would change.
    pub import: Option<(Value, ImportPreview)>,
    /// Why the file chosen for import was refused, one line per problem (cleared by the next).
    pub import_problems: Vec<String>,
    /// Set when the form was filled from a calendar invitation: what to check (a guessed time
    /// zone, a whole-day event, no company found, who was left out); cleared when the form is
    /// cleared or saved.
    pub invite_notes: Option<Vec<String>>,
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
    /// What the status line's Undo takes back.
    pub undo: Option<Undo>,
    /// How sync across devices goes (asked for with the data).
    pub sync: Option<crate::protocol::SyncReport>,
    /// Sync is being turned on (the key takes a moment to derive).
    pub sync_busy: bool,
}

/// A change the status line offers to take back.
#[derive(Debug, Clone)]
pub(crate) enum Undo {
    /// An event just recorded on an interview (Mark sent, They replied).
    Event {
        /// Interview id.
        interview: String,
        /// The event, as recorded.
        event: Event,
    },
    /// The interview form as it was before Clear form or a fill from an invitation, with what
    /// that form said to check (if it was filled from one).
    Form(Box<InterviewForm>, Option<Vec<String>>),
    /// An interview as it was before it was deleted or its changes saved: saved back as it
    /// was, with its history.
    Restore(Box<Interview>),
    /// An interview just added: removed again.
    Added(String),
    /// The settings as they were before they were saved.
    Profile(Box<Profile>),
    /// An item just snoozed.
    Snooze {
        /// Interview id.
        interview: String,
        /// Interviewer id, for per-person items.
        interviewer: Option<String>,
        /// Item kind.
        kind: Kind,
    },
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
    /// The screens by view (handed over by `popup_start`, so that this module, which every
    /// screen uses, uses none of them).
    pub screen: fn(View) -> &'static dyn Screen,
    pub state: RefCell<State>,
}

thread_local! {
    pub(crate) static APP: RefCell<Option<Rc<App>>> = const { RefCell::new(None) };
}

/// The running popup.
pub(crate) fn app() -> Option<Rc<App>> {
    APP.with(|a| a.borrow().clone())
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
    state.form = InterviewForm::new_at(crate::web::dom::js_now());
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
    let sync = client::sync_status().await.ok();
    let mut state = app.state.borrow_mut();
    state.sync = sync;
    match (store, items) {
        (Ok(store), Ok(items)) => {
            state.store = store;
            state.items = items;
            state.load_error = None;
        }
        (Err(e), _) | (_, Err(e)) => {
            state.load_error = Some(format!("Your data could not be loaded. {e}"));
        }
    }
}

thread_local! {
    static SAID: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Shows a message in the status line (`kind`: `ok` or `error`). Good news fades after a few
/// seconds; an error stays until the next message or screen. A new message withdraws the
/// previous one's Undo.
pub(crate) fn say(app: &App, text: &str, kind: &str) {
    say_for(app, text, kind, 7000);
}

/// The text of a file the user chose or dropped, or `None` once the status line has said why
/// not: over `max` bytes (`too_big` is what is said), or unreadable.
pub(crate) async fn read_file(
    app: &App,
    file: &web_sys::File,
    max: f64,
    too_big: &str,
) -> Option<String> {
    if file.size() > max {
        say(app, too_big, "error");
        return None;
    }
    match wasm_bindgen_futures::JsFuture::from(file.text()).await {
        Ok(t) => Some(t.as_string().unwrap_or_default()),
        Err(e) => {
            say(
                app,
                &format!(
                    "The file could not be read: {}",
                    crate::web::chrome::error_text(&e)
                ),
                "error",
            );
            None
        }
    }
}

/// [`say`], with an Undo button that takes `what` back (see [`undo`]); it stays longer, and
/// Escape or a click closes it as any message.
pub(crate) fn say_undoable(app: &App, text: &str, what: Undo) {
    say_for(app, text, "ok", 15000);
    if let Ok(mut state) = app.state.try_borrow_mut() {
        state.undo = Some(what);
    }
    if let Ok(b) = html::button(&app.doc, "Undo", Action::Undo, "undo") {
        let _ = app.status.append_child(&b);
    }
}

/// Records `event` on `interview`, then shows the list as it is now and says `done` with an
/// Undo (Mark sent, They replied; from the list and from a draft).
pub(crate) async fn record(app: &App, interview: &str, event: Event, done: &str) {
    match client::record(interview, &event).await {
        Ok(()) => {
            reload(app).await;
            go(app, View::Due);
            let undo = Undo::Event {
                interview: interview.to_string(),
                event,
            };
            say_undoable(app, done, undo);
        }
        Err(e) => say(app, &format!("Not recorded. {e}"), "error"),
    }
}

/// Takes back what the status line's Undo offers, then shows the list as it is again.
pub(crate) async fn undo(app: &App) {
    let what = app.state.borrow_mut().undo.take();
    match what {
        Some(Undo::Event { interview, event }) => {
            match client::unrecord(&interview, &event).await {
                Ok(()) => {
                    reload(app).await;
                    render(app);
                    say(app, "Taken back.", "ok");
                }
                Err(e) => say(app, &format!("Not taken back. {e}"), "error"),
            }
        }
        Some(Undo::Restore(interview)) => {
            let done = client::upsert_interview(&interview).await.map(drop);
            taken_back(app, done).await;
        }
        Some(Undo::Added(id)) => {
            let done = client::remove_interview(&id).await;
            taken_back(app, done).await;
        }
        Some(Undo::Profile(profile)) => {
            save_settings_draft(app, None);
            let done = client::settings(&profile).await;
            taken_back(app, done).await;
        }
        Some(Undo::Snooze {
            interview,
            interviewer,
            kind,
        }) => match client::unsnooze(&interview, interviewer.as_deref(), kind).await {
            Ok(()) => {
                reload(app).await;
                render(app);
                say(app, "Taken back: the item is on the list again.", "ok");
            }
            Err(e) => say(app, &format!("Not taken back. {e}"), "error"),
        },
        Some(Undo::Form(form, notes)) => {
            save_form(&form);
            {
                let mut state = app.state.borrow_mut();
                state.form = *form;
                state.invite_notes = notes;
            }
            go(app, View::Form);
            say(app, "The form is back as it was.", "ok");
        }
        None => {}
    }
}

/// A button that acts on its second press: the first turns its label into `question` and says
/// `hint`. True when this press only asked.
pub(crate) fn asked_first(app: &App, button: &Element, question: &str, hint: &str) -> bool {
    if button.get_attribute("data-confirm").is_some() {
        return false;
    }
    let _ = button.set_attribute("data-confirm", "");
    button.set_text_content(Some(question));
    say(app, hint, "ok");
    true
}

/// After an Undo's request: the screen as the data now is, and what happened.
async fn taken_back(app: &App, done: Result<(), Failure>) {
    match done {
        Ok(()) => {
            reload(app).await;
            render(app);
            say(app, "Taken back.", "ok");
        }
        Err(e) => say(app, &format!("Not taken back. {e}"), "error"),
    }
}

fn say_for(app: &App, text: &str, kind: &str, fade_ms: i32) {
    let n = SAID.with(|c| {
        c.set(c.get().wrapping_add(1));
        c.get()
    });
    if let Ok(mut state) = app.state.try_borrow_mut() {
        state.undo = None;
    }
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
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                clear.unchecked_ref(),
                fade_ms,
            );
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
    for b in crate::web::dom::query_all(&app.nav, "button") {
        let here = b
            .get_attribute("data-action")
            .as_deref()
            .and_then(Action::parse)
            == Some(Action::Nav(view));
        let _ = if here {
            b.set_attribute("aria-current", "page")
        } else {
            b.remove_attribute("aria-current")
        };
    }
    html::clear(&app.main);
    let _ = app.main.set_attribute("data-view", view.as_str());
    let result = notices(app).and_then(|()| (app.screen)(view).render(app));
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
                &[
                    ("type", "button"),
                    ("data-action", &Action::DownloadUnreadable.attr()),
                ],
                Some("Download the data that could not be read"),
            )?,
        )?;
    }
    Ok(())
}

/// The current time in the viewer's offset.
pub(crate) fn now() -> chrono::DateTime<chrono::FixedOffset> {
    crate::web::dom::js_now()
}

/// What the status line says once a message is on the clipboard: the subject line too, since
/// only the message was copied and an email still needs its subject.
pub(crate) fn copied(subject: Option<&str>) -> String {
    match subject.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => format!("Message copied. Subject line: “{s}”."),
        None => "Message copied.".to_string(),
    }
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

/// The draft on screen.
#[derive(Debug, Clone)]
pub(crate) struct DraftState {
    /// Interview id.
    pub interview: String,
    /// Interviewer id.
    pub interviewer: Option<String>,
    /// Kind.
    pub kind: Kind,
    /// Channel.
    pub channel: Channel,
    /// Subject as edited.
    pub subject: String,
    /// Body as edited.
    pub body: String,
    /// Recipient.
    pub to: Option<String>,
    /// Findings for the current text.
    pub findings: Vec<Finding>,
    /// Why no draft could be written.
    pub error: Option<String>,
    /// The kind, channel and person choices are open (the user changed one of them).
    pub choosing: bool,
}

/// The screen's state.
#[derive(Debug, Clone, Default)]
pub(crate) struct CheckState {
    /// The text as typed.
    pub text: String,
    /// What it is (unknown: wording rules only).
    pub kind: Option<Kind>,
    /// Where it goes.
    pub channel: Channel,
    /// Findings for `text`, once checked.
    pub findings: Option<Vec<Finding>>,
    /// The tab to insert into: (tab id, origin), when its page refused WebAssembly.
    pub target: Option<(i32, String)>,
}

/// Asks the worker for a draft.
pub(crate) async fn fetch_draft(
    interview: &str,
    interviewer: Option<&str>,
    kind: Kind,
    channel: Channel,
) -> Result<crate::draft::Draft, Failure> {
    client::draft(DraftRequest {
        interview: interview.to_string(),
        interviewer: interviewer.map(str::to_owned),
        kind,
        channel,
        now: Some(now()),
    })
    .await
}
