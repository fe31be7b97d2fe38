//! Message-level signals: does the message thank, show interest, name something specific from
//! the conversation? Cues are matched by the shared phrase index ([`super::phrases`]).

pub use super::cues::{Signal, CUES};
use crate::fold::WordMap;

/// Cues that can also follow the detail they introduce ("the backlog you described").
pub fn looks_back(cue: &str) -> bool {
    cue.starts_with("you ")
        || cue.starts_with("we ")
        || matches!(cue, "stayed with me" | "stuck with me")
}

/// Words that carry no detail: function words, the vocabulary every follow-up uses, and
/// abstract nouns and adjectives that fit any company ("your vision and values", "the goals of
/// your team", "your research and design work", "the exciting work"). A detail is concrete: a
/// thing, a number, an event, a named project ("the monthly housing brief", "the Q1 onboarding
/// revamp", "the tour"), which no list of abstractions can name.
#[rustfmt::skip]
const ABSTRACT_WORDS: &[&str] = &[
    "vision", "values", "value", "mission", "goals", "goal", "research", "design", "projects",
    "plans", "strategy", "direction", "growth", "success", "environment", "people", "priorities",
    "initiatives", "approach", "aspects", "insights", "insight", "experience", "skills",
    "background", "qualifications", "business", "industry", "field", "responsibilities",
    "expectations", "challenges", "exciting", "interesting", "amazing", "wonderful",
    "impressive", "inspiring", "various", "different", "current", "upcoming", "overall",
    "general", "innovative", "innovation", "collaborative", "collaboration", "teamwork",
    "dynamic", "passion", "commitment", "dedication", "department", "group", "anything", "lots",
    "good", "excellent", "fantastic", "important", "valuable", "helpful", "insightful",
    "informative", "company's", "organization's", "organisation's", "everyday", "daily",
    "products", "services", "clients", "customers", "members", "colleagues", "staff",
    "employees", "fascinating", "unique", "awesome", "specific", "certain", "part", "parts",
    "area", "areas", "aspect", "responsibility", "opportunities", "roles", "positions",
    "expertise", "knowledge", "abilities", "ability", "contribute", "contributing", "company",
    "career", "working", "everyone's", "excited", "future", "together", "thank", "thanks",
    "keen", "use", "confident", "allow", "immediate", "impact", "believe", "asset", "strong",
    "candidate", "fit", "sounds", "wait", "can't", "hey", "dear", "regards", "best", "sincerely",
    "kind", "warm", "forward", "look", "looking", "let", "please", "need", "want", "glad",
];

/// Nouns for things that happened in the interview: naming one is a detail by itself ("the
/// tour you gave me", "the whiteboard exercise").
const EVENT_WORDS: &[&str] = &[
    "tour",
    "demo",
    "walkthrough",
    "whiteboard",
    "lunch",
    "coffee",
    "exercise",
    "presentation",
    "lab",
    "visit",
    "shadowing",
    "prototype",
    "dashboard",
    "case",
];

/// What a folded word says about detail: a word for the job itself ([`ROLE_HEADS`]), or how
/// much it weighs: 2 for a number or an interview event, 1 for any other content word, 0 for
/// function words and abstractions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sense {
    Role,
    Weight(usize),
}

fn sense(word: &str) -> Sense {
    // A number ("40", "3.5", "q1", "24h", "b2b"), not text-speak ("2day", "l8r").
    let number = word.bytes().any(|b| b.is_ascii_digit())
        && word.chars().filter(|c| c.is_alphabetic()).count() <= 2;
    if number {
        return Sense::Weight(2);
    }
    match LEXICON.get(word) {
        Some(sense) => sense,
        // Three chars or more (fewer than three bytes is fewer than three chars).
        None if word.len() >= 3 && word.chars().nth(2).is_some() => Sense::Weight(1),
        None => Sense::Weight(0),
    }
}

const LEXICON_WORDS: usize =
    ROLE_HEADS.len() + EVENT_WORDS.len() + EMPTY_WORDS.len() + ABSTRACT_WORDS.len();

