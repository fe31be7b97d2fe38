//! Capital letters: `mechanics.lowercase_i` (a lone "i", "i'm"), `mechanics.sentence_start` (a
//! sentence or paragraph that starts in lower case) and `mechanics.all_lowercase` (a whole
//! message without a capital). Browsers underline misspelt words in Gmail and LinkedIn, not
//! these, and a careful reader notices them at once.
//!
//! Precision on professional prose comes first:
//! - web and e-mail addresses and file names are skipped ("github.com/sam is …");
//! - a full stop after an abbreviation ("e.g.", "i.e.", "etc.", "vs.", "a.m.", "approx.") or a
//!   single letter does not end a sentence, nor does an ellipsis;
//! - words with a capital inside ("iPhone", "eBay", "macOS") and words starting with a digit are
//!   brand names or numbers, not sentence starts to fix;
//! - a line break alone does not start a sentence (hard-wrapped e-mail); a blank line does;
//! - a roman-numeral list item "(i)" / "i)" is not the pronoun.
//!
//! `lowercase_i` runs on English only; the sentence checks on every language. When the whole
//! message is lower case, one `all_lowercase` finding replaces the per-sentence ones.

use super::rule::{finding, Rule};
use crate::case::{capitalised, Lowercase as _};
use crate::tone::context::Context;
use crate::tone::types::{Category, Finding, Severity};
use crate::tone::words::{inside, Word};

/// Flags missing capitals.
pub struct MechanicsCase;

/// Abbreviations whose full stop does not end a sentence (lowercase, without the final dot).
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "vs", "approx", "incl", "cf", "al", "esp", "dept", "misc", "mr", "mrs",
    "ms", "dr", "prof", "st", "no", "fig", "jr", "sr", "inc", "ltd", "co", "corp", "a.m", "p.m",
    "u.s", "e.t.c", "viz", "ca", "min", "max", "est", "ext", "tel", "resp", "ph.d", "b.sc", "m.sc",
    "b.a", "m.a", "n.b",
];

/// Pronoun forms of "i" that must be capitalised.
const PRONOUN_I: &[&str] = &[
    "i", "i'm", "i've", "i'd", "i'll", "i’m", "i’ve", "i’d", "i’ll",
];

/// Whether `word` is a lower-case "i" form (first byte checked before the list).
fn is_pronoun_i(word: &str) -> bool {
    word.as_bytes().first() == Some(&b'i') && PRONOUN_I.contains(&word)
}

/// Whether a char after the first one is a capital ("iPhone", "eBay").
fn has_inner_capital(word: &str) -> bool {
    if word.is_ascii() {
        return word.bytes().skip(1).any(|b| b.is_ascii_uppercase());
    }
    word.chars().skip(1).any(char::is_uppercase)
}

impl Rule for MechanicsCase {
    fn id(&self) -> &'static str {
        "mechanics"
    }

    #[cfg(test)]
    fn description(&self) -> &'static str {
        "Flags a lower-case \"i\", sentences that start in lower case and messages with no capitals at all."
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let text = cx.text;
        // The words outside links, as an iterator to run again (not a list: most messages
        // need one pass).
        let words = || cx.words.iter().filter(|w| !inside(&cx.links, w.start));
        let all_lower = words().nth(7).is_some()
            && words().any(|w| w.text.chars().any(char::is_alphabetic))
            && !words().any(|w| w.text.chars().any(char::is_uppercase))
            && text.chars().any(char::is_lowercase);
        if all_lower {
            out.push(finding(
                "mechanics.all_lowercase",
                Category::Spelling,
                Severity::Warning,
                (0, 0),
                "The whole message is in lower case; capitalise sentences, names and \"I\" so it reads as a careful note.",
                None,
            ));
        }
        if cx.is_english() {
            for w in words() {
                if is_pronoun_i(w.text) && !is_list_numeral(text, w) {
                    out.push(finding(
                        "mechanics.lowercase_i",
                        Category::Spelling,
                        Severity::Warning,
                        (w.start, w.end),
                        "The pronoun \"I\" is always a capital.",
                        Some(capitalised(w.text)),
                    ));
                }
            }
        }
        if all_lower {
            return;
        }
        for w in words() {
            let Some(first) = w.text.chars().next() else {
                continue;
            };
            // Most words follow a letter or a comma: `starts_sentence` says so from the byte
            // before them, so it goes before the tests that read the word again.
            if !first.is_lowercase()
                || !starts_sentence(text, w.start, cx.is_english())
                || has_inner_capital(w.text)
                || is_pronoun_i(w.text)
            {
                continue;
            }
            out.push(finding(
                "mechanics.sentence_start",
                Category::Spelling,
                Severity::Warning,
                (w.start, w.end),
                "A sentence starts in lower case; capitalise its first word.",
                Some(capitalised(w.text)),
            ));
        }
    }
}

