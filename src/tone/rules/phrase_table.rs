//! Phrase rules driven by the data tables (`src/tone/data/*.tbl`): casual, formal, generic,
//! self-centred, salary, regret, pushy and common misspellings.

use super::rule::{finding, Rule};
use crate::tone::context::Context;
use crate::tone::phrases::{phrasebook, Target};
use crate::tone::table::{Condition, Entry};
use crate::tone::types::Finding;

/// Reports every table phrase found, unless negated, quoted, or its condition does not hold.
pub struct PhraseTable;

impl Rule for PhraseTable {
    fn id(&self) -> &'static str {
        "phrases"
    }

    #[cfg(test)]
    fn description(&self) -> &'static str {
        "Flags phrases listed in the wording tables (slang, stilted formulas, clichés, salary, regret, pressure, typos)."
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let book = phrasebook();
        let mut kept: Vec<(&Entry, usize, usize)> = Vec::new();
        for hit in &cx.hits {
            let Target::Entry(i) = hit.target else {
                continue;
            };
            let Some(entry) = book.entries.get(usize::from(i)) else {
                continue;
            };
            // "Bare thanks" is generic only in a thank-you; a nudge may end "Thank you for your
            // time" without repeating the interview's details.
            if entry.when == Condition::NoDetail && (!cx.expects_detail() || cx.has_detail()) {
                continue;
            }
            if entry.negatable && cx.folded.is_negated(hit.start) {
                continue;
            }
            if cx.folded.is_quoted(hit.start, hit.end) {
                continue;
            }
            kept.push((entry, hit.start, hit.end));
        }
        // Within a category, overlapping phrases report once: the longest ("really need this
        // job" over "need this job").
        crate::order::sort_by(&mut kept, |a, b| {
            (a.0.category, a.1, b.2).cmp(&(b.0.category, b.1, a.2))
        });
        let mut last: Option<(crate::tone::types::Category, usize)> = None;
        for (entry, start, end) in kept {
            if let Some((category, until)) = last {
                if category == entry.category && start < until {
                    continue;
                }
            }
            last = Some((entry.category, end));
            let span = (cx.folded.source(start), cx.folded.source(end));
            let matched = cx.text.get(span.0..span.1).unwrap_or("");
            out.push(finding(
                entry.rule,
                entry.category,
                severity_in_context(cx, entry),
                span,
                entry.why,
                entry.fix.map(|fix| match_case(matched, fix)),
            ));
        }
    }
}

/// The entry's severity, softened where the context makes the phrase normal: salary and
/// benefits are the subject of the conversation once there is an offer (a reply to good news).
fn severity_in_context(cx: &Context<'_>, entry: &Entry) -> crate::tone::types::Severity {
    let offer = cx.options.kind == Some(crate::model::Kind::PositiveReply);
    if offer && entry.category == crate::tone::types::Category::Salary {
        crate::tone::types::Severity::Suggestion
    } else {
        entry.severity
    }
}

