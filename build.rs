//! Compiles the phrase tables (`src/tone/data/*.tbl`) and the signal cues into Rust statics:
//! every entry with its spellings folded, and a sorted phrase index the checker searches
//! without building anything at run time. A malformed table fails the build with file and line.

// Runs on the build machine, not in the module: the one-sort rule (clippy.toml) does not apply.
#![allow(clippy::disallowed_methods)]

#[allow(dead_code)]
#[path = "src/tone/cues.rs"]
mod cues;
#[allow(dead_code)]
#[path = "src/fold.rs"]
mod fold;

/// What `src/fold.rs` asks of `crate::case` when it runs here, answered by the standard library
/// itself (the module's tables are generated from these same answers, and a test compares them
/// for every char).
mod case {
    pub fn single_lower(c: char) -> char {
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(a), None) => a,
            _ => c,
        }
    }
}
#[allow(dead_code)]
#[path = "src/tone/table_format.rs"]
mod table_format;

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The tables, in the order their entries are numbered (and findings reported).
const FILES: &[&str] = &[
    "casual",
    "crude",
    "formal",
    "generic",
    "self_centred",
    "salary",
    "regret",
    "pushy",
    "spelling",
    "grammar",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    for f in [
        "build.rs",
        "src/fold.rs",
        "src/tone/table_format.rs",
        "src/tone/cues.rs",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    let mut tables = String::from("/// Every entry of every committed table, in table order.\npub static ENTRIES: &[Entry] = &[\n");
    // pattern -> targets, for exact and modifier-tolerant matching.
    let mut exact: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut tolerant: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut index = 0usize;
    for file in FILES {
        let path = format!("src/tone/data/{file}.tbl");
        println!("cargo:rerun-if-changed={path}");
        let source = match std::fs::read_to_string(&path) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("{path}: {e}"));
                continue;
            }
        };
        let (entries, errors) = table_format::parse(&source);
        failures.extend(
            errors
                .iter()
                .map(|e| format!("{path}:{}: {}", e.line, e.problem)),
        );
        for e in entries {
            let mut chars = e.category.chars();
            let variant: String = chars
                .next()
                .map(|c| c.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
                .collect();
            let severity = match e.severity {
                "error" => "Error",
                "warning" => "Warning",
                _ => "Suggestion",
            };
            let _ = writeln!(
                tables,
                "    Entry {{ #[cfg(test)] phrase: {:?}, #[cfg(test)] variants: &{:?}, rule: {:?}, category: Category::{variant}, \
                 severity: Severity::{severity}, why: {:?}, fix: {:?}, #[cfg(test)] fires: {:?}, \
                 #[cfg(test)] passes: {:?}, negatable: {}, modifiers: {}, when: Condition::{} }},",
                e.phrase,
                e.variants,
                e.rule,
                e.why,
                e.fix,
                e.fires,
                e.passes,
                e.negatable,
                e.modifiers,
                if e.no_detail { "NoDetail" } else { "Always" },
            );
            assert!(
                index <= usize::from(u16::MAX),
                "more table entries than a target can name"
            );
            let target = format!("Target::Entry({index})");
            for v in &e.variants {
                push(&mut exact, v, &target);
                if e.modifiers {
                    push(&mut tolerant, v, &target);
                }
            }
            index += 1;
        }
    }
    if !failures.is_empty() {
        return Err(format!("the phrase tables have problems:\n{}", failures.join("\n")).into());
    }
    tables.push_str("];\n");
    for (signal, list) in cues::CUES {
        for cue in *list {
            push(
                &mut exact,
                &fold::fold_phrase(cue),
                &format!("Target::Cue(Signal::{signal:?})"),
            );
        }
    }
    // One string holds every pattern's text and one list every pattern's targets; a pattern
    // names its part of each by offset (DESIGN.md, "Phrase tables and the phrase index,
    // compiled").
    let mut shared = Shared::default();
    let mut patterns = String::new();
    index_of(
        "EXACT",
        "Every table spelling and signal cue",
        &exact,
        &mut shared,
        &mut patterns,
    )?;
    index_of(
        "TOLERANT",
        "The spellings of `modifiers = yes` entries, matched with the modifiers taken out",
        &tolerant,
        &mut shared,
        &mut patterns,
    )?;
    let _ = writeln!(
        patterns,
        "/// Every pattern's text, one after another.\npub static TEXT: &str = {:?};",
        shared.text
    );
    let _ = writeln!(
        patterns,
        "/// Every pattern's targets, one list after another.\npub static TARGETS: &[Target] = &[{}];",
        shared.targets.join(", ")
    );
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").ok_or("cargo sets OUT_DIR")?);
    std::fs::write(out.join("tables.rs"), tables)?;
    std::fs::write(out.join("patterns.rs"), patterns)?;
    std::fs::write(out.join("case.rs"), case_tables())?;
    Ok(())
}

