//! What a recruiter's or interviewer's reply says: a rejection, an offer or a next round, a
//! request to schedule, something else, or no reply at all (an out-of-office or other automatic
//! answer). The in-page helper and the CLI pre-select the outcome to record from it; the user
//! confirms or changes it.
//!
//! Method: the message and its subject are folded (lower case, straight quotes, one space) and
//! searched for cue phrases on word boundaries, in order of precedence:
//! 1. **automatic replies** ("out of office", "automatic reply", "limited access to email"): not a
//!    reply, whatever else they say ("I will answer your interview questions when I return");
//! 2. **rejections** ("move forward with other candidates", "the position has been filled",
//!    "unable to offer you"): they win over the words of an offer or a next step they contain;
//! 3. **advancing**: an offer or a next round ("pleased to offer", "final round", "invite you to");
//! 4. **scheduling**: a request for times ("are you available", "your availability");
//! 5. anything else is **other** (a reply that decides nothing: "we are still interviewing").
//!
//! Measured on the project's own 72 labelled replies (`tests/data/replies.jsonl`, checked by
//! `tests/reply_corpus.rs`, which prints precision and recall per kind).
//!
//! ```
//! use followup::reply::{classify, ReplyKind};
//! let c = classify("", "Thank you for your time. Unfortunately, we have decided to move forward with other candidates.");
//! assert_eq!(c.kind, ReplyKind::Rejection);
//! assert_eq!(c.cue.as_deref(), Some("with other candidates"));
//! ```

use crate::fold::fold_phrase;
use crate::model::Outcome;
use crate::tone::phrases::on_word_boundaries;

/// What a reply says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReplyKind {
    /// An automatic answer (out of office, on leave): not a reply.
    AutoReply,
    /// Not selected, position filled.
    Rejection,
    /// An offer, or an invitation to a next round.
    Advance,
    /// A request to schedule a call or an interview.
    Scheduling,
    /// A reply that decides nothing.
    Other,
}

impl ReplyKind {
    /// Every kind, in precedence order.
    pub const ALL: [ReplyKind; 5] = [
        ReplyKind::AutoReply,
        ReplyKind::Rejection,
        ReplyKind::Advance,
        ReplyKind::Scheduling,
        ReplyKind::Other,
    ];

    /// The spelling used in JSON and the labelled set.
    pub fn as_str(self) -> &'static str {
        match self {
            ReplyKind::AutoReply => "auto-reply",
            ReplyKind::Rejection => "rejection",
            ReplyKind::Advance => "advance",
            ReplyKind::Scheduling => "scheduling",
            ReplyKind::Other => "other",
        }
    }

    /// The outcome to record: a rejection is negative, an offer, a next round or a request for
    /// times is positive (each wants a prompt, warm answer), anything else neutral; an automatic
    /// answer records nothing.
    pub fn outcome(self) -> Option<Outcome> {
        match self {
            ReplyKind::AutoReply => None,
            ReplyKind::Rejection => Some(Outcome::Negative),
            ReplyKind::Advance | ReplyKind::Scheduling => Some(Outcome::Positive),
            ReplyKind::Other => Some(Outcome::Neutral),
        }
    }

    /// The cue phrases, folded (see [`crate::fold::fold_phrase`]).
    fn cues(self) -> &'static [&'static str] {
        match self {
            ReplyKind::AutoReply => AUTO_REPLY,
            ReplyKind::Rejection => REJECTION,
            ReplyKind::Advance => ADVANCE,
            ReplyKind::Scheduling => SCHEDULING,
            ReplyKind::Other => &[],
        }
    }
}

impl std::str::FromStr for ReplyKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ReplyKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown reply kind `{s}`"))
    }
}

const AUTO_REPLY: &[&str] = &[
    "automatic reply",
    "auto-reply",
    "autoreply",
    "auto reply",
    "out of office",
    "out of the office",
    "i am currently away",
    "i'm currently away",
    "i am currently out",
    "i'm currently out",
    "i am away from",
    "i'm away from",
    "on annual leave",
    "on parental leave",
    "on maternity leave",
    "on paternity leave",
    "limited access to email",
    "limited access to my email",
    "limited access to e-mail",
    "respond when i return",
    "reply when i return",
    "respond upon my return",
    "respond to your email when i return",
    "respond to your message when i return",
    "this mailbox is not monitored",
    "this inbox is not monitored",
    "do not reply to this email",
];

