//! Wording checks (SPEC §3.2–3.3, §4.3). Pure: no browser types.
//!
//! INTERFACE (stable, used by draft/, web/ and the CLI): [`lint`], [`LintOptions`], [`Finding`],
//! [`Category`], [`Severity`]. Implementation in progress (issue 4).

use crate::model::{string_enum, Channel, Kind};
use serde::{Deserialize, Serialize};

string_enum! {
    /// Finding category (stable ids, SPEC §3.3).
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

/// Checks `text` and returns findings ordered by span.
pub fn lint(text: &str, options: &LintOptions) -> Vec<Finding> {
    let _ = (text, options);
    Vec::new()
}
