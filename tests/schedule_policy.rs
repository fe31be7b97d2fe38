//! Table-driven tests of the follow-up policy (`docs/follow-up-rules.md`), one row per rule.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, FixedOffset, NaiveDate};
use followup::schedule::{sample::sample_store, schedule, Due};
use followup::store;
use serde_json::{json, Value};

/// One rule: an interview (fields over a base), the profile's days off, `now`, and every open
/// item expected, soonest first, as `(kind, interviewer, due, status)`.
struct Case {
    name: &'static str,
    interview: Value,
    days_off: &'static [&'static str],
    now: &'static str,
    want: &'static [(
        &'static str,
        Option<&'static str>,
        &'static str,
        &'static str,
    )],
}

fn two_people() -> Value {
    json!([{"id": "dana", "name": "Dana Lee", "primary": true}, {"id": "raj", "name": "Raj Patel"}])
}

fn one_person() -> Value {
    json!([{"id": "dana", "name": "Dana Lee"}])
}

/// Interview on Friday 2026-11-20, 14:00 New York time.
fn interview(fields: Value) -> Value {
    let mut base = json!({"id": "acme-pm", "company": "Acme Corp", "role": "Product Manager",
                          "at": "2026-11-20T14:00:00-05:00"});
    for (k, v) in fields.as_object().unwrap() {
        base[k] = v.clone();
    }
    base
}

fn sent(kind: &str, to: Option<&str>, at: &str) -> Value {
    let mut e = json!({"kind": "sent", "follow_up": kind, "at": at});
    if let Some(to) = to {
        e["interviewer"] = json!(to);
    }
    e
}

fn reply(outcome: &str, at: &str) -> Value {
    json!({"kind": "reply", "outcome": outcome, "at": at})
}

/// Thank-you already sent to everyone, so only the chain is left.
fn thanked() -> Value {
    sent("thank-you", None, "2026-11-20T18:00:00-05:00")
}

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn run(case: &Case) -> Vec<Due> {
    let doc = json!({"version": 1, "profile": {"holidays": case.days_off},
                     "interviews": [interview(case.interview.clone())]});
    let store = store::from_value(doc).unwrap_or_else(|e| panic!("{}: {e}", case.name));
    schedule(&store, t(case.now))
}

fn check(cases: &[Case]) {
    for case in cases {
        let got: Vec<(String, Option<String>, String, String)> = run(case)
            .into_iter()
            .map(|d| {
                (
                    d.kind.to_string(),
                    d.interviewer,
                    d.due.to_rfc3339(),
                    d.status.to_string(),
                )
            })
            .collect();
        let want: Vec<(String, Option<String>, String, String)> = case
            .want
            .iter()
            .map(|(k, who, due, status)| {
                (
                    k.to_string(),
                    who.map(str::to_string),
                    due.to_string(),
                    status.to_string(),
                )
            })
            .collect();
        assert_eq!(got, want, "case: {}", case.name);
    }
}

