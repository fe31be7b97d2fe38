//! `duplicate.other_interviewer`: the same message sent to two interviewers (each one gets a note
//! of their own: interviewers compare notes). Similarity is the Jaccard index of word 3-shingles.

use super::rule::{finding, Rule};
use crate::tone::context::Context;
use crate::tone::types::{Category, Finding, Severity};
/// Flags a message at least 80 % the same as one in [`crate::tone::types::LintOptions::others`].
pub struct Duplicate;

/// Similarity from which two messages count as the same.
pub const THRESHOLD: f64 = 0.8;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// The distinct word 3-shingles of `text` (fewer words: one shingle of them all), as sorted
/// 64-bit hashes. A word is a run of word characters and apostrophes ("don't", "j'ai"), hashed
/// lower-cased (FNV-1a) as it is read: one pass over the text, no list of words.
fn shingles(text: &str) -> Vec<u64> {
    let mut words: Vec<u64> = Vec::with_capacity(text.len() / 5);
    let mut word: Option<u64> = None;
    for (at, c) in crate::fold::char_indices(text).then(' ') {
        if at < text.len() && (crate::fold::is_word_char(c) || c == '\'') {
            let h = word.unwrap_or(FNV_OFFSET);
            let lower = u64::from(u32::from(crate::text::lower_char(c)));
            word = Some((h ^ lower).wrapping_mul(FNV_PRIME));
        } else if let Some(h) = word.take() {
            words.push(h);
        }
    }
    shingles_of(&words)
}

/// The distinct 3-shingles of the word hashes `words` (fewer words: one shingle of them all),
/// sorted.
fn shingles_of(words: &[u64]) -> Vec<u64> {
    let size = 3.min(words.len().max(1));
    let mut out: Vec<u64> = words
        .windows(size)
        .map(|w| {
            w.iter().fold(FNV_OFFSET, |h, x| {
                (h ^ x).wrapping_mul(FNV_PRIME).rotate_left(23)
            })
        })
        .collect();
    // The module's one sort (an unstable sort of `u64` was 3.7 KB more of the in-page module,
    // where no check passes other messages).
    crate::order::sort(&mut out);
    out.dedup();
    out
}

/// Size of the intersection of two sorted, deduplicated lists.
fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Jaccard similarity of the two texts' word 3-shingles (0 when either is empty).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (shingles(a), shingles(b));
    let both = common(&a, &b);
    let union = a.len() + b.len() - both;
    if union == 0 {
        return 0.0;
    }
    both as f64 / union as f64
}

impl Rule for Duplicate {
    fn id(&self) -> &'static str {
        "duplicate.other_interviewer"
    }

    #[cfg(test)]
    fn description(&self) -> &'static str {
        "Flags a message that is nearly the same as one written to another interviewer."
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if cx.options.others.is_empty() || cx.words.len() < 8 {
            return;
        }
        let best = cx
            .options
            .others
            .iter()
            .map(|o| similarity(cx.text, o))
            .fold(0.0_f64, f64::max);
        if best >= THRESHOLD {
            out.push(finding(
                "duplicate.other_interviewer",
                Category::Duplicate,
                Severity::Error,
                (0, 0),
                // Whole percent by integer formatting: float formatting adds ~20 KB to the in-page module.
                format!("This is {} % the same as your message to another interviewer; interviewers compare notes, so write each one its own.", (best * 100.0).round() as u32),
                None,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tone::rules::testing::{run_with, thank_you};
    use crate::tone::types::LintOptions;

    const BODY: &str = "Thank you for meeting with me on Monday. I enjoyed hearing about the plan to relaunch the help center in three languages, and I would be excited to bring my localization experience to the team. Best regards, Sam";

    #[test]
    fn same_text_with_another_name_is_a_duplicate() {
        let mine = format!("Dear Dana,\n{BODY}");
        let other = format!("Dear Chris,\n{BODY}");
        let o = LintOptions {
            others: vec!["unrelated".into(), other],
            ..thank_you()
        };
        assert_eq!(run_with("duplicate.other_interviewer", &mine, &o).len(), 1);
    }

    #[test]
    fn different_messages_pass() {
        let other = "Dear Chris,\nThank you for the whiteboard session on Tuesday. Your point about cache invalidation in the pricing service stayed with me, and I would love to help with it.".to_string();
        let o = LintOptions {
            others: vec![other],
            ..thank_you()
        };
        assert!(run_with("duplicate.other_interviewer", BODY, &o).is_empty());
        assert!(similarity("", "") == 0.0);
    }

    /// The definition `shingles` computes in one pass: words split by `fold::apostrophe_words`,
    /// each hashed lower-cased.
    fn shingles_by_definition(text: &str) -> Vec<u64> {
        let words: Vec<u64> = crate::fold::apostrophe_words(text)
            .into_iter()
            .map(|w| {
                w.chars().fold(FNV_OFFSET, |h, c| {
                    (h ^ u64::from(u32::from(crate::text::lower_char(c)))).wrapping_mul(FNV_PRIME)
                })
            })
            .collect();
        shingles_of(&words)
    }

    proptest::proptest! {
        #[test]
        fn shingles_follow_their_definition(text in "[a-zA-ZéÉß' .,\n-]{0,60}|\\PC{0,30}") {
            proptest::prop_assert_eq!(shingles(&text), shingles_by_definition(&text));
        }
    }
}
