//! Word tokens with their byte offsets, shared by the rules that look at the shape of words
//! (capitals, placeholders, mechanics). A word is a run of letters and digits, with an apostrophe
//! inside it kept ("don't", "it’s").

/// One word of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'t> {
    /// Byte offset of the first char.
    pub start: usize,
    /// Byte offset just past the last char.
    pub end: usize,
    /// The word as written.
    pub text: &'t str,
}

impl Word<'_> {
    /// Whether every letter is a capital and there are at least two letters.
    pub fn is_caps(&self) -> bool {
        self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !self.text.chars().any(char::is_lowercase)
            && self.text.chars().any(char::is_uppercase)
    }

    /// Whether the word has a lowercase letter (normal case, not all capitals).
    pub fn has_lower(&self) -> bool {
        self.text.chars().any(char::is_lowercase)
    }
}

/// Every word of `text`, in order.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let inner_apostrophe = matches!(c, '\'' | '’')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if crate::text::is_word_char(c) || inner_apostrophe {
            start.get_or_insert(at);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Word {
                start: s,
                end: at,
                text: text.get(s..at).unwrap_or(""),
            });
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
            text: text.get(s..).unwrap_or(""),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_apostrophes_and_offsets() {
        let w: Vec<&str> = words("I don’t know, 'Dana'. 3.5")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(w, ["I", "don’t", "know", "Dana", "3", "5"]);
        let w = words("é b");
        assert_eq!((w[1].start, w[1].end), (3, 4));
    }
}
