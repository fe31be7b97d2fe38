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
//! What the page can learn: a note ([`super::note`]) appears for [`NOTE_MS`] after *every* send
//! the helper sees, whether or not anything was recorded, and lasts as long either way.

use super::editor;
use super::note::{Note, Place, Record};
use super::site::Site;
use crate::model::Channel;
use crate::page::people::{Person, MAX_PEOPLE};
use crate::page::sent::Pick;
use crate::web::{client, dom};
use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};

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

/// Tells the worker; the note shows what it recorded. The site's Undo is heard from the moment
/// the send is confirmed: one that comes before the worker answers takes the record back as
/// soon as it is made.
async fn report(x: Sending) {
    let undo = watch_site_undo(x.site);
    let note = Note::open(Place::Sent, Some(NOTE_MS));
    match client::page_sent(x.people.clone(), x.chosen, x.channel).await {
        Ok(recorded) if !recorded.is_empty() => {
            if let Some(note) = note {
                let undone = "Taken back: not marked sent.";
                let record =
                    note.tell_recorded("Marked sent", x.people, recorded, "undo-sent", undone);
                let early = std::mem::replace(
                    &mut *undo.borrow_mut(),
                    Undo::Recorded(note.clone(), record.clone()),
                );
                if matches!(early, Undo::Asked) {
                    note.take_back(&record, "undo-sent", SITE_UNDONE);
                }
            }
        }
        Ok(_) => {}
        Err(e) => web_sys::console::debug_2(
            &"Interview Follow-Up: send not recorded".into(),
            &e.to_string().into(),
        ),
    }
}

/// How long after a send the site's own Undo is listened for (Gmail offers up to 30 s).
const SITE_UNDO_MS: u32 = 30_000;

/// What the note says when the site's own Undo took the send back.
const SITE_UNDONE: &str = "Taken back: the send was undone.";

/// Where the site's Undo of the latest send stands.
enum Undo {
    /// The worker has not answered yet.
    Waiting,
    /// The user undid the send before the worker answered.
    Asked,
    /// What the note says was recorded (nothing to take back once taken).
    Recorded(Rc<Note>, Record),
}

thread_local! {
    /// The listeners for the site's Undo of the latest confirmed send (that Undo takes back
    /// the latest send only), and the timer that ends them.
    static SITE_UNDO: RefCell<Option<(Vec<EventListener>, Timeout)>> = const { RefCell::new(None) };
}

/// Listens for the site's own Undo of the send just confirmed (Gmail's "Undo" in its "Message
/// sent" bar: the compose comes back unsent), instead of any earlier send's. Only the user's
/// own click or key on it counts, and not while a newer send waits for confirmation (the Undo
/// then brings that one back, and it is never confirmed).
fn watch_site_undo(site: &'static dyn Site) -> Rc<RefCell<Undo>> {
    let undo = Rc::new(RefCell::new(Undo::Waiting));
    let Ok(doc) = dom::document() else {
        return undo;
    };
    let on = |kind: &'static str| {
        let undo = undo.clone();
        let options = EventListenerOptions::run_in_capture_phase();
        EventListener::new_with_options(&doc, kind, options, move |e| {
            let key = e.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key);
            let activates = key.is_none_or(|k| k == "Enter" || k == " ");
            let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
            let newer = SENDING.with(|s| s.try_borrow().map_or(true, |s| !s.is_empty()));
            if !e.is_trusted()
                || !activates
                || newer
                || !target.is_some_and(|t| site.undoes_send(&t))
            {
                return;
            }
            let mut undo = undo.borrow_mut();
            match &*undo {
                Undo::Waiting => *undo = Undo::Asked,
                Undo::Asked => {}
                Undo::Recorded(note, record) => note.take_back(record, "undo-sent", SITE_UNDONE),
            }
        })
    };
    let listeners = vec![on("click"), on("keydown")];
    let end = Timeout::new(SITE_UNDO_MS, || {
        // Dropped from the timer's own callback: the listeners go now, the timer after.
        let spent = SITE_UNDO.with(|s| s.borrow_mut().take());
        drop(spent);
    });
    let old = SITE_UNDO.with(|s| s.borrow_mut().replace((listeners, end)));
    drop(old);
    undo
}
