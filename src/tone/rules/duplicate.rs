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

/// The distinct word 3-shingles of `text` (fewer words: one shingle of them all), as 64-bit
/// hashes. A word is a run of word characters and apostrophes ("don't", "j'ai"), hashed
/// lower-cased (FNV-1a) as it is read: one pass over the text, no list of words.
#[inline(never)]
fn shingles(text: &str) -> Shingles {
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
    Shingles::of(&words)
}

/// The hash of one shingle: the hashes of its words, in order.
fn shingle_hash(words: &[u64]) -> u64 {
    words.iter().fold(FNV_OFFSET, |h, x| {
        (h ^ x).wrapping_mul(FNV_PRIME).rotate_left(23)
    })
}

/// A set of shingle hashes: an open-addressed table, probed linearly, with 0 for an empty slot
/// (a shingle that hashes to 0 is kept aside). Sorting the hashes to compare two lists took a
/// sixth of a lint that compared two 214-word messages (DESIGN.md, "Fewer passes over a
/// message"). [`Shingles::of`] sizes it to stay at most half full.
struct Shingles {
    /// A power of two in length, at most half full.
    slots: Vec<u64>,
    /// Whether the set holds 0.
    zero: bool,
    /// How many distinct hashes the set holds.
    len: usize,
}

impl Shingles {
    /// The distinct 3-shingles of the word hashes `words` (fewer words: one shingle of them all).
    fn of(words: &[u64]) -> Shingles {
        let size = 3.min(words.len().max(1));
        let mut set = Shingles {
            slots: vec![0; (2 * words.len()).next_power_of_two().max(8)],
            zero: false,
            len: 0,
        };
        for w in words.windows(size) {
            set.insert(shingle_hash(w));
        }
        set
    }

    /// The slot that holds `h`, or the empty one where it would go. The table is never full, so
    /// the probe ends.
    fn slot(&self, h: u64) -> usize {
        let mask = self.slots.len() - 1;
        // The low bits of a shingle's hash come from the high bits of its last product.
        let mut i = h as usize & mask;
        while self.slots.get(i).is_some_and(|&x| x != 0 && x != h) {
            i = (i + 1) & mask;
        }
        i
    }

    fn insert(&mut self, h: u64) {
        if h == 0 {
            self.len += usize::from(!self.zero);
            self.zero = true;
            return;
        }
        let i = self.slot(h);
        if let Some(x) = self.slots.get_mut(i).filter(|x| **x == 0) {
            *x = h;
            self.len += 1;
        }
    }

    fn contains(&self, h: u64) -> bool {
        if h == 0 {
            return self.zero;
        }
        self.slots.get(self.slot(h)) == Some(&h)
    }

    /// The hashes, in no order.
    fn iter(&self) -> impl Iterator<Item = u64> + '_ {
        let zero = self.zero.then_some(0);
        self.slots.iter().copied().filter(|&x| x != 0).chain(zero)
    }

    /// Jaccard similarity of the two sets (0 when both are empty).
    fn similarity(&self, other: &Shingles) -> f64 {
        let both = other.iter().filter(|&h| self.contains(h)).count();
        let union = self.len + other.len - both;
        if union == 0 {
            return 0.0;
        }
        both as f64 / union as f64
    }
}

/// How many of the other messages' shingles are remembered.
const REMEMBERED: usize = 8;

/// The longest other message whose shingles are remembered (bytes).
const REMEMBERED_LEN: usize = 64 * 1024;

