//! LinkedIn: the message editor in overlay chat bubbles and on the messaging page, the
//! connection-request note and InMail, including modals in the open shadow root of
//! `#interop-outlet`. The page structure relied on is described in `docs/page-structures.md`.

use super::site::{ctrl_enter, cut, push_person, text_of, Compose, Opened, Site};
use crate::case::Lowercase as _;
use crate::model::Channel;
use crate::page::people::Person;
use crate::web::dom;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement};

/// LinkedIn.
pub struct LinkedIn;

const EDITORS: &str = ".msg-form__contenteditable[role=textbox][contenteditable=true],\
textarea#custom-message,\
.send-invite textarea,\
textarea[name=message][maxlength]";

/// LinkedIn's limit for a connection note ([`Channel::limit`], which the checker and the
/// composer use too).
const NOTE_LIMIT: usize = match Channel::LinkedinNote.limit() {
    Some(n) => n,
    None => 0,
};

/// Whether a textarea without `maxlength` is a connection note, limited to [`NOTE_LIMIT`]: its
/// known id (`custom-message`), or a dialog around it that is the invitation (`.send-invite`)
/// or shows LinkedIn's own counter (`0/300`: digits, a slash, 300; the same in every language).
fn connection_note(editor: &Element) -> bool {
    if editor.id() == "custom-message" {
        return true;
    }
    let Some(dialog) = editor.closest("[role=dialog]").ok().flatten() else {
        return false;
    };
    if dialog.class_list().contains("send-invite") {
        return true;
    }
    let text: String = dialog
        .text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    let limit = format!("/{NOTE_LIMIT}");
    text.match_indices(&limit).any(|(at, _)| {
        text[..at].ends_with(|c: char| c.is_ascii_digit())
            && !text[at + limit.len()..].starts_with(|c: char| c.is_ascii_digit())
    })
}

/// Headings that name no one.
const NOBODY: &[&str] = &[
    "new message",
    "neue nachricht",
    "nouveau message",
    "nuevo mensaje",
];

/// A person from a name element and the profile link around or inside `scope`.
fn person(scope: &Element, name_selectors: &str) -> Option<Person> {
    let name =
        text_of(scope, name_selectors).filter(|n| !NOBODY.contains(&n.lowercase().as_str()))?;
    let profile = scope
        .query_selector("a[href*=\"/in/\"]")
        .ok()
        .flatten()
        .and_then(|a| a.get_attribute("href"));
    Some(Person {
        name: Some(name),
        email: None,
        profile,
    })
}

/// The person whose profile page this is (the connection note and InMail modals open there).
fn profile_page_person() -> Option<Person> {
    let doc = dom::document().ok()?;
    let main = doc.document_element()?;
    let name = text_of(&main, "h1.text-heading-xlarge, .pv-top-card h1, main h1")?;
    let href = doc.location()?.href().ok()?;
    Some(Person {
        name: Some(name),
        email: None,
        profile: href.contains("/in/").then_some(href),
    })
}

fn people(editor: &Element) -> Vec<Person> {
    let mut out = Vec::new();
    // Overlay bubble: its header.
    if let Some(bubble) = editor
        .closest("[id^=\"msg-overlay-conversation-bubble-\"], .msg-overlay-conversation-bubble")
        .ok()
        .flatten()
    {
        if let Some(p) = person(&bubble, ".msg-overlay-bubble-header__title") {
            push_person(&mut out, p);
        }
        for pill in dom::query_all(&bubble.clone().into(), ".artdeco-pill") {
            if let Some(t) = pill.text_content() {
                push_person(&mut out, Person::named(&t));
            }
        }
        return out;
    }
    // A modal (connection note, InMail): its recipient, else the profile page's person.
    if let Some(dialog) = editor.closest("[role=dialog]").ok().flatten() {
        if let Some(p) = person(&dialog, ".artdeco-pill, .msg-compose-form__recipient-name") {
            push_person(&mut out, p);
        }
        if let Some(p) = profile_page_person() {
            push_person(&mut out, p);
        }
        return out;
    }
    // Messaging page: the thread's title.
    let scope = editor
        .closest(".msg-thread, .msg-convo-wrapper, main")
        .ok()
        .flatten()
        .or_else(|| dom::document().ok().and_then(|d| d.document_element()));
    if let Some(scope) = scope {
        if let Some(p) = person(
            &scope,
            ".msg-entity-lockup__entity-title, .msg-thread__link-to-profile, .msg-s-message-group__name",
        ) {
            push_person(&mut out, p);
        }
        for pill in dom::query_all(&scope.clone().into(), ".artdeco-pill") {
            if let Some(t) = pill.text_content() {
                push_person(&mut out, Person::named(&t));
            }
        }
    }
    out
}