#[test]
fn thank_you_and_status_check_dates() {
    check(&[
        Case {
            name: "one thank-you per interviewer at +24h; status check 2nd business day after the decision date",
            interview: json!({"interviewers": two_people(), "decision_by": "2026-12-01"}),
            days_off: &[],
            now: "2026-11-20T16:00:00-05:00",
            want: &[
                ("thank-you", Some("dana"), "2026-11-21T14:00:00-05:00", "due"),
                ("thank-you", Some("raj"), "2026-11-21T14:00:00-05:00", "due"),
                ("status-check", Some("dana"), "2026-12-03T09:00:00-05:00", "upcoming"),
            ],
        },
        Case {
            name: "decision date on a Friday: Monday is the 1st business day, Tuesday the 2nd",
            interview: json!({"interviewers": one_person(), "decision_by": "2026-12-04", "events": [thanked()]}),
            days_off: &[],
            now: "2026-12-08T10:00:00-05:00",
            want: &[("status-check", Some("dana"), "2026-12-08T09:00:00-05:00", "due")],
        },
        Case {
            name: "Thanksgiving (Thu Nov 26) is not a business day",
            interview: json!({"interviewers": one_person(), "decision_by": "2026-11-25", "events": [thanked()]}),
            days_off: &[],
            now: "2026-11-21T10:00:00-05:00",
            want: &[("status-check", Some("dana"), "2026-11-30T09:00:00-05:00", "upcoming")],
        },
        Case {
            name: "July 4 2026 is a Saturday, observed Friday July 3",
            interview: json!({"at": "2026-06-25T11:00:00-04:00", "interviewers": one_person(),
                              "decision_by": "2026-07-01",
                              "events": [sent("thank-you", Some("dana"), "2026-06-25T15:00:00-04:00")]}),
            days_off: &[],
            now: "2026-06-26T10:00:00-04:00",
            want: &[("status-check", Some("dana"), "2026-07-06T09:00:00-04:00", "upcoming")],
        },
        Case {
            name: "no decision date, fast industry: 5 business days (Thanksgiving skipped)",
            interview: json!({"interviewers": one_person(), "industry": "tech", "events": [thanked()]}),
            days_off: &[],
            now: "2026-11-21T10:00:00-05:00",
            want: &[("status-check", Some("dana"), "2026-11-30T09:00:00-05:00", "upcoming")],
        },
        Case {
            name: "no decision date, slow industry: 10 business days",
            interview: json!({"interviewers": one_person(), "industry": "government", "events": [thanked()]}),
            days_off: &[],
            now: "2026-11-21T10:00:00-05:00",
            want: &[("status-check", Some("dana"), "2026-12-07T09:00:00-05:00", "upcoming")],
        },
        Case {
            name: "no decision date, no industry: 7 business days",
            interview: json!({"interviewers": one_person(), "events": [thanked()]}),
            days_off: &[],
            now: "2026-11-21T10:00:00-05:00",
            want: &[("status-check", Some("dana"), "2026-12-02T09:00:00-05:00", "upcoming")],
        },
        Case {
            name: "profile.holidays are not business days",
            interview: json!({"interviewers": one_person(), "decision_by": "2026-12-01", "events": [thanked()]}),
            days_off: &["2026-12-02"],
            now: "2026-11-21T10:00:00-05:00",
            want: &[("status-check", Some("dana"), "2026-12-04T09:00:00-05:00", "upcoming")],
        },
        Case {
            name: "holiday season: Dec 22 moves to the first business day after Jan 5, next year",
            interview: json!({"interviewers": one_person(), "decision_by": "2026-12-18", "events": [thanked()]}),
            days_off: &[],
            now: "2026-12-21T10:00:00-05:00",
            want: &[("status-check", Some("dana"), "2027-01-06T09:00:00-05:00", "upcoming")],
        },
        Case {
            name: "holiday season: a date in early January also moves past Jan 5",
            interview: json!({"at": "2026-12-28T10:00:00-05:00", "interviewers": one_person(), "industry": "retail",
                              "events": [sent("thank-you", None, "2026-12-28T15:00:00-05:00")]}),
            days_off: &[],
            now: "2026-12-29T10:00:00-05:00",
            want: &[("status-check", Some("dana"), "2027-01-06T09:00:00-05:00", "upcoming")],
        },
        Case {
            name: "holiday season starts Dec 20: Dec 18 stays",
            interview: json!({"interviewers": one_person(), "decision_by": "2026-12-16", "events": [thanked()]}),
            days_off: &[],
            now: "2026-12-01T10:00:00-05:00",
            want: &[("status-check", Some("dana"), "2026-12-18T09:00:00-05:00", "upcoming")],
        },
        Case {
            name: "an interview with no interviewers gets one thank-you and a status check to nobody",
            interview: json!({"decision_by": "2026-12-01"}),
            days_off: &[],
            now: "2026-11-20T16:00:00-05:00",
            want: &[
                ("thank-you", None, "2026-11-21T14:00:00-05:00", "due"),
                ("status-check", None, "2026-12-03T09:00:00-05:00", "upcoming"),
            ],
        },
        Case {
            name: "status check goes to the first interviewer when none is primary",
            interview: json!({"interviewers": [{"id": "raj", "name": "Raj Patel"}, {"id": "dana", "name": "Dana Lee"}],
                              "decision_by": "2026-12-01", "events": [thanked()]}),
            days_off: &[],
            now: "2026-11-20T16:00:00-05:00",
            want: &[("status-check", Some("raj"), "2026-12-03T09:00:00-05:00", "upcoming")],
        },
    ]);
}

