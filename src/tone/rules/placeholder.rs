//! `placeholder.template` and `placeholder.marker`: unfilled template slots (`[Company Name]`,
//! `{{name}}`, `<Job Title>`, `___`, bare capitals such as `Dear NAME,` or `COMPANY NAME`) and
//! draft markers (XXX, TBD, TODO, lorem ipsum).

use super::rule::{finding, Rule};
use crate::case::Lowercase as _;
use crate::tone::context::Context;
use crate::tone::types::{Category, Finding, Severity};
use crate::tone::words::SLOT;

/// Flags template placeholders left in the text.
pub struct Placeholder;

const MESSAGE: &str =
    "This looks like an unfilled template placeholder; replace it with the real text before sending.";

/// HTML-ish tags that are not placeholders when written in angle brackets.
const TAGS: &[&str] = &[
    "b", "i", "u", "p", "br", "em", "hr", "div", "span", "strong", "li", "ul", "ol", "a",
];

/// Is `inner` (between brackets) a slot name: letters with spaces, apostrophes, `_`, `-`, `/`?
fn is_slot_name(inner: &str) -> bool {
    let trimmed = inner.trim();
    let letters = trimmed.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && trimmed.chars().count() <= 40
        && trimmed.chars().next().is_some_and(char::is_alphabetic)
        && trimmed.chars().all(|c| {
            c.is_alphanumeric() || matches!(c, ' ' | '\'' | '’' | '_' | '-' | '/' | '.' | '&')
        })
}

/// Words that mark a slot in angle brackets, where a lone word may also be markup or a quoted
/// name ("<Job Title>", "<name>" are slots; "<script>", "<Rivera>" are not).
const SLOT_WORDS: &[&str] = &[
    "name",
    "company",
    "title",
    "role",
    "position",
    "job",
    "date",
    "day",
    "time",
    "interviewer",
    "manager",
    "recipient",
    "your",
    "insert",
    "here",
    "project",
    "skill",
    "skills",
    "link",
    "url",
    "phone",
    "email",
    "address",
    "city",
    "location",
    "team",
    "topic",
    "detail",
    "placeholder",
    "firstname",
    "lastname",
    "organization",
    "organisation",
    "department",
    "contact",
];

/// Whether angle-bracketed text reads as a template slot: several words, or a slot word.
fn names_a_slot(inner: &str) -> bool {
    let lower = inner.trim().lowercase();
    lower.contains([' ', '_']) || lower.split(['-', '\'']).any(|w| SLOT_WORDS.contains(&w))
}

/// Finds the closing `close` for an opening at `open_end`, on the same line, within 60 bytes.
fn closing(text: &str, open_end: usize, close: &str) -> Option<usize> {
    let rest = text.get(open_end..)?;
    let window = rest.get(..crate::text::floor_boundary(rest, 60))?;
    let at = window.find(close)?;
    let inner = window.get(..at)?;
    (!inner.contains('\n')).then_some(open_end + at)
}

