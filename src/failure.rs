//! Why a request was not carried out: one typed error for every layer above the store and the
//! composer (the service, the worker, storage, the typed client), and the words a person reads
//! for each. Those words are composed here and nowhere else: a screen adds what it did about
//! the failure ("Not saved; your form is kept."), never its own account of the cause. A JSON
//! path, when there is one, comes last, as a detail.
//!
//! Between contexts a failure travels as `{"ok": false, "error": <its words>, "code": <its
//! [`Code`]>}` and arrives as [`Failure::Reported`], so the receiving side can act on the kind
//! (the popup treats [`Code::ReadOnly`] differently from a refused field) without reading text.
//!
//! ```
//! use followup::failure::{Code, Failure};
//! use followup::store::StoreError;
//! let refused = Failure::Import(StoreError::new("interviews[0].at", "expected a date and time"));
//! assert_eq!(
//!     refused.to_string(),
//!     "This file cannot be imported: expected a date and time (at interviews[0].at)."
//! );
//! assert_eq!(refused.code(), Code::Import);
//! ```

use crate::draft::DraftError;
use crate::model::string_enum;
use crate::store::StoreError;
use serde::Serialize;

string_enum! {
    /// The kind of a [`Failure`], as it crosses between contexts (`code` in a reply).
    Code {
        /// An imported document was refused.
        Import = "import",
        /// The store refused a change.
        Refused = "refused",
        /// The interview asked for is not in the store.
        NoInterview = "no-interview",
        /// No draft could be written.
        Draft = "draft",
        /// A time in the request could not be read.
        BadTime = "bad-time",
        /// The request itself could not be read.
        BadRequest = "bad-request",
        /// The sender may not ask for this.
        NotAllowed = "not-allowed",
        /// The stored data cannot be read and is kept in place: nothing can change it but an
        /// import or "delete everything".
        ReadOnly = "read-only",
        /// The browser's storage for the extension is full.
        StorageFull = "storage-full",
        /// The browser's storage failed otherwise.
        Storage = "storage",
        /// Other writes kept coming in between this one's read and write.
        Busy = "busy",
        /// Another browser API refused (opening a tab, a notification).
        Browser = "browser",
        /// The worker did not answer.
        NoAnswer = "no-answer",
        /// The worker's answer was not the one expected.
        UnexpectedReply = "unexpected-reply",
        /// Sync across devices could not be turned on or go on (a wrong passphrase, a weak one).
        Sync = "sync",
        /// A failure reported without a code this version knows.
        Other = "other",
    }
}

/// Why a request was not carried out. Its `Display` is the sentence a person reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Failure {
    /// An imported document is not a store this version can read.
    #[error("This file cannot be imported: {}.", located(.0))]
    Import(StoreError),
    /// The store refused a value.
    #[error("That change was refused: {}.", located(.0))]
    Refused(#[from] StoreError),
    /// No interview with this id.
    #[error("That interview is no longer in your list (id `{0}`).")]
    NoInterview(String),
    /// The composer could not write the draft.
    #[error("No draft could be written: {0}.")]
    Draft(#[from] DraftError),
    /// A time in the request is not one this version can read.
    #[error("The time in `{field}` cannot be read: {detail}.")]
    BadTime {
        /// The request's field.
        field: &'static str,
        /// What is wrong with it.
        detail: String,
    },
    /// The request could not be read.
    #[error("{}", Exchange::BadRequest(.0.clone()))]
    BadRequest(String),
    /// The sender may not ask for this (the access rule's words, `refused: …`).
    #[error("{0}")]
    NotAllowed(String),
    /// The stored data is unreadable and kept in place.
    #[error(
        "Your saved data could not be read, and there is no room to set it aside, so nothing can \
         be changed until it is replaced. Download it from the notice at the top of the popup, \
         then import a backup or delete everything to start again."
    )]
    ReadOnly,
    /// The browser's storage is full (its own words).
    #[error("Browser storage is full ({0}). Export your data, then remove old interviews.")]
    StorageFull(String),
    /// The browser's storage failed (its own words).
    #[error("Browser storage failed: {0}.")]
    Storage(String),
    /// Other writes kept coming in.
    #[error("The data kept changing while saving; please try again.")]
    Busy,
    /// Another browser API refused (what was tried, and the browser's words).
    #[error("The browser could not {what}: {detail}.")]
    Browser {
        /// What was tried ("open a tab").
        what: &'static str,
        /// The browser's words.
        detail: String,
    },
    /// The worker did not answer (the browser's words).
    #[error("{}", Exchange::NoAnswer(.0.clone()))]
    NoAnswer(String),
    /// The worker's answer was not the one expected.
    #[error("{}", Exchange::UnexpectedReply(.0.clone()))]
    UnexpectedReply(String),
    /// Sync across devices could not be turned on or go on: the sentence says why.
    #[error("{0}")]
    Sync(String),
    /// A failure from another context: its kind and its words, as they were composed there.
    #[error("{message}")]
    Reported {
        /// Its kind.
        code: Code,
        /// Its words.
        message: String,
    },
}

