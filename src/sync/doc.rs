//! The synced document: the store and the reminders' marks as registers, one per field, each
//! holding the latest value written to it and the clock reading of that write.
//!
//! Paths (each part a string, so an id can hold any character):
//! - `["p", key]`: a profile field; `["x", key]`: a field of the store the format does not know;
//! - `["o"]`: the order of the interviews;
//! - `["i", id]`: the interview is there (its *presence*, below); `["i", id, "f", key]`: one of
//!   its fields; `["i", id, "vo"]` and `["i", id, "eo"]`: the order of its interviewers and
//!   events; `["i", id, "v", who]`: an interviewer's presence, `["i", id, "v", who, key]`: one
//!   of their fields; `["i", id, "e", event]`: an event (its id is a hash of what it says);
//! - `["r", "s", item]`: a snooze and when it ends; `["r", "n", item]`: an item announced;
//! - `["d", device]`: a device that syncs;
//! - `["k", device]` and `["k", device, id]`: what that device has seen of the deletions
//!   outside interviews and in one interview (its *acknowledgement*, below; kept apart from
//!   the interview, so it outlives the interview's collection long enough for every device to
//!   read it, then dropped [`ACK_KEPT_MS`] after).
//!
//! A register whose value is gone is a *tombstone*: a field cleared, an event taken back, a
//! snooze ended, a device that left. An interview or interviewer is deleted by its presence,
//! `[floor, false]`: its fields stay, hidden, so an edit made elsewhere after the deletion
//! (by a device that had not seen it) brings the whole of it back, not the edited field alone.
//! Created again after a deletion, its presence is `[deletion, true]`: what was written up to
//! the deletion stays hidden (the *floor*). Two devices that create one id without having seen
//! a deletion of it (floor zero) make one interview: every field keeps its latest edit.
//! A tombstone is collected once every device that syncs has seen it ([`Doc::ack`],
//! [`Doc::collect`]). A device says what it has seen in an acknowledgement beside the
//! tombstones (in the same group of the sync storage, so it travels with them): for each device
//! that deleted something there, the latest of its deletions this one holds. A copy holds all
//! of a device's writes up to any one of them (or later writes over them): copies travel whole
//! and only grow by merging. So once every device acknowledges a deletion, none holds what it
//! deleted, and dropping the tombstone cannot let an older write come back. The one exception
//! is a device that turned sync on and read the store before a deletion, but has not yet said
//! that it syncs: tombstones are kept [`COLLECT_AFTER_MS`] besides, for it to. What a deleted
//! interview or interviewer held goes then; its presence stays [`ACK_KEPT_MS`] longer, as a
//! *grave*, so that one created again with the same id still gets its floor.

use super::clock::{Clock, Stamp};
use crate::draft::phrases::fnv1a;
use crate::model::Store;
use crate::reminders::Reminders;
use crate::store::{StoreError, CURRENT_VERSION};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Where a register sits (see the module's documentation).
pub type Path = Vec<String>;

/// One field's latest write.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reg {
    /// When it was written.
    #[serde(rename = "t")]
    pub at: Stamp,
    /// What was written; `None` for a tombstone (a JSON `null` is a value like any other).
    #[serde(
        rename = "v",
        default,
        skip_serializing_if = "Option::is_none",
        with = "boxed"
    )]
    pub value: Option<Value>,
}

/// A value written as a one-element array, so that `null` and "gone" stay apart.
mod boxed {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_json::Value;

    pub fn serialize<S: Serializer>(v: &Option<Value>, s: S) -> Result<S::Ok, S::Error> {
        v.as_ref().map(|v| [v]).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
        Ok(Option::<[Value; 1]>::deserialize(d)?.map(|[v]| v))
    }
}

/// The registers of one device's copy.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    /// Every register, by path.
    pub regs: BTreeMap<Path, Reg>,
}

fn path(parts: &[&str]) -> Path {
    parts.iter().map(|p| (*p).to_owned()).collect()
}