impl Rule for Placeholder {
    fn id(&self) -> &'static str {
        "placeholder.template"
    }

    #[cfg(test)]
    fn description(&self) -> &'static str {
        "Flags template placeholders and draft markers left in the message."
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let text = cx.text;
        let bytes = text.as_bytes();
        let mut spans: Vec<(usize, usize, &str)> = Vec::new();
        let mut from = 0;
        // Only `{`, `[`, `<` and `_` open a slot ([`SLOT`]).
        while let Some(i) = cx.stops.next(text, from, SLOT) {
            let found = match bytes.get(i).copied().unwrap_or(0) {
                b'{' if bytes.get(i + 1) == Some(&b'{') => {
                    closing(text, i + 2, "}}").map(|c| (c + 2, "placeholder.template"))
                }
                b'{' => closing(text, i + 1, "}")
                    .filter(|&c| text.get(i + 1..c).is_some_and(is_slot_name))
                    .map(|c| (c + 1, "placeholder.template")),
                b'[' => closing(text, i + 1, "]")
                    .filter(|&c| {
                        let inner = text.get(i + 1..c).unwrap_or("");
                        is_slot_name(inner)
                            && !inner.eq_ignore_ascii_case("sic")
                            && bytes.get(c + 1) != Some(&b'(')
                    })
                    .map(|c| (c + 1, "placeholder.template")),
                b'<' => closing(text, i + 1, ">")
                    .filter(|&c| {
                        let inner = text.get(i + 1..c).unwrap_or("");
                        is_slot_name(inner)
                            && !inner.contains(['.', '/', '&'])
                            && !TAGS.contains(&inner.to_ascii_lowercase().as_str())
                            && names_a_slot(inner)
                    })
                    .map(|c| (c + 1, "placeholder.template")),
                b'_' if bytes.get(i..i + 3) == Some(b"___") => {
                    let mut e = i;
                    while bytes.get(e) == Some(&b'_') {
                        e += 1;
                    }
                    Some((e, "placeholder.template"))
                }
                _ => None,
            };
            if let Some((end, rule)) = found {
                spans.push((i, end, rule));
                from = end.max(i + 1);
            } else {
                from = i + 1;
            }
        }
        // Markers: whole words (the context's words, cut at an apostrophe: "TBD's").
        for w in &cx.words {
            // Every marker starts with one of these letters (most words are passed over here).
            let first = w.text.as_bytes().first();
            if !matches!(first, Some(b'T' | b'F' | b'I' | b'x' | b'X' | b'l' | b'L')) {
                continue;
            }
            let s = w.start;
            let word = w.text.split(['\'', '’']).next().unwrap_or("");
            let at = s + word.len();
            let marker = matches!(word, "TBD" | "TBA" | "TODO" | "FIXME" | "INSERT")
                || (word.len() >= 3 && word.bytes().all(|c| c == b'x' || c == b'X'))
                || (word.eq_ignore_ascii_case("lorem")
                    && text.get(at..).is_some_and(|r| {
                        r.get(..6).is_some_and(|w| w.eq_ignore_ascii_case(" ipsum"))
                    }));
            if marker && !spans.iter().any(|&(a, b, _)| a <= s && at <= b) {
                spans.push((s, at, "placeholder.marker"));
            }
        }
        for &(s, e) in &cx.caps_slots {
            if !spans.iter().any(|&(a, b, _)| a <= s && e <= b) {
                spans.push((s, e, "placeholder.template"));
            }
        }
        for (start, end, rule) in spans {
            out.push(finding(
                rule,
                Category::Placeholder,
                Severity::Error,
                (start, end),
                MESSAGE,
                None,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::tone::rules::testing::{run, span};

    fn spans(text: &str) -> Vec<String> {
        let mut f = run("placeholder.template", text);
        f.extend(run("placeholder.marker", text));
        crate::order::sort_by_key(&mut f, |f| f.start);
        f.iter().map(|f| span(text, f)).collect()
    }

    #[test]
    fn template_slots_fire() {
        assert_eq!(
            spans("Dear {{interviewer}}, the <Job Title> role at [Company Name] and {first_name}. Signed ____"),
            ["{{interviewer}}", "<Job Title>", "[Company Name]", "{first_name}", "____"]
        );
        assert_eq!(spans("Start date XXX, salary TBD."), ["XXX", "TBD"]);
        assert_eq!(
            spans("Hi <name>, re <Company-Name>"),
            ["<name>", "<Company-Name>"]
        );
        assert_eq!(spans("Lorem ipsum dolor"), ["Lorem"]);
        assert_eq!(
            spans("Dear NAME,\nThank you for the POSITION interview at COMPANY NAME."),
            ["NAME", "POSITION", "COMPANY NAME"]
        );
        assert_eq!(
            spans("Hi FIRST NAME, best, YOUR NAME"),
            ["FIRST NAME", "YOUR NAME"]
        );
    }

    #[test]
    fn capitals_that_are_not_slots_do_not_fire() {
        for t in [
            "SAVE THE DATE FOR MY NAME DAY",
            "The IT and HR teams; my MBA and the QA plan.",
            "Dear Dana, the JOB is great.",
        ] {
            assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
        }
    }

    #[test]
    fn ordinary_brackets_do_not_fire() {
        for t in [
            "See [1] and [the deck](https://x.example).",
            "Sam <sam@example.com>",
            "<https://example.com/portfolio>",
            "He said it [sic] twice.",
            "Use <b>bold</b> sparingly.",
            "The maxx value and a taxi.",
            "Sam <Rivera> liked <fast> pages and <script>alert(1)</script>",
            "Café — 東京 (会社)",
        ] {
            assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
        }
    }
}
