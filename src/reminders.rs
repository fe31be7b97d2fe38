//! Reminders: which open follow-ups to announce now, which are snoozed, when to wake up next,
//! and the words of a notification: discreet by default ("A follow-up is due" — "Due by 2 pm
//! tomorrow"), or, when the profile asks for details, "Thank Dana Lee for the Product Manager
//! interview — due by 2 pm tomorrow". Pure: the worker keeps [`Reminders`] in storage and sets
//! one alarm at [`next_wake`].
//!
//! ```
//! use followup::reminders::notice;
//! let mut store = followup::store::parse(r#"{"version": 1, "interviews": [{"id": "acme",
//!     "company": "Acme", "role": "Product Manager", "at": "2026-11-20T14:00:00-05:00",
//!     "interviewers": [{"id": "dana", "name": "Dana Lee"}]}]}"#).unwrap();
//! let now = chrono::DateTime::parse_from_rfc3339("2026-11-20T16:00:00-05:00").unwrap();
//! let items = followup::schedule::schedule(&store, now);
//! assert_eq!(notice(&store, &items[0], now).title, "A follow-up is due");
//! store.profile.notification_details = true;
//! assert_eq!(notice(&store, &items[0], now).message,
//!     "Thank Dana Lee for the Product Manager interview — due by 2 pm tomorrow.");
//! ```

use crate::failure::Failure;
use crate::model::{Kind, Store};
use crate::schedule::{Due, Status};
use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// What the worker remembers between wake-ups, beside the store.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Reminders {
    /// Item key → hidden until then.
    #[serde(deserialize_with = "crate::dates::serde_with::date_time_map")]
    pub snoozed: BTreeMap<String, DateTime<FixedOffset>>,
    /// Items already announced (not announced again until snoozed and woken).
    pub notified: BTreeSet<String>,
}

/// A stable key for an open item: the JSON array `[interview, interviewer|null, kind]` (ids are
/// free text, so no separator character is safe).
pub fn item_key(item: &Due) -> String {
    key(&item.interview, item.interviewer.as_deref(), item.kind)
}

/// The key of the item of `kind` for `interview` (and `interviewer`, for per-person items).
pub fn key(interview: &str, interviewer: Option<&str>, kind: Kind) -> String {
    serde_json::json!([interview, interviewer, kind]).to_string()
}

/// The parts of an item key, if it is one.
pub fn parse_key(key: &str) -> Option<(String, Option<String>, Kind)> {
    serde_json::from_str(key).ok()
}

/// When to announce an item: a thank-you an hour after the interview began (its window opens
/// with the interview and closes 24 h later), anything else when it falls due.
pub fn remind_at(item: &Due) -> DateTime<FixedOffset> {
    match item.kind {
        Kind::ThankYou => item.due - Duration::hours(23),
        _ => item.due,
    }
}

impl Reminders {
    /// Drops what no longer matters: snoozes that ended and marks of items that are closed.
    pub fn prune(&mut self, items: &[Due], now: DateTime<FixedOffset>) {
        let open: BTreeSet<String> = items.iter().map(item_key).collect();
        self.snoozed
            .retain(|k, until| *until > now && open.contains(k));
        self.notified.retain(|k| open.contains(k));
    }

    /// True when `item` is snoozed at `now`.
    pub fn is_snoozed(&self, item: &Due, now: DateTime<FixedOffset>) -> bool {
        self.snoozed
            .get(&item_key(item))
            .is_some_and(|until| *until > now)
    }

    /// Hides the item with `key` until `until`; it is announced again then.
    pub fn snooze(&mut self, key: String, until: DateTime<FixedOffset>) {
        self.notified.remove(&key);
        self.snoozed.insert(key, until);
    }

    /// Takes back a snooze: the item is listed again at once, and counts as announced (the
    /// user has just seen it in the popup), so no notification follows the Undo.
    pub fn unsnooze(&mut self, key: String) {
        self.snoozed.remove(&key);
        self.notified.insert(key);
    }
}

/// When a snooze asked for at `now` ends: the RFC 3339 time given, else one day later; it must
/// lie in the future.
pub fn snooze_end(
    until: Option<&str>,
    now: DateTime<FixedOffset>,
) -> Result<DateTime<FixedOffset>, Failure> {
    let end = match until {
        Some(s) => DateTime::parse_from_rfc3339(s).map_err(|e| Failure::BadTime {
            field: "until",
            detail: e.to_string(),
        })?,
        None => now + Duration::days(1),
    };
    if end <= now {
        return Err(Failure::BadTime {
            field: "until",
            detail: "the snooze must end in the future".into(),
        });
    }
    Ok(end)
}

