//! The words for each kind of follow-up, in one table: how the list names it, how the in-page
//! chooser names it, what a detailed notification says and what a calendar event is called.
//! Templates (filled with [`crate::text::fill`]) take `{name}` (the person), `{role}`, `{company}`, `{to}` (" to Dana Lee" or
//! nothing) and `{n}` (which nudge).
//!
//! ```
//! use followup::model::Kind;
//! let w = Kind::PositiveReply.words();
//! assert_eq!(w.label, "Reply to the good news");
//! assert_eq!(followup::text::fill(w.notice, &[("company", "Acme")]), "Answer Acme's good news");
//! ```

use crate::model::{Kind, Outcome};

/// The words for one kind of follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindWords {
    /// In the list and on the draft screen ("Thank-you note", then " to Dana Lee").
    pub label: &'static str,
    /// In the in-page chooser ("Thank-you", then " · Dana Lee · Acme Corp").
    pub chooser: &'static str,
    /// A notification that names the person (template).
    pub notice: &'static str,
    /// A calendar event (template).
    pub calendar: &'static str,
}

impl Kind {
    /// This kind's words.
    pub fn words(self) -> KindWords {
        let (label, chooser, notice, calendar) = match self {
            Kind::ThankYou => (
                "Thank-you note",
                "Thank-you",
                "Thank {name} for the {role} interview",
                "Thank-you{to} — {company}",
            ),
            Kind::AdditionalInfo => (
                "Send what you promised",
                "Additional info",
                "Send {name} what you promised",
                "Send additional information{to} — {company}",
            ),
            Kind::NextSteps => (
                "Ask about next steps",
                "Next steps",
                "Ask {name} about next steps",
                "Ask about next steps{to} — {company}",
            ),
            Kind::StatusCheck => (
                "Status check",
                "Status check",
                "Ask {name} where the {role} decision stands",
                "Status check{to} — {company}",
            ),
            Kind::Nudge => (
                "Gentle nudge",
                "Nudge",
                "Send {name} a short, friendly follow-up about the {role} role",
                "Nudge {n}{to} — {company}",
            ),
            Kind::MoveOn => (
                "Time to move on",
                "Move on",
                "No reply from {company} after 3 follow-ups: time to focus elsewhere",
                "Move on from {company} ({role})",
            ),
            Kind::RejectionReply => (
                "Reply to the rejection",
                "Reply to the rejection",
                "Reply graciously to {company} and ask for feedback",
                "Reply to the rejection{to} — {company}",
            ),
            Kind::PositiveReply => (
                "Reply to the good news",
                "Reply to the good news",
                "Answer {company}'s good news",
                "Reply to the good news{to} — {company}",
            ),
        };
        KindWords {
            label,
            chooser,
            notice,
            calendar,
        }
    }
}

impl Outcome {
    /// How the popup's "They replied" buttons and the in-page prompt name it.
    pub fn words(self) -> &'static str {
        match self {
            Outcome::Positive => "Good news",
            Outcome::Neutral => "Neutral",
            Outcome::Negative => "Not selected",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fill;

    #[test]
    fn every_kind_has_every_form_and_the_templates_use_known_keys() {
        for kind in Kind::ALL {
            let w = kind.words();
            for text in [w.label, w.chooser, w.notice, w.calendar] {
                assert!(!text.is_empty(), "{kind}");
                let filled = fill(
                    text,
                    &[
                        ("name", "N"),
                        ("role", "R"),
                        ("company", "C"),
                        ("to", ""),
                        ("n", "1"),
                    ],
                );
                assert!(!filled.contains('{'), "{kind}: {text}");
            }
        }
        assert_eq!(fill("a {x} b {y}", &[("x", "1")]), "a 1 b {y}");
        assert_eq!(fill("open {", &[]), "open {");
    }
}
