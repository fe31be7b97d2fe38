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
mod item;
mod policy;
pub mod sample;

use crate::model::Store;
use chrono::{DateTime, FixedOffset};

pub use item::{Due, Status};
pub use policy::{plan, Planned};

/// Every open item of every interview, soonest first (ties keep store order).
pub fn schedule(store: &Store, now: DateTime<FixedOffset>) -> Vec<Due> {
    plan(store, now).into_iter().map(|p| p.item).collect()
}
