//! The reply classifier on the project's own labelled replies (`tests/data/replies.jsonl`:
//! rejections, offers and next rounds, scheduling requests, out-of-office and other automatic
//! answers, and replies that decide nothing, written the way recruiters and auto-responders
//! write them). Prints precision and recall per kind; fails below 0.9 on either.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use followup::reply::{classify, ReplyKind};

#[derive(serde::Deserialize)]
struct Labelled {
    kind: String,
    subject: String,
    body: String,
}

#[test]
fn precision_and_recall_per_kind_on_the_labelled_replies() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/replies.jsonl"
    ))
    .unwrap();
    let set: Vec<Labelled> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(set.len() >= 60, "only {} labelled replies", set.len());
    let mut wrong = Vec::new();
    let mut pairs = Vec::new();
    for r in &set {
        let want: ReplyKind = r.kind.parse().unwrap();
        let got = classify(&r.subject, &r.body);
        if got.kind != want {
            wrong.push(format!(
                "{} taken for {} ({:?}): {}",
                want.as_str(),
                got.kind.as_str(),
                got.cue,
                r.body.lines().next().unwrap_or("")
            ));
        }
        pairs.push((want, got.kind));
    }
    let mut low = Vec::new();
    println!("reply kinds on {} labelled replies:", set.len());
    for kind in ReplyKind::ALL {
        let said = pairs.iter().filter(|(_, g)| *g == kind).count();
        let truly = pairs.iter().filter(|(w, _)| *w == kind).count();
        let right = pairs
            .iter()
            .filter(|(w, g)| *w == kind && *g == kind)
            .count();
        let precision = right as f64 / said.max(1) as f64;
        let recall = right as f64 / truly.max(1) as f64;
        println!(
            "  {:<11} precision {precision:.2} ({right}/{said}), recall {recall:.2} ({right}/{truly})",
            kind.as_str()
        );
        if precision < 0.9 || recall < 0.9 {
            low.push(kind.as_str());
        }
    }
    for w in &wrong {
        println!("  wrong: {w}");
    }
    assert!(low.is_empty(), "below 0.9: {low:?}\n{}", wrong.join("\n"));
}

/// `followup reply`: the JSON contract and the readable line.
#[test]
fn the_cli_says_the_kind_and_the_outcome() {
    let run = |args: &[&str], stdin: &str| common::run_with_stdin("reply", args, stdin.as_bytes());
    let out = run(
        &["--json", "-"],
        "Unfortunately, the position has been filled.",
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["kind"], "rejection");
    assert_eq!(v["outcome"], "negative");
    assert_eq!(v["cue"], "position has been filled");
    let out = run(
        &["--subject", "Automatic reply: Thank you", "-"],
        "I am away this week.",
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "auto-reply (not a reply: record nothing). It says \u{201c}automatic reply\u{201d}.\n"
    );
    let out = run(&[], "");
    assert_eq!(out.status.code(), Some(2));
}