/// [`ROLE_HEADS`], [`EVENT_WORDS`] (2), [`EMPTY_WORDS`] and [`ABSTRACT_WORDS`] (0) in one map,
/// looked up once per word of every cue's neighbourhood (a word is in one list only: the map
/// checks that when it is built).
static LEXICON: WordMap<LEXICON_WORDS, Sense> = WordMap::from_lists(&[
    (ROLE_HEADS, Sense::Role),
    (EVENT_WORDS, Sense::Weight(2)),
    (EMPTY_WORDS, Sense::Weight(0)),
    (ABSTRACT_WORDS, Sense::Weight(0)),
]);

/// Words that carry no detail: function words and the vocabulary every follow-up uses.
const EMPTY_WORDS: &[&str] = &[
    "a",
    "about",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "being",
    "both",
    "but",
    "by",
    "call",
    "can",
    "chat",
    "companies",
    "could",
    "day",
    "do",
    "each",
    "everything",
    "for",
    "from",
    "get",
    "great",
    "had",
    "has",
    "have",
    "her",
    "here",
    "his",
    "how",
    "i",
    "i'd",
    "i'm",
    "in",
    "interviewing",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "just",
    "know",
    "learn",
    "learning",
    "lot",
    "me",
    "meeting",
    "more",
    "morning",
    "afternoon",
    "most",
    "much",
    "my",
    "new",
    "of",
    "on",
    "or",
    "our",
    "really",
    "she",
    "so",
    "some",
    "team",
    "team's",
    "that",
    "the",
    "their",
    "them",
    "there",
    "these",
    "they",
    "things",
    "this",
    "those",
    "time",
    "to",
    "today",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "who",
    "will",
    "with",
    "work",
    "would",
    "you",
    "your",
    "yesterday",
    "conversation",
    "discussion",
    "talk",
    "details",
    "information",
    "everyone",
    "thing",
    "stuff",
    "culture",
    "organization",
    "organisation",
    "firm",
    "process",
    "week",
    "next",
    "steps",
    "step",
    "hearing",
    "possibility",
    "chance",
    "yours",
    "further",
    "hope",
    "potential",
    "possible",
    "soon",
    "back",
    "him",
    "he",
    "through",
    "over",
    "under",
    "after",
    "before",
    "while",
    "during",
    "because",
    "since",
    "than",
    "then",
    "well",
    "only",
    "even",
    "still",
    "not",
    "up",
    "out",
    "off",
    "if",
    "way",
    "ways",
    "able",
    "make",
    "made",
    "see",
    "seen",
    "like",
    "many",
    "other",
    "same",
    "such",
    "own",
    "one",
    "role's",
    "walking",
    "showing",
    "talking",
    "speaking",
    "hear",
    "learned",
    "enjoyed",
    "appreciated",
    "there's",
    "what's",
    "that's",
    "you're",
];

/// Words that end a description of the job itself ("the Product Manager role"): what follows is
/// not a detail of the conversation.
const ROLE_HEADS: &[&str] = &[
    "role",
    "position",
    "opening",
    "job",
    "opportunity",
    "vacancy",
    "post",
    "interview",
    "candidacy",
    "application",
    "title",
];

/// Whether `text[at]` ends a sentence: a line break, or `.`, `!`, `?`, `;` before a space or
/// the end ("node.js" and "3.5" do not).
fn ends_sentence(text: &str, at: usize, c: char) -> bool {
    c == '\n'
        || (matches!(c, '.' | '!' | '?' | ';')
            && text
                .get(at + 1..)
                .is_none_or(|rest| rest.is_empty() || rest.starts_with(' ')))
}

/// Byte offset of the end of the first sentence of `text`.
fn sentence_end(text: &str) -> usize {
    crate::fold::char_indices(text)
        .find(|&(at, c)| ends_sentence(text, at, c))
        .map_or(text.len(), |(at, _)| at)
}

/// Byte offset of the start of the last sentence of `text`.
#[allow(clippy::disallowed_methods)] // backwards: the crate's iterator runs forwards only
fn sentence_start(text: &str) -> usize {
    text.char_indices()
        .rev()
        .find(|&(at, c)| ends_sentence(text, at, c))
        .map_or(0, |(at, _)| at + 1)
}

