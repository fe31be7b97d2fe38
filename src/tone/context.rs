//! What every rule sees: the text, the options, a folded copy for matching, the phrase hits and
//! the message-level signals. Built once per [`super::lint`] call, in time linear in the text.

use super::language::{detect_in, Language};
use super::phrases::{phrasebook, Hit, Target};
use super::signals::{
    names_specifics, names_specifics_before, names_specifics_without_cue, Signal,
};
use super::table::fold_char;
use super::types::{Facts, LintOptions};
use super::words::{caps_slots, link_spans, mark_runs, words, Stops, Word};
use crate::fold::{word_hash, Token};
use crate::model::{Channel, Kind};

/// A lowercase copy of the text with curly quotes straightened and whitespace runs collapsed,
/// plus the way back to byte offsets in the original.
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, the byte offset of the source char it came from; one more entry
    /// for the end.
    map: Vec<usize>,
    /// Byte offsets of `"` in `text`.
    quotes: Vec<usize>,
    /// The words of `text` (runs of word characters) with their hashes, found while folding
    /// (one pass fewer over every message).
    pub tokens: Vec<Token>,
    /// Whether the source has a lowercase letter three times in a row ("sooo"): without one,
    /// no word is stretched.
    pub has_triple: bool,
}

impl Folded {
    /// Folds `source`.
    pub fn new(source: &str) -> Folded {
        let mut f = Folding {
            text: Vec::with_capacity(source.len()),
            map: Vec::with_capacity(source.len() + 1),
            quotes: Vec::new(),
            tokens: Vec::with_capacity(source.len() / 5),
            word: NO_WORD,
            hash: 0,
            space: false,
            has_triple: false,
            run: (' ', 0),
        };
        for (at, c) in crate::fold::char_indices(source) {
            if c.is_ascii() {
                f.ascii(source, at, c as u8);
            } else {
                f.other(source, at, c);
            }
        }
        let end = f.text.len();
        f.end_word(end);
        f.map.push(source.len());
        // Only whole chars were pushed, so this is valid UTF-8; a lossy copy would be a bug's
        // fallback, never a panic.
        let text = String::from_utf8(f.text)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        Folded {
            text,
            map: f.map,
            quotes: f.quotes,
            tokens: f.tokens,
            has_triple: f.has_triple,
        }
    }

    /// The source byte offset for a folded byte offset (on a folded char boundary).
    pub fn source(&self, folded: usize) -> usize {
        self.map
            .get(folded)
            .or_else(|| self.map.last())
            .copied()
            .unwrap_or(0)
    }

    /// Whether `start..end` sits between an opening and a closing double quote.
    pub fn is_quoted(&self, start: usize, end: usize) -> bool {
        let before = self.quotes.partition_point(|&q| q < start);
        before % 2 == 1 && self.quotes.get(before).is_some_and(|&q| q >= end)
    }

    /// Whether one of the three words before `start`, in the same sentence, negates what follows
    /// ("I won't ask about salary"). Read backwards from `start`, word by word, up to the
    /// sentence's start: the folded text's only whitespace is single spaces, and the marks that
    /// end a clause are ASCII, so bytes are enough (splitting the whole clause and trimming each
    /// word was a few percent of a check of a short message).
    pub fn is_negated(&self, start: usize) -> bool {
        let bytes = self.text.as_bytes();
        let mut end = start.min(bytes.len());
        let mut words = 0;
        let mut at = end;
        while words < 3 {
            let boundary = match at.checked_sub(1).and_then(|i| bytes.get(i)) {
                None => None,
                Some(b' ') => Some(true),
                Some(b'.' | b'!' | b'?' | b';') => Some(false),
                Some(_) => {
                    at -= 1;
                    continue;
                }
            };
            if at < end {
                if is_negator(self.text.get(at..end).unwrap_or("")) {
                    return true;
                }
                words += 1;
            }
            // The start of the text or of the clause, or a space to step over.
            if boundary != Some(true) {
                return false;
            }
            at -= 1;
            end = at;
        }
        false
    }
}

/// Whether a word of the folded text (punctuation around it trimmed) negates what follows.
fn is_negator(word: &str) -> bool {
    const NEGATORS: &[&str] = &[
        "not",
        "never",
        "no",
        "won't",
        "don't",
        "didn't",
        "doesn't",
        "wouldn't",
        "shouldn't",
        "isn't",
        "aren't",
        "wasn't",
        "without",
        "avoid",
        "nor",
        "neither",
    ];
    let word = word.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\''));
    NEGATORS
        .iter()
        .any(|n| crate::text::same(n.as_bytes(), word.as_bytes()))
}