#[test]
fn sent_events_complete_items() {
    check(&[
        Case {
            name: "a sent thank-you for only one of two interviewers",
            interview: json!({"interviewers": two_people(), "decision_by": "2026-12-01",
                              "events": [sent("thank-you", Some("dana"), "2026-11-20T19:00:00-05:00")]}),
            days_off: &[],
            now: "2026-11-21T15:00:00-05:00",
            want: &[
                (
                    "thank-you",
                    Some("raj"),
                    "2026-11-21T14:00:00-05:00",
                    "overdue",
                ),
                (
                    "status-check",
                    Some("dana"),
                    "2026-12-03T09:00:00-05:00",
                    "upcoming",
                ),
            ],
        },
        Case {
            name: "a sent thank-you addressed to nobody covers every interviewer",
            interview: json!({"interviewers": two_people(), "decision_by": "2026-12-01", "events": [thanked()]}),
            days_off: &[],
            now: "2026-11-21T15:00:00-05:00",
            want: &[(
                "status-check",
                Some("dana"),
                "2026-12-03T09:00:00-05:00",
                "upcoming",
            )],
        },
        Case {
            name: "a sent event without follow_up completes that person's thank-you",
            interview: json!({"interviewers": two_people(), "decision_by": "2026-12-01",
                              "events": [{"kind": "sent", "interviewer": "raj", "at": "2026-11-20T19:00:00-05:00"}]}),
            days_off: &[],
            now: "2026-11-20T20:00:00-05:00",
            want: &[
                (
                    "thank-you",
                    Some("dana"),
                    "2026-11-21T14:00:00-05:00",
                    "due",
                ),
                (
                    "status-check",
                    Some("dana"),
                    "2026-12-03T09:00:00-05:00",
                    "upcoming",
                ),
            ],
        },
        Case {
            name: "a sent event without follow_up after the thank-yous counts as the status check",
            interview: json!({"interviewers": one_person(), "decision_by": "2026-12-01",
                              "events": [thanked(), {"kind": "sent", "interviewer": "dana", "at": "2026-12-03T10:00:00-05:00"}]}),
            days_off: &[],
            now: "2026-12-03T11:00:00-05:00",
            want: &[(
                "nudge",
                Some("dana"),
                "2026-12-10T09:00:00-05:00",
                "upcoming",
            )],
        },
        Case {
            name: "status check sent: nudge 1 five business days later",
            interview: json!({"interviewers": one_person(), "decision_by": "2026-12-01",
                              "events": [thanked(), sent("status-check", Some("dana"), "2026-12-03T10:00:00-05:00")]}),
            days_off: &[],
            now: "2026-12-10T09:00:00-05:00",
            want: &[("nudge", Some("dana"), "2026-12-10T09:00:00-05:00", "due")],
        },
        Case {
            name: "nudge 1 sent: nudge 2 five business days later",
            interview: json!({"interviewers": one_person(), "decision_by": "2026-12-01",
                              "events": [thanked(), sent("status-check", Some("dana"), "2026-12-03T10:00:00-05:00"),
                                         sent("nudge", Some("dana"), "2026-12-10T11:00:00-05:00")]}),
            days_off: &[],
            now: "2026-12-20T09:00:00-05:00",
            want: &[(
                "nudge",
                Some("dana"),
                "2026-12-17T09:00:00-05:00",
                "overdue",
            )],
        },
        Case {
            name: "two nudges sent: one final move-on item",
            interview: json!({"interviewers": one_person(), "decision_by": "2026-12-01",
                              "events": [thanked(), sent("status-check", Some("dana"), "2026-12-03T10:00:00-05:00"),
                                         sent("nudge", Some("dana"), "2026-12-10T11:00:00-05:00"),
                                         sent("nudge", Some("dana"), "2026-12-17T09:30:00-05:00")]}),
            days_off: &[],
            now: "2026-12-26T09:00:00-05:00",
            want: &[("move-on", Some("dana"), "2026-12-24T09:00:00-05:00", "due")],
        },
        Case {
            name: "move-on acknowledged: nothing left",
            interview: json!({"interviewers": one_person(), "decision_by": "2026-12-01",
                              "events": [thanked(), sent("status-check", Some("dana"), "2026-12-03T10:00:00-05:00"),
                                         sent("nudge", Some("dana"), "2026-12-10T11:00:00-05:00"),
                                         sent("nudge", Some("dana"), "2026-12-17T09:30:00-05:00"),
                                         sent("move-on", None, "2026-12-24T09:30:00-05:00")]}),
            days_off: &[],
            now: "2026-12-26T09:00:00-05:00",
            want: &[],
        },
        Case {
            name: "events are taken in time order, not list order",
            interview: json!({"interviewers": one_person(), "decision_by": "2026-12-01",
                              "events": [sent("nudge", Some("dana"), "2026-12-10T11:00:00-05:00"),
                                         sent("status-check", Some("dana"), "2026-12-03T10:00:00-05:00"), thanked()]}),
            days_off: &[],
            now: "2026-12-11T09:00:00-05:00",
            want: &[(
                "nudge",
                Some("dana"),
                "2026-12-17T09:00:00-05:00",
                "upcoming",
            )],
        },
    ]);
}

