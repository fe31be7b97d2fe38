//! `followup draft` end to end: readable and JSON output, exit code 2 on bad input.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Output};

const STORE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/draft-store.json");

fn followup(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_followup"))
        .args(args)
        .output()
        .unwrap()
}

const NOW: &str = "2026-11-20T17:30:00-05:00";

#[test]
fn readable_output_has_headers_body_and_findings() {
    let out = followup(&[
        "draft",
        "--store",
        STORE,
        "--interview",
        "acme-pm",
        "--kind",
        "thank-you",
        "--now",
        NOW,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Subject: Thank you — Product Manager interview\n"),
        "{text}"
    );
    assert!(text.contains("To: dana@acme.example\n"), "{text}");
    assert!(text.contains("\nDear Dana,\n"), "{text}");
    assert!(text.contains("this afternoon"), "{text}");
    assert!(text.contains("Findings:"), "{text}");
}

#[test]
fn json_output_is_the_contract() {
    let out = followup(&[
        "draft",
        "--store",
        STORE,
        "--interview",
        "acme-pm",
        "--interviewer",
        "siobhan",
        "--kind",
        "thank-you",
        "--channel",
        "linkedin-note",
        "--now",
        NOW,
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let object = json.as_object().unwrap();
    let keys: Vec<&str> = object.keys().map(String::as_str).collect();
    for key in ["kind", "channel", "subject", "body", "to", "findings"] {
        assert!(keys.contains(&key), "{keys:?}");
    }
    assert_eq!(json["kind"], "thank-you");
    assert_eq!(json["channel"], "linkedin-note");
    assert!(json["subject"].is_null());
    assert_eq!(json["to"], "Siobhán O'Brien");
    let body = json["body"].as_str().unwrap();
    assert!(body.starts_with("Hi Siobhán,"), "{body}");
    assert!(body.encode_utf16().count() <= 300);
    let findings = json["findings"].as_array().unwrap();
    for f in findings {
        for key in [
            "rule",
            "category",
            "severity",
            "start",
            "end",
            "message",
            "suggestion",
        ] {
            assert!(f.get(key).is_some(), "{f}");
        }
    }
}

#[test]
fn same_command_same_output() {
    let args = [
        "draft",
        "--store",
        STORE,
        "--interview",
        "acme-pm",
        "--interviewer",
        "jose",
        "--kind",
        "status-check",
        "--now",
        "2026-12-03T09:00:00-05:00",
        "--json",
    ];
    assert_eq!(followup(&args).stdout, followup(&args).stdout);
}

#[test]
fn bad_input_exits_2_with_one_line() {
    let cases: &[&[&str]] = &[
        &[
            "draft",
            "--store",
            STORE,
            "--interview",
            "nope",
            "--kind",
            "thank-you",
        ],
        &[
            "draft",
            "--store",
            STORE,
            "--interview",
            "acme-pm",
            "--interviewer",
            "zed",
            "--kind",
            "thank-you",
        ],
        &[
            "draft",
            "--store",
            STORE,
            "--interview",
            "acme-pm",
            "--kind",
            "move-on",
        ],
        &[
            "draft",
            "--store",
            STORE,
            "--interview",
            "acme-pm",
            "--kind",
            "haiku",
        ],
        &[
            "draft",
            "--store",
            STORE,
            "--interview",
            "acme-pm",
            "--kind",
            "nudge",
            "--channel",
            "fax",
        ],
        &["draft", "--store", STORE, "--kind", "nudge"],
        &[
            "draft",
            "--store",
            "/nonexistent/store.json",
            "--interview",
            "x",
            "--kind",
            "nudge",
        ],
        &[
            "draft",
            "--store",
            STORE,
            "--interview",
            "acme-pm",
            "--kind",
            "nudge",
            "--now",
            "soon",
        ],
    ];
    for args in cases {
        let out = followup(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("followup: "), "{err}");
    }
}