/// How many of `weights` stay when the concrete words of a job title just before a word for
/// the job ("the Content Strategist role") are dropped: up to three.
fn without_title(weights: &[usize]) -> usize {
    let mut n = weights.len();
    for _ in 0..3 {
        if n > 0 && weights.get(n - 1).is_some_and(|&w| w > 0) {
            n -= 1;
        }
    }
    n
}

/// The words of `text` (runs between spaces, punctuation trimmed; some may be empty).
fn trimmed_words(text: &str) -> impl DoubleEndedIterator<Item = &str> + Clone {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !crate::text::is_word_char(c)))
}

/// Whether the words after a detail cue (up to the end of the sentence) weigh at least two
/// (a number or an interview event weighs two, any other content word one, function words and
/// abstractions nothing) before any word for the job itself.
pub fn names_specifics(folded_after_cue: &str) -> bool {
    let sentence_end = sentence_end(folded_after_cue);
    let sentence = folded_after_cue.get(..sentence_end).unwrap_or("");
    // One weight per word (at most twelve: on the stack). A job title ("the Content Strategist
    // role") is not a detail, so the concrete words just before a role word are dropped and
    // the scan stops there.
    let mut weights = [0usize; 12];
    let mut n = 0;
    for word in trimmed_words(sentence).take(12) {
        if word.is_empty() {
            continue;
        }
        match sense(word) {
            Sense::Role => {
                n = without_title(weights.get(..n).unwrap_or(&[]));
                break;
            }
            Sense::Weight(w) => {
                if let Some(slot) = weights.get_mut(n) {
                    *slot = w;
                    n += 1;
                }
            }
        }
    }
    weights.iter().take(n).sum::<usize>() >= 2
}

/// Whether the words before a trailing cue ("the certification backlog you described"), back
/// to the start of the sentence or a word for the job itself, weigh at least two.
pub fn names_specifics_before(folded_before_cue: &str) -> bool {
    let start = sentence_start(folded_before_cue);
    let sentence = folded_before_cue.get(start..).unwrap_or("");
    let mut total = 0;
    for word in trimmed_words(sentence).rev().take(8) {
        match sense(word) {
            Sense::Role => break,
            Sense::Weight(w) => total += w,
        }
    }
    total >= 2
}

/// Detail without a cue word ("The B2B dashboard case study was fun to discuss", "I would
/// help cut the 2 hours of charting per shift"): a sentence of six or more words whose words
/// weigh at least three (weighed as in [`names_specifics`]; the words of a job title dropped)
/// and that holds a strong sign of something concrete: a number, an interview event, or a
/// capitalised name inside the sentence. Greetings and sign-offs are too short to count; "the role at Acme" weighs too
/// little.
pub fn names_specifics_without_cue(text: &str, stops: &super::words::Stops) -> bool {
    let bytes = text.as_bytes();
    let (mut start, mut from) = (0, 0);
    // One buffer for the weights and one for the folded words, for all the sentences.
    let mut weights = Vec::new();
    let mut word = String::new();
    loop {
        // The next mark that may end a sentence; else the end of the text, which ends the
        // last sentence.
        let at = stops
            .next(text, from, super::words::SENTENCE)
            .unwrap_or(bytes.len());
        if bytes
            .get(at)
            .is_some_and(|&b| !ends_sentence(text, at, char::from(b)))
        {
            from = at + 1;
            continue;
        }
        let sentence = text.get(start..at).unwrap_or("");
        if concrete_sentence(sentence, &mut weights, &mut word) {
            return true;
        }
        if at >= bytes.len() {
            return false;
        }
        (start, from) = (at + 1, at + 1);
    }
}

