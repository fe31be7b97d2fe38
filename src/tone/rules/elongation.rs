//! `casual.elongation`: letters stretched for effect ("sooo", "pleeease", "thanksss") read as a
//! chat message. A run of three or more identical lowercase letters inside a word; capitals
//! ("AAA", roman "III"), numbers and web addresses ("www.") are left alone.

use super::rule::{finding, Rule};
use crate::tone::context::Context;
use crate::tone::types::{Category, Finding, Severity};
use crate::tone::words::inside;

/// Flags stretched words.
pub struct Elongation;

impl Rule for Elongation {
    fn id(&self) -> &'static str {
        "casual.elongation"
    }

    #[cfg(test)]
    fn description(&self) -> &'static str {
        "Flags letters stretched for effect, such as \"sooo\", which read as a chat message."
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if !cx.folded.has_triple {
            return;
        }
        for w in &cx.words {
            if inside(&cx.links, w.start) || !stretched(w.text) {
                continue;
            }
            out.push(finding(
                "casual.elongation",
                Category::Casual,
                Severity::Warning,
                (w.start, w.end),
                "Stretched letters read as a chat message; write the word once, plainly.",
                None,
            ));
        }
    }
}

/// Whether a word has three identical lowercase letters in a row.
fn stretched(word: &str) -> bool {
    // Roman numerals ("iii", "xxx") are not stretched words.
    if word
        .chars()
        .all(|c| matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X'))
    {
        return false;
    }
    let mut run = (' ', 0);
    for c in word.chars() {
        run = if c == run.0 { (c, run.1 + 1) } else { (c, 1) };
        if run.1 >= 3 && c.is_lowercase() {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {

    proptest::proptest! {
        /// The fold's `has_triple` is what lets the rule skip a message: it must hold wherever a
        /// word is stretched.
        #[test]
        fn a_stretched_word_is_seen_by_the_fold(text in "([sSiIxXéÉⅰⓐʰ ,.-]|sss|ééé|ⅰⅰⅰ|ⓐⓐⓐ){0,20}") {
            let stretched = crate::tone::words::words(&text).iter().any(|w| super::stretched(w.text));
            proptest::prop_assert!(!stretched || crate::tone::context::Folded::new(&text).has_triple);
        }
    }
    use crate::tone::rules::testing::check_examples;

    const FIRES: &[(&str, &str, &[&str])] = &[
        (
            "casual.elongation",
            "I am sooo excited, pleeease let me know!",
            &["sooo", "pleeease"],
        ),
        ("casual.elongation", "Thanksss Dana", &["Thanksss"]),
    ];

    const PASSES: &[&str] = &[
        "See www.example.com and the AAA rating, Part III, 1000 users, item (iii).",
        "I am so excited; please let me know. Committee, bookkeeper, Tennessee.",
    ];

    #[test]
    fn examples_fire_and_pass() {
        check_examples(FIRES, PASSES, &["casual.elongation"]);
    }
}
