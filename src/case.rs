//! Upper- and lowercase for any char, from tables `build.rs` generates out of the standard
//! library's own mappings (the same answers, property-tested for every char), in a form that
//! costs the module a few KB instead of the standard library's two tables of 2,960 `u32` pairs
//! (DESIGN.md, "Case mappings as runs"). `clippy.toml` bans the standard library's
//! `to_lowercase`/`to_uppercase` outside tests, which would bring those tables back.
//!
//! ```
//! use followup::case;
//! assert_eq!(case::lower("ÉCOLE Straße"), "école straße");
//! assert_eq!(case::capitalised("ßtraße"), "SStraße");
//! assert_eq!(case::lower("ΟΔΥΣΣΕΥΣ"), "οδυσσευς");
//! ```

include!(concat!(env!("OUT_DIR"), "/case.rs"));

/// Where `c` maps to in `runs`, when it is in one.
fn run_of(runs: &[(u32, u32, u8, i32)], c: char) -> Option<char> {
    let c = u32::from(c);
    let i = runs.partition_point(|r| r.0 <= c).checked_sub(1)?;
    let &(first, last, step, delta) = runs.get(i)?;
    if c > last || (c - first) % u32::from(step) != 0 {
        return None;
    }
    char::from_u32(c.checked_add_signed(delta)?)
}

/// The full mapping of `c`: one char from `runs`, or several from `multi`, or `c` itself.
fn push_mapped(out: &mut String, c: char, runs: &[(u32, u32, u8, i32)], multi: &[(char, &str)]) {
    if let Some(m) = run_of(runs, c) {
        out.push(m);
    } else if let Ok(i) = multi.binary_search_by(|m| m.0.cmp(&c)) {
        out.push_str(multi.get(i).map_or("", |m| m.1));
    } else {
        out.push(c);
    }
}

/// `c` in lowercase when that is one char (`İ` lowercases to two and is kept).
pub fn single_lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    run_of(LOWER, c).unwrap_or(c)
}

/// Appends `c` in lowercase (what `char::to_lowercase` yields).
pub fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        push_mapped(out, c, LOWER, LOWER_MULTI);
    }
}

/// Appends `c` in uppercase (what `char::to_uppercase` yields: `ß` becomes `SS`).
pub fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        push_mapped(out, c, UPPER, UPPER_MULTI);
    }
}

/// `chars`, each in lowercase (what `flat_map(char::to_lowercase)` yields: no word-final `ς`).
pub fn lower_each(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    for c in chars {
        push_lower(&mut out, c);
    }
    out
}

/// `s` in lowercase, as `str::to_lowercase` writes it: a capital sigma at the end of a word
/// (after a letter, not before one) becomes `ς`. Where the standard library asks Unicode's
/// Cased and Case_Ignorable properties, this asks whether the neighbours are letters, skipping
/// accents, apostrophes, full stops and colons, which agrees on text as people write it.
pub fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    for c in s.chars() {
        if c == 'Σ' {
            out.push(if final_sigma(s, i) { 'ς' } else { 'σ' });
        } else {
            push_lower(&mut out, c);
        }
        i += c.len_utf8();
    }
    out
}

/// [`lower`] as a method: `text.lowercase()` where the standard library's `text.to_lowercase()`
/// would bring its tables back.
pub trait Lowercase {
    /// The text in lowercase ([`lower`]).
    fn lowercase(&self) -> String;
}

impl Lowercase for str {
    fn lowercase(&self) -> String {
        lower(self)
    }
}

/// Whether the capital sigma at byte `i` of `s` ends a word.
fn final_sigma(s: &str, i: usize) -> bool {
    let ignorable = |c: &char| matches!(c, '\'' | '’' | '.' | ':' | '·' | '\u{0300}'..='\u{036F}');
    let before = s
        .get(..i)
        .unwrap_or("")
        .chars()
        .rev()
        .find(|c| !ignorable(c));
    let after = s
        .get(i + 'Σ'.len_utf8()..)
        .unwrap_or("")
        .chars()
        .find(|c| !ignorable(c));
    before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
}

