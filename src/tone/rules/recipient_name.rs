//! `name.misspelled`, `name.mismatch`, `name.missing`: the greeting must carry the recipient's
//! name, spelled right (a misspelled interviewer name is the typo that hurts most).
//! Comparison ignores case and accents ("Jose" for "José" is not flagged).

use super::rule::{finding, Rule};
use crate::text::{fold_name, folds_to, folds_to_any, is_word_char, same_name};
use crate::tone::context::Context;
use crate::tone::types::{Category, Finding, Severity};

/// Checks the greeting against [`crate::tone::types::LintOptions::to`].
pub struct RecipientName;

const GREETINGS: &[&str] = &[
    "dear",
    "hi",
    "hello",
    "hey",
    "hiya",
    "greetings",
    "howdy",
    "morning",
];
const TIMES_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "day"];
const TITLES: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor"];
/// Words that address nobody in particular.
const NOBODY: &[&str] = &[
    "there",
    "all",
    "team",
    "everyone",
    "hiring",
    "manager",
    "sir",
    "madam",
    "or",
    "and",
    "recruiter",
    "folks",
    "guys",
    "whom",
    "it",
    "may",
    "concern",
    "colleagues",
    "friends",
    "committee",
    "panel",
    "hr",
    "talent",
    "recruiting",
    "to",
    "the",
    "/",
    "sirs",
    "madams",
    "y'all",
    "you",
];

/// A word of the greeting line with its byte span in the text.
struct Word<'t> {
    text: &'t str,
    start: usize,
    end: usize,
    /// Punctuation right after the word ends the greeting (",", ":", "!").
    closes: bool,
}

fn words_of_line<'t>(text: &'t str, line_start: usize, line: &str) -> Vec<Word<'t>> {
    // Room for a greeting line's words without growing (a longer line grows it).
    let mut words = Vec::with_capacity(8);
    let mut offset = 0;
    for raw in line.split_inclusive(char::is_whitespace) {
        let lead = raw.len() - raw.trim_start().len();
        let token = raw.trim();
        let at = line_start + offset + lead;
        offset += raw.len();
        if token.is_empty() {
            continue;
        }
        let core = token.trim_end_matches(|c: char| !is_word_char(c));
        let closes = token.len() > core.len()
            && token[core.len()..].contains([',', ':', '!', ';', '—', '–']);
        let core_start = core.len() - core.trim_start_matches(|c: char| !is_word_char(c)).len();
        let core = &core[core_start..];
        if core.is_empty() {
            if closes {
                if let Some(last) = words.last_mut() {
                    let w: &mut Word<'_> = last;
                    w.closes = true;
                }
            }
            continue;
        }
        let start = at + core_start;
        let end = start + core.len();
        words.push(Word {
            text: text.get(start..end).unwrap_or(""),
            start,
            end,
            closes,
        });
    }
    words
}

/// Optimal-string-alignment edit distance (insertions, deletions, substitutions, swaps).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    if let Some(top) = rows.first_mut() {
        for (j, cell) in top.iter_mut().enumerate() {
            *cell = j;
        }
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

/// How many edits still count as a misspelling rather than another name.
fn tolerance(name: &str) -> usize {
    if name.chars().count() >= 6 {
        2
    } else {
        1
    }
}