/// [`Folding::word`] when no word is being read.
const NO_WORD: usize = usize::MAX;

/// What [`Folding::ascii`] asks of an ASCII byte, one load from [`ASCII`]: a capital (the bit
/// that lowercases it), a small letter, `char::is_whitespace`, a word char (a letter or digit).
const UPPER: u8 = 0x20;
const LOWER: u8 = 0x01;
const SPACE: u8 = 0x02;
const WORD: u8 = 0x04;

/// The classes of the 128 ASCII bytes.
static ASCII: [u8; 128] = {
    let mut t = [0; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            UPPER | WORD
        } else if c.is_ascii_lowercase() {
            LOWER | WORD
        } else if c.is_ascii_digit() {
            WORD
        } else if matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            SPACE
        } else {
            0
        };
        b += 1;
    }
    t
};

/// [`Folded::new`] under way: what it has written, and what it knows of the chars before.
struct Folding {
    text: Vec<u8>,
    map: Vec<usize>,
    quotes: Vec<usize>,
    tokens: Vec<Token>,
    /// Where the word being read starts in `text` ([`NO_WORD`] between words) ...
    word: usize,
    /// ... and its hash so far.
    hash: u64,
    /// The last char written was a space (whitespace runs fold to one).
    space: bool,
    has_triple: bool,
    /// Letter elongation ("sooo", "pleeease"): the last folded char and how many times in a
    /// row it came as a letter. A run of three or more identical letters folds to one letter,
    /// so the tables need no spelling for it.
    run: (char, usize),
}

impl Folding {
    /// An ASCII char `b` at byte `at` of `source`: what [`Folding::other`] does, with ASCII's
    /// answers inlined, from one table (ASCII is most of every message; asking `char`'s
    /// Unicode methods of it char by char was a sixth of the fold's instructions).
    #[inline(always)]
    fn ascii(&mut self, source: &str, at: usize, b: u8) {
        let class = ASCII[usize::from(b & 0x7f)];
        let lower = b | (class & UPPER);
        let alphabetic = class & (UPPER | LOWER) != 0;
        if alphabetic && char::from(lower) == self.run.0 {
            self.run.1 += 1;
        } else {
            self.run = (char::from(lower), 1);
        }
        // [`elongated`] for ASCII: the next byte is the next char.
        if self.run.1 >= 2 && class & LOWER != 0 {
            self.has_triple |= self.run.1 >= 3;
            if self.run.1 >= 3 || source.as_bytes().get(at + 1) == Some(&b) {
                return;
            }
        }
        let f = if class & SPACE != 0 {
            if self.space {
                return;
            }
            self.space = true;
            b' '
        } else {
            self.space = false;
            lower
        };
        let from = self.text.len();
        if f == b'"' {
            self.quotes.push(from);
        }
        self.text.push(f);
        self.map.push(at);
        // A space is not a word char.
        if class & WORD != 0 {
            self.begin_word(from);
            self.hash = crate::fold::hash_byte(self.hash, f);
        } else {
            self.end_word(from);
        }
    }

    /// A char `c` beyond ASCII at byte `at` of `source`.
    #[inline(never)]
    fn other(&mut self, source: &str, at: usize, c: char) {
        let folded = fold_char(c);
        let alphabetic = c.is_alphabetic();
        if alphabetic && folded == self.run.0 {
            self.run.1 += 1;
        } else {
            self.run = (folded, 1);
        }
        self.has_triple |= self.run.1 >= 3 && alphabetic && c.is_lowercase();
        if self.run.1 >= 2 && alphabetic && elongated(source, at, c, self.run.1) {
            return;
        }
        let f = if c.is_whitespace() {
            if self.space {
                return;
            }
            self.space = true;
            ' '
        } else {
            self.space = false;
            folded
        };
        let from = self.text.len();
        if f == '"' {
            self.quotes.push(from);
        }
        let mut buf = [0; 4];
        self.text
            .extend_from_slice(f.encode_utf8(&mut buf).as_bytes());
        self.map.resize(self.text.len(), at);
        if crate::fold::is_word_char(f) {
            self.begin_word(from);
            for &b in self.text.get(from..).unwrap_or(&[]) {
                self.hash = crate::fold::hash_byte(self.hash, b);
            }
        } else {
            self.end_word(from);
        }
    }

    /// Starts a word at `from` unless one is being read.
    #[inline(always)]
    fn begin_word(&mut self, from: usize) {
        if self.word == NO_WORD {
            self.word = from;
            self.hash = word_hash("");
        }
    }

