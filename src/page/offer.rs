//! What the helper offers for one compose: the follow-ups that fit its recipients, most
//! relevant first (a thank-you before anything else, then what is due or overdue, then the
//! schedule's order).
//!
//! The worker computes the offer; the content script only ever sees the offer for the people
//! on its compose. Nobody tracked on screen means an empty offer: a page cannot learn anything
//! of the job search by showing a compose addressed to somebody else.

use super::people::{matches, Person, Who};
use crate::model::{Kind, Store};
use crate::schedule::{schedule, Status};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// One follow-up the helper can insert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// Interview id.
    pub interview: String,
    /// Interviewer id.
    pub interviewer: Option<String>,
    /// Kind of message.
    pub kind: Kind,
    /// For a person: "Thank-you · Dana Lee · Acme Corp" (text, never markup).
    pub label: String,
    /// The interviewer's name as tracked (for the greeting check).
    #[serde(default)]
    pub name: Option<String>,
    /// What the checker knows of this interview and person (company, their topics, the
    /// candidate's skills and promised items): mentioning them counts as specific detail.
    #[serde(default)]
    pub facts: crate::tone::Facts,
}

/// The helper's offer for one compose.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    /// Candidates, most relevant first.
    pub choices: Vec<Choice>,
    /// Whether the first choice can be inserted without asking: exactly one tracked
    /// interviewer is addressed and something is open for them.
    pub direct: bool,
    /// How many tracked interviewers the recipients matched.
    pub matched: usize,
}

impl Offer {
    /// What the helper's insert button says (`label`, shown) and explains (`title`, its
    /// tooltip): whom the follow-up is for, so the user knows before clicking. The page never
    /// reads it (it sits in a closed shadow root, in a button of fixed width).
    pub fn button(&self) -> (String, String) {
        let first = match self.choices.first() {
            None => {
                return (
                    "Insert follow-up".to_string(),
                    "No tracked interviewer here — open the toolbar popup".to_string(),
                )
            }
            Some(c) => c,
        };
        let whom = first.name.as_deref().unwrap_or("this interviewer");
        if self.direct {
            (
                format!("{} for {whom}", first.kind.words().chooser),
                format!("Insert: {}", first.label),
            )
        } else if self.matched == 1 {
            (
                format!("Follow-up for {whom}"),
                format!("Choose which follow-up to insert for {whom}"),
            )
        } else {
            (
                "Choose a follow-up".to_string(),
                format!(
                    "{} tracked interviewers here: choose whom to write to",
                    self.matched
                ),
            )
        }
    }
}

/// The choice of `kind` for the interviewer `who`.
pub(super) fn choice(store: &Store, who: Who, kind: Kind) -> Choice {
    let iv = &store.interviews[who.0];
    let person = &iv.interviewers[who.1];
    Choice {
        interview: iv.id.clone(),
        interviewer: Some(person.id.clone()),
        kind,
        label: format!(
            "{} · {} · {}",
            kind.words().chooser,
            person.name.trim(),
            iv.company.trim()
        ),
        name: Some(person.name.trim().to_string()).filter(|n| !n.is_empty()),
        facts: crate::tone::Facts::of_interview(iv, Some(&person.id)),
    }
}

/// One open follow-up and who it is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Open {
    /// The interviewer it is for (an item without one belongs to the interview's primary, or
    /// first, interviewer).
    pub who: Who,
    /// Kind of message.
    pub kind: Kind,
    /// Whether it is upcoming, due or overdue.
    pub status: Status,
}

/// The open follow-ups as of `now` (move-on items left out: nothing is written for them), most
/// relevant first: thank-yous, then what is due or overdue, then the schedule's order.
pub(super) fn open_items(store: &Store, now: DateTime<FixedOffset>) -> Vec<Open> {
    let owner = |interview: &str, interviewer: &Option<String>| -> Option<Who> {
        let i = store.interviews.iter().position(|iv| iv.id == interview)?;
        let iv = &store.interviews[i];
        let j = match interviewer {
            Some(id) => iv.interviewers.iter().position(|p| &p.id == id)?,
            None => iv.interviewers.iter().position(|p| p.primary).unwrap_or(0),
        };
        (j < iv.interviewers.len()).then_some((i, j))
    };
    let rank = |o: &Open| (o.kind != Kind::ThankYou, o.status == Status::Upcoming);
    let mut open: Vec<Open> = schedule(store, now)
        .iter()
        .filter(|d| d.kind != Kind::MoveOn)
        .filter_map(|d| {
            owner(&d.interview, &d.interviewer).map(|who| Open {
                who,
                kind: d.kind,
                status: d.status,
            })
        })
        .collect();
    // Stable on the schedule's order within a rank.
    crate::order::sort_by_key(&mut open, rank);
    open
}

