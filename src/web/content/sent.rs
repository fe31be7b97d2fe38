//! Sends, noticed: when the user sends what they wrote in a recognised compose, the worker
//! records the follow-up it answers ([`crate::page::sent`]) and a note in the page says so, with
//! an Undo.
//!
//! A send is the user's own act (trusted input only) on the compose's Send button or its
//! shortcut ([`Site::send_button`], [`Site::sends_on_key`]), confirmed by what the site does
//! next: within [`CONFIRM_MS`] the compose closes, hides or empties (LinkedIn empties its
//! editor). A failed send (the site says so, [`Site::send_failed`], or the text just stays), a
//! discarded compose (no send asked) and a message with no text record nothing; a key typed in
//! the message after the shortcut (Enter that only started a line) takes the send back.
//!
//! What the page can learn: a note host (`data-followup-ui`, a closed shadow root) appears for
//! [`NOTE_MS`] after *every* send the helper sees, whether or not anything was recorded, and it
//! lasts as long either way; what it says (whom the follow-up was for) is drawn as generated
//! content, which the page's `window.find()` cannot search.

use super::editor;
use super::site::Site;
use crate::model::Channel;
use crate::page::people::{Person, MAX_PEOPLE};
use crate::page::sent::Pick;
use crate::protocol::Recorded;
use crate::web::{client, dom};
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};

/// How long after the user asks to send the site has to close or empty the compose.
pub const CONFIRM_MS: f64 = 10_000.0;

/// How often a pending send is looked at.
const POLL_MS: u32 = 200;

/// How long the note stays in the page (the same whether or not it says anything).
pub const NOTE_MS: u32 = 12_000;

/// A send the user asked for, not yet confirmed.
struct Sending {
    site: &'static dyn Site,
    editor: Element,
    people: Vec<Person>,
    chosen: Option<Pick>,
    channel: Channel,
    since: f64,
}

thread_local! {
    static SENDING: RefCell<Vec<Sending>> = const { RefCell::new(Vec::new()) };
    static POLL: RefCell<Option<Timeout>> = const { RefCell::new(None) };
    static NOTE: RefCell<Option<Rc<Note>>> = const { RefCell::new(None) };
}

/// The user asked to send the message in `editor` (`chosen`: the follow-up they inserted
/// there, if any; `had_text`: whether the text last checked there was not empty, or it changed
/// since). Nothing
/// happens for an empty message or a compose addressed to nobody. A site that acts on the key
/// before the helper hears it may have emptied the editor already: then the text last checked
/// says whether there was a message.
pub fn asked(site: &'static dyn Site, editor: &Element, chosen: Option<Pick>, had_text: bool) {
    if !had_text && editor::read(editor).map.text().trim().is_empty() {
        return;
    }
    let mut compose = site.compose(editor);
    compose.people.truncate(MAX_PEOPLE);
    if compose.people.is_empty() {
        return;
    }
    let sending = Sending {
        site,
        editor: editor.clone(),
        people: compose.people,
        chosen,
        channel: compose.channel,
        since: dom::clock(),
    };
    SENDING.with(|s| {
        let mut s = s.borrow_mut();
        s.retain(|x| !x.editor.is_same_node(Some(editor)));
        s.push(sending);
    });
    schedule_poll();
}

/// The user typed on in `editor`: a send they asked for there did not happen.
pub fn typed(editor: &Element) {
    SENDING.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            s.retain(|x| !x.editor.is_same_node(Some(editor)));
        }
    });
}

fn schedule_poll() {
    POLL.with(|p| {
        let mut p = p.borrow_mut();
        if p.is_none() {
            *p = Some(Timeout::new(POLL_MS, poll));
        }
    });
}

/// Whether the site is done with the compose of `editor`: closed, hidden or emptied.
fn went_out(editor: &Element) -> bool {
    !editor.is_connected()
        || !dom::visible(editor)
        || editor::read(editor).map.text().trim().is_empty()
}

