//! Runs the `followup lint` binary: JSON contract, readable report, exit codes.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests may panic on setup failures

mod common;

use std::process::Output;

fn lint(args: &[&str], stdin: &str) -> Output {
    common::run_with_stdin("lint", args, stdin.as_bytes())
}

#[test]
fn json_output_follows_the_contract() {
    let out = lint(&["--json", "-"], "Hey Chris 😀, what's the salary?");
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let arr = v.as_array().expect("array");
    let salary = arr
        .iter()
        .find(|f| f["category"] == "salary")
        .expect("salary finding");
    assert_eq!(salary["rule"], "salary.question");
    assert_eq!(salary["severity"], "error");
    // "Hey Chris 😀, what's " is 21 UTF-16 units (the emoji counts two); "the salary" is 10.
    assert_eq!(
        (salary["start"].as_u64(), salary["end"].as_u64()),
        (Some(21), Some(31))
    );
    assert!(salary["suggestion"].is_null());
    for f in arr {
        for key in [
            "rule",
            "category",
            "severity",
            "start",
            "end",
            "message",
            "suggestion",
        ] {
            assert!(f.get(key).is_some(), "{key} missing in {f}");
        }
    }
}

#[test]
fn report_shows_line_caret_and_fix() {
    let dir = std::env::temp_dir().join(format!("followup-lint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let file = dir.join("note.txt");
    std::fs::write(&file, "Hi Dnaa,\r\n\r\nI'm gonna send the deck.\r\n").expect("write");
    let path = file.to_string_lossy().to_string();
    let out = lint(&["--to", "Dana Lee", "--kind", "status-check", &path], "");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("3 | I'm gonna send the deck."), "{text}");
    assert!(text.contains("  |     ^^^^^\n"), "{text}");
    assert!(text.contains("fix: going to"), "{text}");
    assert!(text.contains("1:4: error [name.misspelled]"), "{text}");
    assert!(text.contains("fix: Dana"), "{text}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn clean_note_reports_no_findings() {
    let note = "Dear Maria,\n\nThank you for speaking with me this morning. I enjoyed hearing about the plan to relaunch the help center in three languages, and I would be excited to bring my localization experience to it.\n\nBest regards,\nSam Rivera";
    let out = lint(
        &[
            "--to",
            "Maria Costa",
            "--subject",
            "Thank you — Content Strategist interview",
            "-",
        ],
        note,
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "no findings\n");
}

#[test]
fn bad_input_exits_2_with_one_line() {
    for args in [
        &["--kind", "love-letter", "-"][..],
        &["--channel", "fax", "-"][..],
        &[][..],
        &["/definitely/not/here.txt"][..],
        &["--bogus", "-"][..],
    ] {
        let out = lint(args, "Thanks");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    }
    let out = common::run_with_stdin("lint", &["-"], &[0xff, 0xfe, b'h']);
    assert_eq!(out.status.code(), Some(2), "invalid UTF-8 is bad input");
}

#[test]
fn store_facts_and_other_messages_reach_the_checks() {
    let dir = std::env::temp_dir().join(format!("followup-lint-store-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let other = dir.join("to-jose.txt");
    let note = "Thank you for meeting with me yesterday. I am excited about the chance to help with the onboarding work and the SQL reporting you run.";
    std::fs::write(&other, note).expect("write");
    let store = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/draft-store.json");
    let rules = |args: &[&str], text: &str| -> Vec<String> {
        let out = lint(args, text);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        v.as_array()
            .expect("array")
            .iter()
            .map(|f| f["rule"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let text = "Dear Dana,\n\nThank you for the interview. The onboarding revamp sounds like a great challenge, and I am excited about the role.\n\nBest,\nSam";
    let for_dana = [
        "--json",
        "--store",
        store,
        "--interview",
        "acme-pm",
        "--interviewer",
        "dana",
        "-",
    ];
    // Without the store the topic is only a cue-less mention; with it, it is the detail.
    let known = rules(&for_dana, text);
    assert!(!known.iter().any(|r| r == "detail.missing"), "{known:?}");
    // The recipient comes from the store: a wrong greeting is caught without --to.
    let wrong = rules(&for_dana, &text.replace("Dana", "Chris"));
    assert!(wrong.iter().any(|r| r == "name.mismatch"), "{wrong:?}");
    let path = other.to_string_lossy().to_string();
    let dup = rules(&["--json", "--others", &path, "-"], note);
    assert!(dup.iter().any(|r| r.starts_with("duplicate.")), "{dup:?}");
    let out = lint(&["--store", store, "--interview", "nope", "-"], text);
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn human_report_is_linear_on_a_megabyte() {
    let text = "i think its a great team. Thanks for today.I was nervous lol!!! ".repeat(16_000);
    let started = std::time::Instant::now();
    let out = lint(&["-"], &text);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.len() > 1_000_000);
    // Quadratic took close to a minute on this size; linear takes well under a few seconds,
    // even in a debug build on a shared machine (about 10 s here).
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
}