/// Whether `p` is an interview's or an interviewer's presence.
fn is_presence(p: &[String]) -> bool {
    p.first().is_some_and(|h| h == "i") && (p.len() == 2 || (p.len() == 4 && p[2] == "v"))
}

/// No floor: a presence that hides nothing.
const ZERO: Stamp = Stamp(0, 0, 0);

/// A reading as JSON (`[ms, n, device]`), built by hand: values in this module are read and
/// written without serde's generic code (DESIGN.md, "Sync across devices").
fn stamp_value(s: Stamp) -> Value {
    Value::Array(vec![Value::from(s.0), Value::from(s.1), Value::from(s.2)])
}

/// A reading read back from [`stamp_value`].
pub(crate) fn stamp_of(v: &Value) -> Option<Stamp> {
    let [ms, n, device] = v.as_array()?.as_slice() else {
        return None;
    };
    let n = u32::try_from(n.as_u64()?).ok()?;
    Some(Stamp(ms.as_u64()?, n, device.as_u64()?))
}

/// A presence's floor and whether it is alive (`[floor, alive]`).
fn presence(reg: &Reg) -> Option<(Stamp, bool)> {
    let [floor, alive] = reg.value.as_ref()?.as_array()?.as_slice() else {
        return None;
    };
    Some((stamp_of(floor)?, alive.as_bool()?))
}

fn presence_value(floor: Stamp, alive: bool) -> Value {
    Value::Array(vec![stamp_value(floor), Value::Bool(alive)])
}

/// The entities (interview, then interviewer) a path sits under, as path prefixes.
fn entities(p: &[String]) -> impl Iterator<Item = &[String]> {
    let interview = (p.len() > 2 && p[0] == "i").then(|| &p[..2]);
    let interviewer = (p.len() > 4 && p[0] == "i" && p[2] == "v").then(|| &p[..4]);
    interview.into_iter().chain(interviewer)
}

/// How old a tombstone every device has seen must be before it is collected (by the clock of
/// the latest write the copy holds). Seen by every device *that the copy knows syncs*: a
/// device that turned sync on may have read the store before a deletion and not yet said it
/// syncs; a week leaves it the time to.
pub const COLLECT_AFTER_MS: u64 = 7 * 24 * 3_600_000;

/// How long an acknowledgement stays after what it is about was collected, and a grave after
/// what it held was (by the clock of the latest write the copy holds): long enough for every
/// device to read the one and collect under the other.
pub const ACK_KEPT_MS: u64 = 30 * 24 * 3_600_000;

/// Whether `p` is an acknowledgement (`["k", device]`, `["k", device, id]`).
fn is_ack(p: &[String]) -> bool {
    p.first().is_some_and(|h| h == "k") && (p.len() == 2 || p.len() == 3)
}

/// From an acknowledgement's value: the latest deletion seen from device `by`.
fn acked(reg: &Reg, by: &str) -> Option<Stamp> {
    stamp_of(reg.value.as_ref()?.get(by)?)
}

/// The interview a tombstone is acknowledged in, if it is in one.
fn scope(p: &[String]) -> Option<&str> {
    (p.len() >= 2 && p[0] == "i").then(|| p[1].as_str())
}

/// Where `device` acknowledges what it has seen in `scope`.
fn ack_path(device: &str, scope: Option<&str>) -> Path {
    match scope {
        Some(id) => path(&["k", device, id]),
        None => path(&["k", device]),
    }
}

/// Whether a register is a tombstone (a value gone, or a presence that says deleted).
fn is_tombstone(p: &[String], reg: &Reg) -> bool {
    match &reg.value {
        None => true,
        Some(_) if is_presence(p) => presence(reg).is_some_and(|(_, alive)| !alive),
        Some(_) => false,
    }
}

