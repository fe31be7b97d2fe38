//! What the checker is given and what it reports: [`LintOptions`], [`Facts`], [`Finding`],
//! [`Category`], [`Severity`] (re-exported by [`super`], whose [`super::lint`] uses them).

use crate::model::{string_enum, Channel, Kind};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

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
    /// Rule id, `category.specific` (a rule's own `&'static str`; owned when read back from JSON).
    pub rule: Cow<'static, str>,
    /// Category.
    pub category: Category,
    /// Severity.
    pub severity: Severity,
    /// Start, UTF-16 code units, inclusive.
    pub start: usize,
    /// End, UTF-16 code units, exclusive; `start == end == 0` for message-level findings.
    pub end: usize,
    /// Why, in one sentence (most rules' messages are fixed text, borrowed; a message naming
    /// something from the text is owned).
    pub message: Cow<'static, str>,
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

    /// The severity in words, shown beside its colour wherever a finding is shown (the popup
    /// and the in-page helper use these, so they never say it differently).
    pub fn word(self) -> &'static str {
        match self {
            Severity::Error => "Error",
            Severity::Warning => "Warning",
            Severity::Suggestion => "Suggestion",
        }
    }
}

impl Finding {
    /// The label of its one-click fix ("Use “Hi”", or "Remove it" when the fix deletes the
    /// words); `None` when it has no fix or no words to fix.
    pub fn fix_label(&self) -> Option<String> {
        let fix = self
            .suggestion
            .as_deref()
            .filter(|_| self.end > self.start)?;
        Some(if fix.is_empty() {
            "Remove it".to_string()
        } else {
            format!("Use “{fix}”")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(severity: Severity, start: usize, end: usize, fix: Option<&str>) -> Finding {
        Finding {
            rule: "casual.greeting".into(),
            category: Category::Casual,
            severity,
            start,
            end,
            message: "Too casual.".into(),
            suggestion: fix.map(str::to_owned),
        }
    }

    #[test]
    fn fix_labels() {
        let cases = [
            ((0, 3, Some("Hi")), Some("Use “Hi”")),
            ((0, 3, Some("")), Some("Remove it")),
            ((0, 3, None), None),
            // A message-level finding has no words to replace.
            ((0, 0, Some("Hi")), None),
        ];
        for ((start, end, fix), want) in cases {
            let f = finding(Severity::Warning, start, end, fix);
            assert_eq!(f.fix_label().as_deref(), want, "{start}..{end} {fix:?}");
        }
    }

    #[test]
    fn severity_words_are_capitalised_ids() {
        for s in [Severity::Error, Severity::Warning, Severity::Suggestion] {
            let mut id = s.as_str().to_string();
            id[..1].make_ascii_uppercase();
            assert_eq!(s.word(), id);
        }
    }
}
