//! The open follow-ups as an RFC 5545 calendar: one 15-minute event per item, at its due time.
//!
//! UIDs are built from the ids, the kind and the item's number
//! (`acme-pm-dana-nudge-2@interview-followup`), so importing a newer export updates events
//! instead of duplicating them. Times are written in UTC (`…Z`): the store only knows fixed
//! offsets, not time-zone names.

use super::policy::{plan, Planned};
use crate::model::{Interview, Store};
use chrono::{DateTime, Datelike, FixedOffset, Timelike, Utc};
use std::fmt::Write as _;

/// Domain part of every UID.
pub const UID_DOMAIN: &str = "interview-followup";
/// Longest physical line, in octets, excluding the CRLF (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// The calendar of every open item of `store` as of `now` (also the DTSTAMP).
pub fn to_ics(store: &Store, now: DateTime<FixedOffset>) -> String {
    let mut out = String::new();
    let stamp = utc_stamp(now);
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Interview Follow-Up//followup//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Interview follow-ups",
    ] {
        content_line(&mut out, line);
    }
    for planned in plan(store, now) {
        let Some(interview) = store.interviews.get(planned.interview) else {
            continue;
        };
        let (Some(stamp), Some(start)) = (&stamp, utc_stamp(planned.item.due)) else {
            continue;
        };
        content_line(&mut out, "BEGIN:VEVENT");
        content_line(&mut out, &format!("UID:{}", uid(&planned)));
        content_line(&mut out, &format!("DTSTAMP:{stamp}"));
        content_line(&mut out, &format!("DTSTART:{start}"));
        content_line(&mut out, "DURATION:PT15M");
        content_line(
            &mut out,
            &format!("SUMMARY:{}", escape_text(&summary(interview, &planned))),
        );
        content_line(
            &mut out,
            &format!("DESCRIPTION:{}", escape_text(&planned.item.reason)),
        );
        content_line(&mut out, &format!("CATEGORIES:{}", planned.item.kind));
        // Calendars shared with colleagues show only "busy" for it.
        content_line(&mut out, "CLASS:PRIVATE");
        content_line(&mut out, "END:VEVENT");
    }
    content_line(&mut out, "END:VCALENDAR");
    out
}

/// `<interview>-<interviewer>-<kind>-<n>@interview-followup`; `_` stands for "no interviewer".
///
/// Characters outside `A–Z a–z 0–9 . _ ~ -` are percent-encoded, so the UID is plain ASCII.
pub fn uid(planned: &Planned) -> String {
    let item = &planned.item;
    let mut out = String::new();
    percent_encode(&mut out, &item.interview);
    out.push('-');
    match &item.interviewer {
        Some(id) => percent_encode(&mut out, id),
        None => out.push('_'),
    }
    let _ = write!(out, "-{}-{}@{UID_DOMAIN}", item.kind, planned.sequence);
    out
}

fn percent_encode(out: &mut String, s: &str) {
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~' | b'-') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
}

fn summary(interview: &Interview, planned: &Planned) -> String {
    let person = planned
        .item
        .interviewer
        .as_deref()
        .and_then(|id| interview.interviewer(id))
        .map(|p| {
            if p.name.trim().is_empty() {
                p.id.as_str()
            } else {
                p.name.trim()
            }
        });
    let to = person.map(|name| format!(" to {name}")).unwrap_or_default();
    let n = planned.sequence.to_string();
    crate::text::fill(
        planned.item.kind.words().calendar,
        &[
            ("to", &to),
            ("company", &interview.company),
            ("role", &interview.role),
            ("n", &n),
        ],
    )
}

/// `20261121T190000Z`; `None` for years a DATE-TIME cannot hold.
fn utc_stamp(t: DateTime<FixedOffset>) -> Option<String> {
    let utc = t.with_timezone(&Utc);
    (0..=9999).contains(&utc.year()).then(|| {
        format!(
            "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            utc.year(),
            utc.month(),
            utc.day(),
            utc.hour(),
            utc.minute(),
            utc.second()
        )
    })
}

/// TEXT escaping (RFC 5545 §3.3.11): backslash, `;`, `,` and newlines; other control
/// characters, which TEXT cannot hold, become spaces.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\t' => out.push('\t'),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line, folded at [`MAX_LINE_OCTETS`] on UTF-8 boundaries, ending in CRLF.
pub fn content_line(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = MAX_LINE_OCTETS;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let cut = crate::text::floor_boundary(rest, limit);
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // Continuation lines start with the space, which counts.
        limit = MAX_LINE_OCTETS - 1;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "é".repeat(60)); // 8 + 120 octets
        content_line(&mut out, &line);
        let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(
            lines.iter().all(|l| l.len() <= MAX_LINE_OCTETS),
            "{lines:?}"
        );
        assert_eq!(lines[0].len(), 74); // 75 would cut an "é" in half
        assert!(lines[1].starts_with(' '));
        let unfolded: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| if i == 0 { *l } else { &l[1..] })
            .collect();
        assert_eq!(unfolded, line);
    }

    #[test]
    fn short_lines_are_not_folded() {
        let mut out = String::new();
        content_line(&mut out, &"x".repeat(75));
        assert_eq!(out, format!("{}\r\n", "x".repeat(75)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape_text("a,b;c\\d\ne\r\nf\u{7}g"),
            "a\\,b\\;c\\\\d\\ne\\nf g"
        );
    }
}
