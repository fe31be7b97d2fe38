//! LinkedIn messages are chat messages, not letters: a greeting, at most two short lines and a
//! one-line close ("Thanks again, Sam"), with no letter sign-off or signature block, while still
//! carrying the interview's detail and the kind's call to action, and differing per interviewer.
#![allow(clippy::disallowed_methods)] // the standard library's case mappings, as a reference
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod draft_support;

use draft_support::{
    now_for, person, representative, request, shared_trigrams, varied_stores, write, NOWS,
};
use followup::draft::Draft;
use followup::model::{Channel, Kind, Store};

/// Letter sign-offs that have no place in a chat window.
const LETTER_SIGN_OFFS: &[&str] = &[
    "best regards",
    "kind regards",
    "warm regards",
    "with thanks,",
    "sincerely",
    "regards,",
    "yours truly",
    "yours faithfully",
];

/// Non-empty lines after the greeting: two short lines at most (thanks and detail, then the call
/// to action) and the close. LinkedIn's chat window shows about that many without scrolling; the
/// old letter form had four to six.
const MAX_LINES_AFTER_GREETING: usize = 3;

/// Longest chat message, in UTF-16 units, for stores without extreme values (dates with their
/// year, three promised items and a long topic included). The old letter form ran to 760 for the
/// representative thank-you.
const CHAT_MAX: usize = 480;

/// The store whose company, role, topics and promised items run to hundreds of characters: it is
/// held to LinkedIn's own limit only.
const LONG_VALUES: &str = "long values";

fn linkedin(
    store: &Store,
    interview: &str,
    who: Option<&str>,
    kind: Kind,
    now: Option<&str>,
) -> Draft {
    write(
        store,
        &request(interview, who, kind, Channel::Linkedin, now),
    )
}

fn lines(body: &str) -> Vec<&str> {
    body.lines().filter(|l| !l.trim().is_empty()).collect()
}

