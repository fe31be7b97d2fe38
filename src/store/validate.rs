//! Rules that span fields: unique ids, events that name known interviewers, no field both
//! known and in `extra`. Run after parsing and before every edit is applied.

use super::error::{quote, StoreError};
use super::migrate::CURRENT_VERSION;
use crate::model::{Extra, Interview, Profile, Store};

/// Ids seen so far, each with the index where it first appeared, sorted by id (a map in a
/// vector: no hash table in the module; DESIGN.md, "Small sets without hash tables").
#[derive(Default)]
struct Seen<'a>(Vec<(&'a str, usize)>);

impl<'a> Seen<'a> {
    /// Records `id` at `index`; when it was seen before, returns where (and keeps the first).
    fn insert(&mut self, id: &'a str, index: usize) -> Option<usize> {
        match self.0.binary_search_by(|(k, _)| (*k).cmp(id)) {
            Ok(at) => Some(self.0[at].1),
            Err(at) => {
                self.0.insert(at, (id, index));
                None
            }
        }
    }

    fn contains(&self, id: &str) -> bool {
        self.0.binary_search_by(|(k, _)| (*k).cmp(id)).is_ok()
    }
}

/// JSON names of the fields each type knows; `extra` must not repeat them (the export would
/// then hold the key twice).
const STORE_FIELDS: &[&str] = &["version", "profile", "interviews"];
const PROFILE_FIELDS: &[&str] = &[
    "name",
    "email",
    "phone",
    "signature",
    "holidays",
    "notification_details",
    "record_sent_by_hand",
];
const INTERVIEW_FIELDS: &[&str] = &[
    "id",
    "company",
    "role",
    "industry",
    "stage",
    "format",
    "at",
    "decision_by",
    "skills",
    "promised",
    "interviewers",
    "events",
];
const INTERVIEWER_FIELDS: &[&str] = &[
    "id", "name", "title", "email", "linkedin", "topics", "primary",
];
const EVENT_FIELDS: &[&str] = &[
    "kind",
    "follow_up",
    "interviewer",
    "at",
    "outcome",
    "channel",
];

/// Checks the rules a parsed or edited store must keep.
///
/// Interview ids are unique in the store, interviewer ids unique within their interview, every
/// event's `interviewer` names one of the interview's interviewers, and required text is not
/// blank.
pub fn validate(store: &Store) -> Result<(), StoreError> {
    if store.version != CURRENT_VERSION {
        return Err(StoreError::new(
            "version",
            format!("expected {CURRENT_VERSION}, found {}", store.version),
        ));
    }
    no_shadowing(&store.extra, STORE_FIELDS, "")?;
    validate_profile(&store.profile)?;
    let mut seen = Seen::default();
    for (i, interview) in store.interviews.iter().enumerate() {
        let path = format!("interviews[{i}]");
        if let Some(first) = seen.insert(&interview.id, i) {
            return Err(StoreError::new(
                format!("{path}.id"),
                format!(
                    "duplicate interview id {} (also interviews[{first}])",
                    quote(&interview.id)
                ),
            ));
        }
        validate_interview(interview, &path)?;
    }
    Ok(())
}

/// The profile's own rules.
pub(crate) fn validate_profile(profile: &Profile) -> Result<(), StoreError> {
    no_shadowing(&profile.extra, PROFILE_FIELDS, "profile")
}

/// Checks one interview on its own; `path` is where it sits, e.g. `interviews[3]`.
pub(crate) fn validate_interview(interview: &Interview, path: &str) -> Result<(), StoreError> {
    for (field, value) in [
        ("id", &interview.id),
        ("company", &interview.company),
        ("role", &interview.role),
    ] {
        if value.trim().is_empty() {
            return Err(StoreError::new(
                format!("{path}.{field}"),
                "must not be empty",
            ));
        }
    }
    no_shadowing(&interview.extra, INTERVIEW_FIELDS, path)?;
    let mut seen = Seen::default();
    for (j, person) in interview.interviewers.iter().enumerate() {
        let here = format!("{path}.interviewers[{j}]");
        if person.id.trim().is_empty() {
            return Err(StoreError::new(format!("{here}.id"), "must not be empty"));
        }
        if let Some(first) = seen.insert(&person.id, j) {
            return Err(StoreError::new(
                format!("{here}.id"),
                format!(
                    "duplicate interviewer id {} (also interviewers[{first}])",
                    quote(&person.id)
                ),
            ));
        }
        no_shadowing(&person.extra, INTERVIEWER_FIELDS, &here)?;
    }
    for (k, event) in interview.events.iter().enumerate() {
        let here = format!("{path}.events[{k}]");
        if let Some(who) = &event.interviewer {
            if !seen.contains(who) {
                return Err(StoreError::new(
                    format!("{here}.interviewer"),
                    format!("no interviewer {} in this interview", quote(who)),
                ));
            }
        }
        no_shadowing(&event.extra, EVENT_FIELDS, &here)?;
    }
    Ok(())
}

fn no_shadowing(extra: &Extra, known: &[&str], path: &str) -> Result<(), StoreError> {
    match known.iter().find(|k| extra.contains_key(**k)) {
        Some(key) => Err(StoreError::new(
            path,
            format!("field {key:?} is also present among the unknown fields"),
        )),
        None => Ok(()),
    }
}