/// Capitalises the fix when the matched words start with a capital ("Gonna" → "Going to").
fn match_case(matched: &str, fix: &str) -> String {
    let upper = matched.chars().next().is_some_and(char::is_uppercase);
    match fix.chars().next() {
        Some(first) if upper && first.is_lowercase() => crate::case::capitalised(fix),
        _ => fix.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tone::rules::testing::{span, thank_you};
    use crate::tone::{lint, table::fold_phrase};

    /// Every table entry flags its `fires` example on one of its spellings, and its `passes`
    /// example gets no finding from the same rule.
    #[test]
    fn every_entry_fires_on_its_example_and_not_on_its_counterexample() {
        let book = phrasebook();
        let mut failures = Vec::new();
        for e in book.entries {
            let fired = lint(e.fires, &thank_you());
            let hit = fired.iter().any(|f| {
                f.rule == e.rule
                    && e.variants
                        .contains(&fold_phrase(&span(e.fires, f)).as_str())
            });
            if !hit {
                failures.push(format!("[{}] does not fire on: {}", e.phrase, e.fires));
            }
            let passed = lint(e.passes, &thank_you());
            if let Some(f) = passed.iter().find(|f| f.rule == e.rule) {
                failures.push(format!(
                    "[{}] {} fires on its passing example: {} ({:?})",
                    e.phrase,
                    e.rule,
                    e.passes,
                    span(e.passes, f)
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn matching_ignores_case_curly_quotes_and_line_breaks() {
        let text = "I CAN’T\r\nWAIT to start";
        let f = lint(text, &thank_you());
        assert!(f
            .iter()
            .any(|f| f.rule == "casual.slang" && span(text, f) == "CAN’T\r\nWAIT"));
    }

    #[test]
    fn negated_and_quoted_phrases_do_not_fire() {
        let opts = thank_you();
        assert!(!lint("I won't ask about salary yet.", &opts)
            .iter()
            .any(|f| f.category == crate::tone::types::Category::Salary));
        assert!(!lint(
            "Your motto \"hit the ground running\" stuck with me.",
            &opts
        )
        .iter()
        .any(|f| f.rule == "generic.cliche"));
    }

    #[test]
    fn bare_thanks_is_generic_only_in_a_thank_you() {
        let text =
            "If there is any update, I would be grateful to hear it. Thank you for your time.";
        let nudge = crate::tone::types::LintOptions {
            kind: Some(crate::model::Kind::Nudge),
            ..thank_you()
        };
        assert!(!lint(text, &nudge)
            .iter()
            .any(|f| f.rule == "generic.bare_thanks"));
        assert!(lint(text, &thank_you())
            .iter()
            .any(|f| f.rule == "generic.bare_thanks"));
    }

    #[test]
    fn salary_after_an_offer_is_only_a_suggestion() {
        let text = "Thank you for the offer. I am happy to accept the salary of $85,000.";
        let reply = crate::tone::types::LintOptions {
            kind: Some(crate::model::Kind::PositiveReply),
            ..thank_you()
        };
        let f = lint(text, &reply);
        assert!(f
            .iter()
            .filter(|f| f.category == crate::tone::types::Category::Salary)
            .all(|f| f.severity == crate::tone::types::Severity::Suggestion));
        assert!(
            lint(text, &thank_you())
                .iter()
                .any(|f| f.category == crate::tone::types::Category::Salary
                    && f.severity.is_problem())
        );
    }

    #[test]
    fn declared_entries_tolerate_inserted_modifiers_and_elongation() {
        for (text, rule) in [
            ("Thanks so much for the interview.", "generic.bare_thanks"),
            ("Thank you very much for your time.", "generic.bare_thanks"),
            ("I was really so nervous on the call.", "regret.mistake"),
            ("I sooo need this job.", "pushy.desperate"),
            (
                "Sooo, thanks sooo much for the interview!",
                "generic.bare_thanks",
            ),
        ] {
            let f = lint(text, &thank_you());
            assert!(f.iter().any(|f| f.rule == rule), "{text}: {f:?}");
        }
        // A modifier next to punctuation is not squeezed out, and undeclared entries stay exact.
        let f = lint("Thanks, so: much for nothing.", &thank_you());
        assert!(!f.iter().any(|f| f.rule == "generic.bare_thanks"), "{f:?}");
    }

    #[test]
    fn fixes_keep_the_leading_capital() {
        assert_eq!(match_case("Gonna", "going to"), "Going to");
        assert_eq!(match_case("gonna", "going to"), "going to");
    }

    #[test]
    fn words_inside_other_words_do_not_fire() {
        let text = "They discussed Ptolemy and the salaryman novel.";
        let f = lint(text, &thank_you());
        assert!(!f.iter().any(|f| f.rule == "casual.greeting"), "{f:?}");
        assert!(
            !f.iter()
                .any(|f| f.category == crate::tone::types::Category::Salary),
            "{f:?}"
        );
    }
}
