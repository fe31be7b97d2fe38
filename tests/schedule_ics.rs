//! The .ics export, read back with a small RFC 5545 unfolding parser.
// Native test, checked against chrono's own formatting on purpose.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use chrono::{DateTime, NaiveDate, Utc};
use followup::schedule::{ics::to_ics, sample::sample_store, schedule};
use followup::store;
use serde_json::json;

/// One property of one component: name, parameters (unparsed), value (unescaped).
#[derive(Debug)]
struct Property {
    name: String,
    value: String,
}

/// Splits on CRLF, checks line lengths, unfolds, and returns the properties in order.
fn read_back(ics: &str) -> Vec<Property> {
    assert!(ics.ends_with("\r\n"), "last line ends with CRLF");
    assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
    assert!(!ics.replace("\r\n", "").contains('\r'), "bare CR");
    let physical: Vec<&str> = ics.trim_end_matches("\r\n").split("\r\n").collect();
    let mut logical: Vec<String> = Vec::new();
    for line in physical {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        if let Some(rest) = line.strip_prefix(' ').or_else(|| line.strip_prefix('\t')) {
            logical
                .last_mut()
                .expect("continuation first")
                .push_str(rest);
        } else {
            logical.push(line.to_string());
        }
    }
    logical
        .into_iter()
        .map(|line| {
            let colon = line.find(':').expect("name:value");
            let (head, value) = (&line[..colon], &line[colon + 1..]);
            let name = head.split(';').next().unwrap().to_string();
            Property {
                name,
                value: unescape(value),
            }
        })
        .collect()
}

fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => panic!("dangling backslash"),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Events as (UID, DTSTART, SUMMARY, DESCRIPTION, DTSTAMP).
fn events(props: &[Property]) -> Vec<[String; 5]> {
    let mut out = Vec::new();
    let mut current: Option<[String; 5]> = None;
    for p in props {
        match (p.name.as_str(), p.value.as_str()) {
            ("BEGIN", "VEVENT") => current = Some(Default::default()),
            ("END", "VEVENT") => out.push(current.take().unwrap()),
            ("UID", v) => current.as_mut().unwrap()[0] = v.into(),
            ("DTSTART", v) => current.as_mut().unwrap()[1] = v.into(),
            ("SUMMARY", v) => current.as_mut().unwrap()[2] = v.into(),
            ("DESCRIPTION", v) => current.as_mut().unwrap()[3] = v.into(),
            ("DTSTAMP", v) => current.as_mut().unwrap()[4] = v.into(),
            _ => {}
        }
    }
    out
}

fn t(s: &str) -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

#[test]
fn every_open_item_is_one_event_with_a_stable_uid() {
    let store = store::parse(include_str!("data/schedule_example.json")).unwrap();
    let now = t("2026-11-21T10:00:00-05:00");
    let ics = to_ics(&store, now);
    let props = read_back(&ics);
    assert_eq!(props.first().map(|p| p.value.as_str()), Some("VCALENDAR"));
    assert!(props
        .iter()
        .any(|p| p.name == "VERSION" && p.value == "2.0"));
    assert!(props.iter().any(|p| p.name == "PRODID"));
    let got = events(&props);
    let items = schedule(&store, now);
    assert_eq!(got.len(), items.len());
    let uids: Vec<&str> = got.iter().map(|e| e[0].as_str()).collect();
    assert_eq!(
        uids,
        [
            "globex-analyst-chen-thank-you-1@interview-followup",
            "acme-pm-raj-thank-you-1@interview-followup",
            "globex-analyst-chen-status-check-1@interview-followup",
            "acme-pm-dana-status-check-1@interview-followup",
        ]
    );
    for (event, item) in got.iter().zip(&items) {
        let start = item
            .due
            .with_timezone(&Utc)
            .format("%Y%m%dT%H%M%SZ")
            .to_string();
        assert_eq!(event[1], start);
        assert_eq!(event[3], item.reason);
        assert_eq!(event[4], "20261121T150000Z", "DTSTAMP is now, in UTC");
    }
    assert_eq!(got[1][2], "Thank-you to Raj Patel — Acme Corp");
    // Same input, same file: re-importing updates rather than duplicates.
    assert_eq!(to_ics(&store, now), ics);
}

#[test]
fn nudges_are_numbered_in_their_uid() {
    let doc = json!({"version": 1, "interviews": [{
        "id": "acme-pm", "company": "Acme", "role": "PM", "at": "2026-11-20T14:00:00-05:00",
        "decision_by": "2026-12-01",
        "events": [{"kind": "sent", "follow_up": "thank-you", "at": "2026-11-20T18:00:00-05:00"},
                   {"kind": "sent", "follow_up": "status-check", "at": "2026-12-03T10:00:00-05:00"},
                   {"kind": "sent", "follow_up": "nudge", "at": "2026-12-10T10:00:00-05:00"}]}]});
    let store = store::from_value(doc).unwrap();
    let props = read_back(&to_ics(&store, t("2026-12-11T00:00:00Z")));
    let got = events(&props);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0][0], "acme-pm-_-nudge-2@interview-followup");
    assert_eq!(got[0][2], "Nudge 2 — Acme");
}

#[test]
fn awkward_text_survives_escaping_and_folding() {
    let name = "Zoë, \"the\"; Boss\\ 😀 ".to_string() + &"名前".repeat(30);
    let company = "Ünïcode, Inc.; \n a very long company name that certainly needs folding";
    let doc = json!({"version": 1, "interviews": [{
        "id": "weird id/ü", "company": company, "role": "PM", "at": "2026-11-20T14:00:00-05:00",
        "interviewers": [{"id": "zoë@x", "name": name}]}]});
    let store = store::from_value(doc).unwrap();
    let now = t("2026-11-20T15:00:00-05:00");
    let ics = to_ics(&store, now);
    let got = events(&read_back(&ics));
    let items = schedule(&store, now);
    assert_eq!(got.len(), items.len());
    assert_eq!(
        got[0][0],
        "weird%20id%2F%C3%BC-zo%C3%AB%40x-thank-you-1@interview-followup"
    );
    assert_eq!(
        got[0][2],
        format!("Thank-you to {} — {company}", name.trim())
    );
    assert_eq!(got[0][3], items[0].reason);
    assert!(got[0][3].contains('\n'));
}

#[test]
fn a_thousand_interviews_export_cleanly() {
    let store = sample_store(1000, NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
    let now = t("2026-11-20T12:00:00Z");
    let got = events(&read_back(&to_ics(&store, now)));
    assert_eq!(got.len(), schedule(&store, now).len());
    let mut uids: Vec<&str> = got.iter().map(|e| e[0].as_str()).collect();
    uids.sort_unstable();
    let before = uids.len();
    uids.dedup();
    assert_eq!(uids.len(), before, "UIDs are unique");
}