fn concrete_sentence(sentence: &str, weights: &mut Vec<usize>, word: &mut String) -> bool {
    let mut words = trimmed_words(sentence).filter(|w| !w.is_empty());
    if words.clone().nth(5).is_none() {
        return false;
    }
    weights.clear();
    let mut strong = false;
    // A greeting's name ("Hey Chris, thanks …") is not a concrete detail.
    let greeting = words.clone().next().is_some_and(|w| {
        crate::text::fold_name_into(w, word);
        matches!(
            word.as_str(),
            "hey" | "hi" | "hello" | "dear" | "hiya" | "morning" | "good"
        )
    });
    for (i, raw) in words.by_ref().enumerate() {
        crate::text::fold_name_into(raw, word);
        let w = match sense(word) {
            Sense::Role => {
                weights.truncate(without_title(weights));
                continue;
            }
            Sense::Weight(w) => w,
        };
        let capitalised = i > 0
            && !greeting
            && raw.chars().next().is_some_and(char::is_uppercase)
            && raw != "I"
            && !raw.starts_with("I'");
        strong |= w == 2 || (w > 0 && capitalised);
        weights.push(w);
    }
    strong && weights.iter().sum::<usize>() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn without_cue(text: &str) -> bool {
        names_specifics_without_cue(text, &crate::tone::words::Stops::new(text))
    }

    /// [`names_specifics_without_cue`] as first written: every char asked whether it ends a
    /// sentence.
    fn without_cue_by_reference(text: &str) -> bool {
        let mut start = 0;
        let (mut weights, mut word) = (Vec::new(), String::new());
        for (at, c) in crate::fold::char_indices(text).then('\n') {
            if at < start || !(at == text.len() || ends_sentence(text, at, c)) {
                continue;
            }
            if concrete_sentence(text.get(start..at).unwrap_or(""), &mut weights, &mut word) {
                return true;
            }
            start = at + c.len_utf8();
        }
        false
    }

    proptest::proptest! {
        /// The sentences found by their marks are the sentences found char by char.
        #[test]
        fn sentences_found_by_their_marks_agree(
            parts in proptest::collection::vec(
                "The|B2B|dashboard|case|study|was|fun|Hi|Dana|3|tour|role|é|node\\.js|[.!?;,]|\n| |  ",
                0..40,
            ),
        ) {
            let text = parts.join(" ");
            proptest::prop_assert_eq!(
                without_cue(&text),
                without_cue_by_reference(&text)
            );
        }
    }

    #[test]
    fn specifics_need_two_concrete_words_before_the_role() {
        assert!(names_specifics(" the plan to relaunch the help center."));
        assert!(names_specifics(" your flaky-test dashboard. what"));
        assert!(!names_specifics(" the qa engineer role at fable."));
        assert!(!names_specifics(
            " the content strategist role at fable this morning."
        ));
        assert!(names_specifics(" the torque checks for the role."));
        assert!(names_specifics_before(
            "the role and the pipeline certification backlog "
        ));
        assert!(!names_specifics_before("the welding inspector role "));
        assert!(!names_specifics_before("done. the thing "));
        assert!(!names_specifics(" the role and the team."));
        assert!(!names_specifics(" it. the plan to relaunch"));
    }

    #[test]
    fn abstractions_are_not_specifics_things_and_events_are() {
        for filler in [
            " your vision and values.",
            " the goals of your team.",
            " your research and design work.",
            " the exciting work your team does.",
        ] {
            assert!(!names_specifics(filler), "{filler}");
        }
        for detail in [
            " interns prepare the monthly housing brief.",
            " me, and the lab.",
            " the 3 pilot sites.",
        ] {
            assert!(names_specifics(detail), "{detail}");
        }
        assert!(names_specifics_before("thank you for the tour "));
    }

    #[test]
    fn concrete_sentences_need_no_cue() {
        for t in [
            "The B2B dashboard case study was fun to discuss.",
            "I would like to help cut the 2 hours of charting per shift.",
            "I am looking forward to work on the Nevada solar farm permitting.",
        ] {
            assert!(without_cue(t), "{t}");
        }
        for t in [
            "I am excited about the QA Lead role at Acme Corp.",
            "Thank you for the opportunity to interview with Acme Corp for the Marketing Manager position.",
            "I am confident that my background would allow me to make an immediate impact.",
            "Dear Dana,\n\nBest regards,\nSam Rivera",
        ] {
            assert!(!without_cue(t), "{t}");
        }
    }
}
