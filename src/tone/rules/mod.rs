//! The rules, one per file. Each is a unit struct implementing [`Rule`]; [`ALL`] lists them in
//! the order they run (the output is sorted afterwards, so the order only matters for ties).

mod all_caps;
mod detail;
mod duplicate;
mod elongation;
mod emoji;
mod enthusiasm;
mod exclamation;
mod gratitude;
mod length;
mod mechanics_case;
mod mechanics_spacing;
mod phrase_table;
mod placeholder;
mod promised;
mod recipient_name;
mod repeated_question;
mod rule;
mod subject;
mod text_speak;

pub use rule::Rule;

/// Every rule, in run order.
pub static ALL: &[&dyn Rule] = &[
    &phrase_table::PhraseTable,
    &exclamation::Exclamation,
    &repeated_question::RepeatedQuestion,
    &emoji::Emoji,
    &all_caps::AllCaps,
    &text_speak::TextSpeak,
    &elongation::Elongation,
    &placeholder::Placeholder,
    &gratitude::Gratitude,
    &detail::Detail,
    &promised::Promised,
    &enthusiasm::Enthusiasm,
    &length::Length,
    &recipient_name::RecipientName,
    &subject::Subject,
    &duplicate::Duplicate,
    &mechanics_case::MechanicsCase,
    &mechanics_spacing::MechanicsSpacing,
];

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the rule tests.
    use crate::model::{Channel, Kind};
    use crate::tone::{lint, Finding, LintOptions};

    /// Options for a thank-you email.
    pub fn thank_you() -> LintOptions {
        LintOptions {
            kind: Some(Kind::ThankYou),
            channel: Channel::Email,
            ..LintOptions::default()
        }
    }

    /// Findings of `rule` for `text` as a thank-you email.
    pub fn run(rule: &str, text: &str) -> Vec<Finding> {
        run_with(rule, text, &thank_you())
    }

    /// Findings of `rule` for `text` with `options`.
    pub fn run_with(rule: &str, text: &str, options: &LintOptions) -> Vec<Finding> {
        lint(text, options)
            .into_iter()
            .filter(|f| f.rule == rule)
            .collect()
    }

    /// Checks a rule file's example table: each `(rule, text, spans)` of `fires` gets exactly
    /// those findings of `rule` (spans as cut out of the text; `""` for a message-level one), and
    /// no text of `passes` gets a finding of any of `rules`.
    pub fn check_examples(fires: &[(&str, &str, &[&str])], passes: &[&str], rules: &[&str]) {
        let mut failures = Vec::new();
        for (rule, text, want) in fires {
            let got: Vec<String> = run(rule, text).iter().map(|f| span(text, f)).collect();
            if got != *want {
                failures.push(format!("{rule} on {text:?}: got {got:?}, want {want:?}"));
            }
        }
        for text in passes {
            let got: Vec<String> = lint(text, &thank_you())
                .iter()
                .filter(|f| rules.contains(&&*f.rule))
                .map(|f| format!("{} {:?}", f.rule, span(text, f)))
                .collect();
            if !got.is_empty() {
                failures.push(format!("{text:?} should pass: {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// The UTF-16 span of `f` cut out of `text`.
    pub fn span(text: &str, f: &Finding) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16_lossy(units.get(f.start..f.end).unwrap_or(&[]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_describes_itself() {
        for rule in ALL {
            assert!(!rule.id().is_empty());
            assert!(rule.description().ends_with('.'), "{}", rule.id());
        }
    }
}
