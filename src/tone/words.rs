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
    /// Asked of every word: the answer for most words, which start with a lowercase letter or
    /// a digit, is inline.
    #[inline(always)]
    pub fn is_caps(&self) -> bool {
        match self.text.as_bytes().first() {
            Some(b) if b.is_ascii_lowercase() || b.is_ascii_digit() => false,
            _ => self.is_caps_read(),
        }
    }

    /// [`Word::is_caps`] for a word that may be: its letters read.
    #[inline(never)]
    fn is_caps_read(&self) -> bool {
        let bytes = self.text.as_bytes();
        if self.text.is_ascii() {
            let (mut letters, mut lower) = (0, false);
            for &b in bytes {
                letters += usize::from(b.is_ascii_alphabetic());
                lower |= b.is_ascii_lowercase();
            }
            return bytes.first().is_some_and(u8::is_ascii_uppercase) && letters >= 2 && !lower;
        }
        if !self.text.chars().next().is_some_and(|c| c.is_uppercase()) {
            return false;
        }
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
    // About one word per six bytes of prose: one allocation for most messages.
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let bytes = text.as_bytes();
    // The start of the word being read; `usize::MAX` between words.
    let mut start = usize::MAX;
    let mut at = 0;
    // A loop over bytes: a letter or digit in ASCII (most of a message) only starts or extends
    // a word; any other char is decoded and asked the Unicode questions.
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii_alphanumeric() {
            start = start.min(at);
            at += 1;
            continue;
        }
        // Spaces and punctuation are ASCII too: only the other chars are decoded.
        let c = if b < 0x80 {
            char::from(b)
        } else if let Some(c) = crate::fold::decode(text, at) {
            c
        } else {
            // Not a char boundary: cannot happen in a `str`; step on.
            at += 1;
            continue;
        };
        let next = at + c.len_utf8();
        let inner_apostrophe = matches!(c, '\'' | '’')
            && start != usize::MAX
            && crate::fold::decode(text, next).is_some_and(char::is_alphanumeric);
        if inner_apostrophe || (!c.is_ascii() && crate::text::is_word_char(c)) {
            start = start.min(at);
        } else if start != usize::MAX {
            out.push(Word {
                start,
                end: at,
                text: text.get(start..at).unwrap_or(""),
            });
            start = usize::MAX;
        }
        at = next;
    }
    if start != usize::MAX {
        out.push(Word {
            start,
            end: text.len(),
            text: text.get(start..).unwrap_or(""),
        });
    }
    out
}

/// Words that name a template slot when written in bare capitals ("Dear NAME,").
const CAPS_SLOTS: &[&str] = &[
    "NAME",
    "COMPANY",
    "POSITION",
    "DATE",
    "TITLE",
    "ROLE",
    "FIRSTNAME",
    "LASTNAME",
    "INTERVIEWER",
    "RECIPIENT",
    "ORGANIZATION",
    "ORGANISATION",
    "EMPLOYER",
    "DEPARTMENT",
    "SURNAME",
    "FIRST_NAME",
    "LAST_NAME",
    "JOB_TITLE",
    "COMPANY_NAME",
];

/// Words that may join slot words in one bare-capitals slot ("YOUR FIRST NAME", "JOB TITLE").
const CAPS_SLOT_JOINERS: &[&str] = &[
    "FIRST",
    "LAST",
    "FULL",
    "YOUR",
    "MY",
    "HIRING",
    "MANAGER",
    "JOB",
    "OF",
    "THE",
    "INTERVIEWER'S",
    "COMPANY'S",
    "HERE",
    "INSERT",
];

/// Byte spans of bare-capitals slots: a run of capitals words made only of slot vocabulary, with
/// at least one slot word, among normal-case words (a shouted sentence is not a template).
pub fn caps_slots(words: &[Word<'_>]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words.get(i).is_some_and(Word::is_caps) {
            i += 1;
            continue;
        }
        let mut j = i;
        while words.get(j).is_some_and(Word::is_caps) {
            j += 1;
        }
        let run = words.get(i..j).unwrap_or(&[]);
        let vocabulary =
            |w: &Word<'_>| CAPS_SLOTS.contains(&w.text) || CAPS_SLOT_JOINERS.contains(&w.text);
        if run.iter().all(vocabulary) && run.iter().any(|w| CAPS_SLOTS.contains(&w.text)) {
            if let (Some(first), Some(last)) = (run.first(), run.last()) {
                spans.push((first.start, last.end));
            }
        }
        i = j;
    }
    spans
}

