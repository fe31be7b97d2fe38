//! Text helpers shared by the checker and the composer: UTF-16 offsets, word counting, the
//! small Unicode folds the checker needs (case, accents, word characters), and `{key}` templates.

use crate::case::Lowercase as _;

/// `0x80` in every byte of a `u64`.
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Eight bytes as one little-endian word (`chunk` is eight long: a piece of `chunks_exact(8)`).
fn chunk_word(chunk: &[u8]) -> u64 {
    u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default())
}

/// Fewer than eight bytes (a `chunks_exact(8)` remainder) as one little-endian word, filled with
/// NUL above them.
fn padded_word(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .rev()
        .fold(0, |word, &b| (word << 8) | u64::from(b))
}

/// Whether `a` and `b` hold the same bytes, compared eight at a time (the last few as one word
/// each, filled with NUL: the lengths are equal by then). `==` on slices calls `memcmp`, which
/// the WebAssembly build takes from the compiler's builtins: a call, and a byte loop of about
/// seven instructions a byte, for a word of a table as for a whole message (the duplicate
/// check looks up the other messages it remembers).
pub fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    x.by_ref()
        .zip(y.by_ref())
        .all(|(p, q)| chunk_word(p) == chunk_word(q))
        && padded_word(x.remainder()) == padded_word(y.remainder())
}

/// Converts a byte offset in `text` (on a char boundary) to a UTF-16 code-unit offset.
pub fn utf16_offset(text: &str, byte: usize) -> usize {
    text.get(..byte)
        .map_or_else(|| text.encode_utf16().count(), |s| s.encode_utf16().count())
}

/// The largest char boundary of `text` at or below `max` (`text.len()` when `max` is past the
/// end): where to cut `text` to at most `max` bytes (`str::floor_char_boundary`, which needs a
/// newer Rust than the crate's minimum).
///
/// ```
/// assert_eq!(followup::text::floor_boundary("a€b", 2), 1);
/// assert_eq!(followup::text::floor_boundary("a€b", 9), 5);
/// ```
pub fn floor_boundary(text: &str, max: usize) -> usize {
    if max >= text.len() {
        return text.len();
    }
    let mut at = max;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// UTF-16 offsets of byte offsets asked for in ascending order (the findings' starts, sorted):
/// each answer counts only the bytes since the one before, so all of them together cost one pass
/// over `text`, with no list of offsets to sort or fill. Offsets past the end, or inside a char,
/// are clamped down to the previous char boundary. An offset before the last one asked is
/// answered too, by counting back (correct, but not one pass any more).
///
/// Counted over bytes, without decoding chars: every byte that starts a char is one UTF-16
/// unit, and a four-byte char's first byte (0xF0 and up) one more for its surrogate pair.
///
/// ```
/// let mut units = followup::text::Utf16Cursor::new("a😀b");
/// assert_eq!((units.at(0), units.at(1), units.at(5), units.at(6)), (0, 1, 3, 4));
/// assert_eq!(units.at(5), 3);
/// ```
pub struct Utf16Cursor<'t> {
    text: &'t str,
    /// The last char boundary asked for ...
    done: usize,
    /// ... and its UTF-16 offset.
    units: usize,
}

impl<'t> Utf16Cursor<'t> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'t str) -> Utf16Cursor<'t> {
        Utf16Cursor {
            text,
            done: 0,
            units: 0,
        }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped down to a char boundary).
    pub fn at(&mut self, byte: usize) -> usize {
        let target = floor_boundary(self.text, byte);
        let source = self.text.as_bytes();
        if target >= self.done {
            self.units += utf16_units(source.get(self.done..target).unwrap_or(&[]));
            self.done = target;
            self.units
        } else {
            self.units - utf16_units(source.get(target..self.done).unwrap_or(&[]))
        }
    }
}

/// The UTF-16 units of `text[start..end]`, both on char boundaries (`start <= end`).
pub fn utf16_len(text: &str, start: usize, end: usize) -> usize {
    utf16_units(text.as_bytes().get(start..end).unwrap_or(&[]))
}

/// UTF-16 units in `bytes` (whole chars of UTF-8): one for each byte that starts a char, one
/// more for each that starts a four-byte char. Eight bytes at a time while they are ASCII (eight
/// units), then by byte: a byte loop was 13 instructions a byte in the WebAssembly checker.
fn utf16_units(bytes: &[u8]) -> usize {
    let units = |b: &u8| usize::from(b & 0xC0 != 0x80) + usize::from(*b >= 0xF0);
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for chunk in chunks.by_ref() {
        n += if chunk_word(chunk) & HIGHS == 0 {
            8
        } else {
            chunk.iter().map(units).sum()
        };
    }
    n + chunks.remainder().iter().map(units).sum::<usize>()
}

/// Number of words (runs of alphanumeric characters, apostrophes inside words allowed).
pub fn word_count(text: &str) -> usize {
    // One pass (the size-optimised build does not inline `split` and `filter`): a word is a
    // run of those chars with at least one alphanumeric in it.
    let (mut count, mut in_run, mut counted) = (0, false, false);
    for (_, c) in crate::fold::char_indices(text) {
        let alphanumeric = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        if alphanumeric || c == '\'' || c == '’' {
            if alphanumeric && !(in_run && counted) {
                count += 1;
                counted = true;
            }
            in_run = true;
        } else {
            in_run = false;
            counted = false;
        }
    }
    count
}

