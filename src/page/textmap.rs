//! An editor's text as a list of pieces in document order (the data of each text node, and
//! line breaks for `<br>` and block boundaries), and the mapping from the checker's UTF-16
//! offsets back to positions inside the text pieces (to build DOM ranges for underlines and
//! fixes).

/// One piece of an editor's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// The data of one text node.
    Text(String),
    /// A line break that is not a character in the DOM (`<br>`, a new block).
    Break,
}

/// Which end of a span is being located.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The start of a span: a position at a boundary goes to the following text piece.
    Start,
    /// The end of a span: a position at a boundary stays in the preceding text piece.
    End,
}

/// The joined text of a list of pieces, with each piece's UTF-16 start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextMap {
    text: String,
    /// (UTF-16 start, UTF-16 length, is a text piece) per piece.
    spans: Vec<(usize, usize, bool)>,
}

impl TextMap {
    /// Joins `pieces` (a break is `\n`).
    pub fn new(pieces: &[Piece]) -> Self {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(pieces.len());
        let mut at = 0;
        for p in pieces {
            match p {
                Piece::Text(t) => {
                    let len = t.encode_utf16().count();
                    text.push_str(t);
                    spans.push((at, len, true));
                    at += len;
                }
                Piece::Break => {
                    text.push('\n');
                    spans.push((at, 1, false));
                    at += 1;
                }
            }
        }
        TextMap { text, spans }
    }

    /// The joined text (what the checker reads).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Length of the joined text in UTF-16 code units.
    pub fn len_utf16(&self) -> usize {
        self.spans.last().map_or(0, |&(s, l, _)| s + l)
    }

    /// The text piece and UTF-16 offset inside it for `offset` into the joined text; `None`
    /// when there is no non-empty text piece at all. A start at a boundary or on a break goes
    /// to the beginning of the next text piece; an end there stays at the end of the previous
    /// one, so a span never covers a break it does not need.
    pub fn locate(&self, offset: usize, side: Side) -> Option<(usize, usize)> {
        let texts = || {
            self.spans
                .iter()
                .enumerate()
                .filter(|(_, &(_, len, is_text))| is_text && len > 0)
        };
        match side {
            Side::Start => texts()
                .find(|(_, &(start, len, _))| start + len > offset)
                .map(|(i, &(start, _, _))| (i, offset.saturating_sub(start)))
                .or_else(|| texts().next_back().map(|(i, &(_, len, _))| (i, len))),
            Side::End => texts()
                .rfind(|(_, &(start, _, _))| start < offset)
                .map(|(i, &(start, len, _))| (i, (offset - start).min(len)))
                .or_else(|| texts().next().map(|(i, _)| (i, 0))),
        }
    }

    /// The UTF-16 offset in the joined text of a position inside piece `piece` (inverse of
    /// [`TextMap::locate`]); `None` for an unknown piece.
    pub fn offset_of(&self, piece: usize, within: usize) -> Option<usize> {
        self.spans
            .get(piece)
            .map(|&(start, len, _)| start + within.min(len))
    }
}