/// What a rule stops at among a message's bytes, as bits of a table of the 256 bytes' classes:
/// the check finds all of them in one pass ([`Stops`]) and each rule walks its own. This one:
/// `.`, `!`, `?`, `,` for the missing-space rule.
pub const SPACING: u8 = 1;
/// `:`, `;`, `<`, `x`, `X`, `^` (an emoticon's first char) and the first byte of every char
/// beyond ASCII (an emoji's), for the emoji rule.
pub const EMOTICON: u8 = 2;
/// `{`, `[`, `<`, `_`: a template slot's first char, for the placeholder rule.
pub const SLOT: u8 = 4;
/// `.`, `@`, `:`: one of them is in every web or e-mail address and file name ([`link_spans`]).
pub const LINK: u8 = 8;
/// `!`, `?` ([`mark_runs`]).
pub const RUN: u8 = 16;
/// `.`, `!`, `?`, `;` and the line break: what may end a sentence (the detail signal's
/// sentences without a cue).
pub const SENTENCE: u8 = 32;

/// The classes of the 256 bytes (what [`SPACING`] to [`SENTENCE`] stop at).
static STOP_CLASS: [u8; 256] = {
    const fn class(b: u8) -> u8 {
        let mut c = 0;
        if matches!(b, b'.' | b'!' | b'?' | b',') {
            c |= SPACING;
        }
        if matches!(b, b':' | b';' | b'<' | b'x' | b'X' | b'^') || b >= 0xC0 {
            c |= EMOTICON;
        }
        if matches!(b, b'{' | b'[' | b'<' | b'_') {
            c |= SLOT;
        }
        if matches!(b, b'.' | b'@' | b':') {
            c |= LINK;
        }
        if matches!(b, b'!' | b'?') {
            c |= RUN;
        }
        if matches!(b, b'.' | b'!' | b'?' | b';' | b'\n') {
            c |= SENTENCE;
        }
        c
    }
    let mut t = [0; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = class(b as u8);
        b += 1;
    }
    t
};

/// The byte offsets of a message's bytes that some rule stops at ([`SPACING`] and the rest),
/// found in one pass with one table load a byte. Five rules each searched the whole text for
/// their own few marks, eight bytes at a time, and stopped at each: together a tenth of a check
/// of a short message; now each walks this short list.
pub struct Stops(Vec<usize>);

impl Stops {
    /// The stops of `text`.
    pub fn new(text: &str) -> Stops {
        // Punctuation is a few percent of prose: room for most messages at once.
        let mut stops = Vec::with_capacity(text.len() / 8 + 1);
        for (at, &b) in text.as_bytes().iter().enumerate() {
            if STOP_CLASS[usize::from(b)] != 0 {
                stops.push(at);
            }
        }
        Stops(stops)
    }

    /// The first byte at or after `from` of `text` (the text the stops were found in) that
    /// `class` stops at.
    pub fn next(&self, text: &str, from: usize, class: u8) -> Option<usize> {
        let bytes = text.as_bytes();
        let first = self.0.partition_point(|&at| at < from);
        self.0.get(first..)?.iter().copied().find(|&at| {
            bytes
                .get(at)
                .is_some_and(|&b| STOP_CLASS[usize::from(b)] & class != 0)
        })
    }
}

/// Top-level domains that make a dotted token a web address ("acme.com/careers").
const TLDS: &[&str] = &[
    "com", "org", "net", "io", "dev", "edu", "gov", "co", "uk", "de", "fr", "es", "ai", "app",
    "me", "us", "ca", "au", "in", "info", "biz", "xyz", "tech", "eu", "nl", "ch", "jp", "example",
];

