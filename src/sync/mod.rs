//! Sync across devices, the pure part: a document of registers that two copies can merge
//! without losing an edit ([`doc`]), the clock that orders edits ([`clock`]), and the cut of
//! the document into items of the browser's sync storage ([`shard`]).
//!
//! A device keeps its [`Doc`] and [`Clock`] beside the store. A local change is recorded with
//! [`Doc::record`] (every field that changed gets a register written at one new reading);
//! another device's groups, once opened, are taken in with [`Doc::merge`], then
//! [`Doc::ack`] and [`Doc::collect`]; [`Doc::materialize`] gives the store and reminders the
//! merged copy shows, read as an import is. [`state`] is what a device keeps about sync;
//! [`strength`] rates a passphrase. Encryption and the storage itself are the worker's
//! (`src/web/sync.rs`).
//!
//! ```
//! use followup::sync::{Clock, Doc};
//! use followup::reminders::Reminders;
//! let store = followup::store::parse(r#"{"version": 1, "interviews": [{"id": "acme",
//!     "company": "Acme", "role": "PM", "at": "2026-11-20T14:00:00-05:00"}]}"#).unwrap();
//! let (mut laptop, mut desktop) = (Doc::default(), Doc::default());
//! let (mut a, mut b) = (Clock::new(1), Clock::new(2));
//! laptop.record(&mut a, 1_000, &store, &Reminders::default());
//! desktop.merge(&laptop);
//! // The desktop renames the role while the laptop, offline, renames the company.
//! let (mut one, _) = desktop.materialize().unwrap();
//! one.interviews[0].role = "Senior PM".into();
//! desktop.record(&mut b, 2_000, &one, &Reminders::default());
//! let (mut two, _) = laptop.materialize().unwrap();
//! two.interviews[0].company = "Acme Corp".into();
//! laptop.record(&mut a, 1_500, &two, &Reminders::default());
//! laptop.merge(&desktop);
//! desktop.merge(&laptop);
//! let (merged, _) = laptop.materialize().unwrap();
//! assert_eq!((merged.interviews[0].company.as_str(), merged.interviews[0].role.as_str()),
//!     ("Acme Corp", "Senior PM"));
//! assert_eq!(laptop, desktop);
//! ```

pub mod clock;
pub mod doc;
pub mod shard;
pub mod state;
pub mod strength;

pub use clock::{Clock, Stamp};
pub use doc::{Doc, Path, Reg};
pub use state::{KeyItem, SyncState, KDF_ITERATIONS};

#[cfg(test)]
mod tests;
