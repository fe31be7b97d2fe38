//! Invitations in the shapes Google Calendar, Outlook/Teams, Zoom and Calendly send
//! (`tests/data/invites/*.ics`, written for these tests), and the edges of the format.

use super::calendar::yearly_onset;
use super::guess::{
    company_in, company_label, first_last, is_robot, name_from_email, role_in, title_case,
};
use super::*;
use chrono::NaiveTime;
use proptest::prelude::*;

fn sample(name: &str) -> String {
    let path = format!(
        "{}/tests/data/invites/{name}.ics",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn offset(hours: i32) -> FixedOffset {
    FixedOffset::east_opt(hours * 3600).unwrap()
}

fn sam(email: &str) -> Me {
    Me {
        name: "Sam Rivera".into(),
        email: email.into(),
    }
}

fn names(p: &Prefill) -> Vec<(&str, &str, bool)> {
    p.form
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.email.as_str(), p.primary))
        .collect()
}

#[test]
fn google_calendar_with_a_described_zone_a_room_and_a_meet_link() {
    let inv = read(&sample("google")).unwrap();
    assert!(
        matches!(&inv.start, Some(Start::At(at, Some(z))) if z == "America/New_York"
        && at.to_rfc3339() == "2026-12-08T10:00:00-05:00")
    );
    assert_eq!(
        inv.link.as_deref(),
        Some("https://meet.google.com/abc-defg-hij")
    );
    assert!(inv
        .description
        .contains("Product Manager role.\n\nJoin with Google Meet"));
    let filled = prefill(&inv, &sam("sam.rivera@gmail.com"), offset(-5));
    let f = &filled.form;
    assert_eq!(
        (f.company.as_str(), f.role.as_str()),
        ("Acme", "Product Manager")
    );
    assert_eq!(
        (f.at.as_str(), f.format.as_str(), f.stage.as_str()),
        ("2026-12-08T10:00", "video", "")
    );
    assert_eq!(
        names(&filled),
        [
            ("Dana Lee", "dana.lee@acme.com", true),
            ("Chris Park", "chris.park@acme.com", false)
        ]
    );
    assert!(filled.notes.is_empty(), "{:?}", filled.notes);
}

#[test]
fn a_viewer_elsewhere_sees_their_own_time_and_a_note() {
    let inv = read(&sample("google")).unwrap();
    let filled = prefill(&inv, &sam("sam.rivera@gmail.com"), offset(1));
    assert_eq!(filled.form.at, "2026-12-08T16:00");
    assert_eq!(
        filled.notes,
        ["The time is shown in your time zone; the invitation says 2026-12-08 10:00 America/New_York (UTC-05:00)."]
    );
}

#[test]
fn outlook_teams_in_summer_time_with_a_directory_name() {
    let inv = read(&sample("outlook")).unwrap();
    assert!(
        matches!(&inv.start, Some(Start::At(at, _)) if at.to_rfc3339() == "2026-06-15T14:00:00-07:00")
    );
    let filled = prefill(&inv, &sam("sam@example.org"), offset(-7));
    let f = &filled.form;
    assert_eq!(f.company, "Northwind Traders");
    assert_eq!(f.role, "Senior Data Analyst");
    assert_eq!((f.stage.as_str(), f.format.as_str()), ("final", "video"));
    assert_eq!(f.at, "2026-06-15T14:00");
    assert_eq!(
        names(&filled),
        [
            ("Priya Lee", "priya.lee@northwind-traders.com", true),
            ("Omar Haddad", "omar.haddad@northwind-traders.com", false)
        ]
    );
}

#[test]
fn before_settings_the_user_is_the_unnamed_guest_outside_the_company() {
    // A first run: no name or address in Settings yet. Sam's own row would have no name, and the
    // form could not be saved; the note says who was left out and why.
    let inv = read(&sample("outlook")).unwrap();
    let filled = prefill(&inv, &Me::default(), offset(-7));
    assert_eq!(
        names(&filled),
        [
            ("Priya Lee", "priya.lee@northwind-traders.com", true),
            ("Omar Haddad", "omar.haddad@northwind-traders.com", false)
        ]
    );
    assert!(
        filled.notes.iter().any(|n| n.starts_with(
            "Left out sam@example.org, taken to be you (outside northwind-traders.com"
        )),
        "{:?}",
        filled.notes
    );
    // Somebody outside the company with a name of their own (an agency recruiter) stays.
    let mut inv = inv;
    inv.guests.push(Guest {
        name: "Rita Recruiter".into(),
        email: "rita@agency.example".into(),
        resource: false,
    });
    let filled = prefill(&inv, &Me::default(), offset(-7));
    assert!(names(&filled).iter().any(|(n, ..)| *n == "Rita Recruiter"));
}