#[test]
fn replies_stop_the_chain() {
    check(&[
        Case {
            name: "neutral reply: the chain stops, nothing owed",
            interview: json!({"interviewers": one_person(), "decision_by": "2026-12-01",
                              "events": [thanked(), sent("status-check", Some("dana"), "2026-12-03T10:00:00-05:00"),
                                         reply("neutral", "2026-12-04T10:00:00-05:00")]}),
            days_off: &[],
            now: "2026-12-20T09:00:00-05:00",
            want: &[],
        },
        Case {
            name: "reply without outcome: same as neutral",
            interview: json!({"interviewers": one_person(), "events": [thanked(),
                              {"kind": "reply", "at": "2026-11-25T10:00:00-05:00"}]}),
            days_off: &[],
            now: "2026-12-20T09:00:00-05:00",
            want: &[],
        },
        Case {
            name: "negative reply: a rejection-reply due in 2 days, to the primary interviewer",
            interview: json!({"interviewers": two_people(), "events": [thanked(),
                              reply("negative", "2026-12-05T10:00:00-05:00")]}),
            days_off: &[],
            now: "2026-12-06T10:00:00-05:00",
            want: &[(
                "rejection-reply",
                Some("dana"),
                "2026-12-07T10:00:00-05:00",
                "upcoming",
            )],
        },
        Case {
            name: "positive reply: a positive-reply due in 1 day, to whoever replied",
            interview: json!({"interviewers": two_people(), "events": [thanked(),
                              {"kind": "reply", "outcome": "positive", "interviewer": "raj", "at": "2026-12-05T10:00:00-05:00"}]}),
            days_off: &[],
            now: "2026-12-06T10:00:00-05:00",
            want: &[(
                "positive-reply",
                Some("raj"),
                "2026-12-06T10:00:00-05:00",
                "due",
            )],
        },
        Case {
            name: "the rejection-reply, once sent, is done",
            interview: json!({"interviewers": one_person(), "events": [thanked(),
                              reply("negative", "2026-12-05T10:00:00-05:00"),
                              sent("rejection-reply", Some("dana"), "2026-12-06T10:00:00-05:00")]}),
            days_off: &[],
            now: "2026-12-07T10:00:00-05:00",
            want: &[],
        },
        Case {
            name: "the latest reply decides what is owed",
            interview: json!({"interviewers": one_person(), "events": [thanked(),
                              reply("negative", "2026-12-05T10:00:00-05:00"),
                              reply("positive", "2026-12-08T10:00:00-05:00")]}),
            days_off: &[],
            now: "2026-12-08T11:00:00-05:00",
            want: &[(
                "positive-reply",
                Some("dana"),
                "2026-12-09T10:00:00-05:00",
                "upcoming",
            )],
        },
        Case {
            name: "a reply stops the chain but not an unsent thank-you",
            interview: json!({"interviewers": one_person(), "events": [reply("neutral", "2026-11-20T17:00:00-05:00")]}),
            days_off: &[],
            now: "2026-11-20T18:00:00-05:00",
            want: &[(
                "thank-you",
                Some("dana"),
                "2026-11-21T14:00:00-05:00",
                "due",
            )],
        },
    ]);
}

