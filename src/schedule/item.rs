//! What the schedule says of one open follow-up: [`Due`] and its [`Status`].

use crate::model::{string_enum, Kind};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

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
    #[serde(deserialize_with = "crate::dates::serde_with::date_time")]
    pub due: DateTime<FixedOffset>,
    /// Status relative to `now`.
    pub status: Status,
    /// Why, for a person.
    pub reason: String,
}
