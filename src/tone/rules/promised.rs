//! `detail.attach-promised`: the message says it brings what the candidate promised to send
//! (it names the item, or says "attached", "as promised", "here is"), but nothing is pasted
//! next to it yet (no web address, e-mail address or file name in the same paragraph; a
//! signature's address in a paragraph of its own does not count): a reminder to attach or paste
//! the item before sending. It needs the interview's facts ([`crate::tone::Facts::promised`]), so
//! it runs wherever a message to a tracked interviewer is checked: the draft, the popup's check
//! and the in-page helper say the same thing. A phone call plan has nothing to attach.

use super::rule::{finding, Rule};
use crate::model::Channel;
use crate::tone::context::Context;
use crate::tone::phrases::on_word_boundaries;
use crate::tone::table::fold_phrase;
use crate::tone::types::{Category, Finding, Severity};

/// Words saying that something comes with the message (folded: lower case, straight quotes).
const SENDING: &[&str] = &[
    "attached",
    "attaching",
    "enclosed",
    "included",
    "including",
    "as promised",
    "here is",
    "here are",
    "here's",
    "sharing",
    "i'm sending",
    "i am sending",
];

/// Reminds the user to attach or paste what they promised.
pub struct Promised;

impl Rule for Promised {
    fn id(&self) -> &'static str {
        "detail.attach-promised"
    }

    #[cfg(test)]
    fn description(&self) -> &'static str {
        "Reminds you to attach or paste what you promised to send when the message says it is there."
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if cx.promised.is_empty() || cx.options.channel == Channel::Phone {
            return;
        }
        let text = cx.folded.text.as_str();
        let first = |needle: &str| {
            text.match_indices(needle)
                .map(|(at, _)| (at, at + needle.len()))
                .find(|&(s, e)| !needle.is_empty() && on_word_boundaries(text, s, e))
        };
        let items: Vec<String> = cx.promised.iter().map(|p| fold_phrase(p)).collect();
        let Some((start, end)) = items
            .iter()
            .map(String::as_str)
            .chain(SENDING.iter().copied())
            .filter_map(first)
            .min()
        else {
            return;
        };
        let (start, end) = (cx.folded.source(start), cx.folded.source(end));
        let (from, to) = paragraph(cx.text, start);
        if cx.links.iter().any(|&(s, e)| s < to && e > from) {
            return;
        }
        let phrases: Vec<String> = cx
            .promised
            .iter()
            .map(|p| crate::text::promised_phrase(p))
            .collect();
        let phrases: Vec<&str> = phrases.iter().map(String::as_str).collect();
        out.push(finding(
            "detail.attach-promised",
            Category::Detail,
            Severity::Suggestion,
            (start, end),
            format!(
                "Attach or paste {} before sending.",
                crate::text::join_list(&phrases)
            ),
            None,
        ));
    }
}

/// The byte range of the paragraph around byte `at`: between the blank lines (lines of
/// nothing but whitespace) before and after it.
fn paragraph(text: &str, at: usize) -> (usize, usize) {
    let mut from = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let end = offset + line.len();
        if line.trim().is_empty() {
            if offset >= at {
                return (from, offset);
            }
            from = end;
        }
        offset = end;
    }
    (from, text.len())
}

#[cfg(test)]
mod tests {
    use crate::model::{Channel, Kind};
    use crate::tone::{lint_with, Facts, Finding, LintOptions};

    fn check(text: &str, promised: &[&str], channel: Channel) -> Vec<Finding> {
        let options = LintOptions {
            kind: Some(Kind::ThankYou),
            channel,
            ..LintOptions::default()
        };
        let facts = Facts {
            promised: promised.iter().map(|p| p.to_string()).collect(),
            ..Facts::default()
        };
        lint_with(text, &options, &facts)
            .into_iter()
            .filter(|f| f.rule == "detail.attach-promised")
            .collect()
    }

    fn span(text: &str, f: &Finding) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16_lossy(&units[f.start..f.end])
    }

    #[test]
    fn fires_where_the_message_says_it_brings_the_promised_item() {
        let cases: &[(&str, &[&str], &str, &str)] = &[
            (
                "I have included the portfolio link here, as promised.",
                &["portfolio link"],
                "included",
                "Attach or paste the portfolio link before sending.",
            ),
            (
                "Thank you! My Portfolio Link is below.",
                &["portfolio link"],
                "Portfolio Link",
                "Attach or paste the portfolio link before sending.",
            ),
            (
                "As promised, two references follow.",
                &["two references", "my writing sample"],
                "As promised",
                "Attach or paste two references and my writing sample before sending.",
            ),
            // A signature's address, in a paragraph of its own, is not the promised item.
            (
                "Hi Dana,\n\nAs promised, here is the deck.\n\nBest,\nSam Rivera\nsam@rivera.example",
                &["deck"],
                "As promised",
                "Attach or paste the deck before sending.",
            ),
            (
                "Ich habe es angehängt. Attached: 😊 the deck.",
                &["deck"],
                "Attached",
                "Attach or paste the deck before sending.",
            ),
        ];
        for (text, promised, want_span, want_message) in cases {
            let found = check(text, promised, Channel::Email);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(span(text, &found[0]), *want_span, "{text}");
            assert_eq!(found[0].message, *want_message);
        }
    }

    #[test]
    fn quiet_when_nothing_is_promised_pasted_or_said() {
        let cases: &[(&str, &[&str], Channel)] = &[
            // Nothing promised.
            (
                "I have included the portfolio link here.",
                &[],
                Channel::Email,
            ),
            (
                "I have included the portfolio link here.",
                &["  "],
                Channel::Email,
            ),
            // Something is pasted: a link, an address, a file name.
            (
                "Here is the portfolio link: https://dana.example/work",
                &["portfolio link"],
                Channel::Email,
            ),
            (
                "I attached portfolio.pdf as promised.",
                &["portfolio"],
                Channel::Email,
            ),
            (
                "I have included the portfolio link:\nhttps://dana.example/work\n\nBest,\nSam",
                &["portfolio link"],
                Channel::Email,
            ),
            // The message does not say it brings anything.
            (
                "Thank you for your time today.",
                &["portfolio link"],
                Channel::Email,
            ),
            // Part of another word is not a mention.
            (
                "The enclosedness of the office struck me.",
                &["deck"],
                Channel::Email,
            ),
            // A call plan has nothing to attach.
            (
                "As promised, the portfolio link.",
                &["portfolio link"],
                Channel::Phone,
            ),
        ];
        for (text, promised, channel) in cases {
            assert!(check(text, promised, *channel).is_empty(), "{text}");
        }
    }
}
