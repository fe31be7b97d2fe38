//! Property tests: any input gives findings with valid, ordered UTF-16 spans that land on char
//! boundaries (half-open UTF-16 offsets, the unit a JS caller uses), and never panics.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests may panic on setup failures

use followup::model::{Channel, Kind};
use followup::tone::{lint, Finding, LintOptions};
use proptest::prelude::*;

/// Asserts the span contract for `text`.
fn check_spans(text: &str, findings: &[Finding]) {
    let units: Vec<u16> = text.encode_utf16().collect();
    // UTF-16 offsets that start a char (plus the end): spans must land on these.
    let mut boundaries = vec![false; units.len() + 1];
    let mut at = 0;
    for c in text.chars() {
        boundaries[at] = true;
        at += c.len_utf16();
    }
    boundaries[units.len()] = true;
    let mut last = (0, 0);
    for f in findings {
        assert!(
            f.start <= f.end && f.end <= units.len(),
            "{f:?} out of 0..{}",
            units.len()
        );
        assert!(
            boundaries[f.start] && boundaries[f.end],
            "{f:?} splits a char"
        );
        assert!(
            (f.start, f.end) >= last,
            "findings not sorted: {f:?} after {last:?}"
        );
        last = (f.start, f.end);
        assert!(!f.message.is_empty());
        assert!(
            f.category.owns_rule(&f.rule),
            "{} vs {}",
            f.rule,
            f.category
        );
    }
}

fn options(kind: usize, channel: usize, to: &str, others: Vec<String>) -> LintOptions {
    LintOptions {
        kind: if kind == Kind::ALL.len() {
            None
        } else {
            Kind::ALL.get(kind).copied()
        },
        channel: Channel::ALL.get(channel).copied().unwrap_or_default(),
        subject: Some(to.chars().rev().collect()),
        to: (!to.is_empty()).then(|| to.to_string()),
        others,
    }
}

/// Text built from pieces that exercise the rules: phrases, marks, emoji, brackets, scripts.
fn pieces() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Hey ".to_string()),
        Just("Dear Dnaa,\r\n".to_string()),
        Just("thanks for the interview".to_string()),
        Just("salary".to_string()),
        Just("I won't ".to_string()),
        Just("!!".to_string()),
        Just("??".to_string()),
        Just("?!".to_string()),
        Just("😀".to_string()),
        Just("👩\u{200D}💻".to_string()),
        Just("\u{301}".to_string()),
        Just("e\u{301}".to_string()),
        Just("[Company".to_string()),
        Just("]".to_string()),
        Just("{{".to_string()),
        Just("}}".to_string()),
        Just("<Job Title>".to_string()),
        Just("שלום ".to_string()),
        Just("مرحبا".to_string()),
        Just("\u{FFFD}".to_string()),
        Just("\u{200F}".to_string()),
        Just("İ".to_string()),
        Just("ẞ".to_string()),
        Just("\"".to_string()),
        Just("’".to_string()),
        Just("REALLY ".to_string()),
        Just("u ".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("about the plan to relaunch ".to_string()),
        "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn any_string_gives_valid_sorted_spans(
        text in "\\PC*|.*",
        kind in 0..=Kind::ALL.len(),
        channel in 0..Channel::ALL.len(),
        to in "\\PC{0,12}",
    ) {
        let findings = lint(&text, &options(kind, channel, &to, vec![text.clone()]));
        check_spans(&text, &findings);
    }

    #[test]
    fn rule_heavy_text_gives_valid_sorted_spans(
        text in pieces(),
        kind in 0..=Kind::ALL.len(),
        channel in 0..Channel::ALL.len(),
    ) {
        let findings = lint(&text, &options(kind, channel, "Dana Lee", vec![]));
        check_spans(&text, &findings);
    }
}

#[test]
fn one_megabyte_of_mixed_text_is_fine() {
    let unit = "Hey Dnaa!! thx for the intervew 😀 [Company] what's the salary?? שלום e\u{301} \u{301}\r\n";
    let text = unit.repeat(1_000_000 / unit.len() + 1);
    let options = LintOptions {
        kind: Some(Kind::ThankYou),
        to: Some("Dana Lee".into()),
        ..LintOptions::default()
    };
    let findings = lint(&text, &options);
    assert!(findings.len() > 10_000);
    check_spans(&text, &findings);
}

#[test]
fn lone_combining_marks_and_replacement_chars_are_fine() {
    for text in [
        "\u{301}",
        "\u{301}\u{301}salary",
        "\u{FFFD}\u{FFFD}",
        "\u{200D}",
        "\u{FE0F}",
        "\r",
        "\r\n\r\n",
        "",
    ] {
        let findings = lint(
            text,
            &LintOptions {
                kind: Some(Kind::ThankYou),
                ..LintOptions::default()
            },
        );
        check_spans(text, &findings);
    }
}