/// `s` with its first char in uppercase (all of its uppercase: `ß` becomes `SS`).
pub fn capitalised(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    let mut chars = s.chars();
    if let Some(first) = chars.next() {
        push_upper(&mut out, first);
    }
    out.push_str(chars.as_str());
    out
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // compared with the standard library on purpose
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn every_char() -> impl Iterator<Item = char> {
        (0..=0x10FFFFu32).filter_map(char::from_u32)
    }

    #[test]
    fn every_char_maps_as_the_standard_library_maps_it() {
        for c in every_char() {
            let (mut lo, mut up) = (String::new(), String::new());
            push_lower(&mut lo, c);
            push_upper(&mut up, c);
            assert_eq!(
                lo,
                c.to_lowercase().collect::<String>(),
                "lowercase of {c:?}"
            );
            assert_eq!(
                up,
                c.to_uppercase().collect::<String>(),
                "uppercase of {c:?}"
            );
            let single = match (c.to_lowercase().next(), c.to_lowercase().nth(1)) {
                (Some(a), None) => a,
                _ => c,
            };
            assert_eq!(single_lower(c), single, "single lowercase of {c:?}");
        }
    }

    #[test]
    fn the_runs_are_sorted_and_apart() {
        for runs in [LOWER, UPPER] {
            for pair in runs.windows(2) {
                assert!(pair[0].1 < pair[1].0, "{pair:?}");
            }
            assert!(runs.iter().all(|r| r.0 <= r.1 && (r.2 == 1 || r.2 == 2)));
        }
        for multi in [LOWER_MULTI, UPPER_MULTI] {
            assert!(multi.windows(2).all(|p| p[0].0 < p[1].0));
        }
        // The point of the form: far fewer entries than the standard library's pairs.
        assert!(
            LOWER.len() + UPPER.len() < 700,
            "{} runs",
            LOWER.len() + UPPER.len()
        );
    }

    #[test]
    fn final_sigma_as_words_are_written() {
        for (text, want) in [
            ("ΟΔΥΣΣΕΥΣ", "οδυσσευς"),
            ("ΣΟΦΙΑ", "σοφια"),
            ("ΟΔΟΣ.", "οδος."),
            ("ΟΔΟΣ ΚΑΙ", "οδος και"),
            ("Σ", "σ"),
            ("ΑΣ'Β", "ασ'β"),
        ] {
            assert_eq!(lower(text), want, "{text}");
            assert_eq!(
                lower(text),
                text.to_lowercase(),
                "{text}, as the standard library"
            );
        }
        let each: String = "ΟΔΟΣ İ".chars().flat_map(char::to_lowercase).collect();
        assert_eq!(lower_each("ΟΔΟΣ İ".chars()), each);
        assert_eq!(capitalised("élan"), "Élan");
        assert_eq!(capitalised(""), "");
        assert_eq!(capitalised("ǆemal"), "Ǆemal");
    }

    proptest! {
        /// Any text without a capital sigma lowercases exactly as the standard library does.
        #[test]
        fn lower_is_the_standard_librarys(s in "\\PC{0,40}") {
            prop_assume!(!s.contains('Σ'));
            prop_assert_eq!(lower(&s), s.to_lowercase());
            let mut chars = s.chars();
            let want: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
            prop_assert_eq!(capitalised(&s), want);
        }

        /// Words of Greek capitals, with the punctuation that ends them, lowercase as the standard
        /// library lowercases them.
        #[test]
        fn greek_words_lower_as_the_standard_library(s in "[ΑΒΓΔΕΣΩ]{1,6}([ .,;!?]{1,2}[ΑΒΓΔΕΣΩ]{1,6}){0,4}") {
            prop_assert_eq!(lower(&s), s.to_lowercase());
        }
    }
}