fn poll() {
    POLL.with(|p| p.borrow_mut().take());
    let now = dom::clock();
    let mut confirmed = Vec::new();
    SENDING.with(|s| {
        let pending = std::mem::take(&mut *s.borrow_mut());
        let mut left = Vec::new();
        for x in pending {
            if x.site.send_failed() {
                continue;
            }
            if went_out(&x.editor) {
                confirmed.push(x);
            } else if now - x.since < CONFIRM_MS {
                left.push(x);
            }
        }
        *s.borrow_mut() = left;
    });
    for x in confirmed {
        wasm_bindgen_futures::spawn_local(report(x));
    }
    if SENDING.with(|s| !s.borrow().is_empty()) {
        schedule_poll();
    }
}

/// Tells the worker; the note shows what it recorded.
async fn report(x: Sending) {
    let note = Note::open();
    match client::page_sent(x.people.clone(), x.chosen, x.channel).await {
        Ok(recorded) if !recorded.is_empty() => {
            if let Some(note) = note {
                note.tell(x.people, recorded);
            }
        }
        Ok(_) => {}
        Err(e) => web_sys::console::debug_2(
            &"Interview Follow-Up: send not recorded".into(),
            &e.to_string().into(),
        ),
    }
}

const STYLE: &str = ":host{all:initial;position:fixed;left:24px;bottom:24px;z-index:2147483000;\
font:14px/1.4 'Google Sans',Roboto,system-ui,-apple-system,sans-serif}\
.ui{--bg:#1f2328;--fg:#f1f3f4;--accent:#a8c7fa;--line:#5f6368}\
.ui.dark{--bg:#e8eaed;--fg:#1f2328;--accent:#0b57d0;--line:#9aa0a6}\
.note{display:flex;align-items:center;gap:8px;max-width:min(520px,calc(100vw - 48px));box-sizing:border-box;\
background:var(--bg);color:var(--fg);border-radius:8px;padding:8px 8px 8px 16px;box-shadow:0 4px 16px rgba(0,0,0,.3)}\
.note[hidden]{display:none}\
.says{flex:1;min-width:0}\
button{font:inherit;font-weight:600;border:0;border-radius:6px;padding:6px 10px;min-height:32px;background:transparent;color:var(--accent);cursor:pointer}\
button:hover{background:rgba(128,128,128,.25)}\
button:focus-visible{outline:2px solid var(--accent);outline-offset:1px}\
button[hidden]{display:none}.close{color:var(--fg);font-weight:400}\
[data-text]::before{content:attr(data-text)}";

/// The note in the page after a send.
struct Note {
    host: Element,
    ui: Element,
    box_: Element,
    says: Element,
    undo: Element,
    what: RefCell<(Vec<Person>, Vec<Recorded>)>,
    listeners: RefCell<Vec<EventListener>>,
    /// Removes the host when it is due (dropping it cancels that).
    timer: RefCell<Option<Timeout>>,
}

impl Note {
    /// A new, empty note host at the end of the page, in place of any earlier one; it goes
    /// after [`NOTE_MS`].
    fn open() -> Option<Rc<Note>> {
        let note = Note::build().ok()?;
        let note = Rc::new(note);
        let old = NOTE.with(|n| n.borrow_mut().replace(note.clone()));
        if let Some(old) = old {
            old.host.remove();
        }
        let weak = Rc::downgrade(&note);
        *note.timer.borrow_mut() = Some(Timeout::new(NOTE_MS, move || {
            if let Some(n) = weak.upgrade() {
                n.close_for_good();
            }
        }));
        Some(note)
    }

