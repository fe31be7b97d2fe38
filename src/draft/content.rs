//! What a kind writes before a channel shapes it: subject candidates, paragraphs, the short lines
//! of a LinkedIn chat message, LinkedIn-note candidates, a call plan, and the details that were
//! missing.

use crate::tone::{Category, Finding, Severity};

/// The channel-independent content of one draft.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Email subjects, preferred first; the first with 3–8 words is used.
    pub subjects: Vec<String>,
    /// Body paragraphs between greeting and sign-off; the last one is the closing line.
    pub paragraphs: Vec<String>,
    /// The LinkedIn chat message: a few short lines instead of the paragraphs.
    pub chat: Chat,
    /// Connection-note texts (they follow "Hi Dana, "), richest first; the first that fits
    /// 300 characters is used.
    pub notes: Vec<String>,
    /// The call plan for the phone channel.
    pub call: CallPlan,
    /// Details the store lacked; each becomes a suggestion.
    pub missing: Vec<Missing>,
}

impl Content {
    /// Adds a paragraph.
    pub fn para(&mut self, text: String) {
        self.paragraphs.push(text);
    }

    /// Records a missing detail once.
    pub fn lacks(&mut self, missing: Missing) {
        if !self.missing.contains(&missing) {
            self.missing.push(missing);
        }
    }
}

/// The body of a LinkedIn chat message: what goes between "Hi Dana," and the one-line close.
///
/// A chat message is a few short lines, not a letter: thanks for the conversation, the one
/// concrete detail (a topic, what was promised) where the kind has one, and its call to action.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chat {
    /// At most [`Chat::MAX_LINES`] lines of one to three short sentences each; the last one
    /// carries the call to action when the kind has one.
    pub lines: Vec<String>,
    /// Hints of [`Content::missing`] that are about parts the chat form leaves out (e.g. the
    /// skills of a thank-you's fit paragraph).
    pub leaves_out: Vec<Missing>,
}

impl Chat {
    /// Most body lines in a chat message.
    pub const MAX_LINES: usize = 2;

    /// Adds a line made of `sentences` (empty ones skipped); nothing when all are empty.
    pub fn line(&mut self, sentences: &[&str]) {
        let text = sentences
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if !text.is_empty() {
            self.lines.push(text);
        }
    }
}

/// A short plan for a phone call.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallPlan {
    /// What the call is, e.g. "thank-you call".
    pub purpose: String,
    /// The first thing to say.
    pub opener: String,
    /// What to cover (3–5 are shown).
    pub points: Vec<String>,
    /// How to end.
    pub close: String,
}

/// A detail the draft had to do without.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// The interviewer has no name (or nobody is listed).
    RecipientName,
    /// No topics for this interviewer; holds how to name them.
    Topic(String),
    /// No skills on the interview.
    Skills,
    /// An additional-info message with nothing promised to send.
    Promised(String),
    /// No email address for the interviewer (email channel).
    RecipientEmail(String),
    /// No LinkedIn profile for the interviewer (LinkedIn channels).
    RecipientLinkedin(String),
    /// The profile has no name to sign with.
    CandidateName,
    /// The profile has no email, phone or signature.
    CandidateContact,
}

impl Missing {
    /// The message-level suggestion telling the user what to add.
    pub fn finding(&self) -> Finding {
        let (rule, category, message) = match self {
            Missing::RecipientName => (
                "name.missing-recipient",
                Category::Name,
                "Add the interviewer's name so the greeting can use it.".into(),
            ),
            Missing::Topic(who) => (
                "detail.missing-topic",
                Category::Detail,
                format!("Add one thing you discussed with {who}.").into(),
            ),
            Missing::Skills => (
                "detail.missing-skills",
                Category::Detail,
                "Add a skill or two that fit this role, so the message can say why you fit.".into(),
            ),
            Missing::Promised(who) => (
                "detail.missing-promised",
                Category::Detail,
                format!("Add what you promised to send {who}.").into(),
            ),
            Missing::RecipientEmail(who) => (
                "detail.missing-recipient-email",
                Category::Detail,
                format!("Add {who}'s email address to send this.").into(),
            ),
            Missing::RecipientLinkedin(who) => (
                "detail.missing-recipient-linkedin",
                Category::Detail,
                format!("Add {who}'s LinkedIn profile to send this.").into(),
            ),
            Missing::CandidateName => (
                "detail.missing-candidate-name",
                Category::Detail,
                "Add your name to your profile so the message is signed.".into(),
            ),
            Missing::CandidateContact => (
                "detail.missing-candidate-contact",
                Category::Detail,
                "Add your email or phone number to your profile so they can reach you.".into(),
            ),
        };
        Finding {
            rule: rule.into(),
            category,
            severity: Severity::Suggestion,
            start: 0,
            end: 0,
            message,
            suggestion: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chat_line_joins_its_sentences_and_skips_empty_ones() {
        let mut chat = Chat::default();
        chat.line(&["Thank you for Friday.", "", " I enjoyed it. "]);
        chat.line(&["", "  "]);
        chat.line(&["Any news?"]);
        assert_eq!(
            chat.lines,
            ["Thank you for Friday. I enjoyed it.", "Any news?"]
        );
    }
}
