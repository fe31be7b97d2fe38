//! `casual.exclamation`, `casual.interrobang`, `casual.exclamations`: runs of `!` and `?!`, and
//! too many exclamation marks overall (they read as overexcited in a professional note).

use super::rule::{finding, Rule};
use crate::tone::context::Context;
use crate::tone::types::{Category, Finding, Severity};

/// Flags `!!`, `?!` and a message full of `!`.
pub struct Exclamation;

impl Rule for Exclamation {
    fn id(&self) -> &'static str {
        "casual.exclamation"
    }

    #[cfg(test)]
    fn description(&self) -> &'static str {
        "Flags repeated exclamation marks, `?!`, and a message with many exclamation marks."
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let mut singles = 0;
        for &(start, end) in &cx.marks {
            let run = cx.text.get(start..end).unwrap_or("");
            let bangs = run.bytes().filter(|&b| b == b'!').count();
            if bangs == 0 {
                continue;
            }
            if run.len() == 1 {
                singles += 1;
            } else if bangs == run.len() {
                out.push(finding(
                    "casual.exclamation",
                    Category::Casual,
                    Severity::Warning,
                    (start, end),
                    "Several exclamation marks in a row read as overexcited; one is plenty.",
                    Some("!".into()),
                ));
            } else {
                out.push(finding(
                    "casual.interrobang",
                    Category::Casual,
                    Severity::Warning,
                    (start, end),
                    "Mixing \"?\" and \"!\" reads as exasperated; ask the question plainly.",
                    Some("?".into()),
                ));
            }
        }
        if singles >= 3 {
            out.push(finding(
                "casual.exclamations",
                Category::Casual,
                Severity::Suggestion,
                (0, 0),
                "Many exclamation marks make a note sound breathless; keep one at most.",
                None,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::tone::rules::testing::{run, span};

    #[test]
    fn double_bang_fires_single_does_not() {
        let t = "Thanks for the interview!! Talk soon!";
        let f = run("casual.exclamation", t);
        assert_eq!(f.len(), 1);
        assert_eq!(span(t, &f[0]), "!!");
        assert!(run("casual.exclamation", "Thank you!").is_empty());
    }

    #[test]
    fn interrobang_fires() {
        let t = "Any news?!";
        assert_eq!(span(t, &run("casual.interrobang", t)[0]), "?!");
        assert!(run("casual.interrobang", "Any news?").is_empty());
    }

    #[test]
    fn many_single_bangs_are_a_hint() {
        assert_eq!(
            run("casual.exclamations", "Hi! Thanks! Great! Bye.").len(),
            1
        );
        assert!(run("casual.exclamations", "Hi! Thanks.").is_empty());
    }
}
