//! Gmail: compose editors (pop-up, full-screen, pop-out, inline reply / forward). The page
//! structure relied on is described in `docs/page-structures.md`; selectors go stable attributes
//! first, classes next, the localized aria-label last.

use super::site::{ctrl_enter, cut, nearest, push_person, text_of, Compose, Opened, Site};
use crate::model::Channel;
use crate::page::invited::{Link, MAX_LINK, MAX_LINKS};
use crate::page::people::{parse_addresses, Person};
use crate::web::dom;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// Gmail.
pub struct Gmail;

/// Editors: `g_editable` (stable), Gmail's editor classes, then the body's localized label.
const EDITORS: &str = "div[g_editable=true][role=textbox],\
div.Am.Al.editable[contenteditable=true],\
div[contenteditable=true][aria-label=\"Message Body\"],\
div[contenteditable=true][aria-label=\"Nachrichtentext\"],\
div[contenteditable=true][aria-label=\"Corps du message\"],\
div[contenteditable=true][aria-label=\"Cuerpo del mensaje\"]";

/// Elements that hold one whole compose: Gmail's compose table (`td.I5` holds the form and the
/// editor's table, `table.aoP` and its `.aoI` region hold both), the compose and reply root
/// (`.M9`), the full-screen compose (`.aSt`), the pop-up's dialog, and a pop-out's main area.
const ROOTS: &str = "td.I5, table.aoP, .aoI, .M9, .aSt, [role=dialog], [role=main]";

/// Containers of several composes: the root of one compose is never looked for above them.
const OUTER: &str = ".dw, .aSs, body";

/// The Send button: its class, else the first button of the send cell (`.Up`) that opens no
/// menu ("More send options" does). Its label and tooltip are localized.
const SEND: &str = "div[role=button].aoO, .Up div > div[role=button]:not([aria-haspopup])";

/// The compose around `editor`: going up from it, the first ancestor that holds Gmail's hidden
/// `composeid` (every full compose form has one, sometimes fifteen levels up) or is one of the
/// compose's own elements ([`ROOTS`]), whichever comes first; never above a container of several
/// composes. A bare editor with neither is its own compose (its parent).
fn compose_root(editor: &Element) -> Element {
    let mut at = editor.parent_element();
    while let Some(e) = at {
        if e.matches(OUTER).unwrap_or(true) {
            break;
        }
        let has_id = e
            .query_selector("input[name=composeid]")
            .ok()
            .flatten()
            .is_some();
        if has_id || e.matches(ROOTS).unwrap_or(false) {
            return e;
        }
        at = e.parent_element();
    }
    editor.parent_element().unwrap_or_else(|| editor.clone())
}

/// Whether `input` is a subject box the user sees and can type in.
fn editable(input: &HtmlInputElement) -> bool {
    input.type_() != "hidden" && !input.disabled() && !input.read_only() && dom::visible(input)
}

/// To recipients: chips (`data-hovercard-id` email, `data-name` name), legacy chips with an
/// `email` attribute, then the legacy text fields.
fn recipients(root: &Element) -> Vec<Person> {
    let mut people = Vec::new();
    for chip in dom::query_all(&root.clone().into(), "[name=to] [data-hovercard-id]") {
        let email = chip
            .get_attribute("data-hovercard-id")
            .filter(|e| e.contains('@'));
        let name = chip
            .get_attribute("data-name")
            .or_else(|| chip.text_content())
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty() && Some(n) != email.as_ref());
        push_person(
            &mut people,
            Person {
                name,
                email,
                profile: None,
            },
        );
    }
    if people.is_empty() {
        for chip in dom::query_all(&root.clone().into(), ".vR [email], span[email]") {
            // The name is in `name`, or shown inside the chip (`.vT`).
            let name = chip
                .get_attribute("name")
                .or_else(|| text_of(&chip, ".vT"))
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty());
            push_person(
                &mut people,
                Person {
                    name,
                    email: chip.get_attribute("email"),
                    profile: None,
                },
            );
        }
    }
    if people.is_empty() {
        for field in dom::query_all(&root.clone().into(), "textarea[name=to], input[name=to]") {
            let value = field
                .dyn_ref::<HtmlInputElement>()
                .map(HtmlInputElement::value)
                .or_else(|| {
                    field
                        .dyn_ref::<web_sys::HtmlTextAreaElement>()
                        .map(|t| t.value())
                })
                .unwrap_or_default();
            for p in parse_addresses(&value) {
                push_person(&mut people, p);
            }
        }
    }
    people
}

