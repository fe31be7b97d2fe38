//! The merge and the shard codec, tested on random edit histories: two or three devices edit
//! their own copies (adding, editing and deleting interviews, interviewers, events, snoozes)
//! and sync through a model of the browser's sync storage: each item keeps the last write, a
//! device receives any item's current value at any time, in any order, as often as it likes.
//! At the end every device has the same store, and every field holds its latest edit.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use super::doc::{flatten, Path};
use super::shard::{self, ITEM_BYTES};
use super::*;
use crate::model::Store;
use crate::reminders::Reminders;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

const IDS: [&str; 3] = ["acme", "globex", "acme.pm"];
const PEOPLE: [&str; 2] = ["dana", "lee"];

/// A store of one interview, `id` at `company`.
fn one_interview(id: &str, company: &str) -> Store {
    let json = json!({"version": 1, "interviews": [{"id": id, "company": company, "role": "PM",
        "at": "2026-11-20T14:00:00-05:00"}]});
    crate::store::from_value(json).unwrap()
}

fn empty() -> Store {
    crate::store::parse(r#"{"version": 1, "interviews": []}"#).unwrap()
}

/// Whether any item of the JSON array `list` (none when it is not one) passes `f`.
fn any_of(list: &Value, f: impl Fn(&Value) -> bool) -> bool {
    list.as_array().into_iter().flatten().any(f)
}

/// One device: its store as the user sees it, its synced copy, its clock, its view of the
/// sync storage and the group texts it last wrote or read.
struct Device {
    store: Store,
    reminders: Reminders,
    doc: Doc,
    clock: Clock,
    skew: i64,
    mirror: BTreeMap<String, String>,
    known: BTreeMap<String, String>,
}

/// A write made by a device: where, when, what.
type Write = (Path, Stamp, Option<Value>);

struct World {
    devices: Vec<Device>,
    server: BTreeMap<String, String>,
    now: u64,
    writes: Vec<Write>,
}

impl World {
    fn new(n: usize) -> World {
        let devices = (0..n)
            .map(|i| Device {
                store: empty(),
                reminders: Reminders::default(),
                doc: Doc::default(),
                clock: Clock::new(100 + i as u64),
                // The second device's clock is ten seconds behind, the third's five ahead.
                skew: [0, -10_000, 5_000][i],
                mirror: BTreeMap::new(),
                known: BTreeMap::new(),
            })
            .collect();
        let mut world = World {
            devices,
            server: BTreeMap::new(),
            now: 1_000_000,
            writes: Vec::new(),
        };
        // Every device has turned sync on, and each knows the others do (COLLECT_AFTER_MS
        // covers the time before that; these tests collect at once).
        for d in 0..n {
            let dev = &mut world.devices[d];
            dev.doc
                .record(&mut dev.clock, 1_000_000, &empty(), &Reminders::default());
            world.publish(d);
        }
        world.settle();
        world
    }

    fn wall(&self, d: usize) -> u64 {
        (self.now as i64 + self.devices[d].skew) as u64
    }

    /// A local edit on device `d`, recorded in its synced copy.
    fn edit(&mut self, d: usize, op: u8, a: u8, b: u8) {
        self.now += 1_000;
        let mut json = serde_json::to_value(&self.devices[d].store).unwrap();
        let list = json["interviews"].as_array_mut().unwrap();
        let id = IDS[a as usize % IDS.len()];
        let at = list.iter().position(|iv| iv["id"] == id);
        let who = PEOPLE[b as usize % PEOPLE.len()];
        match (op % 9, at) {
            (0, None) => list.push(json!({"id": id, "company": format!("{id} {b}"),
                "role": "PM", "at": "2026-11-20T14:00:00-05:00"})),
            (1, Some(i)) => {
                list.remove(i);
            }
            (2, Some(i)) => list[i]["company"] = json!(format!("Co {b}")),
            (3, Some(i)) => {
                let field = ["role", "decision_by", "skills", "x_note"][b as usize % 4];
                let v = match field {
                    "role" => json!(format!("Role {b}")),
                    "decision_by" => json!(format!("2026-12-{:02}", 1 + b % 28)),
                    "skills" => json!(["SQL", b.to_string()]),
                    _ => json!(null),
                };
                if b % 5 == 0 && field != "role" {
                    list[i].as_object_mut().unwrap().remove(field);
                } else {
                    list[i][field] = v;
                }
            }
            (4, Some(i)) => {
                let people = list[i]["interviewers"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                if !people.iter().any(|p| p["id"] == who) {
                    let mut people = people;
                    people.push(json!({"id": who, "name": format!("{who} {b}")}));
                    list[i]["interviewers"] = json!(people);
                } else {
                    let people: Vec<Value> = people
                        .into_iter()
                        .map(|mut p| {
                            if p["id"] == who {
                                p["title"] = json!(format!("Title {b}"));
                            }
                            p
                        })
                        .collect();
                    list[i]["interviewers"] = json!(people);
                }
            }
            (5, Some(i)) => {
                let named = any_of(&list[i]["events"], |e| e["interviewer"] == who);
                if let (false, Some(people)) = (named, list[i]["interviewers"].as_array_mut()) {
                    people.retain(|p| p["id"] != who);
                }
            }
            (6, Some(i)) => {
                let known = any_of(&list[i]["interviewers"], |p| p["id"] == who);
                let mut event = json!({"kind": "reply", "at": format!("2026-11-2{}T10:00:00Z", b % 10), "outcome": "neutral"});
                if known && b % 2 == 0 {
                    event = json!({"kind": "sent", "follow_up": "thank-you", "interviewer": who,
                        "at": format!("2026-11-2{}T10:00:00Z", b % 10)});
                }
                let mut events = list[i]["events"].as_array().cloned().unwrap_or_default();
                events.push(event);
                list[i]["events"] = json!(events);
            }
            (7, Some(i)) => {
                if let Some(events) = list[i]["events"].as_array_mut() {
                    if !events.is_empty() {
                        let n = b as usize % events.len();
                        events.remove(n);
                    }
                }
            }
            (8, _) => {
                let r = &mut self.devices[d].reminders;
                let key = crate::reminders::key(id, Some(who), crate::model::Kind::ThankYou);
                match b % 3 {
                    0 => {
                        r.notified.insert(key);
                    }
                    1 => {
                        let until =
                            chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00Z").unwrap();
                        r.snoozed.insert(key, until);
                    }
                    _ => {
                        r.snoozed.remove(&key);
                        r.notified.remove(&key);
                    }
                }
                json["profile"] = json!({"name": format!("Sam {a}")});
            }
            _ => return,
        }
        let Ok(store) = crate::store::from_value(json) else {
            return;
        };
        let wall = self.wall(d);
        let dev = &mut self.devices[d];
        dev.store = store;
        let before = dev.doc.clone();
        dev.doc
            .record(&mut dev.clock, wall, &dev.store, &dev.reminders);
        for (p, reg) in &dev.doc.regs {
            if before.regs.get(p) != Some(reg) {
                self.writes.push((p.clone(), reg.at, reg.value.clone()));
            }
        }
        dev.doc.settle(&mut dev.clock, wall, 0);
        // What the device shows is what it recorded.
        let (shown, _) = dev.doc.materialize().unwrap();
        assert_eq!(
            flatten(&shown, &dev.reminders),
            flatten(&dev.store, &dev.reminders)
        );
    }

    /// Device `d` writes the groups whose text changed since it last wrote or read them.
    fn publish(&mut self, d: usize) {
        let dev = &mut self.devices[d];
        let groups = shard::groups(&dev.doc);
        let mut written = Vec::new();
        let mut items = BTreeMap::new();
        for (g, text) in &groups {
            if dev.known.get(g) != Some(text) {
                written.push(g.clone());
                items.extend(shard::split(g, text));
                dev.known.insert(g.clone(), text.clone());
            }
        }
        for (k, v) in &items {
            assert!(
                shard::item_bytes(k, v) <= ITEM_BYTES,
                "{k}: {}",
                shard::item_bytes(k, v)
            );
        }
        let (set, remove) = shard::plan(&dev.mirror, &items, &written);
        for k in remove {
            self.server.remove(&k);
            dev.mirror.remove(&k);
        }
        for (k, v) in set {
            self.server.insert(k.clone(), v.clone());
            dev.mirror.insert(k, v);
        }
    }

    /// Device `d` receives the current value of the items `pick` chooses (all for `None`),
    /// then takes in every group that is whole.
    fn receive(&mut self, d: usize, pick: Option<u64>) {
        let wall = self.wall(d);
        let keys: BTreeSet<String> = self
            .server
            .keys()
            .chain(self.devices[d].mirror.keys())
            .filter(|k| {
                pick.is_none_or(|p| crate::draft::phrases::fnv1a(&[k, &p.to_string()]) % 2 == 0)
            })
            .cloned()
            .collect();
        let dev = &mut self.devices[d];
        for k in keys {
            match self.server.get(&k) {
                Some(v) => dev.mirror.insert(k, v.clone()),
                None => dev.mirror.remove(&k),
            };
        }
        for (g, text) in shard::join(&dev.mirror) {
            let part = shard::read_group(&g, &text).unwrap();
            dev.doc.merge(&part);
            dev.known.insert(g, text);
        }
        if let Some(latest) = dev.doc.latest() {
            dev.clock.observe(latest);
        }
        dev.doc.settle(&mut dev.clock, wall, 0);
        let (store, reminders) = dev.doc.materialize().unwrap();
        dev.store = store;
        dev.reminders = reminders;
    }

    /// What the sync storage and every device's copy hold.
    fn snapshot(&self) -> (BTreeMap<String, String>, Vec<Doc>) {
        let docs = self.devices.iter().map(|d| d.doc.clone()).collect();
        (self.server.clone(), docs)
    }

    /// Everyone reads everything and writes what changed, until a round changes nothing.
    fn settle(&mut self) {
        for _ in 0..20 {
            let before = self.snapshot();
            for d in 0..self.devices.len() {
                self.receive(d, None);
                self.publish(d);
            }
            if before == self.snapshot() {
                return;
            }
        }
        panic!("still writing after 20 rounds");
    }
}

/// What the latest write to each path says must show, where what it is under shows.
fn check_latest(world: &World) -> Result<(), TestCaseError> {
    let view = world.devices[0].doc.view();
    let mut latest: BTreeMap<&Path, (&Stamp, &Option<Value>)> = BTreeMap::new();
    for (p, at, v) in &world.writes {
        if latest.get(p).is_none_or(|(t, _)| *t < at) {
            latest.insert(p, (at, v));
        }
    }
    let doc = &world.devices[0].doc;
    let floor = |prefix: &[String]| {
        doc.regs
            .get(prefix)
            .and_then(|r| serde_json::from_value::<(Stamp, bool)>(r.value.clone()?).ok())
            .map(|(f, _)| f)
    };
    for (p, (at, value)) in latest {
        let kind = p.last().map(String::as_str);
        let presence = p[0] == "i" && (p.len() == 2 || (p.len() == 4 && p[2] == "v"));
        if presence || matches!(kind, Some("o" | "vo" | "eo")) || p[0] == "d" || p[0] == "k" {
            continue;
        }
        let shows = |n: usize| p.len() <= n || view.contains_key(&p[..n]);
        if p[0] == "i" && !(shows(2) && (p[2] != "v" || shows(4))) {
            continue;
        }
        // Written before the interview or interviewer was deleted and created again: hidden.
        // An interviewer a message names shows as last written, floors or not.
        let named = p.len() > 4
            && p[2] == "v"
            && view.iter().any(|(q, v)| {
                q.len() == 4 && q[..2] == p[..2] && q[2] == "e" && v["interviewer"] == p[3].as_str()
            });
        let hidden = p[0] == "i"
            && !named
            && [2, 4]
                .iter()
                .any(|&n| p.len() > n && floor(&p[..n]).is_some_and(|f| *at <= f));
        let value = if hidden { None } else { value.as_ref() };
        prop_assert_eq!(view.get(p), value, "{:?}", p);
    }
    Ok(())
}

/// Every device's copy shows the same before and after collecting, once all three devices
/// have acknowledged everything it holds.
fn collecting_shows_the_same(world: &World) -> Result<(), TestCaseError> {
    for dev in &world.devices {
        let mut doc = dev.doc.clone();
        for d in [100, 101, 102] {
            doc.ack(&mut Clock::new(d), 99_999_999);
        }
        let before = doc.view();
        doc.collect(0);
        prop_assert_eq!(doc.view(), before);
    }
    Ok(())
}

#[derive(Debug, Clone)]
enum Step {
    Edit(usize, u8, u8, u8),
    Publish(usize),
    Receive(usize, u64),
}

fn steps(devices: usize) -> impl Strategy<Value = Vec<Step>> {
    let step = prop_oneof![
        6 => (0..devices, any::<u8>(), any::<u8>(), any::<u8>()).prop_map(|(d, o, a, b)| Step::Edit(d, o, a, b)),
        2 => (0..devices).prop_map(Step::Publish),
        2 => (0..devices, any::<u64>()).prop_map(|(d, p)| Step::Receive(d, p)),
    ];
    prop::collection::vec(step, 1..60)
}

fn run(devices: usize, steps: &[Step]) -> World {
    let mut world = World::new(devices);
    for s in steps {
        match *s {
            Step::Edit(d, o, a, b) => world.edit(d, o, a, b),
            Step::Publish(d) => world.publish(d),
            Step::Receive(d, p) => world.receive(d, Some(p)),
        }
    }
    world
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Two or three devices that edit offline and sync in any order end with the same store,
    /// and every field holds its latest edit.
    #[test]
    fn devices_converge_and_keep_every_latest_edit(n in 2usize..4, s in steps(3)) {
        let s: Vec<Step> = s.into_iter().filter(|s| match s {
            Step::Edit(d, ..) | Step::Publish(d) | Step::Receive(d, _) => *d < n,
        }).collect();
        let mut world = run(n, &s);
        world.settle();
        let first = world.devices[0].doc.view();
        for dev in &world.devices[1..] {
            prop_assert_eq!(&dev.doc.view(), &first);
            prop_assert_eq!(&dev.store, &world.devices[0].store);
            prop_assert_eq!(&dev.reminders, &world.devices[0].reminders);
        }
        check_latest(&world)?;
    }

    /// Merging is commutative, associative and idempotent, on copies with any history.
    #[test]
    fn merge_is_a_join(s in steps(3)) {
        let world = run(3, &s);
        let [a, b, c] = [0, 1, 2].map(|d| world.devices[d].doc.clone());
        let merged = |x: &Doc, y: &Doc| { let mut m = x.clone(); m.merge(y); m };
        prop_assert_eq!(merged(&a, &b), merged(&b, &a));
        prop_assert_eq!(merged(&merged(&a, &b), &c), merged(&a, &merged(&b, &c)));
        prop_assert_eq!(merged(&a, &a), a.clone());
        prop_assert_eq!(merged(&merged(&a, &b), &b), merged(&a, &b));
    }

    /// Collecting tombstones never changes what a copy shows.
    #[test]
    fn collecting_changes_nothing_shown(s in steps(3)) {
        collecting_shows_the_same(&run(3, &s))?;
    }

    /// Any copy goes through groups and items and back unchanged, and no item is over the
    /// limit, whatever the text (long, escaped, any script).
    #[test]
    fn groups_and_items_round_trip(s in steps(3), text in "\\PC{0,40}", long in 0usize..20_000) {
        let mut world = run(3, &s);
        let mut store = world.devices[0].store.clone();
        if let Some(iv) = store.interviews.first_mut() {
            iv.company = format!("x{text}{}", "\"\\\u{1}é😀".repeat(long / 8));
        }
        let dev = &mut world.devices[0];
        dev.doc.record(&mut dev.clock, 9_999_999, &store, &Reminders::default());
        let mut items = BTreeMap::new();
        for (g, t) in shard::groups(&dev.doc) {
            for (k, v) in shard::split(&g, &t) {
                prop_assert!(shard::item_bytes(&k, &v) <= ITEM_BYTES);
                items.insert(k, v);
            }
        }
        let mut back = Doc::default();
        for (g, t) in shard::join(&items) {
            back.merge(&shard::read_group(&g, &t).unwrap());
        }
        prop_assert_eq!(&back, &dev.doc);
        prop_assert_eq!(back.materialize().unwrap().0, store);
    }

    /// Reading items never panics, whatever they hold; a group's text that is not ours is an
    /// error that names the group.
    #[test]
    fn foreign_items_are_ignored_or_refused(keys in prop::collection::vec("(s\\.)?[mi0-9a-f.]{0,6}", 0..6),
                                            values in prop::collection::vec("[0-9a-f:]{0,12}.{0,12}", 0..6)) {
        let items: BTreeMap<String, String> = keys.into_iter().zip(values).collect();
        for (g, t) in shard::join(&items) {
            let _ = shard::read_group(&g, &t);
        }
    }
}

#[test]
fn a_store_round_trips_through_a_copy() {
    let store = crate::store::parse(
        r#"{"version": 1, "x_top": {"k": [1, null]}, "profile": {"name": "Sam", "holidays": ["2026-12-24"]},
        "interviews": [{"id": "b", "company": "B", "role": "PM", "at": "2026-11-20T14:00:00-05:00",
          "x_field": null, "interviewers": [{"id": "z", "name": "Zed"}, {"id": "a", "name": "Ann", "x": 1}],
          "events": [{"kind": "reply", "at": "2026-11-25T10:00:00Z", "outcome": "neutral"},
                     {"kind": "sent", "follow_up": "thank-you", "interviewer": "z", "at": "2026-11-21T10:00:00Z"},
                     {"kind": "reply", "at": "2026-11-25T10:00:00Z", "outcome": "neutral"}]},
          {"id": "a", "company": "A", "role": "PM", "at": "2026-11-20T14:00:00-05:00"}]}"#,
    )
    .unwrap();
    let mut doc = Doc::default();
    let mut clock = Clock::new(1);
    assert!(doc.record(&mut clock, 5, &store, &Reminders::default()));
    assert!(
        !doc.record(&mut clock, 6, &store, &Reminders::default()),
        "nothing changed"
    );
    assert_eq!(doc.materialize().unwrap().0, store);
}

#[test]
fn a_deletion_wins_over_older_edits_and_a_later_edit_brings_it_all_back() {
    let store = crate::store::parse(
        r#"{"version": 1, "interviews": [{"id": "a", "company": "A", "role": "PM",
        "at": "2026-11-20T14:00:00-05:00", "skills": ["SQL"]}]}"#,
    )
    .unwrap();
    let (mut one, mut two) = (Doc::default(), Doc::default());
    let (mut c1, mut c2) = (Clock::new(1), Clock::new(2));
    one.record(&mut c1, 1_000, &store, &Reminders::default());
    two.merge(&one);
    // Device 1 deletes; device 2, not knowing, edited the role earlier: the deletion wins.
    let mut edited = store.clone();
    edited.interviews[0].role = "Senior PM".into();
    two.record(&mut c2, 1_500, &edited, &Reminders::default());
    one.record(&mut c1, 2_000, &empty(), &Reminders::default());
    let mut merged = one.clone();
    merged.merge(&two);
    assert!(merged.materialize().unwrap().0.interviews.is_empty());
    // Device 2 edits again after the deletion (it has not seen it): all of it comes back.
    edited.interviews[0].company = "A Corp".into();
    two.record(&mut c2, 3_000, &edited, &Reminders::default());
    merged.merge(&two);
    let back = merged.materialize().unwrap().0;
    assert_eq!(back.interviews.len(), 1);
    assert_eq!(back.interviews[0].company, "A Corp");
    assert_eq!(back.interviews[0].skills, ["SQL"]);
}

