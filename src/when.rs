//! Times and kinds in the words a person uses: "by 2 pm tomorrow", "overdue since Friday".
//! Shared by the popup's list and the notifications, so it sits beside them rather than in
//! [`crate::ui`].
//!
//! ```
//! use chrono::DateTime;
//! let now = DateTime::parse_from_rfc3339("2026-11-20T16:00:00-05:00").unwrap();
//! let due = DateTime::parse_from_rfc3339("2026-11-21T14:00:00-05:00").unwrap();
//! assert_eq!(followup::when::when_words(due, now), "by 2 pm tomorrow");
//! ```

use crate::model::Kind;
use crate::schedule::Status;
use chrono::{DateTime, Datelike, FixedOffset, Timelike};

/// "2 pm", "2:30 pm", "noon", "midnight".
pub fn clock(t: DateTime<FixedOffset>) -> String {
    let (h, m) = (t.hour(), t.minute());
    match (h, m) {
        (12, 0) => "noon".into(),
        (0, 0) => "midnight".into(),
        _ => {
            let suffix = if h < 12 { "am" } else { "pm" };
            let h12 = match h % 12 {
                0 => 12,
                x => x,
            };
            if m == 0 {
                format!("{h12} {suffix}")
            } else {
                format!("{h12}:{m:02} {suffix}")
            }
        }
    }
}

/// The day relative to `now`: "today", "tomorrow", "yesterday", a weekday within the coming
/// week ("Tuesday"), "last Tuesday" within the past week, else "Dec 3" (with the year when it
/// differs from now's).
pub fn day_words(t: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> String {
    let days = (t.date_naive() - now.date_naive()).num_days();
    match days {
        0 => "today".into(),
        1 => "tomorrow".into(),
        -1 => "yesterday".into(),
        2..=6 => crate::dates::weekday_name(t).to_string(),
        -6..=-2 => format!("last {}", crate::dates::weekday_name(t)),
        _ if t.year() == now.year() => format!("{} {}", crate::dates::month_abbr(&t), t.day()),
        _ => format!("{} {}, {}", crate::dates::month_abbr(&t), t.day(), t.year()),
    }
}

/// When an item is due, relative to `now`, in the viewer's offset (that of `now`):
/// "by 2 pm tomorrow", "by 9 am Tuesday", "by Dec 3", "overdue since 2 pm yesterday".
pub fn when_words(due: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> String {
    let due = due.with_timezone(&now.timezone());
    let days = (due.date_naive() - now.date_naive()).num_days().abs();
    let at = if days <= 6 {
        format!("{} {}", clock(due), day_words(due, now))
    } else {
        day_words(due, now)
    };
    if due < now {
        format!("overdue since {at}")
    } else {
        format!("by {at}")
    }
}

/// A date and time for lists of interviews: "Nov 20, 2 pm".
pub fn short_date_time(t: DateTime<FixedOffset>) -> String {
    format!("{} {}, {}", crate::dates::month_abbr(&t), t.day(), clock(t))
}

/// What a follow-up kind is called in the list ([`Kind::words`]).
pub fn kind_label(kind: Kind) -> &'static str {
    kind.words().label
}

/// Heading of a group of items.
pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Overdue => "Overdue",
        Status::Due => "Due",
        Status::Upcoming => "Upcoming",
    }
}

/// The order groups are shown in.
pub const STATUS_ORDER: [Status; 3] = [Status::Overdue, Status::Due, Status::Upcoming];

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn clock_words() {
        assert_eq!(clock(t("2026-11-20T14:00:00-05:00")), "2 pm");
        assert_eq!(clock(t("2026-11-20T09:30:00-05:00")), "9:30 am");
        assert_eq!(clock(t("2026-11-20T12:00:00-05:00")), "noon");
        assert_eq!(clock(t("2026-11-20T00:00:00-05:00")), "midnight");
        assert_eq!(clock(t("2026-11-20T00:15:00-05:00")), "12:15 am");
        assert_eq!(clock(t("2026-11-20T12:05:00-05:00")), "12:05 pm");
    }

    #[test]
    fn due_words_relative_to_now() {
        let now = t("2026-11-20T16:00:00-05:00"); // a Friday
        assert_eq!(
            when_words(t("2026-11-21T14:00:00-05:00"), now),
            "by 2 pm tomorrow"
        );
        assert_eq!(
            when_words(t("2026-11-20T18:00:00-05:00"), now),
            "by 6 pm today"
        );
        assert_eq!(
            when_words(t("2026-11-24T09:00:00-05:00"), now),
            "by 9 am Tuesday"
        );
        assert_eq!(when_words(t("2026-12-03T09:00:00-05:00"), now), "by Dec 3");
        assert_eq!(
            when_words(t("2027-01-06T09:00:00-05:00"), now),
            "by Jan 6, 2027"
        );
        assert_eq!(
            when_words(t("2026-11-19T14:00:00-05:00"), now),
            "overdue since 2 pm yesterday"
        );
        assert_eq!(
            when_words(t("2026-11-17T09:00:00-05:00"), now),
            "overdue since 9 am last Tuesday"
        );
        assert_eq!(
            when_words(t("2026-11-02T09:00:00-05:00"), now),
            "overdue since Nov 2"
        );
    }

    #[test]
    fn due_words_use_the_viewers_offset() {
        // 14:00 in New York is 11:00 in San Francisco.
        let now = t("2026-11-20T10:00:00-08:00");
        assert_eq!(
            when_words(t("2026-11-20T14:00:00-05:00"), now),
            "by 11 am today"
        );
    }

    #[test]
    fn every_kind_and_status_has_a_label() {
        for k in Kind::ALL {
            assert!(!kind_label(*k).is_empty());
        }
        assert_eq!(status_label(Status::Overdue), "Overdue");
        assert_eq!(
            short_date_time(t("2026-11-20T14:00:00-05:00")),
            "Nov 20, 2 pm"
        );
    }
}
