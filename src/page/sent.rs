//! What a message sent from a compose records: the follow-up it answers, for the people it was
//! addressed to, and what the in-page helper may take back.
//!
//! The content script sees the user send (the site's Send button, or its keyboard shortcut)
//! and then the compose close or empty; it tells the worker who the compose was addressed to
//! and which draft, if any, the user inserted. The worker decides here, from the store the page
//! never sees, which open follow-up that message answers:
//!
//! - the inserted draft's follow-up, when it is still open for one of those people;
//! - otherwise, for each tracked interviewer addressed, their most relevant follow-up that is
//!   already due (a thank-you first): a message written to Dana the day after the interview is
//!   her thank-you; one written before a status check is due answers nothing;
//! - nothing for people nobody tracks, and nothing when the user records sends by hand.
//!
//! A recorded event says when (now) and how (`channel`); nudges count from it. Its Undo is
//! accepted for [`UNDO_WINDOW_MINUTES`], only for an event the page recorded (it names a
//! channel) for somebody on that same compose.

use super::offer::{choice, open_items};
use super::people::{matches, Person};
use crate::model::{Channel, Event, Kind, Store};
use crate::schedule::Status;
use chrono::{DateTime, FixedOffset, TimeDelta};
use serde::{Deserialize, Serialize};

/// How long after a send its Undo is accepted from the page.
pub const UNDO_WINDOW_MINUTES: i64 = 10;

/// A follow-up the user inserted from the helper's offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pick {
    /// Interview id.
    pub interview: String,
    /// Interviewer id.
    #[serde(default)]
    pub interviewer: Option<String>,
    /// Kind of message.
    pub kind: Kind,
}

/// One follow-up a send answers: the event to record and what the page shows of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// Interview id.
    pub interview: String,
    /// The event to record.
    pub event: Event,
    /// Kind, person and company, as the offer labels it ("Thank-you · Dana Lee · Acme").
    pub label: String,
}

/// The follow-ups a message sent at `now` through `channel` to `people` answers (see the module
/// documentation), as events ready to record.
pub fn answered(
    store: &Store,
    people: &[Person],
    chosen: Option<&Pick>,
    channel: Channel,
    now: DateTime<FixedOffset>,
) -> Vec<Answer> {
    if store.profile.record_sent_by_hand {
        return Vec::new();
    }
    let matched = matches(store, people);
    let open = open_items(store, now);
    let id_of = |(i, j): (usize, usize)| {
        (
            &store.interviews[i].id,
            &store.interviews[i].interviewers[j].id,
        )
    };
    let picked: Vec<_> = match chosen {
        Some(p) => open
            .iter()
            .filter(|o| matched.contains(&o.who) && o.kind == p.kind)
            .filter(|o| {
                let (interview, interviewer) = id_of(o.who);
                *interview == p.interview && Some(interviewer) == p.interviewer.as_ref()
            })
            .take(1)
            .collect(),
        None => matched
            .iter()
            .filter_map(|who| {
                open.iter()
                    .find(|o| o.who == *who && o.status != Status::Upcoming)
            })
            .collect(),
    };
    picked
        .into_iter()
        .map(|o| {
            let c = choice(store, o.who, o.kind);
            Answer {
                interview: c.interview,
                event: Event::sent(o.kind, c.interviewer.as_deref(), now).via(channel),
                label: c.label,
            }
        })
        .collect()
}

/// Records `answers` in a copy of `store`.
pub fn record(store: &Store, answers: &[Answer]) -> Result<Store, crate::store::StoreError> {
    let mut next = store.clone();
    for r in answers {
        next.push_event(&r.interview, r.event.clone())?;
    }
    Ok(next)
}

