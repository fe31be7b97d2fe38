//! The folds phrase matching relies on (case, quotes, spaces, word characters). One dependency,
//! [`crate::case::single_lower`]: `build.rs` includes this file to fold the phrase tables at
//! compile time exactly as the checker folds a message at run time, answering that one call with
//! the standard library (which the case tables are generated from).

/// Whether `c` is a combining mark (the common combining blocks), which belongs to the letter
/// before it.
pub fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Whether `c` is part of a word: letters, digits, and combining marks. ASCII is answered
/// without the Unicode tables (the phrase scan asks for every char of a message).
#[inline(always)]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_other_word_char(c)
    }
}

/// [`is_word_char`] beyond ASCII (kept out of line: the ASCII test is inlined where it is used).
#[inline(never)]
fn is_other_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Lowercases one char when it lowercases to exactly one char (keeps it otherwise).
#[inline(always)]
pub fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    lower_other_char(c)
}

/// [`lower_char`] beyond ASCII.
#[inline(never)]
fn lower_other_char(c: char) -> char {
    crate::case::single_lower(c)
}

/// Folds a phrase or text the way the matcher does: ASCII and simple Unicode lowercase, curly
/// quotes to straight ones, any run of whitespace to one space.
pub fn fold_phrase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        out.push(fold_char(c));
    }
    out
}

/// The per-char part of [`fold_phrase`].
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' => '-',
        _ => lower_char(c),
    }
}

/// The leading word of `s`: the run of word characters it starts with (empty when it starts
/// with punctuation or space).
pub fn leading_word(s: &str) -> &str {
    &s[..word_end(s)]
}

/// The end of the run of word characters `s` starts with.
fn word_end(s: &str) -> usize {
    char_indices(s)
        .find(|&(_, c)| !is_word_char(c))
        .map_or(s.len(), |(i, _)| i)
}

/// The second word of `s`: the next run of word characters after its leading word and the
/// characters that are not word characters after it (empty when there is none).
pub fn second_word(s: &str) -> &str {
    let rest = &s[word_end(s)..];
    let start = char_indices(rest)
        .find(|&(_, c)| is_word_char(c))
        .map_or(rest.len(), |(i, _)| i);
    leading_word(&rest[start..])
}

/// FNV-1a hash of a word: the phrase index looks words up by this number, so finding the
/// patterns that start with a word compares integers, not strings.
pub const fn word_hash(word: &str) -> u64 {
    hash_bytes(word.as_bytes(), false)
}

/// [`word_hash`] of `word` with ASCII letters lowercased, without building that string.
pub const fn word_hash_ascii_lower(word: &str) -> u64 {
    hash_bytes(word.as_bytes(), true)
}

/// A fixed map from words to values, sorted at compile time: a lookup is a binary search (a
/// few short comparisons), where `slice::contains` compared the word with every entry, and one
/// map answers for several lists at once. Lists stay in the order that reads best in the
/// source. Sorted by length, then bytes, so it holds no more than the lists' `&str`s (with a
/// hash beside each word the in-page module measured 2.4 KB more gzipped).
#[derive(Debug)]
pub struct WordMap<const N: usize, V: Copy + 'static> {
    sorted: [(&'static str, V); N],
}

/// `a` against `b` by length, then by bytes, in a `const fn`: the map's order, in which most
/// steps of a search are decided by the lengths alone, without comparing bytes. A loop over the
/// bytes rather than `Ord for [u8]`, which in WebAssembly is a call to the compiler builtins'
/// `memcmp` (itself a byte loop) at every step of a search.
const fn bytes_order(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    use std::cmp::Ordering::{Equal, Greater, Less};
    if a.len() != b.len() {
        return if a.len() < b.len() { Less } else { Greater };
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return if a[i] < b[i] { Less } else { Greater };
        }
        i += 1;
    }
    Equal
}

/// `a < b` in [`bytes_order`].
const fn bytes_less(a: &[u8], b: &[u8]) -> bool {
    matches!(bytes_order(a, b), std::cmp::Ordering::Less)
}