/// The items that are not snoozed.
pub fn visible(items: Vec<Due>, state: &Reminders, now: DateTime<FixedOffset>) -> Vec<Due> {
    items
        .into_iter()
        .filter(|i| !state.is_snoozed(i, now))
        .collect()
}

/// Items to announce now (their time has come, not yet announced, not snoozed), soonest first;
/// marks them as announced in `state`.
pub fn take_announcements(
    items: &[Due],
    state: &mut Reminders,
    now: DateTime<FixedOffset>,
) -> Vec<Due> {
    let mut out = Vec::new();
    for item in items {
        if remind_at(item) <= now
            && !state.is_snoozed(item, now)
            && state.notified.insert(item_key(item))
        {
            out.push(item.clone());
        }
    }
    out
}

/// The next moment something changes: an item's reminder time or a snooze ending.
pub fn next_wake(
    items: &[Due],
    state: &Reminders,
    now: DateTime<FixedOffset>,
) -> Option<DateTime<FixedOffset>> {
    let reminders = items
        .iter()
        .filter(|i| !state.notified.contains(&item_key(i)))
        .map(remind_at);
    let snoozes = state.snoozed.values().copied();
    reminders.chain(snoozes).filter(|t| *t > now).min()
}

/// Number of items due or overdue (the toolbar badge).
pub fn pressing(items: &[Due]) -> usize {
    items
        .iter()
        .filter(|d| d.status != Status::Upcoming)
        .count()
}

/// A notification's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    /// Title line.
    pub title: String,
    /// One sentence: what to do and by when.
    pub message: String,
}

/// The notification for `item`: discreet unless the profile asks for details (no company, role
/// or name; what and who are in the popup).
pub fn notice(store: &Store, item: &Due, now: DateTime<FixedOffset>) -> Notice {
    if store.profile.notification_details {
        detailed_notice(store, item, now)
    } else {
        discreet_notice(item, now)
    }
}

fn discreet_notice(item: &Due, now: DateTime<FixedOffset>) -> Notice {
    let when = crate::when::when_words(item.due, now);
    let message = match item.kind {
        Kind::MoveOn => "A follow-up chain has ended. Open Interview Follow-Up to see it.".into(),
        _ if when.starts_with("overdue") => {
            format!(
                "O{}. Open Interview Follow-Up to see who and what.",
                &when[1..]
            )
        }
        _ => format!("Due {when}. Open Interview Follow-Up to see who and what."),
    };
    Notice {
        title: "A follow-up is due".into(),
        message,
    }
}

