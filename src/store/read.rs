//! JSON text → JSON tree → model types, every error naming its JSON path.
//!
//! The conversion is written by hand rather than derived: serde's `flatten` (which keeps unknown
//! fields) buffers values, and the buffered values lose their path, so derived errors would say
//! "interviews[0]" where the problem is `interviews[0].at`.

use super::error::{describe, quote, StoreError};
use super::migrate::{migrate, CURRENT_VERSION};
use super::validate::validate;
use crate::model::{Event, EventKind, Extra, Interview, Interviewer, Profile, Store, UnknownValue};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::fmt;

/// Parses JSON text into a tree, refusing duplicate object keys (a silent "last one wins"
/// would drop data). Syntax errors carry the path reached and the line and column.
pub(crate) fn json_tree(text: &str) -> Result<Value, StoreError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let tree = serde_path_to_error::deserialize::<_, StrictValue>(&mut de)
        .map_err(|e| StoreError::new(known_path(e.path()), e.inner().to_string()))?;
    de.end().map_err(|e| StoreError::new(".", e.to_string()))?;
    Ok(tree.0)
}

/// The path as far as it is known (an object key still being read shows as nothing, not `?`).
fn known_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    out
}

/// A JSON value whose objects have no repeated keys.
struct StrictValue(Value);