impl Site for Gmail {
    fn name(&self) -> &'static str {
        "gmail"
    }

    fn editor_selector(&self) -> &'static str {
        EDITORS
    }

    /// The pop-up compose container (`.dw`), the full-screen compose (`.aSs`) and a pop-out
    /// window's main area; inline replies in the busy thread view are caught on focus.
    fn containers(&self, doc: &web_sys::Document) -> Option<Vec<Element>> {
        Some(dom::query_all(
            &doc.clone().into(),
            ".dw, .aSs, body.xE [role=main]",
        ))
    }

    /// The compose dock, the full-screen compose and a pop-out window hold composes only (the
    /// conversation view is elsewhere).
    fn composes_only(&self) -> bool {
        true
    }

    fn compose(&self, editor: &Element) -> Compose {
        let root = compose_root(editor);
        let input = |selector: &str| {
            root.query_selector(selector)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        };
        let field = input("input[name=subjectbox]");
        // Forms carry a hidden `subject` whether new or reply; what tells them apart is what the
        // user sees: a new message shows a subject box to type in, a reply shows none (and an
        // editor inside a message of the thread is a reply whatever else is there).
        let hidden = input("input[name=subject]");
        let inline = editor.closest(".AO, .adB").ok().flatten().is_some();
        let new_message = !inline && field.as_ref().is_some_and(editable);
        let subject = [&field, &hidden]
            .into_iter()
            .flatten()
            .map(HtmlInputElement::value)
            .find(|s| !s.trim().is_empty())
            .or_else(|| text_of(&root, "h2.hP"));
        Compose {
            people: recipients(&root),
            subject,
            subject_field: field.filter(|_| new_message),
            channel: Channel::Email,
        }
    }

    fn send_button(&self, editor: &Element) -> Option<Element> {
        nearest(editor, SEND, OUTER)
    }

    /// Ctrl+Enter (⌘+Enter) anywhere in the compose.
    fn sends_on_key(&self, _editor: &Element, key: &web_sys::KeyboardEvent) -> bool {
        ctrl_enter(key)
    }

    /// The conversation view's newest message that shows its sender (`span.gD` with `email` and
    /// `name`) and its text (`.a3s`); collapsed older messages are left alone. Only this one
    /// message is read.
    fn opened(&self, doc: &web_sys::Document) -> Option<Opened> {
        let main = doc.query_selector("[role=main]").ok().flatten()?;
        let message = dom::query_all(&main.clone().into(), ".adn")
            .into_iter()
            .rev()
            .find(|m| m.query_selector(".a3s").ok().flatten().is_some())?;
        let sender = message
            .query_selector("span.gD[email], .gD [email], h3 [email]")
            .ok()
            .flatten()?;
        let email = sender.get_attribute("email").filter(|e| e.contains('@'))?;
        let name = sender
            .get_attribute("name")
            .or_else(|| sender.text_content())
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty() && *n != email);
        let body = dom::inner_text_of(&message, ".a3s");
        let id = message
            .get_attribute("data-message-id")
            .or_else(|| message.get_attribute("data-legacy-message-id"))
            .or_else(|| doc.location().and_then(|l| l.hash().ok()))
            .unwrap_or_default();
        Some(Opened {
            key: format!("{id} {email}"),
            from: vec![Person {
                name,
                email: Some(email),
                profile: None,
            }],
            subject: text_of(&main, "h2.hP").unwrap_or_default(),
            body: cut(body, crate::page::replied::MAX_BODY),
            channel: Channel::Email,
            invitation: invitation_in(&message),
        })
    }

    /// Gmail's "Message sent" bar has an Undo (`#link_undo`, its words localized) for as long
    /// as the user's undo period (5 to 30 s); it reopens the compose, unsent.
    fn undoes_send(&self, target: &Element) -> bool {
        target.closest("#link_undo").ok().flatten().is_some()
    }

    /// Gmail says why it did not send in an alert dialog ("Please specify at least one
    /// recipient", an address it does not recognise) and keeps the compose open.
    fn send_failed(&self) -> bool {
        dom::document()
            .ok()
            .and_then(|d| d.query_selector("[role=alertdialog]").ok().flatten())
            .is_some_and(|e| dom::visible(&e))
    }
}

/// The links of a message that carries a calendar invitation, which Gmail shows as an
/// attachment chip: an element whose `download_url` says `text/calendar` or `application/ics`,
/// or a chip name (`.aV3`) ending in `.ics`. `None` (and nothing read) for any other message.
fn invitation_in(message: &Element) -> Option<Vec<Link>> {
    let root: wasm_bindgen::JsValue = message.clone().into();
    let carries = dom::query_all(&root, "[download_url], .aV3")
        .iter()
        .any(|chip| {
            let ics = |name: &str| name.trim().to_ascii_lowercase().ends_with(".ics");
            match chip.get_attribute("download_url") {
                // "mime:name:address"
                Some(d) => {
                    let mut parts = d.splitn(3, ':');
                    let mime = parts.next().unwrap_or("").to_ascii_lowercase();
                    mime == "text/calendar"
                        || mime == "application/ics"
                        || ics(parts.next().unwrap_or(""))
                }
                None => chip.text_content().is_some_and(|t| ics(&t)),
            }
        });
    if !carries {
        return None;
    }
    let links = dom::query_all(&root, ".a3s a[href]")
        .into_iter()
        .filter_map(|a| {
            let href = a.get_attribute("href")?;
            let lower = href.trim_start().get(..7)?.to_ascii_lowercase();
            if !(lower.starts_with("https:") || lower.starts_with("http:") || lower == "mailto:") {
                return None;
            }
            let text = a.text_content().unwrap_or_default();
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            Some(Link {
                text: cut(text, MAX_LINK),
                href: cut(href, MAX_LINK),
            })
        })
        .take(MAX_LINKS)
        .collect();
    Some(links)
}