/// The later of two writes to the register at `p`; two writes with one reading (the same
/// device, the same write) keep the larger value, so the choice never depends on the order of
/// arrival. A presence keeps the higher of the two floors: a deletion one creator knew of
/// stays hidden when another, unaware, created the same id later.
fn join(p: &[String], mine: &mut Reg, theirs: &Reg) {
    let floors = is_presence(p)
        .then(|| Some(presence(mine)?.0.max(presence(theirs)?.0)))
        .flatten();
    match mine.at.cmp(&theirs.at) {
        std::cmp::Ordering::Less => *mine = theirs.clone(),
        std::cmp::Ordering::Greater => {}
        std::cmp::Ordering::Equal => {
            let text = |v: &Option<Value>| serde_json::to_string(v).unwrap_or_default();
            if text(&theirs.value) > text(&mine.value) {
                mine.value.clone_from(&theirs.value);
            }
        }
    }
    if let (Some(floor), Some((_, alive))) = (floors, presence(mine)) {
        mine.value = Some(presence_value(floor, alive));
    }
}

impl Doc {
    /// Takes in one register of another copy (as [`Doc::merge`] does each).
    pub fn put(&mut self, p: Path, theirs: Reg) {
        match self.regs.get_mut(&p) {
            Some(mine) => join(&p, mine, &theirs),
            None => {
                self.regs.insert(p, theirs);
            }
        }
    }

    /// Takes in another copy's registers: each keeps the later write. Commutative,
    /// associative and idempotent, so copies that have taken in the same writes, in any order
    /// and any number of times, are equal.
    pub fn merge(&mut self, other: &Doc) {
        for (p, theirs) in &other.regs {
            match self.regs.get_mut(p) {
                Some(mine) => join(p, mine, theirs),
                None => {
                    self.regs.insert(p.clone(), theirs.clone());
                }
            }
        }
    }

    /// The latest reading among the registers (for [`Clock::observe`]).
    pub fn latest(&self) -> Option<Stamp> {
        self.regs.values().map(|r| r.at).max()
    }

    /// The devices that sync (their `["d", device]` register holds a value).
    pub fn devices(&self) -> Vec<u64> {
        self.regs
            .range(path(&["d"])..)
            .take_while(|(p, _)| p.first().is_some_and(|h| h == "d"))
            .filter(|(_, r)| r.value.is_some())
            .filter_map(|(p, _)| p.get(1)?.parse().ok())
            .collect()
    }

    /// Writes `clock`'s device's acknowledgements where they changed: in each scope, the
    /// latest tombstone it holds from each device (never lower than what it acknowledged
    /// before). True when anything was written.
    pub fn ack(&mut self, clock: &mut Clock, now_ms: u64) -> bool {
        let me = clock.device.to_string();
        // Per acknowledgement path, what it says now (a JSON object: device → reading).
        let mut acks: Vec<(Path, Map<String, Value>, bool)> = Vec::new();
        for (p, reg) in &self.regs {
            if !is_tombstone(p, reg) {
                continue;
            }
            let at = ack_path(&me, scope(p));
            let i = match acks.iter().position(|(a, ..)| *a == at) {
                Some(i) => i,
                None => {
                    let held = self.regs.get(&at).and_then(|r| r.value.as_ref());
                    let held = held.and_then(Value::as_object).cloned().unwrap_or_default();
                    acks.push((at, held, false));
                    acks.len() - 1
                }
            };
            let (_, value, changed) = &mut acks[i];
            let by = reg.at.device().to_string();
            if value.get(&by).and_then(stamp_of).is_none_or(|s| s < reg.at) {
                value.insert(by, stamp_value(reg.at));
                *changed = true;
            }
        }
        acks.retain(|(.., changed)| *changed);
        let Some(first) = acks.first().map(|_| clock.tick(now_ms)) else {
            return false;
        };
        for (p, value, _) in acks {
            let value = Some(Value::Object(value));
            self.regs.insert(p, Reg { at: first, value });
        }
        true
    }

