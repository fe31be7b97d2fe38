//! `subject.missing`, `subject.weak`, `subject.pushy`, `subject.long`: an email subject should say
//! what the message is, e.g. "Thank you — Product Manager interview".

use super::rule::{finding, Rule};
use crate::model::Channel;
use crate::tone::context::Context;
use crate::tone::table::fold_phrase;
use crate::tone::types::{Category, Finding, Severity};

/// Checks the email subject when one is given.
pub struct Subject;

/// Words that say nothing about what the email is.
const FILLER: &[&str] = &[
    "re",
    "fwd",
    "fw",
    "hi",
    "hello",
    "hey",
    "following",
    "follow",
    "up",
    "follow-up",
    "followup",
    "checking",
    "in",
    "quick",
    "question",
    "update",
    "just",
    "touching",
    "base",
    "note",
    "hope",
    "well",
    "all",
    "a",
    "the",
    "my",
    "your",
    "some",
    "(no",
    "subject)",
    "hi!",
    "message",
    "email",
];
const PUSHY: &[&str] = &[
    "urgent",
    "asap",
    "important",
    "response needed",
    "reply needed",
    "please read",
    "please respond",
    "action required",
    "still waiting",
    "waiting to hear",
    "waiting for a response",
    "waiting for a reply",
    "waiting for an answer",
    "haven't heard",
    "have not heard",
    "no response",
    "no reply",
    "why no",
    "second follow-up",
    "third follow-up",
    "final follow-up",
    "last follow-up",
    "final notice",
    "reminder",
    "did you get",
    "did you receive",
    "did you see",
    "please reply",
    "please get back",
    "need an answer",
    "need a decision",
    "decision needed",
    "time sensitive",
    "time-sensitive",
    "respond asap",
    "!!",
    "???",
];

/// Whether one of [`PUSHY`] (ASCII) is in `folded` on word boundaries. One pass over the
/// subject: a phrase is tried only where one could start (a word's first byte, or a mark for
/// "!!" and "???") and only when its first byte is there, instead of a scan of the whole
/// subject for each of the 37 phrases.
fn is_pushy(folded: &str) -> bool {
    let bytes = folded.as_bytes();
    bytes.iter().enumerate().any(|(at, &first)| {
        let inside_word = first.is_ascii_alphanumeric()
            && at
                .checked_sub(1)
                .and_then(|i| bytes.get(i))
                .is_some_and(u8::is_ascii_alphanumeric);
        !inside_word
            && PUSHY.iter().any(|p| {
                p.as_bytes().first() == Some(&first)
                    && bytes
                        .get(at..)
                        .is_some_and(|rest| rest.starts_with(p.as_bytes()))
                    && crate::tone::phrases::on_word_boundaries(folded, at, at + p.len())
            })
    })
}