#[test]
fn times_stay_in_the_interviews_offset() {
    check(&[
        Case {
            name: "+09:00: business days count from the local date (Tue), not the UTC one (Mon)",
            interview: json!({"at": "2026-11-24T01:00:00+09:00", "interviewers": one_person(), "industry": "tech"}),
            days_off: &[],
            now: "2026-11-23T17:00:00Z",
            want: &[
                (
                    "thank-you",
                    Some("dana"),
                    "2026-11-25T01:00:00+09:00",
                    "due",
                ),
                (
                    "status-check",
                    Some("dana"),
                    "2026-12-02T09:00:00+09:00",
                    "upcoming",
                ),
            ],
        },
        Case {
            name: "+09:00: an event written in UTC is dated in the interview's offset",
            interview: json!({"at": "2026-11-24T01:00:00+09:00", "interviewers": one_person(), "industry": "tech",
                              "events": [sent("thank-you", Some("dana"), "2026-11-24T05:00:00Z"),
                                         sent("status-check", Some("dana"), "2026-12-02T15:30:00Z")]}),
            days_off: &[],
            now: "2026-12-03T00:00:00Z",
            want: &[(
                "nudge",
                Some("dana"),
                "2026-12-10T09:00:00+09:00",
                "upcoming",
            )],
        },
        Case {
            name: "-08:00: a reply written in UTC, answer due in the interview's offset",
            interview: json!({"at": "2026-11-20T11:00:00-08:00", "interviewers": one_person(),
                              "events": [sent("thank-you", None, "2026-11-20T20:00:00Z"),
                                         reply("negative", "2026-12-05T02:00:00Z")]}),
            days_off: &[],
            now: "2026-12-05T03:00:00Z",
            want: &[(
                "rejection-reply",
                Some("dana"),
                "2026-12-06T18:00:00-08:00",
                "upcoming",
            )],
        },
        Case {
            name: "+05:30 half-hour offset",
            interview: json!({"at": "2026-11-20T10:30:00+05:30", "decision_by": "2026-12-01"}),
            days_off: &[],
            now: "2026-11-20T05:00:00Z",
            want: &[
                ("thank-you", None, "2026-11-21T10:30:00+05:30", "due"),
                (
                    "status-check",
                    None,
                    "2026-12-03T09:00:00+05:30",
                    "upcoming",
                ),
            ],
        },
    ]);
}

