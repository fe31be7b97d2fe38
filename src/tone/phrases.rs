//! The phrasebook: every table entry and every signal cue in one Aho-Corasick automaton, so one
//! pass over the text finds them all, whatever the number of phrases.

use super::signals::{Signal, CUES};
use super::table::{self, Entry, TableError};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// What a pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// An entry of a phrase table (index into [`Phrasebook::entries`]).
    Entry(usize),
    /// A cue for a message-level signal.
    Cue(Signal),
}

/// The compiled phrase tables.
pub struct Phrasebook {
    /// Every table entry.
    pub entries: Vec<Entry>,
    /// Problems found while parsing the tables (a test keeps this empty).
    pub errors: Vec<TableError>,
    automaton: Option<AhoCorasick>,
    /// For each pattern id, what it stands for (several targets can share a spelling).
    targets: Vec<Vec<Target>>,
    /// The spellings of `modifiers = yes` entries, matched against the text with the
    /// modifiers taken out ([`squeeze`]).
    tolerant: Option<AhoCorasick>,
    /// For each tolerant pattern id, its entries.
    tolerant_targets: Vec<Vec<Target>>,
}

/// One pattern occurrence in the folded text, word boundaries already checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// What matched.
    pub target: Target,
    /// Start, byte offset in the folded text.
    pub start: usize,
    /// End, byte offset in the folded text.
    pub end: usize,
    /// For a detail cue: the detail may come before it ("the backlog you described").
    pub looks_back: bool,
}

impl Phrasebook {
    fn build() -> Phrasebook {
        let (entries, errors) = table::load();
        let mut by_pattern: BTreeMap<String, Vec<Target>> = BTreeMap::new();
        let mut tolerant: BTreeMap<String, Vec<Target>> = BTreeMap::new();
        for (i, e) in entries.iter().enumerate() {
            for v in e.variants.iter().filter(|_| e.modifiers) {
                tolerant
                    .entry(v.clone())
                    .or_default()
                    .push(Target::Entry(i));
            }
            for v in &e.variants {
                by_pattern
                    .entry(v.clone())
                    .or_default()
                    .push(Target::Entry(i));
            }
        }
        for (signal, cues) in CUES {
            for cue in *cues {
                by_pattern
                    .entry(table::fold_phrase(cue))
                    .or_default()
                    .push(Target::Cue(*signal));
            }
        }
        let (patterns, targets): (Vec<String>, Vec<Vec<Target>>) = by_pattern.into_iter().unzip();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        let (tolerant_patterns, tolerant_targets): (Vec<String>, Vec<Vec<Target>>) =
            tolerant.into_iter().unzip();
        let tolerant = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&tolerant_patterns)
            .ok();
        Phrasebook {
            entries,
            errors,
            automaton,
            targets,
            tolerant,
            tolerant_targets,
        }
    }

    /// Whether the automaton was built (a test keeps this true).
    pub fn is_ready(&self) -> bool {
        self.automaton.is_some()
    }

    /// Every occurrence of every pattern in `folded` that starts and ends on a word boundary,
    /// then the `modifiers = yes` entries found once the modifiers are taken out.
    pub fn scan(&self, folded: &str) -> Vec<Hit> {
        let mut hits = self.scan_exact(folded);
        let Some(ac) = &self.tolerant else {
            return hits;
        };
        let (squeezed, map) = squeeze(folded);
        if squeezed.len() == folded.len() {
            return hits;
        }
        let back = |at: usize| map.get(at).copied().unwrap_or(folded.len());
        let mut seen: std::collections::HashSet<(Target, usize)> =
            hits.iter().map(|h| (h.target, h.start)).collect();
        for m in ac.find_overlapping_iter(&squeezed) {
            if !on_word_boundaries(&squeezed, m.start(), m.end()) {
                continue;
            }
            let start = back(m.start());
            let end = back(m.end().saturating_sub(1)) + 1;
            for &target in self
                .tolerant_targets
                .get(m.pattern().as_usize())
                .into_iter()
                .flatten()
            {
                if seen.insert((target, start)) {
                    hits.push(Hit {
                        target,
                        start,
                        end,
                        looks_back: false,
                    });
                }
            }
        }
        hits
    }

    /// Every occurrence of every pattern, as written.
    fn scan_exact(&self, folded: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        let Some(ac) = &self.automaton else {
            return hits;
        };
        for m in ac.find_overlapping_iter(folded) {
            let (start, end) = (m.start(), m.end());
            if !on_word_boundaries(folded, start, end) {
                continue;
            }
            if let Some(targets) = self.targets.get(m.pattern().as_usize()) {
                let looks_back = super::signals::looks_back(folded.get(start..end).unwrap_or(""));
                hits.extend(targets.iter().map(|&target| Hit {
                    target,
                    start,
                    end,
                    looks_back,
                }));
            }
        }
        hits
    }
}