    /// Ends the word being read, if any, at `end`.
    fn end_word(&mut self, end: usize) {
        if self.word != NO_WORD {
            self.tokens.push(Token {
                start: self.word,
                end,
                hash: self.hash,
            });
            self.word = NO_WORD;
        }
    }
}

/// Whether the letter `c` at byte `at`, the `nth` (1-based) of a run of identical letters,
/// belongs to a run of three or more and is not its first letter (which is kept). Only
/// lowercase runs: capitals such as "AAA" or "III" are names and numerals.
fn elongated(source: &str, at: usize, c: char, nth: usize) -> bool {
    c.is_lowercase()
        && (nth >= 3
            || (nth == 2
                && source
                    .get(at + c.len_utf8()..)
                    .is_some_and(|rest| rest.starts_with(c))))
}

/// Whether the folded text mentions one of the interviewer's topics, the candidate's skills or
/// promised items (whole words; a topic of several words may match on its longest word of five
/// or more letters that is not the company's name: "the onboarding revamp" → "onboarding").
fn mentions_a_fact(folded: &str, facts: &Facts) -> bool {
    let company = facts
        .company
        .as_deref()
        .map(super::table::fold_phrase)
        .unwrap_or_default();
    let found = |needle: &str| {
        !needle.is_empty()
            && folded
                .match_indices(needle)
                .any(|(at, _)| super::phrases::on_word_boundaries(folded, at, at + needle.len()))
    };
    facts
        .topics
        .iter()
        .chain(&facts.skills)
        .chain(&facts.promised)
        .map(|f| super::table::fold_phrase(f))
        .any(|fact| {
            found(&fact)
                || fact
                    .split(|c: char| !crate::text::is_word_char(c))
                    .filter(|w| w.chars().count() >= 5 && !company.contains(*w))
                    .max_by_key(|w| w.len())
                    .is_some_and(found)
        })
}

/// Everything a rule needs.
pub struct Context<'a> {
    /// The message as given.
    pub text: &'a str,
    /// The caller's options.
    pub options: &'a LintOptions,
    /// Folded copy for matching.
    pub folded: Folded,
    /// Phrase-table hits (word boundaries checked; negation and quotes not yet).
    pub hits: Vec<Hit>,
    /// The message thanks the reader.
    pub has_gratitude: bool,
    /// The message shows interest.
    pub has_enthusiasm: bool,
    /// The detail cues found ("the … you mentioned"), judged with their neighbourhood only
    /// when a rule asks [`Context::has_detail`].
    detail_cues: Vec<Hit>,
    /// What is known of the interview (its topics count as details).
    facts: &'a Facts,
    /// [`Context::has_detail`], once asked.
    detail: std::cell::OnceCell<bool>,
    /// The words of the text, in order.
    pub words: Vec<Word<'a>>,
    /// Byte spans of bare-capitals template slots ("Dear NAME,"): placeholders, and not
    /// shouting ([`caps_slots`], found once for both rules).
    pub caps_slots: Vec<(usize, usize)>,
    /// The message's language (English unless clearly German, Spanish or French).
    pub language: Language,
    /// Byte spans of web addresses, e-mail addresses and file names.
    pub links: Vec<(usize, usize)>,
    /// Byte spans of the runs of `!` and `?` ([`mark_runs`]).
    pub marks: Vec<(usize, usize)>,
    /// The bytes the rules that look for a few marks stop at.
    pub stops: Stops,
    /// What the candidate promised to send ([`Facts::promised`], blank items left out).
    pub promised: Vec<String>,
}

