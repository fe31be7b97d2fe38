//! Benchmark: `lint` of a fixture message (budget: ≤ 0.1 ms native for 200 words) and how the
//! time grows from 200 to 20,000 words (it must stay linear). The WASM benchmark
//! (`cargo xtask bench-wasm`) times the same fixture.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use divan::{black_box, Bencher};
use followup::model::{Channel, Kind};
use followup::tone::{lint, LintOptions};

const MESSAGE: &str = include_str!("../tests/data/bench-message.txt");

fn options() -> LintOptions {
    LintOptions {
        kind: Some(Kind::ThankYou),
        channel: Channel::Email,
        subject: Some("Thank you — Product Manager interview".into()),
        to: Some("Dana Lee".into()),
        others: vec![MESSAGE.replace("Dana", "Chris")],
    }
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

fn main() {
    println!(
        "fixture: {} words, {} findings",
        words(MESSAGE),
        lint(MESSAGE, &options()).len()
    );
    divan::main();
}

/// The fixture repeated `copies` times: 1 → about 200 words, 100 → about 20,000.
#[divan::bench(args = [1, 10, 100])]
fn lint_words(bencher: Bencher, copies: usize) {
    let text = MESSAGE.repeat(copies);
    let options = options();
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| lint(black_box(&text), black_box(&options)));
}

/// Without the other interviewers' texts (no duplicate check): the rules alone.
#[divan::bench]
fn lint_200_words_alone(bencher: Bencher) {
    let options = LintOptions {
        others: Vec::new(),
        ..options()
    };
    bencher.bench(|| lint(black_box(MESSAGE), black_box(&options)));
}
