//! The helper's notes at the bottom of the page: after a send ("Marked sent … Undo") and for a
//! reply the user opened ("Dana Lee replied: record it?"). One host per note
//! (`data-followup-note`, nothing else on it; `data-followup-ui` stays one per compose, as the
//! test contract counts it) with a closed shadow root, placed over the page (`position: fixed`),
//! so it moves nothing of the page's layout.
//!
//! What a page can learn from a note is only that the helper put one there: callers open the
//! host for every send, every opened conversation, tracked or not, and keep it for the same time;
//! its words are CSS generated content (`data-text`), which `window.find()` cannot search, and
//! its controls act only on the user's own input.

use crate::page::people::Person;
use crate::protocol::Recorded;
use crate::web::convert::Raw;
use crate::web::{client, dom};
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, ShadowRootInit, ShadowRootMode};

/// Where a note sits: one note per place, a new one replaces the old.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// After a send, lowest.
    Sent,
    /// For an opened reply, above the first.
    Reply,
}

impl Place {
    /// Above Gmail's own bar at the bottom left ("Message sent · Undo"), which stays usable.
    fn bottom(self) -> &'static str {
        match self {
            Place::Sent => "88px",
            Place::Reply => "148px",
        }
    }
}

const STYLE: &str = ":host{all:initial;position:fixed;left:24px;z-index:2147483000;\
font:14px/1.4 'Google Sans',Roboto,system-ui,-apple-system,sans-serif}\
.ui{--bg:#1f2328;--fg:#f1f3f4;--accent:#a8c7fa;--on-accent:#0b1d33;--line:#80868b}\
.ui.dark{--bg:#e8eaed;--fg:#1f2328;--accent:#0b57d0;--on-accent:#fff;--line:#5f6368}\
.note{display:flex;flex-wrap:wrap;align-items:center;gap:6px 8px;max-width:min(560px,calc(100vw - 48px));box-sizing:border-box;\
background:var(--bg);color:var(--fg);border-radius:8px;padding:8px 8px 8px 16px;box-shadow:0 4px 16px rgba(0,0,0,.3)}\
.note[hidden],button[hidden],.choices[hidden]{display:none}\
.says{flex:1 1 14em;min-width:0}\
.choices{display:flex;gap:4px}\
button{font:inherit;font-weight:600;border:0;border-radius:6px;padding:6px 10px;min-height:32px;background:transparent;color:var(--accent);cursor:pointer}\
button:hover{background:rgba(128,128,128,.25)}\
button:focus-visible{outline:2px solid var(--accent);outline-offset:1px}\
.choices button{font-weight:400;color:var(--fg);border:1px solid var(--line)}\
.choices button[aria-pressed=true]{background:var(--accent);color:var(--on-accent);border-color:var(--accent);font-weight:600}\
.close{color:var(--fg);font-weight:400}\
[data-text]::before{content:attr(data-text)}";

/// A group of choices in a note: its name, the choices (value, words), the value pressed.
pub struct Choices<'a> {
    /// What the group is for ("Record it as").
    pub label: &'a str,
    /// Value and words of each choice.
    pub options: &'a [(&'a str, &'a str)],
    /// The value pressed at first.
    pub chosen: &'a str,
}

/// What a note does with the user's actions (each but closing and choosing).
type Act = Rc<dyn Fn(&Rc<Note>, &str)>;

/// A note in the page.
pub struct Note {
    host: Element,
    ui: Element,
    box_: Element,
    says: Element,
    choices: Element,
    actions: Element,
    listeners: RefCell<Vec<EventListener>>,
    /// Removes the host when it is due (dropping it cancels that).
    timer: RefCell<Option<Timeout>>,
    place: Place,
}

thread_local! {
    static NOTES: RefCell<Vec<Rc<Note>>> = const { RefCell::new(Vec::new()) };
}