    /// Whether every device that syncs acknowledges the tombstone `reg` at `p`.
    fn seen_by_all(&self, devices: &[u64], p: &[String], reg: &Reg) -> bool {
        let by = reg.at.device().to_string();
        devices.iter().all(|d| {
            let at = ack_path(&d.to_string(), scope(p));
            self.regs
                .get(&at)
                .and_then(|a| acked(a, &by))
                .is_some_and(|s| s >= reg.at)
        })
    }

    /// Whether the write `reg` at `p` is one that shows a deleted interview or interviewer
    /// again (written after its deletion: [`Doc::shown`]). A cleared field counts as such a
    /// write, so its tombstone is kept: collected, it would hide them.
    fn revives(&self, p: &[String], reg: &Reg) -> bool {
        entities(p).any(|e| {
            self.regs
                .get(e)
                .is_some_and(|d| presence(d).is_some_and(|(_, alive)| !alive) && reg.at > d.at)
        })
    }

    /// Drops the tombstones every device that syncs has seen (with what a deleted interview or
    /// interviewer held, unless written after its deletion), writes hidden under a floor,
    /// and what is left of an interview or interviewer collected elsewhere. What
    /// [`Doc::view`] shows does not change.
    pub fn collect(&mut self, after_ms: u64) {
        let devices = self.devices();
        if devices.is_empty() {
            return; // nobody has said it syncs: nothing can be known seen
        }
        let latest = self.latest().map_or(0, |s| s.ms());
        let old = |reg: &Reg| reg.at.ms().saturating_add(after_ms) <= latest;
        let mut gone: Vec<Path> = Vec::new();
        let mut dead: Vec<(Path, Stamp)> = Vec::new();
        let mut born: Vec<(Path, Stamp)> = Vec::new();
        for (p, reg) in &self.regs {
            // What is left of an interview or interviewer collected elsewhere (a presence and
            // what it holds are always written and sent together).
            if entities(p).any(|e| !self.regs.contains_key(e)) {
                gone.push(p.clone());
            } else if is_ack(p) {
                let about = p.get(2).map(|id| path(&["i", id]));
                let stale = reg.at.ms().saturating_add(ACK_KEPT_MS) < latest;
                if stale && about.is_some_and(|i| !self.regs.contains_key(&i)) {
                    gone.push(p.clone());
                }
            } else if is_presence(p) {
                match presence(reg) {
                    Some((floor, true)) => born.push((p.clone(), floor)),
                    Some((_, false)) => {
                        let stale = reg.at.ms().saturating_add(ACK_KEPT_MS) < latest;
                        if stale && self.under(p).next().is_none() {
                            gone.push(p.clone()); // a grave, long enough kept
                        } else if old(reg) && self.seen_by_all(&devices, p, reg) {
                            dead.push((p.clone(), reg.at));
                        }
                    }
                    _ => {}
                }
            } else if reg.value.is_none()
                && old(reg)
                && self.seen_by_all(&devices, p, reg)
                && !self.revives(p, reg)
            {
                gone.push(p.clone());
            }
        }
        for (prefix, death) in dead {
            if self.under(&prefix).any(|(_, r)| r.at > death) || self.named(&prefix) {
                continue; // brought back by a later edit, or an event names them
            }
            // The presence stays, as a grave: created again, the interview or interviewer
            // gets its floor from it, so writes from before the deletion that a device not yet
            // done collecting still holds stay hidden.
            let drop: Vec<Path> = self.under(&prefix).map(|(p, _)| p.clone()).collect();
            gone.extend(drop);
            if death.ms().saturating_add(ACK_KEPT_MS) < latest {
                gone.push(prefix);
            }
        }
        for (prefix, floor) in born {
            // Not an interviewer an event names: the event shows them as they were.
            let old = self
                .under(&prefix)
                .filter(|(p, r)| r.at <= floor && !(p.len() >= 4 && self.named(&p[..4])));
            let drop: Vec<Path> = old.map(|(p, _)| p.clone()).collect();
            gone.extend(drop);
        }
        for p in gone {
            self.regs.remove(&p);
        }
    }

