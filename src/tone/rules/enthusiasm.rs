//! `enthusiasm.missing`: a thank-you that never shows interest in the role (a thank-you carries
//! three things: gratitude, appreciation of what was learned, and enthusiasm for the job).

use super::rule::{finding, Rule};
use crate::model::Channel;
use crate::tone::context::Context;
use crate::tone::types::{Category, Finding, Severity};

/// Flags a thank-you with no expression of interest.
pub struct Enthusiasm;

impl Rule for Enthusiasm {
    fn id(&self) -> &'static str {
        "enthusiasm.missing"
    }

    #[cfg(test)]
    fn description(&self) -> &'static str {
        "Flags a thank-you that never says you are interested in the role."
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if cx.is_thank_you() && cx.is_english() && !cx.has_enthusiasm && !cx.text.trim().is_empty()
        {
            // A 300-character connection note has room for thanks and one detail, not always
            // for a third element: there it is a hint.
            let severity = if cx.options.channel == Channel::LinkedinNote {
                Severity::Suggestion
            } else {
                Severity::Warning
            };
            out.push(finding(
                "enthusiasm.missing",
                Category::Enthusiasm,
                severity,
                (0, 0),
                "The message never says you want the role; one sentence of genuine interest helps them picture you in it.",
                Some("I am excited about the chance to join the team.".into()),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::tone::rules::testing::run;

    #[test]
    fn interest_counts() {
        for t in [
            "I am excited about the role.",
            "I look forward to hearing from you.",
            "I enjoyed the conversation.",
            "I'm very interested in the position.",
        ] {
            assert!(run("enthusiasm.missing", t).is_empty(), "{t}");
        }
    }

    #[test]
    fn flat_or_negated_interest_fires() {
        assert_eq!(
            run("enthusiasm.missing", "Thank you for the interview.").len(),
            1
        );
        assert_eq!(
            run("enthusiasm.missing", "Thanks. I am not excited.").len(),
            1
        );
    }
}