impl Note {
    /// A new, empty note host at `place`, in place of the one there; it goes after `lasts` ms,
    /// or when [`Note::close`]d.
    pub fn open(place: Place, lasts: Option<u32>) -> Option<Rc<Note>> {
        let note = Rc::new(Note::build(place).ok()?);
        NOTES.with(|n| {
            let mut n = n.borrow_mut();
            n.retain(|old| {
                if old.place == place {
                    old.host.remove();
                    return false;
                }
                true
            });
            n.push(note.clone());
        });
        if let Some(ms) = lasts {
            let weak = Rc::downgrade(&note);
            *note.timer.borrow_mut() = Some(Timeout::new(ms, move || {
                if let Some(n) = weak.upgrade() {
                    n.close();
                }
            }));
        }
        Some(note)
    }

    fn build(place: Place) -> Result<Note, JsValue> {
        let doc = dom::document()?;
        let body = doc.body().ok_or_else(|| JsValue::from_str("no body"))?;
        let host = dom::el(&doc, "div", &[("data-followup-note", "")], None)?;
        let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Closed))?;
        let sheet = dom::el(
            &doc,
            "style",
            &[],
            // After the sheet: its `all: initial` would reset the place.
            Some(&format!("{STYLE}:host{{bottom:{}}}", place.bottom())),
        )?;
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
        let choices = dom::el(&doc, "div", &[("class", "choices"), ("hidden", "")], None)?;
        let actions = dom::el(&doc, "div", &[("class", "actions")], None)?;
        box_.append_child(&says)?;
        box_.append_child(&choices)?;
        box_.append_child(&actions)?;
        ui.append_child(&box_)?;
        shadow.append_child(&ui)?;
        body.append_child(&host)?;
        Ok(Note {
            host,
            ui,
            box_,
            says,
            choices,
            actions,
            listeners: RefCell::new(Vec::new()),
            timer: RefCell::new(None),
            place,
        })
    }

    /// Shows the note: `text`, a group of `choices` (one pressed at a time), then `buttons`
    /// (action, words) and a close button. `act` gets each
    /// action the user takes (a choice is `choose:<value>`, handled here).
    pub fn show(
        self: &Rc<Self>,
        text: &str,
        choices: Option<Choices<'_>>,
        buttons: &[(&str, &str)],
        act: impl Fn(&Rc<Note>, &str) + 'static,
    ) {
        let Ok(doc) = dom::document() else { return };
        self.say(text);
        clear(&self.choices);
        clear(&self.actions);
        if let Some(Choices {
            label,
            options,
            chosen,
        }) = choices
        {
            let _ = self.choices.set_attribute("role", "group");
            let _ = self.choices.set_attribute("aria-label", label);
            for (value, words) in options {
                let pressed = if *value == chosen { "true" } else { "false" };
                let action = format!("choose:{value}");
                if let Ok(b) = dom::el(
                    &doc,
                    "button",
                    &[
                        ("type", "button"),
                        ("data-action", &action),
                        ("data-text", words),
                        ("aria-label", words),
                        ("aria-pressed", pressed),
                    ],
                    None,
                ) {
                    let _ = self.choices.append_child(&b);
                }
            }
            let _ = self.choices.remove_attribute("hidden");
        }
        let all = buttons
            .iter()
            .map(|(a, w)| (*a, *w, ""))
            .chain([("close-note", "✕", "close")]);
        for (action, words, class) in all {
            if let Ok(b) = dom::el(
                &doc,
                "button",
                &[
                    ("type", "button"),
                    ("data-action", action),
                    ("class", class),
                ],
                Some(words),
            ) {
                if action == "close-note" {
                    let _ = b.set_attribute("aria-label", "Close");
                    let _ = b.set_attribute("title", "Close");
                }
                let _ = self.actions.append_child(&b);
            }
        }
        let dark = doc.body().is_some_and(|b| dom::dark_around(&b));
        let _ = self.ui.class_list().toggle_with_force("dark", dark);
        let _ = self.box_.remove_attribute("hidden");
        self.wire(Rc::new(act));
    }

    /// Changes what the note says.
    pub fn say(&self, text: &str) {
        let _ = self.says.set_attribute("data-text", text);
    }

    /// Hides the button of `action`, and the choices (what they were for is done).
    pub fn done_with(&self, action: &str) {
        let _ = self.choices.set_attribute("hidden", "");
        if let Ok(Some(b)) = self
            .actions
            .query_selector(&format!("[data-action=\"{action}\"]"))
        {
            let _ = b.set_attribute("hidden", "");
        }
    }

    /// The value of the pressed choice.
    pub fn chosen(&self) -> Option<String> {
        self.choices
            .query_selector("[aria-pressed=true]")
            .ok()
            .flatten()
            .and_then(|b| b.get_attribute("data-action"))
            .and_then(|a| a.strip_prefix("choose:").map(str::to_owned))
    }

    fn wire(self: &Rc<Self>, act: Act) {
        self.listeners.borrow_mut().clear();
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
                Some("close-note") => note.dismiss(),
                Some(choice) if choice.starts_with("choose:") => note.press(choice),
                Some(other) => act(&note, other),
                None => {}
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

    fn press(&self, action: &str) {
        for b in dom::query_all(&self.choices.clone().into(), "button") {
            let on = b.get_attribute("data-action").as_deref() == Some(action);
            let _ = b.set_attribute("aria-pressed", if on { "true" } else { "false" });
        }
    }

    /// The user closed the note: its words go, its host stays until it is due (so the page
    /// cannot tell a note that said something from one that did not).
    pub fn dismiss(&self) {
        let _ = self.box_.set_attribute("hidden", "");
        self.say("");
        clear(&self.choices);
        clear(&self.actions);
        self.listeners.borrow_mut().clear();
    }

    /// Removes the note from the page.
    pub fn close(&self) {
        self.host.remove();
        self.listeners.borrow_mut().clear();
        NOTES.with(|n| {
            if let Ok(mut n) = n.try_borrow_mut() {
                n.retain(|x| !x.host.is_same_node(Some(&self.host)));
            }
        });
    }
}

