//! The whole-message verdict the UI shows in one line, as the heading over the findings in the
//! popup and the in-page helper and at the end of the CLI's report: computed here so that all
//! three say the same thing.
//!
//! - any error or warning: "1 thing to fix before sending" / "N things to fix before sending"
//!   (one per category, so three casual words are one thing to fix);
//! - else a suggestion about detail: "Consider adding one detail";
//! - else other suggestions: "Ready to send (N suggestions)";
//! - else "Ready to send".

use super::types::{Category, Finding, Severity};
use serde::{Deserialize, Serialize};

/// A one-line summary of a message's findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// Whether the message can go as it is (no warning or error).
    pub ready: bool,
    /// How many distinct problems (categories with a warning or error) there are.
    pub to_fix: usize,
    /// How many suggestions there are.
    pub suggestions: usize,
    /// The line to show.
    pub text: String,
}

/// Sums up `findings` in one line.
pub fn verdict(findings: &[Finding]) -> Verdict {
    // The distinct categories with a problem (a handful: no sort, which would add a sort's
    // code to the in-page module).
    let mut problems: Vec<Category> = Vec::new();
    for f in findings.iter().filter(|f| f.severity.is_problem()) {
        if !problems.contains(&f.category) {
            problems.push(f.category);
        }
    }
    let suggestions = findings
        .iter()
        .filter(|f| f.severity == Severity::Suggestion)
        .count();
    let to_fix = problems.len();
    let text = match (to_fix, suggestions) {
        (1, _) => "1 thing to fix before sending".to_string(),
        (n, _) if n > 1 => format!("{n} things to fix before sending"),
        _ if findings
            .iter()
            .any(|f| f.rule == "detail.missing" && f.severity == Severity::Suggestion) =>
        {
            "Consider adding one detail".to_string()
        }
        (_, 0) => "Ready to send".to_string(),
        (_, 1) => "Ready to send (1 suggestion)".to_string(),
        (_, n) => format!("Ready to send ({n} suggestions)"),
    };
    Verdict {
        ready: to_fix == 0,
        to_fix,
        suggestions,
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tone::lint;
    use crate::tone::rules::testing::thank_you;

    #[test]
    fn verdicts_read_as_one_line() {
        let clean = "Dear Maria,\n\nThank you for speaking with me this morning. I enjoyed hearing about the plan to relaunch the help center in three languages, and I would be excited to bring my localization experience to it.\n\nBest regards,\nSam Rivera";
        assert_eq!(verdict(&lint(clean, &thank_you())).text, "Ready to send");
        let v = verdict(&lint("Hey, gonna need the salary asap lol", &thank_you()));
        assert!(!v.ready);
        assert!(v.text.ends_with("things to fix before sending"), "{v:?}");
        let one = verdict(&lint(
            &clean.replace("excited", "sooo excited"),
            &thank_you(),
        ));
        assert_eq!(one.text, "1 thing to fix before sending");
        let note = crate::tone::types::LintOptions {
            channel: crate::model::Channel::LinkedinNote,
            ..thank_you()
        };
        let v = verdict(&lint(
            "Hi Dana, thank you for the interview today. I am excited about the role.",
            &note,
        ));
        assert_eq!(v.text, "Consider adding one detail", "{v:?}");
        let json = serde_json::to_string(&v).unwrap_or_default();
        assert!(json.contains("\"ready\":true"), "{json}");
    }
}