impl<const N: usize, V: Copy + 'static> WordMap<N, V> {
    /// Each word of each list to that list's value (`N` is the number of words in all; no word
    /// may be in the lists twice: building the map fails, at compile time for a `static`).
    pub const fn from_lists(lists: &[(&[&'static str], V)]) -> WordMap<N, V> {
        assert!(!lists.is_empty(), "a word map needs a list");
        let mut sorted = [("", lists[0].1); N];
        let (mut list, mut at, mut i) = (0, 0, 0);
        while i < N {
            while at == lists[list].0.len() {
                list += 1;
                at = 0;
            }
            sorted[i] = (lists[list].0[at], lists[list].1);
            at += 1;
            // Insertion sort: a few hundred words, once, at compile time.
            let mut j = i;
            while j > 0 && bytes_less(sorted[j].0.as_bytes(), sorted[j - 1].0.as_bytes()) {
                let t = sorted[j];
                sorted[j] = sorted[j - 1];
                sorted[j - 1] = t;
                j -= 1;
            }
            i += 1;
        }
        while list < lists.len() && at == lists[list].0.len() {
            list += 1;
            at = 0;
        }
        assert!(
            list == lists.len(),
            "N is not the number of words in the lists"
        );
        // One value per word: a word in two lists would get either.
        let mut i = 1;
        while i < N {
            assert!(
                bytes_less(sorted[i - 1].0.as_bytes(), sorted[i].0.as_bytes()),
                "a word is in the map twice"
            );
            i += 1;
        }
        WordMap { sorted }
    }

    /// The value of `word` (exactly as written), if it is in the map.
    pub fn get(&self, word: &str) -> Option<V> {
        let at = self
            .sorted
            .binary_search_by(|&(w, _)| bytes_order(w.as_bytes(), word.as_bytes()))
            .ok()?;
        self.sorted.get(at).map(|&(_, v)| v)
    }
}

/// The phrase index's key for a [`word_hash`]: its low 32 bits. Half the bytes of the full hash
/// in every pattern and group of the index (incompressible bytes in the module), and a key two
/// words share costs a string comparison, never a wrong match: a pattern's text is always
/// compared.
pub const fn word_key(hash: u64) -> u32 {
    hash as u32
}

/// `u64`s in the phrase index's filter ([`filter_slot`]): 4096 bits, so that with the 400-odd
/// leading words of the tables a word that starts no pattern finds its bit clear nine times in
/// ten (with 1024 bits, two in three: a third of a message's words were searched for nothing).
pub const FILTER_WORDS: usize = 64;

/// Where a [`word_hash`] falls in the phrase index's filter ([`FILTER_WORDS`] `u64`s): the word
/// and the bit. The index keeps one with a bit set for each word a pattern starts with, so most
/// words of a message are passed over at once, and the others find their patterns by the bit's
/// rank.
pub const fn filter_slot(hash: u64) -> (usize, u64) {
    ((hash >> 58) as usize, 1 << ((hash >> 52) & 63))
}

/// `filter` with the bit of `hash` ([`filter_slot`]) set: a `const fn`, so that a list's
/// filter is built at compile time.
pub const fn filter_with(mut filter: [u64; FILTER_WORDS], hash: u64) -> [u64; FILTER_WORDS] {
    let (word, bit) = filter_slot(hash);
    filter[word] |= bit;
    filter
}

/// Whether the bit of `hash` ([`filter_slot`]) is set in `filter`: when it is clear, the word
/// is in none of the filter's lists.
pub fn in_filter(filter: &[u64; FILTER_WORDS], hash: u64) -> bool {
    let (word, bit) = filter_slot(hash);
    filter.get(word).is_some_and(|w| w & bit != 0)
}

/// One step of FNV-1a: `h` with the byte `b` taken in ([`word_hash`] of a word read a byte at a
/// time).
pub const fn hash_byte(h: u64, b: u8) -> u64 {
    (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
}

/// FNV-1a over `bytes`, ASCII letters lowercased when `lower`.
const fn hash_bytes(bytes: &[u8], lower: bool) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        let b = if lower {
            bytes[i].to_ascii_lowercase()
        } else {
            bytes[i]
        };
        h = hash_byte(h, b);
        i += 1;
    }
    h
}

/// A word of a folded text: a run of word characters ([`is_word_char`]), with its
/// [`word_hash`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start, byte offset.
    pub start: usize,
    /// End, byte offset.
    pub end: usize,
    /// [`word_hash`] of the word.
    pub hash: u64,
}