#[test]
fn zoom_in_winter_time_with_the_link_in_the_location() {
    let inv = read(&sample("zoom")).unwrap();
    assert!(
        matches!(&inv.start, Some(Start::At(at, _)) if at.to_rfc3339() == "2026-12-10T16:00:00+01:00")
    );
    let filled = prefill(&inv, &sam("sam@example.org"), offset(1));
    let f = &filled.form;
    assert_eq!(
        (f.company.as_str(), f.role.as_str()),
        ("Globex", "Backend Engineer")
    );
    assert_eq!(
        (f.at.as_str(), f.format.as_str()),
        ("2026-12-10T16:00", "video")
    );
    assert_eq!(names(&filled), [("Hans Gruber", "hans@globex.de", true)]);
}

#[test]
fn calendly_in_utc_by_phone_without_its_robot() {
    let inv = read(&sample("calendly")).unwrap();
    let filled = prefill(&inv, &sam("sam@example.org"), offset(-8));
    let f = &filled.form;
    assert_eq!((f.company.as_str(), f.role.as_str()), ("Initech", ""));
    assert_eq!((f.stage.as_str(), f.format.as_str()), ("screen", "phone"));
    assert_eq!(f.at, "2026-12-09T09:30");
    assert_eq!(
        names(&filled),
        [("Maria Lopez", "maria.lopez@initech.io", true)]
    );
}

fn event(lines: &[&str]) -> String {
    let mut s = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n");
    for l in lines {
        s.push_str(l);
        s.push_str("\r\n");
    }
    s.push_str("END:VEVENT\r\nEND:VCALENDAR\r\n");
    s
}

#[test]
fn whole_days_floating_times_and_undescribed_zones_are_said() {
    let me = Me::default();
    let day = prefill(
        &read(&event(&[
            "DTSTART;VALUE=DATE:20261208",
            "SUMMARY:Interview",
        ]))
        .unwrap(),
        &me,
        offset(0),
    );
    assert_eq!(day.form.at, "2026-12-08T09:00");
    assert!(day.notes.iter().any(|n| n.contains("whole day")));
    let floating = prefill(
        &read(&event(&["DTSTART:20261208T143000"])).unwrap(),
        &me,
        offset(3),
    );
    assert_eq!(floating.form.at, "2026-12-08T14:30");
    assert!(
        !floating.notes.iter().any(|n| n.contains("time")),
        "{:?}",
        floating.notes
    );
    let unknown = prefill(
        &read(&event(&["DTSTART;TZID=Asia/Kolkata:20261208T143000"])).unwrap(),
        &me,
        offset(0),
    );
    assert_eq!(unknown.form.at, "2026-12-08T14:30");
    assert!(unknown.notes.iter().any(|n| n.contains("Asia/Kolkata")));
    let utc_named = read(&event(&["DTSTART;TZID=UTC:20261208T143000"])).unwrap();
    assert!(
        matches!(utc_named.start, Some(Start::At(at, _)) if at.to_rfc3339() == "2026-12-08T14:30:00+00:00")
    );
    let none = prefill(&read(&event(&["SUMMARY:Chat"])).unwrap(), &me, offset(0));
    assert!(none.notes.iter().any(|n| n.contains("no start time")));
}

#[test]
fn what_is_not_an_invitation_gets_a_plain_error() {
    assert_eq!(
        read("Dana Lee invited you to an interview"),
        Err(InviteError::NotCalendar)
    );
    assert_eq!(read(""), Err(InviteError::NotCalendar));
    assert_eq!(
        read("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"),
        Err(InviteError::NoEvent)
    );
    let cancel = event(&["DTSTART:20261208T143000Z"]).replace("VERSION:2.0", "METHOD:CANCEL");
    assert_eq!(read(&cancel), Err(InviteError::Cancelled));
    assert_eq!(
        read(&"BEGIN:VCALENDAR\n".repeat(MAX_BYTES / 10)),
        Err(InviteError::TooBig)
    );
    assert!(matches!(
        read("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"),
        Err(_) | Ok(_)
    ));
}