#[test]
fn tombstones_are_collected_once_every_device_has_seen_them() {
    let store = one_interview("a", "A");
    let (mut one, mut two) = (Doc::default(), Doc::default());
    let (mut c1, mut c2) = (Clock::new(1), Clock::new(2));
    one.record(&mut c1, 1_000, &store, &Reminders::default());
    two.merge(&one);
    two.record(
        &mut c2,
        1_100,
        &two.materialize().unwrap().0,
        &Reminders::default(),
    );
    one.merge(&two);
    one.record(&mut c1, 2_000, &empty(), &Reminders::default());
    one.settle(&mut c1, 2_000, 0);
    let a = vec!["i".to_owned(), "a".to_owned()];
    assert!(
        one.regs.contains_key(&a),
        "device 2 has not seen the deletion yet"
    );
    two.merge(&one);
    two.settle(&mut c2, 2_100, 0);
    // What the interview held is gone; its presence stays as a grave.
    let under = |d: &Doc| {
        d.regs
            .keys()
            .filter(|p| p.starts_with(&a))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(under(&two), std::slice::from_ref(&a));
    // Device 1 learns that device 2 has seen it, from device 2's copy (which no longer holds
    // the interview) and collects it too; from then on the two copies are equal.
    one.merge(&two);
    one.settle(&mut c1, 3_000, 0);
    assert_eq!(under(&one), std::slice::from_ref(&a));
    two.merge(&one);
    two.settle(&mut c2, 3_100, 0);
    assert_eq!(one, two);
    // Created again, it does not bring back what it held before.
    let (mut again, _) = one.materialize().unwrap();
    let mut fresh = store.clone();
    fresh.interviews[0].role = "Lead".into();
    again.interviews = fresh.interviews;
    one.record(&mut c1, 4_000, &again, &Reminders::default());
    let floor: (Stamp, bool) = serde_json::from_value(one.regs[&a].value.clone().unwrap()).unwrap();
    assert!(floor.0 >= Stamp(2_000, 0, 1), "{floor:?}");
    // Thirty days on, the grave goes too.
    let later = 4_000 + doc::ACK_KEPT_MS + doc::COLLECT_AFTER_MS + 1;
    let mut gone = empty();
    gone.profile.name = Some("Sam".into());
    one.record(&mut c1, later, &gone, &Reminders::default());
    one.settle(&mut c1, later, doc::COLLECT_AFTER_MS);
    two.merge(&one);
    two.settle(&mut c2, later + 1, doc::COLLECT_AFTER_MS);
    one.merge(&two);
    one.settle(&mut c1, later + 2, doc::COLLECT_AFTER_MS);
    let later = later + doc::ACK_KEPT_MS + 10;
    let mut renamed = gone.clone();
    renamed.profile.name = Some("Sam R".into());
    one.record(&mut c1, later, &renamed, &Reminders::default());
    one.settle(&mut c1, later, doc::COLLECT_AFTER_MS);
    assert_eq!(under(&one), Vec::<Path>::new());
}

/// Found by the property test: device 2 adds Dana and then records a message to her; device 0,
/// meanwhile, deletes the interview and creates it again. The message is later than the new
/// floor, Dana is not: she still shows, as the message names her.
#[test]
fn an_interviewer_a_message_names_outlives_a_deletion_of_their_interview() {
    let steps = [
        Step::Edit(2, 9, 229, 0),
        Step::Publish(2),
        Step::Edit(2, 4, 40, 14),
        Step::Edit(0, 0, 0, 0),
        Step::Receive(0, 763_781_395_059_596_465),
        Step::Edit(0, 56, 0, 0),
        Step::Edit(0, 0, 0, 0),
        Step::Edit(0, 2, 0, 0),
        Step::Edit(0, 0, 0, 0),
        Step::Edit(0, 235, 55, 0),
        Step::Edit(2, 105, 145, 254),
        Step::Edit(0, 81, 55, 0),
    ];
    let mut world = run(3, &steps);
    world.settle();
    let store = &world.devices[0].store;
    let globex = store
        .interviews
        .iter()
        .find(|iv| iv.id == "globex")
        .unwrap();
    assert_eq!(globex.interviewers.len(), 1, "{globex:?}");
    assert_eq!(globex.events[0].interviewer.as_deref(), Some("dana"));
    for dev in &world.devices[1..] {
        assert_eq!(&dev.store, store);
    }
}

/// A change the user makes while the copy takes in another device's is recorded from the store
/// it was made on: what only the other device has is not taken for a deletion.
#[test]
fn a_change_made_during_a_merge_is_recorded_from_its_own_store() {
    let (mine, theirs) = (one_interview("a", "A"), one_interview("b", "B"));
    let (mut here, mut there) = (Doc::default(), Doc::default());
    let (mut c1, mut c2) = (Clock::new(1), Clock::new(2));
    let none = Reminders::default();
    here.record(&mut c1, 1_000, &mine, &none);
    there.record(&mut c2, 1_000, &theirs, &none);
    here.merge(&there);
    // Meanwhile, on the store as it was before the merge, the user renamed A.
    let mut renamed = mine.clone();
    renamed.interviews[0].company = "A Corp".into();
    here.record_since(&mut c1, 2_000, (&mine, &none), (&renamed, &none));
    let (merged, _) = here.materialize().unwrap();
    let mut names: Vec<&str> = merged
        .interviews
        .iter()
        .map(|iv| iv.company.as_str())
        .collect();
    crate::order::sort(&mut names);
    assert_eq!(names, ["A Corp", "B"]);
    // Recorded as `record` would have (against what the copy shows), B would be gone.
    let mut wrong = here.clone();
    wrong.record(&mut c1, 3_000, &renamed, &none);
    assert_eq!(wrong.materialize().unwrap().0.interviews.len(), 1);
}

/// Found by `collecting_changes_nothing_shown`: an interview deleted on one device and a field
/// of it cleared afterwards shows again (a write after its deletion); the field's tombstone is
/// what shows it, so collecting it would hide the interview.
#[test]
fn a_tombstone_that_shows_a_deleted_interview_again_is_kept() -> Result<(), TestCaseError> {
    use Step::{Edit, Publish, Receive};
    let steps = [
        Edit(0, 9, 31, 0),
        Publish(0),
        Receive(2, 5_675_696_172_150_846_781),
        Receive(1, 3_464_261_902_926_814_317),
        Edit(2, 120, 121, 161),
        Publish(2),
        Edit(0, 226, 190, 0),
        Receive(0, 0),
        Edit(0, 23, 0, 0),
        Edit(0, 0, 0, 0),
        Edit(0, 192, 136, 65),
    ];
    collecting_shows_the_same(&run(3, &steps))
}
