//! An invitation the user opened in Gmail: what the in-page helper reads of the message when
//! the user asks to track the interview it invites to, and the limits the worker holds it to.
//!
//! The page only shows an invitation's `.ics` file as an attachment chip; fetching the file
//! would be a network request, which the extension never makes. So the message as the user sees
//! it is read instead (its subject, sender, text and links), and the popup's form is filled
//! from that ([`crate::ui::invite::from_message`]); the user checks it before saving.

use super::people::Person;
use serde::{Deserialize, Serialize};

/// The `storage.session` key where the worker keeps the message for the popup's form, which
/// takes it (reads and forgets it) when it opens at `popup.html#invitation`.
pub const SESSION_KEY: &str = "invitation";

/// At most this many links are read from the message.
pub const MAX_LINKS: usize = 64;
/// A link's address or text is cut to this many bytes.
pub const MAX_LINK: usize = 2_000;

/// A link in the message: what it says and where it goes (`https://…`, `mailto:…`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
pub struct Link {
    /// Its visible text.
    #[serde(default)]
    pub text: String,
    /// Its address.
    pub href: String,
}

/// The opened message that carries an invitation, as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
pub struct Invited {
    /// Who sent it.
    pub from: Vec<Person>,
    /// The conversation's subject.
    #[serde(default)]
    pub subject: String,
    /// The message's text (the start of it: [`crate::page::replied::MAX_BODY`]).
    #[serde(default)]
    pub body: String,
    /// Its links (meeting links, guests' addresses), at most [`MAX_LINKS`].
    #[serde(default)]
    pub links: Vec<Link>,
}

impl Invited {
    /// Held to the limits: the body cut to [`crate::page::replied::MAX_BODY`] bytes, at most
    /// [`MAX_LINKS`] links of [`MAX_LINK`] bytes, the subject to 1,000 bytes; each cut on a
    /// character boundary. A page that sends more loses the rest, never the request.
    #[must_use]
    pub fn bounded(mut self) -> Self {
        let cut = |s: &mut String, max: usize| s.truncate(crate::text::floor_boundary(s, max));
        cut(&mut self.body, super::replied::MAX_BODY);
        cut(&mut self.subject, 1_000);
        self.links.truncate(MAX_LINKS);
        for l in &mut self.links {
            cut(&mut l.text, MAX_LINK);
            cut(&mut l.href, MAX_LINK);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_cuts_on_char_boundaries_and_keeps_the_rest() {
        let long = "é".repeat(super::super::replied::MAX_BODY);
        let invited = Invited {
            from: Vec::new(),
            subject: "ü".repeat(800),
            body: long,
            links: vec![
                Link {
                    text: "x".into(),
                    href: "€".repeat(MAX_LINK),
                };
                MAX_LINKS + 5
            ],
        }
        .bounded();
        assert!(invited.body.len() <= super::super::replied::MAX_BODY);
        assert!(invited.subject.len() <= 1_000 && invited.subject.len() >= 998);
        assert_eq!(invited.links.len(), MAX_LINKS);
        assert!(invited.links.iter().all(|l| l.href.len() <= MAX_LINK));
        let short = Invited {
            subject: "Interview".into(),
            ..Invited::default()
        };
        assert_eq!(short.clone().bounded(), short);
    }
}
