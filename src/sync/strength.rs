//! How hard a sync passphrase is to guess, shown while the user types it. The synced data is
//! only as private as this passphrase: anyone who can read the browser's sync storage (the
//! sync provider, someone signed in to the same account) can try passphrases offline against
//! it, each try costing one key derivation ([`super::KDF_ITERATIONS`]).
//!
//! The estimate is deliberately plain: bits per character from the kinds of characters used,
//! none for a character that repeats or continues a run of the one before it, and little for
//! the most common passwords and keyboard runs. It errs low on made-up words and high on
//! sentences from books; the words shown say what helps.

use crate::case::Lowercase as _;

/// What the estimate says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Refused: too short, or guessable with ordinary hardware.
    TooWeak,
    /// Accepted.
    Fair,
    /// Accepted, comfortably.
    Strong,
}

/// A passphrase's estimated strength.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strength {
    /// Estimated bits of guessing work.
    pub bits: u32,
    /// The verdict.
    pub verdict: Verdict,
    /// One sentence for the user.
    pub words: &'static str,
}

/// The fewest characters accepted.
pub const MIN_CHARS: usize = 10;
/// Bits from which a passphrase is accepted, and from which it is strong.
pub const FAIR_BITS: u32 = 50;
/// See [`FAIR_BITS`].
pub const STRONG_BITS: u32 = 72;

/// Parts of passwords that everyone tries first: each counts as a few bits, not as its letters.
const COMMON: &[&str] = &[
    "password",
    "passphrase",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "letmein",
    "iloveyou",
    "welcome",
    "admin",
    "monkey",
    "dragon",
    "football",
    "baseball",
    "sunshine",
    "princess",
    "shadow",
    "master",
    "secret",
    "interview",
    "followup",
    "1234567890",
    "0987654321",
];

/// Estimates the strength of `passphrase`.
pub fn strength(passphrase: &str) -> Strength {
    let chars: Vec<char> = passphrase.chars().collect();
    let bits = estimate(&passphrase.lowercase(), &chars);
    let verdict = if chars.len() < MIN_CHARS || bits < FAIR_BITS {
        Verdict::TooWeak
    } else if bits < STRONG_BITS {
        Verdict::Fair
    } else {
        Verdict::Strong
    };
    let words = match verdict {
        _ if chars.is_empty() => "Choose a passphrase you do not use anywhere else.",
        Verdict::TooWeak if chars.len() < MIN_CHARS => {
            "Too short: use at least 10 characters; four unrelated words are easy to remember."
        }
        Verdict::TooWeak => "Too easy to guess: add unrelated words, or mix in digits and symbols.",
        Verdict::Fair => "Fair: a few more unrelated words would make it strong.",
        Verdict::Strong => "Strong.",
    };
    Strength {
        bits,
        verdict,
        words,
    }
}

fn estimate(lower: &str, chars: &[char]) -> u32 {
    // Common parts are taken out (and counted as ten bits each) before the rest is measured.
    let mut rest = lower.to_owned();
    let mut common = 0;
    for word in COMMON {
        while let Some(at) = rest.find(word) {
            rest.replace_range(at..at + word.len(), "\u{0}");
            common += 1;
        }
    }
    let (mut lowers, mut uppers, mut digits, mut symbols, mut others) =
        (false, false, false, false, false);
    for c in chars {
        match c {
            'a'..='z' => lowers = true,
            'A'..='Z' => uppers = true,
            '0'..='9' => digits = true,
            c if c.is_ascii() => symbols = true,
            _ => others = true,
        }
    }
    let pool = [
        (lowers, 26.0),
        (uppers, 26.0),
        (digits, 10.0),
        (symbols, 33.0),
        (others, 100.0),
    ]
    .iter()
    .filter(|(used, _)| *used)
    .map(|(_, n)| n)
    .sum::<f64>()
    .max(2.0);
    let per_char = pool.log2();
    let mut bits = f64::from(common) * 10.0;
    let mut previous: Option<char> = None;
    for c in rest.chars().filter(|c| *c != '\u{0}') {
        let runs = previous.is_some_and(|p| {
            let (p, c) = (u32::from(p), u32::from(c));
            c == p || c == p + 1 || c + 1 == p
        });
        bits += if runs { 1.0 } else { per_char };
        previous = Some(c);
    }
    bits.min(f64::from(u32::MAX)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts() {
        let table: &[(&str, Verdict)] = &[
            ("", Verdict::TooWeak),
            ("short1!", Verdict::TooWeak),
            ("password123", Verdict::TooWeak),
            ("aaaaaaaaaaaaaaaa", Verdict::TooWeak),
            ("abcdefghijklmnop", Verdict::TooWeak),
            ("qwertyuiop12", Verdict::TooWeak),
            ("Interview2026!", Verdict::TooWeak),
            ("bluecactus77", Verdict::Fair),
            ("maple orbit", Verdict::Fair),
            ("sunset-42-river", Verdict::Strong),
            ("correct horse battery staple", Verdict::Strong),
            ("Zürich—Ωmega—ведро—42", Verdict::Strong),
        ];
        for (p, want) in table {
            let s = strength(p);
            assert_eq!(s.verdict, *want, "{p:?}: {s:?}");
        }
    }

    #[test]
    fn more_unrelated_words_never_weaken() {
        let mut phrase = String::from("lantern");
        let mut last = strength(&phrase).bits;
        for word in ["quiet", "harbor", "violet", "engine"] {
            phrase.push(' ');
            phrase.push_str(word);
            let now = strength(&phrase).bits;
            assert!(now > last, "{phrase}: {now} after {last}");
            last = now;
        }
    }

    #[test]
    fn any_text_gets_an_answer() {
        for p in [
            "\u{0}\u{0}",
            "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂",
            &"x".repeat(100_000),
            "passwordpassword",
        ] {
            let s = strength(p);
            assert!(!s.words.is_empty());
        }
    }
}
