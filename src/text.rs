//! Text helpers shared by the checker and the composer: UTF-16 offsets and word counting.

/// Converts a byte offset in `text` (on a char boundary) to a UTF-16 code-unit offset.
pub fn utf16_offset(text: &str, byte: usize) -> usize {
    text.get(..byte)
        .map_or_else(|| text.encode_utf16().count(), |s| s.encode_utf16().count())
}

/// Number of words (runs of alphanumeric characters, apostrophes inside words allowed).
pub fn word_count(text: &str) -> usize {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let s = "a😀b";
        assert_eq!(utf16_offset(s, 0), 0);
        assert_eq!(utf16_offset(s, 1), 1);
        assert_eq!(utf16_offset(s, 5), 3);
        assert_eq!(utf16_offset(s, 6), 4);
    }

    #[test]
    fn words_are_counted() {
        assert_eq!(word_count("Hi Dana, it's me — Sam."), 5);
        assert_eq!(word_count(""), 0);
    }
}
