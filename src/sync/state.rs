//! What a device keeps about sync in its own local storage (never synced), the key item that
//! lets another device check its passphrase, and what the popup is told.

use super::clock::Clock;
use super::doc::{Doc, Path, Reg};
use super::shard::{self, item_bytes, TOTAL_BYTES};
use crate::draft::phrases::fnv1a;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

/// PBKDF2-SHA-256 iterations for the key (OWASP's 2023 figure for this hash). Measured in the
/// e2e suite: the derivation a device does once, when sync is turned on there.
pub const KDF_ITERATIONS: u32 = 600_000;

/// The storage.sync key of the item another device checks its passphrase against.
pub const KEY_ITEM: &str = "s.key";

/// The text sealed in the key item: opening it proves the passphrase.
pub const CHECK_TEXT: &str = "interview-followup sync v1";

/// The key item: how the key is derived, and a text sealed with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyItem {
    /// Format version.
    pub v: u32,
    /// PBKDF2 salt, base64 (16 random bytes).
    pub salt: String,
    /// PBKDF2 iterations.
    pub iterations: u32,
    /// [`CHECK_TEXT`], sealed (base64).
    pub check: String,
}

/// A device's sync state, in its local storage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncState {
    /// This device's id (random, chosen when sync is turned on here).
    pub device: u64,
    /// Its clock.
    pub clock: Clock,
    /// The AES-GCM key derived from the passphrase (raw bytes, base64): kept so the background
    /// part syncs after a restart without asking again. The local storage holds the store
    /// itself in the clear; the key adds nothing a reader of it did not have.
    pub key: String,
    /// The key item this device joined with (another device's new key item means the
    /// passphrase changed there: sync stops here until it is given).
    pub key_item: KeyItem,
    /// The synced document as this device holds it.
    pub doc: Doc,
    /// Group → a hash of its text as last written or read here: only groups whose text
    /// changed are sealed and written.
    pub texts: BTreeMap<String, String>,
    /// Group → the tag of the sealed payload last opened here: a group is opened again only
    /// when its items change.
    pub opened: BTreeMap<String, String>,
    /// Why the last attempt to write did not (over the quota), in words for the user.
    pub problem: Option<String>,
    /// When this device last wrote or read (ms since the epoch).
    pub at: f64,
    /// When it wrote to the sync storage in the last hour (ms since the epoch; each `set` and
    /// `remove` is one write against the browser's rate limits).
    #[serde(default)]
    pub writes: Vec<f64>,
}

/// Writes to the sync storage allowed per minute and per hour: Chrome's limits (120 and
/// 1,800) with room left for a write already on its way.
pub const WRITES_PER_MINUTE: usize = 100;
/// See [`WRITES_PER_MINUTE`].
pub const WRITES_PER_HOUR: usize = 1_500;

/// Whether `n` more writes at `now` stay within the rate limits, given the writes made
/// (`writes`, pruned to the last hour here).
pub fn may_write(writes: &mut Vec<f64>, now: f64, n: usize) -> bool {
    writes.retain(|t| now - t < 3_600_000.0);
    let last_minute = writes.iter().filter(|t| now - **t < 60_000.0).count();
    last_minute + n <= WRITES_PER_MINUTE && writes.len() + n <= WRITES_PER_HOUR
}

impl Serialize for Doc {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.regs.iter())
    }
}

impl<'de> Deserialize<'de> for Doc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Doc, D::Error> {
        let regs: Vec<(Path, Reg)> = Vec::deserialize(d)?;
        let mut doc = Doc::default();
        doc.regs.extend(regs);
        Ok(doc)
    }
}

/// A short hash of a text (to tell whether it changed).
pub fn text_hash(text: &str) -> String {
    format!("{:016x}", fnv1a(&[text]))
}

/// The groups whose text differs from what `texts` remembers, and the groups remembered that
/// no longer exist (their items go).
pub fn changed_groups(
    doc: &Doc,
    texts: &BTreeMap<String, String>,
) -> (BTreeMap<String, String>, Vec<String>) {
    let groups = shard::groups(doc);
    let gone = texts
        .keys()
        .filter(|g| !groups.contains_key(*g))
        .cloned()
        .collect();
    let mut changed = BTreeMap::new();
    changed.extend(
        groups
            .into_iter()
            .filter(|(g, t)| texts.get(g) != Some(&text_hash(t))),
    );
    (changed, gone)
}

/// How many interviews fit the quota, smallest first, after the key item and the group of
/// everything else (`sizes`: bytes each group's items take; `per_group`: interviews in each).
pub fn interviews_that_fit(
    sizes: &[(String, usize)],
    per_group: &[(String, usize)],
    key_bytes: usize,
) -> usize {
    let size_of = |g: &str| sizes.iter().find(|(s, _)| s == g).map_or(0, |(_, n)| *n);
    let mut used = key_bytes + size_of("m");
    let mut groups: Vec<(usize, usize)> = sizes
        .iter()
        .filter(|(g, _)| g.as_str() != "m")
        .map(|(g, n)| {
            let interviews = per_group
                .iter()
                .find(|(p, _)| p == g)
                .map_or(1, |(_, k)| *k);
            (*n, interviews)
        })
        .collect();
    crate::order::sort(&mut groups);
    let mut fit = 0;
    for (bytes, interviews) in groups {
        used += bytes;
        if used > TOTAL_BYTES {
            break;
        }
        fit += interviews;
    }
    fit
}

