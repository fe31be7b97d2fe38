#![allow(clippy::disallowed_methods)] // the standard library's uppercase, as the reference
use super::*;
use crate::page::invited::Link;
use crate::page::people::Person;
use crate::ui::invite::{prefill, Me};
use chrono::Timelike;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()
}

fn person(name: &str, email: &str) -> Person {
    Person {
        name: Some(name.into()),
        email: Some(email.into()),
        profile: None,
    }
}

fn link(text: &str, href: &str) -> Link {
    Link {
        text: text.into(),
        href: href.into(),
    }
}

fn at(start: &Option<Start>) -> String {
    match start {
        Some(Start::At(t, _)) => t.to_rfc3339(),
        Some(Start::Local(t, _)) => format!("{t} local"),
        Some(Start::Day(d)) => format!("{d} day"),
        None => "none".into(),
    }
}

/// Google Calendar: the date is in the subject, with the zone's abbreviation.
#[test]
fn google_calendar_message() {
    let message = Invited {
        from: vec![person("Dana Lee", "dana.lee@acme.com")],
        subject: "Invitation: Product Manager interview - Acme @ Tue Dec 8, 2026 3pm - 4pm (EST) (sam@example.org)".into(),
        body: "Product Manager interview - Acme\nTuesday Dec 8, 2026 ⋅ 3pm – 4pm (Eastern Time - New York)\n\
               Google Meet joining info\nVideo call link: https://meet.google.com/abc-defg-hij\n\
               Guests\nDana Lee - organizer\nPriya Shah\nsam@example.org\nView all guest info\n\
               Reply for sam@example.org\nInvitation from Google Calendar"
            .into(),
        links: vec![
            link("https://meet.google.com/abc-defg-hij", "https://meet.google.com/abc-defg-hij"),
            link("Dana Lee", "mailto:dana.lee@acme.com"),
            link("Priya Shah", "mailto:priya.shah@acme.com"),
            link("sam@example.org", "mailto:sam@example.org"),
        ],
    };
    let inv = from_message(&message, today()).unwrap_or_default();
    assert_eq!(inv.summary, "Product Manager interview - Acme");
    assert_eq!(at(&inv.start), "2026-12-08T15:00:00-05:00");
    assert_eq!(
        inv.link.as_deref(),
        Some("https://meet.google.com/abc-defg-hij")
    );
    assert_eq!(
        inv.organizer.as_ref().map(|o| o.email.as_str()),
        Some("dana.lee@acme.com")
    );
    let me = Me {
        name: "Sam Rivera".into(),
        email: "sam@example.org".into(),
    };
    let utc = FixedOffset::east_opt(0)
        .unwrap_or(FixedOffset::west_opt(0).unwrap_or_else(|| unreachable!()));
    let filled = prefill(&inv, &me, utc);
    assert_eq!(filled.form.company, "Acme");
    assert_eq!(filled.form.role, "Product Manager");
    assert_eq!(filled.form.at, "2026-12-08T20:00");
    assert_eq!(filled.form.format, "video");
    let people: Vec<(&str, &str)> = filled
        .form
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.email.as_str()))
        .collect();
    assert_eq!(
        people,
        [
            ("Dana Lee", "dana.lee@acme.com"),
            ("Priya Shah", "priya.shah@acme.com")
        ]
    );
}

