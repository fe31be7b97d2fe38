//! Importing a backup into the data already here, without losing either: what only the backup
//! has is added (interviews, interviewers, recorded messages and replies, list items, fields left
//! empty here, unknown fields), and what both have keeps the value here. Nothing is deleted.
//!
//! ```
//! let here = followup::store::parse(r#"{"version": 1, "interviews": [{"id": "a",
//!     "company": "Acme", "role": "PM", "at": "2026-11-20T14:00:00-05:00", "skills": ["SQL"]}]}"#).unwrap();
//! let backup = followup::store::parse(r#"{"version": 1, "interviews": [{"id": "a",
//!     "company": "Acme Corp", "role": "PM", "at": "2026-11-20T14:00:00-05:00",
//!     "skills": ["SQL", "research"], "decision_by": "2026-12-01"},
//!     {"id": "b", "company": "Globex", "role": "Analyst", "at": "2026-11-21T10:00:00Z"}]}"#).unwrap();
//! let (merged, report) = followup::store::merge_backup(&here, &backup).unwrap();
//! assert_eq!(merged.interviews[0].company, "Acme");
//! assert_eq!(merged.interviews[0].skills, ["SQL", "research"]);
//! assert_eq!(merged.interviews.len(), 2);
//! assert_eq!(report.added, ["Globex (Analyst)"]);
//! assert_eq!(report.enriched, ["Acme (PM): the decision date, 1 skill"]);
//! ```

use super::error::StoreError;
use super::read::from_value;
use crate::model::Store;
use serde_json::{Map, Value};

/// What a merge adds, in words for its preview.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Interviews only in the backup, "Globex (Analyst)".
    pub added: Vec<String>,
    /// Interviews here that get something from the backup, with what: "Acme (PM): 2 recorded
    /// messages or replies, the decision date".
    pub enriched: Vec<String>,
    /// Interviews here that stay as they are (in the backup unchanged, or not in it).
    pub kept: usize,
    /// Profile fields filled in from the backup ("your phone").
    pub profile: Vec<String>,
}

impl MergeReport {
    /// True when the merge adds nothing.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.enriched.is_empty() && self.profile.is_empty()
    }
}

fn tree(store: &Store) -> Value {
    // Through text, as `sync::doc::flatten` does: no second serialiser for the store.
    let text = serde_json::to_string(store).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// Whether a value counts as set (a missing, empty or null one does not).
fn set(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
        Some(_) => true,
    }
}

/// Fills `here` from `there`: a field not set here takes the backup's; a list of plain values
/// gets the backup's items it lacks (in the backup's order, after its own). The words say what
/// changed: `the` and the field's `name` ("the decision date"), or a count ("2 skills").
fn fill(
    here: &mut Map<String, Value>,
    there: &Map<String, Value>,
    said: &mut Vec<String>,
    (the, name): (&str, fn(&str) -> String),
) {
    for (key, theirs) in there {
        if matches!(key.as_str(), "id" | "interviewers" | "events") || !set(Some(theirs)) {
            continue;
        }
        match (here.get_mut(key), theirs) {
            (Some(Value::Array(mine)), Value::Array(theirs)) => {
                let before = mine.len();
                for item in theirs {
                    if !mine.contains(item) {
                        mine.push(item.clone());
                    }
                }
                if mine.len() > before {
                    said.push(crate::text::count(mine.len() - before, &name(key)));
                }
            }
            (mine, _) if !set(mine.as_deref()) => {
                here.insert(key.clone(), theirs.clone());
                said.push(format!("{the}{}", name(key)));
            }
            _ => {}
        }
    }
}

/// How a field is named in the preview.
fn field_name(key: &str) -> String {
    match key {
        "decision_by" => "decision date".into(),
        "skills" => "skill".into(),
        "promised" => "promised item".into(),
        "topics" => "topic".into(),
        "at" => "date and time".into(),
        "holidays" => "day off".into(),
        other => other.replace('_', " "),
    }
}