thread_local! {
    /// The shingles of the last other messages compared with, and the messages: while the user
    /// writes one message, every check compares it with the same others (its interview's
    /// other interviewers'), so their shingles are worked out once, not on every check (6 %
    /// of the instructions of a check of the 214-word bench message against one other).
    static OTHERS: std::cell::RefCell<Vec<(String, Shingles)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The similarity of `mine` to the message `other`, with `other`'s shingles remembered.
fn similarity_to(mine: &Shingles, other: &str) -> f64 {
    OTHERS.with(|cell| {
        let mut known = cell.try_borrow_mut().ok();
        if let Some((_, theirs)) = known.as_ref().and_then(|known| {
            known
                .iter()
                .find(|(text, _)| crate::text::same(text.as_bytes(), other.as_bytes()))
        }) {
            return mine.similarity(theirs);
        }
        let theirs = shingles(other);
        let similarity = mine.similarity(&theirs);
        if let Some(known) = known.as_mut().filter(|_| other.len() <= REMEMBERED_LEN) {
            if known.len() >= REMEMBERED {
                known.remove(0);
            }
            known.push((other.to_owned(), theirs));
        }
        similarity
    })
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
        let mine = shingles(cx.text);
        let best = cx
            .options
            .others
            .iter()
            .map(|o| similarity_to(&mine, o))
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
    fn remembered_shingles_give_the_same_answer() {
        let mine = format!("Dear Dana,\n{BODY}");
        let others: Vec<String> = (0..REMEMBERED + 3)
            // Each of its own length, so each has its own similarity to `mine`.
            .map(|i| {
                let words: Vec<&str> = BODY.split(' ').take(12 + 3 * i).collect();
                format!("Dear Chris,\n{}", words.join(" "))
            })
            .collect();
        let o = LintOptions {
            others: others.clone(),
            ..thank_you()
        };
        let first = run_with("duplicate.other_interviewer", &mine, &o);
        // Again: the last ones remembered, the first ones worked out anew.
        assert_eq!(run_with("duplicate.other_interviewer", &mine, &o), first);
        let fresh = shingles(&mine);
        for other in &others {
            assert_eq!(
                similarity_to(&fresh, other),
                fresh.similarity(&shingles(other))
            );
        }
        assert!(OTHERS.with(|c| c.borrow().len()) <= REMEMBERED);
    }

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
        assert!(shingles("").similarity(&shingles("")) == 0.0);
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
        sorted(&Shingles::of(&words))
    }

    /// The set's hashes, sorted.
    fn sorted(set: &Shingles) -> Vec<u64> {
        let mut v: Vec<u64> = set.iter().collect();
        crate::order::sort(&mut v);
        v
    }

    /// The distinct 3-shingles of `words` as first computed: hashed, sorted, deduplicated.
    fn by_sorting(words: &[u64]) -> Vec<u64> {
        let size = 3.min(words.len().max(1));
        let mut v: Vec<u64> = words.windows(size).map(shingle_hash).collect();
        crate::order::sort(&mut v);
        v.dedup();
        v
    }

    /// The Jaccard similarity of two such sorted lists, as first computed.
    fn jaccard_by_sorting(a: &[u64], b: &[u64]) -> f64 {
        let both = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
        let union = a.len() + b.len() - both;
        if union == 0 {
            0.0
        } else {
            both as f64 / union as f64
        }
    }

    #[test]
    fn a_shingle_that_hashes_to_zero_counts_once() {
        let mut set = Shingles::of(&[]);
        assert_eq!(set.len, 0);
        for h in [0, 5, 0, 5, 8, 16, 0] {
            set.insert(h);
        }
        assert_eq!(sorted(&set), [0, 5, 8, 16]);
        assert_eq!(set.len, 4);
        assert!(set.contains(0) && set.contains(16) && !set.contains(24));
    }

    proptest::proptest! {
        #[test]
        fn shingles_follow_their_definition(text in "[a-zA-ZéÉß' .,\n-]{0,60}|\\PC{0,30}") {
            proptest::prop_assert_eq!(sorted(&shingles(&text)), shingles_by_definition(&text));
        }

        /// Word hashes from a small range repeat (and collide in the table); the set holds what
        /// sorting and deduplicating gives, and the similarity is the one the sorted lists give.
        #[test]
        fn the_table_agrees_with_sorted_lists(
            a in proptest::collection::vec(0_u64..12, 0..40),
            b in proptest::collection::vec(0_u64..12, 0..40),
        ) {
            let (sa, sb) = (Shingles::of(&a), Shingles::of(&b));
            let (la, lb) = (by_sorting(&a), by_sorting(&b));
            proptest::prop_assert_eq!(sorted(&sa), la.clone());
            proptest::prop_assert_eq!(sa.len, la.len());
            proptest::prop_assert_eq!(sa.similarity(&sb), jaccard_by_sorting(&la, &lb));
        }
    }
}
