//! Property tests for the popup's pure logic: whatever is typed, pasted or restored
//! from Web Storage, the form code answers with values or plain messages and never panics;
//! excerpts of findings land on character boundaries; due-time words are always phrased.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests may panic on setup failures

use chrono::{DateTime, FixedOffset, TimeZone};
use followup::ui::data::excerpt;
use followup::ui::form::{is_email, linkedin_url, InterviewForm, ProfileForm};
use followup::when::when_words;
use proptest::prelude::*;

const FIELDS: &[&str] = &[
    "company",
    "role",
    "at",
    "format",
    "industry",
    "stage",
    "decision_by",
    "skills",
    "promised",
    "primary",
    "people.0.name",
    "people.0.email",
    "people.0.linkedin",
    "people.0.topics",
    "people.1.name",
    "people.1.title",
    "people.1.email",
    "people.2.linkedin",
    "people.99.name",
];

fn offset() -> FixedOffset {
    FixedOffset::west_opt(5 * 3600).unwrap()
}

proptest! {
    #[test]
    fn any_typing_gives_an_interview_or_field_messages(
        edits in prop::collection::vec((0..FIELDS.len(), "\\PC{0,40}|[0-9T:-]{0,16}"), 0..30),
    ) {
        let now = offset().with_ymd_and_hms(2026, 11, 20, 14, 7, 0).unwrap();
        let mut form = InterviewForm::new_at(now);
        for (field, value) in &edits {
            form.set(FIELDS[*field], value);
        }
        match form.to_interview(None, &["acme"], offset()) {
            Ok(interview) => {
                let mut store = followup::model::Store::default();
                // A form that passes makes an interview the store accepts.
                store.add_interview(interview).unwrap();
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for e in &errors {
                    prop_assert!(e.message.ends_with('.'), "{e:?}");
                }
            }
        }
    }

    #[test]
    fn any_saved_form_text_loads_or_is_refused(text in "\\PC{0,200}") {
        let _ = serde_json::from_str::<InterviewForm>(&text);
        let _ = serde_json::from_str::<ProfileForm>(&text);
    }

    #[test]
    fn profile_form_never_panics(name in "\\PC{0,30}", email in "\\PC{0,30}", holidays in "[0-9/ ,\\n-]{0,40}") {
        let mut f = ProfileForm::default();
        f.set("name", &name);
        f.set("email", &email);
        f.set("holidays", &holidays);
        let _ = f.to_profile(&followup::model::Profile::default());
    }

    #[test]
    fn checks_of_links_and_addresses_never_panic(s in "\\PC{0,60}") {
        let _ = is_email(&s);
        if let Some(url) = linkedin_url(&s) {
            prop_assert!(url.starts_with("https://"));
            prop_assert!(linkedin_url(&url).as_deref() == Some(url.as_str()));
        }
    }

    #[test]
    fn excerpts_land_on_boundaries(text in "\\PC{0,80}", a in 0usize..200, b in 0usize..200) {
        let (before, marked, after) = excerpt(&text, a.min(b), a.max(b), 12);
        prop_assert!(before.chars().count() <= 14 && after.chars().count() <= 14);
        if a.max(b) <= text.encode_utf16().count() {
            prop_assert!(text.replace(['\n', '\r'], " ").contains(&marked));
        }
    }

    #[test]
    fn due_words_are_always_phrased(due in 0i64..4_000_000_000, now in 0i64..4_000_000_000, east in -12i32..14) {
        let tz = FixedOffset::east_opt(east * 3600).unwrap();
        let at = |s: i64| -> DateTime<FixedOffset> { tz.timestamp_opt(s, 0).unwrap() };
        let words = when_words(at(due), at(now));
        prop_assert!(words.starts_with("by ") || words.starts_with("overdue since "), "{words}");
    }
}
