//! Draft composer (what a good message says: `docs/follow-up-rules.md`). Pure: no browser types.
//!
//! INTERFACE (stable, used by web/ and the CLI): [`draft`], [`DraftRequest`], [`Draft`],
//! [`DraftError`].
//!
//! How a draft is made: `context` turns the store into words for one interviewer, a module per
//! kind (`thank_you`, `status_check`, …) writes the `content`, and `channel` shapes it
//! for email, LinkedIn, a connection note or a call plan. Sentence phrasings come from banks in
//! the kind modules; `phrases` picks one per slot from a stable hash of the interview id and
//! the slot, offset by the interviewer's position, so colleagues get different sentences and the
//! same input always gives the same draft.
//!
//! Length rules: the thank-you email counts 60–180 words from the greeting to the last
//! paragraph (the sign-off and signature are the user's own and not counted); status checks and
//! nudges stay within 120 words including the signature.
//!
//! ```
//! use followup::draft::{draft, DraftRequest};
//! use followup::model::{Channel, Kind};
//! let store = followup::store::parse(r#"{"version": 1, "interviews": [{"id": "acme",
//!     "company": "Acme", "role": "Analyst", "at": "2026-11-20T14:00:00-05:00",
//!     "interviewers": [{"id": "dana", "name": "Dana Lee"}]}]}"#).unwrap();
//! let request = DraftRequest { interview: "acme".into(), interviewer: None,
//!     kind: Kind::ThankYou, channel: Channel::Email, now: None };
//! let draft = draft(&store, &request).unwrap();
//! assert!(draft.body.starts_with("Dear Dana,"));
//! ```

mod additional_info;
mod channel;
mod content;
mod context;
mod next_steps;
mod notes;
mod nudge;
mod personal;
pub(crate) mod phrases;
mod positive_reply;
mod rejection_reply;
mod status_check;
mod thank_you;

use crate::model::{Channel, Kind, Store};
use crate::tone::{self, Finding, LintOptions};
use chrono::{DateTime, FixedOffset};
use content::{Content, Missing};
use context::Context;
use serde::{Deserialize, Serialize};

/// What to write.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftRequest {
    /// Interview id.
    pub interview: String,
    /// Interviewer id; the primary (or first) interviewer when absent.
    #[serde(default)]
    pub interviewer: Option<String>,
    /// Kind of message.
    pub kind: Kind,
    /// Channel.
    #[serde(default)]
    pub channel: Channel,
    /// Now, for "this morning" / "on Tuesday"; the interview day is named by weekday when absent.
    #[serde(
        default,
        deserialize_with = "crate::dates::serde_with::option_date_time"
    )]
    pub now: Option<DateTime<FixedOffset>>,
}

/// A written draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// Kind.
    pub kind: Kind,
    /// Channel.
    pub channel: Channel,
    /// Subject (email only).
    pub subject: Option<String>,
    /// Body, lines separated by `\n`.
    pub body: String,
    /// Recipient email (email), profile URL (LinkedIn) or name.
    pub to: Option<String>,
    /// Wording findings and missing-data hints.
    pub findings: Vec<Finding>,
}

/// Why no draft could be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    /// No interview with that id.
    #[error("no interview with id `{0}`")]
    UnknownInterview(String),
    /// No interviewer with that id in the interview.
    #[error("interview `{interview}` has no interviewer with id `{interviewer}`")]
    UnknownInterviewer {
        /// Interview id.
        interview: String,
        /// Interviewer id asked for.
        interviewer: String,
    },
    /// `move-on` is a reminder, not a message.
    #[error("no draft is written for kind `{0}`")]
    NotDraftable(Kind),
}

/// Writes the draft asked for and checks its wording.
///
/// The interviewer is `request.interviewer`, else the primary (or first) one; an interview that
/// lists nobody still gets a draft, addressed without a name. The findings are those of
/// [`crate::tone::lint`] (with the drafts for the other interviewers of the interview as
/// `others`), followed by `suggestion`-level hints for details the store lacks.
pub fn draft(store: &Store, request: &DraftRequest) -> Result<Draft, DraftError> {
    if !Kind::DRAFTABLE.contains(&request.kind) {
        return Err(DraftError::NotDraftable(request.kind));
    }
    let interview = store
        .interviews
        .iter()
        .find(|i| i.id == request.interview)
        .ok_or_else(|| DraftError::UnknownInterview(request.interview.clone()))?;
    let rank = match &request.interviewer {
        Some(id) => interview
            .interviewers
            .iter()
            .position(|i| &i.id == id)
            .ok_or_else(|| DraftError::UnknownInterviewer {
                interview: interview.id.clone(),
                interviewer: id.clone(),
            })?,
        None => interview
            .interviewers
            .iter()
            .position(|i| i.primary)
            .unwrap_or(0),
    };
    let write = |rank: usize| {
        let ctx = Context::new(
            &store.profile,
            interview,
            rank,
            request.kind,
            request.channel,
            request.now,
        );
        channel::render(&ctx, compose(&ctx))
    };
    let written = write(rank);
    let others = (0..interview.interviewers.len())
        .filter(|&other| other != rank)
        .map(|other| write(other).body)
        .collect();
    let options = LintOptions {
        kind: Some(request.kind),
        channel: request.channel,
        subject: written.subject.clone(),
        to: interview
            .interviewers
            .get(rank)
            .map(|i| i.name.trim().to_string())
            .filter(|n| !n.is_empty()),
        others,
    };
    // The same facts as any other check of a message to this person (the popup's and the
    // in-page helper's): what they talked about, the skills, what was promised.
    let facts = tone::Facts::of_interview(
        interview,
        interview.interviewers.get(rank).map(|i| i.id.as_str()),
    );
    let mut findings = tone::lint_with(&written.body, &options, &facts);
    findings.extend(written.missing.iter().map(Missing::finding));
    Ok(Draft {
        kind: request.kind,
        channel: request.channel,
        subject: written.subject,
        body: written.body,
        to: written.to,
        findings,
    })
}

