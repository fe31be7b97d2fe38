//! Follow-up policy: what is due when (the rules, in words: `docs/follow-up-rules.md`). Pure: no
//! browser types.
//!
//! INTERFACE (stable, used by web/ and the CLI): [`schedule`], [`Due`], [`Status`].
//!
//! - [`calendar`]: business days and US federal holidays,
//! - `policy`: the rules that turn an interview and its events into open items,
//! - [`ics`]: the same items as an RFC 5545 calendar.
//!
//! ```
//! let store = followup::store::parse(r#"{"version": 1, "interviews": [{"id": "acme",
//!     "company": "Acme", "role": "PM", "at": "2026-11-20T14:00:00-05:00",
//!     "interviewers": [{"id": "dana", "name": "Dana Lee"}]}]}"#).unwrap();
//! let now = chrono::DateTime::parse_from_rfc3339("2026-11-20T16:00:00-05:00").unwrap();
//! let items = followup::schedule::schedule(&store, now);
//! assert_eq!(items[0].kind, followup::model::Kind::ThankYou);
//! assert_eq!(items[0].due.to_rfc3339(), "2026-11-21T14:00:00-05:00");
//! assert_eq!(items[0].status, followup::schedule::Status::Due);
//! ```

pub mod calendar;
pub mod ics;
mod policy;
pub mod sample;

use crate::model::{string_enum, Kind, Store};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

pub use policy::{plan, Planned};

string_enum! {
    /// Where an item stands relative to now.
    Status {
        /// Not yet due.
        Upcoming = "upcoming",
        /// Due now.
        Due = "due",
        /// Past its window.
        Overdue = "overdue",
    }
}

/// One open follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Due {
    /// Interview id.
    pub interview: String,
    /// Interviewer id, if the item is for one person.
    pub interviewer: Option<String>,
    /// What to send.
    pub kind: Kind,
    /// When, in the interview's UTC offset.
    pub due: DateTime<FixedOffset>,
    /// Status relative to `now`.
    pub status: Status,
    /// Why, for a person.
    pub reason: String,
}

/// Every open item of every interview, soonest first (ties keep store order).
pub fn schedule(store: &Store, now: DateTime<FixedOffset>) -> Vec<Due> {
    plan(store, now).into_iter().map(|p| p.item).collect()
}
