//! `casual.text_speak`: texting abbreviations (u, thx, 2day, pls, lol) in a professional note.

use super::rule::{finding, Rule};
use crate::fold::{word_hash, word_hash_ascii_lower};
use crate::tone::context::Context;
use crate::tone::types::{Category, Finding, Severity};

/// Flags texting abbreviations.
pub struct TextSpeak;

/// (abbreviation, replacement, lowercase only). Lowercase-only entries are real words or
/// initials when capitalised ("U.S.", "TY Corp").
const TEXT_SPEAK: &[(&str, Option<&str>, bool)] = &[
    ("u", Some("you"), true),
    ("ur", Some("your"), true),
    ("ya", Some("you"), true),
    ("thx", Some("thanks"), false),
    ("thnx", Some("thanks"), false),
    ("tnx", Some("thanks"), false),
    ("ty", Some("thank you"), true),
    ("pls", Some("please"), false),
    ("plz", Some("please"), false),
    ("lol", None, false),
    ("lmao", None, false),
    ("rofl", None, false),
    ("omg", None, false),
    ("btw", Some("by the way"), false),
    ("idk", Some("I don't know"), false),
    ("imo", Some("in my opinion"), false),
    ("imho", Some("in my opinion"), false),
    ("tbh", None, false),
    ("brb", None, false),
    ("ttyl", None, false),
    ("gr8", Some("great"), false),
    ("2day", Some("today"), false),
    ("2morrow", Some("tomorrow"), false),
    ("2moro", Some("tomorrow"), false),
    ("b4", Some("before"), false),
    ("cya", None, false),
    ("np", Some("no problem"), true),
    ("bc", Some("because"), true),
    ("cuz", Some("because"), false),
    ("coz", Some("because"), false),
    ("rn", Some("right now"), true),
    ("haha", None, false),
    ("hahaha", None, false),
    ("hehe", None, false),
];

/// `(word_hash, index)` of each entry, sorted by hash at compile time: a word is looked up by
/// one hash and a binary search over integers.
const HASHES: [(u64, usize); TEXT_SPEAK.len()] = {
    let mut out = [(0, 0); TEXT_SPEAK.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = (word_hash(TEXT_SPEAK[i].0), i);
        let mut j = i;
        while j > 0 && out[j - 1].0 > out[j].0 {
            let t = out[j];
            out[j] = out[j - 1];
            out[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    out
};

/// [`HASHES`] as a filter of [`crate::fold::filter_slot`] bits: nearly every word of a message
/// finds its bit clear and is passed over without the search (which was a third of the rule).
const FILTER: [u64; crate::fold::FILTER_WORDS] = {
    let mut out = [0; crate::fold::FILTER_WORDS];
    let mut i = 0;
    while i < HASHES.len() {
        out = crate::fold::filter_with(out, HASHES[i].0);
        i += 1;
    }
    out
};

/// The entry for `word` in any case, if it has one.
fn entry(word: &str) -> Option<&'static (&'static str, Option<&'static str>, bool)> {
    let lower_hash = word_hash_ascii_lower(word);
    if !crate::fold::in_filter(&FILTER, lower_hash) {
        return None;
    }
    let at = HASHES.binary_search_by_key(&lower_hash, |&(h, _)| h).ok()?;
    let &(_, i) = HASHES.get(at)?;
    TEXT_SPEAK
        .get(i)
        .filter(|(w, _, _)| w.eq_ignore_ascii_case(word))
}

impl Rule for TextSpeak {
    fn id(&self) -> &'static str {
        "casual.text_speak"
    }

    #[cfg(test)]
    fn description(&self) -> &'static str {
        "Flags texting abbreviations such as u, thx, pls, 2day and lol."
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let text = cx.text;
        // The context's words (runs of word characters, apostrophes inside them: "u's" is not
        // "u"), read once for every rule.
        for w in &cx.words {
            let (s, at, word) = (w.start, w.end, w.text);
            if word.len() > 7 {
                continue;
            }
            let Some((_, fix, lowercase_only)) = entry(word) else {
                continue;
            };
            if *lowercase_only && word.bytes().any(|b| b.is_ascii_uppercase()) {
                continue;
            }
            // Initials and compounds: "U.S.", "R&D", "u-boat", "u's".
            let prev = text.get(..s).and_then(|h| h.chars().next_back());
            let next = text.get(at..).and_then(|t| t.chars().next());
            if matches!(next, Some('.' | '&' | '-' | '\'' | '’' | '@' | '/'))
                || matches!(prev, Some('.' | '&' | '-' | '@' | '/'))
            {
                continue;
            }
            out.push(finding(
                "casual.text_speak",
                Category::Casual,
                Severity::Warning,
                (s, at),
                format!("\"{word}\" is texting shorthand; spell words out in a professional note."),
                fix.map(str::to_string),
            ));
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn every_entry_has_its_own_hash() {
        assert!(super::HASHES.windows(2).all(|w| w[0].0 < w[1].0));
        for (word, _, _) in super::TEXT_SPEAK {
            assert!(super::entry(word).is_some_and(|e| e.0 == *word), "{word}");
        }
    }
    use crate::tone::rules::testing::{run, span};

    #[test]
    fn shorthand_fires_with_fix() {
        let t = "thx for meeting 2day, will send u the deck lol";
        let f = run("casual.text_speak", t);
        let spans: Vec<String> = f.iter().map(|f| span(t, f)).collect();
        assert_eq!(spans, ["thx", "2day", "u", "lol"]);
        assert_eq!(f[2].suggestion.as_deref(), Some("you"));
    }

    #[test]
    fn initials_and_words_do_not_fire() {
        for t in [
            "I moved to the U.S. in 2019.",
            "Our R&D team",
            "Thank you, Ty.",
            "I am in the UR lab",
            "Plus ultra",
        ] {
            assert!(run("casual.text_speak", t).is_empty(), "{t}");
        }
    }
}