/// The words of `text`, in order: what [`leading_word`] returns at each word start, hashed once.
/// The definition the checker's fold (`tone::context::Folded`), which finds them while it
/// folds, is tested against.
#[cfg(test)]
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut start: Option<usize> = None;
    for (at, c) in char_indices(text) {
        match (is_word_char(c), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                out.push(Token {
                    start: s,
                    end: at,
                    hash: word_hash(text.get(s..at).unwrap_or("")),
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Token {
            start: s,
            end: text.len(),
            hash: word_hash(text.get(s..).unwrap_or("")),
        });
    }
    out
}

/// The runs of word characters and apostrophes of `text` ("j'ai", "c'est", "don't"), in order:
/// the words of the duplicate check, which reads them in one pass and is tested against this.
#[cfg(test)]
pub fn apostrophe_words(text: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut start = None;
    for (at, c) in char_indices(text).then(' ') {
        let inside = at < text.len() && (is_word_char(c) || c == '\'');
        match (inside, start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                out.push(text.get(s..at).unwrap_or(""));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// `str::char_indices` for the checker's loops over every char of a message. In the
/// size-optimised WebAssembly build the standard iterator is not inlined: each char costs a
/// call and a general UTF-8 decode (with `Chars`, about 30 % of a lint measured in Node). This
/// one reads ASCII inline and decodes only other chars; it can also end with one extra
/// `(text.len(), end)` item ([`CharIndices::then`]) without `Chain` (and, in tests, look one
/// char ahead with `peek`). Measured in DESIGN.md ("Char loops
/// the size-optimised build inlines").
#[derive(Debug, Clone)]
pub struct CharIndices<'a> {
    text: &'a str,
    at: usize,
    end: Option<char>,
}

/// The chars of `text` with their byte offsets (see [`CharIndices`]).
#[inline(always)]
pub fn char_indices(text: &str) -> CharIndices<'_> {
    CharIndices {
        text,
        at: 0,
        end: None,
    }
}

impl CharIndices<'_> {
    /// Yields `(text.len(), end)` after the last char: a loop that acts at the end of each word
    /// also acts after the last one.
    #[inline(always)]
    pub fn then(mut self, end: char) -> Self {
        self.end = Some(end);
        self
    }

    /// The next item, without moving past it (the checker's loops no longer look ahead this
    /// way; the tests' reference readings do).
    #[cfg(test)]
    pub fn peek(&self) -> Option<(usize, char)> {
        self.clone().next()
    }
}

impl Iterator for CharIndices<'_> {
    type Item = (usize, char);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, char)> {
        let at = self.at;
        let Some(&b) = self.text.as_bytes().get(at) else {
            return self.end.take().map(|c| (self.text.len(), c));
        };
        if b < 0x80 {
            self.at = at + 1;
            return Some((at, char::from(b)));
        }
        let c = decode(self.text, at)?;
        self.at = at + c.len_utf8();
        Some((at, c))
    }
}

