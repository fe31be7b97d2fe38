//! `detail.missing`: a thank-you with nothing specific to this conversation (a good one mentions
//! a project, a challenge or a shared interest you discussed).

use super::rule::{finding, Rule};
use crate::tone::context::Context;
use crate::tone::types::{Category, Finding, Severity};

/// Flags a thank-you that names nothing specific from the interview.
pub struct Detail;

impl Rule for Detail {
    fn id(&self) -> &'static str {
        "detail.missing"
    }

    #[cfg(test)]
    fn description(&self) -> &'static str {
        "Flags a thank-you that mentions nothing specific from the conversation."
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if cx.is_thank_you() && !cx.is_english() {
            // The detail and interest checks read English; say once what was checked instead.
            out.push(finding(
                "detail.other_language",
                Category::Detail,
                Severity::Suggestion,
                (0, 0),
                format!(
                    "This message looks {}: thanks, greeting, placeholders, capitals and punctuation were checked; interest and detail were not.",
                    cx.language.name()
                ),
                None,
            ));
        }
        if cx.is_thank_you() && cx.is_english() && !cx.has_detail() && !cx.text.trim().is_empty() {
            let severity = if cx.expects_detail() {
                Severity::Warning
            } else {
                Severity::Suggestion
            };
            out.push(finding(
                "detail.missing",
                Category::Detail,
                severity,
                (0, 0),
                "Nothing here is specific to your conversation; mention one thing you discussed, such as a project or challenge.",
                None,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::tone::rules::testing::run;

    #[test]
    fn a_concrete_topic_counts_as_detail() {
        for t in [
            "Thank you for the chat. I enjoyed hearing about the plan to relaunch the help center.",
            "Thanks for walking me through the torque-check automation on the assembly line.",
            "You mentioned the Q1 onboarding revamp; I have led two similar projects.",
            "Thank you for taking me through your flaky-test dashboard.",
            "Thank you for Monday. I learned that interns prepare the monthly housing brief.",
            "Thank you for the tour you gave me on Friday.",
        ] {
            assert!(run("detail.missing", t).is_empty(), "{t}");
        }
    }

    #[test]
    fn polite_german_spanish_french_thanks_get_one_note_and_no_warning() {
        for t in [
            "Sehr geehrte Frau Weber,\n\nvielen Dank für das angenehme Gespräch am Dienstag. Ich freue mich auf Ihre Rückmeldung.\n\nMit freundlichen Grüßen\nJonas Becker",
            "Estimada Ana:\n\nMuchas gracias por la entrevista del lunes. Me encantó conocer al equipo y quedo atenta a sus noticias.\n\nSaludos cordiales,\nLucía Torres",
            "Bonjour Madame Laurent,\n\nJe vous remercie pour l'entretien de mardi. Je suis très motivé par le poste.\n\nCordialement,\nHugo Martin",
        ] {
            let f = crate::tone::lint(t, &crate::tone::rules::testing::thank_you());
            assert!(!f.iter().any(|f| f.severity.is_problem()), "{t}: {f:?}");
            assert_eq!(
                f.iter().filter(|f| f.rule == "detail.other_language").count(),
                1,
                "{t}"
            );
        }
    }

    #[test]
    fn the_interviewer_topics_skills_and_promises_count_as_detail() {
        use crate::tone::{lint_with, Facts};
        let facts = Facts {
            company: Some("Acme Revamp".into()),
            topics: vec!["the onboarding revamp".into()],
            skills: vec!["SQL".into()],
            promised: vec!["portfolio link".into()],
        };
        let opts = crate::tone::rules::testing::thank_you();
        let missing = |t: &str, f: &Facts| {
            lint_with(t, &opts, f)
                .iter()
                .any(|f| f.rule == "detail.missing")
        };
        for t in [
            "Thank you for the interview. The onboarding plans sound great.",
            "Thank you for the interview. I am keen to use my SQL work.",
            "Thank you for the interview. Here is my portfolio link.",
        ] {
            assert!(!missing(t, &facts), "{t}");
            assert!(missing(t, &Facts::default()), "{t}");
        }
        assert!(missing("Thank you for the interview at Acme.", &facts));
    }

    #[test]
    fn role_and_company_alone_are_not_detail() {
        for t in [
            "Thank you for the interview. I am a great fit.",
            "Thank you for speaking with me about the Product Manager role at Acme.",
            "Thank you for your time today. I enjoyed learning more about the team and the company.",
            "Thank you for telling me about your vision and values.",
            "I enjoyed hearing about the goals of your team and your research and design work.",
        ] {
            assert_eq!(run("detail.missing", t).len(), 1, "{t}");
        }
    }
}