fn label(iv: &Map<String, Value>) -> String {
    let text = |k: &str| {
        iv.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    format!("{} ({})", text("company"), text("role"))
}

/// `current` with what only `backup` has added (see the module's documentation), and what that
/// adds. The result is read as an import is, so it is refused with the path of a problem,
/// never stored half-checked.
pub fn merge_backup(current: &Store, backup: &Store) -> Result<(Store, MergeReport), StoreError> {
    let (mut here, there) = (tree(current), tree(backup));
    let mut report = MergeReport::default();
    let (Some(root), Some(theirs)) = (here.as_object_mut(), there.as_object()) else {
        return Err(StoreError::new(".", "not a store"));
    };
    // The profile and the store's own unknown fields.
    let mut profile = root
        .remove("profile")
        .and_then(|p| p.as_object().cloned())
        .unwrap_or_default();
    if let Some(Value::Object(p)) = theirs.get("profile") {
        let yours: fn(&str) -> String = |k| format!("your {}", field_name(k));
        fill(&mut profile, p, &mut report.profile, ("", yours));
    }
    if !profile.is_empty() {
        root.insert("profile".into(), Value::Object(profile));
    }
    for (key, value) in theirs {
        if !matches!(key.as_str(), "version" | "profile" | "interviews") && !root.contains_key(key)
        {
            root.insert(key.clone(), value.clone());
        }
    }
    let mut interviews = match root.remove("interviews") {
        Some(Value::Array(list)) => list,
        _ => Vec::new(),
    };
    let id = |iv: &Value| iv.get("id").and_then(Value::as_str).map(str::to_owned);
    let mut touched = vec![false; interviews.len()];
    for theirs in theirs
        .get("interviews")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(Value::Object(t)) = Some(theirs) else {
            continue;
        };
        let Some(i) = interviews.iter().position(|iv| id(iv) == id(theirs)) else {
            report.added.push(label(t));
            interviews.push(theirs.clone());
            touched.push(true);
            continue;
        };
        let Some(mine) = interviews[i].as_object_mut() else {
            continue;
        };
        let mut said = Vec::new();
        fill(mine, t, &mut said, ("the ", field_name));
        merge_people(mine, t, &mut said);
        merge_events(mine, t, &mut said);
        if !said.is_empty() {
            touched[i] = true;
            report
                .enriched
                .push(format!("{}: {}", label(mine), said.join(", ")));
        }
    }
    report.kept = touched.iter().filter(|t| !**t).count();
    root.insert("interviews".into(), Value::Array(interviews));
    Ok((from_value(here)?, report))
}

/// The backup's list under `key`, and the list here (made, empty, when there is none), when
/// both are lists.
fn lists<'a>(
    mine: &'a mut Map<String, Value>,
    theirs: &'a Map<String, Value>,
    key: &str,
) -> Option<(&'a Vec<Value>, &'a mut Vec<Value>)> {
    let Some(Value::Array(from)) = theirs.get(key) else {
        return None;
    };
    match mine.entry(key).or_insert_with(|| Value::Array(Vec::new())) {
        Value::Array(here) => Some((from, here)),
        _ => None,
    }
}

/// Interviewers: the backup's that are not here are added; those here get what they lack.
fn merge_people(
    mine: &mut Map<String, Value>,
    theirs: &Map<String, Value>,
    said: &mut Vec<String>,
) {
    let Some((people, list)) = lists(mine, theirs, "interviewers") else {
        return;
    };
    let mut added = 0;
    for person in people {
        let Value::Object(p) = person else { continue };
        match list.iter_mut().find(|q| q.get("id") == p.get("id")) {
            Some(Value::Object(q)) => {
                let mut filled = Vec::new();
                fill(q, p, &mut filled, ("", field_name));
                if !filled.is_empty() {
                    let name = q.get("name").and_then(Value::as_str).unwrap_or_default();
                    said.push(format!("{name}'s {}", filled.join(", ")));
                }
            }
            _ => {
                list.push(person.clone());
                added += 1;
            }
        }
    }
    if added > 0 {
        said.push(crate::text::count(added, "interviewer"));
    }
}