impl Site for LinkedIn {
    fn name(&self) -> &'static str {
        "linkedin"
    }

    fn editor_selector(&self) -> &'static str {
        EDITORS
    }

    /// The modal outlet, whose open shadow root may be attached after the outlet is in the page.
    fn shadow_hosts(&self) -> Option<&'static str> {
        Some("#interop-outlet, [data-testid=interop-shadowdom]")
    }

    /// Chat bubbles, the messaging page's conversation, and the modal outlets (the shadow-DOM
    /// one is observed through [`Site::shadow_hosts`]); the busy feed is not observed, and an
    /// editor that shows up elsewhere is recognised when it gets focus.
    fn containers(&self, doc: &web_sys::Document) -> Option<Vec<Element>> {
        Some(dom::query_all(
            &doc.clone().into(),
            "#msg-overlay, .msg-overlay-container, .msg-convo-wrapper, .msg-thread, \
             #artdeco-modal-outlet, .artdeco-modal-overlay, [role=dialog]",
        ))
    }

    /// A textarea's `maxlength`, else 300 for a connection note: LinkedIn's current invitation
    /// dialog declares no `maxlength` and counts "0/300" itself.
    fn limit(&self, editor: &Element) -> Option<usize> {
        let textarea = editor.dyn_ref::<HtmlTextAreaElement>()?;
        match textarea.max_length() {
            max if max > 0 => Some(max as usize),
            _ => connection_note(editor).then_some(NOTE_LIMIT),
        }
    }

    fn compose(&self, editor: &Element) -> Compose {
        let note = editor.tag_name() == "TEXTAREA";
        let field = editor
            .closest("[role=dialog]")
            .ok()
            .flatten()
            .and_then(|d| d.query_selector("[name=subject]").ok().flatten())
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
        Compose {
            people: people(editor),
            subject: field
                .as_ref()
                .map(HtmlInputElement::value)
                .filter(|s| !s.trim().is_empty()),
            subject_field: field,
            channel: if note {
                Channel::LinkedinNote
            } else {
                Channel::Linkedin
            },
        }
    }

    /// The message form's submit button, or the primary button of the invitation dialog.
    fn send_button(&self, editor: &Element) -> Option<Element> {
        let within = |scope: &str, button: &str| {
            editor
                .closest(scope)
                .ok()
                .flatten()
                .and_then(|s| s.query_selector(button).ok().flatten())
        };
        within(
            "form, .msg-form",
            "button.msg-form__send-button, button[type=submit]",
        )
        .or_else(|| within("[role=dialog]", "button.artdeco-button--primary"))
    }

    /// In a message editor, Enter sends when LinkedIn's "Press Enter to send" is on (else it
    /// starts a line, and the editor does not empty, so nothing is recorded), and Ctrl+Enter
    /// sends either way. A note (a textarea) is sent by its button only.
    fn sends_on_key(&self, editor: &Element, key: &web_sys::KeyboardEvent) -> bool {
        let plain_enter =
            key.key() == "Enter" && !key.shift_key() && !key.alt_key() && !key.is_composing();
        editor.tag_name() != "TEXTAREA" && (plain_enter || ctrl_enter(key))
    }

    /// The newest message of the conversation on screen (the messaging page's thread, else the
    /// first chat bubble that shows messages), when the other party sent it
    /// (`.msg-s-event-listitem--other`): its sender is the nearest group name and profile link at
    /// or before it (LinkedIn names a group of messages once), else the conversation's title.
    fn opened(&self, doc: &web_sys::Document) -> Option<Opened> {
        let scopes = dom::query_all(
            &doc.clone().into(),
            ".msg-thread, .msg-convo-wrapper, .msg-overlay-conversation-bubble",
        );
        let (scope, last) = scopes.into_iter().find_map(|scope| {
            let last = dom::query_all(&scope.clone().into(), ".msg-s-event-listitem").pop()?;
            Some((scope, last))
        })?;
        if !last.class_list().contains("msg-s-event-listitem--other") {
            return None;
        }
        let at_or_before = |selector: &str| {
            dom::query_all(&scope.clone().into(), selector)
                .into_iter()
                .rev()
                .find(|e| {
                    last.contains(Some(e))
                        || last.compare_document_position(e)
                            & web_sys::Node::DOCUMENT_POSITION_PRECEDING
                            != 0
                })
        };
        let title = person(
            &scope,
            ".msg-entity-lockup__entity-title, .msg-overlay-bubble-header__title",
        );
        let name = at_or_before(".msg-s-message-group__name")
            .and_then(|n| n.text_content())
            .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|n| !n.is_empty())
            .or_else(|| title.as_ref().and_then(|t| t.name.clone()))?;
        let profile = at_or_before("a.msg-s-event-listitem__link[href*=\"/in/\"]")
            .and_then(|a| a.get_attribute("href"))
            .or_else(|| title.and_then(|t| t.profile));
        let body = dom::inner_text_of(&last, ".msg-s-event-listitem__body");
        let key = last
            .get_attribute("data-event-urn")
            .unwrap_or_else(|| format!("{name} {body}"));
        Some(Opened {
            from: vec![Person {
                name: Some(name),
                email: None,
                profile,
            }],
            subject: String::new(),
            body: cut(body, crate::page::replied::MAX_BODY),
            key,
            channel: Channel::Linkedin,
            invitation: None,
        })
    }
}