/// The notification naming company, role and person.
fn detailed_notice(store: &Store, item: &Due, now: DateTime<FixedOffset>) -> Notice {
    let interview = store.interviews.iter().find(|i| i.id == item.interview);
    let company = interview.map_or("the company", |i| i.company.as_str());
    let role = interview.map_or("the", |i| i.role.as_str());
    let person = interview.and_then(|i| i.person(item.interviewer.as_deref()));
    let name = person
        .map(|p| p.name.trim())
        .filter(|n| !n.is_empty())
        .unwrap_or("your interviewer");
    let what = crate::text::fill(
        item.kind.words().notice,
        &[("name", name), ("role", role), ("company", company)],
    );
    let when = crate::when::when_words(item.due, now);
    let message = match item.kind {
        Kind::MoveOn => what,
        _ if when.starts_with("overdue") => format!("{what} — {when}."),
        _ => format!("{what} — due {when}."),
    };
    Notice {
        title: format!("{company} · {}", interview.map_or("", |i| i.role.as_str()))
            .trim_end_matches([' ', '·'])
            .to_string(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn store() -> Store {
        crate::store::parse(
            r#"{"version":1,"interviews":[{"id":"acme","company":"Acme Corp","role":"Product Manager",
              "at":"2026-11-20T14:00:00-05:00","decision_by":"2026-12-01",
              "interviewers":[{"id":"dana","name":"Dana Lee","primary":true},{"id":"li","name":"Li Wei"}]}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn notices_are_discreet_unless_asked() {
        let s = store();
        let now = t("2026-11-20T16:00:00-05:00");
        let items = crate::schedule::schedule(&s, now);
        let n = notice(&s, &items[0], now);
        assert_eq!(n.title, "A follow-up is due");
        assert_eq!(
            n.message,
            "Due by 2 pm tomorrow. Open Interview Follow-Up to see who and what."
        );
        let late = notice(&s, &items[0], t("2026-11-22T10:00:00-05:00"));
        assert!(
            late.message.starts_with("Overdue since"),
            "{}",
            late.message
        );
        for item in &items {
            let n = notice(&s, item, now);
            let words = format!("{} {}", n.title, n.message);
            for secret in ["Acme", "Product", "Dana", "Li Wei"] {
                assert!(!words.contains(secret), "{secret} in {words}");
            }
        }
    }

    #[test]
    fn notice_for_a_thank_you() {
        let mut s = store();
        s.profile.notification_details = true;
        let now = t("2026-11-20T16:00:00-05:00");
        let items = crate::schedule::schedule(&s, now);
        let first = &items[0];
        let n = notice(&s, first, now);
        assert_eq!(n.title, "Acme Corp · Product Manager");
        assert_eq!(
            n.message,
            "Thank Dana Lee for the Product Manager interview — due by 2 pm tomorrow."
        );
        let late = notice(&s, first, t("2026-11-22T10:00:00-05:00"));
        let overdue = crate::schedule::Due {
            status: Status::Overdue,
            ..first.clone()
        };
        assert!(notice(&s, &overdue, t("2026-11-22T10:00:00-05:00"))
            .message
            .contains("— overdue since 2 pm yesterday."));
        assert!(late.message.starts_with("Thank Dana Lee"));
    }

    #[test]
    fn an_undone_snooze_lists_the_item_again_without_announcing_it() {
        let s = store();
        let now = t("2026-11-20T16:00:00-05:00");
        let items = crate::schedule::schedule(&s, now);
        let mut state = Reminders::default();
        let announced = take_announcements(&items, &mut state, now);
        let key = item_key(&announced[0]);
        state.snooze(key.clone(), now + Duration::days(1));
        assert_eq!(visible(items.clone(), &state, now).len(), items.len() - 1);
        state.unsnooze(key.clone());
        assert_eq!(visible(items.clone(), &state, now).len(), items.len());
        assert!(take_announcements(&items, &mut state, now).is_empty());
        // Also when it was snoozed before it was ever announced (from the popup).
        let mut fresh = Reminders::default();
        fresh.snooze(key.clone(), now + Duration::days(1));
        fresh.unsnooze(key);
        let again = take_announcements(&items, &mut fresh, now);
        assert_eq!(again.len(), announced.len() - 1);
    }

    #[test]
    fn announcements_once_snooze_brings_them_back() {
        let s = store();
        let now = t("2026-11-20T16:00:00-05:00");
        let items = crate::schedule::schedule(&s, now);
        let mut state = Reminders::default();
        let first = take_announcements(&items, &mut state, now);
        assert_eq!(
            first.len(),
            2,
            "both thank-yous: the interview began 2 h ago"
        );
        assert!(take_announcements(&items, &mut state, now).is_empty());

        let key = item_key(&first[0]);
        assert_eq!(parse_key(&key).unwrap().0, "acme");
        state.snooze(key, now + Duration::days(1));
        assert_eq!(visible(items.clone(), &state, now).len(), items.len() - 1);
        assert_eq!(
            next_wake(&items, &state, now),
            Some(now + Duration::days(1))
        );
        let tomorrow = now + Duration::days(1) + Duration::minutes(1);
        state.prune(&items, tomorrow);
        let again = take_announcements(&items, &mut state, tomorrow);
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].interviewer.as_deref(), Some("dana"));
    }

    #[test]
    fn snooze_ends_a_day_later_or_when_asked_never_in_the_past() {
        let now = t("2026-11-20T16:00:00-05:00");
        assert_eq!(snooze_end(None, now), Ok(t("2026-11-21T16:00:00-05:00")));
        assert_eq!(
            snooze_end(Some("2026-11-23T09:00:00-05:00"), now),
            Ok(t("2026-11-23T09:00:00-05:00"))
        );
        assert!(snooze_end(Some("2026-11-20T15:00:00-05:00"), now)
            .unwrap_err()
            .to_string()
            .contains("future"));
        assert!(matches!(
            snooze_end(Some("Monday"), now),
            Err(Failure::BadTime { field: "until", .. })
        ));
    }

    #[test]
    fn next_wake_is_the_next_reminder_time() {
        let s = store();
        let before = t("2026-11-20T08:00:00-05:00");
        let items = crate::schedule::schedule(&s, before);
        let state = Reminders::default();
        // Thank-yous are announced an hour after the interview began.
        assert_eq!(
            next_wake(&items, &state, before),
            Some(t("2026-11-20T15:00:00-05:00"))
        );
        assert_eq!(pressing(&items), 0);
    }

    #[test]
    fn prune_forgets_closed_items() {
        let s = store();
        let now = t("2026-11-20T16:00:00-05:00");
        let items = crate::schedule::schedule(&s, now);
        let mut state = Reminders::default();
        take_announcements(&items, &mut state, now);
        state.notified.insert("[\"gone\",null,\"nudge\"]".into());
        state.prune(&items, now);
        assert_eq!(state.notified.len(), 2);
    }
}