/// The four services' ways of writing the start, each read to the exact instant.
#[test]
fn starts_as_services_write_them() {
    let table = [
        // Outlook labels Eastern Time with its winter offset all year: the name wins.
        (
            "When: Tuesday, July 7, 2026 3:00 PM-4:00 PM (UTC-05:00) Eastern Time (US & Canada).",
            "2026-07-07T15:00:00-04:00",
        ),
        (
            "When: Tuesday, December 8, 2026 3:00 PM-4:00 PM (UTC-05:00) Eastern Time (US & Canada).",
            "2026-12-08T15:00:00-05:00",
        ),
        ("Time: Dec 8, 2026 03:00 PM Eastern Time (US and Canada)", "2026-12-08T15:00:00-05:00"),
        (
            "10:00am - Tuesday, December 8, 2026 (Pacific Time - US & Canada)",
            "2026-12-08T10:00:00-08:00",
        ),
        ("Tuesday 8 December 2026, 14:30 (Central European Time - Berlin)", "2026-12-08T14:30:00+01:00"),
        ("Tuesday 30 June 2026, 14:30 (Central European Time - Berlin)", "2026-06-30T14:30:00+02:00"),
        ("Mon Jun 1, 2026 9:30am - 10am (GMT+1)", "2026-06-01T09:30:00+01:00"),
        ("Mon Jun 1, 2026 9:30am - 10am (GMT-04:00)", "2026-06-01T09:30:00-04:00"),
        ("Thursday, December 10th at 12pm EDT", "2026-12-10T12:00:00-04:00"),
        ("December 10, 2026 at 12am UTC", "2026-12-10T00:00:00+00:00"),
        ("Friday, Jan 8 at noon India Standard Time", "2027-01-08T12:00:00+05:30"),
        // No zone: the time as written.
        ("Date: Dec 8, 2026, Time: 3:15 pm", "2026-12-08 15:15:00 local"),
        // No time: the day.
        ("Your interview is on December 8, 2026.", "2026-12-08 day"),
        // The time before the date when none follows it.
        ("3pm on Dec 8, 2026", "2026-12-08 15:00:00 local"),
    ];
    for (line, want) in table {
        assert_eq!(at(&start_in(line, today())), want, "{line}");
    }
    for line in [
        "No date here at 3pm",
        "",
        "May I ask 5 things",
        "Room 12:70",
    ] {
        assert!(start_in(line, today()).is_none(), "{line}");
    }
}