/// Recorded messages and replies: the backup's that are not here are added.
fn merge_events(
    mine: &mut Map<String, Value>,
    theirs: &Map<String, Value>,
    said: &mut Vec<String>,
) {
    let Some((events, list)) = lists(mine, theirs, "events") else {
        return;
    };
    let before = list.len();
    for event in events {
        if !list.contains(event) {
            list.push(event.clone());
        }
    }
    match list.len() - before {
        0 => {}
        1 => said.push("1 recorded message or reply".into()),
        n => said.push(format!("{n} recorded messages or replies")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn store(json: &str) -> Store {
        crate::store::parse(json).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn what_only_the_backup_has_comes_in_and_nothing_here_is_lost() {
        let here = store(
            r#"{"version": 1, "profile": {"name": "Sam"}, "interviews": [
            {"id": "a", "company": "Acme", "role": "PM", "at": "2026-11-20T14:00:00-05:00",
             "interviewers": [{"id": "dana", "name": "Dana Lee"}],
             "events": [{"kind": "reply", "at": "2026-11-25T10:00:00Z", "outcome": "neutral"}]},
            {"id": "c", "company": "Initech", "role": "Lead", "at": "2026-11-19T14:00:00Z"}]}"#,
        );
        let backup = store(
            r#"{"version": 1, "profile": {"name": "Old", "phone": "+1 555"}, "x": 1, "interviews": [
            {"id": "a", "company": "Acme Inc", "role": "PM", "at": "2026-11-20T14:00:00-05:00",
             "interviewers": [{"id": "dana", "name": "Dana", "title": "Head of Product"},
                              {"id": "raj", "name": "Raj Patel"}],
             "events": [{"kind": "reply", "at": "2026-11-25T10:00:00Z", "outcome": "neutral"},
                        {"kind": "sent", "follow_up": "thank-you", "interviewer": "raj", "at": "2026-11-21T10:00:00Z"}]}]}"#,
        );
        let (merged, report) = merge_backup(&here, &backup).unwrap();
        let a = &merged.interviews[0];
        assert_eq!(
            (a.company.as_str(), a.interviewers[0].name.as_str()),
            ("Acme", "Dana Lee")
        );
        assert_eq!(a.interviewers[0].title.as_deref(), Some("Head of Product"));
        assert_eq!(a.interviewers.len(), 2);
        assert_eq!(a.events.len(), 2);
        assert_eq!(
            merged.interviews[1].id, "c",
            "kept though not in the backup"
        );
        assert_eq!(merged.profile.name.as_deref(), Some("Sam"));
        assert_eq!(merged.profile.phone.as_deref(), Some("+1 555"));
        assert_eq!(merged.extra.get("x"), Some(&Value::from(1)));
        assert_eq!(
            report.enriched,
            ["Acme (PM): Dana Lee's title, 1 interviewer, 1 recorded message or reply"]
        );
        assert_eq!(report.kept, 1);
        assert_eq!(report.profile, ["your phone"]);
    }

    fn arbitrary_store() -> impl Strategy<Value = Store> {
        let iv = (
            0u8..4,
            "[A-Za-z ]{1,8}",
            prop::collection::vec("[a-z]{1,5}", 0..3),
            any::<bool>(),
        );
        prop::collection::vec(iv, 0..4).prop_map(|ivs| {
            let mut list: Vec<Value> = Vec::new();
            for (id, company, skills, event) in ivs {
                let id = format!("i{id}");
                if list.iter().any(|v| v["id"] == id.as_str()) {
                    continue;
                }
                let mut iv = serde_json::json!({"id": id, "company": format!("C{company}"), "role": "R",
                    "at": "2026-11-20T14:00:00Z", "skills": skills});
                if event {
                    iv["events"] = serde_json::json!([{"kind": "reply", "at": "2026-11-25T10:00:00Z"}]);
                }
                list.push(iv);
            }
            from_value(serde_json::json!({"version": 1, "interviews": list})).unwrap_or_default()
        })
    }

    proptest! {
        /// Merging keeps everything here, adds every interview of the backup, and merging the
        /// same backup again adds nothing.
        #[test]
        fn a_merge_loses_nothing_and_is_idempotent(here in arbitrary_store(), backup in arbitrary_store()) {
            let (merged, _) = merge_backup(&here, &backup).unwrap();
            for iv in &here.interviews {
                let m = merged.interview(&iv.id).unwrap();
                prop_assert_eq!(&m.company, &iv.company);
                prop_assert!(iv.skills.iter().all(|s| m.skills.contains(s)));
                prop_assert!(iv.events.iter().all(|e| m.events.contains(e)));
            }
            for iv in &backup.interviews {
                prop_assert!(merged.interview(&iv.id).is_some());
            }
            let (again, report) = merge_backup(&merged, &backup).unwrap();
            prop_assert_eq!(&again, &merged);
            prop_assert!(report.is_empty());
        }
    }
}
