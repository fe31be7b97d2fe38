//! Store format v1 (the import/export JSON document): what is accepted, what is refused and with
//! which path, round trips, and the edit operations.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::DateTime;
use followup::model::{Interview, Interviewer, Kind, Outcome, Store};
use followup::store::{self, StoreError};
use serde_json::{json, Value};

const EXAMPLE: &str = include_str!("data/schedule_example.json");

fn minimal_interview() -> Value {
    json!({"id": "acme-pm", "company": "Acme Corp", "role": "PM", "at": "2026-11-20T14:00:00-05:00"})
}

/// A store with one interview whose field `key` is replaced by `value`.
fn with_field(key: &str, value: Value) -> String {
    let mut interview = minimal_interview();
    interview[key] = value;
    json!({"version": 1, "interviews": [interview]}).to_string()
}

#[test]
fn the_spec_example_parses() {
    let store = store::parse(EXAMPLE).unwrap();
    assert_eq!(store.interviews.len(), 2);
    let acme = store.interview("acme-pm").unwrap();
    assert_eq!(acme.interviewers.len(), 2);
    assert_eq!(acme.events.len(), 1);
    assert_eq!(store.profile.holidays.len(), 1);
}

#[test]
fn bad_input_is_refused_with_its_path() {
    let cases: Vec<(String, &str)> = vec![
        // syntax
        ("".into(), ".: EOF while parsing a value at line 1 column 0"),
        ("{\"version\": 1,".into(), ".: EOF while parsing a value at line 1 column 14"),
        ("{\"version\": 1} x".into(), ".: trailing characters at line 1 column 16"),
        ("[]".into(), ".: expected an object (a store document), found an array"),
        (
            "{\"version\": 1, \"interviews\": [{\"id\": }]}".into(),
            "interviews[0].id: expected value at line 1 column 38",
        ),
        // version
        (r#"{"interviews": []}"#.into(), "version: missing (required)"),
        (r#"{"version": 2}"#.into(), "version: unsupported version 2; this build reads versions 1 to 1"),
        (r#"{"version": "1"}"#.into(), "version: expected a whole number, found a string"),
        // duplicate keys, anywhere
        (
            r#"{"version": 1, "interviews": [{"id": "a", "id": "b"}]}"#.into(),
            r#"interviews[0]: duplicate key "id" at line 1 column 46"#,
        ),
        // types and required fields
        (r#"{"version": 1, "interviews": {}}"#.into(), "interviews: expected an array, found an object"),
        (r#"{"version": 1, "interviews": [7]}"#.into(), "interviews[0]: expected an object, found a number"),
        (
            json!({"version": 1, "interviews": [{"company": "A", "role": "R", "at": "2026-11-20T14:00:00Z"}]}).to_string(),
            "interviews[0].id: missing (required)",
        ),
        (with_field("company", json!(42)), "interviews[0].company: expected a string, found a number"),
        (with_field("role", json!("  ")), "interviews[0].role: must not be empty"),
        (with_field("id", json!(" a")), "interviews[0].id: ids must not start or end with spaces: \" a\""),
        (with_field("at", json!(null)), "interviews[0].at: expected a string, found null"),
        // dates
        (
            with_field("at", json!("2026-11-20 14:00")),
            "interviews[0].at: not an RFC 3339 time: \"2026-11-20 14:00\" (e.g. \"2026-11-20T14:00:00-05:00\")",
        ),
        (
            with_field("at", json!("2026-02-30T10:00:00Z")),
            "interviews[0].at: not an RFC 3339 time: \"2026-02-30T10:00:00Z\" (e.g. \"2026-11-20T14:00:00-05:00\")",
        ),
        (
            with_field("decision_by", json!("12/01/2026")),
            "interviews[0].decision_by: not a date: \"12/01/2026\" (expected YYYY-MM-DD, e.g. \"2026-12-01\")",
        ),
        (
            json!({"version": 1, "profile": {"holidays": ["2026-12-24", "tomorrow"]}}).to_string(),
            "profile.holidays[1]: not a date: \"tomorrow\" (expected YYYY-MM-DD, e.g. \"2026-12-01\")",
        ),
        // enums
        (
            with_field("industry", json!("fintech")),
            "interviews[0].industry: unknown value \"fintech\", expected one of: tech, startup, retail, hospitality, finance, healthcare, government, education, corporate, other",
        ),
        (
            with_field("events", json!([{"kind": "sent", "follow_up": "thanks", "at": "2026-11-20T19:00:00Z"}])),
            "interviews[0].events[0].follow_up: unknown value \"thanks\", expected one of: thank-you, additional-info, next-steps, status-check, nudge, move-on, rejection-reply, positive-reply",
        ),
        (
            with_field("events", json!([{"kind": "reply", "outcome": "great", "at": "2026-11-20T19:00:00Z"}])),
            "interviews[0].events[0].outcome: unknown value \"great\", expected one of: positive, negative, neutral",
        ),
        (
            with_field("interviewers", json!([{"id": "dana", "primary": "yes"}])),
            "interviews[0].interviewers[0].primary: expected true or false, found a string",
        ),
        (
            json!({"version": 1, "profile": {"notification_details": 1}, "interviews": []}).to_string(),
            "profile.notification_details: expected true or false, found a number",
        ),
        // cross-field rules
        (
            json!({"version": 1, "interviews": [minimal_interview(), minimal_interview()]}).to_string(),
            "interviews[1].id: duplicate interview id \"acme-pm\" (also interviews[0])",
        ),
        (
            with_field("interviewers", json!([{"id": "dana"}, {"id": "raj"}, {"id": "dana"}])),
            "interviews[0].interviewers[2].id: duplicate interviewer id \"dana\" (also interviewers[0])",
        ),
        (
            with_field("events", json!([{"kind": "sent", "interviewer": "dana", "at": "2026-11-20T19:00:00Z"}])),
            "interviews[0].events[0].interviewer: no interviewer \"dana\" in this interview",
        ),
        // a long bad value is shortened and kept on one line
        (
            with_field("at", json!(format!("{}\n{}", "x".repeat(30), "y".repeat(30)))),
            "interviews[0].at: not an RFC 3339 time: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\\nyyyyyyyyy\"… (e.g. \"2026-11-20T14:00:00-05:00\")",
        ),
    ];
    for (input, want) in cases {
        let err = store::parse(&input).expect_err(&input);
        assert_eq!(err.to_string(), want, "input: {input}");
        assert!(!err.to_string().contains('\n'));
    }
}

#[test]
fn the_error_path_is_a_field() {
    let err = store::parse(&with_field("at", json!("soon"))).unwrap_err();
    assert_eq!(
        err,
        StoreError {
            path: "interviews[0].at".into(),
            message: "not an RFC 3339 time: \"soon\" (e.g. \"2026-11-20T14:00:00-05:00\")".into(),
        }
    );
}

#[test]
fn unknown_fields_survive_a_round_trip() {
    let input = json!({
        "version": 1,
        "sync": {"device": "laptop", "rev": 12},
        "profile": {"name": "Sam", "theme": "dark"},
        "interviews": [{
            "id": "acme-pm", "company": "Acme", "role": "PM", "at": "2026-11-20T14:00:00-05:00",
            "color": "teal",
            "interviewers": [{"id": "dana", "name": "Dana", "pronouns": "she/her"}],
            "events": [{"kind": "reply", "at": "2026-11-25T10:00:00-05:00", "channel": "phone"}]
        }]
    });
    let store = store::parse(&input.to_string()).unwrap();
    let output: Value = serde_json::from_str(&store::to_json(&store)).unwrap();
    assert_eq!(output, input);
}

#[test]
fn export_import_export_is_identical_for_the_example() {
    let first = store::to_json(&store::parse(EXAMPLE).unwrap());
    let second = store::to_json(&store::parse(&first).unwrap());
    assert_eq!(first, second);
}

#[test]
fn nulls_mean_absent_and_optional_fields_may_be_missing() {
    let store = store::parse(&with_field("decision_by", Value::Null)).unwrap();
    assert_eq!(store.interviews[0].decision_by, None);
    let store = store::parse(r#"{"version": 1}"#).unwrap();
    assert_eq!(store, Store::default());
}

#[test]
fn interviewers_without_an_id_get_one_from_their_name() {
    let store = store::parse(&with_field(
        "interviewers",
        json!([{"name": "Dana Lee"}, {"id": "dana-lee"}, {"name": "  "}, {"name": "Zoë O'Brien"}]),
    ))
    .unwrap();
    let ids: Vec<&str> = store.interviews[0]
        .interviewers
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["dana-lee-2", "dana-lee", "interviewer-3", "zoë-o-brien"]
    );
}

#[test]
fn try_from_value_applies_the_same_checks() {
    let doc: Value = serde_json::from_str(&with_field("at", json!("soon"))).unwrap();
    let err = Store::try_from(doc).unwrap_err();
    assert_eq!(err.path, "interviews[0].at");
    // …and so does serde, e.g. through serde-wasm-bindgen in the extension.
    let err = serde_json::from_str::<Store>(&with_field("industry", json!("fintech"))).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("interviews[0].industry: unknown value"),
        "{err}"
    );
}

#[test]
fn deep_nesting_is_refused_not_a_crash() {
    let deep = format!(
        "{{\"version\": 1, \"x\": {}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let err = store::parse(&deep).unwrap_err();
    assert!(err.message.contains("recursion limit"), "{err}");
}

// ---- edit operations ----

fn t(s: &str) -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn new_interview(id: &str) -> Interview {
    Interview {
        id: id.into(),
        company: "Globex".into(),
        role: "Analyst".into(),
        industry: None,
        stage: None,
        format: None,
        at: t("2026-11-18T10:30:00+01:00"),
        decision_by: None,
        skills: vec![],
        promised: vec![],
        interviewers: vec![Interviewer {
            name: "Chen Wei".into(),
            ..Interviewer::default()
        }],
        events: vec![],
        extra: Default::default(),
    }
}

#[test]
fn edit_operations_validate_and_apply() {
    let mut store = store::parse(EXAMPLE).unwrap();
    store.add_interview(new_interview("initech")).unwrap();
    assert_eq!(
        store.interview("initech").unwrap().interviewers[0].id,
        "chen-wei"
    );

    let err = store.add_interview(new_interview("acme-pm")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "interviews[3].id: duplicate interview id \"acme-pm\" (also interviews[0])"
    );
    let mut blank = new_interview("x");
    blank.company = " ".into();
    assert_eq!(
        store.add_interview(blank).unwrap_err().to_string(),
        "interviews[3].company: must not be empty"
    );

    let id = store
        .add_interviewer(
            "initech",
            Interviewer {
                name: "Chen Wei".into(),
                ..Interviewer::default()
            },
        )
        .unwrap();
    assert_eq!(id, "chen-wei-2");
    let err = store
        .add_interviewer(
            "initech",
            Interviewer {
                id: "chen-wei".into(),
                ..Interviewer::default()
            },
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "interviews[2].interviewers[2].id: duplicate interviewer id \"chen-wei\" (also interviewers[0])"
    );
    assert_eq!(store.interview("initech").unwrap().interviewers.len(), 2);

    let mut renamed = store.interview("initech").unwrap().interviewers[0].clone();
    renamed.title = Some("Director".into());
    store.update_interviewer("initech", renamed).unwrap();

    store
        .record_sent(
            "initech",
            Kind::ThankYou,
            Some("chen-wei"),
            t("2026-11-18T18:00:00+01:00"),
        )
        .unwrap();
    store
        .record_reply(
            "initech",
            Outcome::Negative,
            None,
            t("2026-11-28T10:00:00+01:00"),
        )
        .unwrap();
    let err = store
        .record_sent(
            "initech",
            Kind::ThankYou,
            Some("nobody"),
            t("2026-11-18T18:00:00+01:00"),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "interviews[2].events[2].interviewer: no interviewer \"nobody\" in this interview"
    );
    assert!(store
        .record_sent(
            "missing",
            Kind::ThankYou,
            None,
            t("2026-11-18T18:00:00+01:00")
        )
        .is_err());

    // Removing a person also removes the events addressed to them.
    store.remove_interviewer("initech", "chen-wei").unwrap();
    let initech = store.interview("initech").unwrap();
    assert_eq!(initech.interviewers.len(), 1);
    assert_eq!(initech.events.len(), 1);

    let mut changed = initech.clone();
    changed.role = "Senior Analyst".into();
    let old = store.update_interview(changed).unwrap();
    assert_eq!(old.role, "Analyst");
    assert_eq!(
        store.remove_interview("initech").unwrap().role,
        "Senior Analyst"
    );
    assert_eq!(
        store.remove_interview("initech").unwrap_err().to_string(),
        "interviews: no interview \"initech\""
    );

    // After edits the store still round-trips.
    let text = store::to_json(&store);
    assert_eq!(store::parse(&text).unwrap(), store);
}

#[test]
fn edits_may_not_shadow_known_fields_in_extra() {
    let mut store = Store::default();
    let mut interview = new_interview("a");
    interview.extra.insert("company".into(), json!("Other"));
    let err = store.add_interview(interview).unwrap_err();
    assert_eq!(
        err.to_string(),
        "interviews[0]: field \"company\" is also present among the unknown fields"
    );
    assert!(store.interviews.is_empty());
}