impl<'a> Context<'a> {
    /// Folds the text, scans the phrase index once and derives the signals.
    pub fn new(text: &'a str, options: &'a LintOptions, facts: &'a Facts) -> Context<'a> {
        let folded = Folded::new(text);
        // The table entries' hits stay in the scan's list (no second list to grow); the cues
        // leave it.
        let mut hits = phrasebook().scan(&folded.text, &folded.tokens);
        let (mut has_gratitude, mut has_enthusiasm) = (false, false);
        let mut detail_cues = Vec::new();
        hits.retain(|hit| {
            match hit.target {
                Target::Entry(_) => return true,
                Target::Cue(Signal::Gratitude) => has_gratitude = true,
                Target::Cue(Signal::Enthusiasm) => {
                    has_enthusiasm |= !folded.is_negated(hit.start);
                }
                Target::Cue(Signal::Detail) => detail_cues.push(*hit),
            }
            false
        });
        let language = detect_in(&folded.text, &folded.tokens);
        let words = words(text);
        let stops = Stops::new(text);
        Context {
            text,
            options,
            folded,
            hits,
            has_gratitude,
            has_enthusiasm,
            detail_cues,
            facts,
            detail: std::cell::OnceCell::new(),
            language,
            caps_slots: caps_slots(&words),
            words,
            links: link_spans(text, &stops),
            marks: mark_runs(text, &stops),
            stops,
            promised: facts
                .promised
                .iter()
                .map(|p| p.trim())
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect(),
        }
    }

    /// Whether the message names something specific from the conversation: a detail cue with
    /// concrete words around it, one of the interview's facts, or (for a follow-up of a known
    /// kind) a concrete sentence without a cue. Only a thank-you's rules ask, so other messages
    /// never pay for it; worked out once.
    pub fn has_detail(&self) -> bool {
        *self.detail.get_or_init(|| {
            let folded = &self.folded.text;
            self.detail_cues.iter().any(|hit| {
                names_specifics(folded.get(hit.end..).unwrap_or(""))
                    || (hit.looks_back
                        && names_specifics_before(folded.get(..hit.start).unwrap_or("")))
            }) || mentions_a_fact(folded, self.facts)
                || (self.options.kind.is_some()
                    && names_specifics_without_cue(self.text, &self.stops))
        })
    }

    /// Whether the message-level thank-you rules apply (a thank-you, not a call plan).
    pub fn is_thank_you(&self) -> bool {
        self.options.kind == Some(Kind::ThankYou) && self.options.channel != Channel::Phone
    }

    /// Whether a missing detail is a problem rather than a hint: a thank-you with room for one.
    /// A 300-character connection note is a request to connect; the detail belongs in the
    /// thank-you itself, so there it is only a hint.
    pub fn expects_detail(&self) -> bool {
        self.is_thank_you() && self.options.channel != Channel::LinkedinNote
    }

    /// Whether the English-only message-level checks (interest, detail) can judge this message.
    pub fn is_english(&self) -> bool {
        self.language == Language::English
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Folded::new`] as first written, one char at a time with the Unicode questions asked of
    /// every char: the oracle for the ASCII path.
    fn folded_by_reference(source: &str) -> (String, Vec<usize>, Vec<usize>, Vec<Token>, bool) {
        // Bytes, made a string once at the end: `String::push` is a call per char in the
        // size-optimised build.
        let mut text: Vec<u8> = Vec::with_capacity(source.len());
        let mut map = Vec::with_capacity(source.len() + 1);
        let mut quotes = Vec::new();
        let mut tokens = Vec::with_capacity(source.len() / 5);
        // The word being read: its start in `text` and its hash so far.
        let mut word: Option<(usize, u64)> = None;
        let mut space = false;
        let mut has_triple = false;
        // Letter elongation ("sooo", "pleeease"): a run of three or more identical letters
        // folds to one letter, so the tables need no spelling for it.
        let mut run: (char, usize) = (' ', 0);
        for (at, c) in crate::fold::char_indices(source) {
            // `fold_char` changes ASCII only by case: inline here, a call for the rest.
            let folded = if c.is_ascii() {
                c.to_ascii_lowercase()
            } else {
                fold_char(c)
            };
            let alphabetic = if c.is_ascii() {
                c.is_ascii_alphabetic()
            } else {
                c.is_alphabetic()
            };
            if alphabetic && folded == run.0 {
                run.1 += 1;
            } else {
                run = (folded, 1);
            }
            has_triple |= run.1 >= 3 && alphabetic && c.is_lowercase();
            if run.1 >= 2 && alphabetic && elongated(source, at, c, run.1) {
                continue;
            }
            let f = if c.is_whitespace() {
                if space {
                    continue;
                }
                space = true;
                ' '
            } else {
                space = false;
                folded
            };
            if f == '"' {
                quotes.push(text.len());
            }
            let from = text.len();
            if f.is_ascii() {
                text.push(f as u8);
                map.push(at);
            } else {
                let mut buf = [0; 4];
                text.extend_from_slice(f.encode_utf8(&mut buf).as_bytes());
                map.resize(text.len(), at);
            }
            if crate::fold::is_word_char(f) {
                let (start, mut hash) = word.unwrap_or((from, word_hash("")));
                for &b in text.get(from..).unwrap_or(&[]) {
                    hash = crate::fold::hash_byte(hash, b);
                }
                word = Some((start, hash));
            } else if let Some((start, hash)) = word.take() {
                tokens.push(Token {
                    start,
                    end: from,
                    hash,
                });
            }
        }
        if let Some((start, hash)) = word {
            tokens.push(Token {
                start,
                end: text.len(),
                hash,
            });
        }
        map.push(source.len());
        // Only whole chars were pushed, so this is valid UTF-8; a lossy copy would be a bug's
        // fallback, never a panic.
        let text = String::from_utf8(text)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        (text, map, quotes, tokens, has_triple)
    }

    proptest::proptest! {
        #[test]
        fn folding_agrees_with_the_char_by_char_fold(text in "([a-zA-Z0-9éÉßİ'’“”\" .,!?\t\n\r\u{b}\u{c}\u{85}\u{a0}-]|aa|ooo|EE|  ){0,60}|\\PC{0,30}") {
            let f = Folded::new(&text);
            let (t, map, quotes, tokens, has_triple) = folded_by_reference(&text);
            proptest::prop_assert_eq!(&f.text, &t);
            proptest::prop_assert_eq!(&f.map, &map);
            proptest::prop_assert_eq!(&f.quotes, &quotes);
            proptest::prop_assert_eq!(&f.tokens, &tokens);
            proptest::prop_assert_eq!(f.has_triple, has_triple);
        }
    }

    /// [`Folded::is_negated`] as first written: the clause split at whitespace, the last three
    /// words trimmed and looked up.
    fn negated_by_reference(f: &Folded, start: usize) -> bool {
        let head = f.text.get(..start).unwrap_or("");
        let clause = head
            .rfind(['.', '!', '?', ';'])
            .and_then(|i| head.get(i + 1..))
            .unwrap_or(head);
        clause
            .split_whitespace()
            .rev()
            .take(3)
            .map(|w| w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\'')))
            .any(is_negator)
    }

    proptest::proptest! {
        /// The backwards reading agrees with splitting the clause, at every char boundary of
        /// folded texts of negators, other words, marks and spaces.
        #[test]
        fn negation_read_backwards_agrees_with_the_split(
            words in proptest::collection::vec(
                "not|never|won't|no|nor|\"no\"|(no)|nothing|I|ask|salary|é|[.!?;,—]|[a-z]{1,3}[.!?;]?",
                0..10,
            ),
            glue in proptest::collection::vec("[ \n]{1,2}|", 10),
        ) {
            let text: String = words
                .iter()
                .zip(&glue)
                .flat_map(|(w, g)| [w.as_str(), g.as_str()])
                .collect();
            let f = Folded::new(&text);
            for start in (0..=f.text.len()).filter(|&i| f.text.is_char_boundary(i)) {
                proptest::prop_assert_eq!(
                    f.is_negated(start),
                    negated_by_reference(&f, start),
                    "{:?} at {}", f.text, start
                );
            }
        }
    }

    #[test]
    fn folded_offsets_map_back_to_the_source() {
        let src = "Hé  there\r\n“ASAP”";
        let f = Folded::new(src);
        assert_eq!(f.text, "hé there \"asap\"");
        let start = f.text.find("asap").unwrap_or(0);
        let (s, e) = (f.source(start), f.source(start + 4));
        assert_eq!(&src[s..e], "ASAP");
        assert!(f.is_quoted(start, start + 4));
        assert_eq!(f.source(f.text.len()), src.len());
    }

    proptest::proptest! {
        #[test]
        fn folding_finds_the_words_of_what_it_folds(text in "[a-zA-ZéÉß'’“” .,\t\n-]{0,60}|\\PC{0,30}") {
            let f = Folded::new(&text);
            proptest::prop_assert_eq!(&f.tokens, &crate::fold::tokens(&f.text));
        }
    }

    #[test]
    fn elongated_letters_fold_to_one() {
        let f = Folded::new("Sooo excited, pleeease! Good, AAA, www");
        assert_eq!(f.text, "so excited, please! good, aaa, w");
        let at = f.text.find("excited").unwrap_or(0);
        assert_eq!(f.source(at), 5);
    }

    #[test]
    fn negation_looks_back_three_words_in_the_sentence() {
        let f = Folded::new("I won't ask about salary. Salary?");
        assert!(f.is_negated(f.text.find("salary").unwrap_or(0)));
        assert!(!f.is_negated(f.text.rfind("salary").unwrap_or(0)));
        let f = Folded::new("I won't need to ask him about the salary");
        assert!(!f.is_negated(f.text.find("salary").unwrap_or(0)));
        let f = Folded::new("No. What is the salary");
        assert!(!f.is_negated(f.text.find("salary").unwrap_or(0)));
    }
}
