//! Stores and helpers shared by the draft tests.
#![allow(clippy::disallowed_methods)] // the standard library's case mappings, as a reference
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, FixedOffset};
use followup::draft::{draft, Draft, DraftRequest};
use followup::model::{Channel, Interviewer, Kind, Store};
use std::collections::BTreeSet;

/// The representative store of the snapshots.
pub fn representative() -> Store {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/draft-store.json"
    ))
    .unwrap();
    followup::store::parse(&text).unwrap()
}

/// When each kind is typically written, relative to the Friday Nov 20 interview of the
/// representative store.
pub fn now_for(kind: Kind) -> &'static str {
    match kind {
        Kind::ThankYou => "2026-11-20T17:30:00-05:00",
        Kind::AdditionalInfo => "2026-11-21T10:00:00-05:00",
        Kind::NextSteps => "2026-11-24T10:00:00-05:00",
        Kind::StatusCheck => "2026-12-03T09:00:00-05:00",
        Kind::Nudge => "2026-12-10T09:00:00-05:00",
        _ => "2026-12-07T10:00:00-05:00",
    }
}

/// An RFC 3339 time.
pub fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// A request.
pub fn request(
    interview: &str,
    interviewer: Option<&str>,
    kind: Kind,
    channel: Channel,
    now: Option<&str>,
) -> DraftRequest {
    DraftRequest {
        interview: interview.to_string(),
        interviewer: interviewer.map(str::to_string),
        kind,
        channel,
        now: now.map(at),
    }
}

/// Writes a draft that must succeed.
pub fn write(store: &Store, request: &DraftRequest) -> Draft {
    draft(store, request).unwrap_or_else(|e| panic!("{request:?}: {e}"))
}

/// A store from JSON text.
pub fn store(json: &str) -> Store {
    followup::store::parse(json).unwrap()
}

/// An interviewer with a name and topics.
pub fn person(id: &str, name: &str, topics: &[&str]) -> Interviewer {
    Interviewer {
        id: id.to_string(),
        name: name.to_string(),
        topics: topics.iter().map(|t| t.to_string()).collect(),
        ..Interviewer::default()
    }
}