/// What can go wrong in an exchange of messages with the worker, and nothing else: the only
/// failures the in-page helper meets. Its kinds are [`Failure`]'s of the same names, and their
/// words are written here, once: the in-page module links these and none of the store's, the
/// composer's or storage's words, which [`Failure`]'s `Display` holds (DESIGN.md, "Failures").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Exchange {
    /// A request could not be written or read.
    #[error("The request could not be read: {0}.")]
    BadRequest(String),
    /// The worker did not answer (the browser's words).
    #[error("The extension's background part did not answer ({0}).")]
    NoAnswer(String),
    /// The worker's answer was not the one expected.
    #[error("The extension's background part sent an unexpected reply: {0}.")]
    UnexpectedReply(String),
    /// The worker's `{"ok": false}`: its kind and its words, as they were composed there.
    #[error("{message}")]
    Reported {
        /// Its kind.
        code: Code,
        /// Its words.
        message: String,
    },
}

impl Exchange {
    /// A failure read from a reply: `code` as sent (an unknown or missing one is
    /// [`Code::Other`]) and its words.
    pub fn reported(code: Option<&str>, message: Option<String>) -> Exchange {
        Exchange::Reported {
            code: code.and_then(|c| c.parse().ok()).unwrap_or(Code::Other),
            message: message.unwrap_or_else(|| "The request failed.".to_string()),
        }
    }
}

impl From<Exchange> for Failure {
    fn from(e: Exchange) -> Failure {
        match e {
            Exchange::BadRequest(detail) => Failure::BadRequest(detail),
            Exchange::NoAnswer(detail) => Failure::NoAnswer(detail),
            Exchange::UnexpectedReply(detail) => Failure::UnexpectedReply(detail),
            Exchange::Reported { code, message } => Failure::Reported { code, message },
        }
    }
}

/// What is wrong, then where: "expected a date (at interviews[0].at)"; no place for the
/// whole document.
fn located(e: &StoreError) -> String {
    if e.path == "." {
        e.message.clone()
    } else {
        format!("{} (at {})", e.message, e.path)
    }
}

impl Failure {
    /// Its kind.
    pub fn code(&self) -> Code {
        match self {
            Failure::Import(_) => Code::Import,
            Failure::Refused(_) => Code::Refused,
            Failure::NoInterview(_) => Code::NoInterview,
            Failure::Draft(_) => Code::Draft,
            Failure::BadTime { .. } => Code::BadTime,
            Failure::BadRequest(_) => Code::BadRequest,
            Failure::NotAllowed(_) => Code::NotAllowed,
            Failure::ReadOnly => Code::ReadOnly,
            Failure::StorageFull(_) => Code::StorageFull,
            Failure::Storage(_) => Code::Storage,
            Failure::Busy => Code::Busy,
            Failure::Browser { .. } => Code::Browser,
            Failure::NoAnswer(_) => Code::NoAnswer,
            Failure::UnexpectedReply(_) => Code::UnexpectedReply,
            Failure::Sync(_) => Code::Sync,
            Failure::Reported { code, .. } => *code,
        }
    }

    /// A failure of the browser's storage, from its message (full or otherwise).
    pub fn storage(detail: String) -> Failure {
        if detail.to_ascii_lowercase().contains("quota") {
            Failure::StorageFull(detail)
        } else {
            Failure::Storage(detail)
        }
    }