    /// After a local change or taking in others' copies: acknowledges what `clock`'s device
    /// now holds and collects what every device has seen, `after_ms` old or more
    /// ([`COLLECT_AFTER_MS`] in the extension). True when this device wrote.
    pub fn settle(&mut self, clock: &mut Clock, now_ms: u64, after_ms: u64) -> bool {
        let wrote = self.ack(clock, now_ms);
        self.collect(after_ms);
        wrote
    }

    /// Whether `prefix` is an interviewer whom an event of their interview names.
    fn named(&self, prefix: &[String]) -> bool {
        let [i, id, v, who] = prefix else {
            return false;
        };
        if i != "i" || v != "v" {
            return false;
        }
        let events = path(&["i", id, "e"]);
        let named = self.under(&events).any(|(_, r)| {
            let named = r
                .value
                .as_ref()
                .and_then(|e| e.get("interviewer")?.as_str());
            named == Some(who.as_str())
        });
        named
    }

    /// The registers strictly under `prefix`.
    fn under<'a>(
        &'a self,
        prefix: &'a [String],
    ) -> impl Iterator<Item = (&'a Path, &'a Reg)> + Clone {
        self.regs
            .range(prefix.to_vec()..)
            .skip_while(move |(p, _)| p.as_slice() == prefix)
            .take_while(move |(p, _)| p.starts_with(prefix))
    }

    /// When the entity at `prefix` shows: its floor, if it is alive or was written to after
    /// its deletion.
    fn shown(&self, prefix: &[String]) -> Option<Stamp> {
        let reg = self.regs.get(prefix)?;
        let (floor, alive) = presence(reg)?;
        let revived = || self.under(prefix).any(|(_, r)| r.at > reg.at);
        (alive || revived()).then_some(floor)
    }

    /// What this copy shows, flattened as [`flatten`] flattens a store: the same paths, with
    /// `true` for each presence and the orders listing exactly what shows.
    pub fn view(&self) -> BTreeMap<Path, Value> {
        let mut out = BTreeMap::new();
        let mut interviews = BTreeSet::new();
        for (p, reg) in &self.regs {
            let Some(value) = &reg.value else { continue };
            match p.first().map(String::as_str) {
                Some("p" | "x" | "r" | "d") => {
                    out.insert(p.clone(), value.clone());
                }
                Some("i") if p.len() == 2 => {
                    if let Some(floor) = self.shown(p) {
                        interviews.insert(p[1].clone());
                        self.view_interview(p, floor, &mut out);
                    }
                }
                _ => {}
            }
        }
        let raw = self.regs.get(&path(&["o"])).and_then(|r| r.value.as_ref());
        out.insert(path(&["o"]), order(raw, &interviews));
        out
    }

    fn view_interview(&self, prefix: &Path, floor: Stamp, out: &mut BTreeMap<Path, Value>) {
        let mut fields = BTreeMap::new();
        let mut events = BTreeSet::new();
        let mut people: Vec<(String, Stamp)> = Vec::new();
        let mut named = BTreeSet::new();
        for (p, reg) in self.under(prefix).filter(|(_, r)| r.at > floor) {
            let Some(value) = &reg.value else { continue };
            match (p.len(), p[2].as_str()) {
                (4, "f") | (4, "e") => {
                    fields.insert(p.clone(), value.clone());
                    if p[2] == "e" {
                        events.insert(p[3].clone());
                        if let Some(who) = value.get("interviewer").and_then(Value::as_str) {
                            named.insert(who.to_owned());
                        }
                    }
                }
                (4, "v") => {
                    if let Some(own) = self.shown(p) {
                        people.push((p[3].clone(), own.max(floor)));
                    }
                }
                _ => {}
            }
        }
        // An interviewer an event names shows, with all that was written of them (deleted on
        // one device while another recorded a message to them): the event would otherwise name
        // nobody.
        for who in named {
            let p = [prefix.as_slice(), &path(&["v", &who])].concat();
            if !people.iter().any(|(w, _)| *w == who) && self.regs.contains_key(&p) {
                people.push((who, ZERO));
            }
        }
        for (who, own) in &people {
            let p = [prefix.as_slice(), &path(&["v", who])].concat();
            out.insert(p.clone(), Value::Bool(true));
            for (q, reg) in self.under(&p).filter(|(_, r)| r.at > *own) {
                if let (5, Some(value)) = (q.len(), &reg.value) {
                    out.insert(q.clone(), value.clone());
                }
            }
        }
        out.insert(prefix.clone(), Value::Bool(true));
        out.extend(fields);
        let raw = |k: &str| {
            let p = [prefix.as_slice(), &path(&[k])].concat();
            self.regs
                .get(&p)
                .filter(|r| r.at > floor)
                .and_then(|r| r.value.as_ref())
        };
        let mut who = BTreeSet::new();
        who.extend(people.into_iter().map(|(w, _)| w));
        out.insert(
            [prefix.as_slice(), &path(&["vo"])].concat(),
            order(raw("vo"), &who),
        );
        out.insert(
            [prefix.as_slice(), &path(&["eo"])].concat(),
            order(raw("eo"), &events),
        );
    }

    /// Records a local change: every path whose value differs between what this copy shows and
    /// `store` and `reminders` gets a register written at one new reading of `clock`. Registers
    /// `clock`'s device as syncing. True when anything was written.
    pub fn record(
        &mut self,
        clock: &mut Clock,
        now_ms: u64,
        store: &Store,
        reminders: &Reminders,
    ) -> bool {
        let old = self.view();
        self.record_change(clock, now_ms, old, flatten(store, reminders))
    }

    /// Records the change from `before` to `after` (each a store and its reminders), whatever
    /// this copy shows meanwhile: a change the user made while this copy took in others'.
    pub fn record_since(
        &mut self,
        clock: &mut Clock,
        now_ms: u64,
        before: (&Store, &Reminders),
        after: (&Store, &Reminders),
    ) -> bool {
        let mut old = flatten(before.0, before.1);
        let view = self.view();
        for (p, v) in view.range(path(&["d"])..) {
            if p.first().is_some_and(|h| h == "d") {
                old.insert(p.clone(), v.clone());
            }
        }
        self.record_change(clock, now_ms, old, flatten(after.0, after.1))
    }

    fn record_change(
        &mut self,
        clock: &mut Clock,
        now_ms: u64,
        old: BTreeMap<Path, Value>,
        mut new: BTreeMap<Path, Value>,
    ) -> bool {
        for (p, v) in old.range(path(&["d"])..) {
            if p.first().is_some_and(|h| h == "d") {
                new.insert(p.clone(), v.clone());
            }
        }
        new.insert(path(&["d", &clock.device.to_string()]), Value::Bool(true));
        let mut at = None;
        let mut writes = Vec::new();
        let paths = old
            .keys()
            .chain(new.keys().filter(|p| !old.contains_key(*p)));
        for p in paths {
            let (was, now) = (old.get(p), new.get(p));
            if was == now {
                continue;
            }
            // The fields of what was deleted stay as they were, hidden by its presence.
            if now.is_none() && entities(p).any(|e| !new.contains_key(e)) {
                continue;
            }
            at.get_or_insert_with(|| clock.tick(now_ms));
            let value = if is_presence(p) {
                let held = self.regs.get(p);
                match (was, now) {
                    // Created, or created again over a deletion it then hides.
                    (None, Some(_)) => Some(presence_value(held.map_or(ZERO, |r| r.at), true)),
                    _ => {
                        let floor = held.and_then(presence).map_or(ZERO, |(f, _)| f);
                        Some(presence_value(floor, false))
                    }
                }
            } else {
                now.cloned()
            };
            writes.push((p.clone(), value));
        }
        let Some(stamp) = at else { return false };
        for (p, value) in writes {
            self.regs.insert(p, Reg { at: stamp, value });
        }
        true
    }

    /// `device` stops syncing: its register becomes a tombstone, so the others no longer wait
    /// for it to see theirs.
    pub fn leave(&mut self, clock: &mut Clock, now_ms: u64, device: u64) {
        let at = clock.tick(now_ms);
        let reg = Reg { at, value: None };
        self.regs.insert(path(&["d", &device.to_string()]), reg);
    }

    /// The store and reminders this copy shows, read as an import is (a document that two
    /// devices' edits made invalid is refused with the path of the problem).
    pub fn materialize(&self) -> Result<(Store, Reminders), StoreError> {
        let view = self.view();
        let store = crate::store::from_value(unflatten(&view))?;
        let mut reminders = Reminders::default();
        for (p, v) in view.range(path(&["r"])..) {
            match (
                p.first().map(String::as_str),
                p.get(1).map(String::as_str),
                p.get(2),
            ) {
                (Some("r"), Some("s"), Some(key)) => {
                    let until = v.as_str().ok_or("not a string".to_owned());
                    let until = until.and_then(crate::dates::read_time);
                    let until = until.map_err(|e| StoreError::new("reminders.snoozed", e))?;
                    reminders.snoozed.insert(key.clone(), until);
                }
                (Some("r"), Some("n"), Some(key)) => {
                    reminders.notified.insert(key.clone());
                }
                _ => break,
            }
        }
        Ok((store, reminders))
    }
}