#[test]
fn times_are_read_strictly() {
    let table = [
        ("3pm", Some((15, 0))),
        ("3:30pm", Some((15, 30))),
        ("12am", Some((0, 0))),
        ("12pm", Some((12, 0))),
        ("15:00", Some((15, 0))),
        ("3:30 PM", Some((15, 30))),
        ("13pm", None),
        ("0am", None),
        ("24:00", None),
        ("3:7pm", None),
        ("3", None),
        ("2026", None),
        ("3px", None),
    ];
    for (text, want) in table {
        let ws = words(text);
        let got = time_at(&ws, 0).map(|(t, _)| (t.hour(), t.minute()));
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn subjects_lose_the_service_words_and_the_date() {
    let table = [
        (
            "Invitation: Interview @ Tue Dec 8, 2026 3pm - 4pm (EST) (sam@example.org)",
            "Interview",
        ),
        (
            "Updated invitation: Final round @ Wed Dec 9, 2026 10am - 11am (PST) (sam@x.org)",
            "Final round",
        ),
        (
            "Confirmed: Recruiter screen with Dana Lee on Tuesday, December 8, 2026",
            "Recruiter screen with Dana Lee",
        ),
        (
            "Backend Engineer - Technical Interview",
            "Backend Engineer - Technical Interview",
        ),
        ("Fwd: Invitation: Onsite @ Acme", "Onsite @ Acme"),
        ("December 8, 2026", "December 8, 2026"),
    ];
    for (subject, want) in table {
        assert_eq!(summary_of(subject, today()), want, "{subject}");
    }
}

#[test]
fn cancellations_answers_and_empty_messages_are_refused() {
    let with = |subject: &str| Invited {
        subject: subject.into(),
        ..Invited::default()
    };
    assert_eq!(
        from_message(
            &with("Canceled event: Interview @ Tue Dec 8, 2026"),
            today()
        ),
        Err(InviteError::Cancelled)
    );
    assert_eq!(
        from_message(&with("Accepted: Interview @ Tue Dec 8, 2026"), today()),
        Err(InviteError::Answer)
    );
    assert_eq!(
        from_message(&with("  "), today()),
        Err(InviteError::NothingRead)
    );
}

#[test]
fn people_from_links_and_text_without_robots_or_repeats() {
    let message = Invited {
        from: vec![person("Calendly", "no-reply@calendly.com")],
        subject: "New Event: Interview".into(),
        body: "Invitee: Sam Rivera <sam@example.org>\nHost: Dana Lee <dana.lee@acme.com>.\n\
               Questions? write to jobs@acme.com, or dana.lee@acme.com"
            .into(),
        links: vec![link("Dana Lee", "mailto:Dana.Lee@acme.com?subject=Hi")],
    };
    let inv = from_message(&message, today()).unwrap_or_default();
    assert!(inv.organizer.is_none());
    let guests: Vec<(&str, &str)> = inv
        .guests
        .iter()
        .map(|g| (g.name.as_str(), g.email.as_str()))
        .collect();
    assert_eq!(
        guests,
        [
            ("Dana Lee", "dana.lee@acme.com"),
            ("Sam Rivera", "sam@example.org"),
            ("", "jobs@acme.com")
        ]
    );
}

#[test]
fn links_and_places() {
    assert_eq!(
        link_in_text("Join Zoom Meeting\nhttps://acme.zoom.us/j/123456789?pwd=abc.\nMeeting ID"),
        Some("https://acme.zoom.us/j/123456789?pwd=abc".into())
    );
    assert_eq!(
        link_in_text("Join with Google Meet\nmeet.google.com/abc-defg-hij"),
        Some("https://meet.google.com/abc-defg-hij".into())
    );
    assert_eq!(link_in_text("See https://acme.com/careers"), None);
    assert_eq!(
        location_in("Hello\nWhere: 1 Main St, Springfield\n"),
        "1 Main St, Springfield"
    );
    assert_eq!(
        location_in("Location\n  Acme HQ, Room 4\n"),
        "Acme HQ, Room 4"
    );
    assert_eq!(location_in("Locations vary"), "");
}

proptest! {
    /// Any message is read or refused with a reason, never a panic.
    #[test]
    fn no_panic(subject in "\\PC{0,80}", body in "\\PC{0,400}", href in "\\PC{0,40}") {
        let message = Invited {
            from: vec![person("x", &href)],
            subject,
            body,
            links: vec![link(&href, &href)],
        };
        let _ = from_message(&message, today());
    }

    /// A date and time written in any of the services' ways is read back as written.
    #[test]
    fn written_starts_read_back(
        day in 1u32..=28, month in 1u32..=12, year in 2020i32..=2040,
        hour in 0u32..24, minute in 0u32..60, style in 0usize..4, pad in "[ a-z]{0,12}",
    ) {
        let date = NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default();
        let name = MONTHS.get(month as usize - 1).copied().unwrap_or_default();
        let short = name.get(..3).unwrap_or_default();
        let twelve = match hour % 12 { 0 => 12, h => h };
        let meridiem = if hour < 12 { "am" } else { "pm" };
        let line = match style {
            0 => format!("{pad} {short} {day}, {year} {twelve}:{minute:02}{meridiem} UTC"),
            1 => format!("When: {day} {name} {year} {hour:02}:{minute:02} (GMT+00:00){pad}"),
            2 => format!("{twelve}:{minute:02} {} - {name} {day}, {year} (Coordinated Universal Time)", meridiem.to_uppercase()),
            _ => format!("{pad} {name} {day}th {year} at {hour}:{minute:02} GMT"),
        };
        let want = date.and_hms_opt(hour, minute, 0).unwrap_or_default();
        match start_in(&line, today()) {
            Some(Start::At(t, _)) => prop_assert_eq!(t.naive_utc(), want, "{}", line),
            other => prop_assert!(false, "{line}: {other:?}"),
        }
    }
}
