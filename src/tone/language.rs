//! A small language guess for the message-level checks: English, German, Spanish or French.
//!
//! Method: count the message's words that are frequent function words of each language (lists
//! below, chosen to be distinctive: words two languages share, such as "de", "en", "a", "die"
//! next to English "die", are left out). The language with most hits wins when it has at least
//! three hits, at least 15 % of the words, and more than twice the English count; anything else
//! is English, so an English message with a foreign greeting ("Hola Ana," / "Merci!") or a
//! foreign company name stays English. No crate: the lists are under 2 KB in the WASM module,
//! and the guess costs one pass over words the context already has.
//!
//! Checked indirectly by the project's labelled set (`tests/data/tone-labelled.jsonl`, 8 German,
//! Spanish and French messages among 202): a non-English message taken for English would get
//! interest and detail warnings, and an English one taken for another language would lose them;
//! `tests/tone_corpus.rs` fails on either. The WASM size of the lists was not measured.

use crate::fold::{word_hash, Token};

/// A language the checker knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// English (also the answer when unsure).
    English,
    /// German.
    German,
    /// Spanish.
    Spanish,
    /// French.
    French,
}

impl Language {
    /// The language's English name.
    pub fn name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::German => "German",
            Language::Spanish => "Spanish",
            Language::French => "French",
        }
    }
}

#[rustfmt::skip]
const ENGLISH: &[&str] = &[
    "the", "and", "to", "of", "you", "for", "with", "your", "is", "i", "was", "my", "that",
    "this", "it", "have", "be", "are", "our", "about", "would", "thank", "me", "we", "will",
];
#[rustfmt::skip]
const GERMAN: &[&str] = &[
    "und", "ich", "sie", "ihnen", "für", "mit", "das", "der", "ist", "nicht", "auf", "mich",
    "sehr", "vielen", "dank", "gespräch", "freue", "würde", "mein", "meine", "ihr", "ihre",
    "geehrte", "geehrter", "liebe", "lieber", "grüße", "grüßen", "zeit", "über", "auch", "wir",
    "uns", "bei", "einen", "eine", "zu", "dem", "den", "des", "im", "hat", "habe", "wie",
];
#[rustfmt::skip]
const SPANISH: &[&str] = &[
    "el", "la", "los", "las", "y", "que", "por", "para", "con", "su", "sus", "usted", "muy",
    "gracias", "estimado", "estimada", "saludos", "entrevista", "mi", "me", "lo", "del", "al",
    "una", "es", "fue", "tiempo", "puesto", "equipo", "sobre", "atentamente", "cordiales",
    "agradezco", "hola", "quedo", "espero", "pero", "como", "más",
];
#[rustfmt::skip]
const FRENCH: &[&str] = &[
    "le", "les", "et", "je", "vous", "pour", "avec", "votre", "vos", "est", "une", "du", "des",
    "merci", "madame", "monsieur", "cordialement", "entretien", "mon", "ma", "mes", "au", "aux",
    "pas", "qui", "nous", "sur", "temps", "poste", "équipe", "bonjour", "suis",
    "très", "bien", "remercie", "salutations", "ai",
];

/// For each known function word, its [`word_hash`] and a bit per language (English, German,
/// Spanish, French), sorted by hash: a word of the message is looked up by one hash and integer
/// comparisons (a map in a vector: no hash table in the module), and its text compared once.
/// With it, a filter of those hashes ([`crate::fold::filter_slot`], the phrase index's): most
/// content words are passed over without a search.
struct Lexicon {
    words: Vec<(u64, &'static str, u8)>,
    filter: [u64; crate::fold::FILTER_WORDS],
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut words: Vec<(u64, &'static str, u8)> = Vec::new();
        let mut filter = [0u64; crate::fold::FILTER_WORDS];
        for (bit, list) in [ENGLISH, GERMAN, SPANISH, FRENCH].iter().enumerate() {
            for w in *list {
                let key = (word_hash(w), *w);
                filter = crate::fold::filter_with(filter, key.0);
                match words.binary_search_by(|&(h, k, _)| (h, k).cmp(&key)) {
                    Ok(at) => words[at].2 |= 1 << bit,
                    Err(at) => words.insert(at, (key.0, key.1, 1 << bit)),
                }
            }
        }
        Lexicon { words, filter }
    })
}

/// The language bits of the word `word` whose [`word_hash`] is `hash` (0 when it is no known
/// function word).
fn bits(lexicon: &Lexicon, word: &str, hash: u64) -> u8 {
    if !crate::fold::in_filter(&lexicon.filter, hash) {
        return 0;
    }
    let words = &lexicon.words;
    let from = words.partition_point(|&(h, _, _)| h < hash);
    words
        .get(from..)
        .unwrap_or(&[])
        .iter()
        .take_while(|&&(h, _, _)| h == hash)
        .find(|&&(_, k, _)| crate::text::same(k.as_bytes(), word.as_bytes()))
        .map_or(0, |&(_, _, b)| b)
}

