//! Every kind × channel × a varied set of stores and times: length limits, no placeholders, and
//! no wording warnings beyond the missing-data hints.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod draft_support;

use draft_support::{request, varied_stores, without_signature, write, NOWS};
use followup::model::{Channel, Kind, Store};
use followup::text::word_count;
use followup::tone::{Category, Severity};

/// Every (store name, store, interview id, interviewer id) with each interviewer, or nobody.
fn recipients() -> Vec<(&'static str, Store, String, Option<String>)> {
    let mut out = Vec::new();
    for (name, store) in varied_stores() {
        for interview in &store.interviews {
            if interview.interviewers.is_empty() {
                out.push((name, store.clone(), interview.id.clone(), None));
            }
            for person in &interview.interviewers {
                out.push((
                    name,
                    store.clone(),
                    interview.id.clone(),
                    Some(person.id.clone()),
                ));
            }
        }
    }
    out
}

/// The text between two UTF-16 offsets.
fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16_lossy(units.get(start..end.min(units.len())).unwrap_or(&[]))
}

fn store_text(store: &Store) -> String {
    serde_json::to_string(store).unwrap()
}

#[test]
fn every_draft_keeps_the_rules() {
    let mut checked = 0;
    let mut loud = std::collections::BTreeMap::new();
    for (name, store, interview, interviewer) in recipients() {
        let raw = store_text(&store);
        for &kind in Kind::DRAFTABLE {
            for &channel in Channel::ALL {
                for &now in NOWS {
                    let req = request(&interview, interviewer.as_deref(), kind, channel, now);
                    let d = write(&store, &req);
                    let what = format!(
                        "{name} / {interviewer:?} / {kind} / {channel} / {now:?}:\n{}",
                        d.body
                    );
                    checked += 1;

                    // Never a placeholder or template residue.
                    for marker in [
                        "{", "}", "[", "]", "TODO", "XXX", "  ", " ,", " .", "..", "\n\n\n",
                    ] {
                        if !raw.contains(marker)
                            || marker.trim().is_empty()
                            || marker.starts_with(' ')
                            || marker == ".."
                            || marker == "\n\n\n"
                        {
                            assert!(!d.body.contains(marker), "`{marker}` in {what}");
                        }
                    }
                    assert!(!d.body.trim().is_empty(), "empty body: {what}");

                    // No wording warnings or errors: only suggestions.
                    let no_topics = store
                        .interviews
                        .iter()
                        .find(|i| i.id == interview)
                        .and_then(|i| match &interviewer {
                            Some(id) => i.interviewer(id),
                            None => None,
                        })
                        .is_none_or(|p| p.topics.is_empty());
                    for f in d
                        .findings
                        .iter()
                        .filter(|f| f.severity != Severity::Suggestion)
                    {
                        let span = utf16_slice(&d.body, f.start, f.end);
                        // Missing-data hints: nothing specific to say when the store has no topics
                        // (`detail.missing`, and `generic.bare_thanks`, which asks for the same).
                        let asks_for_detail =
                            f.category == Category::Detail || f.rule == "generic.bare_thanks";
                        if asks_for_detail && no_topics {
                            continue;
                        }
                        // The user's own text (e.g. markup in a topic) flagged as it stands.
                        if f.category == Category::Placeholder
                            && !span.is_empty()
                            && raw.contains(&span)
                        {
                            continue;
                        }
                        loud.entry(f.rule.clone()).or_insert_with(|| {
                            format!("{} `{span}` ({}): {what}", f.message, f.severity)
                        });
                    }

                    match channel {
                        Channel::Email => {
                            let subject = d.subject.as_deref().expect("email has a subject");
                            let words = word_count(subject);
                            assert!((3..=8).contains(&words), "subject `{subject}` in {what}");
                        }
                        _ => assert_eq!(d.subject, None, "{what}"),
                    }
                    let utf16 = d.body.encode_utf16().count();
                    match channel {
                        Channel::Linkedin => assert!(utf16 <= 1000, "{utf16} chars: {what}"),
                        Channel::LinkedinNote => assert!(utf16 <= 300, "{utf16} chars: {what}"),
                        Channel::Phone => {
                            let points = d.body.lines().filter(|l| l.starts_with("- ")).count();
                            assert!((3..=5).contains(&points), "{points} points: {what}");
                            assert!(
                                d.body.contains("Opener: ") && d.body.contains("Close: "),
                                "{what}"
                            );
                        }
                        Channel::Email => {}
                    }
                    let words = word_count(&d.body);
                    match (kind, channel) {
                        (Kind::ThankYou, Channel::Email) => {
                            let counted = word_count(without_signature(&d.body));
                            assert!((60..=180).contains(&counted), "{counted} words: {what}");
                        }
                        (Kind::StatusCheck | Kind::Nudge, Channel::Email | Channel::Linkedin) => {
                            assert!(words <= 120, "{words} words: {what}");
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    assert!(checked > 2000, "only {checked} drafts checked");
    let report: Vec<String> = loud
        .iter()
        .map(|(rule, first)| format!("{rule}: {first}"))
        .collect();
    assert!(
        loud.is_empty(),
        "warnings/errors (first case per rule):\n{}",
        report.join("\n\n")
    );
}

#[test]
fn move_on_is_not_drafted() {
    let (_, store) = &varied_stores()[0];
    let req = request("acme-pm", None, Kind::MoveOn, Channel::Email, None);
    assert_eq!(
        followup::draft::draft(store, &req),
        Err(followup::draft::DraftError::NotDraftable(Kind::MoveOn))
    );
}