fn push(map: &mut BTreeMap<String, Vec<String>>, pattern: &str, target: &str) {
    let targets = map.entry(pattern.to_string()).or_default();
    if !targets.iter().any(|t| t == target) {
        targets.push(target.to_string());
    }
}

/// Writes `name`: an [`Index`] whose patterns are grouped by their leading word's bit in the
/// filter (groups in the order of the bits, each found by its bit's rank), and the patterns that
/// start with punctuation.
fn index_of(
    name: &str,
    doc: &str,
    map: &BTreeMap<String, Vec<String>>,
    shared: &mut Shared,
    out: &mut String,
) -> Result<(), String> {
    let mut keyed: Vec<(u64, &str, &Vec<String>)> = Vec::new();
    let mut loose: Vec<(&str, &Vec<String>)> = Vec::new();
    for (text, targets) in map {
        let key = fold::leading_word(text);
        if key.is_empty() {
            loose.push((text, targets));
        } else {
            keyed.push((fold::word_hash(key), text, targets));
        }
    }
    // By filter bit (`fold::filter_slot`, word then bit: the hash's top twelve bits), then text.
    keyed.sort_by_key(|&(hash, text, _)| (hash >> 52, text));
    let mut pattern = |text: &str, targets: &Vec<String>| {
        let second = fold::second_word(text);
        let second = if second.is_empty() {
            0
        } else {
            fold::word_key(fold::word_hash(second))
        };
        let (at, len) = shared.text_of(text)?;
        let (targets, count) = shared.targets_of(targets)?;
        Ok::<_, String>(format!(
            "Pattern {{ second: {second:#x}, at: {at}, len: {len}, targets: {targets}, count: {count} }}"
        ))
    };
    assert!(
        keyed.len() <= usize::from(u16::MAX),
        "more patterns than an index can hold"
    );
    // For each bit set in the filter, in order, its first pattern; then the number of patterns.
    let mut firsts: Vec<usize> = Vec::new();
    for (i, (hash, _, _)) in keyed.iter().enumerate() {
        if i == 0
            || keyed
                .get(i - 1)
                .is_some_and(|(h, _, _)| h >> 52 != hash >> 52)
        {
            firsts.push(i);
        }
    }
    firsts.push(keyed.len());
    let _ = writeln!(
        out,
        "/// {doc}.\npub static {name}: Index = Index {{\n    patterns: &["
    );
    for (_, text, targets) in &keyed {
        let _ = writeln!(out, "        {},", pattern(text, targets)?);
    }
    out.push_str("    ],\n    firsts: &[\n");
    for first in firsts {
        let _ = writeln!(out, "        {first},");
    }
    let longest = keyed
        .iter()
        .map(|(_, text, _)| text.len())
        .max()
        .unwrap_or(0);
    let _ = writeln!(out, "    ],\n    longest: {longest},");
    out.push_str("    starts: [\n");
    let mut starts = [0u64; fold::FILTER_WORDS];
    for (hash, _, _) in &keyed {
        starts = fold::filter_with(starts, *hash);
    }
    for word in starts {
        let _ = writeln!(out, "        {word:#x},");
    }
    out.push_str("    ],\n    ranks: [\n");
    let mut rank = 0;
    for word in starts {
        let _ = writeln!(out, "        {rank},");
        rank += word.count_ones();
    }
    out.push_str("    ],\n    loose: &[\n");
    for (text, targets) in loose {
        let _ = writeln!(out, "        {},", pattern(text, targets)?);
    }
    out.push_str("    ],\n};\n");
    Ok(())
}