/// The content for the context's kind (`move-on` never reaches here).
fn compose(ctx: &Context) -> Content {
    match ctx.kind {
        Kind::ThankYou => thank_you::write(ctx),
        Kind::AdditionalInfo => additional_info::write(ctx),
        Kind::NextSteps => next_steps::write(ctx),
        Kind::StatusCheck => status_check::write(ctx),
        Kind::Nudge | Kind::MoveOn => nudge::write(ctx),
        Kind::RejectionReply => rejection_reply::write(ctx),
        Kind::PositiveReply => positive_reply::write(ctx),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::content::Chat;
    use super::phrases::{CHAT_CLOSES, SIGN_OFFS};
    use super::*;

    fn store(name: &str) -> Store {
        crate::store::parse(&format!(
            r#"{{"version": 1, "profile": {{"name": "{name}"}},
                "interviews": [{{"id": "acme", "company": "Acme", "role": "Analyst",
                "at": "2026-11-20T14:00:00-05:00", "decision_by": "2026-12-01",
                "skills": ["SQL"], "promised": ["portfolio link"],
                "interviewers": [{{"id": "dana", "name": "Dana Lee", "topics": ["the Q1 revamp"]}}]}}]}}"#
        ))
        .unwrap()
    }

    #[test]
    fn every_kind_writes_chat_lines_with_its_detail() {
        let store = store("Sam Rivera");
        for &kind in Kind::DRAFTABLE {
            let ctx = Context::new(
                &store.profile,
                &store.interviews[0],
                0,
                kind,
                Channel::Linkedin,
                None,
            );
            let chat = compose(&ctx).chat;
            assert!(
                (1..=Chat::MAX_LINES).contains(&chat.lines.len()),
                "{kind}: {chat:?}"
            );
            let text = chat.lines.join(" ");
            assert!(
                !text.contains('{') && !text.contains('\n'),
                "{kind}: {text}"
            );
            if kind != Kind::Nudge {
                assert!(text.contains("the Q1 revamp"), "{kind}: {text}");
            }
        }
    }

    #[test]
    fn linkedin_messages_close_like_a_chat_and_emails_like_a_letter() {
        let store = store("Sam Rivera");
        for &kind in Kind::DRAFTABLE {
            let request = |channel| DraftRequest {
                interview: "acme".into(),
                interviewer: None,
                kind,
                channel,
                now: None,
            };
            let chat = draft(&store, &request(Channel::Linkedin)).unwrap().body;
            assert!(
                !SIGN_OFFS.iter().any(|s| chat.contains(s)),
                "{kind}: {chat}"
            );
            let close = chat.rsplit("\n\n").next().unwrap();
            assert!(
                CHAT_CLOSES.iter().any(|c| close == format!("{c}, Sam")),
                "{kind}: {chat}"
            );
            let email = draft(&store, &request(Channel::Email)).unwrap().body;
            assert!(
                SIGN_OFFS.iter().any(|s| email.contains(s)),
                "{kind}: {email}"
            );
            assert!(email.ends_with("Sam Rivera"), "{kind}: {email}");
        }
    }

    #[test]
    fn a_chat_message_is_signed_with_the_first_name() {
        let first = |name: &str| {
            let store = store(name);
            let ctx = Context::new(
                &store.profile,
                &store.interviews[0],
                0,
                Kind::ThankYou,
                Channel::Linkedin,
                None,
            );
            ctx.my_first_name()
        };
        assert_eq!(first("Sam Rivera").as_deref(), Some("Sam"));
        assert_eq!(first("Rivera, Sam").as_deref(), Some("Sam"));
        assert_eq!(first("Dr. Sam Rivera").as_deref(), Some("Dr. Sam Rivera"));
        assert_eq!(first("  ").as_deref(), None);
    }
}
