//! `gratitude.missing`: a thank-you (or a reply to good or bad news) that never thanks the reader.

use super::rule::{finding, Rule};
use crate::model::{Channel, Kind};
use crate::tone::context::Context;
use crate::tone::types::{Category, Finding, Severity};

/// Flags a message of a thanking kind with no thanks in it.
pub struct Gratitude;

impl Rule for Gratitude {
    fn id(&self) -> &'static str {
        "gratitude.missing"
    }

    #[cfg(test)]
    fn description(&self) -> &'static str {
        "Flags a thank-you or reply that never thanks the reader."
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let thanking_kind = matches!(
            cx.options.kind,
            Some(Kind::ThankYou | Kind::RejectionReply | Kind::PositiveReply)
        );
        if !thanking_kind || cx.options.channel == Channel::Phone || cx.text.trim().is_empty() {
            return;
        }
        if !cx.has_gratitude {
            out.push(finding(
                "gratitude.missing",
                Category::Gratitude,
                Severity::Warning,
                (0, 0),
                "The message never thanks them; a line of thanks for their time is the heart of a follow-up.",
                None,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Kind;
    use crate::tone::rules::testing::{run, run_with, thank_you};

    #[test]
    fn thanks_in_any_form_counts() {
        for t in [
            "Thank you for Monday.",
            "I appreciated the tour.",
            "Many thanks, Sam",
            "I'm grateful for your time.",
        ] {
            assert!(run("gratitude.missing", t).is_empty(), "{t}");
        }
    }

    #[test]
    fn missing_thanks_fires_for_thank_you_kinds_only() {
        let t = "I enjoyed our talk about the billing migration.";
        let f = run("gratitude.missing", t);
        assert_eq!((f.len(), f[0].start, f[0].end), (1, 0, 0));
        let status = crate::tone::types::LintOptions {
            kind: Some(Kind::StatusCheck),
            ..thank_you()
        };
        assert!(run_with("gratitude.missing", t, &status).is_empty());
        let unknown = crate::tone::types::LintOptions {
            kind: None,
            ..thank_you()
        };
        assert!(run_with("gratitude.missing", t, &unknown).is_empty());
    }
}