pub use crate::fold::{is_combining, is_word_char, lower_char};

/// Strips the accent from a Latin letter (`é` → `e`, `Ł` → `L`); other chars are returned as is.
pub fn strip_accent(c: char) -> char {
    const FROM: &str = "ÀÁÂÃÄÅàáâãäåĀāĂăĄąÇçĆćĈĉĊċČčĎďĐđÈÉÊËèéêëĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħÌÍÎÏìíîïĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľĿŀŁłÑñŃńŅņŇňÒÓÔÕÖØòóôõöøŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųŴŵÝýÿŶŷŸŹźŻżŽž";
    const TO: &str = "AAAAAAaaaaaaAaAaAaCcCcCcCcCcDdDdEEEEeeeeEeEeEeEeEeGgGgGgGgHhHhIIIIiiiiIiIiIiIiIiJjKkLlLlLlLlLlNnNnNnNnOOOOOOooooooOoOoOoRrRrRrSsSsSsSsTtTtTtUUUUuuuuUuUuUuUuUuUuWwYyyYyYZzZzZz";
    if c.is_ascii() {
        return c;
    }
    FROM.chars()
        .zip(TO.chars())
        .find(|&(f, _)| f == c)
        .map_or(c, |(_, t)| t)
}

/// Folds a name or word for comparison: lowercase, accents stripped, combining marks dropped.
pub fn fold_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_name_into(s, &mut out);
    out
}

/// [`fold_name`] into `out` (cleared first): a loop that folds many words reuses one buffer.
pub fn fold_name_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        // ASCII folds to its lowercase: one copy, no char loop.
        out.push_str(s);
        out.make_ascii_lowercase();
    } else {
        out.extend(folded_chars(s));
    }
}

/// The chars of [`fold_name`]`(s)`, one at a time: comparisons read them without a `String`.
fn folded_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|&c| !is_combining(c))
        .map(|c| lower_char(strip_accent(c)))
}

/// Whether `s` folds to `folded` (`fold_name(s) == folded`), without building the fold. ASCII
/// (most names and every word of the greeting lists) folds to its lowercase, so there it is a
/// comparison that ignores ASCII case (lengths first).
pub fn folds_to(s: &str, folded: &str) -> bool {
    folds_to_any(s, &[folded])
}

/// Whether `s` folds to one of `list` (already folded).
pub fn folds_to_any(s: &str, list: &[&str]) -> bool {
    if s.is_ascii() {
        list.iter().any(|folded| s.eq_ignore_ascii_case(folded))
    } else {
        list.iter().any(|folded| folded_chars(s).eq(folded.chars()))
    }
}

/// Whether two names are the same once folded (`fold_name(a) == fold_name(b)`).
pub fn same_name(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        folded_chars(a).eq(folded_chars(b))
    }
}

/// Replaces each `{key}` in `template` with its value from `values`, in one pass.
///
/// Values are inserted as they are: a company called `{role}` or `<b>Acme</b>` stays literal.
/// An unknown key is kept as written, which the tests catch as a placeholder.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let key = &after[..close];
                match values.iter().find(|(k, _)| *k == key) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// "a", "a and b", "a, b, and c".
pub fn join_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [a, b] => format!("{a} and {b}"),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
    }
}

/// Words that already determine a noun phrase ("my portfolio", "two references").
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "my", "our", "your", "some", "two", "three", "four", "five", "this", "these",
    "those", "that",
];

/// A promised item as a noun phrase: "portfolio link" → "the portfolio link".
pub fn promised_phrase(item: &str) -> String {
    let item = item.trim();
    let first = item.split_whitespace().next().unwrap_or("").lowercase();
    if DETERMINERS.contains(&first.as_str()) {
        item.to_string()
    } else {
        format!("the {item}")
    }
}

/// A user value quoted for an error message, shortened so the message stays readable.
pub fn quote(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() > MAX {
        let short: String = s.chars().take(MAX).collect();
        format!("{:?}…", short)
    } else {
        format!("{s:?}")
    }
}

