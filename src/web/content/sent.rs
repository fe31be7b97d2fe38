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
use super::note::{Note, Place};
use super::site::Site;
use crate::model::Channel;
use crate::page::people::{Person, MAX_PEOPLE};
use crate::page::sent::Pick;
use crate::web::{client, dom};
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use web_sys::Element;

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

/// Tells the worker; the note shows what it recorded.
async fn report(x: Sending) {
    let note = Note::open(Place::Sent, Some(NOTE_MS));
    match client::page_sent(x.people.clone(), x.chosen, x.channel).await {
        Ok(recorded) if !recorded.is_empty() => {
            if let Some(note) = note {
                let undone = "Taken back: not marked sent.";
                note.tell_recorded("Marked sent", x.people, recorded, "undo-sent", undone);
            }
        }
        Ok(_) => {}
        Err(e) => web_sys::console::debug_2(
            &"Interview Follow-Up: send not recorded".into(),
            &e.to_string().into(),
        ),
    }
}