impl Rule for RecipientName {
    fn id(&self) -> &'static str {
        "name"
    }

    #[cfg(test)]
    fn description(&self) -> &'static str {
        "Checks that the greeting names the recipient and spells the name right."
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(to) = cx.options.to.as_deref().map(str::trim) else {
            return;
        };
        if to.is_empty() || to.contains('@') {
            return;
        }
        let to_words = to
            .split(|c: char| c.is_whitespace() || c == ',')
            .map(|w| w.trim_matches(|c: char| !is_word_char(c)))
            .filter(|w| !w.is_empty() && !folds_to_any(w, TITLES));
        let Some(first_name) = to_words.clone().next() else {
            return;
        };
        let text = cx.text;
        let Some((line_start, line)) = first_line(text) else {
            return;
        };
        let words = words_of_line(text, line_start, line);
        let Some(first) = words.first() else {
            return;
        };
        let mut i: usize = 1;
        if folds_to(first.text, "good") {
            if !words
                .get(1)
                .is_some_and(|w| folds_to_any(w.text, TIMES_OF_DAY))
            {
                return;
            }
            i = 2;
        } else if !folds_to_any(first.text, GREETINGS) {
            // "Dana," alone as the first line is a greeting too.
            let lone_name =
                first.closes && first.text.chars().next().is_some_and(char::is_uppercase);
            if !lone_name {
                no_greeting(cx, &words, to_words, first_name, out);
                return;
            }
            i = 0;
        }
        let greeting_word = if i == 0 { "Dear" } else { first.text };
        let greeting_closed = words.get(..i).is_some_and(|g| g.iter().any(|w| w.closes));
        let comma_soon = words.iter().skip(i).take(4).any(|w| w.closes);
        let mut nobody = false;
        // Up to three names, on the stack.
        let mut slots: [Option<&Word<'_>>; 3] = [None; 3];
        let mut count = 0;
        let mut span_end = words.get(i.saturating_sub(1)).map_or(first.end, |w| w.end);
        if !greeting_closed {
            for w in words.iter().skip(i).take(5) {
                if folds_to_any(w.text, TITLES) {
                    span_end = w.end;
                } else if folds_to_any(w.text, NOBODY) {
                    nobody = true;
                    span_end = w.end;
                } else if comma_soon || w.text.chars().next().is_some_and(char::is_uppercase) {
                    if let Some(slot) = slots.get_mut(count) {
                        *slot = Some(w);
                        count += 1;
                    }
                    span_end = w.end;
                } else {
                    break;
                }
                if w.closes || count >= slots.len() {
                    break;
                }
            }
        }
        let names = slots.iter().flatten();
        let (Some(first_named), Some(last_named)) = (names.clone().next(), names.clone().last())
        else {
            let why = if nobody {
                format!("The greeting addresses nobody in particular; greet {first_name} by name.")
            } else {
                format!("The greeting has no name; greet {first_name} by name.")
            };
            out.push(finding(
                "name.missing",
                Category::Name,
                Severity::Warning,
                (first.start, span_end),
                why,
                Some(format!("{greeting_word} {first_name}")),
            ));
            return;
        };
        if names
            .clone()
            .any(|n| to_words.clone().any(|w| same_name(w, n.text)))
        {
            return;
        }
        // A misspelling or another name (rare: only now are the names folded into strings).
        let best = names
            .flat_map(|n| to_words.clone().map(move |w| (*n, w)))
            .map(|(n, w)| (edit_distance(&fold_name(n.text), &fold_name(w)), n, w))
            .min_by_key(|(d, _, _)| *d);
        match best {
            Some((d, n, w)) if d <= tolerance(w) => out.push(finding(
                "name.misspelled",
                Category::Name,
                Severity::Error,
                (n.start, n.end),
                format!("\"{}\" looks like a misspelling of {w}; a misspelled name is the typo interviewers notice most.", n.text),
                Some(w.to_string()),
            )),
            _ => {
                let (start, end) = (first_named.start, last_named.end);
                out.push(finding(
                    "name.mismatch",
                    Category::Name,
                    Severity::Warning,
                    (start, end),
                    format!("This message is for {to}, but the greeting names someone else."),
                    Some(first_name.to_string()),
                ));
            }
        }
    }
}

