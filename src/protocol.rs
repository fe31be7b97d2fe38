//! The runtime message protocol shared by the worker, the popup, content scripts and tests
//! (SPEC §3.5). Pure serde types: the worker decodes a [`Request`], the core answers it.

use crate::draft::DraftRequest;
use crate::model::{Channel, Kind, Store};
use crate::page::people::Person;
use crate::tone::LintOptions;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A request to the worker. JSON: `{"type": "import", "store": {...}}`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Request {
    /// Is the worker alive and its WebAssembly loaded?
    Ping,
    /// Replace the whole store (validated first; nothing changes on error).
    Import {
        /// A store document, any supported version.
        store: Value,
    },
    /// The whole store.
    Export,
    /// Open follow-ups as of `now` (RFC 3339; the current time when absent).
    Schedule {
        /// Now.
        #[serde(default)]
        now: Option<String>,
    },
    /// Write a draft.
    Draft(DraftRequest),
    /// Check a text.
    Lint {
        /// The text.
        text: String,
        /// Context.
        #[serde(default)]
        options: LintOptions,
    },
    /// Add an interview, or replace the one with the same id.
    UpsertInterview {
        /// The interview, store-format v1 JSON.
        interview: Value,
    },
    /// Remove an interview by id.
    RemoveInterview {
        /// Interview id.
        id: String,
    },
    /// Record an event (`sent` or `reply`) on an interview.
    Record {
        /// Interview id.
        interview: String,
        /// The event, store-format v1 JSON.
        event: Value,
    },
    /// Replace the profile (name, email, phone, signature, holidays).
    Settings {
        /// The profile, store-format v1 JSON.
        profile: Value,
    },
    /// Hide an open item until a time (default: one day from now).
    Snooze {
        /// Interview id.
        interview: String,
        /// Interviewer id, for per-person items.
        #[serde(default)]
        interviewer: Option<String>,
        /// Item kind.
        kind: Kind,
        /// Until when (RFC 3339); one day from now when absent.
        #[serde(default)]
        until: Option<String>,
    },
    /// Open follow-ups as an `.ics` calendar text.
    Ics {
        /// Now (RFC 3339); the current time when absent.
        #[serde(default)]
        now: Option<String>,
    },
    /// Open a ready Gmail compose (email) or the LinkedIn profile for an item ("Write it").
    Open {
        /// Interview id.
        interview: String,
        /// Interviewer id; the primary one when absent.
        #[serde(default)]
        interviewer: Option<String>,
        /// Kind of message.
        kind: Kind,
        /// Channel (email opens Gmail, linkedin the profile).
        #[serde(default)]
        channel: Channel,
        /// The message as the user edited it (a fresh draft when absent). It never goes into
        /// the URL: the in-page helper of the opened tab types it in.
        #[serde(default)]
        body: Option<String>,
        /// The subject as the user edited it.
        #[serde(default)]
        subject: Option<String>,
    },
    /// Delete every interview and the profile (the popup confirms first).
    DeleteAll,
    /// A stored document that could not be read and was set aside, if any.
    Problem,
    /// A content script could not instantiate WebAssembly on this origin (page CSP).
    WasmRefused {
        /// The page's origin.
        origin: String,
        /// The error it saw.
        #[serde(default)]
        error: String,
    },
    /// Origins where WebAssembly was refused.
    WasmStatus,
    /// From the in-page helper: what it may offer for the people its compose is addressed to
    /// (only their open follow-ups; nothing when nobody there is tracked).
    Offer {
        /// Who the compose is addressed to, as read from the page.
        people: Vec<Person>,
        /// Where the message goes.
        #[serde(default)]
        channel: Channel,
    },
    /// From the in-page helper: the draft for one item of the offer for these people. Refused
    /// for anything the offer for them does not contain.
    PageDraft {
        /// Who the compose is addressed to (the offer is computed again from them).
        people: Vec<Person>,
        /// Interview id.
        interview: String,
        /// Interviewer id.
        #[serde(default)]
        interviewer: Option<String>,
        /// Kind of message.
        kind: Kind,
        /// Channel of the compose.
        #[serde(default)]
        channel: Channel,
    },
}

/// What the worker tells content scripts (they accept it only from their own extension).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Notice {
    /// The tracked data changed: ask for the offer again.
    Changed,
}

/// A store document with its write revision, as kept in `chrome.storage.local`.
#[derive(Debug, Clone, PartialEq)]
pub struct Revisioned {
    /// Incremented on every write.
    pub rev: u64,
    /// The data.
    pub store: Store,
}

/// Turns a store-changing request's outcome into the reply object.
pub fn ok(extra: Value) -> Value {
    let mut reply = serde_json::Map::new();
    reply.insert("ok".into(), Value::Bool(true));
    if let Value::Object(m) = extra {
        reply.extend(m);
    }
    Value::Object(reply)
}

/// The reply for a refused request.
pub fn error(message: impl Into<String>) -> Value {
    serde_json::json!({ "ok": false, "error": message.into() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_decode_from_the_documented_json() {
        let r: Request =
            serde_json::from_str(r#"{"type":"import","store":{"version":1}}"#).unwrap();
        assert!(matches!(r, Request::Import { .. }));
        let r: Request = serde_json::from_str(r#"{"type":"export"}"#).unwrap();
        assert_eq!(r, Request::Export);
        assert!(serde_json::from_str::<Request>(r#"{"type":"explode"}"#).is_err());
        let r: Request = serde_json::from_str(
            r#"{"type":"offer","people":[{"email":"dana@acme.example"}],"channel":"email"}"#,
        )
        .unwrap();
        assert!(matches!(r, Request::Offer { ref people, .. } if people.len() == 1));
        let r: Request = serde_json::from_str(
            r#"{"type":"page-draft","people":[],"interview":"a","kind":"thank-you"}"#,
        )
        .unwrap();
        assert!(matches!(r, Request::PageDraft { .. }));
        assert_eq!(
            serde_json::to_string(&Notice::Changed).unwrap(),
            r#"{"type":"changed"}"#
        );
    }

    #[test]
    fn replies_have_ok_flags() {
        assert_eq!(
            ok(serde_json::json!({"n": 1})),
            serde_json::json!({"ok": true, "n": 1})
        );
        assert_eq!(
            error("bad"),
            serde_json::json!({"ok": false, "error": "bad"})
        );
    }
}
