//! Interview Follow-Up: the pure core (model, store, schedule, tone, draft) and, on wasm32, the
//! thin browser layer in `web` (compiled for wasm32 only).
//!
//! ```
//! use followup::tone::{lint, LintOptions};
//! let findings = lint("Hey, thx for the interview!!", &LintOptions::default());
//! assert!(!findings.is_empty());
//! ```

pub mod access;
pub mod case;
pub mod dates;
pub mod draft;
pub mod failure;
pub mod fold;
pub mod model;
pub mod order;
pub mod page;
pub mod protocol;
pub mod reminders;
pub mod reply;
pub mod schedule;
pub mod service;
pub mod store;
pub mod sync;
pub mod text;
pub mod tone;
pub mod ui;
pub mod when;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub mod web;
