//! `length.*`: hard limits by channel (LinkedIn note 300 characters, LinkedIn message 1,000) and
//! soft limits by kind for email (a follow-up is a few short paragraphs, not a repeat of the
//! résumé).

use super::rule::{finding, Rule};
use crate::model::{Channel, Kind};
use crate::tone::context::Context;
use crate::tone::types::{Category, Finding, Severity};

/// Flags messages over the channel limit or too long (or very short) for their kind.
pub struct Length;

/// Most words an email of this kind should have before it reads like a résumé.
pub fn word_limit(kind: Option<Kind>) -> usize {
    match kind {
        Some(Kind::ThankYou) => 250,
        Some(Kind::StatusCheck | Kind::Nudge | Kind::NextSteps) => 150,
        Some(Kind::RejectionReply | Kind::PositiveReply) => 200,
        _ => 350,
    }
}

/// Byte offset of the first char that does not fit in `units` UTF-16 units (or the end).
fn byte_at_unit(text: &str, units: usize) -> usize {
    let mut count = 0;
    for (at, c) in crate::fold::char_indices(text) {
        count += c.len_utf16();
        if count > units {
            return at;
        }
    }
    text.len()
}

impl Rule for Length {
    fn id(&self) -> &'static str {
        "length"
    }

    #[cfg(test)]
    fn description(&self) -> &'static str {
        "Flags messages over the channel's character limit or too long for their kind."
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let text = cx.text.trim_end();
        let limit = match cx.options.channel {
            Channel::LinkedinNote => Some(("length.note_limit", "connection note")),
            Channel::Linkedin => Some(("length.message_limit", "LinkedIn message")),
            Channel::Email | Channel::Phone => None,
        };
        if let Some((rule, what, max)) =
            limit.and_then(|(rule, what)| Some((rule, what, cx.options.channel.limit()?)))
        {
            let units = text.encode_utf16().count();
            if units > max {
                out.push(finding(
                    rule,
                    Category::Length,
                    Severity::Error,
                    (byte_at_unit(text, max), text.len()),
                    format!("A {what} holds at most {max} characters and this one has {units}; the highlighted part would be cut."),
                    None,
                ));
            }
            return;
        }
        if cx.options.channel != Channel::Email {
            return;
        }
        // The context's words (already read for every rule): the same count as
        // `text::word_count` except that a combining mark stays inside its word.
        let words = cx.words.len();
        let max = word_limit(cx.options.kind);
        if words > max {
            out.push(finding(
                "length.too_long",
                Category::Length,
                Severity::Warning,
                (0, 0),
                format!("At {words} words this reads like a résumé; interviewers are busy, so aim for under {max}."),
                None,
            ));
        } else if cx.is_thank_you() && (1..25).contains(&words) {
            out.push(finding(
                "length.too_short",
                Category::Length,
                Severity::Suggestion,
                (0, 0),
                "A thank-you this short can feel perfunctory; a few sentences with one detail land better.",
                None,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Channel;
    use crate::tone::rules::testing::{run, run_with, thank_you};
    use crate::tone::types::LintOptions;

    #[test]
    fn linkedin_note_over_300_is_an_error_spanning_the_overflow() {
        let text = format!("{}😀tail", "a".repeat(299));
        let note = LintOptions {
            channel: Channel::LinkedinNote,
            ..thank_you()
        };
        let f = run_with("length.note_limit", &text, &note);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].start, f[0].end), (299, 305));
        assert!(run_with("length.note_limit", &"a".repeat(300), &note).is_empty());
    }

    #[test]
    fn linkedin_message_limit_is_1000() {
        let li = LintOptions {
            channel: Channel::Linkedin,
            ..thank_you()
        };
        assert_eq!(
            run_with("length.message_limit", &"ab ".repeat(400), &li).len(),
            1
        );
        assert!(run_with("length.message_limit", &"ab ".repeat(300), &li).is_empty());
    }

    #[test]
    fn long_email_thank_you_is_flagged() {
        assert_eq!(run("length.too_long", &"word ".repeat(260)).len(), 1);
        assert!(run("length.too_long", &"word ".repeat(120)).is_empty());
        assert_eq!(run("length.too_short", "Thanks!").len(), 1);
    }
}