/// The parts of the phrase indexes that their patterns share: their texts in one string, their
/// targets in one list.
#[derive(Default)]
struct Shared {
    text: String,
    /// Where each text already written starts.
    texts: BTreeMap<String, usize>,
    targets: Vec<String>,
    /// Where each list of targets already written starts.
    lists: BTreeMap<Vec<String>, usize>,
}

impl Shared {
    /// `(offset, length)` of `text` in the shared string, written once.
    fn text_of(&mut self, text: &str) -> Result<(u16, u8), String> {
        let at = match self.texts.get(text) {
            Some(&at) => at,
            None => {
                let at = self.text.len();
                self.text.push_str(text);
                self.texts.insert(text.to_string(), at);
                at
            }
        };
        Ok((
            u16::try_from(at).map_err(|_| "the patterns' texts outgrew 64 KB")?,
            u8::try_from(text.len()).map_err(|_| format!("{text:?} is longer than 255 bytes"))?,
        ))
    }

    /// `(offset, count)` of `targets` in the shared list, written once.
    fn targets_of(&mut self, targets: &[String]) -> Result<(u16, u8), String> {
        let at = match self.lists.get(targets) {
            Some(&at) => at,
            None => {
                let at = self.targets.len();
                self.targets.extend(targets.iter().cloned());
                self.lists.insert(targets.to_vec(), at);
                at
            }
        };
        Ok((
            u16::try_from(at).map_err(|_| "more than 65,535 targets")?,
            u8::try_from(targets.len()).map_err(|_| "a pattern with more than 255 targets")?,
        ))
    }
}

/// The case mappings of every char, from this toolchain's standard library, as runs
/// (`crate::case`): chars `first..=last`, every `step`-th one, map to the char `delta` away;
/// the few that map to more than one char are listed apart. 2,960 pairs of `u32` in the
/// standard library's tables become a few hundred runs.
fn case_tables() -> String {
    let mut out =
        String::from("// Generated by build.rs from the standard library's case mappings.\n");
    let lower = |c: char| c.to_lowercase().collect::<Vec<char>>();
    let upper = |c: char| c.to_uppercase().collect::<Vec<char>>();
    for (name, map) in [
        ("LOWER", &lower as &dyn Fn(char) -> Vec<char>),
        ("UPPER", &upper),
    ] {
        // (first, last, step, delta), never overlapping: a run takes in every mapped char
        // between its first and its last.
        let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new();
        let mut multi: Vec<(char, Vec<char>)> = Vec::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let to = map(c);
            if to.len() != 1 {
                multi.push((c, to));
                continue;
            }
            if to[0] == c {
                continue;
            }
            let (c, delta) = (
                u32::from(c),
                i64::from(u32::from(to[0])) - i64::from(u32::from(c)),
            );
            match runs.last_mut() {
                Some(r) if r.3 == delta && r.0 == r.1 && c - r.1 <= 2 => {
                    r.2 = c - r.1;
                    r.1 = c;
                }
                Some(r) if r.3 == delta && r.0 != r.1 && c - r.1 == r.2 => r.1 = c,
                _ => runs.push((c, c, 1, delta)),
            }
        }
        let _ = writeln!(
            out,
            "/// Runs `(first, last, step, delta)` of the single-char mappings, sorted.\npub(crate) static {name}: &[(u32, u32, u8, i32)] = &["
        );
        for (first, last, step, delta) in runs {
            let _ = writeln!(out, "    ({first:#x}, {last:#x}, {step}, {delta}),");
        }
        let _ = writeln!(
            out,
            "];\n/// Chars that map to more than one char, sorted.\npub(crate) static {name}_MULTI: &[(char, &str)] = &["
        );
        for (c, to) in multi {
            let to: String = to.into_iter().collect();
            let _ = writeln!(out, "    ({c:?}, {to:?}),");
        }
        out.push_str("];\n");
    }
    out
}