/// `raw`'s ids that are in `ids`, in `raw`'s order, then the rest of `ids` in their own order.
fn order(raw: Option<&Value>, ids: &BTreeSet<String>) -> Value {
    let mut out: Vec<String> = Vec::with_capacity(ids.len());
    for id in raw.and_then(Value::as_array).into_iter().flatten() {
        if let Some(id) = id.as_str() {
            if ids.contains(id) && !out.iter().any(|o| o == id) {
                out.push(id.to_owned());
            }
        }
    }
    let rest: Vec<&String> = ids.iter().filter(|id| !out.contains(id)).collect();
    out.extend(rest.into_iter().cloned());
    Value::Array(out.into_iter().map(Value::String).collect())
}

/// An event's id: a hash of what it says (canonical JSON), then which copy of it this is, so
/// the same event recorded on two devices is one event and two identical ones stay two.
fn event_id(event: &Value, copy: usize) -> String {
    let text = serde_json::to_string(event).unwrap_or_default();
    format!("{:016x}.{copy}", fnv1a(&[&text]))
}

/// A store and the reminders' marks as paths and values (the module's documentation lists
/// the paths; presences are `true`).
pub fn flatten(store: &Store, reminders: &Reminders) -> BTreeMap<Path, Value> {
    let mut out = BTreeMap::new();
    // Through the store's text: its serialiser and the JSON reader are in every module anyway.
    let text = crate::store::to_json_compact(store);
    let Ok(Value::Object(root)) = serde_json::from_str::<Value>(&text) else {
        return out;
    };
    let mut ids = Vec::new();
    for (key, value) in root {
        match (key.as_str(), value) {
            ("version", _) => {}
            ("profile", Value::Object(profile)) => {
                for (k, v) in profile {
                    out.insert(path(&["p", &k]), v);
                }
            }
            ("interviews", Value::Array(list)) => {
                for iv in list {
                    if let Value::Object(iv) = iv {
                        if let Some(id) = iv.get("id").and_then(Value::as_str).map(str::to_owned) {
                            flatten_interview(&id, iv, &mut out);
                            ids.push(Value::String(id));
                        }
                    }
                }
            }
            (_, value) => {
                out.insert(path(&["x", &key]), value);
            }
        }
    }
    out.insert(path(&["o"]), Value::Array(ids));
    for (k, until) in &reminders.snoozed {
        let until = serde_json::to_value(until).unwrap_or(Value::Null);
        out.insert(path(&["r", "s", k]), until);
    }
    for k in &reminders.notified {
        out.insert(path(&["r", "n", k]), Value::Bool(true));
    }
    out
}