#[test]
fn statuses_at_the_boundaries() {
    let base = json!({"interviewers": one_person(), "decision_by": "2026-12-01"});
    let status_of = |kind: &str, now: &str| {
        let doc = json!({"version": 1, "interviews": [interview(base.clone())]});
        let store = store::from_value(doc).unwrap();
        schedule(&store, t(now))
            .into_iter()
            .find(|d| d.kind.as_str() == kind)
            .map(|d| d.status.to_string())
            .unwrap()
    };
    let table = [
        // thank-you: due from the interview to +24h
        ("thank-you", "2026-11-20T13:59:59-05:00", "upcoming"),
        ("thank-you", "2026-11-20T14:00:00-05:00", "due"),
        ("thank-you", "2026-11-21T14:00:00-05:00", "due"),
        ("thank-you", "2026-11-21T14:00:01-05:00", "overdue"),
        // status check: due for 3 days from its time
        ("status-check", "2026-12-03T08:59:59-05:00", "upcoming"),
        ("status-check", "2026-12-03T09:00:00-05:00", "due"),
        ("status-check", "2026-12-06T08:59:59-05:00", "due"),
        ("status-check", "2026-12-06T09:00:00-05:00", "overdue"),
        // `now` in another offset is the same instant
        ("status-check", "2026-12-03T14:00:00Z", "due"),
    ];
    for (kind, now, want) in table {
        assert_eq!(status_of(kind, now), want, "{kind} at {now}");
    }
}

#[test]
fn reasons_are_sentences_a_person_can_read() {
    // Once the items have come (the status check, the nudge and the reply are overdue here).
    let table = [
        (
            json!({"interviewers": one_person(), "decision_by": "2026-12-01", "events": [thanked()]}),
            "2027-03-01T10:00:00-05:00",
            "Decision was promised by Dec 1; two business days have passed",
        ),
        (
            json!({"interviewers": one_person()}),
            "2027-03-01T10:00:00-05:00",
            "Thank Dana Lee within 24 hours of your Acme Corp interview on Nov 20",
        ),
        (
            json!({}),
            "2027-03-01T10:00:00-05:00",
            "Thank your interviewer within 24 hours of your Acme Corp interview on Nov 20",
        ),
        (
            json!({"interviewers": one_person(), "industry": "tech", "events": [thanked()]}),
            "2027-03-01T10:00:00-05:00",
            "No decision date was given, and tech hiring usually moves within a week; 5 business days have passed since the Nov 20 interview",
        ),
        (
            json!({"interviewers": one_person(), "events": [thanked()]}),
            "2027-03-01T10:00:00-05:00",
            "No decision date was given; 7 business days have passed since the Nov 20 interview",
        ),
        (
            json!({"interviewers": one_person(), "decision_by": "2026-12-18", "events": [thanked()]}),
            "2027-03-01T10:00:00-05:00",
            "Decision was promised by Dec 18; two business days have passed, but Dec 22 falls in the year-end holidays (Dec 20–Jan 5), so wait until Jan 6",
        ),
        (
            json!({"interviewers": one_person(), "decision_by": "2026-12-01",
                   "events": [thanked(), sent("status-check", Some("dana"), "2026-12-03T10:00:00-05:00")]}),
            "2027-03-01T10:00:00-05:00",
            "No reply to your status check of Dec 3; 5 business days have passed (nudge 1 of 2)",
        ),
        (
            json!({"interviewers": one_person(), "decision_by": "2026-12-01",
                   "events": [thanked(), sent("status-check", None, "2026-12-03T10:00:00-05:00"),
                              sent("nudge", None, "2026-12-10T10:00:00-05:00"),
                              sent("nudge", None, "2026-12-17T10:00:00-05:00")]}),
            "2027-03-01T10:00:00-05:00",
            "No reply after 3 follow-ups; keep the door open and focus elsewhere",
        ),
        (
            json!({"interviewers": one_person(), "events": [thanked(), reply("negative", "2026-12-05T10:00:00-05:00")]}),
            "2027-03-01T10:00:00-05:00",
            "Acme Corp replied on Dec 5 with a rejection; thank them graciously and ask for feedback",
        ),
    ];
    for (fields, now, want) in table {
        let doc = json!({"version": 1, "interviews": [interview(fields)]});
        let items = schedule(&store::from_value(doc).unwrap(), t(now));
        assert_eq!(items[0].reason, want);
    }
}