/// The follow-ups for a compose addressed to `people`, as of `now`.
///
/// Open items of the matched interviewers come first (items without an interviewer belong to
/// the interview's primary, or first, interviewer); a matched interviewer with nothing open is
/// offered every draftable kind. When nobody matches, nothing is offered.
pub fn offer(store: &Store, people: &[Person], now: DateTime<FixedOffset>) -> Offer {
    let matched = matches(store, people);
    let open = open_items(store, now);
    let mut choices: Vec<Choice> = Vec::new();
    let mut direct = false;
    if !matched.is_empty() {
        for &who in &matched {
            let mine: Vec<Choice> = open
                .iter()
                .filter(|o| o.who == who)
                .map(|o| choice(store, o.who, o.kind))
                .collect();
            if mine.is_empty() {
                choices.extend(Kind::DRAFTABLE.iter().map(|&k| choice(store, who, k)));
            } else {
                direct = matched.len() == 1;
                choices.extend(mine);
            }
        }
        if matched.len() > 1 {
            // Several people: their most relevant items first, then the rest.
            let key = |c: &Choice| {
                open.iter()
                    .position(|o| {
                        let (i, j) = o.who;
                        store.interviews[i].id == c.interview
                            && Some(&store.interviews[i].interviewers[j].id)
                                == c.interviewer.as_ref()
                            && o.kind == c.kind
                    })
                    .unwrap_or(usize::MAX)
            };
            crate::order::sort_by_key(&mut choices, key);
        }
    }
    Offer {
        choices,
        direct,
        matched: matched.len(),
    }
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
                 {"id": "raj", "name": "Raj Patel", "email": "raj@acme.example", "topics": ["the Q3 pricing test"]}],
               "events": [{"kind": "sent", "follow_up": "thank-you", "interviewer": "raj", "at": "2026-11-20T18:00:00-05:00"}]},
              {"id": "fable", "company": "Fable", "role": "Writer", "at": "2026-11-23T09:30:00-05:00",
               "interviewers": [{"id": "maria", "name": "Maria Gomez"}]}]}"#,
        )
        .unwrap()
    }

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-23T12:00:00-05:00").unwrap()
    }

    fn email(e: &str) -> Person {
        Person {
            email: Some(e.into()),
            ..Person::default()
        }
    }

    #[test]
    fn one_matched_person_gets_their_thank_you_first_and_directly() {
        let o = offer(&store(), &[email("dana@acme.example")], now());
        assert!(o.direct);
        assert_eq!(o.matched, 1);
        assert_eq!(o.choices[0].kind, Kind::ThankYou);
        assert_eq!(o.choices[0].interviewer.as_deref(), Some("dana"));
        assert_eq!(o.choices[0].label, "Thank-you · Dana Lee · Acme");
        assert!(o
            .choices
            .iter()
            .all(|c| c.interviewer.as_deref() == Some("dana")));
    }

    #[test]
    fn the_button_says_whom_the_follow_up_is_for() {
        let dana = offer(&store(), &[email("dana@acme.example")], now());
        assert_eq!(
            dana.button(),
            (
                "Thank-you for Dana Lee".to_string(),
                "Insert: Thank-you · Dana Lee · Acme".to_string()
            )
        );
        let raj = offer(&store(), &[email("raj@acme.example")], now());
        assert_eq!(raj.button().0, "Follow-up for Raj Patel");
        let both = offer(
            &store(),
            &[email("dana@acme.example"), email("raj@acme.example")],
            now(),
        );
        assert_eq!(both.button().0, "Choose a follow-up");
        assert!(both.button().1.starts_with("2 tracked interviewers"));
        assert_eq!(Offer::default().button().0, "Insert follow-up");
    }

    #[test]
    fn a_person_with_nothing_open_is_offered_every_kind() {
        let o = offer(&store(), &[email("raj@acme.example")], now());
        assert!(!o.direct);
        assert_eq!(o.choices.len(), Kind::DRAFTABLE.len());
    }

    #[test]
    fn nobody_matched_offers_nothing_of_anybody_else() {
        for people in [vec![Person::named("Someone Else")], vec![]] {
            let o = offer(&store(), &people, now());
            assert_eq!(o, Offer::default(), "{people:?}");
        }
    }

    #[test]
    fn choices_carry_only_the_matched_persons_data() {
        let o = offer(&store(), &[email("dana@acme.example")], now());
        let text = serde_json::to_string(&o).unwrap();
        assert!(text.contains("Dana Lee"));
        for other in ["Raj", "Maria", "Fable", "raj@", "Writer", "pricing"] {
            assert!(!text.contains(other), "{other} leaked: {text}");
        }
        assert_eq!(o.choices[0].facts.company.as_deref(), Some("Acme"));
    }

    #[test]
    fn several_people_need_a_choice() {
        let o = offer(
            &store(),
            &[email("dana@acme.example"), Person::named("Maria Gomez")],
            now(),
        );
        assert!(!o.direct);
        assert_eq!(o.matched, 2);
        assert_eq!(o.choices[0].kind, Kind::ThankYou);
    }

    #[test]
    fn an_empty_store_offers_nothing() {
        let o = offer(&Store::default(), &[email("dana@acme.example")], now());
        assert_eq!(o, Offer::default());
    }
}