/// Whether the page may take back `event` on `interview` for the people of its compose or its
/// opened reply: an event the page recorded (a send or a reply; it names a channel), at most
/// [`UNDO_WINDOW_MINUTES`] old, for one of those people. The error says why not.
pub fn may_undo(
    store: &Store,
    people: &[Person],
    interview: &str,
    event: &Event,
    now: DateTime<FixedOffset>,
) -> Result<(), &'static str> {
    if event.channel.is_none() {
        return Err("only what the page recorded can be taken back from the page");
    }
    let age = now.signed_duration_since(event.at);
    if age > TimeDelta::minutes(UNDO_WINDOW_MINUTES) || age < TimeDelta::minutes(-1) {
        return Err("that is too old to take back from the page");
    }
    let addressed = matches(store, people).into_iter().any(|(i, j)| {
        let iv = &store.interviews[i];
        iv.id == interview && event.interviewer.as_ref() == Some(&iv.interviewers[j].id)
    });
    if !addressed {
        return Err("that is not for the people on this page");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> Store {
        crate::store::parse(
            r#"{"version": 1, "interviews": [
              {"id": "acme", "company": "Acme", "role": "PM", "at": "2026-11-20T14:00:00-05:00",
               "decision_by": "2026-11-24",
               "interviewers": [
                 {"id": "dana", "name": "Dana Lee", "email": "dana@acme.example", "primary": true},
                 {"id": "raj", "name": "Raj Patel", "email": "raj@acme.example"}],
               "events": [{"kind": "sent", "follow_up": "thank-you", "interviewer": "raj", "at": "2026-11-20T18:00:00-05:00"}]}]}"#,
        )
        .unwrap()
    }

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    const NEXT_DAY: &str = "2026-11-21T10:00:00-05:00";

    fn email(e: &str) -> Person {
        Person {
            email: Some(e.into()),
            ..Person::default()
        }
    }

    fn pick(interviewer: &str, kind: Kind) -> Pick {
        Pick {
            interview: "acme".into(),
            interviewer: Some(interviewer.into()),
            kind,
        }
    }

    #[test]
    fn a_message_to_dana_the_day_after_is_her_thank_you() {
        let r = answered(
            &store(),
            &[email("dana@acme.example")],
            None,
            Channel::Email,
            at(NEXT_DAY),
        );
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].label, "Thank-you · Dana Lee · Acme");
        assert_eq!(r[0].event.follow_up, Some(Kind::ThankYou));
        assert_eq!(r[0].event.interviewer.as_deref(), Some("dana"));
        assert_eq!(r[0].event.channel, Some(Channel::Email));
        assert_eq!(r[0].event.at, at(NEXT_DAY));
        let next = record(&store(), &r).unwrap();
        let left = answered(
            &next,
            &[email("dana@acme.example")],
            None,
            Channel::Email,
            at(NEXT_DAY),
        );
        assert!(left.is_empty(), "recorded once: {left:?}");
    }

    #[test]
    fn nothing_due_nothing_recorded_unless_the_user_inserted_it() {
        // Raj was thanked; his interview's status check (to Dana) is not due until Nov 26.
        let raj = [email("raj@acme.example")];
        assert!(answered(&store(), &raj, None, Channel::Email, at(NEXT_DAY)).is_empty());
        let early = answered(
            &store(),
            &[email("dana@acme.example")],
            Some(&pick("dana", Kind::StatusCheck)),
            Channel::Linkedin,
            at(NEXT_DAY),
        );
        assert_eq!(early.len(), 1, "an inserted status check is recorded");
        assert_eq!(early[0].event.follow_up, Some(Kind::StatusCheck));
        // A kind that is not open (Raj's thank-you is done) records nothing.
        let done = answered(
            &store(),
            &raj,
            Some(&pick("raj", Kind::ThankYou)),
            Channel::Email,
            at(NEXT_DAY),
        );
        assert!(done.is_empty());
    }

    #[test]
    fn untracked_people_and_picks_for_others_record_nothing() {
        let s = store();
        let nobody = [email("someone@else.example")];
        assert!(answered(&s, &nobody, None, Channel::Email, at(NEXT_DAY)).is_empty());
        // A pick for Dana on a compose to somebody else is refused.
        let forged = answered(
            &s,
            &nobody,
            Some(&pick("dana", Kind::ThankYou)),
            Channel::Email,
            at(NEXT_DAY),
        );
        assert!(forged.is_empty());
    }

    #[test]
    fn each_tracked_person_addressed_gets_their_own() {
        let mut s = store();
        s.interviews[0].events.clear();
        let both = [email("dana@acme.example"), email("raj@acme.example")];
        let r = answered(&s, &both, None, Channel::Email, at(NEXT_DAY));
        let who: Vec<_> = r
            .iter()
            .map(|r| r.event.interviewer.clone().unwrap())
            .collect();
        assert_eq!(who, ["dana", "raj"]);
    }

    #[test]
    fn recording_by_hand_turns_it_off() {
        let mut s = store();
        s.profile.record_sent_by_hand = true;
        let dana = [email("dana@acme.example")];
        assert!(answered(&s, &dana, None, Channel::Email, at(NEXT_DAY)).is_empty());
    }

    #[test]
    fn undo_only_for_a_fresh_page_send_to_the_same_people() {
        let s = store();
        let dana = [email("dana@acme.example")];
        let r = answered(&s, &dana, None, Channel::Email, at(NEXT_DAY));
        let next = record(&s, &r).unwrap();
        let event = &r[0].event;
        assert_eq!(may_undo(&next, &dana, "acme", event, at(NEXT_DAY)), Ok(()));
        let later = at("2026-11-21T10:11:00-05:00");
        assert!(may_undo(&next, &dana, "acme", event, later).is_err());
        let raj = [email("raj@acme.example")];
        assert!(may_undo(&next, &raj, "acme", event, at(NEXT_DAY)).is_err());
        // Raj's thank-you was marked by hand (no channel): not the page's to take back.
        let by_hand = &s.interviews[0].events[0];
        let just_now = Event {
            at: at(NEXT_DAY),
            ..by_hand.clone()
        };
        assert!(may_undo(&next, &raj, "acme", &just_now, at(NEXT_DAY)).is_err());
    }
}
