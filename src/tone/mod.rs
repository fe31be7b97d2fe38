//! Wording checks (what they flag and why, in words: `docs/follow-up-rules.md`). Pure: no
//! browser types.
//!
//! INTERFACE (stable, used by draft/, web/ and the CLI): [`lint`], [`LintOptions`], [`Finding`],
//! [`Category`], [`Severity`].
//!
//! How it works: the text is folded once (lowercase, straight quotes, collapsed spaces) and one
//! pass over its words with the phrase index compiled by `build.rs` finds every phrase of every
//! data table (`data/*.tbl`) and every signal cue; then each rule in [`rules`] reads that shared [`context::Context`].
//! Rules report byte spans; [`lint`] converts them to UTF-16 once at the end and sorts them.
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
pub mod verdict;
pub mod words;

use crate::model::{string_enum, Channel, Kind};
use serde::{Deserialize, Serialize};
pub use verdict::{verdict, Verdict};

string_enum! {
    /// Finding category (stable ids: they appear in the CLI's and the JS API's JSON).
    Category {
        /// Clichés, filler.
        Generic = "generic",
        /// Too casual.
        Casual = "casual",
        /// Too formal or stilted.
        Formal = "formal",
        /// Salary or benefits before an offer.
        Salary = "salary",
        /// Dwelling on mistakes.
        Regret = "regret",
        /// Desperate or pushy.
        Pushy = "pushy",
        /// Template placeholder left in.
        Placeholder = "placeholder",
        /// Too long or too short.
        Length = "length",
        /// Missing thanks.
        Gratitude = "gratitude",
        /// Nothing specific to this interview.
        Detail = "detail",
        /// No interest expressed.
        Enthusiasm = "enthusiasm",
        /// Recipient's name misspelled or greeting without name.
        Name = "name",
        /// Missing or weak subject.
        Subject = "subject",
        /// Same text as a message to another interviewer.
        Duplicate = "duplicate",
        /// Spelling.
        Spelling = "spelling",
    }
}

string_enum! {
    /// How much a finding matters.
    Severity {
        /// Must fix.
        Error = "error",
        /// Should fix.
        Warning = "warning",
        /// Could improve.
        Suggestion = "suggestion",
    }
}

/// Context for a check.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LintOptions {
    /// What the message is for; thank-you kinds get the message-level rules.
    pub kind: Option<Kind>,
    /// Where it goes.
    pub channel: Channel,
    /// Email subject, if any.
    pub subject: Option<String>,
    /// Recipient's name as tracked (for the greeting check).
    pub to: Option<String>,
    /// Texts already written to other interviewers of the same interview.
    pub others: Vec<String>,
}

/// What the store knows about the interview, for the specificity check: mentioning one of the
/// interviewer's topics, the candidate's skills or promised items counts as a detail.
///
/// Kept apart from [`LintOptions`] so that existing callers building `LintOptions` literally keep
/// compiling; JSON callers can send the same fields (all optional) next to the options.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Facts {
    /// The company interviewed with.
    pub company: Option<String>,
    /// What this interviewer talked about.
    pub topics: Vec<String>,
    /// The candidate's skills that came up.
    pub skills: Vec<String>,
    /// What the candidate promised to send.
    pub promised: Vec<String>,
}

impl Facts {
    /// The facts of one interview and, if given, one of its interviewers (by id).
    pub fn of_interview(interview: &crate::model::Interview, interviewer: Option<&str>) -> Facts {
        let topics = interview
            .interviewers
            .iter()
            .filter(|i| interviewer.is_none_or(|id| i.id == id))
            .flat_map(|i| i.topics.iter().cloned())
            .collect();
        Facts {
            company: Some(interview.company.clone()).filter(|c| !c.trim().is_empty()),
            topics,
            skills: interview.skills.clone(),
            promised: interview.promised.clone(),
        }
    }
}

/// One problem found in a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Rule id, `category.specific`.
    pub rule: String,
    /// Category.
    pub category: Category,
    /// Severity.
    pub severity: Severity,
    /// Start, UTF-16 code units, inclusive.
    pub start: usize,
    /// End, UTF-16 code units, exclusive; `start == end == 0` for message-level findings.
    pub end: usize,
    /// Why, in one sentence.
    pub message: String,
    /// Replacement text for the span, where one exists.
    pub suggestion: Option<String>,
}

impl Category {
    /// Whether a rule id belongs to this category: `category.specific`, plus the
    /// `mechanics.*` and `grammar.*` families of [`Category::Spelling`].
    pub fn owns_rule(self, rule: &str) -> bool {
        let family = rule.split('.').next().unwrap_or("");
        family == self.as_str()
            || (self == Category::Spelling && matches!(family, "mechanics" | "grammar"))
    }
}

impl Severity {
    /// Whether findings of this severity count as problems (warning or error), not hints.
    pub fn is_problem(self) -> bool {
        matches!(self, Severity::Error | Severity::Warning)
    }
}

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
    let bytes: Vec<usize> = out.iter().flat_map(|f| [f.start, f.end]).collect();
    let units = crate::text::utf16_offsets(text, &bytes);
    for (f, pair) in out.iter_mut().zip(units.chunks_exact(2)) {
        f.start = pair[0];
        f.end = pair[1].max(pair[0]);
    }
    crate::order::sort_by(&mut out, |a, b| {
        (a.start, a.end, &a.rule).cmp(&(b.start, b.end, &b.rule))
    });
    out
}
