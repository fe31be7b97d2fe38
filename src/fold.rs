//! The folds phrase matching relies on (case, quotes, spaces, word characters). No dependencies:
//! `build.rs` includes this file to fold the phrase tables at compile time exactly as the
//! checker folds a message at run time.

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
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_combining(c)
    }
}

/// Lowercases one char when it lowercases to exactly one char (keeps it otherwise).
pub fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(a), None) => a,
        _ => c,
    }
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
    s.char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(s.len(), |(i, _)| i)
}

/// The second word of `s`: the next run of word characters after its leading word and the
/// characters that are not word characters after it (empty when there is none).
pub fn second_word(s: &str) -> &str {
    let rest = &s[word_end(s)..];
    let start = rest
        .char_indices()
        .find(|&(_, c)| is_word_char(c))
        .map_or(rest.len(), |(i, _)| i);
    leading_word(&rest[start..])
}

/// FNV-1a hash of a word: the phrase index looks words up by this number, so finding the
/// patterns that start with a word compares integers, not strings.
pub fn word_hash(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