/// The char at byte `at` (a char boundary) of `text`: the slow path of [`CharIndices`] and of
/// the byte loops that read ASCII themselves.
#[inline(never)]
pub fn decode(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // compared with the standard iterator
mod tests {

    proptest::proptest! {
        /// The maps' order: by length, then as `Ord for [u8]` orders bytes.
        #[test]
        fn bytes_order_is_length_then_bytes(
            a in proptest::collection::vec(proptest::sample::select(vec![b'a', b'b', 0x00, 0xc3, 0xff]), 0..6),
            b in proptest::collection::vec(proptest::sample::select(vec![b'a', b'b', 0x00, 0xc3, 0xff]), 0..6),
        ) {
            let want = a.len().cmp(&b.len()).then_with(|| a.cmp(&b));
            proptest::prop_assert_eq!(super::bytes_order(&a, &b), want);
            proptest::prop_assert_eq!(super::bytes_less(&a, &b), want.is_lt());
        }
    }

    #[test]
    fn a_word_map_finds_exactly_its_words() {
        const WORDS: &[&str] = &["the", "a", "role", "don't", "équipe", ""];
        static SET: WordMap<{ WORDS.len() }, ()> = WordMap::from_lists(&[(WORDS, ())]);
        for w in WORDS {
            assert!(SET.get(w).is_some(), "{w}");
        }
        for w in ["The", "roles", "rol", "dont", "equipe", " "] {
            assert!(SET.get(w).is_none(), "{w}");
        }
        const ONE: &[&str] = &["b", "a"];
        const TWO: &[&str] = &["c", "y"];
        static MAP: WordMap<5, u8> = WordMap::from_lists(&[(ONE, 1), (TWO, 2), (&["z"], 3)]);
        assert_eq!(
            (MAP.get("a"), MAP.get("c"), MAP.get("z"), MAP.get("d")),
            (Some(1), Some(2), Some(3), None)
        );
        let twice = std::panic::catch_unwind(|| {
            WordMap::<4, u8>::from_lists(&[(ONE, 1), (&["a", "q"], 2)])
        });
        assert!(twice.is_err(), "a word in two lists is refused");
    }
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_word_map_of_any_words_finds_exactly_them(
            words in proptest::collection::btree_set("[a-zé'’0-9]{0,8}", 40..80),
            others in proptest::collection::vec("[a-zé'’0-9]{0,6}", 20),
        ) {
            let leaked: Vec<&'static str> =
                words.iter().take(40).map(|w| &*Box::leak(w.clone().into_boxed_str())).collect();
            let (first, second) = leaked.split_at(25);
            let map = WordMap::<40, u8>::from_lists(&[(first, 1), (second, 2)]);
            for (i, w) in leaked.iter().enumerate() {
                prop_assert_eq!(map.get(w), Some(if i < 25 { 1 } else { 2 }));
            }
            for w in others.iter().filter(|w| !leaked.contains(&w.as_str())) {
                prop_assert_eq!(map.get(w), None);
            }
        }

        #[test]
        fn char_indices_is_the_standard_one(text in "\\PC{0,40}", end in any::<char>()) {
            let ours: Vec<(usize, char)> = char_indices(&text).collect();
            let std: Vec<(usize, char)> = text.char_indices().collect();
            prop_assert_eq!(&ours, &std);
            prop_assert_eq!(word_hash_ascii_lower(&text), word_hash(&text.to_ascii_lowercase()));
            let mut it = char_indices(&text).then(end);
            let mut with_end = Vec::new();
            while let Some(peeked) = it.peek() {
                prop_assert_eq!(it.next(), Some(peeked));
                with_end.push(peeked);
            }
            prop_assert_eq!(it.next(), None);
            let want: Vec<(usize, char)> = std.into_iter().chain([(text.len(), end)]).collect();
            prop_assert_eq!(with_end, want);
        }

        #[test]
        fn apostrophe_words_are_split_on_other_chars(text in "[a-zé' .,-]{0,40}") {
            let split: Vec<&str> = text
                .split(|c: char| !(is_word_char(c) || c == '\''))
                .filter(|w| !w.is_empty())
                .collect();
            prop_assert_eq!(apostrophe_words(&text), split);
        }

        #[test]
        fn tokens_are_the_leading_and_second_words(text in "[a-zé' .,-]{0,40}") {
            let words = tokens(&text);
            for (i, w) in words.iter().enumerate() {
                let rest = &text[w.start..];
                prop_assert_eq!(&text[w.start..w.end], leading_word(rest));
                prop_assert_eq!(w.hash, word_hash(leading_word(rest)));
                let second = words.get(i + 1).map_or("", |n| &text[n.start..n.end]);
                prop_assert_eq!(second, second_word(rest));
            }
            let starts = text
                .char_indices()
                .zip(std::iter::once(None).chain(text.chars().map(Some)))
                .filter(|&((_, c), prev)| is_word_char(c) && !prev.is_some_and(is_word_char))
                .count();
            prop_assert_eq!(words.len(), starts);
        }
    }
}