    /// A failure read from a reply: `code` as sent (an unknown or missing one is
    /// [`Code::Other`]) and its words.
    pub fn reported(code: Option<&str>, message: Option<String>) -> Failure {
        Exchange::reported(code, message).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of failure, one of each.
    fn every() -> Vec<Failure> {
        vec![
            Failure::Import(StoreError::new("interviews[0].at", "expected a date")),
            Failure::Refused(StoreError::new("profile.email", "not an email address")),
            Failure::NoInterview("acme".into()),
            Failure::Draft(DraftError::UnknownInterview("acme".into())),
            Failure::BadTime {
                field: "until",
                detail: "input contains invalid characters".into(),
            },
            Failure::BadRequest("unknown variant `explode`".into()),
            Failure::NotAllowed("refused: unknown sender".into()),
            Failure::ReadOnly,
            Failure::StorageFull("QUOTA_BYTES quota exceeded".into()),
            Failure::Storage("IO error".into()),
            Failure::Busy,
            Failure::Browser {
                what: "open a tab",
                detail: "No window".into(),
            },
            Failure::NoAnswer("Could not establish connection".into()),
            Failure::UnexpectedReply("missing field `items`".into()),
        ]
    }

    #[test]
    fn a_failure_survives_the_trip_between_contexts_with_its_kind_and_words() {
        for f in every() {
            let code = f.code().as_str();
            let back = Failure::reported(Some(code), Some(f.to_string()));
            assert_eq!(back.code(), f.code(), "{f:?}");
            assert_eq!(back.to_string(), f.to_string());
        }
        assert_eq!(
            Failure::reported(Some("new-kind"), None).code(),
            Code::Other
        );
        assert_eq!(
            Failure::reported(None, None).to_string(),
            "The request failed."
        );
    }

    #[test]
    fn the_words_are_sentences_and_a_path_comes_last() {
        for f in every() {
            let words = f.to_string();
            assert!(
                words.starts_with(|c: char| c.is_uppercase()) || words.starts_with("refused: "),
                "{words}"
            );
            assert!(words.ends_with('.') || words.ends_with("sender"), "{words}");
        }
        let refused = Failure::Refused(StoreError::new("profile.email", "not an email address"));
        assert!(refused.to_string().ends_with("(at profile.email)."));
        let whole = Failure::Import(StoreError::new(".", "expected an object"));
        assert_eq!(
            whole.to_string(),
            "This file cannot be imported: expected an object."
        );
    }

    #[test]
    fn an_exchange_failure_is_the_failure_of_its_kind_in_the_same_words() {
        let every = [
            Exchange::BadRequest("unknown variant `explode`".into()),
            Exchange::NoAnswer("Could not establish connection".into()),
            Exchange::UnexpectedReply("missing field `items`".into()),
            Exchange::reported(Some("read-only"), Some("Your saved data…".into())),
            Exchange::reported(None, None),
        ];
        for e in every {
            let failure = Failure::from(e.clone());
            assert_eq!(failure.to_string(), e.to_string(), "{e:?}");
            match (&e, &failure) {
                (Exchange::BadRequest(a), Failure::BadRequest(b))
                | (Exchange::NoAnswer(a), Failure::NoAnswer(b))
                | (Exchange::UnexpectedReply(a), Failure::UnexpectedReply(b)) => assert_eq!(a, b),
                (
                    Exchange::Reported { code, message },
                    Failure::Reported {
                        code: c,
                        message: m,
                    },
                ) => assert_eq!((code, message), (c, m)),
                _ => panic!("{e:?} became {failure:?}"),
            }
        }
        assert_eq!(
            Failure::from(Exchange::NoAnswer("gone".into())).to_string(),
            "The extension's background part did not answer (gone)."
        );
    }

    #[test]
    fn a_full_storage_is_told_apart() {
        assert_eq!(
            Failure::storage("QUOTA_BYTES quota exceeded".into()).code(),
            Code::StorageFull
        );
        assert_eq!(Failure::storage("IO error".into()).code(), Code::Storage);
    }
}
