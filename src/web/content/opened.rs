//! Replies, noticed: when the user opens a conversation whose newest message comes from a
//! tracked interviewer, a note offers to record the reply, with the outcome the core's
//! classifier reads in it pre-selected ("Dana Lee replied. Record it as: Good news · Neutral ·
//! Not selected"); one click records it, and Undo takes it back.
//!
//! Only the message the user has open is read ([`Site::opened`]), when they open it (the site
//! changes its address: Gmail's `#inbox/…`; LinkedIn's thread changes inside the observed
//! containers), never the inbox or the list of conversations. The worker decides whether the
//! sender is tracked and the reply still unrecorded ([`crate::page::replied`]). A note host
//! ([`super::note`]) is there for every opened conversation, tracked or not, and goes when the
//! conversation does; "Not now" is remembered for that message while the tab is open.
//!
//! A message that carries a calendar invitation (Gmail's `.ics` attachment chip) gets "Track
//! this interview" instead, for any sender: the worker opens the popup's form filled in from the
//! message ([`crate::page::invited`]).

use super::note::{Choices, Note, Place};
use super::site::{Opened, Site};
use crate::model::Outcome;
use crate::page::invited::Invited;
use crate::page::replied::ReplyOffer;
use crate::web::{client, dom};
use gloo_events::EventListener;
use gloo_timers::callback::{Interval, Timeout};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// How often, and how many times, the page is looked at after it changes its address (the
/// site renders the conversation a moment later).
const LOOK_EVERY_MS: u32 = 250;
const LOOKS: u32 = 16;

/// The conversation on screen and its note.
struct Current {
    key: String,
    note: Option<Rc<Note>>,
}

thread_local! {
    static CURRENT: RefCell<Option<Current>> = const { RefCell::new(None) };
    static DISMISSED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static LOOKING: RefCell<Option<Interval>> = const { RefCell::new(None) };
    static SOON: RefCell<Option<Timeout>> = const { RefCell::new(None) };
    static LEFT: Cell<u32> = const { Cell::new(0) };
    static NAVIGATION: RefCell<Option<EventListener>> = const { RefCell::new(None) };
}

/// Looks for an opened conversation now and whenever the page changes its address.
pub fn watch(site: &'static dyn Site) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = EventListener::new(&window, "hashchange", move |_| look_for_a_while(site));
    NAVIGATION.with(|n| *n.borrow_mut() = Some(listener));
    look_for_a_while(site);
}

/// The page changed inside the observed containers (a message arrived, a thread was opened):
/// looks again soon, at most once per [`LOOK_EVERY_MS`] while the page keeps changing.
pub fn changed(site: &'static dyn Site) {
    if LOOKING.with(|l| l.borrow().is_some()) || SOON.with(|s| s.borrow().is_some()) {
        return;
    }
    let soon = Timeout::new(LOOK_EVERY_MS, move || {
        let spent = SOON.with(|s| s.borrow_mut().take());
        drop(spent);
        look(site);
    });
    SOON.with(|s| *s.borrow_mut() = Some(soon));
}

/// Looks [`LOOKS`] times, [`LOOK_EVERY_MS`] apart.
fn look_for_a_while(site: &'static dyn Site) {
    LEFT.with(|l| l.set(LOOKS));
    look(site);
    LOOKING.with(|l| {
        let mut l = l.borrow_mut();
        if l.is_none() {
            *l = Some(Interval::new(LOOK_EVERY_MS, move || {
                look(site);
                let left = LEFT.with(|l| {
                    l.set(l.get().saturating_sub(1));
                    l.get()
                });
                if left == 0 {
                    // Dropping the interval from its own callback: cleared, then freed after.
                    let done = LOOKING.with(|l| l.borrow_mut().take());
                    drop(done);
                }
            }));
        }
    });
}

/// The conversation on screen: a new one gets its note host and is asked about; one that left
/// takes its note with it.
fn look(site: &'static dyn Site) {
    let Ok(doc) = dom::document() else { return };
    let opened = site.opened(&doc);
    let same = CURRENT.with(|c| {
        c.borrow().as_ref().map(|c| c.key.as_str()) == opened.as_ref().map(|o| o.key.as_str())
    });
    if same {
        return;
    }
    let old = CURRENT.with(|c| c.borrow_mut().take());
    if let Some(note) = old.and_then(|o| o.note) {
        note.close();
    }
    let Some(opened) = opened else { return };
    let note = Note::open(Place::Reply, None);
    CURRENT.with(|c| {
        *c.borrow_mut() = Some(Current {
            key: opened.key.clone(),
            note: note.clone(),
        })
    });
    let dismissed = DISMISSED.with(|d| d.borrow().contains(&opened.key));
    match (note, dismissed) {
        (Some(note), false) if opened.invitation.is_some() => offer_tracking(opened, &note),
        (Some(note), false) => wasm_bindgen_futures::spawn_local(ask(opened, note)),
        _ => {}
    }
}