const REJECTION: &[&str] = &[
    "with other candidates",
    "with another candidate",
    "to another candidate",
    "with other applicants",
    "with another applicant",
    "to another applicant",
    "other candidates whose",
    "another candidate whose",
    "pursue other candidates",
    "not to move forward",
    "not be moving forward",
    "not moving forward with your",
    "won't be moving forward",
    "will not be moving forward",
    "no longer moving forward",
    "not to proceed",
    "not be proceeding",
    "will not be proceeding",
    "won't be proceeding",
    "not progressing",
    "not be progressing",
    "won't be progressing",
    "will not be progressing",
    "position has been filled",
    "role has been filled",
    "position has now been filled",
    "role has now been filled",
    "regret to inform",
    "not been selected",
    "were not selected",
    "have not been successful",
    "were not successful",
    "was unsuccessful",
    "been unsuccessful",
    "unable to offer you",
    "not able to offer you",
    "cannot offer you",
    "can't offer you",
    "in a different direction",
    "more closely match",
    "more closely matches",
    "more closely aligned",
    "closer match for",
    "not a fit for",
    "not the right fit",
    "decided to close the",
    "position has been put on hold",
    "role has been put on hold",
    "decline your application",
    "not to offer",
];

const ADVANCE: &[&str] = &[
    "pleased to offer",
    "happy to offer",
    "delighted to offer",
    "excited to offer",
    "thrilled to offer",
    "offer you the",
    "extend an offer",
    "extend you an offer",
    "extending an offer",
    "offer letter",
    "formal offer",
    "verbal offer",
    "next round",
    "final round",
    "final interview",
    "second interview",
    "second round",
    "next stage",
    "onsite interview",
    "on-site interview",
    "move you forward",
    "moving you forward",
    "move forward with you",
    "moving forward with you",
    "move forward with your candidacy",
    "moving forward with your candidacy",
    "move forward with your application",
    "moving forward with your application",
    "advance you to",
    "advancing you to",
    "invite you to",
    "invite you back",
    "like to have you",
    "love to have you",
    "welcome you to the team",
    "welcome you aboard",
    "congratulations",
];

const SCHEDULING: &[&str] = &[
    "are you available",
    "would you be available",
    "will you be available",
    "your availability",
    "what times work",
    "what time works",
    "times that work",
    "time that works",
    "a time that suits",
    "time slots",
    "time slot",
    "book a time",
    "pick a time",
    "choose a time",
    "schedule a call",
    "schedule a time",
    "schedule some time",
    "set up a call",
    "set up a time",
    "would you be free",
    "are you free",
    "reschedule",
    "calendly.com",
];

/// What [`classify`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classified {
    /// The kind.
    pub kind: ReplyKind,
    /// The cue that decided it, folded; none for [`ReplyKind::Other`].
    pub cue: Option<String>,
}

impl Classified {
    /// The outcome to pre-select ([`ReplyKind::outcome`]).
    pub fn outcome(&self) -> Option<Outcome> {
        self.kind.outcome()
    }

    /// Why, in words: "It says “with other candidates”."
    pub fn reason(&self) -> String {
        match &self.cue {
            Some(cue) => format!("It says \u{201c}{cue}\u{201d}."),
            None => "It neither decides nor asks for a time.".into(),
        }
    }
}

/// Reads a reply's subject and body. Quoted earlier messages (lines starting with `>`, and
/// everything from "On … wrote:" on) are left out: a reply quoting the candidate's own note
/// ("looking forward to the next round") must not be read as the company saying it.
pub fn classify(subject: &str, body: &str) -> Classified {
    let own = own_part(body);
    let text = fold_phrase(&format!("{subject}\n{own}"));
    for kind in ReplyKind::ALL {
        if let Some(cue) = kind.cues().iter().find(|cue| mentions(&text, cue)) {
            return Classified {
                kind,
                cue: Some((*cue).to_string()),
            };
        }
    }
    Classified {
        kind: ReplyKind::Other,
        cue: None,
    }
}