/// What a note says was recorded, until it is taken back (by the note's Undo or the site's).
pub type Record = Rc<RefCell<Option<(Vec<Person>, Vec<Recorded<Raw>>)>>>;

impl Note {
    /// Says what the page `recorded` for `people` ("Marked sent: Thank-you · Dana Lee · Acme
    /// Corp", after `said`), with an Undo (its `data-action` is `undo`) that takes it all back
    /// and then says `undone`. Returns the record, for the site's own Undo ([`Note::take_back`]).
    pub fn tell_recorded(
        self: &Rc<Self>,
        said: &str,
        people: Vec<Person>,
        recorded: Vec<Recorded<Raw>>,
        undo: &'static str,
        undone: &'static str,
    ) -> Record {
        let labels: Vec<&str> = recorded.iter().map(|r| r.label.as_str()).collect();
        let text = format!("{said}: {}", labels.join("; "));
        let what: Record = Rc::new(RefCell::new(Some((people, recorded))));
        let kept = what.clone();
        self.show(&text, None, &[(undo, "Undo")], move |note, action| {
            if action == undo {
                note.take_back(&kept, undo, undone);
            }
        });
        what
    }

    /// Takes back what `what` holds, once (whichever Undo comes first), then says `undone`.
    pub fn take_back(self: &Rc<Self>, what: &Record, undo: &'static str, undone: &'static str) {
        if let Some((people, recorded)) = what.borrow_mut().take() {
            let note = self.clone();
            wasm_bindgen_futures::spawn_local(async move {
                take_back(&note, undo, people, &recorded, undone).await;
            });
        }
    }
}

/// The note's Undo: takes back what the page `recorded` for `people` (the button of `action`
/// goes), then says `words`, or why not.
async fn take_back(
    note: &Note,
    action: &str,
    people: Vec<Person>,
    recorded: &[Recorded<Raw>],
    words: &str,
) {
    note.done_with(action);
    let mut failed = None;
    for r in recorded {
        if let Err(e) = client::page_unsent(people.clone(), r).await {
            failed = Some(e);
        }
    }
    match failed {
        None => note.say(words),
        Some(e) => note.say(&format!(
            "Could not take it back ({e}). The toolbar popup can."
        )),
    }
}

fn clear(e: &Element) {
    while let Some(c) = e.first_child() {
        let _ = e.remove_child(&c);
    }
}