/// Guesses the language of a lowercase text (the checker's folded copy) from its words as the
/// fold found them (runs of word characters, so "j'ai" is "j" and "ai" and "c'est" is "c" and
/// "est"), already hashed: no pass of its own over the text.
/// It stops as soon as English is certain: another language needs more than twice the
/// English hits, and it cannot gain more than one a word still to read (in an English message,
/// about halfway).
pub fn detect_in(lowercase: &str, words: &[Token]) -> Language {
    let mut tally = Tally::default();
    for (read, w) in words.iter().enumerate() {
        tally.add(lowercase.get(w.start..w.end).unwrap_or(""), w.hash);
        if tally.english_whatever_follows(words.len() - read - 1) {
            return Language::English;
        }
    }
    tally.verdict()
}

/// Guesses the language of a text from its lowercase words (what [`detect_in`] does in one pass).
#[cfg(test)]
fn detect<'w>(lowercase_words: impl Iterator<Item = &'w str>) -> Language {
    let mut tally = Tally::default();
    for w in lowercase_words {
        tally.add(w, word_hash(w));
    }
    tally.verdict()
}

/// Words counted, and the hits of each language (English, German, Spanish, French).
#[derive(Default)]
struct Tally {
    total: usize,
    counts: [usize; 4],
}

impl Tally {
    /// Counts `word`, whose [`word_hash`] is `hash`.
    fn add(&mut self, word: &str, hash: u64) {
        self.total += 1;
        let bits = bits(lexicon(), word, hash);
        for (n, count) in self.counts.iter_mut().enumerate() {
            *count += usize::from(bits >> n & 1);
        }
    }

    /// Whether the verdict is English whatever the next `left` words are: the best other
    /// language, given every one of them, would still not have more than twice the English hits.
    fn english_whatever_follows(&self, left: usize) -> bool {
        let [english, rest @ ..] = self.counts;
        let best = rest.iter().copied().max().unwrap_or(0);
        best + left <= 2 * english
    }

    /// The guess: the language with most hits when it has at least three, at least 15 % of
    /// the words and more than twice the English count; English otherwise.
    fn verdict(&self) -> Language {
        let [english, rest @ ..] = self.counts;
        let (best, hits) = rest
            .iter()
            .enumerate()
            .max_by_key(|&(_, &c)| c)
            .map_or((0, 0), |(i, &c)| (i, c));
        if hits >= 3 && hits * 100 >= self.total * 15 && hits > 2 * english {
            [Language::German, Language::Spanish, Language::French]
                .get(best)
                .copied()
                .unwrap_or(Language::English)
        } else {
            Language::English
        }
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // the standard library's lowercase, as the reference
mod tests {
    use super::*;

    fn guess(text: &str) -> Language {
        let lower = text.to_lowercase();
        detect_in(&lower, &crate::fold::tokens(&lower))
    }

    proptest::proptest! {
        #[test]
        fn one_pass_guesses_as_the_words_do(
            words in proptest::collection::vec("und|ich|sie|für|la|que|gracias|je|vous|j'ai|c'est|the|you|[a-zé']{1,6}", 0..30),
            seps in proptest::collection::vec("[ ,.!\n]{1,2}", 30),
        ) {
            let text: String = words.iter().zip(&seps).map(|(w, s)| format!("{w}{s}")).collect();
            // The words by another reading: the text split at every char that is no word char.
            let words = text.split(|c: char| !crate::fold::is_word_char(c)).filter(|w| !w.is_empty());
            let by_words = detect(words);
            proptest::prop_assert_eq!(detect_in(&text, &crate::fold::tokens(&text)), by_words);
        }
    }

    #[test]
    fn languages_are_told_apart() {
        for (text, want) in [
            ("Sehr geehrte Frau Weber, vielen Dank für das angenehme Gespräch am Dienstag. Ich freue mich auf Ihre Rückmeldung.", Language::German),
            ("Estimada Ana: muchas gracias por la entrevista del lunes. Me encantó conocer al equipo y quedo atento a sus noticias.", Language::Spanish),
            ("Bonjour Madame Laurent, je vous remercie pour l'entretien de mardi. Je suis très motivé par le poste. Cordialement", Language::French),
            ("Dear Dana, thank you for the interview on Tuesday about the SAP rollout.", Language::English),
            ("Hola Ana, thank you so much for the tour of the Madrid office and the team lunch.", Language::English),
            ("Merci!", Language::English),
            ("", Language::English),
        ] {
            assert_eq!(guess(text), want, "{text}");
        }
    }
}