/// Byte spans of web addresses, e-mail addresses and file names: whitespace-separated tokens with
/// `://`, `@` or `www.`, or a dotted name ending in a top-level domain or a file extension.
/// Mechanics rules leave them alone ("github.com/sam.rivera", "deck.pdf").
pub fn link_spans(text: &str, stops: &Stops) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    // Only the whitespace-separated tokens with `.`, `@` or `:` are looked at: found from those
    // bytes ([`LINK`]), each token once.
    let mut from = 0;
    while let Some(at) = stops.next(text, from, LINK) {
        let (head, tail) = (text.get(..at).unwrap_or(""), text.get(at..).unwrap_or(""));
        let start = head.rfind(char::is_whitespace).map_or(0, |w| {
            w + head[w..].chars().next().map_or(1, char::len_utf8)
        });
        // Past the mark: the tail starts with it, and it is not whitespace.
        let end = at + tail.find(char::is_whitespace).unwrap_or(tail.len()).max(1);
        from = end;
        if is_link(text.get(start..end).unwrap_or("")) {
            spans.push((start, end));
        }
    }
    spans
}

/// Whether a whitespace-separated token is a web address, an e-mail address or a file name.
fn is_link(token: &str) -> bool {
    const EXTENSIONS: &[&str] = &[
        "pdf", "doc", "docx", "pptx", "xlsx", "csv", "png", "jpg", "zip", "txt", "md", "html",
        "js", "rs", "py", "json",
    ];
    let core = token.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '/');
    // Each kind of link below has one of these (most tokens looked at end a sentence).
    if !core.contains(['.', '@', ':']) {
        return false;
    }
    let lower = core.to_ascii_lowercase();
    let dotted_name = lower
        .split(['/', '?', '#'])
        .next()
        .and_then(|host| host.rsplit_once('.'))
        .is_some_and(|(head, tail)| {
            !head.is_empty()
                && head
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_ascii_alphanumeric())
                && (TLDS.contains(&tail) || EXTENSIONS.contains(&tail))
        });
    lower.contains("://") || lower.contains('@') || lower.starts_with("www.") || dotted_name
}

/// Runs of `!`/`?` with their byte spans (the marks are ASCII, so byte offsets are char
/// boundaries): found once for the exclamation and question-mark rules.
pub fn mark_runs(text: &str, stops: &Stops) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut from = 0;
    while let Some(start) = stops.next(text, from, RUN) {
        let mut end = start + 1;
        while matches!(bytes.get(end), Some(b'!' | b'?')) {
            end += 1;
        }
        runs.push((start, end));
        from = end;
    }
    runs
}

/// Whether byte `at` falls inside one of `spans` (sorted, as [`link_spans`] returns them).
/// Asked of every word by some rules, and most messages have no link: that answer is inline.
#[inline(always)]
pub fn inside(spans: &[(usize, usize)], at: usize) -> bool {
    !spans.is_empty() && inside_some(spans, at)
}

/// [`inside`] when there are spans: a binary search.
#[inline(never)]
fn inside_some(spans: &[(usize, usize)], at: usize) -> bool {
    let i = spans.partition_point(|&(_, e)| e <= at);
    spans.get(i).is_some_and(|&(s, _)| s <= at)
}

#[cfg(test)]
mod tests {

    /// [`Stops::next`] by its definition: each class's bytes, searched one at a time (for
    /// [`EMOTICON`], also the first byte of every char beyond ASCII).
    fn next_stop_by_steps(text: &str, from: usize, class: u8) -> Option<usize> {
        let set: &[u8] = match class {
            SPACING => b".!?,",
            EMOTICON => b":;<xX^",
            SLOT => b"{[<_",
            LINK => b".@:",
            RUN => b"!?",
            _ => b".!?;\n",
        };
        let bytes = text.as_bytes();
        (from..bytes.len()).find(|&i| {
            set.contains(&bytes[i])
                || (class == EMOTICON && bytes[i] >= 0x80 && text.is_char_boundary(i))
        })
    }