/// A message that carries a calendar invitation: the note offers to track the interview (for
/// any invitation, so what the page sees says nothing about what is tracked). The reply offer
/// is not made for it: an invitation is the calendar's message, not the person's answer.
fn offer_tracking(opened: Opened, note: &Rc<Note>) {
    let opened = Rc::new(opened);
    let buttons = [
        ("track-invitation", "Track this interview"),
        ("not-now", "Not now"),
    ];
    note.show(
        "This message invites you to a meeting. Track it as an interview?",
        None,
        &buttons,
        move |note, action| match action {
            "track-invitation" => {
                wasm_bindgen_futures::spawn_local(track(note.clone(), opened.clone()));
            }
            "not-now" => {
                DISMISSED.with(|d| d.borrow_mut().push(opened.key.clone()));
                note.dismiss();
            }
            _ => {}
        },
    );
}

/// Hands the invitation to the worker, which opens the interview form filled from it.
async fn track(note: Rc<Note>, opened: Rc<Opened>) {
    let message = Invited {
        from: opened.from.clone(),
        subject: opened.subject.clone(),
        body: opened.body.clone(),
        links: opened.invitation.clone().unwrap_or_default(),
    };
    match client::page_invitation(message).await {
        Ok(_) => {
            note.done_with("track-invitation");
            note.done_with("not-now");
            note.say("The interview form opened in a window of its own, filled in from this invitation. Check it, then save.");
        }
        Err(e) => note.say(&format!(
            "The form did not open ({e}). The toolbar popup's “Add interview” takes the invitation's .ics file."
        )),
    }
}

/// The outcomes, as the note offers them.
const OUTCOMES: [Outcome; 3] = [Outcome::Positive, Outcome::Neutral, Outcome::Negative];

async fn ask(opened: Opened, note: Rc<Note>) {
    let offer = match client::page_reply(
        opened.from.clone(),
        opened.subject.clone(),
        opened.body.clone(),
    )
    .await
    {
        Ok(Some(offer)) => offer,
        Ok(None) => return,
        Err(e) => {
            web_sys::console::debug_2(
                &"Interview Follow-Up: reply not read".into(),
                &e.to_string().into(),
            );
            return;
        }
    };
    let opened = Rc::new(opened);
    let options: Vec<(&str, &str)> = OUTCOMES.iter().map(|o| (o.as_str(), o.words())).collect();
    let text = format!("{} replied. Record it as:", offer.label);
    let choices = Choices {
        label: "Record the reply as",
        options: &options,
        chosen: offer.outcome.as_str(),
    };
    let buttons = [("record-reply", "Record"), ("not-now", "Not now")];
    let offer = Rc::new(offer);
    note.show(
        &text,
        Some(choices),
        &buttons,
        move |note, action| match action {
            "record-reply" => {
                let outcome = note
                    .chosen()
                    .and_then(|c| OUTCOMES.into_iter().find(|o| o.as_str() == c))
                    .unwrap_or(offer.outcome);
                let (note, opened, offer) = (note.clone(), opened.clone(), offer.clone());
                wasm_bindgen_futures::spawn_local(record(note, opened, offer, outcome));
            }
            "not-now" => {
                DISMISSED.with(|d| d.borrow_mut().push(opened.key.clone()));
                note.dismiss();
            }
            _ => {}
        },
    );
}

async fn record(note: Rc<Note>, opened: Rc<Opened>, offer: Rc<ReplyOffer>, outcome: Outcome) {
    let from = opened.from.clone();
    match client::page_replied(from.clone(), &offer.interview, outcome, opened.channel).await {
        Ok(recorded) => {
            let undone = "Taken back: the reply is not recorded.";
            note.tell_recorded("Recorded", from, recorded, "undo-reply", undone);
        }
        Err(e) => note.say(&format!(
            "Not recorded ({e}). The toolbar popup can record it."
        )),
    }
}
