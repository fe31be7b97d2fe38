//! Round-trip safety: whatever the parser accepts, the store writes back as text the parser
//! accepts again, equal. A date such as `-026-12-01` once broke this (accepted, written as
//! `-0026-12-01`, then refused: the stored data became unreadable right after "Imported").

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use serde_json::{json, Value};

fn store_with(date: &str, at: &str) -> Value {
    json!({"version": 1, "profile": {"holidays": [date]}, "interviews": [
        {"id": "a", "company": "Acme", "role": "PM", "at": at, "decision_by": date,
         "interviewers": [{"name": "Dana Lee"}],
         "events": [{"kind": "sent", "follow_up": "thank-you", "at": at}]}]})
}

fn round_trips(document: &Value) -> Result<(), TestCaseError> {
    if let Ok(store) = followup::store::parse(&document.to_string()) {
        for text in [
            followup::store::to_json(&store),
            followup::store::to_json_compact(&store),
        ] {
            let again = followup::store::parse(&text);
            prop_assert!(again.is_ok(), "{text}: {again:?}");
            prop_assert_eq!(again.unwrap(), store.clone());
        }
    }
    Ok(())
}

#[test]
fn years_that_would_be_written_differently_are_refused() {
    for date in ["-026-12-01", "+2026-12-01", "02026-12-1", "2026-1-001"] {
        let err = followup::store::parse(&store_with(date, "2026-11-20T14:00:00Z").to_string())
            .unwrap_err();
        assert!(err.message.starts_with("not a date"), "{date}: {err}");
    }
    round_trips(&store_with("0001-01-01", "0001-01-01T00:00:00Z")).unwrap();
    round_trips(&store_with(
        "9999-12-31",
        "9999-12-31T23:59:59.999999999+14:00",
    ))
    .unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    /// Dates of any shape the reader might accept (signs, short and long years), and times with
    /// any year, offset and fraction, each on its own so one refusal does not hide the other.
    #[test]
    fn accepted_dates_and_times_round_trip(
        sign in prop::sample::select(vec!["", "-", "+"]),
        year in 0u32..12000, month in 1u32..13, day in 1u32..29,
        width in 1usize..6,
        hour in 0u32..25, frac in prop::option::of(0u32..1_000_000_000),
        offset in -1500i32..1500,
    ) {
        let date = format!("{sign}{year:0width$}-{month:02}-{day:02}");
        round_trips(&store_with(&date, "2026-11-20T14:00:00Z"))?;
        let frac = frac.map(|f| format!(".{f:09}")).unwrap_or_default();
        let sign = if offset < 0 { '-' } else { '+' };
        let off = format!("{sign}{:02}:{:02}", offset.abs() / 60, offset.abs() % 60);
        let at = format!("{year:04}-{month:02}-{day:02}T{hour:02}:30:00{frac}{off}");
        round_trips(&store_with("2026-12-01", &at))?;
    }

    /// Any text in the free-text fields and unknown fields survives.
    #[test]
    fn text_and_unknown_fields_round_trip(text in ".{0,40}", key in "[a-z_]{1,8}") {
        let mut doc = store_with("2026-12-01", "2026-11-20T14:00:00-05:00");
        doc["interviews"][0]["company"] = json!(format!("x{text}"));
        doc["interviews"][0]["skills"] = json!([text.clone()]);
        doc["interviews"][0]["interviewers"][0]["topics"] = json!([text.clone()]);
        doc["profile"]["signature"] = json!(text.clone());
        doc[format!("x_{key}")] = json!({"nested": [text.clone(), 1.5, null, true]});
        doc["interviews"][0][format!("x_{key}")] = json!(text);
        round_trips(&doc)?;
    }
}
