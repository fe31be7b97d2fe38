//! Gmail: compose editors (pop-up, full-screen, pop-out, inline reply / forward). The page
//! structure relied on is described in `docs/page-structures.md`; selectors go stable attributes
//! first, classes next, the localized aria-label last.

use super::{push_person, text_of, Compose, Site};
use crate::model::Channel;
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

/// How far up from the editor the compose root is looked for.
const MAX_DEPTH: usize = 16;

/// The compose around `editor`: the nearest ancestor holding Gmail's hidden `composeid`
/// (every compose form has one), else the reply root, the dialog, the form's parent.
fn compose_root(editor: &Element) -> Element {
    let mut at = editor.parent_element();
    for _ in 0..MAX_DEPTH {
        let Some(e) = at else { break };
        if e.query_selector("input[name=composeid]")
            .ok()
            .flatten()
            .is_some()
        {
            return e;
        }
        at = e.parent_element();
    }
    [".M9", "[role=dialog]", ".aSt", "[role=main]"]
        .iter()
        .find_map(|sel| editor.closest(sel).ok().flatten())
        .or_else(|| editor.parent_element())
        .unwrap_or_else(|| editor.clone())
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
            push_person(
                &mut people,
                Person {
                    name: chip.get_attribute("name").filter(|n| !n.trim().is_empty()),
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

    fn compose(&self, editor: &Element) -> Compose {
        let root = compose_root(editor);
        let field = root
            .query_selector("input[name=subjectbox]")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
        // Inline replies and forwards carry a hidden `subject` and sit in a message thread.
        let hidden = root
            .query_selector("input[name=subject]")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
        let inline = editor.closest(".AO, .adB").ok().flatten().is_some();
        let reply = hidden.is_some() || inline;
        let subject = field
            .as_ref()
            .map(HtmlInputElement::value)
            .or_else(|| hidden.as_ref().map(HtmlInputElement::value))
            .or_else(|| text_of(&root, "h2.hP"))
            .filter(|s| !s.trim().is_empty());
        Compose {
            people: recipients(&root),
            subject,
            subject_field: field.filter(|_| !reply),
            channel: Channel::Email,
        }
    }
}