/// Stores covering missing data, odd names, long values and markup.
pub fn varied_stores() -> Vec<(&'static str, Store)> {
    let mut stores = vec![("representative", representative())];
    stores.push((
        "bare",
        store(
            r#"{"version": 1, "interviews": [{"id": "bare", "company": "Initech",
                "role": "QA Engineer", "at": "2026-11-18T10:00:00+00:00",
                "interviewers": [{"id": "x"}]}]}"#,
        ),
    ));
    stores.push((
        "nobody listed",
        store(
            r#"{"version": 1, "profile": {"name": "Ana Lima", "email": "ana@example.com"},
                "interviews": [{"id": "solo", "company": "Hooli", "role": "Designer",
                "format": "onsite", "at": "2026-11-19T16:00:00-08:00"}]}"#,
        ),
    ));
    stores.push((
        "long values",
        store(
            r#"{"version": 1, "profile": {"name": "Priya Natarajan-Whitfield", "phone": "+44 20 7946 0000"},
                "interviews": [{"id": "long",
                "company": "The International Consolidated Amalgamated Holdings and Strategic Ventures Corporation of the Greater Northern Territories (Europe, Middle East, Africa and Asia-Pacific Division)",
                "role": "Senior Staff Software Engineer, Developer Productivity and Build Infrastructure",
                "at": "2026-11-20T11:00:00+00:00", "decision_by": "2026-12-10",
                "skills": ["distributed build systems and remote execution at very large scale", "Bazel", "developer experience research"],
                "promised": ["a write-up of the incremental build cache design I described, with the benchmark numbers", "references from my last two engineering managers"],
                "interviewers": [
                  {"id": "m", "name": "Maximilian Alexander Theodor von Hohenberg-Wittelsbach", "title": "Vice President of Engineering Platforms and Developer Infrastructure",
                   "topics": ["the migration of eleven thousand repositories from the legacy monolithic build to a hermetic remote execution platform over the next eighteen months", "how on-call load is shared between the platform teams in three time zones"]},
                  {"id": "k", "name": "Kim", "topics": ["flaky tests"]}
                ]}]}"#,
        ),
    ));
    stores.push((
        "markup",
        store(
            r#"{"version": 1, "profile": {"name": "Sam <Rivera>", "email": "sam@example.com"},
                "interviews": [{"id": "markup", "company": "<b>Acme</b> & Sons", "role": "<i>Growth</i> Lead",
                "at": "2026-11-20T09:00:00-05:00", "skills": ["A/B testing <fast>"],
                "interviewers": [{"id": "d", "name": "<b>Dana</b> Lee", "topics": ["the <script>alert(1)</script> incident"]}]}]}"#,
        ),
    ));
    stores.push((
        "formal names, no phone",
        store(
            r#"{"version": 1, "profile": {"name": "Jordan Blake", "email": "jordan@example.com"},
                "interviews": [{"id": "bank", "company": "Northwind Bank", "role": "Risk Analyst",
                "industry": "finance", "format": "onsite", "at": "2026-11-16T15:00:00-05:00",
                "skills": ["credit risk modelling", "Python"],
                "interviewers": [
                  {"id": "okafor", "name": "Dr. Adaeze Okafor", "title": "Chief Risk Officer", "topics": ["stress testing the mortgage book"]},
                  {"id": "zhang", "name": "Prof. Wei Zhang", "email": "wzhang@northwind.example"},
                  {"id": "okafor2", "name": "Okafor, Chidi", "topics": ["model validation"]}
                ]}]}"#,
        ),
    ));
    stores.push((
        "accents and apostrophes",
        store(
            r#"{"version": 1, "profile": {"name": "Zoë D'Angelo", "email": "zoe@example.com", "phone": "+33 1 23 45 67 89"},
                "interviews": [{"id": "cafe", "company": "Café Müller GmbH", "role": "Marketing Manager",
                "industry": "hospitality", "format": "video", "at": "2026-11-20T10:00:00+01:00",
                "skills": ["brand strategy", "événementiel"],
                "interviewers": [
                  {"id": "jose", "name": "José Núñez", "topics": ["the café's brand relaunch"]},
                  {"id": "siobhan", "name": "Siobhán O'Brien", "topics": ["seasonal campaigns in Dublin"], "primary": true}
                ]}]}"#,
        ),
    ));
    stores.push((
        "plenty",
        store(
            r#"{"version": 1, "profile": {"name": "Lee Chen", "email": "lee@example.com", "phone": "555-0199"},
                "interviews": [{"id": "plenty", "company": "Umbrella Health", "role": "Nurse Manager",
                "industry": "healthcare", "stage": "screen", "at": "2026-11-20T13:00:00-06:00",
                "skills": ["staff scheduling", "patient safety", "EHR rollouts", "budgeting", "mentoring"],
                "promised": ["my nursing licence number", "two references", "a shift-planning sample"],
                "events": [{"kind": "sent", "follow_up": "status-check", "interviewer": "a", "at": "2026-12-02T09:00:00-06:00"}],
                "interviewers": [
                  {"id": "a", "name": "Aisha Rahman", "title": "Director of Nursing",
                   "topics": ["patient safety huddles", "the EHR rollout", "night-shift staffing", "budgeting for agency staff"]},
                  {"id": "b", "name": "Tom Price", "title": "HR Partner", "topics": ["the union contract"]}
                ]}]}"#,
        ),
    ));
    stores
}

/// Times to draft at: unknown, same day, next day, within a week, weeks later, next year.
pub const NOWS: &[Option<&str>] = &[
    None,
    Some("2026-11-20T23:30:00+00:00"),
    Some("2026-11-21T18:00:00+00:00"),
    Some("2026-11-25T15:00:00+00:00"),
    Some("2026-12-14T15:00:00+00:00"),
    Some("2027-01-11T15:00:00+00:00"),
];

/// Word 3-grams of a text (lower case).
pub fn trigrams(text: &str) -> BTreeSet<String> {
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.windows(3).map(|w| w.join(" ")).collect()
}

/// Share of the smaller text's 3-grams that the other text also has.
pub fn shared_trigrams(a: &str, b: &str) -> f64 {
    let (a, b) = (trigrams(a), trigrams(b));
    let smaller = a.len().min(b.len()).max(1);
    a.intersection(&b).count() as f64 / smaller as f64
}

/// The body without its last block (sign-off and signature).
pub fn without_signature(body: &str) -> &str {
    body.rsplit_once("\n\n").map_or(body, |(head, _)| head)
}