/// Without any greeting, a message to a known person reads as a form letter: `name.missing` at the
/// message level, with the greeting to insert at the start. Not for a call plan, and not when the
/// first line addresses them by name anyway ("Thank you for Monday, Dana.").
fn no_greeting<'t>(
    cx: &Context<'_>,
    first_line: &[Word<'_>],
    to_words: impl Iterator<Item = &'t str> + Clone,
    first_name: &str,
    out: &mut Vec<Finding>,
) {
    if cx.options.channel == crate::model::Channel::Phone || cx.text.trim().is_empty() {
        return;
    }
    if first_line
        .iter()
        .any(|w| to_words.clone().any(|t| same_name(t, w.text)))
    {
        return;
    }
    let greeting = match cx.options.channel {
        crate::model::Channel::Email => "Dear",
        _ => "Hi",
    };
    out.push(finding(
        "name.missing",
        Category::Name,
        Severity::Warning,
        (0, 0),
        format!("The message starts without a greeting; open with {first_name}'s name so it reads as written for them."),
        Some(format!("{greeting} {first_name},\n\n")),
    ));
}

/// The first line with text on it, with its byte offset.
fn first_line(text: &str) -> Option<(usize, &str)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            return Some((offset, line.trim_end_matches(['\n', '\r'])));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tone::rules::testing::{run_with, span, thank_you};
    use crate::tone::types::LintOptions;

    fn to(name: &str) -> LintOptions {
        LintOptions {
            to: Some(name.into()),
            ..thank_you()
        }
    }

    fn names(text: &str, who: &str) -> Vec<(String, String)> {
        crate::tone::lint(text, &to(who))
            .into_iter()
            .filter(|f| f.rule.starts_with("name."))
            .map(|f| (f.rule.to_string(), span(text, &f)))
            .collect()
    }

    #[test]
    fn right_name_passes_with_or_without_accents_and_titles() {
        for (t, who) in [
            ("Dear Dana,\n\nThanks.", "Dana Lee"),
            ("Hi Jose, thanks.", "José García"),
            ("Dear Mr. Ito,\r\nThank you.", "Kenji Ito"),
            ("\n\nHello Ms. Lee-Park:\nThanks", "Min Lee-Park"),
            ("Dana,\nThanks for Monday.", "Dana Lee"),
            ("Thank you for Monday, Dana.", "Dana Lee"),
            ("Good morning Zoë!", "Zoe Hart"),
            ("مرحبا Dana", "Dana Lee"),
        ] {
            assert!(names(t, who).is_empty(), "{t}: {:?}", names(t, who));
        }
    }

    #[test]
    fn misspelled_name_is_an_error_with_the_right_spelling() {
        let t = "Hi Dnaa,\nThank you.";
        let f = run_with("name.misspelled", t, &to("Dana Lee"));
        assert_eq!(span(t, &f[0]), "Dnaa");
        assert_eq!(f[0].suggestion.as_deref(), Some("Dana"));
        assert_eq!(
            names("Dear Katharine,", "Katherine Obi"),
            [("name.misspelled".into(), "Katharine".into())]
        );
        assert_eq!(
            names("Dear Mr. Itoh,", "Kenji Ito"),
            [("name.misspelled".into(), "Itoh".into())]
        );
    }

    #[test]
    fn other_name_or_no_name_is_flagged() {
        assert_eq!(
            names("Hi Chris, thanks", "Dana Lee"),
            [("name.mismatch".into(), "Chris".into())]
        );
        assert_eq!(
            names("Dear Sir or Madam,\nThanks", "Dana Lee"),
            [("name.missing".into(), "Dear Sir or Madam".into())]
        );
        assert_eq!(
            names("Hi there, thanks", "Dana Lee"),
            [("name.missing".into(), "Hi there".into())]
        );
        assert_eq!(
            names("Hi,\nthanks", "Dana Lee"),
            [("name.missing".into(), "Hi".into())]
        );
        let f = run_with("name.missing", "Thank you for Monday.", &to("Dana Lee"));
        assert_eq!((f[0].start, f[0].end), (0, 0));
        assert_eq!(f[0].suggestion.as_deref(), Some("Dear Dana,\n\n"));
        let f = run_with("name.missing", "Hi there, thanks", &to("Dana Lee"));
        assert_eq!(f[0].suggestion.as_deref(), Some("Hi Dana"));
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert_eq!(edit_distance("dana", "dnaa"), 1);
        assert_eq!(edit_distance("jon", "john"), 1);
        assert_eq!(edit_distance("", "ab"), 2);
    }
}