/// "1 interview", "3 interviews".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn same_is_slice_equality(
            a in proptest::collection::vec(proptest::sample::select(vec![b'a', b'b', 0x00, 0xff]), 0..40),
            flip in proptest::option::of(0usize..40),
            cut in proptest::option::of(0usize..40),
        ) {
            let mut b = a.clone();
            if let Some(at) = flip.filter(|&at| at < b.len()) {
                b[at] ^= 1;
            }
            if let Some(at) = cut {
                b.truncate(at);
            }
            proptest::prop_assert_eq!(same(&a, &b), a == b);
            proptest::prop_assert!(same(&a, &a));
        }
    }
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn word_count_counts_runs_with_an_alphanumeric(text in "[a-zÉé1' ’.,-]{0,40}") {
            let split = text
                .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            prop_assert_eq!(word_count(&text), split);
        }
    }

    #[test]
    fn lists_join_in_english() {
        assert_eq!(join_list(&[]), "");
        assert_eq!(join_list(&["SQL"]), "SQL");
        assert_eq!(join_list(&["SQL", "Rust"]), "SQL and Rust");
        assert_eq!(join_list(&["a", "b", "c"]), "a, b, and c");
    }

    #[test]
    fn promised_items_get_an_article_when_needed() {
        assert_eq!(promised_phrase("portfolio link"), "the portfolio link");
        assert_eq!(promised_phrase("my writing sample"), "my writing sample");
        assert_eq!(promised_phrase("Two references"), "Two references");
    }
    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let s = "a😀b";
        assert_eq!(utf16_offset(s, 0), 0);
        assert_eq!(utf16_offset(s, 1), 1);
        assert_eq!(utf16_offset(s, 5), 3);
        assert_eq!(utf16_offset(s, 6), 4);
        let mut units = Utf16Cursor::new(s);
        assert_eq!([6, 0, 5, 1, 3].map(|b| units.at(b)), [4, 0, 3, 1, 1]);
        assert_eq!(utf16_len(s, 1, 5), 2);
    }

    proptest::proptest! {
        /// On char boundaries, the cursor counts what `encode_utf16` counts; inside a char or
        /// past the end, the previous boundary's count; in ascending order (how the checker
        /// asks) and in any order. A span's length from its start is the difference.
        #[test]
        fn cursor_agrees_with_encode_utf16(text in "\\PC{0,40}|([a-z .]{0,12}\\PC{0,2}){0,6}", picks in proptest::collection::vec(0_usize..200, 0..12)) {
            let count = |b: usize| text[..floor_boundary(&text, b)].encode_utf16().count();
            let mut any_order = Utf16Cursor::new(&text);
            for &b in &picks {
                proptest::prop_assert_eq!(any_order.at(b), count(b));
            }
            let mut ascending = picks.clone();
            crate::order::sort(&mut ascending);
            let mut cursor = Utf16Cursor::new(&text);
            for pair in ascending.windows(2) {
                let (start, end) = (floor_boundary(&text, pair[0]), floor_boundary(&text, pair[1]));
                proptest::prop_assert_eq!(cursor.at(pair[0]), count(pair[0]));
                proptest::prop_assert_eq!(count(pair[0]) + utf16_len(&text, start, end), count(pair[1]));
            }
        }
    }

    #[test]
    fn words_are_counted() {
        assert_eq!(word_count("Hi Dana, it's me — Sam."), 5);
        assert_eq!(word_count(""), 0);
    }

    #[test]
    fn names_fold_accents_and_case() {
        assert_eq!(fold_name("José"), "jose");
        assert_eq!(fold_name("Jose\u{301}"), "jose");
        assert_eq!(fold_name("ŁUKASZ"), "lukasz");
        assert_eq!(fold_name("Zoë"), "zoe");
    }

    /// `base` (letters of "dacelns" and spaces) written with the `picks`-th spelling of each
    /// letter: its capital, accented or with a combining mark.
    fn spelled(base: &str, picks: &[usize]) -> String {
        base.chars()
            .zip(picks.iter().chain(std::iter::repeat(&0)))
            .map(|(c, &pick)| {
                let ways: &[&str] = match c {
                    'd' => &["d", "D"],
                    'a' => &["a", "A", "á", "Á", "a\u{301}"],
                    'c' => &["c", "C", "ç", "Ç"],
                    'e' => &["e", "E", "é", "É", "e\u{308}"],
                    'l' => &["l", "L", "ł", "Ł"],
                    'n' => &["n", "N", "ñ"],
                    's' => &["s", "S", "ś"],
                    _ => &[" "],
                };
                ways[pick % ways.len()]
            })
            .collect()
    }

    proptest::proptest! {
        /// The comparisons that fold as they go agree with comparing [`fold_name`]'s strings,
        /// on names spelled from one base (the same once folded) or from two, in ASCII or not.
        #[test]
        fn folding_comparisons_match_fold_name(
            base in "[dacelns ]{0,6}",
            other in "[dacelns ]{0,6}",
            same_base: bool,
            picks_a in proptest::collection::vec(0_usize..5, 6),
            picks_b in proptest::collection::vec(0_usize..5, 6),
        ) {
            let a = spelled(&base, &picks_a);
            let b = spelled(if same_base { &base } else { &other }, &picks_b);
            let (fa, fb) = (fold_name(&a), fold_name(&b));
            // ASCII's copy and lowercase is the char-by-char fold.
            proptest::prop_assert_eq!(&fa, &folded_chars(&a).collect::<String>());
            proptest::prop_assert_eq!(same_name(&a, &b), fa == fb);
            proptest::prop_assert_eq!(folds_to(&a, &fb), fa == fb);
            proptest::prop_assert!(folds_to(&a, &fa));
            proptest::prop_assert_eq!(folds_to_any(&a, &["x", fb.as_str()]), fa == fb);
        }
    }
}
