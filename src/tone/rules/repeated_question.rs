//! `pushy.repeated_question`: `??` and longer runs read as impatient ("Hello???").

use super::rule::{finding, Rule};
use crate::tone::context::Context;
use crate::tone::types::{Category, Finding, Severity};

/// Flags two or more question marks in a row.
pub struct RepeatedQuestion;

impl Rule for RepeatedQuestion {
    fn id(&self) -> &'static str {
        "pushy.repeated_question"
    }

    #[cfg(test)]
    fn description(&self) -> &'static str {
        "Flags runs of question marks, which read as impatient."
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for &(start, end) in &cx.marks {
            let run = cx.text.get(start..end).unwrap_or("");
            if run.len() >= 2 && run.bytes().all(|b| b == b'?') {
                out.push(finding(
                    "pushy.repeated_question",
                    Category::Pushy,
                    Severity::Warning,
                    (start, end),
                    "Several question marks read as impatient; one is enough.",
                    Some("?".into()),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::tone::rules::testing::{run, span};

    #[test]
    fn runs_of_question_marks_fire() {
        let t = "Did you decide?? Hello???";
        let f = run("pushy.repeated_question", t);
        assert_eq!(f.len(), 2);
        assert_eq!(span(t, &f[1]), "???");
        assert!(run("pushy.repeated_question", "Is there an update? Thanks.").is_empty());
    }
}
