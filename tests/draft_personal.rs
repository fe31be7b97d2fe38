//! Personalisation: distinct drafts per interviewer, missing data, names, lengths, markup,
//! determinism and errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod draft_support;

use draft_support::{
    person, representative, request, shared_trigrams, store, varied_stores, write, NOWS,
};
use followup::draft::{draft, DraftError};
use followup::model::{Channel, Kind};
use followup::tone::{Category, Severity};

const NOW: Option<&str> = Some("2026-11-20T17:30:00-05:00");

#[test]
fn three_interviewers_of_one_interview_get_distinct_drafts() {
    let store = representative();
    let ids = ["dana", "jose", "siobhan"];
    let mut failures = Vec::new();
    for &kind in Kind::DRAFTABLE {
        for &channel in Channel::ALL {
            let bodies: Vec<String> = ids
                .iter()
                .map(|id| write(&store, &request("acme-pm", Some(id), kind, channel, NOW)).body)
                .collect();
            for i in 0..3 {
                for j in i + 1..3 {
                    let shared = shared_trigrams(&bodies[i], &bodies[j]);
                    if shared > 0.5 {
                        failures.push(format!(
                            "{kind}/{channel}: {} and {} share {:.0}% of 3-grams:\n{}\n---\n{}",
                            ids[i],
                            ids[j],
                            shared * 100.0,
                            bodies[i],
                            bodies[j]
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn each_interviewer_hears_about_their_own_topics() {
    let store = representative();
    let dana = write(
        &store,
        &request("acme-pm", Some("dana"), Kind::ThankYou, Channel::Email, NOW),
    );
    let jose = write(
        &store,
        &request("acme-pm", Some("jose"), Kind::ThankYou, Channel::Email, NOW),
    );
    assert!(dana.body.contains("the onboarding revamp planned for Q1"));
    assert!(!dana.body.contains("reporting pipeline"));
    assert!(jose
        .body
        .contains("moving the reporting pipeline to SQL-based dashboards"));
    assert!(!jose.body.contains("onboarding revamp"));
    // José's topic mentions SQL, so his note leads with that skill.
    assert!(jose.body.contains("SQL and"), "{}", jose.body);
}

#[test]
fn no_topics_gives_fluent_text_and_a_detail_hint() {
    let mut store = representative();
    store.interviews[0].interviewers = vec![person("adaeze", "Adaeze Okafor", &[])];
    for &kind in Kind::DRAFTABLE {
        let d = write(&store, &request("acme-pm", None, kind, Channel::Email, NOW));
        assert!(d.body.starts_with("Dear Adaeze,"), "{}", d.body);
        let wants_topic = !matches!(kind, Kind::StatusCheck | Kind::Nudge | Kind::PositiveReply);
        let hint = d.findings.iter().find(|f| f.rule == "detail.missing-topic");
        assert_eq!(hint.is_some(), wants_topic, "{kind}: {:?}", d.findings);
        if let Some(hint) = hint {
            assert_eq!(hint.category, Category::Detail);
            assert_eq!(hint.severity, Severity::Suggestion);
            assert_eq!((hint.start, hint.end), (0, 0));
            assert!(hint
                .message
                .starts_with("Add one thing you discussed with Adaeze"));
        }
    }
}

#[test]
fn no_email_sends_to_the_name_and_says_what_to_add() {
    let store = representative();
    let d = write(
        &store,
        &request(
            "acme-pm",
            Some("siobhan"),
            Kind::ThankYou,
            Channel::Email,
            NOW,
        ),
    );
    assert_eq!(d.to.as_deref(), Some("Siobhán O'Brien"));
    let hint = d
        .findings
        .iter()
        .find(|f| f.rule == "detail.missing-recipient-email")
        .expect("hint");
    assert_eq!(hint.message, "Add Siobhán's email address to send this.");
    let with_email = write(
        &store,
        &request("acme-pm", Some("dana"), Kind::ThankYou, Channel::Email, NOW),
    );
    assert_eq!(with_email.to.as_deref(), Some("dana@acme.example"));
    let linkedin = write(
        &store,
        &request(
            "acme-pm",
            Some("dana"),
            Kind::ThankYou,
            Channel::Linkedin,
            NOW,
        ),
    );
    assert_eq!(
        linkedin.to.as_deref(),
        Some("https://www.linkedin.com/in/dana-lee")
    );
}

#[test]
fn no_title_leaves_no_gap() {
    let store = representative();
    for channel in [Channel::Email, Channel::Phone] {
        let d = write(
            &store,
            &request("acme-pm", Some("siobhan"), Kind::ThankYou, channel, NOW),
        );
        assert!(
            !d.body.contains("()") && !d.body.contains(" as ."),
            "{}",
            d.body
        );
    }
    let plan = write(
        &store,
        &request(
            "acme-pm",
            Some("siobhan"),
            Kind::ThankYou,
            Channel::Phone,
            NOW,
        ),
    );
    assert!(
        plan.body
            .starts_with("Call plan: thank-you call — Siobhán O'Brien, Acme Corp"),
        "{}",
        plan.body
    );
    let titled = write(
        &store,
        &request("acme-pm", Some("dana"), Kind::ThankYou, Channel::Phone, NOW),
    );
    assert!(
        titled.body.contains("Dana Lee (Head of Product)"),
        "{}",
        titled.body
    );
}

#[test]
fn candidate_without_phone_signs_with_email_only() {
    let mut store = representative();
    store.profile.phone = None;
    store.profile.signature = None;
    let d = write(
        &store,
        &request("acme-pm", None, Kind::ThankYou, Channel::Email, NOW),
    );
    assert!(
        d.body.ends_with("\nSam Rivera\nsam@example.com"),
        "{}",
        d.body
    );
    assert!(!d.body.contains(" · "));
    assert!(d
        .findings
        .iter()
        .all(|f| f.rule != "detail.missing-candidate-contact"));

    store.profile.email = None;
    let d = write(
        &store,
        &request("acme-pm", None, Kind::ThankYou, Channel::Email, NOW),
    );
    assert!(d.body.ends_with("\nSam Rivera"), "{}", d.body);
    assert!(d
        .findings
        .iter()
        .any(|f| f.rule == "detail.missing-candidate-contact"));
}

#[test]
fn signature_is_used_verbatim() {
    let store = representative();
    let d = write(
        &store,
        &request("acme-pm", None, Kind::StatusCheck, Channel::Email, NOW),
    );
    assert!(
        d.body
            .ends_with("\nSam Rivera\n+1 555 0100 · sam@example.com"),
        "{}",
        d.body
    );
}

#[test]
fn accents_and_apostrophes_survive_in_greetings() {
    let store = representative();
    let jose = write(
        &store,
        &request(
            "acme-pm",
            Some("jose"),
            Kind::ThankYou,
            Channel::Linkedin,
            NOW,
        ),
    );
    assert!(jose.body.starts_with("Hi José,"), "{}", jose.body);
    let siobhan = write(
        &store,
        &request(
            "acme-pm",
            Some("siobhan"),
            Kind::NextSteps,
            Channel::Email,
            NOW,
        ),
    );
    assert!(
        siobhan.body.starts_with("Dear Siobhán,"),
        "{}",
        siobhan.body
    );
    let plan = write(
        &store,
        &request(
            "acme-pm",
            Some("siobhan"),
            Kind::ThankYou,
            Channel::Phone,
            NOW,
        ),
    );
    assert!(plan.body.contains("Siobhán O'Brien"));
    let opener = plan
        .body
        .lines()
        .find(|l| l.starts_with("Opener:"))
        .unwrap();
    assert!(opener.contains("Siobhán"), "{opener}");
}

#[test]
fn title_and_surname_only_when_that_is_how_the_name_is_given() {
    let s = store(
        r#"{"version": 1, "interviews": [{"id": "b", "company": "Northwind", "role": "Analyst",
            "at": "2026-11-20T10:00:00+00:00",
            "interviewers": [{"id": "o", "name": "Dr. Adaeze Okafor"}, {"id": "k", "name": "Ms Kim"}]}]}"#,
    );
    let d = write(
        &s,
        &request("b", Some("o"), Kind::ThankYou, Channel::Email, None),
    );
    assert!(d.body.starts_with("Dear Dr. Okafor,"), "{}", d.body);
    let d = write(
        &s,
        &request("b", Some("k"), Kind::ThankYou, Channel::Linkedin, None),
    );
    assert!(d.body.starts_with("Dear Ms. Kim,"), "{}", d.body);
}

#[test]
fn very_long_company_name_still_fits_a_connection_note() {
    let company = "The International Consolidated Amalgamated Holdings and Strategic Ventures \
                   Corporation of the Greater Northern Territories (Europe, Middle East, Africa \
                   and Asia-Pacific Division)";
    let mut store = representative();
    store.interviews[0].company = company.to_string();
    for &kind in Kind::DRAFTABLE {
        let d = write(
            &store,
            &request("acme-pm", Some("dana"), kind, Channel::LinkedinNote, NOW),
        );
        assert!(d.body.encode_utf16().count() <= 300, "{}", d.body);
        assert!(d.body.starts_with("Hi Dana,"), "{}", d.body);
        assert!(d.body.contains("Product Manager"), "{}", d.body);
        let message = write(
            &store,
            &request("acme-pm", Some("dana"), kind, Channel::Linkedin, NOW),
        );
        assert!(message.body.encode_utf16().count() <= 1000);
    }
}

#[test]
fn markup_like_text_stays_literal() {
    let s = store(
        r#"{"version": 1, "profile": {"name": "<i>Sam</i> Rivera"},
            "interviews": [{"id": "m", "company": "<b>Acme</b> & Co", "role": "PM",
            "at": "2026-11-20T10:00:00+00:00",
            "interviewers": [{"id": "d", "name": "Dana <b>Lee</b>", "topics": ["the <script>alert(1)</script> bug"]}]}]}"#,
    );
    for &channel in Channel::ALL {
        let d = write(&s, &request("m", None, Kind::ThankYou, channel, None));
        assert!(d.body.contains("<b>Acme</b> & Co"), "{}", d.body);
        if channel != Channel::LinkedinNote {
            // The call plan names the caller in full; a LinkedIn message signs with the first name.
            assert!(
                d.body.contains("<i>Sam</i>") || channel == Channel::Email,
                "{}",
                d.body
            );
        }
        assert!(!d.body.contains("&lt;") && !d.body.contains("&amp;"));
    }
    let d = write(
        &s,
        &request("m", None, Kind::ThankYou, Channel::Email, None),
    );
    assert!(d.body.contains("the <script>alert(1)</script> bug"));
    let json = serde_json::to_value(&d).unwrap();
    assert!(json["body"].as_str().unwrap().contains("<b>Acme</b>"));
}

#[test]
fn same_input_same_draft() {
    let store = representative();
    let reparsed = followup::store::parse(&followup::store::to_json(&store)).unwrap();
    for &kind in Kind::DRAFTABLE {
        for &channel in Channel::ALL {
            let req = request("acme-pm", Some("jose"), kind, channel, NOW);
            let a = write(&store, &req);
            assert_eq!(a, write(&store, &req));
            assert_eq!(a, write(&reparsed, &req));
        }
    }
}

#[test]
fn the_interview_day_is_named_relative_to_now() {
    let store = representative(); // Friday, November 20, 14:00 at UTC-5
    let day = |now: Option<&str>| {
        write(
            &store,
            &request(
                "acme-pm",
                Some("jose"),
                Kind::ThankYou,
                Channel::LinkedinNote,
                now,
            ),
        )
        .body
    };
    assert!(day(Some("2026-11-20T17:30:00-05:00")).contains("this afternoon"));
    assert!(day(Some("2026-11-21T09:00:00-05:00")).contains("yesterday"));
    assert!(day(Some("2026-11-24T09:00:00-05:00")).contains("on Friday"));
    assert!(day(Some("2026-12-08T09:00:00-05:00")).contains("on November 20"));
    assert!(day(None).contains("on Friday"));
}

#[test]
fn next_steps_are_asked_only_without_a_decision_date() {
    let mut store = representative();
    let with_date = write(
        &store,
        &request("acme-pm", Some("dana"), Kind::ThankYou, Channel::Email, NOW),
    );
    assert!(with_date.body.contains("December 1"), "{}", with_date.body);
    assert!(!with_date.body.contains("next step"), "{}", with_date.body);
    store.interviews[0].decision_by = None;
    for id in ["dana", "jose", "siobhan"] {
        let d = write(
            &store,
            &request("acme-pm", Some(id), Kind::ThankYou, Channel::Email, NOW),
        );
        assert!(
            d.body.contains("next step") || d.body.contains("next stage"),
            "{}",
            d.body
        );
    }
}

#[test]
fn promised_items_are_sent_and_mentioned() {
    let store = representative();
    let info = write(
        &store,
        &request("acme-pm", None, Kind::AdditionalInfo, Channel::Email, NOW),
    );
    assert!(info.body.contains("the portfolio link"), "{}", info.body);
    let thanks = write(
        &store,
        &request("acme-pm", None, Kind::ThankYou, Channel::Email, NOW),
    );
    assert!(
        thanks.body.contains("the portfolio link"),
        "{}",
        thanks.body
    );
    assert!(thanks
        .findings
        .iter()
        .any(|f| f.rule == "detail.attach-promised"));

    let mut nothing = representative();
    nothing.interviews[0].promised.clear();
    let info = write(
        &nothing,
        &request("acme-pm", None, Kind::AdditionalInfo, Channel::Email, NOW),
    );
    assert!(info
        .findings
        .iter()
        .any(|f| f.rule == "detail.missing-promised"
            && f.message == "Add what you promised to send Dana."));
    assert!(info.body.contains("user research"), "{}", info.body);
}

#[test]
fn nobody_listed_still_gets_a_greeting_and_a_name_hint() {
    let s = store(
        r#"{"version": 1, "interviews": [{"id": "solo", "company": "Hooli", "role": "Designer",
            "at": "2026-11-19T16:00:00-08:00"}]}"#,
    );
    let d = write(
        &s,
        &request("solo", None, Kind::ThankYou, Channel::Email, None),
    );
    assert!(d.body.starts_with("Hello,\n\n"), "{}", d.body);
    assert_eq!(d.to, None);
    let rules: Vec<&str> = d.findings.iter().map(|f| &*f.rule).collect();
    assert!(rules.contains(&"name.missing-recipient"), "{rules:?}");
    assert!(
        rules.contains(&"detail.missing-candidate-name"),
        "{rules:?}"
    );
    assert!(d
        .findings
        .iter()
        .all(|f| f.severity == Severity::Suggestion));
}

#[test]
fn nudge_dates_the_earlier_message() {
    let mut store = representative();
    store.interviews[0].events = vec![serde_json::from_str(
        r#"{"kind": "sent", "follow_up": "status-check", "interviewer": "dana", "at": "2026-12-03T09:00:00-05:00"}"#,
    )
    .unwrap()];
    let bodies: Vec<String> = ["dana", "jose", "siobhan"]
        .iter()
        .map(|id| {
            write(
                &store,
                &request(
                    "acme-pm",
                    Some(id),
                    Kind::Nudge,
                    Channel::Email,
                    Some("2026-12-10T09:00:00-05:00"),
                ),
            )
            .body
        })
        .collect();
    assert!(
        bodies.iter().any(|b| b.contains("on December 3")),
        "{bodies:#?}"
    );
}

#[test]
fn bad_requests_are_errors_not_panics() {
    let store = representative();
    let unknown = request("nope", None, Kind::ThankYou, Channel::Email, None);
    assert_eq!(
        draft(&store, &unknown),
        Err(DraftError::UnknownInterview("nope".into()))
    );
    let stranger = request("acme-pm", Some("zed"), Kind::ThankYou, Channel::Email, None);
    assert_eq!(
        draft(&store, &stranger),
        Err(DraftError::UnknownInterviewer {
            interview: "acme-pm".into(),
            interviewer: "zed".into()
        })
    );
    let move_on = request("acme-pm", None, Kind::MoveOn, Channel::Phone, None);
    assert_eq!(
        draft(&store, &move_on),
        Err(DraftError::NotDraftable(Kind::MoveOn))
    );
}

#[test]
fn primary_interviewer_is_the_default() {
    let store = representative();
    let d = write(
        &store,
        &request("acme-pm", None, Kind::StatusCheck, Channel::Email, NOW),
    );
    assert!(d.body.starts_with("Dear Dana,"));
}

#[test]
fn colleagues_get_distinct_drafts_in_every_varied_store() {
    let mut failures = Vec::new();
    for (name, store) in varied_stores() {
        for interview in store.interviews.iter().filter(|i| i.interviewers.len() > 1) {
            for &kind in Kind::DRAFTABLE {
                for &channel in Channel::ALL {
                    for &now in NOWS {
                        let bodies: Vec<(String, String)> = interview
                            .interviewers
                            .iter()
                            .map(|p| {
                                let req = request(&interview.id, Some(&p.id), kind, channel, now);
                                (p.id.clone(), write(&store, &req).body)
                            })
                            .collect();
                        for (i, (a, body_a)) in bodies.iter().enumerate() {
                            for (b, body_b) in &bodies[i + 1..] {
                                let shared = shared_trigrams(body_a, body_b);
                                if shared > 0.5 {
                                    failures.push(format!(
                                        "{name}/{kind}/{channel}/{now:?}: {a} and {b} share {:.0}%\n{body_a}\n---\n{body_b}",
                                        shared * 100.0
                                    ));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} pairs too similar:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn next_steps_ask_about_timing_again_once_the_decision_date_has_passed() {
    let store = representative(); // decision by December 1
    for id in ["dana", "jose", "siobhan"] {
        let before = write(
            &store,
            &request(
                "acme-pm",
                Some(id),
                Kind::NextSteps,
                Channel::Email,
                Some("2026-11-24T10:00:00-05:00"),
            ),
        );
        assert!(
            !before.body.contains('?') || before.body.contains("anything more I can share"),
            "{}",
            before.body
        );
        let after = write(
            &store,
            &request(
                "acme-pm",
                Some(id),
                Kind::NextSteps,
                Channel::Email,
                Some("2026-12-08T10:00:00-05:00"),
            ),
        );
        assert!(
            !after.body.contains("hopes to decide") && !after.body.contains("expected by"),
            "{}",
            after.body
        );
        assert!(after.body.contains("December 1"), "{}", after.body);
    }
}
