//! Phrase tables: the data files under `src/tone/data/`, parsed, checked and folded at compile
//! time by `build.rs` into [`ENTRIES`] (and the phrase index of [`super::phrases`]), so a lint
//! parses nothing and allocates nothing for them at run time. The format is described in
//! [`super::table_format`]; a malformed table fails the build with its file and line.
//!
//! Entries may set `negatable` (`yes`: skip when a negation such as "won't" comes just before),
//! `modifiers` (`yes`: also match with short modifiers inserted between the words, see
//! [`MODIFIERS`]: "thanks *so much* for the interview", "I was *really* nervous") and
//! `when = no-detail` (only when the message names nothing specific from the interview).
//!
//! Letter elongation ("sooo", "pleeease") needs nothing in the tables: the matcher folds any run
//! of three or more identical letters to one before matching.

use super::types::{Category, Severity};
pub use crate::fold::{fold_char, fold_phrase};

/// When an entry applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// Always.
    Always,
    /// Only when the message has no specific detail from the interview.
    NoDetail,
}

/// One phrase of a table.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The phrase as written in the table (tests only: the phrase index has the spellings).
    #[cfg(test)]
    pub phrase: &'static str,
    /// Every spelling matched: the phrase and its `also` variants, folded (tests only).
    #[cfg(test)]
    pub variants: &'static [&'static str],
    /// Rule id, `category.specific`.
    pub rule: &'static str,
    /// Category.
    pub category: Category,
    /// Severity.
    pub severity: Severity,
    /// Why, in one sentence.
    pub why: &'static str,
    /// Replacement for the matched words, if any.
    pub fix: Option<&'static str>,
    /// An example the entry must flag (tests only: the examples do not ship).
    #[cfg(test)]
    pub fires: &'static str,
    /// An example the entry must not flag (tests only).
    #[cfg(test)]
    pub passes: &'static str,
    /// Skip when negated ("I won't ask about salary").
    pub negatable: bool,
    /// Also matches with [`MODIFIERS`] inserted between its words.
    pub modifiers: bool,
    /// When the entry applies.
    pub when: Condition,
}

/// Short modifiers that `modifiers = yes` entries tolerate between their words, as words
/// (longest first).
pub const MODIFIERS: &[&[&str]] = &[
    &["so", "much"],
    &["very", "much"],
    &["so", "very"],
    &["a", "lot"],
    &["a", "bit"],
    &["a", "little"],
    &["kind", "of"],
    &["sort", "of"],
    &["so"],
    &["very"],
    &["really"],
    &["truly"],
    &["just"],
    &["again"],
    &["all"],
    &["sincerely"],
    &["greatly"],
    &["genuinely"],
    &["honestly"],
    &["kindly"],
    &["quite"],
    &["super"],
    &["extremely"],
    &["incredibly"],
    &["pretty"],
];

include!(concat!(env!("OUT_DIR"), "/tables.rs"));

#[cfg(test)]
mod tests {
    use super::super::table_format::parse;
    use super::*;

    #[test]
    fn committed_tables_are_many_and_consistent() {
        assert!(ENTRIES.len() > 100, "only {} entries", ENTRIES.len());
        for e in ENTRIES {
            assert!(
                e.category.owns_rule(e.rule),
                "[{}]: rule {} is not in {}",
                e.phrase,
                e.rule,
                e.category
            );
            assert_eq!(
                e.variants.first().copied(),
                Some(fold_phrase(e.phrase).as_str())
            );
            for v in e.variants {
                assert_eq!(*v, fold_phrase(v), "[{}]: {v:?} is not folded", e.phrase);
            }
        }
    }

    #[test]
    fn parser_reports_bad_lines_with_their_number() {
        let (entries, errors) = parse(
            "category = casual\nrule = casual.x\nseverity = warning\n[yo]\nwhy = w\nfires = yo\nbogus\n",
        );
        assert!(entries.is_empty());
        assert_eq!(errors[0].line, 7);
        assert!(errors[1].problem.contains("needs"));
        let (_, errors) = parse("category = casual\nseverity = loud\n");
        assert!(errors[0].problem.contains("severity"));
    }

    #[test]
    fn phrases_fold_quotes_case_and_spaces() {
        assert_eq!(fold_phrase("  Can’t   WAIT "), "can't wait");
    }
}
