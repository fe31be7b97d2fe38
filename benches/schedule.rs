//! Benchmark: `schedule` over 1,000 interviews (budget: ≤ 5 ms native) and the size of that
//! store (budget: ≤ 1 MB), plus parsing and the .ics export for context.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use chrono::{DateTime, FixedOffset, NaiveDate};
use divan::{black_box, Bencher};
use followup::model::Store;
use followup::schedule::{ics::to_ics, sample::sample_store, schedule};
use followup::store;

const INTERVIEWS: usize = 1000;

fn fixture() -> Store {
    sample_store(INTERVIEWS, NaiveDate::from_ymd_opt(2026, 11, 20).unwrap())
}

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-20T12:00:00-05:00").unwrap()
}

fn main() {
    let store = fixture();
    let compact = store::to_json_compact(&store).len();
    let pretty = store::to_json(&store).len();
    println!(
        "store of {INTERVIEWS} interviews: {compact} bytes compact (stored), {pretty} bytes pretty (export); budget 1,000,000"
    );
    println!("open items at {}: {}", now(), schedule(&store, now()).len());
    divan::main();
}

#[divan::bench]
fn schedule_1000(bencher: Bencher) {
    let store = fixture();
    bencher
        .counter(divan::counter::ItemsCount::new(INTERVIEWS))
        .bench(|| schedule(black_box(&store), black_box(now())));
}

#[divan::bench]
fn parse_1000(bencher: Bencher) {
    let text = store::to_json_compact(&fixture());
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| store::parse(black_box(&text)));
}

#[divan::bench]
fn ics_1000(bencher: Bencher) {
    let store = fixture();
    bencher.bench(|| to_ics(black_box(&store), black_box(now())));
}
