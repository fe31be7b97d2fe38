//! What an invitation says, as the form needs it, and the user it is for.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

/// Largest invitation read (a real one is a few kilobytes; a 10 MB paste is refused, not read).
pub const MAX_BYTES: usize = 1 << 20;

/// When the event starts, as the invitation says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// An exact time (UTC, or a zone the invitation describes); the zone's name when it had one.
    At(DateTime<FixedOffset>, Option<String>),
    /// A wall-clock time: floating (no zone), or in a zone the invitation names but does not
    /// describe (the name is kept for the note).
    Local(NaiveDateTime, Option<String>),
    /// A whole day.
    Day(NaiveDate),
}

/// Someone on the invitation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Guest {
    /// Display name (`CN`), empty when there is none.
    pub name: String,
    /// E-mail address (from `mailto:`), lowercase.
    pub email: String,
    /// A room or other resource rather than a person (`CUTYPE=ROOM|RESOURCE`).
    pub resource: bool,
}

/// What the form needs from an invitation's event.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Invitation {
    /// The event's title (`SUMMARY`).
    pub summary: String,
    /// Its start.
    pub start: Option<Start>,
    /// Where (`LOCATION`).
    pub location: String,
    /// The description (`DESCRIPTION`).
    pub description: String,
    /// A meeting link (`URL`, a conference property, or the first link in the location or
    /// description on a known meeting host).
    pub link: Option<String>,
    /// Who sent it.
    pub organizer: Option<Guest>,
    /// Who is invited.
    pub guests: Vec<Guest>,
}

/// Why an invitation could not be read; each says it in words for the popup.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InviteError {
    /// Not iCalendar at all.
    #[error(
        "This is not a calendar invitation (an .ics file, or text starting with BEGIN:VCALENDAR)."
    )]
    NotCalendar,
    /// Over [`MAX_BYTES`].
    #[error("This is too big to be one invitation (over 1 MB); nothing was filled in.")]
    TooBig,
    /// A calendar without an event.
    #[error("This calendar file has no event in it.")]
    NoEvent,
    /// The event was cancelled.
    #[error("This invitation cancels a meeting; there is nothing to track.")]
    Cancelled,
    /// A message answering an invitation ("Accepted: …"), not one.
    #[error("This message answers an invitation (accepted or declined); it does not invite you.")]
    Answer,
    /// A message with nothing the form can use.
    #[error("This message says nothing the form can use. Download its .ics file and drop it on this form.")]
    NothingRead,
    /// The parser refused the text.
    #[error("This invitation could not be read: {0}")]
    Unreadable(String),
}

/// The user, left out of the interviewers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Me {
    /// The name in the profile (may be empty).
    pub name: String,
    /// The e-mail address in the profile (may be empty).
    pub email: String,
}