    proptest::proptest! {
        /// Every stop of every class, walked as the rules walk them, is the next byte of the
        /// class's set after the one before.
        #[test]
        fn stops_are_the_bytes_each_class_looks_for(
            text in "[.!?,:;<xX^{\\[_@\n aé😀—]{0,40}",
            from in 0usize..45,
        ) {
            let stops = Stops::new(&text);
            for class in [SPACING, EMOTICON, SLOT, LINK, RUN, SENTENCE] {
                let mut at = from;
                loop {
                    let found = stops.next(&text, at, class);
                    proptest::prop_assert_eq!(found, next_stop_by_steps(&text, at, class));
                    match found {
                        Some(i) => at = i + 1,
                        None => break,
                    }
                }
            }
        }
    }

    /// What [`link_spans`] finds, by its definition: every whitespace-separated token that
    /// [`is_link`].
    fn link_spans_by_tokens(text: &str) -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        let mut start = None;
        for (at, c) in crate::fold::char_indices(text).then(' ') {
            if !c.is_whitespace() {
                start.get_or_insert(at);
            } else if let Some(s) = start.take() {
                if is_link(&text[s..at]) {
                    spans.push((s, at));
                }
            }
        }
        spans
    }

    proptest::proptest! {
        #[test]
        fn links_are_the_tokens_that_are_links(
            text in "([a-z]{1,5}|[.@:/]|www|com|pdf|://|[ \t\n\u{a0}\u{2003}]|é){0,30}",
        ) {
            let stops = Stops::new(&text);
            proptest::prop_assert_eq!(link_spans(&text, &stops), link_spans_by_tokens(&text));
        }
    }
    use super::*;

    /// [`mark_runs`] a byte at a time: the oracle for the runs found from the stops.
    fn mark_runs_by_steps(text: &str) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if matches!(bytes[i], b'!' | b'?') {
                let start = i;
                while i < bytes.len() && matches!(bytes[i], b'!' | b'?') {
                    i += 1;
                }
                runs.push((start, i));
            } else {
                i += 1;
            }
        }
        runs
    }

    proptest::proptest! {
        #[test]
        fn mark_runs_are_the_runs_of_marks(text in "([a-z !?.]|!!|\\?!|é){0,50}") {
            let stops = Stops::new(&text);
            proptest::prop_assert_eq!(mark_runs(&text, &stops), mark_runs_by_steps(&text));
        }
    }

    /// [`words`] as first written, over chars: the oracle for the byte loop.
    fn words_by_reference(text: &str) -> Vec<Word<'_>> {
        // About one word per six bytes of prose: one allocation for most messages.
        let mut out = Vec::with_capacity(text.len() / 6 + 1);
        let mut start: Option<usize> = None;
        let mut chars = crate::fold::char_indices(text);
        while let Some((at, c)) = chars.next() {
            let inner_apostrophe = matches!(c, '\'' | '’')
                && start.is_some()
                && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
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

    proptest::proptest! {
        #[test]
        fn words_agree_with_the_char_by_char_reading(text in "([a-zA-Z0-9éÉß'’\" .,!?\t\n-]|\u{301}|'s|n't){0,60}|\\PC{0,30}") {
            proptest::prop_assert_eq!(words(&text), words_by_reference(&text));
        }
    }
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn is_caps_fast_paths_agree_with_the_definition(text in "[A-Za-zÉé0-9']{0,8}") {
            let reference = text.chars().next().is_some_and(char::is_uppercase)
                && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !text.chars().any(char::is_lowercase);
            let word = Word { start: 0, end: text.len(), text: &text };
            prop_assert_eq!(word.is_caps(), reference);
        }
    }

    #[test]
    fn links_emails_and_files_are_found() {
        let t = "See github.com/sam.rivera, sam@x.io and deck.pdf. Then.Next https://a.b/c?d=e";
        let spans: Vec<&str> = link_spans(t, &Stops::new(t))
            .iter()
            .map(|&(s, e)| &t[s..e])
            .collect();
        assert_eq!(
            spans,
            [
                "github.com/sam.rivera,",
                "sam@x.io",
                "deck.pdf.",
                "https://a.b/c?d=e"
            ]
        );
        assert!(inside(&link_spans(t, &Stops::new(t)), 5));
        assert!(!inside(&link_spans(t, &Stops::new(t)), 0));
    }

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