fn flatten_interview(id: &str, iv: Map<String, Value>, out: &mut BTreeMap<Path, Value>) {
    out.insert(path(&["i", id]), Value::Bool(true));
    let mut people = Vec::new();
    let mut events: Vec<Value> = Vec::new();
    for (key, value) in iv {
        match (key.as_str(), value) {
            ("id", _) => {}
            ("interviewers", Value::Array(list)) => {
                for person in list {
                    let Value::Object(person) = person else {
                        continue;
                    };
                    let Some(who) = person.get("id").and_then(Value::as_str).map(str::to_owned)
                    else {
                        continue;
                    };
                    out.insert(path(&["i", id, "v", &who]), Value::Bool(true));
                    for (k, v) in person {
                        if k != "id" {
                            out.insert(path(&["i", id, "v", &who, &k]), v);
                        }
                    }
                    people.push(Value::String(who));
                }
            }
            ("events", Value::Array(list)) => {
                for event in list {
                    let copy = events.iter().filter(|e| **e == event).count();
                    let eid = event_id(&event, copy);
                    out.insert(path(&["i", id, "e", &eid]), event.clone());
                    events.push(event);
                }
            }
            (_, value) => {
                out.insert(path(&["i", id, "f", &key]), value);
            }
        }
    }
    let eids: Vec<Value> = (0..events.len())
        .map(|n| {
            let copy = events[..n].iter().filter(|e| **e == events[n]).count();
            Value::String(event_id(&events[n], copy))
        })
        .collect();
    out.insert(path(&["i", id, "vo"]), Value::Array(people));
    out.insert(path(&["i", id, "eo"]), Value::Array(eids));
}