#[test]
fn reasons_for_items_still_ahead_speak_of_the_future() {
    let ahead = "2026-11-21T10:00:00-05:00";
    let table = [
        (
            json!({"interviewers": one_person(), "decision_by": "2026-12-01", "events": [thanked()]}),
            "Decision was promised by Dec 1; by then two business days will have passed",
        ),
        (
            json!({"interviewers": one_person(), "industry": "tech", "events": [thanked()]}),
            "No decision date was given, and tech hiring usually moves within a week; by then 5 business days will have passed since the Nov 20 interview",
        ),
        (
            json!({"interviewers": one_person(), "decision_by": "2026-12-18", "events": [thanked()]}),
            "Decision was promised by Dec 18; by then two business days will have passed, but Dec 22 falls in the year-end holidays (Dec 20–Jan 5), so wait until Jan 6",
        ),
        (
            json!({"interviewers": one_person(), "decision_by": "2026-12-01",
                   "events": [thanked(), sent("status-check", Some("dana"), "2026-11-20T16:00:00-05:00")]}),
            "No reply to your status check of Nov 20; by then 5 business days will have passed (nudge 1 of 2)",
        ),
    ];
    for (fields, want) in table {
        let doc = json!({"version": 1, "interviews": [interview(fields)]});
        let items = schedule(&store::from_value(doc).unwrap(), t(ahead));
        assert_eq!(items[0].status.as_str(), "upcoming");
        assert_eq!(items[0].reason, want);
    }
    // The day itself reads as come: the status check is due from 9:00 on Dec 3.
    let doc = json!({"version": 1, "interviews": [interview(
        json!({"interviewers": one_person(), "decision_by": "2026-12-01", "events": [thanked()]}),
    )]});
    let items = schedule(
        &store::from_value(doc).unwrap(),
        t("2026-12-03T09:00:00-05:00"),
    );
    assert_eq!(
        items[0].reason,
        "Decision was promised by Dec 1; two business days have passed"
    );
}

#[test]
fn several_interviews_come_out_soonest_first() {
    let doc = json!({"version": 1, "interviews": [
        interview(json!({"id": "late", "at": "2026-11-25T09:00:00-08:00"})),
        interview(json!({"id": "early", "at": "2026-11-18T09:00:00+01:00"})),
    ]});
    let items = schedule(&store::from_value(doc).unwrap(), t("2026-11-26T00:00:00Z"));
    let order: Vec<(&str, &str)> = items
        .iter()
        .map(|d| (d.interview.as_str(), d.kind.as_str()))
        .collect();
    assert_eq!(
        order,
        [
            ("early", "thank-you"),
            ("late", "thank-you"),
            ("early", "status-check"),
            ("late", "status-check")
        ]
    );
}

#[test]
fn a_store_with_1000_interviews() {
    let end = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let store = sample_store(1000, end);
    // Budget: 1,000 interviews stored ≤ 1 MB (storage keeps the compact form).
    let stored = store::to_json_compact(&store);
    assert!(stored.len() <= 1_000_000, "{} bytes", stored.len());
    let reparsed = store::parse(&stored).unwrap();
    assert_eq!(reparsed, store);
    assert_eq!(store::parse(&store::to_json(&store)).unwrap(), store);
    let now = t("2026-11-20T12:00:00Z");
    let items = schedule(&reparsed, now);
    // Every interview still owes something or has finished with a neutral outcome; no more
    // than 3 thank-yous plus one chain or answer item each.
    assert!(
        items.len() >= 1000 && items.len() <= 4000,
        "{}",
        items.len()
    );
    assert!(items.windows(2).all(|w| w[0].due <= w[1].due));
    assert!(items.iter().all(|d| !d.reason.is_empty()));
    for d in &items {
        let interview = reparsed.interview(&d.interview).unwrap();
        assert_eq!(d.due.offset(), interview.at.offset(), "{}", d.interview);
        if let Some(who) = &d.interviewer {
            assert!(interview.interviewer(who).is_some());
        }
    }
}