/// The longest prefix of `text` that fits in `room` UTF-16 code units, cut after a word where
/// possible (for fields with a `maxlength`). Never splits a character.
pub fn fit(text: &str, room: usize) -> &str {
    if text.encode_utf16().count() <= room {
        return text;
    }
    let mut units = 0;
    let mut end = 0;
    for (i, c) in crate::fold::char_indices(text) {
        if units + c.len_utf16() > room {
            break;
        }
        units += c.len_utf16();
        end = i + c.len_utf8();
    }
    let cut = &text[..end];
    match cut.rfind(char::is_whitespace) {
        Some(ws) if ws > end / 2 => cut[..ws].trim_end(),
        _ => cut,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn t(s: &str) -> Piece {
        Piece::Text(s.into())
    }

    fn utf16_slice(s: &str, a: usize, b: usize) -> String {
        let units: Vec<u16> = s.encode_utf16().collect();
        String::from_utf16_lossy(&units[a.min(units.len())..b.min(units.len())])
    }

    #[test]
    fn joins_pieces_with_breaks() {
        let m = TextMap::new(&[t("Hi Dana,"), Piece::Break, t("thx "), t("a lot")]);
        assert_eq!(m.text(), "Hi Dana,\nthx a lot");
        assert_eq!(m.len_utf16(), 18);
        assert_eq!(m.locate(9, Side::Start), Some((2, 0)));
        assert_eq!(m.locate(12, Side::End), Some((2, 3)));
        assert_eq!(m.locate(13, Side::Start), Some((3, 0)));
        assert_eq!(m.locate(13, Side::End), Some((2, 4)));
        assert_eq!(m.locate(8, Side::Start), Some((2, 0)));
        assert_eq!(m.locate(9, Side::End), Some((0, 8)));
        assert_eq!(m.offset_of(3, 2), Some(15));
    }

    #[test]
    fn empty_and_break_only_texts_have_no_positions() {
        assert_eq!(TextMap::new(&[]).locate(0, Side::Start), None);
        assert_eq!(TextMap::new(&[Piece::Break]).locate(0, Side::End), None);
        let m = TextMap::new(&[t(""), t("ok")]);
        assert_eq!(m.locate(0, Side::Start), Some((1, 0)));
    }

    #[test]
    fn surrogate_pairs_count_two_units() {
        let m = TextMap::new(&[t("a😀"), t("b")]);
        assert_eq!(m.len_utf16(), 4);
        assert_eq!(m.locate(3, Side::Start), Some((1, 0)));
        assert_eq!(m.locate(3, Side::End), Some((0, 3)));
    }

    #[test]
    fn fit_cuts_after_a_word_and_never_inside_a_char() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("hello there world", 13), "hello there");
        assert_eq!(fit("a😀", 2), "a");
        assert_eq!(fit("abcdef", 3), "abc");
        assert_eq!(fit("anything", 0), "");
    }

    fn pieces() -> impl Strategy<Value = Vec<Piece>> {
        prop::collection::vec(
            prop_oneof![
                3 => "[a-zé😀 ,.]{0,6}".prop_map(Piece::Text),
                1 => Just(Piece::Break),
            ],
            0..8,
        )
    }

    /// Pieces and two positions within their text (drawn from its length, so that few cases are
    /// thrown away: drawing them from a fixed range threw away three in four and could exhaust
    /// proptest's reject budget).
    fn spans() -> impl Strategy<Value = (Vec<Piece>, usize, usize)> {
        pieces()
            .prop_filter("some text", |ps| TextMap::new(ps).len_utf16() > 0)
            .prop_flat_map(|ps| {
                let n = TextMap::new(&ps).len_utf16();
                (Just(ps), 0..n)
            })
            .prop_flat_map(|(ps, a)| {
                let n = TextMap::new(&ps).len_utf16();
                (Just(ps), Just(a), a + 1..=n)
            })
    }

    proptest! {
        /// Rebuilding a span from the located positions gives the span's text, less any
        /// breaks at its ends.
        #[test]
        fn located_spans_cover_the_same_text((ps, a, b) in spans()) {
            let m = TextMap::new(&ps);
            let (a, b) = (a.min(b), a.max(b));
            // Only char boundaries (the checker reports those).
            let units: Vec<u16> = m.text().encode_utf16().collect();
            let boundary = |i: usize| i == 0 || i >= units.len() || !(0xDC00..0xE000).contains(&units[i]);
            prop_assume!(boundary(a) && boundary(b) && a < b);
            let expected = utf16_slice(m.text(), a, b);
            let expected = expected.trim_matches('\n');
            prop_assume!(!expected.is_empty());
            let (sp, so) = m.locate(a, Side::Start).unwrap();
            let (ep, eo) = m.locate(b, Side::End).unwrap();
            prop_assert!(sp <= ep);
            let mut rebuilt = String::new();
            for (i, p) in ps.iter().enumerate().take(ep + 1).skip(sp) {
                match p {
                    Piece::Break => rebuilt.push('\n'),
                    Piece::Text(s) => {
                        let from = if i == sp { so } else { 0 };
                        let to = if i == ep { eo } else { s.encode_utf16().count() };
                        rebuilt.push_str(&utf16_slice(s, from, to));
                    }
                }
            }
            prop_assert_eq!(rebuilt, expected);
            prop_assert_eq!(m.offset_of(sp, so), Some(a + (utf16_slice(m.text(), a, b).len() - utf16_slice(m.text(), a, b).trim_start_matches('\n').len())));
        }

        #[test]
        fn fit_respects_the_room(s in "[a-z 😀]{0,40}", room in 0usize..50) {
            let f = fit(&s, room);
            prop_assert!(f.encode_utf16().count() <= room);
            prop_assert!(s.starts_with(f));
        }
    }
}
