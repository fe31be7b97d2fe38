//! A reply the user opened in Gmail or LinkedIn: whether it comes from a tracked interviewer,
//! what it says ([`crate::reply::classify`]), and the event that records it.
//!
//! The content script reads only the message the user has open (its sender, subject and text)
//! and asks the worker; the worker answers from the store the page never sees:
//!
//! - nothing when the sender is nobody tracked, when the interview with them has not happened yet,
//!   when the message is an automatic answer (out of office), or when the interview's latest event
//!   is already a reply (the user recorded it, or opened the same thread again);
//! - otherwise who replied ("Dana Lee · Acme Corp") and the outcome the classifier pre-selects,
//!   which the user confirms or changes. Recording it stops the nudges and, for a rejection or good
//!   news, puts the answer on the list (the schedule's reply rules).
//!
//! The reply is recorded at the time the user records it: the page's dates are localized text.

use super::people::{matches, Person, Who};
use super::sent::Answer;
use crate::model::{Channel, Event, EventKind, Outcome, Store};
use crate::reply::classify;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// Message text beyond this many bytes is not read (the start of a reply says what it is).
pub const MAX_BODY: usize = 20_000;

/// What the page may offer for an opened reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyOffer {
    /// Interview id.
    pub interview: String,
    /// Who replied: "Dana Lee · Acme Corp" (text, never markup).
    pub label: String,
    /// The outcome to pre-select.
    pub outcome: Outcome,
    /// What the classifier read it as (`rejection`, `advance`, `scheduling`, `other`).
    pub reads_as: String,
}

/// The tracked interviewer `from` is, for an interview that has happened by `now`: the latest
/// such interview when they took part in several.
fn sender(store: &Store, from: &[Person], now: DateTime<FixedOffset>) -> Option<Who> {
    // The first of the latest (`min_by_key` keeps the first of equals).
    matches(store, from)
        .into_iter()
        .filter(|&(i, _)| store.interviews[i].at <= now)
        .min_by_key(|&(i, _)| std::cmp::Reverse(store.interviews[i].at))
}

/// What to offer for a message from `from` with `subject` and `body`, opened at `now` (see the
/// module documentation).
pub fn offer_reply(
    store: &Store,
    from: &[Person],
    subject: &str,
    body: &str,
    now: DateTime<FixedOffset>,
) -> Option<ReplyOffer> {
    let (i, j) = sender(store, from, now)?;
    let iv = &store.interviews[i];
    let latest = iv.events.iter().max_by_key(|e| e.at);
    if latest.is_some_and(|e| e.kind == EventKind::Reply) {
        return None;
    }
    let read = classify(
        subject,
        &body[..crate::text::floor_boundary(body, MAX_BODY)],
    );
    // An automatic answer (out of office) has no outcome: it is not a reply.
    let outcome = read.kind.outcome()?;
    let person = &iv.interviewers[j];
    Some(ReplyOffer {
        interview: iv.id.clone(),
        label: format!("{} · {}", person.name.trim(), iv.company.trim()),
        outcome,
        reads_as: read.kind.as_str().to_string(),
    })
}