#[test]
fn yearly_rules_find_their_day() {
    let two = NaiveTime::from_hms_opt(2, 0, 0).unwrap();
    let on = |rule: &str, year| yearly_onset(rule, year, two).map(|d| d.date().to_string());
    assert_eq!(
        on("FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", 2026).as_deref(),
        Some("2026-03-08")
    );
    assert_eq!(
        on("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", 2026).as_deref(),
        Some("2026-10-25")
    );
    assert_eq!(
        on("FREQ=YEARLY;BYMONTH=12;BYDAY=-1SU", 2026).as_deref(),
        Some("2026-12-27")
    );
    assert_eq!(
        on(
            "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=1,2,3,4,5,6,7;BYDAY=SU",
            2026
        )
        .as_deref(),
        Some("2026-04-05")
    );
    assert_eq!(
        on(
            "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU;UNTIL=20061029T060000Z",
            2026
        ),
        None
    );
    assert_eq!(on("FREQ=MONTHLY;BYDAY=2SU", 2026), None);
}

#[test]
fn companies_come_from_addresses_not_services() {
    assert_eq!(
        company_label("dana@mail.acme-labs.co.uk").as_deref(),
        Some("acme-labs")
    );
    assert_eq!(company_label("dana@acme.com").as_deref(), Some("acme"));
    assert_eq!(company_label("dana@gmail.com"), None);
    assert_eq!(company_label("x@resource.calendar.google.com"), None);
    assert_eq!(title_case("acme-labs"), "Acme Labs");
    assert_eq!(name_from_email("dana.lee@acme.com"), "Dana Lee");
    assert_eq!(name_from_email("dlee@acme.com"), "");
    assert_eq!(first_last("Lee, Priya"), "Priya Lee");
    assert_eq!(first_last("Acme, Inc., Hiring"), "Acme, Inc., Hiring");
    assert!(is_robot("calendar-notification@google.com"));
    assert!(is_robot("no-reply@calendly.com"));
    assert!(!is_robot("dana@acme.com"));
}

#[test]
fn titles_give_roles_and_the_company_spelling() {
    let people = vec!["Sam Rivera".to_string(), "Dana Lee".to_string()];
    assert_eq!(
        role_in(
            "Sam Rivera <> ACME Labs | Staff Software Engineer",
            "ACME Labs",
            &people
        ),
        "Staff Software Engineer"
    );
    assert_eq!(role_in("Interview with Dana Lee", "", &people), "");
    assert_eq!(role_in("Coffee chat", "", &people), "");
    assert_eq!(
        role_in("Interview for Head of Design at Acme", "Acme", &people),
        "Head of Design"
    );
    assert_eq!(
        role_in("Team Lead interview with the hiring team", "", &people),
        "Team Lead"
    );
    assert_eq!(
        role_in("Final round: VP of Engineering", "", &people),
        "VP of Engineering"
    );
    let inv = Invitation {
        summary: "Final interview at ACME Labs".into(),
        guests: vec![Guest {
            name: "Dana".into(),
            email: "dana@acmelabs.com".into(),
            resource: false,
        }],
        ..Invitation::default()
    };
    assert_eq!(company_in(&inv, &Me::default(), &people), "ACME Labs");
    let no_domain = Invitation {
        summary: "Interview with Dana Lee at Hooli".into(),
        guests: vec![Guest {
            name: "Dana Lee".into(),
            email: "dana@gmail.com".into(),
            resource: false,
        }],
        ..Invitation::default()
    };
    assert_eq!(company_in(&no_domain, &Me::default(), &people), "Hooli");
}

#[test]
fn escapes_are_undone() {
    assert_eq!(unescape(r"a\, b\; c\nd\\e\N"), "a, b; c\nd\\e");
}

proptest! {
    #[test]
    fn any_text_after_the_header_reads_or_refuses_without_panicking(body in "(?s).{0,300}") {
        let text = format!("BEGIN:VCALENDAR\r\n{body}");
        if let Ok(inv) = read(&text) {
            let filled = prefill(&inv, &Me::default(), offset(0));
            prop_assert!(filled.form.people.len() <= MAX_PEOPLE);
        }
    }

    #[test]
    // (A value that starts with ":" reads as empty: a quirk of the `ical` crate's line parser,
    // harmless for a meeting title.)
    fn summaries_survive_folding(summary in "[A-Za-z0-9][A-Za-z0-9 ,.:-]{0,199}") {
        let escaped = summary.replace(',', "\\,");
        let line = format!("SUMMARY:{escaped}");
        // Fold every 60 bytes, as RFC 5545 allows (CRLF and one space).
        let folded: Vec<String> = line
            .as_bytes()
            .chunks(60)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        let text = event(&[&folded.join("\r\n ")]);
        let inv = read(&text).unwrap();
        prop_assert_eq!(inv.summary, summary.trim());
    }
}

#[test]
fn colons_in_values_are_kept() {
    for s in ["a:b", "Interview: Acme", "10:30 call"] {
        let inv = read(&event(&[&format!("SUMMARY:{s}")])).unwrap();
        assert_eq!(inv.summary, s);
    }
}