#[test]
fn every_linkedin_message_is_chat_sized() {
    let mut checked = 0;
    for (name, store) in varied_stores() {
        for interview in &store.interviews {
            let mut people: Vec<Option<&str>> = interview
                .interviewers
                .iter()
                .map(|p| Some(p.id.as_str()))
                .collect();
            if people.is_empty() {
                people.push(None);
            }
            let full_name = store.profile.name.as_deref().map(str::trim);
            for who in people {
                for &kind in Kind::DRAFTABLE {
                    for &now in NOWS {
                        let d = linkedin(&store, &interview.id, who, kind, now);
                        let what = format!("{name} / {who:?} / {kind} / {now:?}:\n{}", d.body);
                        checked += 1;
                        let lines = lines(&d.body);
                        let greeting = lines[0];
                        assert!(
                            ["Hi ", "Dear ", "Hello,"]
                                .iter()
                                .any(|g| greeting.starts_with(g))
                                && greeting.ends_with(','),
                            "{what}"
                        );
                        let after = &lines[1..];
                        assert!(
                            (2..=MAX_LINES_AFTER_GREETING).contains(&after.len()),
                            "{} lines after the greeting: {what}",
                            after.len()
                        );
                        // No "Best regards," line, no name on a line of its own.
                        let lower = d.body.to_lowercase();
                        for sign_off in LETTER_SIGN_OFFS {
                            assert!(!lower.contains(sign_off), "`{sign_off}` in {what}");
                        }
                        for line in after {
                            assert!(!line.trim_end().ends_with(','), "sign-off `{line}`: {what}");
                            assert_ne!(Some(line.trim()), full_name, "signature block: {what}");
                        }
                        // The close is one short line of thanks.
                        let close = after[after.len() - 1];
                        assert!(
                            close.to_lowercase().contains("thank") && close.chars().count() <= 40,
                            "close `{close}`: {what}"
                        );
                        let units = d.body.encode_utf16().count();
                        assert!(units <= 1000, "{units} units: {what}");
                        if name != LONG_VALUES {
                            assert!(units <= CHAT_MAX, "{units} units: {what}");
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} messages checked");
}

#[test]
fn the_representative_messages_are_short() {
    // What the snapshots show: every kind for each of the three interviewers, written at its
    // usual time, stays within about 450 characters.
    let store = representative();
    for id in ["dana", "jose", "siobhan"] {
        for &kind in Kind::DRAFTABLE {
            let d = linkedin(&store, "acme-pm", Some(id), kind, Some(now_for(kind)));
            let units = d.body.encode_utf16().count();
            assert!(units <= 450, "{id}/{kind}: {units} units\n{}", d.body);
        }
    }
}

#[test]
fn chat_messages_keep_the_detail_and_the_call_to_action() {
    let store = representative(); // decision by December 1, the portfolio link promised
    let interview = &store.interviews[0];
    for person in &interview.interviewers {
        let topic = person.topics[0].as_str();
        for &kind in Kind::DRAFTABLE {
            let d = linkedin(
                &store,
                "acme-pm",
                Some(&person.id),
                kind,
                Some(now_for(kind)),
            );
            let body = d.body.as_str();
            let what = format!("{}/{kind}:\n{body}", person.id);
            // A nudge is about the process, not the conversation (in every channel).
            if kind != Kind::Nudge {
                assert!(body.contains(topic), "topic missing: {what}");
            }
            for other in interview.interviewers.iter().filter(|p| p.id != person.id) {
                assert!(!body.contains(other.topics[0].as_str()), "{what}");
            }
            if matches!(kind, Kind::ThankYou | Kind::AdditionalInfo) {
                assert!(
                    body.contains("the portfolio link"),
                    "promised item missing: {what}"
                );
            }
            let acts = match kind {
                Kind::ThankYou | Kind::NextSteps | Kind::StatusCheck => vec!["December 1"],
                Kind::Nudge => vec!["update", "news"],
                Kind::RejectionReply => vec!["feedback"],
                Kind::PositiveReply => vec!["need", "next step"],
                _ => vec!["anything", "questions"],
            };
            assert!(
                acts.iter().any(|a| body.contains(a)),
                "call to action missing: {what}"
            );
            if kind == Kind::RejectionReply {
                let door = [
                    "stay in touch",
                    "keep me in mind",
                    "work together",
                    "paths cross",
                ];
                assert!(
                    door.iter().any(|a| body.contains(a)),
                    "door not left open: {what}"
                );
            }
        }
    }

    // Without a decision date, the thank-you asks about the next steps instead.
    let mut open = representative();
    open.interviews[0].decision_by = None;
    for id in ["dana", "jose", "siobhan"] {
        let d = linkedin(
            &open,
            "acme-pm",
            Some(id),
            Kind::ThankYou,
            Some(now_for(Kind::ThankYou)),
        );
        assert!(
            d.body.contains("next step") || d.body.contains("next stage"),
            "{}",
            d.body
        );
    }
}

#[test]
fn colleagues_get_different_chat_messages() {
    let store = representative();
    let ids = ["dana", "jose", "siobhan"];
    for &kind in Kind::DRAFTABLE {
        for &now in NOWS {
            let bodies: Vec<String> = ids
                .iter()
                .map(|id| linkedin(&store, "acme-pm", Some(id), kind, now).body)
                .collect();
            for i in 0..ids.len() {
                for j in i + 1..ids.len() {
                    let shared = shared_trigrams(&bodies[i], &bodies[j]);
                    assert!(
                        shared <= 0.5,
                        "{kind}/{now:?}: {} and {} share {:.0}%\n{}\n---\n{}",
                        ids[i],
                        ids[j],
                        shared * 100.0,
                        bodies[i],
                        bodies[j]
                    );
                    // Not even the opening or the close is the same.
                    let (a, b) = (lines(&bodies[i]), lines(&bodies[j]));
                    assert_ne!(a[1], b[1], "{kind}/{now:?}");
                }
            }
        }
    }
}

#[test]
fn chat_hints_are_about_what_the_chat_says() {
    let mut store = representative();
    store.interviews[0].skills.clear();
    store.interviews[0].interviewers = vec![
        person("dana", "Dana Lee", &["the onboarding revamp"]),
        person("adaeze", "Adaeze Okafor", &[]),
    ];
    let rules =
        |d: &Draft| -> Vec<String> { d.findings.iter().map(|f| f.rule.to_string()).collect() };
    let now = Some(now_for(Kind::ThankYou));

    // With a topic, the chat thank-you names it and leaves the fit (and its skills) to the email.
    let chat = linkedin(&store, "acme-pm", Some("dana"), Kind::ThankYou, now);
    assert!(
        !rules(&chat).contains(&"detail.missing-skills".to_string()),
        "{:?}",
        rules(&chat)
    );
    let email = write(
        &store,
        &request("acme-pm", Some("dana"), Kind::ThankYou, Channel::Email, now),
    );
    assert!(rules(&email).contains(&"detail.missing-skills".to_string()));

    // Without a topic, the chat says why they fit instead, so both hints apply.
    let chat = linkedin(&store, "acme-pm", Some("adaeze"), Kind::ThankYou, now);
    let r = rules(&chat);
    for rule in [
        "detail.missing-topic",
        "detail.missing-skills",
        "detail.missing-recipient-linkedin",
    ] {
        assert!(r.contains(&rule.to_string()), "{rule}: {r:?}");
    }
    // Email-only hints never show on LinkedIn.
    for rule in [
        "detail.missing-recipient-email",
        "detail.missing-candidate-contact",
    ] {
        assert!(!r.contains(&rule.to_string()), "{rule}: {r:?}");
    }

    // Signed with the first name; without a name, the close still ends the message.
    let signed = linkedin(&store, "acme-pm", Some("dana"), Kind::Nudge, None);
    assert!(signed.body.ends_with(", Sam"), "{}", signed.body);
    store.profile.name = None;
    let unsigned = linkedin(&store, "acme-pm", Some("dana"), Kind::Nudge, None);
    let close = *lines(&unsigned.body).last().unwrap();
    assert!(
        close.ends_with('.') && close.to_lowercase().contains("thank"),
        "{close}"
    );
    assert!(rules(&unsigned).contains(&"detail.missing-candidate-name".to_string()));
}