impl<'de> Deserialize<'de> for StrictValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = StrictValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<StrictValue, E> {
        Ok(StrictValue(Value::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<StrictValue, E> {
        Ok(StrictValue(Value::Number(v.into())))
    }
    fn visit_u64<E>(self, v: u64) -> Result<StrictValue, E> {
        Ok(StrictValue(Value::Number(v.into())))
    }
    fn visit_f64<E>(self, v: f64) -> Result<StrictValue, E> {
        Ok(StrictValue(
            Number::from_f64(v).map_or(Value::Null, Value::Number),
        ))
    }
    fn visit_str<E>(self, v: &str) -> Result<StrictValue, E> {
        Ok(StrictValue(Value::String(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<StrictValue, E> {
        Ok(StrictValue(Value::String(v)))
    }
    fn visit_unit<E>(self) -> Result<StrictValue, E> {
        Ok(StrictValue(Value::Null))
    }
    fn visit_none<E>(self) -> Result<StrictValue, E> {
        Ok(StrictValue(Value::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<StrictValue, D::Error> {
        StrictValue::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<StrictValue, A::Error> {
        let mut items = Vec::new();
        while let Some(StrictValue(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(StrictValue(Value::Array(items)))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StrictValue, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(de::Error::custom(format!("duplicate key {}", quote(&key))));
            }
            let StrictValue(value) = map.next_value()?;
            out.insert(key, value);
        }
        Ok(StrictValue(Value::Object(out)))
    }
}

/// Converts a JSON tree of any supported version into a validated [`Store`].
pub fn from_value(document: Value) -> Result<Store, StoreError> {
    let document = migrate(document)?;
    let store = store(document)?;
    validate(&store)?;
    Ok(store)
}

/// Reads an interview meant for `interviews[index]` of a store (errors name that path). The
/// rules that span the store (unique ids) are the caller's: see `Store::add_interview`.
pub fn interview_at(value: Value, index: usize) -> Result<Interview, StoreError> {
    let root = Path::Root;
    let list = root.key("interviews");
    interview(value, &list.index(index))
}

/// Reads an event meant for `interviews[interview].events[index]` of a store.
pub fn event_at(value: Value, interview: usize, index: usize) -> Result<Event, StoreError> {
    let root = Path::Root;
    let list = root.key("interviews");
    let item = list.index(interview);
    let events = item.key("events");
    event(value, &events.index(index))
}

/// Reads a profile (errors name `profile.…`).
pub fn profile_at(value: Value) -> Result<Profile, StoreError> {
    let root = Path::Root;
    profile(value, &root.key("profile"))
}

/// A JSON path, built on the stack and only rendered when an error needs it.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }
    fn index(&'a self, i: usize) -> Path<'a> {
        Path::Index(self, i)
    }
    fn error(&self, message: impl Into<String>) -> StoreError {
        StoreError::new(self.to_string(), message)
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// The fields of one JSON object, taken one by one; what is left over is `extra`.
struct Fields<'p> {
    map: Map<String, Value>,
    path: &'p Path<'p>,
}

impl<'p> Fields<'p> {
    fn of(value: Value, path: &'p Path<'p>) -> Result<Fields<'p>, StoreError> {
        match value {
            Value::Object(map) => Ok(Fields { map, path }),
            other => Err(path.error(format!("expected an object, found {}", describe(&other)))),
        }
    }

    /// A required field; `null` is handed to `read`, which says what type it wanted.
    fn required<T>(
        &mut self,
        key: &'static str,
        read: impl FnOnce(Value, &Path<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        match self.map.remove(key) {
            Some(value) => read(value, &self.path.key(key)),
            None => Err(self.path.key(key).error("missing (required)")),
        }
    }

    /// An optional field; absent and `null` both mean "not set".
    fn optional<T>(
        &mut self,
        key: &'static str,
        read: impl FnOnce(Value, &Path<'_>) -> Result<T, StoreError>,
    ) -> Result<Option<T>, StoreError> {
        match self.map.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => read(value, &self.path.key(key)).map(Some),
        }
    }

    /// An optional array; absent and `null` give an empty list.
    fn list<T>(
        &mut self,
        key: &'static str,
        read: impl Fn(Value, &Path<'_>) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError> {
        let path = self.path.key(key);
        match self.map.remove(key) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .into_iter()
                .enumerate()
                .map(|(i, item)| read(item, &path.index(i)))
                .collect(),
            Some(other) => {
                Err(path.error(format!("expected an array, found {}", describe(&other))))
            }
        }
    }

    fn rest(self) -> Extra {
        self.map
    }
}

fn store(document: Value) -> Result<Store, StoreError> {
    let root = Path::Root;
    let mut f = Fields::of(document, &root)?;
    let version = f.required("version", |v, p| match v.as_u64() {
        Some(n) if n == u64::from(CURRENT_VERSION) => Ok(CURRENT_VERSION),
        _ => Err(p.error(format!(
            "expected {CURRENT_VERSION}, found {}",
            describe(&v)
        ))),
    })?;
    let profile = f.optional("profile", profile)?.unwrap_or_default();
    let interviews = f.list("interviews", interview)?;
    Ok(Store {
        version,
        profile,
        interviews,
        extra: f.rest(),
    })
}

fn profile(value: Value, path: &Path<'_>) -> Result<Profile, StoreError> {
    let mut f = Fields::of(value, path)?;
    Ok(Profile {
        name: f.optional("name", string)?,
        email: f.optional("email", string)?,
        phone: f.optional("phone", string)?,
        signature: f.optional("signature", string)?,
        holidays: f.list("holidays", date)?,
        notification_details: f
            .optional("notification_details", boolean)?
            .unwrap_or(false),
        record_sent_by_hand: f.optional("record_sent_by_hand", boolean)?.unwrap_or(false),
        extra: f.rest(),
    })
}

fn interview(value: Value, path: &Path<'_>) -> Result<Interview, StoreError> {
    let mut f = Fields::of(value, path)?;
    let id = f.required("id", identifier)?;
    let company = f.required("company", nonblank)?;
    let role = f.required("role", nonblank)?;
    let industry = f.optional("industry", enumeration)?;
    let stage = f.optional("stage", enumeration)?;
    let format = f.optional("format", enumeration)?;
    let at = f.required("at", time)?;
    let decision_by = f.optional("decision_by", date)?;
    let skills = f.list("skills", string)?;
    let promised = f.list("promised", string)?;
    let mut interviewers = f.list("interviewers", interviewer)?;
    let events = f.list("events", event)?;
    super::ids::assign_missing_ids(&mut interviewers);
    Ok(Interview {
        id,
        company,
        role,
        industry,
        stage,
        format,
        at,
        decision_by,
        skills,
        promised,
        interviewers,
        events,
        extra: f.rest(),
    })
}

fn interviewer(value: Value, path: &Path<'_>) -> Result<Interviewer, StoreError> {
    let mut f = Fields::of(value, path)?;
    Ok(Interviewer {
        // Absent ids are derived from the name once all explicit ids are known.
        id: f.optional("id", identifier)?.unwrap_or_default(),
        name: f.optional("name", string)?.unwrap_or_default(),
        title: f.optional("title", string)?,
        email: f.optional("email", string)?,
        linkedin: f.optional("linkedin", string)?,
        topics: f.list("topics", string)?,
        primary: f.optional("primary", boolean)?.unwrap_or(false),
        extra: f.rest(),
    })
}

fn event(value: Value, path: &Path<'_>) -> Result<Event, StoreError> {
    let mut f = Fields::of(value, path)?;
    let kind: EventKind = f.required("kind", enumeration)?;
    Ok(Event {
        kind,
        follow_up: f.optional("follow_up", enumeration)?,
        interviewer: f.optional("interviewer", string)?,
        at: f.required("at", time)?,
        outcome: f.optional("outcome", enumeration)?,
        channel: f.optional("channel", enumeration)?,
        extra: f.rest(),
    })
}

fn string(value: Value, path: &Path<'_>) -> Result<String, StoreError> {
    match value {
        Value::String(s) => Ok(s),
        other => Err(path.error(format!("expected a string, found {}", describe(&other)))),
    }
}

fn nonblank(value: Value, path: &Path<'_>) -> Result<String, StoreError> {
    let s = string(value, path)?;
    if s.trim().is_empty() {
        Err(path.error("must not be empty"))
    } else {
        Ok(s)
    }
}

fn identifier(value: Value, path: &Path<'_>) -> Result<String, StoreError> {
    let s = nonblank(value, path)?;
    if s.trim() != s {
        Err(path.error(format!(
            "ids must not start or end with spaces: {}",
            quote(&s)
        )))
    } else {
        Ok(s)
    }
}

fn boolean(value: Value, path: &Path<'_>) -> Result<bool, StoreError> {
    match value {
        Value::Bool(b) => Ok(b),
        other => Err(path.error(format!(
            "expected true or false, found {}",
            describe(&other)
        ))),
    }
}

fn enumeration<T>(value: Value, path: &Path<'_>) -> Result<T, StoreError>
where
    T: std::str::FromStr<Err = UnknownValue>,
{
    let s = string(value, path)?;
    s.parse::<T>().map_err(|e| {
        path.error(format!(
            "unknown value {}, expected one of: {}",
            quote(&s),
            e.expected.join(", ")
        ))
    })
}

fn time(value: Value, path: &Path<'_>) -> Result<DateTime<FixedOffset>, StoreError> {
    let s = string(value, path)?;
    crate::dates::read_time(&s).map_err(|why| path.error(why))
}

fn date(value: Value, path: &Path<'_>) -> Result<NaiveDate, StoreError> {
    let s = string(value, path)?;
    // Only what the date writes back to the same text: `-026-12-01` parses, but is written
    // `-0026-12-01`, which would then be refused (an import that locks the store).
    crate::dates::read_date(&s).map_err(|why| path.error(why))
}