/// A lone "i" is the pronoun only between spaces, quotes or sentence punctuation: "(i)" and
/// "i)" are list numerals, "<i>" is markup, "i.e." an abbreviation.
fn is_list_numeral(text: &str, w: &Word<'_>) -> bool {
    let after = text.get(w.end..).unwrap_or("");
    let before = text.get(..w.start).unwrap_or("");
    let prev_ok = before
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\''));
    let next_ok = after.chars().next().is_none_or(|c| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '!' | '?' | '"' | '”' | '’' | '\'')
    }) || (after.starts_with('.') && !after.starts_with(".e"));
    !(prev_ok && next_ok)
}

/// Whether a word at byte `at` starts a sentence: the start of the text, after a blank line, or
/// after `.`, `!` or `?` (and closing quotes or brackets) and a space, unless the stop belongs to
/// an abbreviation, a single letter or an ellipsis. German (and Spanish, French) letters go on
/// in lower case after a greeting line ending in a comma; English ones do not (`english`).
fn starts_sentence(text: &str, at: usize, english: bool) -> bool {
    let before = text.get(..at).unwrap_or("");
    // Most words follow a letter, a digit or a comma: no stop, no line break, no sentence.
    let prev = before.bytes().rev().find(|b| !matches!(b, b' ' | b'\t'));
    if prev.is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b',' | b';' | b':' | b'-')) {
        return false;
    }
    let trimmed = before.trim_end_matches([' ', '\t', '\u{a0}']);
    if trimmed.is_empty() {
        return true;
    }
    if trimmed.ends_with('\n') {
        // A line break: a new sentence only after a blank line.
        let above = trimmed
            .trim_end_matches('\r')
            .strip_suffix('\n')
            .unwrap_or("");
        let blank_line =
            above.trim_end_matches([' ', '\t', '\r']).ends_with('\n') || above.trim().is_empty();
        return blank_line && (english || !above.trim_end().ends_with(','));
    }
    if trimmed.len() == before.len() {
        return false; // no space between the stop and the word: another rule's business
    }
    let stop_end = trimmed.trim_end_matches(['"', '\'', '”', '’', ')']);
    let Some(head) = stop_end
        .strip_suffix('.')
        .or_else(|| stop_end.strip_suffix('!'))
        .or_else(|| stop_end.strip_suffix('?'))
    else {
        return false;
    };
    if stop_end.ends_with('.') {
        if head.ends_with('.') {
            return false; // ellipsis
        }
        let last = head
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("")
            .lowercase();
        let letters = last.chars().filter(|c| c.is_alphabetic()).count();
        if letters <= 1 || ABBREVIATIONS.contains(&last.as_str()) || last.contains('.') {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::tone::rules::testing::check_examples;

    /// (text, the span each finding covers) that must fire.
    const FIRES: &[(&str, &str, &[&str])] = &[
        (
            "mechanics.lowercase_i",
            "Thank you! i enjoyed it and i'm keen.",
            &["i", "i'm"],
        ),
        (
            "mechanics.lowercase_i",
            "Dana, i’ve attached the deck.",
            &["i’ve"],
        ),
        (
            "mechanics.sentence_start",
            "Thanks for Monday. it was great.",
            &["it"],
        ),
        (
            "mechanics.sentence_start",
            "Hi Dana,\n\nthank you for the call.",
            &["thank"],
        ),
        (
            "mechanics.sentence_start",
            "hi Dana, thanks! see you soon?",
            &["hi", "see"],
        ),
        (
            "mechanics.all_lowercase",
            "hi dana thanks for the interview today it was really great",
            &[""],
        ),
    ];

    /// Texts on which none of the three ids may fire.
    const PASSES: &[&str] = &[
        "Thank you for the interview. I enjoyed it, and I'm keen.",
        "We compared tools, e.g. dbt and Airflow, i.e. the usual stack.",
        "The call is at 9 a.m. tomorrow, approx. one hour, with Dr. Lee and Ms. Obi.",
        "My portfolio is at github.com/sam.rivera and sam@rivera.dev if useful.",
        "The iPhone app, eBay listings and macOS builds all shipped.",
        "I enjoyed the talk about\nthe onboarding revamp, which\nwas great.",
        "Revenue grew 3.5 percent. 2024 was a strong year.",
        "The plan has three parts: (i) audit, (ii) fix, (iii) monitor.",
        "Our talk about the <i>Growth</i> role; see i) the plan and ii) the budget.",
        "Well... maybe next week.",
        "Merci beaucoup pour l'entretien. Je suis très motivé et j'ai hâte.",
    ];

    #[test]
    fn examples_fire_and_pass() {
        check_examples(
            FIRES,
            PASSES,
            &[
                "mechanics.lowercase_i",
                "mechanics.sentence_start",
                "mechanics.all_lowercase",
            ],
        );
    }
}