impl Rule for Subject {
    fn id(&self) -> &'static str {
        "subject"
    }

    #[cfg(test)]
    fn description(&self) -> &'static str {
        "Checks that an email subject exists and says what the message is about."
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if cx.options.channel != Channel::Email {
            return;
        }
        let Some(subject) = cx.options.subject.as_deref() else {
            return;
        };
        let folded = fold_phrase(subject);
        let words: Vec<&str> = folded
            .split(|c: char| c.is_whitespace() || matches!(c, ':' | '—' | '–' | ',' | '|'))
            .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '!' | '?' | '"' | '\'')))
            .filter(|w| !w.is_empty() && !matches!(*w, "-"))
            .collect();
        let mut push =
            |rule: &'static str, severity: Severity, why: &'static str, fix: Option<String>| {
                out.push(finding(rule, Category::Subject, severity, (0, 0), why, fix));
            };
        if words.is_empty() {
            push(
                "subject.missing",
                Severity::Warning,
                "An email without a subject is easy to skip; name the interview, e.g. \"Thank you — Product Manager interview\".",
                None,
            );
        } else if is_pushy(&folded) {
            push(
                "subject.pushy",
                Severity::Warning,
                "Urgency words in a subject line pressure the reader; say what the email is about instead.",
                None,
            );
        } else if words.len() < 2 || words.iter().all(|w| FILLER.contains(w)) {
            push(
                "subject.weak",
                Severity::Warning,
                "This subject does not say what the email is; mention the interview or role, e.g. \"Thank you — Product Manager interview\".",
                None,
            );
        } else if words.len() > 12 {
            push(
                "subject.long",
                Severity::Suggestion,
                "Long subjects get cut off in the inbox; keep it under about eight words.",
                None,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Channel;
    use crate::tone::rules::testing::{run_with, thank_you};
    use crate::tone::types::{Finding, LintOptions};

    fn subject(s: &str) -> Vec<Finding> {
        let o = LintOptions {
            subject: Some(s.into()),
            ..thank_you()
        };
        crate::tone::lint("Thanks", &o)
            .into_iter()
            .filter(|f| f.rule.starts_with("subject."))
            .collect()
    }

    #[test]
    fn good_subjects_pass() {
        for s in [
            "Thank you — Product Manager interview",
            "Thank you for the opportunity",
            "QA Engineer interview: follow-up",
            "Checking in on the Data Analyst role",
        ] {
            assert!(subject(s).is_empty(), "{s}");
        }
    }

    #[test]
    fn weak_missing_pushy_subjects_fire() {
        assert_eq!(subject("  ")[0].rule, "subject.missing");
        assert_eq!(subject("Follow up")[0].rule, "subject.weak");
        assert_eq!(subject("Hi")[0].rule, "subject.weak");
        assert_eq!(subject("Re: checking in")[0].rule, "subject.weak");
        assert_eq!(subject("URGENT: decision?")[0].rule, "subject.pushy");
        for s in [
            "Still waiting to hear back…",
            "Still waiting to hear back about the QA role",
            "Second follow-up: Data Analyst interview",
            "Did you get my email?",
            "Reminder: Product Manager interview",
            "Any news??? Product Manager interview",
        ] {
            assert_eq!(
                subject(s).first().map(|f| &*f.rule),
                Some("subject.pushy"),
                "{s}"
            );
        }
    }

    /// Every urgency phrase is found by its first byte, and as `match_indices` found it.
    #[test]
    fn urgency_phrases_are_found_as_by_a_substring_search() {
        for p in super::PUSHY {
            assert!(!p.is_empty() && p.is_ascii(), "{p}");
        }
        let by_search = |folded: &str, p: &str| {
            folded
                .match_indices(p)
                .any(|(at, _)| crate::tone::phrases::on_word_boundaries(folded, at, at + p.len()))
        };
        for s in [
            "urgent",
            "not urgent: reminders, asap-ish",
            "re: haven't heard — final follow-up",
            "réponse: no reply yet",
            "why not",
            "why no answer? urgently",
            "nurgent whyno -asap",
            "any news??? really!!",
            "é urgent",
            "",
        ] {
            let any = super::PUSHY.iter().any(|p| by_search(s, p));
            assert_eq!(super::is_pushy(s), any, "{s}");
        }
    }

    proptest::proptest! {
        /// The one-pass search finds an urgency phrase exactly where a substring search of
        /// every phrase does, on subjects glued from phrase words, marks and other letters.
        #[test]
        fn the_one_pass_search_is_a_substring_search(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "urgent", "asap", "why", "no", "reply", "response", "needed", "!", "?", "é",
                "-", " ", "x", "waiting", "to", "hear", "re:", "final", "follow-up", "'",
            ]),
            0..14,
        )) {
            let s = parts.concat();
            let any = super::PUSHY.iter().any(|p| {
                s.match_indices(p)
                    .any(|(at, _)| crate::tone::phrases::on_word_boundaries(&s, at, at + p.len()))
            });
            proptest::prop_assert_eq!(super::is_pushy(&s), any, "{}", s);
        }
    }

    #[test]
    fn no_subject_given_or_not_email_is_not_checked() {
        assert!(run_with("subject.missing", "Thanks", &thank_you()).is_empty());
        let li = LintOptions {
            channel: Channel::Linkedin,
            subject: Some(String::new()),
            ..thank_you()
        };
        assert!(run_with("subject.missing", "Thanks", &li).is_empty());
    }
}
