//! Wording checks (what they flag and why, in words: `docs/follow-up-rules.md`). Pure: no
//! browser types.
//!
//! INTERFACE (stable, used by draft/, web/ and the CLI): [`lint`], [`LintOptions`], [`Finding`],
//! [`Category`], [`Severity`].
//!
//! How it works: the text is folded once (lowercase, straight quotes, collapsed spaces) and one
//! pass over its words with the phrase index compiled by `build.rs` finds every phrase of every
//! data table (`data/*.tbl`) and every signal cue; then each rule in [`rules`] reads that shared [`context::Context`].
//! Rules report byte spans; [`lint`] sorts them and converts them to UTF-16 in one pass at the end.
//!
//! ```
//! use followup::model::Kind;
//! use followup::tone::{lint, Category, LintOptions};
//! let options = LintOptions { kind: Some(Kind::ThankYou), ..LintOptions::default() };
//! let findings = lint("Hey Dana, what's the salary range?", &options);
//! assert!(findings.iter().any(|f| f.category == Category::Salary));
//! ```
//!
//! `kind: None` means "unknown": only the wording and shape rules run; the message-level
//! thank-you rules (gratitude, detail, enthusiasm) need `kind: Some(Kind::ThankYou)`.

pub mod context;
pub mod cues;
pub mod language;
pub mod phrases;
pub mod rules;
pub mod signals;
pub mod table;
pub mod table_format;
pub mod types;
pub mod verdict;
pub mod words;

pub use types::{Category, Facts, Finding, LintOptions, Severity};
pub use verdict::{verdict, Verdict};

/// Checks `text` and returns findings ordered by span (then rule id).
pub fn lint(text: &str, options: &LintOptions) -> Vec<Finding> {
    lint_with(text, options, &Facts::default())
}

/// [`lint`] knowing the interview's [`Facts`]: a mention of a topic, skill or promised item
/// counts as a specific detail.
pub fn lint_with(text: &str, options: &LintOptions, facts: &Facts) -> Vec<Finding> {
    let cx = context::Context::new(text, options, facts);
    let mut out = Vec::new();
    for rule in rules::ALL {
        rule.check(&cx, &mut out);
    }
    // Spans on char boundaries, none ending before it starts; sorted in bytes, which is their
    // order in UTF-16 (one more char is at least one more unit); then one pass converts the
    // starts, and each end is its start plus the span's units.
    for f in &mut out {
        f.start = crate::text::floor_boundary(text, f.start);
        f.end = crate::text::floor_boundary(text, f.end).max(f.start);
    }
    crate::order::sort_by(&mut out, |a, b| {
        (a.start, a.end, &a.rule).cmp(&(b.start, b.end, &b.rule))
    });
    let mut units = crate::text::Utf16Cursor::new(text);
    for f in &mut out {
        let start = units.at(f.start);
        f.end = start + crate::text::utf16_len(text, f.start, f.end);
        f.start = start;
    }
    out
}