/// The store document (version 1 JSON) for a flattened view.
pub fn unflatten(view: &BTreeMap<Path, Value>) -> Value {
    let get = |p: &[&str]| view.get(&path(p));
    let mut root = Map::new();
    root.insert("version".into(), Value::from(CURRENT_VERSION));
    let mut profile = Map::new();
    for (p, v) in view {
        match (p.first().map(String::as_str), p.len()) {
            (Some("p"), 2) => {
                profile.insert(p[1].clone(), v.clone());
            }
            (Some("x"), 2) => {
                root.insert(p[1].clone(), v.clone());
            }
            _ => {}
        }
    }
    if !profile.is_empty() {
        root.insert("profile".into(), Value::Object(profile));
    }
    let mut interviews = Vec::new();
    for id in get(&["o"]).and_then(Value::as_array).into_iter().flatten() {
        let Some(id) = id.as_str() else { continue };
        let mut iv = Map::new();
        iv.insert("id".into(), Value::String(id.to_owned()));
        let under = |kind: &str| {
            let start = path(&["i", id, kind]);
            view.range(start.clone()..)
                .take_while(move |(p, _)| p.starts_with(&start))
        };
        for (p, v) in under("f") {
            if p.len() == 4 {
                iv.insert(p[3].clone(), v.clone());
            }
        }
        let mut people = Vec::new();
        for who in get(&["i", id, "vo"])
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let Some(who) = who.as_str() else { continue };
            let mut person = Map::new();
            person.insert("id".into(), Value::String(who.to_owned()));
            let start = path(&["i", id, "v", who]);
            for (p, v) in view
                .range(start.clone()..)
                .take_while(|(p, _)| p.starts_with(&start))
            {
                if p.len() == 5 {
                    person.insert(p[4].clone(), v.clone());
                }
            }
            people.push(Value::Object(person));
        }
        if !people.is_empty() {
            iv.insert("interviewers".into(), Value::Array(people));
        }
        let events: Vec<Value> = get(&["i", id, "eo"])
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|e| get(&["i", id, "e", e.as_str()?]).cloned())
            .collect();
        if !events.is_empty() {
            iv.insert("events".into(), Value::Array(events));
        }
        interviews.push(Value::Object(iv));
    }
    root.insert("interviews".into(), Value::Array(interviews));
    Value::Object(root)
}