    fn build() -> Result<Note, wasm_bindgen::JsValue> {
        let doc = dom::document()?;
        let body = doc
            .body()
            .ok_or_else(|| wasm_bindgen::JsValue::from_str("no body"))?;
        let host = dom::el(&doc, "div", &[("data-followup-ui", "")], None)?;
        let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Closed))?;
        let sheet = dom::el(&doc, "style", &[], Some(STYLE))?;
        shadow.append_child(&sheet)?;
        // The live region is in the page before anything is said in it, so it is announced.
        let ui = dom::el(
            &doc,
            "div",
            &[("class", "ui"), ("role", "status"), ("aria-live", "polite")],
            None,
        )?;
        let box_ = dom::el(
            &doc,
            "div",
            &[
                ("class", "note"),
                ("role", "group"),
                ("aria-label", "Interview Follow-Up"),
                ("hidden", ""),
            ],
            None,
        )?;
        let says = dom::el(&doc, "span", &[("class", "says")], None)?;
        let undo = dom::el(
            &doc,
            "button",
            &[("type", "button"), ("data-action", "undo-sent")],
            Some("Undo"),
        )?;
        let close = dom::el(
            &doc,
            "button",
            &[
                ("type", "button"),
                ("class", "close"),
                ("data-action", "close-note"),
                ("aria-label", "Close"),
                ("title", "Close"),
            ],
            Some("✕"),
        )?;
        box_.append_child(&says)?;
        box_.append_child(&undo)?;
        box_.append_child(&close)?;
        ui.append_child(&box_)?;
        shadow.append_child(&ui)?;
        body.append_child(&host)?;
        let note = Note {
            host,
            ui,
            box_,
            says,
            undo,
            what: RefCell::new((Vec::new(), Vec::new())),
            listeners: RefCell::new(Vec::new()),
            timer: RefCell::new(None),
        };
        Ok(note)
    }

    /// Says what was recorded, with its Undo.
    fn tell(self: &Rc<Self>, people: Vec<Person>, recorded: Vec<Recorded>) {
        let labels: Vec<&str> = recorded.iter().map(|r| r.label.as_str()).collect();
        self.say(&format!("Marked sent: {}", labels.join("; ")));
        *self.what.borrow_mut() = (people, recorded);
        let dark = dom::document()
            .ok()
            .and_then(|d| d.body())
            .is_some_and(|b| dom::dark_around(&b));
        let _ = self.ui.class_list().toggle_with_force("dark", dark);
        let _ = self.box_.remove_attribute("hidden");
        self.wire();
    }

    fn say(&self, text: &str) {
        let _ = self.says.set_attribute("data-text", text);
    }

    fn wire(self: &Rc<Self>) {
        let Some(root) = self
            .ui
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()
        else {
            return;
        };
        let weak = Rc::downgrade(self);
        let click = EventListener::new(&root, "click", move |e| {
            let (Some(note), true) = (weak.upgrade(), e.is_trusted()) else {
                return;
            };
            let action = e
                .composed_path()
                .get(0)
                .dyn_into::<Element>()
                .ok()
                .and_then(|t| t.closest("[data-action]").ok().flatten())
                .and_then(|t| t.get_attribute("data-action"));
            match action.as_deref() {
                Some("undo-sent") => {
                    let note = note.clone();
                    wasm_bindgen_futures::spawn_local(async move { note.take_back().await });
                }
                Some("close-note") => note.dismiss(),
                _ => {}
            }
        });
        let weak = Rc::downgrade(self);
        let keys = EventListener::new(&root, "keydown", move |e| {
            let escape = e
                .dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(|k| k.key() == "Escape");
            if let (Some(note), true, true) = (weak.upgrade(), e.is_trusted(), escape) {
                note.dismiss();
            }
        });
        self.listeners.borrow_mut().extend([click, keys]);
    }

    async fn take_back(&self) {
        let (people, recorded) = self.what.borrow().clone();
        if recorded.is_empty() {
            return;
        }
        let _ = self.undo.set_attribute("hidden", "");
        let mut failed = None;
        for r in &recorded {
            if let Err(e) = client::page_unsent(people.clone(), r).await {
                failed = Some(e);
            }
        }
        self.what.borrow_mut().1.clear();
        match failed {
            None => self.say("Taken back: not marked sent."),
            Some(e) => self.say(&format!(
                "Could not take it back ({e}). The toolbar popup can."
            )),
        }
    }

    /// The user closed the note: its words go, its host stays until it is due (so the page
    /// cannot tell a note that said something from one that did not).
    fn dismiss(&self) {
        let _ = self.box_.set_attribute("hidden", "");
        self.say("");
        self.listeners.borrow_mut().clear();
    }

    fn close_for_good(&self) {
        self.host.remove();
        self.listeners.borrow_mut().clear();
        NOTE.with(|n| {
            let mut n = n.borrow_mut();
            if n.as_ref()
                .is_some_and(|x| x.host.is_same_node(Some(&self.host)))
            {
                *n = None;
            }
        });
    }
}
