//! Phrase choice: a stable hash picks one phrasing per sentence slot, and a one-pass template
//! filler inserts store values verbatim (never re-read as template text).

/// 64-bit FNV-1a over the parts, with a separator byte so `("ab","c")` differs from `("a","bc")`.
///
/// Used instead of std's `RandomState`, whose seed changes per process: a draft must come out
/// the same on every run and on every platform (native and wasm32).
pub fn fnv1a(parts: &[&str]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0xff)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

/// Picks phrasings for one interviewer of one interview.
///
/// The hash of interview id + slot sets where a slot starts in its bank; the interviewer's
/// position in the interview is added to it. So the same input always gives the same choice,
/// and the first *n* interviewers of an interview never share a phrasing in a bank of *n* or more.
#[derive(Debug, Clone)]
pub struct Chooser {
    interview: String,
    rank: usize,
}

impl Chooser {
    /// A chooser for the interviewer at position `rank` of interview `interview`.
    pub fn new(interview: &str, rank: usize) -> Chooser {
        Chooser {
            interview: interview.to_string(),
            rank,
        }
    }

    /// The interviewer's position in the interview.
    pub fn rank(&self) -> usize {
        self.rank
    }

    /// The index into a bank of `len` options for `slot`; 0 for an empty bank.
    pub fn index(&self, slot: &str, len: usize) -> usize {
        if len == 0 {
            return 0;
        }
        let start = fnv1a(&[&self.interview, slot]) % len as u64;
        (start as usize + self.rank) % len
    }

    /// The option chosen for `slot`; `""` for an empty bank.
    pub fn pick<'a>(&self, slot: &str, options: &[&'a str]) -> &'a str {
        options
            .get(self.index(slot, options.len()))
            .copied()
            .unwrap_or("")
    }
}

pub use crate::text::fill;

/// Closing words of a LinkedIn chat message, followed by ", Sam" (or "." without a name).
pub const CHAT_CLOSES: &[&str] = &[
    "Thanks again",
    "Many thanks",
    "Thank you again",
    "Thanks so much",
];

/// Letter sign-offs for emails (a LinkedIn chat message ends with [`CHAT_CLOSES`] instead).
pub const SIGN_OFFS: &[&str] = &[
    "Best regards,",
    "Kind regards,",
    "With thanks,",
    "Warm regards,",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_stable_and_separates_parts() {
        assert_eq!(fnv1a(&[]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(&["acme", "slot"]), fnv1a(&["acme", "slot"]));
        assert_ne!(fnv1a(&["ab", "c"]), fnv1a(&["a", "bc"]));
    }

    #[test]
    fn consecutive_ranks_get_different_options() {
        let bank = ["a", "b", "c"];
        let picks: Vec<&str> = (0..3)
            .map(|rank| Chooser::new("acme-pm", rank).pick("opening", &bank))
            .collect();
        assert_ne!(picks[0], picks[1]);
        assert_ne!(picks[1], picks[2]);
        assert_ne!(picks[0], picks[2]);
        assert_eq!(Chooser::new("x", 0).pick("s", &[]), "");
    }

    #[test]
    fn fill_inserts_values_literally() {
        let out = fill(
            "At {company}, the {role} role{missing}",
            &[("company", "<b>{role}</b>"), ("role", "PM")],
        );
        assert_eq!(out, "At <b>{role}</b>, the PM role{missing}");
        assert_eq!(fill("unclosed {brace", &[]), "unclosed {brace");
    }
}
