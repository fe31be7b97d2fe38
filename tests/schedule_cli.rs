//! `followup schedule` and `followup ics`, run as the built binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use std::process::{Command, Output};

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/schedule_example.json"
);
const NOW: &str = "2026-11-21T10:00:00-05:00";

fn followup(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_followup"))
        .args(args)
        .output()
        .expect("run followup")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

#[test]
fn schedule_json_is_the_contract_shape() {
    let out = followup(&["schedule", "--store", EXAMPLE, "--now", NOW, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let items: Vec<Value> = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(items.len(), 4);
    for item in &items {
        let keys: Vec<&str> = item
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut sorted = keys.clone();
        followup::order::sort(&mut sorted);
        assert_eq!(
            sorted,
            [
                "due",
                "interview",
                "interviewer",
                "kind",
                "reason",
                "status"
            ]
        );
        let due = item["due"].as_str().unwrap();
        assert!(chrono::DateTime::parse_from_rfc3339(due).is_ok(), "{due}");
    }
    assert_eq!(items[0]["interview"], "globex-analyst");
    assert_eq!(items[0]["status"], "overdue");
    assert_eq!(items[1]["interviewer"], "raj");
    assert_eq!(items[1]["due"], "2026-11-21T14:00:00-05:00");
    assert_eq!(items[1]["status"], "due");
    assert_eq!(items[3]["kind"], "status-check");
    assert_eq!(
        items[3]["reason"],
        "Decision was promised by Dec 1; by then two business days will have passed"
    );
}

#[test]
fn an_interview_without_interviewers_has_a_null_interviewer() {
    let dir = std::env::temp_dir().join(format!("followup-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("nobody.json");
    std::fs::write(
        &path,
        r#"{"version": 1, "interviews": [{"id": "a", "company": "A", "role": "R", "at": "2026-11-20T14:00:00Z"}]}"#,
    )
    .unwrap();
    let out = followup(&[
        "schedule",
        "--store",
        path.to_str().unwrap(),
        "--now",
        NOW,
        "--json",
    ]);
    assert!(out.status.success());
    let items: Vec<Value> = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(items[0]["interviewer"], Value::Null);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn schedule_table_by_default() {
    let out = followup(&["schedule", "--store", EXAMPLE, "--now", NOW]);
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[0].starts_with("DUE"));
    assert!(
        lines[2].contains("Sat 2026-11-21 14:00 -05:00  due"),
        "{}",
        lines[2]
    );
    assert!(
        lines[2].ends_with("Thank Raj Patel within 24 hours of your Acme Corp interview on Nov 20")
    );
}

#[test]
fn schedule_from_standard_input() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_followup"))
        .args(["schedule", "--store", "-", "--now", NOW, "--json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(br#"{"version": 1}"#)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(stdout(&out).trim(), "[]");
}

#[test]
fn ics_is_a_calendar() {
    let out = followup(&["ics", "--store", EXAMPLE, "--now", NOW]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(text.matches("BEGIN:VEVENT\r\n").count(), 4);
    assert!(text.contains("DTSTAMP:20261121T150000Z\r\n"));
}

#[test]
fn bad_input_exits_2_with_one_line() {
    let missing = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/does-not-exist.json"
    );
    let cases: &[(&[&str], &str)] = &[
        (&["schedule"], "--store is required"),
        (
            &["schedule", "--store", EXAMPLE, "--now", "yesterday"],
            "--now: not an RFC 3339 time",
        ),
        (
            &["schedule", "--store", EXAMPLE, "--bogus"],
            "unknown option --bogus",
        ),
        (
            &["schedule", "--store", EXAMPLE, "extra"],
            "schedule: unexpected argument `extra`",
        ),
        (&["schedule", "--store", missing], "cannot read"),
        (
            &["ics", "--store", EXAMPLE, "--json"],
            "unknown option --json",
        ),
        (&["ics"], "--store is required"),
    ];
    for (args, want) in cases {
        let out = followup(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(stdout(&out).is_empty());
    }
}

#[test]
fn an_invalid_store_names_the_path() {
    let dir = std::env::temp_dir().join(format!("followup-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.json");
    std::fs::write(
        &path,
        "{\"version\": 1, \"interviews\": [{\"id\": \"a\", \"company\": \"A\", \"role\": \"R\",\n \"at\": \"2026-11-20\"}]}",
    )
    .unwrap();
    for command in ["schedule", "ics"] {
        let out = followup(&[command, "--store", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1);
        assert!(
            err.contains("interviews[0].at: not an RFC 3339 time: \"2026-11-20\""),
            "{err}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}