/// `folded` with every [`table::MODIFIERS`] word taken out where it stands between two other
/// words ("thanks so much for" → "thanks for"), and for each byte of the result the byte of
/// `folded` it came from (plus one entry for the end). A modifier next to punctuation stays.
pub fn squeeze(folded: &str) -> (String, Vec<usize>) {
    let tokens: Vec<(usize, &str)> = folded
        .split(' ')
        .scan(0usize, |at, t| {
            let start = *at;
            *at += t.len() + 1;
            Some((start, t))
        })
        .collect();
    let mut out = String::with_capacity(folded.len());
    let mut map = Vec::with_capacity(folded.len() + 1);
    let mut i = 0;
    while let Some(&(start, token)) = tokens.get(i) {
        let prev_is_word = i > 0
            && tokens
                .get(i - 1)
                .and_then(|(_, t)| t.chars().last())
                .is_some_and(crate::text::is_word_char);
        // Cheap pre-check: modifiers start with one of few short words.
        let may_start = matches!(token.len(), 1..=10)
            && matches!(
                token.as_bytes().first(),
                Some(
                    b'a' | b'g'
                        | b'h'
                        | b'i'
                        | b'j'
                        | b'k'
                        | b'p'
                        | b'q'
                        | b'r'
                        | b's'
                        | b't'
                        | b'v'
                        | b'e'
                )
            );
        let skip = (prev_is_word && may_start)
            .then(|| {
                table::MODIFIERS.iter().find_map(|m| {
                    let words = tokens.get(i..i + m.len())?;
                    let same = words.iter().zip(m.iter()).all(|((_, t), w)| t == w);
                    (same && tokens.get(i + m.len()).is_some()).then_some(m.len())
                })
            })
            .flatten();
        if let Some(n) = skip {
            i += n;
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
            map.push(start.saturating_sub(1));
        }
        out.push_str(token);
        map.extend(start..start + token.len());
        i += 1;
    }
    map.push(folded.len());
    (out, map)
}

/// The shared phrasebook, built at first use.
pub fn phrasebook() -> &'static Phrasebook {
    static BOOK: OnceLock<Phrasebook> = OnceLock::new();
    BOOK.get_or_init(Phrasebook::build)
}

/// A word char, or a hyphen or apostrophe joining two word chars ("follow-up", "don't").
fn joins_word(before: Option<char>, c: Option<char>, after: Option<char>) -> bool {
    use crate::text::is_word_char;
    match c {
        Some(c) if is_word_char(c) => true,
        Some('-') => before.is_some_and(is_word_char) && after.is_some_and(is_word_char),
        _ => false,
    }
}

/// True when `folded[start..end]` is not glued to a word on either side. A pattern edge that is
/// itself punctuation ("401(k)") needs no boundary.
pub fn on_word_boundaries(folded: &str, start: usize, end: usize) -> bool {
    let (Some(head), Some(body), Some(tail)) = (
        folded.get(..start),
        folded.get(start..end),
        folded.get(end..),
    ) else {
        return false;
    };
    let mut head_rev = head.chars().rev();
    let mut tail_fwd = tail.chars();
    let first = body.chars().next();
    let last = body.chars().next_back();
    let word = crate::text::is_word_char;
    if first.is_some_and(word) {
        let prev = head_rev.next();
        let prev2 = head_rev.next();
        if joins_word(prev2, prev, first) {
            return false;
        }
    }
    if last.is_some_and(word) {
        let next = tail_fwd.next();
        let next2 = tail_fwd.next();
        if joins_word(last, next, next2) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn automaton_is_built() {
        assert!(phrasebook().is_ready());
        assert!(phrasebook().errors.is_empty(), "{:#?}", phrasebook().errors);
    }

    #[test]
    fn modifiers_are_squeezed_out_between_words_only() {
        let text = "thanks so much for the interview. so, very";
        let (s, map) = squeeze(text);
        assert_eq!(s, "thanks for the interview. so, very");
        let at = s.find("for").unwrap_or(0);
        assert_eq!(&text[map[at]..map[at] + 3], "for");
        assert_eq!(squeeze("i was really so nervous").0, "i was nervous");
    }

    #[test]
    fn boundaries_respect_words_hyphens_and_accents() {
        assert!(on_word_boundaries("say hey there", 4, 7));
        assert!(!on_word_boundaries("they", 1, 4));
        assert!(!on_word_boundaries("cool-down", 0, 4));
        assert!(on_word_boundaries("cool - down", 0, 4));
        assert!(!on_word_boundaries("caféine", 0, 4));
        assert!(on_word_boundaries("a 401(k)", 2, 8));
        assert!(!on_word_boundaries("x", 0, 5));
    }
}
