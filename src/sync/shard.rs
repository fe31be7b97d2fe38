//! The synced document as items of the browser's sync storage, within its quotas (Chrome's
//! `storage.sync`: 102,400 bytes in all, 8,192 per item counting its key, 512 items; Firefox
//! Sync takes the same API).
//!
//! The document is cut into *groups*: `m` (the profile, the orders, the reminders' marks, the
//! devices) and one per interview (`i` and a hash of its id; two ids with one hash share a
//! group). A group's text ([`groups`]) is what the extension pages compress and encrypt; the
//! sealed bytes, in base64, are then split into items ([`split`]) under the per-item limit, each
//! naming its group, its part, the number of parts and a tag of the whole, so that parts of two
//! different writes are never put together ([`join`]). Only groups whose text changed are
//! sealed and written again.

use super::doc::{Doc, Path, Reg};
use crate::draft::phrases::fnv1a;
use std::collections::BTreeMap;

/// Bytes an item may take: its key and its value as JSON text.
pub const ITEM_BYTES: usize = 8_192;
/// Bytes all items may take together.
pub const TOTAL_BYTES: usize = 102_400;
/// Items the storage holds at most.
pub const MAX_ITEMS: usize = 512;
/// The prefix of every item key of ours (other extensions' data never mixes in: each has its
/// own area, but the prefix keeps ours apart from any of our own later uses).
pub const PREFIX: &str = "s.";

/// The group a path belongs to: an interview's registers and the acknowledgements of its
/// deletions go together; the rest goes in `m`.
pub fn group_of(p: &Path) -> String {
    // An acknowledgement of an interview's deletions travels with them.
    let id = match (p.first().map(String::as_str), p.len()) {
        (Some("i"), 2..) => p.get(1),
        (Some("k"), 3) => p.get(2),
        _ => None,
    };
    match id {
        Some(id) => format!("i{:012x}", fnv1a(&[id]) >> 16),
        None => "m".to_owned(),
    }
}

