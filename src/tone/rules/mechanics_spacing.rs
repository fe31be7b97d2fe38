//! `mechanics.missing_space` (no space after a full stop, question mark, exclamation mark or
//! comma: "today.I", "Hi Dana,thanks") and `mechanics.doubled_word` ("the the").
//!
//! Precision on professional prose:
//! - a missing space needs a lower-case letter before the stop and a capital after it for `.`,
//!   `!`, `?` ("today.I"), and letters on both sides of a comma ("Dana,thanks"); decimals
//!   ("3.5"), thousands ("1,000"), initials ("U.S.") and dotted names ("Node.js") never match,
//!   and web and e-mail addresses and file names are skipped;
//! - a doubled word must repeat with only spaces between, same letters, and not be one of the
//!   words English doubles on purpose ("that that", "had had", "is is" in "what it is is") or a
//!   number, or a capitalised name ("Walla Walla", "Bora Bora"; "The the" still fires).
//!
//! Both fixes are certain: insert the space, drop the second word.

use super::rule::{finding, Rule};
use crate::case::Lowercase as _;
use crate::tone::context::Context;
use crate::tone::types::{Category, Finding, Severity};
use crate::tone::words::{inside, SPACING};

/// Flags a missing space after punctuation and a word written twice.
pub struct MechanicsSpacing;

/// Words that are correctly doubled in ordinary English.
const DOUBLES_OK: &[&str] = &[
    "that", "had", "is", "do", "bye", "so", "ha", "no", "very", "really",
];

impl Rule for MechanicsSpacing {
    fn id(&self) -> &'static str {
        "mechanics"
    }

    #[cfg(test)]
    fn description(&self) -> &'static str {
        "Flags a missing space after a full stop or comma, and a word written twice in a row."
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let text = cx.text;
        // Only `.`, `!`, `?` and `,` matter ([`SPACING`]), with the chars either side.
        let bytes = text.as_bytes();
        let mut from = 0;
        while let Some(at) = cx.stops.next(text, from, SPACING) {
            from = at + 1;
            let c = char::from(bytes.get(at).copied().unwrap_or(b'.'));
            let before = text.get(..at).and_then(|h| h.chars().next_back());
            let next = text.get(at + 1..).and_then(|t| t.chars().next());
            let (Some(b), Some(n)) = (before, next) else {
                continue;
            };
            let missing = match c {
                '.' | '!' | '?' => b.is_lowercase() && n.is_uppercase(),
                _ => b.is_alphabetic() && n.is_alphabetic(),
            };
            if missing && !inside(&cx.links, at) {
                out.push(finding(
                    "mechanics.missing_space",
                    Category::Spelling,
                    Severity::Warning,
                    (at, at + c.len_utf8()),
                    "A space is missing after this punctuation mark.",
                    Some(format!("{c} ")),
                ));
            }
        }
        for pair in cx.words.windows(2) {
            let [a, b] = pair else {
                continue;
            };
            if !a.text.eq_ignore_ascii_case(b.text) {
                continue;
            }
            let between = text.get(a.end..b.start).unwrap_or("x");
            let lower = a.text.lowercase();
            if a.text.eq_ignore_ascii_case(b.text)
                && !between.is_empty()
                && between.chars().all(|c| c == ' ' || c == '\t')
                && a.text.chars().any(char::is_alphabetic)
                && !DOUBLES_OK.contains(&lower.as_str())
                && !b.text.chars().next().is_some_and(char::is_uppercase)
                && !inside(&cx.links, a.start)
            {
                out.push(finding(
                    "mechanics.doubled_word",
                    Category::Spelling,
                    Severity::Warning,
                    (a.start, b.end),
                    format!("\"{}\" is written twice.", a.text),
                    Some(a.text.to_string()),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::tone::rules::testing::check_examples;

    const FIRES: &[(&str, &str, &[&str])] = &[
        (
            "mechanics.missing_space",
            "Thanks for today.I enjoyed it.",
            &["."],
        ),
        (
            "mechanics.missing_space",
            "Hi Dana,thanks for the call!Best, Sam",
            &[",", "!"],
        ),
        (
            "mechanics.doubled_word",
            "I enjoyed the the tour.",
            &["the the"],
        ),
        (
            "mechanics.doubled_word",
            "Thank you for for your time.",
            &["for for"],
        ),
        (
            "mechanics.doubled_word",
            "The the team was great.",
            &["The the"],
        ),
    ];

    const PASSES: &[&str] = &[
        "Revenue grew 3.5 percent to $1,200,000 in the U.S. market.",
        "I work with Node.js, ASP.NET and Vue.js daily.",
        "See sam.rivera@example.com or www.example.com/Portfolio.Main for the deck.",
        "I know that that plan had had a rough start; what it is is a good fix.",
        "Thank you. I enjoyed it, and the team; bye bye for now.",
        "I enjoyed the tour.\nThe team was great.",
        "Walla Walla, Washington",
    ];

    #[test]
    fn examples_fire_and_pass() {
        check_examples(
            FIRES,
            PASSES,
            &["mechanics.missing_space", "mechanics.doubled_word"],
        );
    }
}