/// Whether `text` holds `cue` on word boundaries.
fn mentions(text: &str, cue: &str) -> bool {
    text.match_indices(cue)
        .any(|(at, _)| on_word_boundaries(text, at, at + cue.len()))
}

/// The reply without what it quotes.
fn own_part(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    for line in body.lines() {
        let t = line.trim();
        let quote_header = t.starts_with("On ") && t.ends_with("wrote:")
            || t.starts_with("-----Original Message")
            || t.starts_with("From:") && !out.trim().is_empty();
        if quote_header {
            break;
        }
        if t.starts_with('>') {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_are_folded_and_kinds_round_trip() {
        for kind in ReplyKind::ALL {
            assert_eq!(kind.as_str().parse::<ReplyKind>(), Ok(kind));
            for cue in kind.cues() {
                assert_eq!(fold_phrase(cue), *cue, "{kind:?}: {cue}");
            }
        }
        assert!("maybe".parse::<ReplyKind>().is_err());
    }

    #[test]
    fn precedence_and_quotes() {
        // A rejection that thanks and mentions next steps is a rejection.
        let c = classify("", "Thanks for interviewing. We won't be moving forward, but we'd be happy to schedule a call for feedback.");
        assert_eq!(c.kind, ReplyKind::Rejection);
        // An automatic answer that mentions interviews is not a reply.
        let c = classify(
            "Automatic reply: Thank you",
            "I will respond to interview questions when I'm back.",
        );
        assert_eq!((c.kind, c.outcome()), (ReplyKind::AutoReply, None));
        // What the candidate wrote, quoted below, does not count.
        let c = classify(
            "Re: Thank you",
            "Thanks Sam, we are still interviewing and will be in touch.\n\nOn Tue, Dec 8, 2026 at 10:00 AM Sam Rivera <sam@example.org> wrote:\n> I look forward to the next round.",
        );
        assert_eq!(c.kind, ReplyKind::Other);
        assert_eq!(c.reason(), "It neither decides nor asks for a time.");
        let c = classify("", "> Congratulations on the launch!\nNoted, thanks.");
        assert_eq!(c.kind, ReplyKind::Other);
    }

    #[test]
    fn word_boundaries_keep_cues_whole() {
        // "reschedules" is not "reschedule"; "congratulations" inside a word is not either.
        assert_eq!(
            classify("", "The team reschedules its planning weekly.").kind,
            ReplyKind::Other
        );
        assert_eq!(
            classify("", "Could we reschedule to Friday?").kind,
            ReplyKind::Scheduling
        );
    }

    proptest::proptest! {
        /// Any text is classified without a panic (emoji, right-to-left text, lone combining
        /// marks, quote markers anywhere), and a kind other than `other` always names its cue.
        #[test]
        fn any_text_gets_a_kind_and_its_cue(subject in "\\PC{0,40}", body in "(\\PC|\n|>){0,400}") {
            let c = classify(&subject, &body);
            proptest::prop_assert_eq!(c.cue.is_some(), c.kind != ReplyKind::Other);
        }

        /// What is quoted (lines starting with `>`, or after "On … wrote:") never changes the
        /// reading of the reply's own words.
        #[test]
        fn quoted_text_does_not_count(own in "[a-zA-Z ,.]{0,80}", quoted in "\\PC{0,120}") {
            let alone = classify("", &own);
            let marked: String = quoted.lines().map(|l| format!("> {l}\n")).collect();
            let with_quote = classify("", &format!("{own}\n{marked}"));
            proptest::prop_assert_eq!(alone.kind, with_quote.kind);
            let after = classify("", &format!("{own}\nOn Mon, Dana Lee wrote:\n{quoted}"));
            proptest::prop_assert_eq!(alone.kind, after.kind);
        }
    }
}
