//! Draft composer (SPEC §4.2). Pure: no browser types.
//!
//! INTERFACE (stable, used by web/ and the CLI): [`draft`], [`DraftRequest`], [`Draft`],
//! [`DraftError`]. Implementation in progress (issue 5).

use crate::model::{Channel, Kind, Store};
use crate::tone::Finding;
use chrono::{DateTime, FixedOffset};
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
    #[serde(default)]
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

/// Writes the draft asked for.
pub fn draft(store: &Store, request: &DraftRequest) -> Result<Draft, DraftError> {
    let _ = store;
    Err(DraftError::UnknownInterview(request.interview.clone()))
}