/// Adds `n` to `key`'s count in a small list of counts.
fn add(counts: &mut Vec<(String, usize)>, key: String, n: usize) {
    match counts.iter_mut().find(|(k, _)| *k == key) {
        Some((_, c)) => *c += n,
        None => counts.push((key, n)),
    }
}

/// Interviews per group of `doc` (those it shows).
pub fn interviews_per_group(doc: &Doc) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for p in doc.view().keys().filter(|p| p.len() == 2 && p[0] == "i") {
        add(&mut out, shard::group_of(p), 1);
    }
    out
}

/// Bytes the items take, per group (`s.<group>.<n>` keys).
pub fn bytes_per_group(items: &BTreeMap<String, String>) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (k, v) in items {
        if let Some((g, _)) = shard::key_group(k) {
            add(&mut out, g.to_owned(), item_bytes(k, v));
        }
    }
    out
}

/// The words for a store that outgrew the browser's sync storage.
pub fn over_quota_words(bytes: usize, fit: usize, total: usize) -> String {
    format!(
        "Sync is paused: your data needs {} KB of the {} KB the browser syncs for an extension. \
         {fit} of your {total} interviews would fit; delete old interviews you no longer need \
         (export them first to keep a copy) and sync resumes. Everything stays on this device \
         meanwhile.",
        bytes.div_ceil(1024),
        TOTAL_BYTES / 1024
    )
}

/// "just now", "5 minutes ago", "2 hours ago", "3 days ago": how long since `then_ms`.
pub fn since_words(then_ms: f64, now_ms: f64) -> String {
    let minutes = ((now_ms - then_ms) / 60_000.0).max(0.0) as u64;
    let (n, unit) = match minutes {
        0 => return "just now".to_owned(),
        1..=59 => (minutes, "minute"),
        60..=1439 => (minutes / 60, "hour"),
        _ => (minutes / 1440, "day"),
    };
    format!("{} ago", crate::text::count(n as usize, unit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reminders::Reminders;

    #[test]
    fn the_state_round_trips_as_json() {
        let store = crate::store::parse(
            r#"{"version": 1, "interviews": [{"id": "a", "company": "A", "role": "PM",
            "at": "2026-11-20T14:00:00-05:00", "x": null}]}"#,
        )
        .unwrap_or_default();
        let mut doc = Doc::default();
        let mut clock = Clock::new(9);
        doc.record(&mut clock, 5, &store, &Reminders::default());
        let state = SyncState {
            device: 9,
            clock,
            key: "k".into(),
            key_item: KeyItem {
                v: 1,
                salt: "s".into(),
                iterations: KDF_ITERATIONS,
                check: "c".into(),
            },
            texts: BTreeMap::from([("m".into(), text_hash("x"))]),
            opened: BTreeMap::new(),
            doc,
            problem: None,
            at: 1.5,
            writes: vec![2.5],
        };
        let text = serde_json::to_string(&state).unwrap_or_default();
        let back: SyncState = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
        assert_eq!(back, state);
        let (changed, gone) = changed_groups(&back.doc, &back.texts);
        assert!(
            changed.contains_key("m") && changed.len() == 2,
            "{changed:?}"
        );
        assert!(gone.is_empty());
    }

    #[test]
    fn writes_wait_for_the_rate_limits() {
        let mut writes: Vec<f64> = (0..99).map(|i| f64::from(i) * 100.0).collect();
        assert!(may_write(&mut writes, 10_000.0, 1));
        assert!(!may_write(&mut writes, 10_000.0, 2), "101 in a minute");
        assert!(may_write(&mut writes, 70_000.0, 2), "a minute later");
        let mut hour: Vec<f64> = (0..1_499).map(|i| f64::from(i) * 2_000.0).collect();
        assert!(!may_write(&mut hour, 2_998_000.0 + 61_000.0, 2));
        assert!(
            may_write(&mut hour, 3_600_000.0 + 100_000.0, 2),
            "old writes age out"
        );
    }

    #[test]
    fn how_long_since() {
        assert_eq!(since_words(0.0, 30_000.0), "just now");
        assert_eq!(since_words(0.0, 60_000.0), "1 minute ago");
        assert_eq!(since_words(0.0, 7_200_000.0), "2 hours ago");
        assert_eq!(since_words(0.0, 3.0 * 86_400_000.0), "3 days ago");
        assert_eq!(since_words(5.0, 0.0), "just now");
    }

    #[test]
    fn the_smallest_interviews_fit_first() {
        let sizes = [
            ("m".to_owned(), 2_000),
            ("ia".to_owned(), 60_000),
            ("ib".to_owned(), 30_000),
            ("ic".to_owned(), 30_000),
        ];
        assert_eq!(interviews_that_fit(&sizes, &[], 400), 2);
        assert!(over_quota_words(124_000, 2, 3).contains("2 of your 3 interviews"));
    }
}
