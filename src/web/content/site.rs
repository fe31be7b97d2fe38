//! What a supported site must tell the shared code ([`Site`]), what it reads from a compose
//! ([`Compose`]), and the small readers the site modules share.

use super::editor;
use crate::model::Channel;
use crate::page::invited::Link;
use crate::page::people::Person;
use web_sys::{Element, HtmlInputElement, KeyboardEvent};

/// What a supported site must tell the shared code.
pub trait Site {
    /// The value of `data-followup-compose` for this site's editors.
    fn name(&self) -> &'static str;
    /// One CSS selector list matching this site's compose editors (stable attributes first).
    fn editor_selector(&self) -> &'static str;
    /// Elements whose open shadow root can hold editors, as one CSS selector list (`None`: no
    /// such element). Their roots are observed too, since a document observer does not see
    /// inside them, and a host still without a root is watched until the page attaches one.
    fn shadow_hosts(&self) -> Option<&'static str> {
        None
    }
    /// Containers where composes appear, observed with their subtree; `None` observes the whole
    /// body. With containers, the body's own children are still observed (for containers that
    /// appear later), and an editor elsewhere is recognised when it gets focus.
    fn containers(&self, _doc: &web_sys::Document) -> Option<Vec<Element>> {
        None
    }
    /// Whether the containers hold composes and nothing else the helper reads (no conversation
    /// whose new messages matter). Then a container whose composes all have their helper is
    /// watched only along the path from it to each editor (a new compose beside one, a compose
    /// closed, the page removing the chip), and, after a change on those paths, whole for
    /// [`SETTLE_MS`](super::SETTLE_MS) while a compose may still be being built: what the
    /// site changes elsewhere inside it, or inside the message as the user types, costs
    /// nothing.
    fn composes_only(&self) -> bool {
        false
    }
    /// The most characters `editor` takes, if it has a limit (a counter is shown and insertions
    /// are cut to the room left): by default a textarea's `maxlength`.
    fn limit(&self, editor: &Element) -> Option<usize> {
        editor::textarea(editor)
            .map(|t| t.max_length())
            .filter(|&max| max > 0)
            .map(|max| max as usize)
    }
    /// What the page says about the compose around `editor`, read fresh each time.
    fn compose(&self, editor: &Element) -> Compose;
    /// The Send button of the compose around `editor`, if the page shows one.
    fn send_button(&self, _editor: &Element) -> Option<Element> {
        None
    }
    /// Whether `key`, pressed in the editor or the subject field, sends the message (in the
    /// editor, asked only for Enter, with whatever modifiers: every site sends on a form of it).
    fn sends_on_key(&self, _editor: &Element, _key: &KeyboardEvent) -> bool {
        false
    }
    /// Whether the page shows that a send just failed (the compose then stays open).
    fn send_failed(&self) -> bool {
        false
    }
    /// Whether `target`, which the user activated, is the site's own Undo of the send it just
    /// made (the compose comes back unsent).
    fn undoes_send(&self, _target: &Element) -> bool {
        false
    }
    /// The newest message of the conversation the user has open, if one is open and shows one.
    fn opened(&self, _doc: &web_sys::Document) -> Option<Opened> {
        None
    }
}

/// The newest message of a conversation the user opened, as read from the page.
pub struct Opened {
    /// Who sent it.
    pub from: Vec<Person>,
    /// The conversation's subject (email).
    pub subject: String,
    /// The message's text, cut to [`crate::page::replied::MAX_BODY`] bytes.
    pub body: String,
    /// Which message it is (the same message, opened again, has the same key).
    pub key: String,
    /// Where it came.
    pub channel: Channel,
    /// When the message carries a calendar invitation (an `.ics` attachment): its links, read
    /// for the interview form ("Track this interview"); `None` for any other message.
    pub invitation: Option<Vec<Link>>,
}

/// `text` cut to at most `max` bytes, on a character boundary.
pub(super) fn cut(mut text: String, max: usize) -> String {
    text.truncate(crate::text::floor_boundary(&text, max));
    text
}

/// The first element matching `selector` in the nearest ancestor of `editor` that has one,
/// looking no higher than an ancestor matching `outer` (a container of several composes).
pub(super) fn nearest(editor: &Element, selector: &str, outer: &str) -> Option<Element> {
    let mut at = editor.parent_element();
    while let Some(e) = at {
        if e.matches(outer).unwrap_or(true) {
            return None;
        }
        if let Some(found) = e.query_selector(selector).ok().flatten() {
            return Some(found);
        }
        at = e.parent_element();
    }
    None
}

/// Ctrl+Enter (⌘+Enter on a Mac): the send shortcut of both sites.
pub(super) fn ctrl_enter(key: &KeyboardEvent) -> bool {
    key.key() == "Enter" && (key.ctrl_key() || key.meta_key()) && !key.alt_key()
}

/// The compose around one editor, as read from the page.
pub struct Compose {
    /// Who it is addressed to.
    pub people: Vec<Person>,
    /// The subject text, if the compose has one (replies: the hidden one).
    pub subject: Option<String>,
    /// The subject field to fill when it is empty (`None` for replies and subject-less editors).
    pub subject_field: Option<HtmlInputElement>,
    /// Where the message goes (the draft's channel and the checker's rules).
    pub channel: Channel,
}

/// Adds `p` to `people` unless it is empty or already there.
pub(super) fn push_person(people: &mut Vec<Person>, p: Person) {
    if (p.name.is_some() || p.email.is_some() || p.profile.is_some()) && !people.contains(&p) {
        people.push(p);
    }
}

/// Trimmed text content of the first match of `selector` under `root`, if not empty.
pub(super) fn text_of(root: &Element, selector: &str) -> Option<String> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
}