/// The reply event for a message from `from` on `interview`, with the outcome the user chose:
/// refused unless the sender is a tracked interviewer of that interview.
pub fn reply_answer(
    store: &Store,
    from: &[Person],
    interview: &str,
    outcome: Outcome,
    channel: Channel,
    now: DateTime<FixedOffset>,
) -> Result<Answer, &'static str> {
    let (i, j) = matches(store, from)
        .into_iter()
        .find(|&(i, _)| store.interviews[i].id == interview)
        .ok_or("that reply is not from a person tracked for that interview")?;
    let iv = &store.interviews[i];
    let person = &iv.interviewers[j];
    Ok(Answer {
        interview: iv.id.clone(),
        event: Event::reply(outcome, Some(&person.id), now).via(channel),
        label: format!(
            "Reply from {} · {} ({})",
            person.name.trim(),
            iv.company.trim(),
            outcome.words()
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> Store {
        crate::store::parse(
            r#"{"version": 1, "interviews": [
              {"id": "acme", "company": "Acme", "role": "PM", "at": "2026-11-20T14:00:00-05:00",
               "interviewers": [{"id": "dana", "name": "Dana Lee", "email": "dana@acme.example"}],
               "events": [{"kind": "sent", "follow_up": "thank-you", "interviewer": "dana", "at": "2026-11-20T18:00:00-05:00"}]},
              {"id": "later", "company": "Later Inc", "role": "PM", "at": "2026-12-20T14:00:00-05:00",
               "interviewers": [{"id": "li", "name": "Li Wei", "email": "li@later.example"}]}]}"#,
        )
        .unwrap()
    }

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-25T10:00:00-05:00").unwrap()
    }

    fn from(e: &str) -> Vec<Person> {
        vec![Person {
            email: Some(e.into()),
            name: Some("Whoever".into()),
            profile: None,
        }]
    }

    const REJECTION: &str = "Thank you for your time. Unfortunately, we have decided to move forward with other candidates.";

    #[test]
    fn a_rejection_from_dana_is_offered_as_not_selected() {
        let o = offer_reply(
            &store(),
            &from("dana@acme.example"),
            "Re: Thank you",
            REJECTION,
            now(),
        )
        .unwrap();
        assert_eq!(o.interview, "acme");
        assert_eq!(o.label, "Dana Lee · Acme");
        assert_eq!(o.outcome, Outcome::Negative);
        assert_eq!(o.reads_as, "rejection");
        let good = offer_reply(
            &store(),
            &from("dana@acme.example"),
            "Next steps",
            "We would like to invite you to a final round.",
            now(),
        )
        .unwrap();
        assert_eq!(good.outcome, Outcome::Positive);
    }

    #[test]
    fn nothing_for_strangers_auto_replies_future_interviews_and_recorded_replies() {
        let s = store();
        let none = |from: &[Person], body: &str, s: &Store| offer_reply(s, from, "", body, now());
        assert_eq!(none(&from("someone@else.example"), REJECTION, &s), None);
        assert_eq!(
            none(
                &from("dana@acme.example"),
                "I am out of the office until Monday with limited access to email.",
                &s
            ),
            None
        );
        assert_eq!(none(&from("li@later.example"), REJECTION, &s), None);
        let answer = reply_answer(
            &s,
            &from("dana@acme.example"),
            "acme",
            Outcome::Negative,
            Channel::Email,
            now(),
        )
        .unwrap();
        assert_eq!(answer.label, "Reply from Dana Lee · Acme (Not selected)");
        assert_eq!(answer.event.channel, Some(Channel::Email));
        let recorded = super::super::sent::record(&s, &[answer]).unwrap();
        assert_eq!(none(&from("dana@acme.example"), REJECTION, &recorded), None);
    }

    #[test]
    fn a_reply_is_recorded_only_for_its_senders_interview() {
        let s = store();
        let refused = reply_answer(
            &s,
            &from("li@later.example"),
            "acme",
            Outcome::Positive,
            Channel::Email,
            now(),
        );
        assert!(refused.is_err());
    }

    #[test]
    fn a_long_reply_is_read_from_its_start_on_a_character_boundary() {
        // 3-byte characters around the cut, and the rejection only past it.
        let long = format!("{}{REJECTION}", "€".repeat(MAX_BODY / 3 + 1));
        let o = offer_reply(&store(), &from("dana@acme.example"), "", &long, now()).unwrap();
        assert_eq!(
            o.outcome,
            Outcome::Neutral,
            "the cue past the cut is not read"
        );
        let o = offer_reply(&store(), &from("dana@acme.example"), "", REJECTION, now()).unwrap();
        assert_eq!(o.outcome, Outcome::Negative);
    }
}