/// Each group's text: its registers as a JSON array of `[path, register]`, in path order (so
/// the same registers always make the same text).
pub fn groups(doc: &Doc) -> BTreeMap<String, String> {
    // Registers come in path order; a group's keep that order (a sort by group alone).
    let mut all: Vec<(String, &Path, &Reg)> =
        doc.regs.iter().map(|(p, r)| (group_of(p), p, r)).collect();
    crate::order::sort_by(&mut all, |a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let mut out = BTreeMap::new();
    for run in all.chunk_by(|a, b| a.0 == b.0) {
        let regs: Vec<(&Path, &Reg)> = run.iter().map(|(_, p, r)| (*p, *r)).collect();
        let text = serde_json::to_string(&regs).unwrap_or_default();
        out.insert(run[0].0.clone(), text);
    }
    out
}

/// Why a group's text could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("synced group {group} is unreadable: {reason}")]
pub struct GroupError {
    /// Which group.
    pub group: String,
    /// What is wrong.
    pub reason: String,
}

/// The registers a group's text holds.
pub fn read_group(group: &str, text: &str) -> Result<Doc, GroupError> {
    let regs: Vec<(Path, Reg)> = serde_json::from_str(text).map_err(|e| GroupError {
        group: group.to_owned(),
        reason: e.to_string(),
    })?;
    let mut doc = Doc::default();
    for (p, reg) in regs {
        if p.is_empty() || group_of(&p) != group {
            return Err(GroupError {
                group: group.to_owned(),
                reason: format!("a register that belongs elsewhere: {p:?}"),
            });
        }
        doc.put(p, reg);
    }
    Ok(doc)
}

/// The group and part an item key of ours names (`s.<group>.<n>`), if it is one.
pub fn key_group(key: &str) -> Option<(&str, &str)> {
    key.strip_prefix(PREFIX)?.rsplit_once('.')
}

/// Bytes an item takes in the quota: its key and its value as a JSON string.
pub fn item_bytes(key: &str, value: &str) -> usize {
    key.len() + serde_json::to_string(value).map_or(usize::MAX, |v| v.len())
}

/// A group's sealed text (`payload`, base64 in practice, any text here) as items: keys
/// `s.<group>.<n>`, values `<tag>:<count>:<part>`, each within [`ITEM_BYTES`].
pub fn split(group: &str, payload: &str) -> BTreeMap<String, String> {
    let tag = tag(payload);
    // Parts are cut by what they cost as JSON; the header's count is written with room for
    // four digits (512 items at most).
    let header = tag.len() + ":0000:".len();
    let key_room = PREFIX.len() + group.len() + ".000".len();
    let room = ITEM_BYTES - key_room - header - 2;
    let mut parts: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut cost = 0;
    let mut i = 0;
    for c in payload.chars() {
        let c_cost = json_cost(c);
        if cost + c_cost > room {
            parts.push(&payload[start..i]);
            start = i;
            cost = 0;
        }
        cost += c_cost;
        i += c.len_utf8();
    }
    if start < payload.len() || parts.is_empty() {
        parts.push(&payload[start..]);
    }
    let count = parts.len();
    // Maps are filled by `extend`, not `collect`, here and below: `collect` sorts with the
    // stable sort, which the pages' module otherwise does without (DESIGN.md, "One sort").
    let mut items = BTreeMap::new();
    items.extend(parts.into_iter().enumerate().map(|(n, part)| {
        (
            format!("{PREFIX}{group}.{n}"),
            format!("{tag}:{count}:{part}"),
        )
    }));
    items
}

/// The tag of a payload: its items carry it, so parts of different writes are never joined.
pub fn tag(payload: &str) -> String {
    format!("{:08x}", fnv1a(&[payload]) as u32)
}

/// Bytes one char takes inside a JSON string.
fn json_cost(c: char) -> usize {
    match c {
        '"' | '\\' | '\n' | '\r' | '\t' | '\u{8}' | '\u{c}' => 2,
        c if (c as u32) < 0x20 => 6,
        c => c.len_utf8(),
    }
}

/// The payloads of the groups whose parts are all there and from one write, from the items of
/// the sync storage (others' keys ignored). A group with parts missing or mixed is left out:
/// its last parts are still on their way.
pub fn join(items: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    // (group, part, tag, count, text), sorted by group and part.
    let mut parts: Vec<(&str, usize, &str, usize, &str)> = Vec::new();
    for (key, value) in items {
        let Some((group, n)) = key_group(key) else {
            continue;
        };
        let (Ok(n), Some((tag, rest))) = (n.parse::<usize>(), value.split_once(':')) else {
            continue;
        };
        let Some((count, part)) = rest.split_once(':') else {
            continue;
        };
        let Ok(count) = count.parse::<usize>() else {
            continue;
        };
        parts.push((group, n, tag, count, part));
    }
    crate::order::sort_by(&mut parts, |a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut out = BTreeMap::new();
    for run in parts.chunk_by(|a, b| a.0 == b.0) {
        let (group, _, tag, count, _) = run[0];
        // Parts 0..count, each once, all from one write.
        let whole = run.len() == count
            && run
                .iter()
                .enumerate()
                .all(|(i, p)| p.1 == i && p.2 == tag && p.3 == count);
        if !whole {
            continue;
        }
        let payload: String = run.iter().map(|p| p.4).collect();
        if self::tag(&payload) == tag {
            out.insert(group.to_owned(), payload);
        }
    }
    out
}

/// What to write and remove so the storage holds `items` for the groups in `written`, given
/// what it holds now (`held`): items whose value is already there are not written again, and
/// parts beyond a group's new count are removed.
pub fn plan(
    held: &BTreeMap<String, String>,
    items: &BTreeMap<String, String>,
    written: &[String],
) -> (BTreeMap<String, String>, Vec<String>) {
    let mut set = BTreeMap::new();
    set.extend(
        items
            .iter()
            .filter(|(k, v)| held.get(*k) != Some(v))
            .map(|(k, v)| (k.clone(), v.clone())),
    );
    let remove = held
        .keys()
        .filter(|k| !items.contains_key(*k))
        .filter(|k| key_group(k).is_some_and(|(g, _)| written.iter().any(|w| w == g)))
        .cloned()
        .collect();
    (set, remove)
}

/// What the items take against the quotas, when over one of them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Overflow {
    /// More bytes than [`TOTAL_BYTES`].
    #[error("the synced data would take {0} bytes; the browser's sync keeps {TOTAL_BYTES}")]
    Bytes(usize),
    /// More items than [`MAX_ITEMS`].
    #[error("the synced data would take {0} items; the browser's sync keeps {MAX_ITEMS}")]
    Items(usize),
}

/// Whether `items`, and one more item of `reserved` bytes (the key item), fit the quotas (the
/// caller's own items only: the storage is ours alone).
pub fn fits(items: &BTreeMap<String, String>, reserved: usize) -> Result<usize, Overflow> {
    let bytes = reserved + items.iter().map(|(k, v)| item_bytes(k, v)).sum::<usize>();
    if items.len() + 1 > MAX_ITEMS {
        return Err(Overflow::Items(items.len() + 1));
    }
    if bytes > TOTAL_BYTES {
        return Err(Overflow::Bytes(bytes));
    }
    Ok(bytes)
}
