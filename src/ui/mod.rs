//! The popup's pure logic: words for times and kinds, the interview and settings
//! forms (validation, conversion to store-format values), and the data screens (import preview,
//! export names). No browser types: `web::popup` renders what these functions decide.
//!
//! ```
//! use chrono::DateTime;
//! let now = DateTime::parse_from_rfc3339("2026-11-20T16:00:00-05:00").unwrap();
//! let due = DateTime::parse_from_rfc3339("2026-11-21T14:00:00-05:00").unwrap();
//! assert_eq!(followup::ui::when::when_words(due, now), "by 2 pm tomorrow");
//! ```

pub mod data;
pub mod form;
pub mod when;
