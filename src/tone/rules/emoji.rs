//! `casual.emoji`: emoji and text emoticons (they make a note to an interviewer read like a
//! chat message).

use super::rule::{finding, Rule};
use crate::tone::context::Context;
use crate::tone::types::{Category, Finding, Severity};
use crate::tone::words::EMOTICON;

/// Flags each run of emoji (with its modifiers and joiners) and each emoticon such as `:)`.
pub struct Emoji;

/// A pictographic char that starts an emoji.
pub(crate) fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{1F000}'..='\u{1FAFF}'
        | '\u{2600}'..='\u{27BF}'
        | '\u{2B00}'..='\u{2BFF}'
        | '\u{231A}'..='\u{231B}'
        | '\u{23E9}'..='\u{23FA}'
        | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}')
}

/// A char that continues an emoji sequence: joiner, variation selectors, skin tones, keycap, tags.
fn continues_emoji(c: char) -> bool {
    matches!(c,
        '\u{200D}' | '\u{FE0E}' | '\u{FE0F}' | '\u{20E3}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}')
        || is_emoji(c)
}

const EMOTICONS: &[&str] = &[
    ":-)", ":)", ":-(", ":(", ":-D", ":D", ";-)", ";)", ":P", ":-P", ":p", "<3", "xD", "XD", ":o",
    ":/", "^^", "^_^", ":')",
];

impl Rule for Emoji {
    fn id(&self) -> &'static str {
        "casual.emoji"
    }

    #[cfg(test)]
    fn description(&self) -> &'static str {
        "Flags emoji and emoticons, which are too casual for a note to an interviewer."
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let text = cx.text;
        let mut spans: Vec<(usize, usize)> = Vec::new();
        // An ASCII byte is an emoticon's start or nothing, and only the other chars are
        // decoded: both among the context's stops ([`EMOTICON`]: `start` is always a char's
        // first byte, so the next char beyond ASCII starts at the next such first byte).
        let bytes = text.as_bytes();
        let mut start = 0;
        while let Some(at) = cx.stops.next(text, start, EMOTICON) {
            start = at;
            let b = bytes.get(at).copied().unwrap_or(0);
            if b >= 0x80 {
                let Some(c) = text.get(start..).and_then(|r| r.chars().next()) else {
                    start += 1;
                    continue;
                };
                let mut end = start + c.len_utf8();
                if is_emoji(c) {
                    while let Some(next) = text
                        .get(end..)
                        .and_then(|r| r.chars().next())
                        .filter(|&n| continues_emoji(n))
                    {
                        end += next.len_utf8();
                    }
                    spans.push((start, end));
                }
                start = end;
                continue;
            }
            start += 1;
            let before_ok = text
                .get(..at)
                .and_then(|h| h.chars().next_back())
                .is_none_or(char::is_whitespace);
            if !before_ok {
                continue;
            }
            let rest = text.get(at..).unwrap_or("");
            let Some(e) = EMOTICONS
                .iter()
                .filter(|e| rest.starts_with(**e))
                .max_by_key(|e| e.len())
            else {
                continue;
            };
            let end = at + e.len();
            let after_ok = text
                .get(end..)
                .and_then(|t| t.chars().next())
                .is_none_or(|n| n.is_whitespace() || matches!(n, '.' | ',' | '!' | '?' | ')'));
            if after_ok {
                spans.push((at, end));
            }
        }
        for span in spans {
            out.push(finding(
                "casual.emoji",
                Category::Casual,
                Severity::Warning,
                span,
                "Emoji and emoticons read as too casual in a note to an interviewer.",
                Some(String::new()),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::tone::rules::testing::{run, span};

    #[test]
    fn emoji_sequences_are_one_finding() {
        let t = "Thanks 👍🏽 and 👩‍💻!";
        let f = run("casual.emoji", t);
        assert_eq!(f.len(), 2);
        assert_eq!(span(t, &f[0]), "👍🏽");
        assert_eq!(span(t, &f[1]), "👩‍💻");
    }

    #[test]
    fn emoticons_fire_but_not_inside_text() {
        let t = "See you then :)";
        assert_eq!(span(t, &run("casual.emoji", t)[0]), ":)");
        assert!(run(
            "casual.emoji",
            "Agenda:Dinner at 6:30 (see https://x.example)"
        )
        .is_empty());
        assert!(run("casual.emoji", "Thank you for your time.").is_empty());
    }
}
